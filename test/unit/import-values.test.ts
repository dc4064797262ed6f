import { describe, expect, it } from 'vitest';
import { AmountError, detectDecimalMark, numberCellToDecimal, parseAmountText } from '../../main/import/amounts';
import {
  AmbiguousDatesError,
  DateError,
  decideDayOrder,
  excelSerialToDate,
  excelSerialToIso,
  numericDayMonth,
  parseDateText,
} from '../../main/import/dates';

describe('amounts as ERPs write them', () => {
  it.each([
    ['1,00,00,000.00', '10000000'],
    ['₹1,23,45,678.90', '12345678.9'],
    ['Rs. 1,234.50', '1234.5'],
    ['INR 5', '5'],
    ['$12,345,678.90', '12345678.9'],
    ['1,234.50 Dr', '1234.5'],
    ['1,234.50 Cr', '-1234.5'],
    ['1,234.50Cr', '-1234.5'],
    ['(1,234.50)', '-1234.5'],
    ['1,234.50-', '-1234.5'],
    ['−12.00', '-12'],
    ['-₹ 99.99', '-99.99'],
    ['0.10', '0.10'],
    // Excel's Accounting format, saved as CSV: the mark before the brackets, a zero as a dash.
    [' ₹ 1,500.00 ', '1500'],
    [' ₹ (99.50)', '-99.5'],
    ['Rs. (1,234.50)', '-1234.5'],
    [' ₹ -   ', '0'],
    // Digits set apart by a space or an apostrophe in groups of thousands, or of lakhs.
    ['INR 1 000 000.50', '1000000.5'],
    ["1'234.50", '1234.5'],
    // Tally's reports write a negative value so.
    ['(-)1,234.00', '-1234'],
    ['₹ (-) 50.00', '-50'],
    ['12 34 567', '1234567'],
    // Whole rupees, as a hand-kept register writes them; the dash is no minus.
    ['Rs. 1,250/-', '1250'],
    ['1250 /=', '1250'],
    ['-1,250/-', '-1250'],
    // An amount with its rate beside it, as billing apps write tax and discount.
    ['171.00 (18%)', '171'],
    ['₹ 1,171.50 ( 2.5 % )', '1171.5'],
    ['(50.00) (5%)', '-50'],
  ])('%s → %s', (text, value) => {
    expect(parseAmountText(text)).toBe(value);
  });

  it('reads a decimal comma when the file writes one', () => {
    expect(parseAmountText('1.234,56', ',')).toBe('1234.56');
    expect(parseAmountText('1.234.567,8', ',')).toBe('1234567.8');
    expect(parseAmountText('12,5', ',')).toBe('12.5');
  });

  it('refuses what is not an amount, saying what it expected', () => {
    expect(() => parseAmountText('twelve')).toThrow(AmountError);
    expect(() => parseAmountText('1,2,3')).toThrow('expected an amount such as 1,234.50');
    expect(() => parseAmountText('1.234,56')).toThrow(AmountError);
    expect(() => parseAmountText('₹ (-)')).toThrow(AmountError);
    expect(() => parseAmountText('(18%)')).toThrow(AmountError);
    // A million spaces is no amount: refused before any pattern backtracks over them (minutes, before).
    expect(() => parseAmountText(`1${' '.repeat(1_000_000)}0 Dr`)).toThrow(
      '10,00,005 characters are no amount (at most 100)',
    );
  });

  it('refuses an amount written with two signs, or digits a space sets apart in no groups', () => {
    for (const text of ['(-100)', '(1,234.50) Cr', '100- Cr', '-100 Dr', '(100-)', '(-)1,234.00 Cr', '(-)(5)'])
      expect(() => parseAmountText(text)).toThrow(`"${text}" is written with two signs: write the amount with one`);
    for (const text of ['1 00', '10 0.50', '1 0000', "12'5"])
      expect(() => parseAmountText(text)).toThrow('sets digits apart with a space, but not in groups of thousands');
    expect(parseAmountText('1 234,50', ',')).toBe('1234.5');
  });

  it('reads digits of other scripts as the digits they are: Devanagari, Gujarati, Bengali, Tamil, Arabic-Indic, full-width', () => {
    expect(parseAmountText('१,२३४.५०')).toBe('1234.5');
    expect(parseAmountText('₹ ૧૨,૩૪,૫૬૭.૦૦')).toBe('1234567');
    expect(parseAmountText('(৫০.০০)')).toBe('-50');
    expect(parseAmountText('௧௨௩')).toBe('123');
    expect(parseAmountText('٤٥٦.٧')).toBe('456.7');
    expect(parseAmountText('１２３.４５ Cr')).toBe('-123.45');
    expect(parseAmountText('१.२३४,५', ',')).toBe('1234.5');
    // Mathematical digits are runs of 0–9 one after another: each is its place in its run.
    expect(parseAmountText('\u{1D7D9}\u{1D7E0}')).toBe('18');
    // Still no amount: the error is the one the text has.
    expect(() => parseAmountText('१,२,३')).toThrow('expected an amount such as 1,234.50');
    expect(detectDecimalMark(['१.२३४,५६', '१२,५०'])).toBe(',');
  });

  it('decides the decimal mark from unambiguous evidence only', () => {
    expect(detectDecimalMark(['1.234,56', '12,50', '7'])).toBe(',');
    expect(detectDecimalMark(['1,234.56', '12.5'])).toBe('.');
    expect(detectDecimalMark(['1.234', '5.678'])).toBe('.');
    expect(detectDecimalMark(['1,00,000'])).toBe('.');
  });

  it('keeps real fractions of spreadsheet numbers and drops only float noise', () => {
    expect(numberCellToDecimal(0.1 + 0.2, 2)).toBe('0.3');
    expect(numberCellToDecimal(1234.56, 2)).toBe('1234.56');
    expect(numberCellToDecimal(10.005, 2)).toBe('10.005');
  });

  it('reads a spreadsheet number to the 15 digits Excel holds, so a half is a half', () => {
    expect(numberCellToDecimal(1.25 * 1.18, 2)).toBe('1.475');
    expect(numberCellToDecimal(-(5.25 * 1.18), 2)).toBe('-6.195');
    expect(numberCellToDecimal(123456789012.34, 2)).toBe('123456789012.34');
    expect(numberCellToDecimal(0.1 + 0.7, 10)).toBe('0.8');
  });
});

