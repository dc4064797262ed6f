import { Exact } from '../../engine/money';
import { parseAmountText } from './amounts';
import type { Cell } from './readers/types';
import { blank } from './row-values';
import { isBalanceLabel, isOnAccountLabel, isTotalRow } from './total-rows';

/**
 * Reports that write each group's heading in their first column, a column the lines fill with
 * their own value: QuickBooks Desktop's "Sales by Item Detail" as CSV ("A00403 (BELCA Vinagre)"
 * in its Type column, above lines of type "Invoice", closed by "Total A00403 (BELCA Vinagre)"),
 * and Tally's outstandings shown party-wise with their bills ("Annapurna Distributors" in the
 * Date column with the party's pending amount beside it, above its bills).
 */

/** "Total A00403 (…)" or "Total for A00403 (…)": the row that closes the group of that heading. */
const closingLabel = /^total\s+(?:for\s+)?(.+)$/i;

/** The heading a "Total <heading>" row closes, as compared (lower case); null for any other row. */
export const closedHeading = (cell: Cell | undefined): string | null =>
  typeof cell === 'string' ? (closingLabel.exec(cell.trim())?.[1]?.toLowerCase() ?? null) : null;

/**
 * Whether a total's name (lower case) closes the group of `heading`: the heading itself, or the
 * start of it up to a mark or space — a report's group footer may name the group by its code
 * alone (`Total for Customer: D001` under `Customer: D001 - Annapurna Distributors`).
 */
function closes(total: string, heading: string): boolean {
  const name = heading.trim().toLowerCase();
  return name === total || (name.startsWith(total) && /^[\s\-–(:,/]/.test(name.slice(total.length)));
}

/** A cell read as an amount ("1,500.00 Dr", "(250.00)"), or null where it is none. */
function amountOf(cell: Cell | undefined): Exact | null {
  if (typeof cell === 'number') return new Exact(cell);
  if (typeof cell !== 'string') return null;
  try {
    return new Exact(parseAmountText(cell));
  } catch {
    return null;
  }
}

/**
 * The heading a row may be: a text in the first column (not a total, a balance or money on
 * account), no document of its own, and nothing but amounts beside it (a group's own sums, or
 * nothing).
 */
export function firstColumnHeading(cells: readonly Cell[], documentColumn: number | undefined): string | null {
  const first = cells[0];
  // A line has its document: asked first, since nearly every row is one.
  if (typeof first !== 'string' || (documentColumn !== undefined && !blank(cells[documentColumn]))) return null;
  if (blank(first) || isTotalRow(cells) || closedHeading(first) !== null) return null;
  if (isBalanceLabel(first) || isOnAccountLabel(first)) return null;
  for (let i = 1; i < cells.length; i++) if (!blank(cells[i]) && amountOf(cells[i]) === null) return null;
  return first;
}

/** Whether a heading carries amounts, each the sum of its lines' in that column. */
function carriesSums(heading: readonly Cell[], lines: readonly (readonly Cell[])[]): boolean {
  const columns = heading.flatMap((c, i) => (i > 0 && !blank(c) ? [i] : []));
  return (
    columns.length > 0 &&
    columns.every((i) => {
      let sum = new Exact(0);
      for (const cells of lines) {
        if (blank(cells[i])) continue;
        const amount = amountOf(cells[i]);
        if (amount === null) return false;
        sum = sum.plus(amount);
      }
      return sum.equals(amountOf(heading[i]) as Exact);
    })
  );
}

/**
 * Whether the first column, which the lines fill, also holds group headings: each group of lines
 * is closed, before the next heading comes, by its "Total <heading>" row, or its heading carries
 * the sums of its lines. At least one group must be seen closed so; one left open — a lone text
 * above lines, with no total after them and no sums of its own (a narration, a note) — is not
 * this layout. The last group may run past the rows looked at, so it counts only if it adds up.
 */
export function closedGroupsInFirstColumn(
  below: readonly (readonly Cell[])[],
  documentColumn: number | undefined,
): boolean {
  let group: { heading: readonly Cell[]; name: string; lines: (readonly Cell[])[] } | null = null;
  let closed = 0;
  for (const cells of below) {
    if (cells.every(blank)) continue;
    const total = closedHeading(cells[0]);
    if (total !== null || isTotalRow(cells)) {
      // An outer group's total ("Total Parts") closes nothing open.
      if (group && group.lines.length > 0 && total !== null && closes(total, group.name)) {
        closed++;
        group = null;
      }
      continue;
    }
    const name = firstColumnHeading(cells, documentColumn);
    if (name !== null) {
      if (group && group.lines.length > 0) {
        if (!carriesSums(group.heading, group.lines)) return false;
        closed++;
      }
      group = { heading: cells, name, lines: [] };
    } else group?.lines.push(cells);
  }
  if (group && group.lines.length > 0 && carriesSums(group.heading, group.lines)) closed++;
  return closed > 0;
}
