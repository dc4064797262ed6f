import { addDays } from '../../engine/dates';
import type { StoredValue } from '../datasets/insert';
import type { FieldDef } from '../datasets/kinds';
import type { Mapping } from './mapping';
import type { Cell } from './readers/types';

const overdueDays: FieldDef = { name: 'overdue_days', label: 'Overdue by days', type: 'int' };

/**
 * A bill's due date from the days it is overdue on the as-of date, where an ageing report writes
 * those days and no due date (Tally's Bills Receivable without its Due on column, SAP's Days in
 * arrears, QuickBooks' Past Due): the as-of date less the days, so 61 days overdue on 31 October
 * fell due on 31 August (and -10 falls due on 10 November). Without a due date a bill is never
 * overdue, and a collection scheme paid on a reduction of nothing. A bill with no days written is
 * not yet due, and keeps no due date; a due date the file writes is kept as written.
 */
export function dueFromOverdueDays(
  mapping: Mapping,
  cells: readonly Cell[],
  values: Record<string, StoredValue>,
  read: (field: FieldDef, column: number | undefined, cell: Cell | undefined) => StoredValue,
): void {
  const column = mapping.overdue_days;
  if (column === undefined || (values.due_date !== null && values.due_date !== undefined)) return;
  const days = read(overdueDays, column, cells[column]);
  if (typeof days === 'number' && typeof values.as_of === 'string') values.due_date = addDays(values.as_of, -days);
}
