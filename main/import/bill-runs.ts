import type { StoredValue } from '../datasets/insert';
import { documentText } from './document-lines';
import type { Cell } from './readers/types';
import { amountIn, blank, type Decisions } from './row-values';

/**
 * A bill as its rows come, one after another: the amount its first row writes in a column, whether
 * every row since wrote the same, how many rows, and the span of `first` to `last` they were
 * given (stored line ids, or row numbers); `own` is what its reader keeps of it besides.
 */
export interface BillRun<T> {
  key: string;
  amount: number | null;
  same: boolean;
  rows: number;
  first: number;
  last: number;
  own: T;
}

/**
 * A file's bills followed by their rows, a bill's rows one after another (as a register writes
 * them): each row joins the bill it continues or begins the next, and the bill it ends is handed to
 * `ended`, as is the last when `end` is called. Shared by the checks that read a bill's amount
 * written on each of its rows (bill-totals.ts, one-line-bills.ts).
 */
export class BillRuns<T> {
  private run: BillRun<T> | null = null;

  constructor(
    /** The column of the amount each row writes. */
    private readonly column: number,
    private readonly d: Decisions,
    /** What its reader keeps of a bill, from its first row's values. */
    private readonly begin: (values: Record<string, StoredValue>) => T,
    private readonly ended: (run: BillRun<T>) => void,
    /** Whether a row below a bill's first that writes nothing in the column keeps its amount (a total on the first row only). */
    private readonly blankBelow = false,
  ) {}

  /** The bill this row is of, after it. */
  add(values: Record<string, StoredValue>, cells: readonly Cell[], first: number, last: number): BillRun<T> {
    const key = documentText(values);
    const amount = amountIn(cells, this.column, this.d);
    let run = this.run;
    if (run === null || run.key !== key) {
      this.end();
      run = { key, amount, same: true, rows: 0, first, last, own: this.begin(values) };
      this.run = run;
    }
    run.rows++;
    run.last = last;
    if (amount !== run.amount && !(this.blankBelow && run.rows > 1 && blank(cells[this.column]))) run.same = false;
    return run;
  }

  /** Hands on the bill last added. */
  end(): void {
    const run = this.run;
    this.run = null;
    if (run !== null) this.ended(run);
  }
}
