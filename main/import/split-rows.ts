import type { ImportIssue } from './importer';
import type { Cell, SourceRow } from './readers/types';
import { shown } from './row-values';

const filled = (cell: Cell | undefined) => cell !== null && cell !== undefined && String(cell).trim() !== '';

/**
 * A delimited file's row with values past its header's last column: a value holding the
 * delimiter and written without quotes (an amount 1,000.00 in a comma file) split in two, and
 * every value after it moved a column along. Read as it stands, the last column's 1,000.00 was
 * imported as 1.00, and one in the middle put its own digits under the next header. Blank cells
 * past the header (a trailing delimiter on every line) are no values.
 */
export function splitRowIssue(row: SourceRow, width: number, delimiter: string | undefined): ImportIssue | null {
  // Asked of every row of a delimited file: nothing is built for a row no wider than its header.
  if (row.cells.length <= width) return null;
  const beyond = row.cells.slice(width);
  if (!beyond.some(filled)) return null;
  const count = width + beyond.reduce<number>((last, cell, i) => (filled(cell) ? i + 1 : last), 0);
  const named = delimiter === '\t' ? 'a tab' : `the delimiter (${delimiter ?? ','})`;
  return {
    row: row.number,
    column: `column ${count}`,
    value: shown(beyond.findLast(filled) ?? null),
    message: `the row has ${count} values for the header's ${width} columns: a value holding ${named} without quotes (an amount written 1,000.00) was split in two, and the values after it moved a column along. Quote such values, or export the file again`,
  };
}
