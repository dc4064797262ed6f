import { normalizeHeader } from './aliases';
import type { Mapping } from './mapping';
import { QuantityUnits } from './quantity-units';
import type { Cell } from './readers/types';
import { amountIn, type Decisions } from './row-values';

/** What the products master says of reading cases: whether it gives any product's units per case, and a product's unit. */
export interface CaseMaster {
  caseUnits: boolean;
  unitOf: (sku: string) => string | undefined;
}

/** A column of whole cases (boxes, cartons), as a header names it bare or after a quantity word. */
const casesHeader =
  /^(qty|quantity|billed(qty|quantity)?)?(in)?(cases?|cs|cse|ctns?|cartons?|box(es)?)(qty|quantity)?$/;

/** The column of whole cases beside the quantity's, if the file has one. */
export function casesBeside(mapping: Mapping, headers: readonly string[]): number | undefined {
  const cases = headers.findIndex((h, c) => c !== mapping.qty && casesHeader.test(normalizeHeader(h)));
  return mapping.qty === undefined || cases < 0 ? undefined : cases;
}

/**
 * Whether a row writes whole cases beside fewer pieces: whole cases and the loose pieces beyond
 * them. A line written whole in both units (1 case, 12 pieces) never has fewer pieces than cases.
 */
export function splitsCases(cells: readonly Cell[], cases: number, qty: number, decisions: Decisions): boolean {
  const whole = amountIn(cells, cases, decisions);
  const pieces = amountIn(cells, qty, decisions);
  return whole !== null && pieces !== null && whole > 0 && pieces >= 0 && pieces < whole;
}

/**
 * Where a sales file splits each line's quantity in two — whole cases in one column and the pieces
 * beyond them in another (a DMS's `Cases` and `Units`, `Qty (CS)` and `Qty (PCS)`: 2 cases and 4
 * pieces) — the cases column, and why the pieces alone are not the line's quantity. Read alone,
 * the pieces counted a line of 2 cases as 4, and a volume scheme paid on a fraction of what was
 * sold. Shown by a line of the first rows with fewer pieces than cases (whole cases and no loose
 * pieces, most often): written whole in both units, the pieces are never fewer. The cases are
 * added in only by the products master's units per case (SaleQuantities): refused where it gives
 * none and a line of the first rows needs them; null where the file shows no such split.
 */
export function looseQuantity(
  mapping: Mapping,
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  decisions: Decisions,
  master: CaseMaster,
): { cases: number; refusal: string | null; decision: string } | null {
  const qty = mapping.qty;
  const cases = casesBeside(mapping, headers);
  if (qty === undefined || cases === undefined) return null;
  const split = (cells: readonly Cell[]) => splitsCases(cells, cases, qty, decisions);
  const row = rows.find(split);
  if (row === undefined) return null;
  // A line of whole cases and no pieces of a product the master counts in the cases column's unit
  // is read from that column (SaleQuantities): no units per case needed.
  const casesUnit = decisions.qtyInUnits?.find((other) => other.column === cases)?.unit;
  const inCases = (cells: readonly Cell[]) => {
    if (casesUnit === undefined || amountIn(cells, qty, decisions) !== 0) return false;
    const uom = master.unitOf(String(cells[mapping.sku ?? -1] ?? '').trim());
    return uom !== undefined && QuantityUnits.same(uom, casesUnit);
  };
  const needing = master.caseUnits ? undefined : rows.find((cells) => split(cells) && !inCases(cells));
  const [inCasesHeader, inPieces] = [headers[cases], headers[qty]];
  const why = (line: readonly Cell[], alone: string) =>
    `"${inPieces}" is not each line's quantity${alone}: a line of the first rows has ${String(line[cases]).trim()} in "${inCasesHeader}" and ${String(line[qty]).trim()} in "${inPieces}", so the file writes whole cases in one and the pieces beyond them in the other`;
  return {
    cases,
    refusal: needing
      ? `${why(needing, '')}, and nothing says how many pieces a case holds. Give each product's units per case in the products master (a Units per Case column). Map a column of each line's whole quantity (--map qty=HEADER, or in the import dialog), or export the quantity in one unit`
      : null,
    decision: `${why(row, ' alone')}. Each line's quantity is its "${inCasesHeader}" times its product's units per case in the products master, plus its "${inPieces}"; a line of cases whose product has none is refused`,
  };
}
