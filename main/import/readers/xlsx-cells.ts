import { SHEET_COLUMNS, SHEET_ROWS } from '../../files/excel-limits';

/** What one sheet may hold: Excel's own grid, and merged ranges no real report comes near. */
export const SHEET_LIMITS = {
  rows: SHEET_ROWS,
  columns: SHEET_COLUMNS,
  merges: 100_000,
  /** Rows covered by merged ranges, summed over the ranges. */
  mergedRows: 2_000_000,
};

/** The 0-based column of a reference such as "AB12", or -1 when it starts with no letter. */
export function columnOf(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    n = n * 26 + code - 64;
  }
  return i === 0 ? -1 : n - 1;
}

/** The column letters of a 0-based index: 0 → A, 26 → AA (columnOf's inverse). */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A cell reference such as "B12" or "$B$12" as its 1-based row and 0-based column, or null when it is none inside a sheet's grid. */
export function cellRef(ref: string): { row: number; col: number } | null {
  const bare = ref.replace(/\$/g, '');
  const col = columnOf(bare);
  const row = Number(bare.slice(bare.search(/\d/)));
  if (col < 0 || col >= SHEET_LIMITS.columns || !Number.isInteger(row) || row < 1 || row > SHEET_LIMITS.rows)
    return null;
  return { row, col };
}
