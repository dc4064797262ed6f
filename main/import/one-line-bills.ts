import { scaledIntegerToString } from '../../engine/money';
import type { StoredValue } from '../datasets/insert';
import { type BillRun, BillRuns } from './bill-runs';
import type { Cell } from './readers/types';
import type { Decisions } from './row-values';

/**
 * A bill's amount read as each line's, with its tax, because every bill of the first rows had one
 * line (amounts-from-rows.ts), checked on every bill as its lines are stored (the run's span: its
 * first and last row numbers; `own`, its number): a later bill of several lines that writes one
 * amount on each of them shows the column to be the bill's total after all, which, read once a
 * line, would be paid on as many times as the bill has lines. The first such bill is kept for the
 * refusal, and the file is refused once read (nothing of it stored).
 */
export class OneLineBills {
  private readonly runs: BillRuns<string>;
  private found: BillRun<string> | null = null;

  constructor(
    private readonly column: number,
    d: Decisions,
  ) {
    this.runs = new BillRuns(
      column,
      d,
      (values) => String(values.doc_no ?? ''),
      (bill) => {
        if (this.found === null && bill.rows > 1 && bill.same && bill.amount !== null) this.found = bill;
      },
    );
  }

  add(values: Record<string, StoredValue>, cells: readonly Cell[], row: number): void {
    if (!this.found) this.runs.add(values, cells, row, row);
  }

  /** The refusal of the file, naming its first bill of several lines that wrote one amount on each, or null. */
  refusal(fileName: string, headers: readonly string[]): string | null {
    this.runs.end();
    const bill = this.found;
    if (bill === null) return null;
    const header = `"${headers[this.column]}"`;
    return `${fileName}: ${header} was read as each line's amount with its tax, since every bill of the first rows has one line, but bill ${bill.own} (rows ${bill.first}–${bill.last}) writes ${scaledIntegerToString(bill.amount ?? 0, 2)} on each of its ${bill.rows} lines, as a bill's total would be, which read once a line would be counted ${bill.rows} times. Map the column of each line's own amount as Net value (--map net_value=HEADER), or, where ${header} is each line's own amount after all, map it as Line amount, tax included (--map with_tax=${header}).`;
  }
}
