import { scaledIntegerToString } from '../../engine/money';
import { aliases, normalizeHeader } from './aliases';
import { billAmount, billsOf } from './bill-discount';
import type { Mapping } from './mapping';
import type { Cell } from './readers/types';
import { amountIn, type Decisions } from './row-values';

type Rows = readonly (readonly Cell[])[];

/** A proposed net value found to be each bill's amount, and the column of each line's own, if any. */
export interface BillNet {
  bill: number;
  line: number | null;
  /** Whether the bill's amount holds more than its lines add up to (its tax, for billTaxColumn). */
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
  const { net_value: net, doc_no: docNo, sku, qty } = mapping;
  if (net === undefined || docNo === undefined || sku === undefined || qty === undefined || d.netFromRate) return null;
  const bills = billsOf(rows, docNo);
  // Lines of one price may well come to one amount; lines of other quantities seldom do.
  const quantity = (cells: readonly Cell[]) => String(cells[qty] ?? '').trim();
  const differing = bills.filter((lines) => lines.some((cells) => quantity(cells) !== quantity(lines[0] ?? [])));
  if (differing.length < 2 && !differing.some((lines) => lines.length >= 3)) return null;
  const amounts = differing.map((lines) => billAmount(lines, net, d));
  if (amounts.some((a) => a === null || a === 0)) return null;
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
  return `${shownBy(found, headers)}, and no column is each line's own amount (a net or taxable value whose lines add up to it). Map the column of each line's own amount as Net value (--map net_value=HEADER), or, where ${bill} is each line's own after all, map it so yourself (--map net_value=${bill}).`;
}
