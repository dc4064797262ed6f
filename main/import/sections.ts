import { type DatasetKind, datasets } from '../datasets/kinds';
import { kindRules } from './kind-rules';
import type { HeaderCandidate } from './mapping';
import type { Cell, SourceRow } from './readers/types';
import { blank } from './row-values';
import { isTotalRow } from './total-rows';

/**
 * Reports grouped by party or by item (QuickBooks' "Sales by Customer Detail" and "by
 * Product/Service Detail", and their like) write the group once, on a heading row of its own in
 * a column with no header, and leave it out of the lines under it. That column is named by this
 * text, so the mapping, the import dialog and a saved mapping can all name it.
 */
export const SECTION_HEADER = '(headings above the lines)';

/** Whether a row holds one value, in `column`, and nothing else. */
const onlyIn = (cells: readonly Cell[], column: number) =>
  !blank(cells[column]) && cells.every((c, i) => i === column || blank(c));

/**
 * The header row with its section column named and mapped, when the sheet has one: a column
 * with no header that, under the header, holds values only on rows of their own (not totals),
 * and is blank on the rows the mapping reads; it feeds the one party or item field the header
 * names no column for. Anything less certain leaves the header as it was.
 */
export function withSections(
  kind: DatasetKind,
  header: HeaderCandidate | null,
  rows: readonly SourceRow[],
): HeaderCandidate | null {
  if (!header) return header;
  const required = new Set(datasets[kind].fields.filter((f) => f.required).map((f) => f.name));
  const missing = kindRules[kind].references
    .map((r) => r.field)
    .filter((f) => required.has(f) && header.mapping[f] === undefined);
  const field = missing[0];
  if (missing.length !== 1 || !field) return header;
  const below = rows.slice(header.index + 1).map((r) => r.cells);
  const mapped = Object.values(header.mapping);
  const sectionColumn = header.headers.findIndex((h, column) => {
    if (h !== '' || mapped.includes(column)) return false;
    const headings = below.filter((cells) => onlyIn(cells, column) && !isTotalRow(cells));
    const lines = below.filter((cells) => !onlyIn(cells, column) && mapped.some((m) => !blank(cells[m])));
    return headings.length > 0 && lines.length > 0 && lines.every((cells) => blank(cells[column]) || isTotalRow(cells));
  });
  if (sectionColumn < 0) return header;
  const headers = header.headers.map((h, i) => (i === sectionColumn ? SECTION_HEADER : h));
  return { ...header, headers, mapping: { ...header.mapping, [field]: sectionColumn } };
}

/**
 * The rows of a sheet with a section column: each heading row is dropped (told to `heading`)
 * and its value written into the rows under it, up to the next heading.
 */
export function sectionFiller(headers: readonly string[], heading: () => void) {
  const column = headers.indexOf(SECTION_HEADER);
  let section: Cell = null;
  /** The row to go on with, or null for a heading row. */
  return (cells: Cell[]): Cell[] | null => {
    if (column < 0) return cells;
    if (onlyIn(cells, column) && !isTotalRow(cells)) {
      section = cells[column] ?? null;
      heading();
      return null;
    }
    if (!blank(cells[column]) || section === null) return cells;
    const filled = [...cells];
    filled[column] = section;
    return filled;
  };
}
