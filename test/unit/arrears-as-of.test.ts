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

  it("is each bill's date (or due date) plus its age, whichever the items agree on, where the list writes their age", () => {
    const aged = ['Posting Date', 'Customer', 'Voucher No', 'Due Date', 'Outstanding Amount', 'Age (Days)'];
    const ageMapping = { doc_date: 0, distributor_code: 1, doc_no: 2, due_date: 3, outstanding: 4 };
    const ofAge = (...cells: Cell[][]) => arrearsAsOf('receivables', aged, ageMapping, rows(...cells));
    // Counted from the bill's date (ERPNext's Ageing Based On: Posting Date): 1 Sep + 66, 10 Oct + 27.
    const byDate = ofAge(
      ['2026-09-01', 'D001', 'S1', '2026-10-01', 100, 66],
      ['2026-10-10', 'D001', 'S2', '2026-11-04', 100, 27],
    );
    expect(byDate?.value).toBe('2026-11-06');
    expect(byDate?.because).toMatch(
      /the date \("Posting Date"\) of each of the 2 open items .* plus its age \("Age \(Days\)"\)/,
    );
    // From the due date, Zoho's way of writing it.
    expect(
      ofAge(
        ['2026-09-01', 'D001', 'S1', '2026-10-01', 100, '36 Days'],
        ['2026-10-10', 'D001', 'S2', '2026-11-04', 100, '2 Days'],
      )?.value,
    ).toBe('2026-11-06');
    // Every bill on 30 days: counted from their dates and from their due dates they agree on two days.
    expect(
      ofAge(['2026-09-01', 'D001', 'S1', '2026-10-01', 100, 66], ['2026-10-10', 'D001', 'S2', '2026-11-09', 100, 27]),
    ).toBeNull();
  });

  it('is asked of no other file: one with an as-of column, no days, or not an ageing list', () => {
    const item = rows(['D001', '1', '31.10.2026', 36, null]);
    expect(arrearsAsOf('receivables', headers, { ...mapping, as_of: 5 }, item)).toBeNull();
    const { overdue_days: _, ...noDays } = mapping;
    expect(arrearsAsOf('receivables', headers, noDays, item)).toBeNull();
    expect(arrearsAsOf('sales', headers, mapping, item)).toBeNull();
  });
});
