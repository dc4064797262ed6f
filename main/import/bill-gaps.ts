import { scaledIntegerToString } from '../../engine/money';
import type { StoredValue } from '../datasets/insert';
import { countedGrouped } from '../format/numbers';
import { type BillRun, BillRuns } from './bill-runs';
import type { Mapping } from './mapping';
import type { Cell } from './readers/types';
import type { Decisions } from './row-values';

/**
 * A bill's total beside its lines, read for nothing else (a Tally register's `Gross Total` beside
 * its `Value` and tax columns): where it is more than a rupee off its lines' net values, tax, other
 * charges and round-off, something its columns do not show (a tax under another name, SAP Business
 * One's VAT beside its zero GST columns; a ledger the register was printed without: TCS, freight, a
 * discount) is not in them, and early payment reads the bill without it. Bills are
 * followed as their lines are stored (the run's span: row numbers), and the import warns of how many
 * and by how much.
 */
export class BillGaps {
  private readonly runs: BillRuns<{ lines: number }>;
  private bills = 0;
  /** What their totals hold beyond their lines, and lack of them, paise. */
  private more = 0;
  private less = 0;

  constructor(
    /** The column of each bill's total. */
    private readonly column: number,
    d: Decisions,
  ) {
    this.runs = new BillRuns(
      column,
      d,
      () => ({ lines: 0 }),
      (bill) => this.settled(bill),
      true,
    );
  }

  /** A row's line as stored. */
  add(values: Record<string, StoredValue>, cells: readonly Cell[], row: number): void {
    const amount = [values.net_value, values.tax, values.charges, values.round_off].reduce<number>(
      (n, v) => n + (typeof v === 'number' ? v : 0),
      0,
    );
    this.runs.add(values, cells, row, row).own.lines += amount;
  }

  private settled(bill: BillRun<{ lines: number }>): void {
    if (!bill.same || bill.amount === null) return;
    const gap = Math.abs(bill.amount) - Math.abs(bill.own.lines);
    if (Math.abs(gap) <= 100) return;
    this.bills++;
    if (gap > 0) this.more += gap;
    else this.less -= gap;
  }

  /** The warning, where some bill's total is off its lines, or null. */
  warning(headers: readonly string[], mapping: Mapping): string | null {
    this.runs.end();
    if (this.bills === 0) return null;
    const total = `"${headers[this.column]}"`;
    const net = `"${headers[mapping.net_value ?? -1]}"`;
    const one = this.bills === 1;
    const by = [
      ...(this.more > 0 ? [`${scaledIntegerToString(this.more, 2)} more`] : []),
      ...(this.less > 0 ? [`${scaledIntegerToString(this.less, 2)} less`] : []),
    ].join(', ');
    return `On ${countedGrouped(this.bills, 'bill', 'bills')} ${total} is more than a rupee off ${one ? 'its' : 'their'} lines' ${net}, tax, other charges and round-off (${by} in all): something its columns do not show (a tax under another name, or a ledger the register was printed without: TCS, freight, a discount) is not read, and early payment reads ${one ? 'that bill' : 'those bills'} without it; export the register with all its tax and ledger columns, or map the missing one`;
  }
}
