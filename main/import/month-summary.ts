import type { DatasetKind } from '../datasets/kinds';
import { normalizeHeader } from './aliases';
import { monthNamed } from './month-columns';
import type { SourceRow } from './readers/types';
import { blank } from './row-values';
import { isTotalRow } from './total-rows';

/** A month as a summary's row names it: April, Apr, Sept, Apr-26, April 2026, Sept'26. */
function isMonthName(text: string): boolean {
  const named = normalizeHeader(text).match(/^([a-z]{3,9})(?:\d{2}|\d{4})?$/);
  return named !== null && monthNamed(named[1] ?? '') >= 0;
}

/** The fields without which a row is a total, not a voucher: its number and its date. */
const voucherFields: Partial<Record<DatasetKind, readonly string[]>> = {
  sales: ['doc_no', 'doc_date'],
  payments: ['receipt_no', 'receipt_date'],
};

/** The months the first rows begin with, where at least two of them each begin with one and nothing else does. */
export function monthRowsOf(firstRows: readonly SourceRow[]): string[] {
  const firsts = firstRows
    .filter((r) => !isTotalRow(r.cells))
    .map((r) => r.cells.find((c) => !blank(c)))
    .filter((c) => c !== undefined && c !== null);
  const months = firsts.filter((c): c is string => typeof c === 'string' && isMonthName(c));
  return months.length >= 2 && months.length === firsts.length ? months.map((m) => m.trim()) : [];
}

/**
 * Why a file that totals the period month by month (Tally's Sales Register or Receipts Register
 * as it opens, a row per month with its debits and credits) cannot be imported, where it lacks a
 * voucher's number or date: a scheme counts bills, outlets and documents, which a month's total
 * does not hold. Null for any other file. Before, the import asked for the missing columns and
 * offered the month's totals as the document number and date.
 */
export function monthSummaryProblem(
  file: string,
  sheet: string,
  kind: DatasetKind,
  monthRows: readonly string[],
  unmapped: readonly string[],
): string | null {
  const fields = voucherFields[kind];
  if (!fields || monthRows.length === 0 || !fields.some((f) => unmapped.includes(f))) return null;
  const shown = monthRows
    .slice(0, 2)
    .map((m) => `"${m}"`)
    .join(', ');
  const what = kind === 'sales' ? 'sales' : 'receipts';
  return `${file}, sheet "${sheet}": this is a summary of the period month by month (${shown} …), not its vouchers: a scheme counts ${kind === 'sales' ? 'bills, outlets and products' : 'receipts against bills'}, which a month's total does not hold. Export the ${what} voucher by voucher and import that: Tally's ${kind === 'sales' ? 'Sales' : 'Receipts'} Register opened on each month (Enter on a month lists its vouchers); elsewhere the ${kind === 'sales' ? 'invoice or invoice-line' : 'payment'} list.`;
}
