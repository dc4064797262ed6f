import { normalizeHeader } from './aliases';
import { cancelledOrVoid, saysVoided } from './doc-types';
import type { ImportIssue } from './importer';
import type { Mapping } from './mapping';
import type { Cell } from './readers/types';

/**
 * A column of remarks in words beside a register's lines (`Remarks`, Tally's `Narration`,
 * QuickBooks' `Memo`), which no field reads — except where it says the document never happened.
 * A bill cancelled after it was exported, or voided in an ERP that keeps its row, is marked so
 * there by many users: read as any other line, it was paid on.
 */
const REMARK_HEADERS = new Set(['remarks', 'remark', 'narration', 'comments', 'comment', 'notes', 'note', 'memo']);

/** The remark columns of a file that no field reads, by their header. */
export function remarkColumns(headers: readonly string[], mapping: Mapping): number[] {
  const read = new Set(Object.values(mapping));
  return headers.flatMap((header, column) =>
    !read.has(column) && REMARK_HEADERS.has(normalizeHeader(header)) ? [column] : [],
  );
}

/** A remark that is a status alone (`Cancelled`, `(Cancelled)`, `Void`: cancelledOrVoid): the document is skipped as one of that status. */
export function deadRemark(cells: readonly Cell[], columns: readonly number[]): 'cancelled' | 'void' | null {
  for (const column of columns) {
    const cell = cells[column];
    const dead = typeof cell === 'string' ? cancelledOrVoid(cell) : null;
    if (dead) return dead;
  }
  return null;
}

/**
 * A remark that says in more words that the line's document was cancelled or voided (`Bill
 * cancelled, reissued as SI/102`): whether the line stands cannot be told from the file, so it is
 * refused on its row, naming the remark.
 */
export function remarkIssues(
  row: number,
  cells: readonly Cell[],
  columns: readonly number[],
  headers: readonly string[],
): ImportIssue[] {
  for (const column of columns) {
    const cell = cells[column];
    if (typeof cell !== 'string' || !saysVoided(cell)) continue;
    const header = headers[column] ?? 'Remarks';
    const value = cell.trim();
    const said = value.length > 80 ? `${value.slice(0, 79)}…` : value;
    return [
      {
        row,
        column: header,
        value,
        message: `the line's ${header} says "${said}": whether its document was cancelled or stands cannot be told from the file. Leave the line out if it was cancelled; if it stands, clear the remark, and import again`,
      },
    ];
  }
  return [];
}
