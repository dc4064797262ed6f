import { type DatasetKind, datasets, type FieldType } from '../datasets/kinds';
import { isFreeGoodsHeader } from './aliases';
import { isDated, isPlausibleSerial } from './dates';
import { isNumber } from './layout';
import { columnsNaming, likelyColumns, namesAField } from './mapping';
import type { Cell } from './readers/types';
import { blank } from './row-values';

const numeric: readonly FieldType[] = ['money', 'qty', 'int', 'decimal'];
/** A header of a count ("Invoice Count", "No. of Bills"): never a number, a date or an amount of a document. */
const counting = /\bcount\b|\b(number|no\.?|nos\.?)\s+of\b/i;
/** A header that names an amount of money, not a price or a count. */
const moneyWord = /\b(amount|amt|value|val|total|balance|bal|due|outstanding)\b/i;

/** Whether a header names an outlet ("Retailer Code", "Outlet Name"), as a sales line's outlet. */
const namesAnOutlet = (header: string): boolean => columnsNaming('sales', 'outlet_code', [header]).length > 0;

/** Whether a cell could be a day: a date written or a workbook's, or a day's serial number. */
const dayLike = (cell: Cell): boolean => isDated(cell) || (typeof cell === 'number' && isPlausibleSerial(cell));

/**
 * Whether the lines under the header could hold what a field of `type` holds in `column`: numbers
 * for a number, days for a date (a text column such as "Bill To Site" is no date however its name
 * reads), at least in half the cells it fills. A column every line read leaves blank holds nothing
 * a line needs (GSTR-1's "E-Commerce GSTIN" is no distributor); with no line read, any may.
 */
function holdsType(below: readonly (readonly Cell[])[], column: number, type: FieldType | undefined): boolean {
  const cells = below.map((cells) => cells[column]).filter((cell) => !blank(cell));
  if (cells.length === 0) return !below.some((row) => row.some((cell) => !blank(cell)));
  const fitting = numeric.includes(type ?? 'text') ? isNumber : type === 'date' ? dayLike : null;
  return fitting === null || 2 * cells.filter((cell) => fitting(cell ?? null)).length >= cells.length;
}

/**
 * Where a field every line needs has no column, the columns it may be in, in words for the
 * refusal: those whose header is most like a name of the field, of them only those whose lines
 * hold what the field holds (a text column such as "GL_ACCOUNTING" is no Outstanding however
 * its name reads); for an amount no header is like, the columns of numbers nothing reads
 * ("INVOICE_TOTAL" of a list of bills without their balance).
 */
export function missingFieldHint(
  kind: DatasetKind,
  field: string,
  headers: readonly string[],
  read: ReadonlySet<number>,
  below: readonly (readonly Cell[])[],
): string {
  const type = datasets[kind].fields.find((f) => f.name === field)?.type;
  // A column the import knows as something else (goods given free, another field, an outlet where
  // a distributor is missing) holds no missing field.
  const fits = (column: number) => {
    const header = headers[column] ?? '';
    return (
      !read.has(column) &&
      !counting.test(header) &&
      !isFreeGoodsHeader(header) &&
      !namesAField(kind, header) &&
      !(field === 'distributor_code' && namesAnOutlet(header)) &&
      holdsType(below, column, type)
    );
  };
  // A file of what retailers owe or paid names no distributor at all.
  const outlet = field === 'distributor_code' ? headers.find(namesAnOutlet) : undefined;
  if (outlet !== undefined && (kind === 'receivables' || kind === 'payments'))
    return ` ("${outlet}" names outlets: this file is of what outlets ${kind === 'receivables' ? 'owe' : 'paid'} their distributors, and SchemeDesk reads what distributors ${kind === 'receivables' ? 'owe' : 'paid'} the company; import the distributors' ${kind === 'receivables' ? 'bills' : 'receipts'})`;
  const likely = likelyColumns(kind, field, headers).filter((h) => fits(headers.indexOf(h)));
  if (likely.length > 0) return ` (perhaps ${likely.map((h) => `"${h}"`).join(', ')})`;
  if (type !== 'money') return '';
  const unread = headers
    .map((header, column) => ({ header, column }))
    .filter(
      ({ header, column }) => header.trim() !== '' && fits(column) && below.some((cells) => isNumber(cells[column])),
    )
    // Those headed as money first ("Bill Amount" before "MRP"), else in the file's order.
    .sort(
      (a, b) =>
        Number(moneyWord.test(b.header.replace(/_/g, ' '))) - Number(moneyWord.test(a.header.replace(/_/g, ' '))),
    )
    .slice(0, 3);
  return unread.length > 0
    ? ` (columns of numbers nothing reads: ${unread.map(({ header }) => `"${header}"`).join(', ')})`
    : '';
}
