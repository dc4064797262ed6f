import { describe, expect, it } from 'vitest';
import { CELL_CHARS } from '../../main/files/excel-limits';
import { htmlTables } from '../../main/import/readers/markup';
import type { Cell, SourceSheet } from '../../main/import/readers/types';

const cellsOf = async (sheet: SourceSheet | undefined) => {
  const rows: Cell[][] = [];
  for await (const row of sheet?.rows() ?? []) rows.push([...row.cells]);
  return rows;
};

describe('HTML tables nested in cells', () => {
  it('gives a cell around a nested table its text, up to what a cell holds, and the nested table a sheet', async () => {
    const long = 'x'.repeat(CELL_CHARS + 5000);
    const page = `<table><tr><td>A</td><td><table><tr><td><table><tr><td>${long}</td></tr></table></td></tr></table></td></tr><tr><td>B</td><td>D002</td></tr></table>`;
    const [outer, middle, inner] = htmlTables(page);
    // The innermost cell is read whole (the import refuses it as longer than a cell).
    expect((await cellsOf(inner))[0]?.[0]).toBe(long);
    // The cells around it hold no more than one character past a cell: refused alike, never cut to fit.
    expect(String((await cellsOf(middle))[0]?.[0]).length).toBe(CELL_CHARS + 1);
    const rows = await cellsOf(outer);
    expect(String(rows[0]?.[1]).length).toBe(CELL_CHARS + 1);
    expect(rows[1]).toEqual(['B', 'D002']);
  });
});
