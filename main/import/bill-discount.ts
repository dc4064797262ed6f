import { Exact } from '../../engine/money';
import type { StoredValue } from '../datasets/insert';
import { normalizeHeader } from './aliases';
import { documentText } from './document-lines';
import type { Mapping } from './mapping';
import type { Cell } from './readers/types';
import { amountIn, type Decisions } from './row-values';

/**
 * A discount on the whole bill, written on each of its item rows beside the lines' own amounts
 * (Zoho Books' `Entity Discount Amount`, a discount "at transaction level"): the lines' amounts
 * are before it, so read as they are they counted it as sales. It is spread over the bill's lines
 * in proportion to their amounts, whose sum the file writes beside it on every row (Zoho's
 * `SubTotal`), and comes off each line's net value.
 */
export interface BillDiscount {
  /** The discount on the whole bill, paise (its size). */
  amount: number;
  /** The bill's lines' amounts summed, as the file writes it on each row, paise (its size). */
  subtotal: number;
}

/** The first rows in runs of one document number: a file's bills, their item rows together. */
export function billsOf(rows: readonly (readonly Cell[])[], docNo: number): (readonly Cell[])[][] {
  const bills: (readonly Cell[])[][] = [];
  for (const cells of rows) {
    const last = bills.at(-1);
    if (last && String(last[0]?.[docNo]) === String(cells[docNo])) last.push(cells);
    else bills.push([cells]);
  }
  return bills;
}

/** A bill's amount in `column`, written the same on each of its rows (its size), or null. */
export function billAmount(lines: readonly (readonly Cell[])[], column: number, d: Decisions): number | null {
  const first = amountIn(lines[0] ?? [], column, d);
  return first === null || lines.some((cells) => amountIn(cells, column, d) !== first) ? null : Math.abs(first);
}

/**
 * Whether `column` is the bills' own, not their lines': each of their bills of several lines, one
 * at least, writes one amount in it on every row.
 */
export function writtenOncePerBill(
  bills: readonly (readonly (readonly Cell[])[])[],
  column: number,
  d: Decisions,
): boolean {
  const several = bills.filter((lines) => lines.length > 1);
  return several.length > 0 && several.every((lines) => billAmount(lines, column, d) !== null);
}

/**
 * The column that holds, on each row of every bill of the first rows, the same amount: the sum of
 * the bill's lines' net values — the bill's subtotal. The last bill, which the sample may have cut,
 * only needs it to be no less than its lines seen; where that is the only bill, only a column
 * headed as a subtotal (Zoho's `SubTotal`) is taken. Null where no column does so.
 */
function subtotalColumn(
  mapping: Mapping,
  headers: readonly string[],
  bills: readonly (readonly Cell[])[][],
  d: Decisions,
): number | null {
  const net = mapping.net_value;
  if (net === undefined) return null;
  const taken = new Set(Object.values(mapping));
  const fits = (column: number) =>
    bills.every((lines, i) => {
      const sum = lines.reduce((n, cells) => n + Math.abs(amountIn(cells, net, d) ?? 0), 0);
      const subtotal = billAmount(lines, column, d);
      if (subtotal === null) return false;
      return i < bills.length - 1 ? subtotal === sum : subtotal >= sum;
    });
  const named = (column: number) => bills.length > 1 || normalizeHeader(headers[column] ?? '') === 'subtotal';
  const column = headers.findIndex((_, c) => !taken.has(c) && named(c) && fits(c));
  return column < 0 ? null : column;
}

/**
 * A proposed discount on the whole bill that differs between the rows of one bill of the first rows
 * is each line's own, its share of the bill's (Business Central's `Inv. Discount Amount`): read as
 * the line's discount where no column is (a line's discount then tells which column is the net after
 * it, amounts-from-rows.ts), else not read. Says what it decided.
 */
export function lineDiscountShares(
  mapping: Mapping,
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  d: Decisions,
  proposed: (field: string) => boolean,
): { field: string; decision: string }[] {
  const column = mapping.bill_discount;
  if (column === undefined || mapping.doc_no === undefined || !proposed('bill_discount')) return [];
  const discount = (cells: readonly Cell[]) => amountIn(cells, column, d) ?? 0;
  if (!billsOf(rows, mapping.doc_no).some((lines) => new Set(lines.map(discount)).size > 1)) return [];
  delete mapping.bill_discount;
  const free = mapping.discount === undefined;
  if (free) mapping.discount = column;
  return [
    {
      field: 'discount',
      decision: `"${headers[column]}" differs between the rows of one bill: ${free ? "it is each line's share of the bill's discount, read as the line's discount" : 'it is not read as a discount on the whole bill'}`,
    },
  ];
}

/**
 * Reads a proposed discount on the whole bill from the first rows (one that differs between a
 * bill's rows gave way to lineDiscountShares): the bill's subtotal is found beside it. Says what it
 * decided. The rows whose discount cannot be spread (no subtotal) are each refused.
 */
export function billDiscountColumns(
  mapping: Mapping,
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  d: Decisions,
): { field: string; decision: string }[] {
  const column = mapping.bill_discount;
  if (column === undefined || mapping.doc_no === undefined) return [];
  const bills = billsOf(rows, mapping.doc_no);
  const discount = (cells: readonly Cell[]) => amountIn(cells, column, d) ?? 0;
  if (mapping.bill_subtotal === undefined) {
    const found = subtotalColumn(mapping, headers, bills, d);
    if (found !== null) mapping.bill_subtotal = found;
  }
  const subtotal = mapping.bill_subtotal;
  if (subtotal === undefined || !rows.some((cells) => discount(cells) !== 0)) return [];
  return [
    {
      field: 'net_value',
      decision: `"${headers[column]}" is a discount on the whole bill: it is spread over the bill's lines in proportion to their amounts (their sum is "${headers[subtotal]}"), to the paisa, and comes off their net values`,
    },
  ];
}

/**
 * Each bill's share of its discount so far, as its lines come: a line's share is the discount in
 * proportion to the bill's lines up to it, rounded half-up to the paisa, less what the lines
 * before it took — so the shares of a bill's lines add up to its discount exactly, however many.
 */
export class BillDiscounts {
  private readonly bills = new Map<string, { lines: number; shared: number }>();

  /** Takes this line's share of its bill's discount off its net value, onto its discount. */
  spread(values: Record<string, StoredValue>, discount: BillDiscount): void {
    const net = values.net_value;
    if (typeof net !== 'number' || discount.subtotal === 0) return;
    const key = documentText(values);
    const bill = this.bills.get(key) ?? { lines: 0, shared: 0 };
    bill.lines += Math.abs(net);
    const upTo = new Exact(discount.amount)
      .times(bill.lines)
      .dividedBy(discount.subtotal)
      .toDecimalPlaces(0, Exact.ROUND_HALF_UP)
      .toNumber();
    const share = upTo - bill.shared;
    bill.shared = upTo;
    this.bills.set(key, bill);
    const sign = values.doc_type === 'credit_note' ? -1 : 1;
    values.net_value = sign * (Math.abs(net) - share);
    values.discount = sign * (Math.abs(typeof values.discount === 'number' ? values.discount : 0) + share);
  }
}
