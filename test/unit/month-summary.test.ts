import { describe, expect, it } from 'vitest';
import type { Cell } from '../../main/import/readers/types';
import { monthRowsOf } from '../../main/import/summaries';

const rows = (...firsts: Cell[]) => firsts.map((c, i) => ({ number: i + 5, cells: [null, c, '1,000.00'] }));

describe('the months a summary of the period begins its rows with', () => {
  it("are its rows' first words, by name, short name or with their year, the total row aside", () => {
    expect(monthRowsOf(rows('April', 'May', 'Grand Total'))).toEqual(['April', 'May']);
    expect(monthRowsOf(rows("Sept'26", 'Oct-2026', 'Nov 26'))).toEqual(["Sept'26", 'Oct-2026', 'Nov 26']);
  });

  it('are none where one row does not begin with a month, or only one does', () => {
    expect(monthRowsOf(rows('April', 'Octopus Traders'))).toEqual([]);
    expect(monthRowsOf(rows('April', 'INV-1'))).toEqual([]);
    expect(monthRowsOf(rows('April'))).toEqual([]);
  });
});