describe('dates as ERPs write them', () => {
  it.each([
    ['2026-10-05', '2026-10-05'],
    ['05-10-2026', '2026-10-05'],
    ['05/10/2026', '2026-10-05'],
    ['05.10.2026', '2026-10-05'],
    ['5/10/26', '2026-10-05'],
    ['5-Oct-26', '2026-10-05'],
    ['05-Oct-2026 10:30', '2026-10-05'],
    ['5 October 2026', '2026-10-05'],
    ['Oct 5, 2026', '2026-10-05'],
    ['5th October 2026', '2026-10-05'],
    ['October 5th, 2026', '2026-10-05'],
    ['21st-Oct-26', '2026-10-21'],
    ['2026-10-05T10:00:00', '2026-10-05'],
    ['05/10/2026 11:45:00 PM', '2026-10-05'],
    ['20261005', '2026-10-05'],
  ])('%s → %s (day first)', (text, iso) => {
    expect(parseDateText(text, 'day-first')).toBe(iso);
  });

  it("reads a day of the week before the date, and refuses one that is not the date's", () => {
    expect(parseDateText('Sat, 10 Oct 2026', 'day-first')).toBe('2026-10-10');
    expect(parseDateText('Saturday 10/10/2026', 'day-first')).toBe('2026-10-10');
    expect(parseDateText('Sun. 05/10/2026', 'month-first')).toBe('2026-05-10');
    expect(numericDayMonth('Mon 05/10/2026')).toEqual([5, 10]);
    expect(() => parseDateText('Fri, 10 Oct 2026', 'day-first')).toThrow(
      '2026-10-10 is a Saturday, not the day of the week written before it',
    );
    expect(() => parseDateText('Someday 10 Oct 2026', 'day-first')).toThrow('expected a date');
  });

  it('reads a moment written with its time zone as the day it falls on where the books are kept', () => {
    // Web systems write a day in India as its midnight in UTC: 18:30 the day before.
    expect(parseDateText('2026-10-06T18:30:00.000Z', 'day-first', 'Asia/Kolkata')).toBe('2026-10-07');
    expect(parseDateText('2026-10-05T00:00:00Z', 'day-first', 'Asia/Kolkata')).toBe('2026-10-05');
    expect(parseDateText('2026-10-06T23:30:00-0500', 'day-first', 'Asia/Kolkata')).toBe('2026-10-07');
    expect(parseDateText('2026-10-07T00:00:00+05:30', 'day-first', 'UTC')).toBe('2026-10-06');
    expect(() => parseDateText('2026-10-06T18:30:00Z', 'day-first')).toThrow(DateError);
    expect(() => parseDateText('2026-02-30T10:00:00Z', 'day-first', 'UTC')).toThrow(DateError);
  });

  it('reads a date written in the digits of another script', () => {
    expect(parseDateText('१५-१०-२०२६', 'day-first')).toBe('2026-10-15');
    expect(parseDateText('૧૬/૧૦/૨૦૨૬', 'day-first')).toBe('2026-10-16');
    expect(parseDateText('２０２６-１０-１７', 'day-first')).toBe('2026-10-17');
    expect(parseDateText('१ Oct २०२६', 'day-first')).toBe('2026-10-01');
    expect(() => parseDateText('३१-०२-२०२६', 'day-first')).toThrow(DateError);
    // The order is decided from them as from ASCII digits.
    expect(decideDayOrder(['०३/०४/२०२६', '०४/१३/२०२६']).order).toBe('month-first');
  });

  it('reads the same text month first when the column was decided so', () => {
    expect(parseDateText('05/10/2026', 'month-first')).toBe('2026-05-10');
  });

  it('converts Excel serials in both date systems', () => {
    // 45935 days after 1899-12-30 is 2025-10-05; the 1904 system counts 1,462 days fewer.
    expect(excelSerialToIso(45935)).toBe('2025-10-05');
    expect(excelSerialToIso(45935 - 1462, true)).toBe('2025-10-05');
    expect(excelSerialToIso(45935.75)).toBe('2025-10-05');
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    // The fictitious 29 February 1900 is day 60: the days either side of it are read right.
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    // A date cell keeps its time of day (the xlsx reader's Date), in either system.
    expect(excelSerialToDate(45935.75).toISOString()).toBe('2025-10-05T18:00:00.000Z');
    expect(excelSerialToDate(0, true).toISOString()).toBe('1904-01-01T00:00:00.000Z');
  });

  it('decides day order once per column, from evidence, and never from a guess', () => {
    expect(decideDayOrder(['03/04/2026', '13/04/2026']).order).toBe('day-first');
    expect(decideDayOrder(['03/04/2026', '04/13/2026']).order).toBe('month-first');
    // Nothing tells: asked, with the rows read both ways.
    expect(() => decideDayOrder(['03/04/2026'], { column: 'Date' })).toThrow(AmbiguousDatesError);
    expect(() => decideDayOrder(['03/04/2026'], { column: 'Date' })).toThrow(
      /"03\/04\/2026" is 3 Apr 2026 day first, 4 Mar 2026 month first.*--date-order dmy/,
    );
    expect(decideDayOrder(['03/04/2026'], { chosen: 'mdy' }).order).toBe('month-first');
    // A day that reads the same both ways asks nothing; beside one that does not, it tells nothing.
    expect(decideDayOrder(['10-10-2026', '05/05/2026']).reason).toBe(
      'as written (each all-digit date reads the same day first or month first)',
    );
    expect(() => decideDayOrder(['10-10-2026', '03/04/2026'])).toThrow(AmbiguousDatesError);
    // Both ways in one column: the reading most rows prove wins; the others become row errors.
    expect(decideDayOrder(['13/04/2026', '14/04/2026', '04/13/2026']).reason).toMatch(
      /1 row that reads only the other way is an error/,
    );
    expect(() => decideDayOrder(['13/04/2026', '04/13/2026'])).toThrow(AmbiguousDatesError);
  });

  it('reads the rest of the evidence when no day is above 12', () => {
    // One part constant while the other varies: the constant one is the month.
    expect(decideDayOrder(['11/1/2022', '11/2/2022', '11/4/2022']).order).toBe('month-first');
    expect(decideDayOrder(['1/11/2022', '2/11/2022', '4/11/2022']).order).toBe('day-first');
    // Dates that follow the document numbers only one way.
    const docs = ['INV-1', 'INV-2', 'INV-3', 'INV-4'];
    expect(decideDayOrder(['01/02/2026', '02/02/2026', '03/02/2026', '01/03/2026'], { docs }).order).toBe('day-first');
    // Another column of the file was proven day first.
    expect(
      decideDayOrder(['01/02/2026', '02/03/2026'], { sibling: { order: 'day-first', reason: 'proven' } }).order,
    ).toBe('day-first');
    // Written with dots: day first, the only order written so.
    expect(decideDayOrder(['01.02.2026', '02.03.2026']).order).toBe('day-first');
    expect(() => decideDayOrder(['01/02/2026', '02.03.2026'])).toThrow(AmbiguousDatesError);
  });

  it('refuses impossible dates', () => {
    expect(() => parseDateText('20261305', 'day-first')).toThrow(DateError);
    expect(() => parseDateText('31/02/2026', 'day-first')).toThrow(/no such day or month/);
    expect(() => parseDateText('31-13-2026', 'day-first')).toThrow(DateError);
    expect(() => parseDateText('soon', 'day-first')).toThrow(DateError);
  });
});
