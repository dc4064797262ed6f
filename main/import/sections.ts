import { type DatasetKind, datasets } from '../datasets/kinds';
import { closedGroupsInFirstColumn, closedHeading, firstColumnHeading } from './first-column-groups';
import { documentColumnOf, kindRules } from './kind-rules';
import { columnsNaming, type HeaderCandidate, type Mapping } from './mapping';
import type { Cell, SourceRow } from './readers/types';
import { blank } from './row-values';
import { SECTION_HEADER, SECTION_IN_FIRST } from './section-headers';
import { isTotalRow } from './total-rows';

/** Whether a row holds one value, in `column`, and nothing else. */
const onlyIn = (cells: readonly Cell[], column: number) =>
  !blank(cells[column]) && cells.every((c, i) => i === column || blank(c));

/**
 * The header row with its section column named and mapped, when the sheet has one: a column
 * with no header that, under the header, holds values only on rows of their own (not totals),
 * and is blank on the rows the mapping reads; or else the first column, where every group of
 * lines seen is closed as closedGroupsInFirstColumn asks. It feeds the one party or item field
 * the header names no column for. Anything less certain leaves the header as it was.
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
  const field = missing.length === 1 ? missing[0] : undefined;
  const below = rows.slice(header.index + 1).map((r) => r.cells);
  const mapped = Object.values(header.mapping);
  const sectionColumn = header.headers.findIndex((h, column) => {
    if (field === undefined || h !== '' || mapped.includes(column)) return false;
    const headings = below.filter((cells) => onlyIn(cells, column) && !isTotalRow(cells));
    const lines = below.filter((cells) => !onlyIn(cells, column) && mapped.some((m) => !blank(cells[m])));
    return headings.length > 0 && lines.length > 0 && lines.every((cells) => blank(cells[column]) || isTotalRow(cells));
  });
  if (field !== undefined && sectionColumn >= 0) {
    const headers = header.headers.map((h, i) => (i === sectionColumn ? SECTION_HEADER : h));
    return { ...header, headers, mapping: { ...header.mapping, [field]: sectionColumn } };
  }
  // Headings in the first column are the report's layout whether or not a field needs them: where
  // the lines name their party and item themselves, they are only left out.
  if (!closedGroupsInFirstColumn(below, documentColumnOf(kind, header.mapping))) return header;
  const headers = [...header.headers, SECTION_IN_FIRST];
  return field === undefined
    ? { ...header, headers }
    : { ...header, headers, mapping: { ...header.mapping, [field]: headers.length - 1 } };
}

/** A heading written after a label and a colon: the label, and what follows it. */
const labelled = /^([^:]{1,40}?)\s*:\s*(\S.*)$/;

/**
 * A heading as the lines take it: the value after the field's name where the report writes it so
 * (`Customer: D001 - Annapurna Distributors`, `Party : Sharma Traders`, `Item: SKU-0001`), as
 * Busy's and Marg's party-wise registers and reports laid out by Crystal Reports do; read whole,
 * every line under it named an unknown distributor. A label that names no field's column (`Note:
 * …`, a time's `10:30`) is left as written.
 */
function afterLabel(kind: DatasetKind, field: string, heading: Cell): Cell {
  if (typeof heading !== 'string') return heading;
  const parts = labelled.exec(heading.trim());
  if (!parts || columnsNaming(kind, field, [parts[1] as string]).length === 0) return heading;
  return parts[2] as string;
}

/**
 * The rows of a sheet with a section column: each heading row is dropped (told to `skipped`) and
 * its value written into the rows under it, up to the next heading. In the first column, the row
 * that closes a group ("Total A00403 (…)") is dropped too, as a total.
 */
export function sectionFiller(
  headers: readonly string[],
  mapping: Mapping,
  kind: DatasetKind,
  skipped: (why: 'heading rows' | 'total rows') => void,
) {
  const own = headers.indexOf(SECTION_HEADER);
  const after = headers.indexOf(SECTION_IN_FIRST);
  // Where the headings are written, and where the lines take them.
  const column = own >= 0 ? own : after >= 0 ? 0 : -1;
  const into = own >= 0 ? own : after;
  const documentColumn = documentColumnOf(kind, mapping);
  const headingOf =
    own >= 0
      ? (cells: readonly Cell[]) => (onlyIn(cells, own) && !isTotalRow(cells) ? (cells[own] ?? null) : null)
      : (cells: readonly Cell[]) => firstColumnHeading(cells, documentColumn);
  const field = Object.keys(mapping).find((f) => mapping[f] === into);
  let section: Cell = null;
  /** The row to go on with, or null for a heading row. */
  return (cells: Cell[]): Cell[] | null => {
    if (column < 0) return cells;
    const named = headingOf(cells);
    if (named !== null) {
      section = field === undefined ? named : afterLabel(kind, field, named);
      skipped('heading rows');
      return null;
    }
    const closing = closedHeading(cells[column]) !== null;
    if (closing && after >= 0) {
      skipped('total rows');
      return null;
    }
    // A group's total is no line of it: left as it is, it is dropped as a total.
    if (!blank(cells[into]) || section === null || closing) return cells;
    const filled = [...cells];
    filled[into] = section;
    return filled;
  };
}
