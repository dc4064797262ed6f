import type { DatasetKind } from '../datasets/kinds';
import type { ImportIssue } from './importer';
import { fieldType, type Mapping } from './mapping';
import type { SourceRow } from './readers/types';
import { shown } from './row-values';

/**
 * A row's amounts whose cells' number format writes them in another currency than the
 * workspace's: Excel shows 1234.5 formatted `[$$-409]#,##0.00` as $1,234.50, and the number alone,
 * read as rupees, was as many rupees. Refused as an amount written "$1,234.50" is: never read as
 * the workspace's currency. (A format of the workspace's own currency, ₹ or Rs., is none.)
 */
export function currencyFormatIssues(
  kind: DatasetKind,
  mapping: Mapping,
  headers: readonly string[],
  row: SourceRow,
  currency: string,
): ImportIssue[] {
  const marked = row.formatted;
  if (!marked) return [];
  const issues: ImportIssue[] = [];
  for (const { column, currency: written } of marked) {
    if (written === undefined || written === currency) continue;
    const money = Object.entries(mapping).some(([field, c]) => c === column && fieldType(kind, field) === 'money');
    if (!money) continue;
    const value = shown(row.cells[column] ?? null);
    issues.push({
      row: row.number,
      column: headers[column] ?? `column ${column + 1}`,
      value,
      message: `the cell's number format shows the amount in ${written} (Excel shows ${value} with its ${written} mark), not the workspace's currency (${currency}): convert the amount first; if it is in ${currency} and only formatted so, format the column as a plain number`,
    });
  }
  return issues;
}
