import type { StoredValue } from '../datasets/insert';
import type { ImportIssue } from './importer';
import type { SourceRow } from './readers/types';
import { shown } from './row-values';

/**
 * What is wrong with a bill of an ageing list beyond its fields' own readings: a list of what was
 * owed on a day (Tally's "as on", SAP's key date, ERPNext's report date) holds no bill of a later
 * day, so a bill dated after the as-of date says that date was read wrong (a title's 06/11/2026
 * read the other way round, a date typed for the list) or the list is not what it says.
 */
export function receivableIssues(
  values: Record<string, StoredValue>,
  row: SourceRow,
  mapping: Record<string, number>,
  headers: readonly string[],
): ImportIssue[] {
  const { doc_date: date, as_of: asOf } = values;
  if (typeof date !== 'string' || typeof asOf !== 'string' || date <= asOf) return [];
  return [
    {
      row: row.number,
      column: headers[mapping.doc_date ?? -1] ?? 'Bill date',
      value: shown(row.cells[mapping.doc_date ?? -1] ?? null),
      message: `the bill is dated ${date}, after the list's as-of date ${asOf}: a list of what was owed on a day holds no bill of a later day. Check the as-of date${mapping.as_of === undefined ? ' the import was given or read from the title' : ''}`,
    },
  ];
}
