import type { StoredValue } from '../datasets/insert';
import type { FieldDef } from '../datasets/kinds';
import type { Mapping } from './mapping';
import type { Cell } from './readers/types';
import type { FieldProblem } from './row-values';

const clearedOn: FieldDef = { name: 'cleared_on', label: 'Clearing date', type: 'date' };
const clearingDoc: FieldDef = { name: 'clearing_doc', label: 'Clearing document', type: 'text', key: true };

/**
 * Whether a receivables row is an item cleared on or before its as-of date: owed nothing that
 * day, so no part of the snapshot. SAP's customer line items (FBL5N) list cleared items beside
 * open ones when asked for all items, and an open-items list at a past key date shows the items
 * cleared since with their clearing document too: only the clearing date tells the two apart. A
 * clearing document with no date to judge it by (no column for it, or a blank cell) is a problem
 * of the row, never a guess.
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
  const doc = column === undefined ? null : read(clearingDoc, column, cells[column]);
  // A clearing date that did not read is that cell's problem already.
  if (doc === null || problems.some((p) => p.field === clearedOn.name)) return false;
  problems.push({
    field: clearingDoc.name,
    column: column ?? null,
    value: String(doc),
    message:
      "the item was cleared, and no clearing date tells whether it was still owed on the as-of date: give each cleared item its clearing date (add the Clearing column to the list's layout)",
  });
  return false;
}
