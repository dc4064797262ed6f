import { Exact, toScaledInteger } from '../../engine/money';
import type { StoredValue } from './insert';
import type { FieldDef } from './kinds';

/** A value that does not fit its field, described for the person who has to fix the file. */
export class FieldValueError extends Error {
  constructor(
    readonly field: FieldDef,
    readonly value: string,
    readonly expected: string,
  ) {
    super(`${field.label}: "${value}" is not ${expected}`);
    this.name = 'FieldValueError';
  }
}

/** The plain content of a spreadsheet cell: formulas give their result, rich text its text. */
export function cellContent(value: unknown): string | number | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') {
    const v = value as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: unknown };
    if (v.error !== undefined) return null;
    if (v.result !== undefined) return cellContent(v.result);
    if (v.richText) return cellContent(v.richText.map((r) => r.text).join(''));
    if (v.text !== undefined) return cellContent(v.text);
  }
  return String(value);
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** Converts one cell to what the store keeps for `field`, or throws FieldValueError. */
export function toStored(field: FieldDef, raw: unknown): StoredValue {
  const value = cellContent(raw);
  if (value === null) {
    if (field.required) throw new FieldValueError(field, '', 'filled in (this field is required)');
    return null;
  }
  const shown = value instanceof Date ? value.toISOString() : String(value);
  switch (field.type) {
    case 'text':
      return String(value);
    case 'date': {
      const day = value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
      if (!isoDay.test(day) || Number.isNaN(Date.parse(day))) throw new FieldValueError(field, shown, 'a date');
      return day;
    }
    case 'money':
    case 'qty':
    case 'int': {
      const scale = field.type === 'money' ? 2 : field.type === 'qty' ? 3 : 0;
      try {
        return toScaledInteger(String(value), scale);
      } catch {
        const what = scale === 0 ? 'a whole number' : `a number with at most ${scale} decimals`;
        throw new FieldValueError(field, shown, what);
      }
    }
    case 'decimal':
      try {
        return new Exact(String(value)).toString();
      } catch {
        throw new FieldValueError(field, shown, 'a number');
      }
  }
}
