import { addDays } from '../../engine/dates';
import type { StoredValue } from '../datasets/insert';
import type { FieldDef } from '../datasets/kinds';
import type { Mapping } from './mapping';
import type { Cell } from './readers/types';
import type { FieldProblem } from './row-values';

const overdueDays: FieldDef = { name: 'overdue_days', label: 'Overdue by days', type: 'int' };
const creditDays: FieldDef = { name: 'credit_days', label: 'Credit days', type: 'int' };

type Read = (field: FieldDef, column: number | undefined, cell: Cell | undefined) => StoredValue;

/** More days than any bill is overdue, not yet due or given to pay in: a hundred years. */
const MOST_DAYS = 36_500;
/** Whether a number of days is one a bill can be overdue, not yet due or given to pay in. */
export const isDayCount = (days: number) => Number.isInteger(days) && Math.abs(days) <= MOST_DAYS;

/**
 * A bill's due date where an ageing report writes none, from what it writes instead. Without a due
 * date a bill is never overdue, and a collection scheme paid on a reduction of nothing.
 *
 * - Its days overdue on the as-of date (Tally's Bills Receivable without its Due on column, SAP's
 *   Days in arrears, QuickBooks' Past Due): the as-of date less the days, so 61 days overdue on 31
 *   October fell due on 31 August (and -10 falls due on 10 November). A bill with no days written
 *   is not yet due, and keeps no due date.
 * - Else its credit days (Busy's and Marg's Credit Days, a Credit Period): the bill's date plus
 *   them, so a bill of 1 August on 30 days fell due on 31 August.
 *
 * A due date the file writes is kept as written.
 */
export function dueFromDays(
  mapping: Mapping,
  cells: readonly Cell[],
  values: Record<string, StoredValue>,
  read: Read,
  problems: FieldProblem[],
): void {
  if (values.due_date !== null && values.due_date !== undefined) return;
  const [overdue, credit] = [mapping.overdue_days, mapping.credit_days];
  const field = overdue !== undefined ? overdueDays : creditDays;
  const column = overdue ?? credit;
  if (column === undefined) return;
  const days = read(field, column, cells[column]);
  if (typeof days !== 'number') return;
  // Past the years a date can hold, it made no due date but a crash of the whole import.
  if (!isDayCount(days)) {
    problems.push({
      field: field.name,
      column,
      value: String(cells[column]),
      message: `${days.toLocaleString('en-IN')} days is more than a hundred years: no bill is ${overdue !== undefined ? 'overdue' : 'given to pay'} that long`,
    });
    return;
  }
  const from = overdue !== undefined ? values.as_of : values.doc_date;
  if (typeof from === 'string') values.due_date = addDays(from, overdue !== undefined ? -days : days);
}

/**
 * What the import says of the due dates it works out (dueFromDays), naming the column; null where
 * the file maps or is given a due date of its own (the days then only fill its blanks).
 */
export function dueDateNote(
  headers: readonly string[],
  mapping: Mapping,
  defaults: Readonly<Record<string, Cell>>,
): { field: string; decision: string } | null {
  if (mapping.due_date !== undefined || defaults.due_date !== undefined) return null;
  const [overdue, credit] = [mapping.overdue_days, mapping.credit_days];
  if (overdue !== undefined)
    return {
      field: 'due_date',
      decision: `Due date is the as-of date less the days in "${headers[overdue]}" (61 days overdue on 31 October fell due on 31 August); a bill with no days written is not yet due`,
    };
  if (credit !== undefined)
    return {
      field: 'due_date',
      decision: `Due date is the document date plus the days in "${headers[credit]}" (a bill of 1 August on 30 days fell due on 31 August); a bill with no days written keeps no due date`,
    };
  return null;
}

/**
 * Whether an ageing report gave its bills due dates at all. A report that gives none (its age
 * columns "0-30 Days", "31-60 Days" count from the bill's date or its due date, as the report was
 * set up, and say neither) lands whole, but a collection scheme would find nothing overdue in it
 * and pay nothing on its reduction: the import warns.
 */
export class DueDates {
  private owing = 0;
  private dated = 0;

  add(values: Readonly<Record<string, StoredValue>>): void {
    if (typeof values.outstanding !== 'number' || values.outstanding <= 0) return;
    this.owing++;
    if (typeof values.due_date === 'string') this.dated++;
  }

  warning(): string | null {
    if (this.owing === 0 || this.dated > 0) return null;
    const none =
      this.owing === 1 ? 'The one bill owing has no due date' : `None of the ${this.owing} bills owing has a due date`;
    return `${none}: the file gives no due date, days overdue or credit days, so a collection scheme counts nothing in this report overdue and pays nothing on its reduction. Export the report with its due dates (Tally's Bills Receivable with Due on or Overdue by days, ERPNext's Accounts Receivable with Due Date, SAP's Net due date) and import it again, or map the column that gives them`;
  }
}
