import type { Cell } from './readers/types';

const totalPattern = /^(grand\s+|sub\s*-?\s*)?totals?(\s+(for|of)\b.*)?\s*:?$/i;

/**
 * A label as a report writes it, quotes aside: ERPNext's General Ledger writes 'Opening' and
 * 'Total' so. Asked of cells of every row, most of them quoted by nobody.
 */
const label = (text: string) => {
  const trimmed = text.trim();
  return trimmed.startsWith("'") ? trimmed.replace(/^'(.*)'$/, '$1').trim() : trimmed;
};

/** SAP's marks of a list's subtotal and total lines, first on the line: *, ** and ***, or Σ. */
const totalMark = /^(\*{1,3}|Σ)$/;

/**
 * A subtotal or total line: its first filled cell says Total (but "Total Solutions Pvt Ltd" is
 * a party), or is SAP's mark of one.
 */
export function isTotalRow(cells: readonly Cell[]): boolean {
  const first = cells.find((c) => c !== null && c !== undefined && String(c).trim() !== '');
  return typeof first === 'string' && (totalPattern.test(label(first)) || totalMark.test(first.trim()));
}

/**
 * Whether a row under the header may be a line: no total, and more than one cell filled (a text
 * alone on its row is a group's heading or a report's footer). The first rows that may be lines
 * are the evidence of what a column holds: the party or product whose values the masters know,
 * the outlets' owner, an ageing list's as-of date (locate.ts).
 */
export function mayBeLine(cells: readonly Cell[]): boolean {
  if (isTotalRow(cells)) return false;
  let filled = 0;
  for (const c of cells) if (c !== null && c !== undefined && String(c).trim() !== '' && ++filled > 1) return true;
  return false;
}

/**
 * A ledger report's running balances: Tally's "Opening Balance" and "Closing Balance" (its
 * "Current Total" is a subtotal), ERPNext's 'Opening' and 'Closing (Opening + Total)', a book's
 * "Balance b/d", "Brought Forward" and "Carried Over". Money already counted, or never a document's.
 */
const balancePattern =
  /^((to|by)\s+)?(opening|closing)(\s+balance)?$|^closing\s*\(\s*opening\s*\+\s*total\s*\)$|^(balance\s+)?[bc]\s*\/\s*[fd]$|^(brought|carried)\s+(forward|over|down)$/i;

export const isBalanceLabel = (cell: Cell | undefined): boolean =>
  typeof cell === 'string' && balancePattern.test(label(cell).replace(/\.$/, ''));

/**
 * Money held on account: Tally's outstandings write a party's receipts not set against any bill
 * as a row "On Account" (in its Ref. No. column, or where the bill's date goes), its pending
 * amount Cr. Against no bill, it is no bill of the party's and never overdue.
 */
export const isOnAccountLabel = (cell: Cell | undefined): boolean =>
  typeof cell === 'string' && /^on\s*(account|a\/c)\.?$/i.test(label(cell));
