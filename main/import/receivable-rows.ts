import { paiseToRupees } from '../../engine/money';
import type { StoredValue } from '../datasets/insert';
import type { ImportIssue } from './importer';
import type { SourceRow } from './readers/types';
import { shown } from './row-values';

/**
 * What is wrong with a bill of an ageing list beyond its fields' own readings:
 * - a list of what was owed on a day (Tally's "as on", SAP's key date, ERPNext's report date)
 *   holds no bill of a later day, so a bill dated after the as-of date says that date was read
 *   wrong (a title's 06/11/2026 read the other way round, a date typed for the list) or the list
 *   is not what it says;
 * - what is still owed on a bill is never more than the bill (an overdue reduction pays on the
 *   outstanding, so one written ten times over pays ten times over): the two columns read are not
 *   what they were taken for, or the row was changed by hand.
 */
export function receivableIssues(
  values: Record<string, StoredValue>,
  row: SourceRow,
  mapping: Record<string, number>,
  headers: readonly string[],
): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const { doc_date: date, as_of: asOf, amount, outstanding } = values;
  const cell = (field: string) => shown(row.cells[mapping[field] ?? -1] ?? null);
  if (typeof date === 'string' && typeof asOf === 'string' && date > asOf)
    issues.push({
      row: row.number,
      column: headers[mapping.doc_date ?? -1] ?? 'Bill date',
      value: cell('doc_date'),
      message: `the bill is dated ${date}, after the list's as-of date ${asOf}: a list of what was owed on a day holds no bill of a later day. Check the as-of date${mapping.as_of === undefined ? ' the import was given or read from the title' : ''}`,
    });
  if (
    typeof amount === 'number' &&
    typeof outstanding === 'number' &&
    Math.sign(amount) === Math.sign(outstanding) &&
    Math.abs(outstanding) > Math.abs(amount)
  )
    issues.push({
      row: row.number,
      column: headers[mapping.outstanding ?? -1] ?? 'Outstanding',
      value: cell('outstanding'),
      message: `${paiseToRupees(outstanding)} is owed on a bill of ${paiseToRupees(amount)}: what is still owed on a bill is never more than the bill. Check that "${headers[mapping.amount ?? -1] ?? 'Amount'}" is each bill's amount and "${headers[mapping.outstanding ?? -1] ?? 'Outstanding'}" what is still owed on it`,
    });
  return issues;
}
