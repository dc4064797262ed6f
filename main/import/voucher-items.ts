import { Exact } from '../../engine/money';
import type { StoredValue } from '../datasets/insert';

/** What a ledger line under a voucher with items is to its bill, and its amount's size (paise). */
export interface BillLedgerLine {
  part: 'tax' | 'discount' | 'charges';
  name: string;
  amount: number;
}

/** The ledgers a voucher's lines were read as, by what they were: its tax, discount, charges and round-off. */
export type BillLedgers = Record<BillLedgerLine['part'] | 'roundOff', string[]>;

/**
 * The `index`-th share of `total` spread over amounts in proportion to their sizes, to the paisa:
 * each share is the total's part up to it, rounded half-up, less the part up to the one before,
 * so the shares add up to the total exactly. With no amounts to weigh, the first takes it all.
 */
export function shareOf(total: number, amounts: readonly number[], index: number): number {
  const sum = amounts.reduce((n, a) => n + Math.abs(a), 0);
  if (sum === 0) return index === 0 ? total : 0;
  // The part up to the last amount is the whole (a bill of one line takes it without arithmetic).
  const upTo = (k: number) =>
    k === amounts.length - 1
      ? total
      : new Exact(total)
          .times(amounts.slice(0, k + 1).reduce((n, a) => n + Math.abs(a), 0))
          .dividedBy(sum)
          .toDecimalPlaces(0, Exact.ROUND_HALF_UP)
          .toNumber();
  return upTo(index) - (index === 0 ? 0 : upTo(index - 1));
}

/**
 * A voucher's ledger lines under its item lines (Tally Prime's voucher layout: `Output CGST`,
 * `Trade Discount`, `Freight Outward` below the items), applied to one of its item rows, whose net
 * value (`nets[index]`, with its siblings') is its item's amount before them: its tax ledgers' total
 * is its tax, spread over the items by their amounts; its discount ledgers' comes off their net
 * values so, onto their discount; its other charges are the first item's. Where the file writes a
 * tax of the line's own, that is kept. Answers the ledgers read, on the first row only.
 */
export function applyBillLedger(
  lines: readonly BillLedgerLine[],
  nets: readonly number[],
  index: number,
  values: Record<string, StoredValue>,
): BillLedgers | null {
  const net = values.net_value;
  if (typeof net !== 'number') return null;
  const sign = net < 0 ? -1 : 1;
  const total = (part: BillLedgerLine['part']) =>
    lines.filter((l) => l.part === part).reduce((n, l) => n + Math.abs(l.amount), 0);
  const read: BillLedgers = { tax: [], discount: [], charges: [], roundOff: [] };
  for (const line of lines) read[line.part].push(line.name);
  if (read.tax.length > 0 && values.tax == null) values.tax = sign * shareOf(total('tax'), nets, index);
  // A bill's discount beside its lines' own (a line's Disc % is inside its amount already): both.
  if (read.discount.length > 0) {
    const off = shareOf(total('discount'), nets, index);
    values.net_value = net - sign * off;
    values.discount = (typeof values.discount === 'number' ? values.discount : 0) + sign * off;
  }
  if (read.charges.length > 0 && index === 0 && values.charges == null) values.charges = sign * total('charges');
  return index === 0 ? read : null;
}
