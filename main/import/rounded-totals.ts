import type { StoredValue } from '../datasets/insert';
import type { Mapping } from './mapping';
import type { Cell } from './readers/types';
import { pseudoAmount, type ReadCell } from './row-values';

/** Paise in a rupee: a rounding to the rupee moves a total by less. */
const ONE_RUPEE = 100;

/** Whether a round-off is worked out from two totals: both mapped, and no round-off column. */
export const roundsOffBetweenTotals = (mapping: Mapping): boolean =>
  mapping.round_off === undefined && mapping.grand_total !== undefined && mapping.rounded_total !== undefined;

/**
 * A document's round-off as its total after rounding less its total before (ERPNext's Rounded
 * Total and Grand Total, 591.00 and 590.60: 0.40), where the file writes no round-off: what the
 * distributor was billed beyond the lines and their tax, which a receipt settles the invoice
 * against. A rounded total of nothing (ERPNext's rounding turned off) or one a rupee or more from
 * the total is no rounding of it.
 */
export function roundOffBetweenTotals(
  mapping: Mapping,
  cells: readonly Cell[],
  values: Record<string, StoredValue>,
  read: ReadCell,
): void {
  if (!roundsOffBetweenTotals(mapping)) return;
  const rounded = pseudoAmount(mapping, cells, read, 'rounded_total');
  if (typeof rounded !== 'number' || rounded === 0) return;
  const total = pseudoAmount(mapping, cells, read, 'grand_total');
  if (typeof total === 'number' && rounded !== total && Math.abs(rounded - total) < ONE_RUPEE)
    values.round_off = rounded - total;
}

/**
 * A total before rounding and one after are read as a pair, and only where the file writes no
 * round-off: alone, or beside a round-off, neither is mapped, and a Grand Total stays free for the
 * columns found by the rows (a bill's total beside its lines, bill-totals.ts).
 */
export function keepRoundingPair(mapping: Mapping): void {
  if (roundsOffBetweenTotals(mapping)) return;
  delete mapping.grand_total;
  delete mapping.rounded_total;
}

/** What the import says of the round-offs it works out, naming the columns. */
export function roundingNote(headers: readonly string[], mapping: Mapping): { field: string; decision: string } | null {
  if (!roundsOffBetweenTotals(mapping)) return null;
  return {
    field: 'round_off',
    decision: `Round-off is each document's "${headers[mapping.rounded_total as number]}" less its "${headers[mapping.grand_total as number]}" (591.00 for 590.60: 0.40), what the distributor was billed beyond the lines and their tax; none where the rounded total is 0 (rounding turned off) or a rupee or more away`,
  };
}
