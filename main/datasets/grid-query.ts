import { z } from 'zod';
import { toScaledInteger } from '../../engine/money';
import type { DatasetDef, FieldDef, FieldType } from './kinds';

/** Any table or query the grid reads: a name for messages and its columns (the allow-list). */
export type GridColumns = Pick<DatasetDef, 'label' | 'fields'>;

/**
 * ag-grid's sort and filter models translated to SQL. Column names come only from the
 * dataset's own field list (an allow-list) and every value is a bound parameter, so nothing a
 * browser sends is ever spliced into SQL text.
 */
const condition = z.object({
  filterType: z.enum(['text', 'number', 'date']),
  type: z.string(),
  filter: z.union([z.string(), z.number()]).nullish(),
  filterTo: z.union([z.string(), z.number()]).nullish(),
  dateFrom: z.string().nullish(),
  dateTo: z.string().nullish(),
});
const combined = z.object({
  filterType: z.enum(['text', 'number', 'date']),
  operator: z.enum(['AND', 'OR']),
  conditions: z.array(condition).max(10),
});
export const filterModelSchema = z.record(z.string(), z.union([combined, condition]));
export const sortModelSchema = z.array(z.object({ colId: z.string(), sort: z.enum(['asc', 'desc']) })).max(10);
export type FilterModel = z.infer<typeof filterModelSchema>;
export type SortModel = z.infer<typeof sortModelSchema>;
type Condition = z.infer<typeof condition>;

/** Text for a LIKE … ESCAPE '\\' pattern: its own % and _ match only themselves. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

export class GridQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GridQueryError';
  }
}

const scaleOf: Partial<Record<FieldType, number>> = { money: 2, qty: 3, int: 0 };

function fieldOf(def: GridColumns, name: string): FieldDef {
  const field = def.fields.find((f) => f.name === name);
  if (!field) throw new GridQueryError(`${def.label} has no column "${name}"`);
  return field;
}

/** A number typed into a filter, in the unit the user sees, as the stored integer. */
function storedNumber(field: FieldDef, value: string | number | null | undefined): number {
  if (value === null || value === undefined || value === '') {
    throw new GridQueryError(`The filter on ${field.label} needs a number`);
  }
  if (field.type === 'decimal') {
    const number = Number(value);
    if (!Number.isFinite(number)) throw new GridQueryError(`The filter on ${field.label} needs a number, not ${value}`);
    return number;
  }
  const scale = scaleOf[field.type];
  if (scale === undefined) throw new GridQueryError(`${field.label} cannot be filtered as a number`);
  try {
    return toScaledInteger(value, scale);
  } catch {
    throw new GridQueryError(`The filter on ${field.label} is not a number with at most ${scale} decimals: ${value}`);
  }
}

const isoDay = (value: string | null | undefined, label: string): string => {
  const day = value?.slice(0, 10) ?? '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new GridQueryError(`The filter on ${label} needs a date`);
  return day;
};

const comparisons: Record<string, string> = {
  equals: '=',
  notEqual: '<>',
  greaterThan: '>',
  greaterThanOrEqual: '>=',
  lessThan: '<',
  lessThanOrEqual: '<=',
};

/**
 * Decimal columns hold exact text (a measure, an achievement %); they are ordered and compared
 * as numbers. REAL is used only to order and compare, never for arithmetic on money.
 */
const columnSql = (field: FieldDef) => (field.type === 'decimal' ? `CAST("${field.name}" AS REAL)` : `"${field.name}"`);

function conditionSql(field: FieldDef, c: Condition, params: unknown[]): string {
  const col = columnSql(field);
  if (c.type === 'blank') return `(${col} IS NULL OR ${col} = '')`;
  if (c.type === 'notBlank') return `(${col} IS NOT NULL AND ${col} <> '')`;
  if (c.filterType === 'text') {
    const text = String(c.filter ?? '');
    const escaped = escapeLike(text);
    const like: Record<string, [string, string]> = {
      contains: [`${col} LIKE ? ESCAPE '\\'`, `%${escaped}%`],
      notContains: [`(${col} IS NULL OR ${col} NOT LIKE ? ESCAPE '\\')`, `%${escaped}%`],
      startsWith: [`${col} LIKE ? ESCAPE '\\'`, `${escaped}%`],
      endsWith: [`${col} LIKE ? ESCAPE '\\'`, `%${escaped}`],
      equals: [`${col} = ? COLLATE NOCASE`, text],
      notEqual: [`(${col} IS NULL OR ${col} <> ? COLLATE NOCASE)`, text],
    };
    const entry = like[c.type];
    if (!entry) throw new GridQueryError(`Unknown text filter "${c.type}" on ${field.label}`);
    params.push(entry[1]);
    return entry[0];
  }
  const read =
    c.filterType === 'date'
      ? (v: string | number | null | undefined) => isoDay(v === undefined || v === null ? v : String(v), field.label)
      : (v: string | number | null | undefined) => storedNumber(field, v);
  const from = c.filterType === 'date' ? c.dateFrom : c.filter;
  const to = c.filterType === 'date' ? c.dateTo : c.filterTo;
  if (c.type === 'inRange') {
    params.push(read(from), read(to));
    return `${col} BETWEEN ? AND ?`;
  }
  const op = comparisons[c.type];
  if (!op) throw new GridQueryError(`Unknown filter "${c.type}" on ${field.label}`);
  params.push(read(from));
  return `${col} ${op} ?`;
}

/** Each column's filter as one SQL condition, and their parameters in order. */
export function filterConditions(def: GridColumns, model: FilterModel): { parts: string[]; params: unknown[] } {
  const params: unknown[] = [];
  const parts = Object.entries(model).map(([name, entry]) => {
    const field = fieldOf(def, name);
    if ('conditions' in entry) {
      const joined = entry.conditions.map((c) => conditionSql(field, c, params)).join(` ${entry.operator} `);
      return `(${joined})`;
    }
    return conditionSql(field, entry, params);
  });
  return { parts, params };
}

export function whereClause(def: GridColumns, model: FilterModel): { sql: string; params: unknown[] } {
  const { parts, params } = filterConditions(def, model);
  return { sql: parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export function orderClause(def: GridColumns, sort: SortModel): string {
  const keys = sort.map((s) => `${columnSql(fieldOf(def, s.colId))} ${s.sort === 'desc' ? 'DESC' : 'ASC'}`);
  return `ORDER BY ${[...keys, 'id'].join(', ')}`;
}
