import type { StoredValue } from '../datasets/insert';
import type { ImportIssue } from './importer';
import type { SourceRow } from './readers/types';
import { shown } from './row-values';

/**
 * What is wrong with a target row beyond its fields' own readings: a target is never below
 * nothing, its period runs forwards, and it names a measure or a scheme.
 */
export function targetIssues(
  values: Record<string, StoredValue>,
  row: SourceRow,
  mapping: Record<string, number>,
  headers: readonly string[],
): ImportIssue[] {
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
}
