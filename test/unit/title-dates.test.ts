import { describe, expect, it } from 'vitest';
import { yearlessDay } from '../../main/import/dates';
import { titleDates, titlePeriod } from '../../main/import/title-dates';

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

  it("reads a report date its filters write above the table, labelled (ERPNext's export with its filters)", () => {
    const filters = [
      ['company', 'Acme'],
      ['report_date', '2026-11-06'],
      ['ageing_based_on', 'Due Date'],
    ].map((cells, i) => ({ number: i + 1, cells }));
    expect(titleDates('receivables', {}, filters)).toEqual([
      { field: 'as_of', value: '2026-11-06', title: 'report_date, 2026-11-06' },
    ]);
    expect(titleDates('receivables', {}, title('Report Date: 31/10/2026'))[0]?.value).toBe('2026-10-31');
    expect(titleDates('receivables', {}, title('As on date : 31-Oct-2026'))[0]?.value).toBe('2026-10-31');
    // A date under any other label is no report's date.
    expect(titleDates('receivables', {}, title('Printed on 06/11/2026'))).toEqual([]);
  });

  it('keeps a date that reads two ways as written, for the rows to read, and none for a field a column gives', () => {
    // 03/04/2026 is 3 April or 4 March: the file's own dates say which (an import test reads it so).
    expect(titleDates('receivables', {}, title('As on 03/04/2026'))).toEqual([
      { field: 'as_of', value: '03/04/2026', title: 'As on 03/04/2026', asRows: true },
    ]);
    expect(titleDates('receivables', {}, title('01/04/2026 to 06/11/2026'))[0]).toMatchObject({
      value: '06/11/2026',
      asRows: true,
    });
    // Read month first, 04/11/2026 to 03/12/2026 would end before it began: one reading is left.
    expect(titleDates('targets', {}, title('Targets 04/11/2026 - 03/12/2026')).map((d) => d.value)).toEqual([
      '2026-11-04',
      '2026-12-03',
    ]);
    expect(titleDates('receivables', {}, title('As on 30/02/2026'))).toEqual([]);
    expect(titleDates('receivables', { as_of: 0 }, title('As on 31-Oct-2026'))).toEqual([]);
    expect(titleDates('sales', {}, title('As on 31-Oct-2026'))).toEqual([]);
  });
});

describe('dates written without their year', () => {
  const year = titlePeriod(title('Acme', 'Sales Register', '1-Apr-2026 to 31-Mar-2027'));

  it("places 5-Oct in the title's period, across the turn of the year", () => {
    expect(year).toEqual({ from: '2026-04-01', to: '2027-03-31', title: '1-Apr-2026 to 31-Mar-2027' });
    expect(yearlessDay('5-Oct', year)).toBe('2026-10-05');
    expect(yearlessDay('05 Jan', year)).toBe('2027-01-05');
    expect(yearlessDay('31st March', year)).toBe('2027-03-31');
    // A range that reads one way only for ending after it begins is that way; one that reads both is no period.
    expect(titlePeriod(title('Day Book 04/11/2026 to 03/12/2026'))).toMatchObject({
      from: '2026-11-04',
      to: '2026-12-03',
    });
    expect(titlePeriod(title('Day Book 01/11/2026 to 06/11/2026'))).toBeUndefined();
  });

  it('reads no month first (Oct-26 is a month of a year) and nothing else, and refuses a day it cannot place', () => {
    expect(yearlessDay('Oct-26', year)).toBeNull();
    expect(yearlessDay('12 Nos', year)).toBeNull();
    expect(yearlessDay('05-10-2026', year)).toBeNull();
    expect(() => yearlessDay('5-Oct', undefined)).toThrow('"5-Oct" has no year, and no title above the header');
    expect(() => yearlessDay('29-Feb', year)).toThrow("no day of the report's period (2026-04-01 to 2027-03-31) is it");
    // A month the title names is a period too.
    const october = titlePeriod(title('Acme', 'Day Book - October 2026'));
    expect(october).toEqual({ from: '2026-10-01', to: '2026-10-31', title: 'Day Book - October 2026' });
    expect(yearlessDay('5-Oct', october)).toBe('2026-10-05');
    expect(() => yearlessDay('5-Nov', october)).toThrow("no day of the report's period (2026-10-01 to 2026-10-31)");
    const twoYears = titlePeriod(title('1-Apr-2025 to 31-Mar-2027'));
    expect(() => yearlessDay('5-Oct', twoYears)).toThrow('holds it in 2 years');
  });
});
