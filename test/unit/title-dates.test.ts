import { describe, expect, it } from 'vitest';
import { titleDates } from '../../main/import/title-dates';

const title = (...lines: string[]) => lines.map((line, i) => ({ number: i + 1, cells: [line] }));

describe('dates a report gives once in its title', () => {
  it('reads "As on", "As at :" and the end of a period as the as-of date, a period as a target period', () => {
    expect(titleDates('receivables', {}, title('Acme', 'Bills Receivable', 'As on 31-Oct-2026'))).toEqual([
      { field: 'as_of', value: '2026-10-31', title: 'As on 31-Oct-2026' },
    ]);
    expect(titleDates('receivables', {}, title('Ageing as at : October 31, 2026'))[0]?.value).toBe('2026-10-31');
    expect(titleDates('receivables', {}, title('1-Apr-2026 to 30-Nov-2026'))[0]?.value).toBe('2026-11-30');
    expect(titleDates('targets', {}, title('Targets 01/10/2026 - 31/10/2026')).map((d) => d.value)).toEqual([
      '2026-10-01',
      '2026-10-31',
    ]);
  });

  it('takes no date that reads two ways, and none for a field a column already gives or the dataset has not', () => {
    expect(titleDates('receivables', {}, title('As on 03/04/2026'))).toEqual([]);
    expect(titleDates('receivables', { as_of: 0 }, title('As on 31-Oct-2026'))).toEqual([]);
    expect(titleDates('sales', {}, title('As on 31-Oct-2026'))).toEqual([]);
  });
});
