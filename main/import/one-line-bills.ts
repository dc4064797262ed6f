import { scaledIntegerToString } from '../../engine/money';
import type { StoredValue } from '../datasets/insert';
import { documentText } from './document-lines';
import type { Cell } from './readers/types';
import { amountIn, type Decisions } from './row-values';

/** A bill as its lines come: the amount its first line writes, and whether every line since wrote it. */
interface Bill {
  key: string;
  number: string;
  amount: number | null;
  same: boolean;
  lines: number;
  firstRow: number;
  lastRow: number;
}

/**
 * A bill's amount read as each line's, with its tax, because every bill of the first rows had one
 * line (amounts-from-rows.ts), checked on every bill as its lines are stored: a later bill of
 * several lines that writes one amount on each of them shows the column to be the bill's total
 * after all, which, read once a line, would be paid on as many times as the bill has lines. A
 * bill's lines are taken as they come one after another (as a register writes them); the first
 * such bill is kept for the refusal, and the file is refused once read (nothing of it stored).
 */
export class OneLineBills {
  private bill: Bill | null = null;
  private found: Bill | null = null;

  constructor(
    private readonly column: number,
    private readonly d: Decisions,
  ) {}

  add(values: Record<string, StoredValue>, cells: readonly Cell[], row: number): void {
    if (this.found) return;
    const key = documentText(values);
    const amount = amountIn(cells, this.column, this.d);
    const bill = this.bill;
    if (bill !== null && bill.key === key) {
      bill.lines++;
      bill.lastRow = row;
      if (amount !== bill.amount) bill.same = false;
      return;
    }
    this.settle();
    this.bill = { key, number: String(values.doc_no ?? ''), amount, same: true, lines: 1, firstRow: row, lastRow: row };
  }

  /** The refusal of the file, naming its first bill of several lines that wrote one amount on each, or null. */
  refusal(fileName: string, headers: readonly string[]): string | null {
    this.settle();
    const bill = this.found;
    if (bill === null) return null;
    const header = `"${headers[this.column]}"`;
    return `${fileName}: ${header} was read as each line's amount with its tax, since every bill of the first rows has one line, but bill ${bill.number} (rows ${bill.firstRow}–${bill.lastRow}) writes ${scaledIntegerToString(bill.amount ?? 0, 2)} on each of its ${bill.lines} lines, as a bill's total would be, which read once a line would be counted ${bill.lines} times. Map the column of each line's own amount as Net value (--map net_value=HEADER), or, where ${header} is each line's own amount after all, map it as Line amount, tax included (--map with_tax=${header}).`;
  }

  private settle(): void {
    const bill = this.bill;
    this.bill = null;
    if (bill !== null && bill.lines > 1 && bill.same && bill.amount !== null && this.found === null) this.found = bill;
  }
}
