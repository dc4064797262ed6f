import { toScaledInteger } from '../../engine/money';
import type { StoredValue } from '../datasets/insert';
import { type DatasetKind, datasets, type FieldDef } from '../datasets/kinds';
import { type DecimalMark, detectDecimalMark, numberCellToDecimal, parseAmountText } from './amounts';
import { type DayOrderDecision, decideDayOrder, excelSerialToIso, isPlausibleSerial, parseDateText } from './dates';
import type { Mapping } from './mapping';
import type { Cell } from './readers/types';

/** Choices made once per file from the evidence in its columns, shown to the user. */
export interface Decisions {
  dayOrder: Record<string, DayOrderDecision>;
  decimalMark: DecimalMark;
  decimalReason: string;
  date1904: boolean;
}

export interface FieldProblem {
  field: string;
  column: number | null;
  value: string;
  message: string;
}

const scales: Partial<Record<FieldDef['type'], number>> = { money: 2, qty: 3, int: 0 };
const shown = (cell: Cell) => (cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell ?? ''));

export function decide(
  kind: DatasetKind,
  mapping: Mapping,
  samples: readonly (readonly Cell[])[],
  locale: string,
  date1904: boolean,
): Decisions {
  const fields = datasets[kind].fields;
  const texts = (field: string) =>
    samples.map((row) => row[mapping[field] ?? -1]).filter((c): c is string => typeof c === 'string');
  const dayOrder: Record<string, DayOrderDecision> = {};
  for (const f of fields.filter((f) => f.type === 'date' && mapping[f.name] !== undefined)) {
    dayOrder[f.name] = decideDayOrder(texts(f.name), locale);
  }
  const amounts = fields
    .filter((f) => scales[f.type] !== undefined || f.type === 'decimal')
    .flatMap((f) => texts(f.name));
  const decimalMark = detectDecimalMark(amounts);
  const decimalReason =
    amounts.length === 0
      ? 'Amounts are numbers in the sheet'
      : decimalMark === ','
        ? 'Amounts are written with a decimal comma (1.234,56)'
        : 'Amounts are written with a decimal point (1,234.56)';
  return { dayOrder, decimalMark, decimalReason, date1904 };
}

function toDate(field: FieldDef, cell: Exclude<Cell, null>, d: Decisions): string {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') {
    if (!isPlausibleSerial(cell)) throw new Error('expected a date, or an Excel date serial between 1950 and 2100');
    return excelSerialToIso(cell, d.date1904);
  }
  return parseDateText(String(cell), d.dayOrder[field.name]?.order ?? 'day-first');
}

function toNumber(field: FieldDef, cell: Exclude<Cell, null>, d: Decisions): number {
  const scale = scales[field.type] ?? 0;
  const text =
    typeof cell === 'number' ? numberCellToDecimal(cell, scale) : parseAmountText(String(cell), d.decimalMark);
  try {
    return toScaledInteger(text, scale);
  } catch {
    throw new Error(scale === 0 ? 'expected a whole number' : `expected at most ${scale} decimals`);
  }
}

function convert(field: FieldDef, cell: Exclude<Cell, null>, d: Decisions): StoredValue {
  switch (field.type) {
    case 'text':
      return cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).trim();
    case 'date':
      return toDate(field, cell, d);
    case 'decimal':
      return typeof cell === 'number' ? numberCellToDecimal(cell, 10) : parseAmountText(String(cell), d.decimalMark);
    default:
      return toNumber(field, cell, d);
  }
}

const blank = (cell: Cell | undefined) =>
  cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

/** One source row to stored values; every field that does not convert is reported, not just the first. */
export function convertRow(
  kind: DatasetKind,
  mapping: Mapping,
  cells: readonly Cell[],
  d: Decisions,
  defaults: Readonly<Record<string, Cell>>,
): { values: Record<string, StoredValue>; problems: FieldProblem[] } {
  const values: Record<string, StoredValue> = {};
  const problems: FieldProblem[] = [];
  for (const field of datasets[kind].fields) {
    const column = mapping[field.name];
    const cell = column === undefined ? (defaults[field.name] ?? null) : cells[column];
    if (blank(cell)) {
      values[field.name] = null;
      continue;
    }
    try {
      values[field.name] = convert(field, cell as Exclude<Cell, null>, d);
    } catch (error) {
      problems.push({
        field: field.name,
        column: column ?? null,
        value: shown(cell ?? null),
        message: (error as Error).message,
      });
    }
  }
  applySignColumns(kind, mapping, cells, values);
  return { values, problems };
}

const truthy = (cell: Cell | undefined) =>
  cell === true || cell === 1 || (typeof cell === 'string' && /^(y|yes|true|1|return|returned|r)$/i.test(cell.trim()));

/** A Dr/Cr column signs the row's amounts; a return flag (or a negative value) makes a sale a credit note. */
function applySignColumns(
  kind: DatasetKind,
  mapping: Mapping,
  cells: readonly Cell[],
  values: Record<string, StoredValue>,
) {
  const drCr = mapping.dr_cr === undefined ? null : String(cells[mapping.dr_cr] ?? '').trim();
  if (drCr && /^(cr|c|h|credit)$/i.test(drCr)) {
    for (const f of datasets[kind].fields) {
      const v = values[f.name];
      if (f.type === 'money' && typeof v === 'number') values[f.name] = -v;
    }
  }
  if (kind === 'sales' && blank(values.doc_type as Cell)) {
    const returned = mapping.return_flag !== undefined && truthy(cells[mapping.return_flag]);
    const negative = typeof values.net_value === 'number' && values.net_value < 0;
    values.doc_type = returned || negative ? 'credit_note' : 'invoice';
  } else if (kind === 'sales' && mapping.return_flag !== undefined && truthy(cells[mapping.return_flag])) {
    values.doc_type = 'credit_note';
  }
}
