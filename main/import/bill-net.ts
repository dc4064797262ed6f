import { scaledIntegerToString } from '../../engine/money';
import type { StoredValue } from '../datasets/insert';
import { aliases, normalizeHeader } from './aliases';
import { billAmount, billsOf } from './bill-discount';
import { type BillRun, BillRuns } from './bill-runs';
import type { Mapping } from './mapping';
import type { Cell } from './readers/types';
import { amountIn, type Decisions } from './row-values';

type Rows = readonly (readonly Cell[])[];

/** A proposed net value found to be each bill's amount, and the column of each line's own, if any. */
export interface BillNet {
  bill: number;
  line: number | null;
  /** Whether the bill's amount holds more than its lines add up to (its tax, which billTaxColumn then reads). */
  beyond: boolean;
  /** What shows it: a bill of the first rows and its amount, written on each of its lines. */
  shown: { doc: string; amount: number; lines: number };
}

/**
 * A proposed net value that is each bill's amount written on every one of its lines (a DMS's `Net
 * Amount` beside each line's `Taxable Amount`, read once a line until 7 December, so a bill of three
 * lines was counted three times): of the first rows' bills whose lines differ in quantity — two
 * at least, or one of three lines — each writes one amount on each of its lines.
 * Answers it and the column of each line's own amount: an unread column headed as a net or taxable
 * value whose amounts differ between a bill's lines and, on every bill whole in the first rows, add
 * up to its amount, or to it less at most a GST of 28 %, within a rupee of round-off either way.
 * Null where no bill shows it, or the net value is worked out from prices.
 */
export function billNetColumn(mapping: Mapping, headers: readonly string[], rows: Rows, d: Decisions): BillNet | null {
  const { net_value: net, doc_no: docNo } = mapping;
  const differing = differingBills(mapping, rows, d);
  if (net === undefined || docNo === undefined || differing === null) return null;
  if (!enoughToTell(differing)) return null;
  const amounts = differing.map((lines) => billAmount(lines, net, d));
  if (amounts.some((a) => a === null || a === 0)) return null;
  const bills = billsOf(rows, docNo);
  const whole = bills.length > 1 ? bills.slice(0, -1) : bills;
  const rests = (column: number) =>
    whole.map((lines) => {
      const sum = lines.reduce<number | null>((n, cells) => {
        const amount = amountIn(cells, column, d);
        return n === null || amount === null ? null : n + amount;
      }, 0);
      const bill = billAmount(lines, net, d);
      return sum === null || bill === null ? null : { rest: bill - Math.abs(sum), sum: Math.abs(sum) };
    });
  const fits = (column: number) =>
    differing.some((lines) => billAmount(lines, column, d) === null) &&
    rests(column).every((r) => r !== null && r.rest >= -100 && 100 * r.rest <= 28 * r.sum + 100 * 100);
  const line = netHeadedColumns(mapping, headers).find(fits) ?? null;
  const first = differing[0] ?? [];
  return {
    bill: net,
    line,
    beyond: line !== null && rests(line).some((r) => (r?.rest ?? 0) > 100),
    shown: { doc: String(first[0]?.[docNo] ?? '').trim(), amount: amounts[0] ?? 0, lines: first.length },
  };
}

/**
 * Whether the first rows' bills whose lines differ (in quantity, or in value) are enough to tell a
 * bill's amount written on each line from the lines' own: two of them, or one of three lines (one
 * bill of two lines may write one amount by chance).
 */
export const enoughToTell = (bills: readonly (readonly unknown[])[]): boolean =>
  bills.length >= 2 || bills.some((lines) => lines.length >= 3);

/**
 * The first rows' bills whose lines differ in quantity (lines of one price may well come to one
 * amount; lines of other quantities seldom do), where the net value is read from a column of an
 * itemised file by its document; null where it is not.
 */
function differingBills(mapping: Mapping, rows: Rows, d: Decisions): (readonly Cell[])[][] | null {
  const { net_value: net, doc_no: docNo, sku, qty } = mapping;
  if (net === undefined || docNo === undefined || sku === undefined || qty === undefined || d.netFromRate) return null;
  const quantity = (cells: readonly Cell[]) => String(cells[qty] ?? '').trim();
  return billsOf(rows, docNo).filter((lines) => lines.some((cells) => quantity(cells) !== quantity(lines[0] ?? [])));
}

/**
 * Whether the first rows leave open that the net value is each bill's amount (billNetColumn found
 * too few bills to tell): none of their bills of lines of other quantities writes them other
 * amounts, so every later bill is watched (LaterBillNets).
 */
