import { normalizeHeader } from './aliases';
import type { Mapping } from './mapping';
import type { Cell } from './readers/types';
import { amountIn, type Decisions } from './row-values';

/** A column of whole cases (boxes, cartons), as a header names it bare or after a quantity word. */
const casesHeader =
  /^(qty|quantity|billed(qty|quantity)?)?(in)?(cases?|cs|cse|ctns?|cartons?|box(es)?)(qty|quantity)?$/;

/**
 * Why a sales file's quantity column is not each line's quantity, where the file splits it in
 * two: whole cases in one column and the pieces beyond them in another (a DMS's `Cases` and
 * `Units`, `Qty (CS)` and `Qty (PCS)`: 2 cases and 4 pieces). Read alone, the pieces counted a
 * line of 2 cases as 4, and a volume scheme paid on a fraction of what was sold. Shown by a line
 * of the first rows with fewer pieces than cases (whole cases and no loose pieces, most often):
 * written whole in both units, the pieces are never fewer. Answers the refusal, or null. The
 * cases cannot be added in: nothing in the file or the masters says how many pieces a case holds.
 */
export function looseQuantity(
  mapping: Mapping,
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  decisions: Decisions,
): string | null {
  const qty = mapping.qty;
  if (qty === undefined) return null;
  const cases = headers.findIndex((h, c) => c !== qty && casesHeader.test(normalizeHeader(h)));
  if (cases < 0) return null;
  const at = rows.findIndex((cells) => {
    const whole = amountIn(cells, cases, decisions);
    const pieces = amountIn(cells, qty, decisions);
    return whole !== null && pieces !== null && whole > 0 && pieces >= 0 && pieces < whole;
  });
  const row = rows[at];
  if (row === undefined) return null;
  const written = (column: number) => String(row[column]).trim();
  return `"${headers[qty]}" is not each line's quantity: a line of the first rows has ${written(cases)} in "${headers[cases]}" and ${written(qty)} in "${headers[qty]}", so the file writes whole cases in one and the pieces beyond them in the other, and nothing says how many pieces a case holds. Map a column of each line's whole quantity (--map qty=HEADER, or in the import dialog), or export the quantity in one unit`;
}
