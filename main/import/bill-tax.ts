import type Database from 'better-sqlite3';
import { billAmount, billsOf } from './bill-discount';
import { type BillRun, BillRuns } from './bill-runs';
import { noTaxButCess } from './gst-types';
import type { Mapping } from './mapping';
import type { Cell } from './readers/types';
import { convertRow, type Decisions } from './row-values';
import { shareOf } from './voucher-items';

/**
 * A bill's total with its tax beside its lines' net values, and no tax written (a register's
 * `Invoice Value` beside its `Taxable Value`): the bill's tax is its total less its lines, their
 * round-off and other charges. Read as written, each bill's amount for early payment lacked its
 * GST, so a bill paid at its value before tax counted as paid in full.
 */

/**
 * Whether a bill's total holds `rest` (paise) beyond its lines' net values `net` and any cess as a
 * GST would: nothing, or up to 28 % of them (GST's highest rate) and a rupee of round-off. Integers
 * only.
 */
const taxLike = (rest: number, net: number): boolean => rest >= 0 && 100 * rest <= 28 * Math.abs(net) + 100 * 100;

/**
 * The column of each bill's total with its tax (its header names it so), where the file writes no
 * tax and the rows show it: on every bill of the first rows (the last, which the sample may have
 * cut, only where it is the only one) the total is written the same on each of its rows, on all but
 * a tenth of them it holds beyond its lines what a GST would (the others are warned of as they are
 * stored), and on some it holds more than them. Null where the file writes tax (cess alone is not), a GST rate or a
 * line's amount with its tax, or the user mapped the total themselves.
 */
export function billTaxColumn(
  mapping: Mapping,
  rows: readonly (readonly Cell[])[],
  d: Decisions,
  defaults: Readonly<Record<string, Cell>>,
  proposed: (field: string) => boolean,
): number | null {
  const { gross_total: total, net_value: net, doc_no: docNo } = mapping;
  if (total === undefined || net === undefined || docNo === undefined || !proposed('gross_total')) return null;
  if (!noTaxButCess(mapping) || mapping.tax_inclusive !== undefined) return null;
  if ([mapping.gst_type, mapping.with_tax, mapping.bill_total].some((c) => c !== undefined)) return null;
  const bills = billsOf(rows, docNo);
  const whole = bills.length > 1 ? bills.slice(0, -1) : bills;
  // A total that differs between a bill's rows is no bill's total.
  if (whole.some((lines) => billAmount(lines, total, d) === null)) return null;
  const rests = whole.map((lines) => {
    const amount = billAmount(lines, total, d) ?? 0;
    let sum = 0;
    let nets = 0;
    let cess = 0;
    for (const cells of lines) {
      const { values, problems } = convertRow('sales', mapping, cells, d, defaults);
      if (problems.length > 0 || typeof values.net_value !== 'number') return null;
      nets += values.net_value;
      if (typeof values.tax === 'number') cess += values.tax;
      sum += [values.net_value, values.round_off, values.charges].reduce<number>(
        (n, v) => n + (typeof v === 'number' ? v : 0),
        0,
      );
    }
    const rest = amount - Math.abs(sum);
    return taxLike(rest - Math.abs(cess), nets) ? rest : null;
  });
  // Its header names it a total with tax; the rows confirm it, a bill in ten of them left to warn of.
  const unfit = rests.filter((r) => r === null).length;
  return 10 * unfit <= rests.length && rests.some((r) => (r ?? 0) > 0) ? total : null;
}

/** A stored line of a bill, as its tax is worked out. */
interface StoredLine {
  id: number;
  net: number | null;
  /** Its round-off and other charges. */
  added: number;
  /** Its cess, as a column wrote it (its tax until the bill's is worked out). */
  cess: number;
}

/**
 * The bills of an import as their lines are stored (the run's span: the ids of a bill's first and
 * last stored lines), each settled when the next begins (and the last at the end): its tax, its
 * total less its lines' net values, round-off and charges (its cess, where a column writes it,
 * among what that leaves), is spread over its lines by their net values to the paisa (the shares
 * add up to it exactly). A bill whose total does not hold its lines
 * and at most a GST beyond them, or differs between its rows, keeps no tax, and is counted.
 */
export class BillTax {
  private readonly runs: BillRuns<null>;
  private readonly linesOf: Database.Statement<[number, number], StoredLine>;
  private readonly setTax: Database.Statement<[number, number]>;
  private bills = 0;
  private unfit = 0;

  constructor(
    db: Database.Database,
    /** The column of the bill's total with its tax. */
    private readonly column: number,
    d: Decisions,
    /** Told the tax a bill's lines were given, paise, signed as stored. */
    private readonly given: (tax: number) => void,
  ) {
    this.linesOf = db.prepare(
      `SELECT id, net_value AS net, coalesce(round_off, 0) + coalesce(charges, 0) AS added, coalesce(tax, 0) AS cess
       FROM sales WHERE id BETWEEN ? AND ? ORDER BY id`,
    );
    this.setTax = db.prepare('UPDATE sales SET tax = ? WHERE id = ?');
    this.runs = new BillRuns(
      column,
      d,
      () => null,
      (bill) => this.settled(bill),
    );
  }

  /** A row's lines as stored (ids `first` to `last`), the row's cells giving the bill's total. */
  add(values: Parameters<BillRuns<null>['add']>[0], cells: readonly Cell[], first: number, last: number): void {
    this.runs.add(values, cells, first, last);
  }

  /** Settles the bill last added. */
  settle(): void {
    this.runs.end();
  }

  private settled(bill: BillRun<null>): void {
    const lines = this.linesOf.all(bill.first, bill.last);
    const nets = lines.map((l) => l.net ?? 0);
    const net = nets.reduce((n, v) => n + v, 0);
    const rest = Math.abs(bill.amount ?? 0) - Math.abs(net + lines.reduce((n, l) => n + l.added, 0));
    const cess = Math.abs(lines.reduce((n, l) => n + l.cess, 0));
    if (!bill.same || bill.amount === null || !taxLike(rest - cess, net)) {
      this.unfit++;
      return;
    }
    const sign = net < 0 ? -1 : 1;
    lines.forEach((line, index) => {
      this.setTax.run(sign * shareOf(rest, nets, index), line.id);
    });
    this.bills++;
    this.given(sign * rest);
  }

  /** What the import says of the bills' tax: how it was worked out, and of how many bills it could not be. */
  said(
    headers: readonly string[],
    mapping: Mapping,
  ): { decision: { field: string; decision: string } | null; warning: string | null } {
    const total = `"${headers[this.column]}"`;
    const net = `"${headers[mapping.net_value ?? -1]}"`;
    const count = (n: number) => `${n.toLocaleString('en-IN')} ${n === 1 ? 'bill' : 'bills'}`;
    return {
      decision:
        this.bills === 0
          ? null
          : {
              field: 'tax',
              decision: `${total} is each bill's total with its tax, and the file writes no tax: each bill's tax is ${total} less its lines' ${net} (and any round-off and other charges), spread over its lines by their ${net} to the paisa (${count(this.bills)})`,
            },
      warning:
        this.unfit === 0
          ? null
          : `On ${count(this.unfit)} ${total} is not its lines' ${net} and at most a GST of 28 % beyond them (or differs between its rows): ${this.unfit === 1 ? 'its lines keep' : 'their lines keep'} no tax, and early payment reads ${this.unfit === 1 ? 'that bill' : 'those bills'} at ${net} alone`,
    };
  }
}
