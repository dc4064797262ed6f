import { describe, expect, it } from 'vitest';
import { AmountError, detectDecimalMark, numberCellToDecimal, parseAmountText } from '../../main/import/amounts';
import { DateError, decideDayOrder, excelSerialToIso, parseDateText } from '../../main/import/dates';

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
    ['2026-10-05T10:00:00', '2026-10-05'],
    ['05/10/2026 11:45:00 PM', '2026-10-05'],
  ])('%s → %s (day first)', (text, iso) => {
    expect(parseDateText(text, 'day-first')).toBe(iso);
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
  });

  it('decides day order once per column, from evidence, else from the locale', () => {
    expect(decideDayOrder(['03/04/2026', '13/04/2026'], 'en-US').order).toBe('day-first');
    expect(decideDayOrder(['03/04/2026', '04/13/2026'], 'en-IN').order).toBe('month-first');
    expect(decideDayOrder(['03/04/2026'], 'en-US')).toMatchObject({
      order: 'month-first',
      reason: expect.stringMatching(/locale \(en-US\)/),
    });
    expect(decideDayOrder(['03/04/2026'], 'en-IN').order).toBe('day-first');
    expect(() => decideDayOrder(['13/04/2026', '04/13/2026'], 'en-IN')).toThrow(DateError);
  });

  it('refuses impossible dates', () => {
    expect(() => parseDateText('31/02/2026', 'day-first')).toThrow('expected a date');
    expect(() => parseDateText('soon', 'day-first')).toThrow(DateError);
  });
});
