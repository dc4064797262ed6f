import { type DatasetKind, datasets } from '../datasets/kinds';
import { isNumber } from './layout';
import type { Mapping } from './mapping';
import type { SourceRow } from './readers/types';
import { blank, shown } from './row-values';
import { firstRows } from './unseen-values';

/** Number-like fields: a line holds a figure in one of them, a title never fills them all. */
const FIGURES = new Set(['money', 'qty', 'decimal', 'int']);

/**
 * The rows above the header that hold lines: every column the kind requires filled, a figure in
 * one of them. A title (a company, a report's name, its period) fills a cell or two; such rows
 * are lines the header was moved below — a sort that took the header row along, two blocks pasted
 * with the second's header first — which the import would pass over with the title, unsaid. Only
 * where at least three required fields are read: a master's code and name could be any title.
 */
export function linesAboveHeader(kind: DatasetKind, mapping: Mapping, above: readonly SourceRow[]): SourceRow[] {
  const required = datasets[kind].fields
    .filter((f) => f.required && mapping[f.name] !== undefined)
    .map((f) => ({ column: mapping[f.name] as number, figure: FIGURES.has(f.type) }));
  if (required.length < 3 || !required.some((r) => r.figure)) return [];
  return above.filter(
    (row) =>
      required.every(({ column }) => !blank(row.cells[column])) &&
      required.some(({ column, figure }) => figure && isNumber(row.cells[column])),
  );
}

/** Why a file whose lines begin above its header is refused, naming the rows and their documents; null where none do. */
export function linesAboveProblem(
  kind: DatasetKind,
  mapping: Mapping,
  table: { headerRow: number; rowsAbove: readonly SourceRow[] },
): string | null {
  const lines = linesAboveHeader(kind, mapping, table.rowsAbove);
  if (lines.length === 0) return null;
  const named = mapping.doc_no ?? mapping.receipt_no ?? mapping.distributor_code;
  const documents = named === undefined ? [] : lines.slice(0, 3).map((row) => shown(row.cells[named] ?? null));
  return `${firstRows(lines.map((row) => row.number))} above the header (row ${table.headerRow}) ${lines.length > 1 ? 'are lines' : 'is a line'}${documents.length > 0 ? ` (${documents.join(', ')}${lines.length > 3 ? ', …' : ''})` : ''}: every column a line needs is filled, and the import reads only the rows under the header. Put the header back on top of its lines (a sort that took it along?), or delete ${lines.length > 1 ? 'them if they are' : 'it if it is'} no lines, and import again`;
}
