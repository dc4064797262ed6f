import type { DatasetKind } from '../datasets/kinds';
import { normalizeHeader } from './aliases';
import { isDated } from './dates';
import { monthNamed } from './month-columns';
import type { Cell, SourceRow } from './readers/types';
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

/**
 * Why a file of totals over the period by party or by item (Zoho Books' Sales by Customer or
 * Sales by Item, a register's summary: `Customer Name`, `Invoice Count`, `Sales`) cannot be
 * imported: it writes no document's number or date, and a scheme counts bills, outlets and
 * products by each document's date. Null where the file has either, dates any line under its
 * header, or names no party or item.
 * Before, the import asked for the missing columns and offered the count of invoices for both.
 */
export function totalsSummaryProblem(
  file: string,
  sheet: string,
  kind: DatasetKind,
  unmapped: readonly string[],
  table: { mapping: Readonly<Record<string, number>>; headers: readonly string[]; below: readonly (readonly Cell[])[] },
): string | null {
  const { mapping, headers, below } = table;
  const fields = voucherFields[kind];
  // A register under headers of its own ("Ref", "Day") dates its lines: a summary dates none.
  if (!fields?.every((f) => unmapped.includes(f)) || below.some((cells) => cells.some(isDated))) return null;
  const columns = [mapping.distributor_code, kind === 'sales' ? mapping.sku : undefined].filter(
    (c): c is number => c !== undefined,
  );
  if (columns.length === 0) return null;
  const by = columns.map((c) => `"${headers[c]}"`).join(' and ');
  const sales = kind === 'sales';
  return `${file}, sheet "${sheet}": this is a summary, a row per ${by} with totals over the period, not its ${sales ? 'documents' : 'receipts'}: no ${sales ? 'document' : 'receipt'}'s number or date is written, and a scheme counts ${sales ? 'bills, outlets and products' : 'receipts against bills'} by each one's date. Export the ${sales ? 'sales' : 'receipts'} ${sales ? 'document by document' : 'receipt by receipt'} and import that: ${sales ? "Zoho Books' Invoices or Invoice Details, Tally's Sales Register opened on its vouchers, ERPNext's Item-wise Sales Register; elsewhere the invoice or invoice-line list" : "Zoho Books' Customer Payments, Tally's Receipt Register opened on its vouchers; elsewhere the payment list"}.`;
}
