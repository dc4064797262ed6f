import type Database from 'better-sqlite3';
import type { StoredValue } from '../datasets/insert';
import { normalizeHeader } from './aliases';
import { billAmount, billsOf } from './bill-discount';
import { type BillRun, BillRuns } from './bill-runs';
import { type Mapping, taxColumns } from './mapping';
import type { Cell } from './readers/types';
import { type Decisions, sumIn } from './row-values';

/**
 * A bill's total with its tax, written on each of its rows beside its lines' amounts and their
 * tax (Xero's `Total` beside `LineAmount` and `TaxAmount`). Xero writes a bill's lines as it was
 * keyed, with or without their tax, and says which nowhere in the export; the total says it: a
 * bill whose lines add up to it alone wrote them with their tax, one whose lines and tax add up to
 * it without. Read as written, the first counted its tax as sales.
 */

/** Headers that name a bill's total where the first rows show one bill only. */
export const totalHeaders = new Set(['total', 'invoicetotal', 'documenttotal', 'billtotal']);

/**
 * The column that holds, on each row of every bill of the first rows, the same amount: the sum
 * of the bill's lines, with their tax (its lines' net values and tax) or without it (its lines'
 * net values alone, where they hold the tax). The last bill, which the sample may have cut, only
 * needs it to be no less than its lines seen. Some bill before it must have tax and be its lines
 * and their tax (else it may be a subtotal), and there must be two bills before the last, or the
 * column be headed as a total; one so headed is taken first. Null where no column not mapped
 * does so.
 */
export function billTotalColumn(
  mapping: Mapping,
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  d: Decisions,
): number | null {
  const { net_value: net, doc_no: docNo } = mapping;
  const tax = taxColumns(mapping);
  if (net === undefined || docNo === undefined || tax.length === 0) return null;
  const sum = (lines: readonly (readonly Cell[])[], columns: readonly number[]) =>
    Math.abs(lines.reduce((n, cells) => n + sumIn(cells, columns, d), 0));
  const bills = billsOf(rows, docNo).map((lines) => ({ lines, net: sum(lines, [net]), tax: sum(lines, tax) }));
  const whole = bills.slice(0, -1);
  // A subtotal (Zoho's SubTotal) is each bill's lines summed too: only a total that some bill's
  // lines reach with their tax alone is one with the tax.
  const fits = (column: number) =>
    whole.some((bill) => bill.tax !== 0 && billAmount(bill.lines, column, d) === bill.net + bill.tax) &&
    bills.every(({ lines, net, tax }, i) => {
      const total = billAmount(lines, column, d);
      if (total === null) return false;
      return i < bills.length - 1 ? total === net || total === net + tax : total >= net;
    });
  const named = (column: number) => whole.length >= 2 || totalHeaders.has(normalizeHeader(headers[column] ?? ''));
  const taken = new Set(Object.values(mapping));
  const fitting = headers.map((_, c) => c).filter((c) => !taken.has(c) && named(c) && fits(c));
  // A column headed as the total before another that happens to agree (Xero's InvoiceAmountDue).
  return fitting.find((c) => totalHeaders.has(normalizeHeader(headers[c] ?? ''))) ?? fitting[0] ?? null;
}

/** What a bill's lines add up to as they are stored, paise, signed as stored. */
interface Sums {
  net: number;
  tax: number;
}

/**
 * The bills of an import as their lines are stored (the run's span: the ids of a bill's first and
 * last stored lines), each settled when the next begins (and the last at the end): where a bill's
 * lines, net values summed, are its total though they carry tax, they held the tax, and each stored
 * line's net value becomes its amount less its tax.
 */
export class BillTotals {
  private readonly runs: BillRuns<Sums>;
  private bills = 0;
  private lines = 0;
  private readonly takeTax: Database.Statement;

  constructor(
    db: Database.Database,
    /** The column of the bill's total (`bill_total`). */
    private readonly column: number,
    d: Decisions,
    /** Told the tax taken off the net values of a bill's lines, paise, signed as stored. */
    private readonly taken: (tax: number) => void,
  ) {
    this.takeTax = db.prepare('UPDATE sales SET net_value = net_value - coalesce(tax, 0) WHERE id BETWEEN ? AND ?');
    this.runs = new BillRuns(
      column,
      d,
      () => ({ net: 0, tax: 0 }),
      (bill) => this.settled(bill),
    );
  }

  /** A row's lines as stored (ids `first` to `last`), the row's cells giving the bill's total. */
  add(values: Record<string, StoredValue>, cells: readonly Cell[], first: number, last: number): void {
    const sums = this.runs.add(values, cells, first, last).own;
    if (typeof values.net_value === 'number') sums.net += values.net_value;
    if (typeof values.tax === 'number') sums.tax += values.tax;
  }

  /** Settles the bill last added. */
  settle(): void {
    this.runs.end();
  }

  /** A bill ended: its lines lose their tax where they held it. */
  private settled(bill: BillRun<Sums>): void {
    const { net, tax } = bill.own;
    if (!bill.same || bill.amount === null || tax === 0) return;
    if (Math.abs(net) !== Math.abs(bill.amount)) return;
    this.takeTax.run(bill.first, bill.last);
    this.bills++;
    this.lines += bill.last - bill.first + 1;
    this.taken(tax);
  }

  /** What the import says of the bills whose lines held their tax, or null where none did. */
  decision(headers: readonly string[], mapping: Mapping): { field: string; decision: string } | null {
    if (this.bills === 0) return null;
    const tax = taxColumns(mapping).map((c) => `"${headers[c]}"`);
    const net = `"${headers[mapping.net_value ?? -1]}"`;
    return {
      field: 'net_value',
      decision: `${this.bills.toLocaleString('en-IN')} ${this.bills === 1 ? "bill's" : "bills'"} lines include their tax: the bill's "${headers[this.column]}" is its lines' ${net} summed, not those plus ${tax.join(' + ')}, so each of their ${this.lines.toLocaleString('en-IN')} lines' net value is its ${net} less its tax (the other bills' lines are before their tax, as written)`,
    };
  }
}
