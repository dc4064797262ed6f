import { describe, expect, it } from 'vitest';
import {
  dateCellsReading,
  OneDayOfMonth,
  oneWayOnly,
  swappedBack,
  unseenSwap,
} from '../../main/import/spreadsheet-dates';

const cell = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('dates a spreadsheet reading the other way round left', () => {
  it('tells a text date that reads one way only', () => {
    expect(oneWayOnly('22/01/2006', 'day-first')).toBe(true);
    expect(oneWayOnly('04/01/2006', 'day-first')).toBe(false);
    expect(oneWayOnly('01/22/2006', 'month-first')).toBe(true);
    expect(oneWayOnly('22/01/2006', 'month-first')).toBe(false);
    expect(oneWayOnly('22-Jan-2006', 'day-first')).toBe(false);
    expect(oneWayOnly('2006/01/22', 'year-first')).toBe(false);
  });

  it('reads swapped cells only beside text dates, every cell up to the 12th and every text one way', () => {
    const swapped = dateCellsReading(
      'Date',
      [cell('2006-04-01'), cell('2006-11-02'), '22/01/2006', null],
      'day-first',
      false,
    );
    expect(swapped).toEqual({ kind: 'swapped', header: 'Date', cell: '2006-04-01', text: '22/01/2006' });
    // Serial numbers in a date column are cells a spreadsheet made dates too (45000 is 2023-03-15: after the 12th).
    expect(dateCellsReading('Date', [44931, 44932, '22/01/2023'], 'day-first', false)?.kind).toBe('swapped');
    expect(dateCellsReading('Date', [45000, 44932, '22/01/2023'], 'day-first', false)).toBeNull();
    // One cell is not enough; a text date that reads both ways breaks the pattern.
    expect(dateCellsReading('Date', [cell('2006-04-01'), '22/01/2006'], 'day-first', false)).toBeNull();
    expect(
      dateCellsReading(
        'Date',
        [cell('2006-04-01'), cell('2006-04-02'), '22/01/2006', '05/01/2006'],
        'day-first',
        false,
      ),
    ).toBeNull();
    expect(dateCellsReading('Date', [cell('2006-04-01'), cell('2006-04-02')], 'day-first', false)).toEqual({
      kind: 'cellsOnly',
    });
    expect(dateCellsReading('Date', ['22/01/2006', '23/01/2006'], 'day-first', false)).toEqual({ kind: 'textsOnly' });
    expect(dateCellsReading('Date', ['22/01/2006', '03/01/2006'], 'day-first', false)).toBeNull();
  });

  it('swaps a day back, and refuses a day no swap made', () => {
    expect(swappedBack('2006-04-01')).toBe('2006-01-04');
    expect(swappedBack('2026-12-12')).toBe('2026-12-12');
    expect(() => swappedBack('2026-10-13')).toThrow(/no month 13/);
  });

  it('lets a later row through where it fits what the first rows showed', () => {
    expect(unseenSwap({ kind: 'cellsOnly' }, '05/10/2026', 'day-first', false)).toBeNull();
    expect(unseenSwap({ kind: 'cellsOnly' }, cell('2026-10-20'), 'day-first', false)).toBeNull();
    expect(unseenSwap({ kind: 'textsOnly' }, cell('2026-10-20'), 'day-first', false)).toBeNull();
    expect(unseenSwap({ kind: 'textsOnly' }, '05/10/2026', 'day-first', false)).toBeNull();
    expect(unseenSwap(undefined, cell('2026-10-05'), 'day-first', false)).toBeNull();
  });

  it('warns of dates on one day of each month only from the 2nd to the 12th, over three months or more', () => {
    const warned = (days: string[]) => {
      const one = new OneDayOfMonth();
      for (const day of days) one.add(day);
      return one.warning('Date', [...days].sort()[0] ?? '', [...days].sort().at(-1) ?? '');
    };
    expect(warned(['2026-01-05', '2026-02-05', '2026-03-05'])).toMatch(
      /falls on the 5th of its month, over 3 months.*2026-05-01 to 2026-05-03/,
    );
    expect(warned(['2026-01-02', '2026-02-02', '2026-03-02'])).toMatch(/on the 2nd of its month/);
    // Month starts are how monthly figures are dated; the 13th no spreadsheet's swap makes.
    expect(warned(['2026-01-01', '2026-02-01', '2026-03-01'])).toBeNull();
    expect(warned(['2026-01-13', '2026-02-13', '2026-03-13'])).toBeNull();
    expect(warned(['2026-01-05', '2026-02-05'])).toBeNull();
    expect(warned(['2026-01-05', '2026-02-05', '2026-03-06'])).toBeNull();
  });
});
