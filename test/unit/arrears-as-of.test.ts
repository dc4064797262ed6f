import { describe, expect, it } from 'vitest';
import { arrearsAsOf } from '../../main/import/arrears-as-of';
import type { Cell } from '../../main/import/readers/types';

const headers = ['Customer', 'Document Number', 'Net due date', 'Arrears after net due date', 'Clearing Document'];
const mapping = { distributor_code: 0, doc_no: 1, due_date: 2, overdue_days: 3, clearing_doc: 4 };
const rows = (...cells: Cell[][]) => cells.map((c, i) => ({ number: i + 2, cells: c }));
const asOf = (...cells: Cell[][]) => arrearsAsOf('receivables', headers, mapping, rows(...cells))?.value ?? null;

describe('the as-of date of a list of items with their due dates and days overdue', () => {
  it('is the day every open item counts to, total rows and cleared items aside', () => {
    expect(
      asOf(
        ['D001', '18001', '31.10.2026', 36, null],
        ['D001', '18002', '14.11.2026', '22', null],
        ['D002', '18003', '16.12.2026', '10-', null],
        // Counted to its clearing, on 10 December.
        ['D002', '18004', '31.10.2026', 40, '14009'],
        ['Total', null, null, 98, null],
      ),
    ).toBe('2026-12-06');
  });

  it('reads due dates that read both ways the one way the items agree on, and none where both or neither do', () => {
    expect(asOf(['D001', '1', '01/10/2026', 36, null], ['D001', '2', '05/10/2026', 32, null])).toBe('2026-11-06');
    // 1 October + 36 and 10 January + 36 each alone: no second item to tell which.
    expect(asOf(['D001', '1', '01/10/2026', 36, null])).toBeNull();
    expect(asOf(['D001', '1', '31.10.2026', 36, null], ['D001', '2', '14.11.2026', 23, null])).toBeNull();
  });

  it('passes over a cell that holds no count of days, a number past any date among them', () => {
    expect(
      asOf(
        ['D001', '1', '31.10.2026', 1e308, null],
        ['D001', '2', '31.10.2026', 36.5, null],
        ['D001', '3', '31.10.2026', 'n/a', null],
        ['D001', '4', '31.10.2026', 36, null],
      ),
    ).toBe('2026-12-06');
  });

  it('is asked of no other file: one with an as-of column, no days, or not an ageing list', () => {
    const item = rows(['D001', '1', '31.10.2026', 36, null]);
    expect(arrearsAsOf('receivables', headers, { ...mapping, as_of: 5 }, item)).toBeNull();
    const { overdue_days: _, ...noDays } = mapping;
    expect(arrearsAsOf('receivables', headers, noDays, item)).toBeNull();
    expect(arrearsAsOf('sales', headers, mapping, item)).toBeNull();
  });
});
