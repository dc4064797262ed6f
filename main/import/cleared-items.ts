import type { StoredValue } from '../datasets/insert';
import type { FieldDef } from '../datasets/kinds';
import type { Mapping } from './mapping';
import type { Cell } from './readers/types';
import type { FieldProblem } from './row-values';

const clearedOn: FieldDef = { name: 'cleared_on', label: 'Clearing date', type: 'date' };

/**
 * Whether a receivables row is an item cleared on or before its as-of date: owed nothing that
 * day, so no part of the snapshot. SAP's customer line items (FBL5N) list cleared items beside
 * open ones when asked for all items, and an open-items list at a past key date shows the items
 * cleared since with their clearing document too: only the clearing date tells the two apart. A
 * clearing document with no date to judge it by is a problem of the row, never a guess.
 */
export function clearedByAsOf(
  mapping: Mapping,
  cells: readonly Cell[],
  values: Readonly<Record<string, StoredValue>>,
  read: (field: FieldDef, column: number | undefined, cell: Cell | undefined) => StoredValue,
  problems: FieldProblem[],
): boolean {
  const on = mapping.cleared_on === undefined ? null : read(clearedOn, mapping.cleared_on, cells[mapping.cleared_on]);
  const asOf = values.as_of;
  if (typeof on === 'string') return typeof asOf === 'string' && on <= asOf;
  const column = mapping.clearing_doc;
  const doc = column === undefined ? null : cells[column];
  if (mapping.cleared_on !== undefined || doc === null || doc === undefined || String(doc).trim() === '') return false;
  problems.push({
    field: 'clearing_doc',
    column: column ?? null,
    value: String(doc),
    message:
      "the item was cleared, and the file gives no clearing date to tell whether it was still owed on the as-of date: add the clearing date column (Clearing) to the list's layout",
  });
  return false;
}