export function billNetOpen(mapping: Mapping, rows: Rows, d: Decisions): boolean {
  const differing = differingBills(mapping, rows, d);
  const net = mapping.net_value ?? -1;
  return differing?.every((lines) => billAmount(lines, net, d) !== null) ?? false;
}

/** A bill as LaterBillNets follows it: its number, its first line's quantity, and whether another line's differs. */
interface LaterBill {
  doc: string;
  qty: StoredValue | undefined;
  differs: boolean;
}

/**
 * A net value the first rows could not tell from each bill's amount (billNetOpen), checked on every
 * bill as its lines are stored: where on most bills whose lines differ in quantity, two at least,
 * it writes one amount on each line, it is the bill's after all, and the file is refused once read
 * (nothing of it stored). The first such bill (its row numbers) is kept for the refusal.
 */
export class LaterBillNets {
  private readonly runs: BillRuns<LaterBill>;
  private differing = 0;
  private same = 0;
  private first: BillRun<LaterBill> | null = null;

  constructor(
    private readonly column: number,
    d: Decisions,
  ) {
    this.runs = new BillRuns<LaterBill>(
      column,
      d,
      (values) => ({ doc: String(values.doc_no ?? ''), qty: values.qty, differs: false }),
      (bill) => {
        if (bill.rows < 2 || !bill.own.differs) return;
        this.differing++;
        if (!bill.same || !bill.amount) return;
        this.same++;
        this.first ??= bill;
      },
    );
  }

  add(values: Record<string, StoredValue>, cells: readonly Cell[], row: number): void {
    const bill = this.runs.add(values, cells, row, row);
    if (values.qty !== bill.own.qty) bill.own.differs = true;
  }

  /** The refusal of the file, naming how many bills and the first, or null where most bills' lines write their own. */
  refusal(fileName: string, headers: readonly string[]): string | null {
    this.runs.end();
    const bill = this.first;
    if (bill === null || this.same < 2 || 2 * this.same <= this.differing) return null;
    const header = `"${headers[this.column]}"`;
    return `${fileName}: ${header} was read as each line's net value, the first rows showing nothing else, but ${this.same} of the ${this.differing} bills whose lines differ in quantity write one amount on each of their lines, as a bill's amount would be (the first, ${bill.own.doc}, rows ${bill.first}–${bill.last}: ${scaledIntegerToString(bill.amount ?? 0, 2)} on each of its ${bill.rows} lines), which read as each line's would count a bill as many times as it has lines. ${mend(header)}`;
  }
}

/** How the user mends a net value that is each bill's amount. */
const mend = (header: string) =>
  `Map the column of each line's own amount as Net value (--map net_value=HEADER), or, where ${header} is each line's own after all, map it so yourself (--map net_value=${header}).`;

/** The columns no field reads headed (or their path's last part) as a net value, in the order the aliases prefer. */
export function netHeadedColumns(mapping: Mapping, headers: readonly string[]): number[] {
  const taken = new Set(Object.values(mapping));
  const names = aliases.sales.net_value ?? [];
  const rank = (c: number) => names.indexOf(normalizeHeader(headers[c]?.split('/').at(-1) ?? ''));
  return headers
    .map((_, c) => c)
    .filter((c) => !taken.has(c) && rank(c) >= 0)
    .sort((a, b) => rank(a) - rank(b));
}

/** Why a bill's amount on each of its lines is no line's: what shows it. */
function shownBy(found: BillNet, headers: readonly string[]): string {
  const { doc, amount, lines } = found.shown;
  return `"${headers[found.bill]}" is each bill's amount, written the same on each of its lines (${doc}: ${scaledIntegerToString(amount, 2)} on each of its ${lines} lines), which read as each line's would count a bill as many times as it has lines`;
}

/** What the import says of the line's own amount read in place of its bill's (found.line set). */
export function billNetDecision(found: BillNet, headers: readonly string[]): string {
  const [bill, line] = [`"${headers[found.bill]}"`, `"${headers[found.line ?? -1]}"`];
  return `${shownBy(found, headers)}: ${line} is each line's net value, the lines of each bill read adding up to ${bill}${found.beyond ? ' less its tax' : ', which is not imported'}`;
}

/** The refusal of a file whose proposed net value is its bills' amount and no column is each line's own. */
export function billNetRefusal(found: BillNet, headers: readonly string[]): string {
  const bill = `"${headers[found.bill]}"`;
  return `${shownBy(found, headers)}, and no column is each line's own amount (a net or taxable value whose lines add up to it). ${mend(bill)}`;
}
