import { paiseToRupees } from '../../engine/money';
import type { StoredValue } from '../datasets/insert';
import type { DatasetKind } from '../datasets/kinds';
import type { ImportIssue } from './importer';
import type { SourceRow } from './readers/types';
import { shown } from './row-values';

type RowIssues = (
  values: Record<string, StoredValue>,
  row: SourceRow,
  mapping: Record<string, number>,
  headers: readonly string[],
) => ImportIssue[];

/**
 * What is wrong with a target row beyond its fields' own readings: a target is never below
 * nothing, its period runs forwards, and it names a measure or a scheme.
 */
const targetIssues: RowIssues = (values, row, mapping, headers) => {
  const issues: ImportIssue[] = [];
  if (typeof values.value === 'string' && values.value.startsWith('-'))
    issues.push({
      row: row.number,
      column: headers[mapping.value ?? -1] ?? 'Value',
      value: shown(row.cells[mapping.value ?? -1] ?? null),
      message: 'a target below zero: no scheme can be measured against it',
    });
  if (
    typeof values.period_from === 'string' &&
    typeof values.period_to === 'string' &&
    values.period_to < values.period_from
  )
    issues.push({
      row: row.number,
      column: headers[mapping.period_to ?? -1] ?? 'To',
      value: values.period_to,
      message: `the period ends (${values.period_to}) before it starts (${values.period_from})`,
    });
  if (values.measure == null && values.scheme_code == null)
    issues.push({
      row: row.number,
      column: headers[mapping.measure ?? mapping.scheme_code ?? -1] ?? 'Measure',
      value: '',
      message: 'Measure or Scheme is required',
    });
  return issues;
};

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
const receivableIssues: RowIssues = (values, row, mapping, headers) => {
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
};

/** What is wrong with a row of a kind beyond its fields' own readings, for the kinds that say. */
const byKind: Partial<Record<DatasetKind, RowIssues>> = { targets: targetIssues, receivables: receivableIssues };

export const rowIssues = (kind: DatasetKind, ...args: Parameters<RowIssues>): ImportIssue[] =>
  byKind[kind]?.(...args) ?? [];
