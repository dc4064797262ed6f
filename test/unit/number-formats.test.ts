import { describe, expect, it } from 'vitest';
import {
  formatCurrency,
  formatKind,
  formatPower,
  isDateFormat,
  shownNumber,
} from '../../main/import/readers/number-formats';

describe('number formats of a workbook', () => {
  it('shows a date where a d, m, y, h or s stands outside quotes, brackets and escapes', () => {
    expect(isDateFormat('dd/mm/yyyy')).toBe(true);
    expect(isDateFormat('[$-409]d-mmm-yy;@')).toBe(true);
    expect(isDateFormat('h:mm AM/PM')).toBe(true);
    expect(isDateFormat('[Red]#,##0.00')).toBe(false);
    expect(isDateFormat('0 "days"')).toBe(false);
    expect(isDateFormat('\\d0')).toBe(false);
    expect(isDateFormat('General')).toBe(false);
  });

  it('shows a percentage where a % stands outside quotes and brackets, and a date before it', () => {
    expect(formatKind('0.00%')).toBe('percent');
    expect(formatKind('[Blue]0.0%;[Red]-0.0%')).toBe('percent');
    expect(formatKind('0 "%"')).toBe(null);
    expect(formatKind('#,##0.00')).toBe(null);
    expect(formatKind('dd/mm/yyyy')).toBe('date');
  });

  it('pads a whole number with the zeros a format of zeros alone shows, and nothing else', () => {
    expect(formatKind('000000')).toBe(6);
    expect(formatKind('[Red]00000;-00000')).toBe(5);
    expect(['0', '00.00', '"INV"0000', '#,##0', '0000 "Nos"'].map(formatKind)).toEqual([null, null, null, null, null]);
    expect([shownNumber(123, 6), shownNumber(123456, 6), shownNumber(1234567, 6)]).toEqual(['000123', 123456, 1234567]);
    expect([shownNumber(12.5, 6), shownNumber(-12, 6), shownNumber(0.18, 'percent')]).toEqual([12.5, -12, '18%']);
  });

  it('shows nothing where every section a number takes is empty, and text too where its section is', () => {
    expect([';;;', ';;', ';', '[Red];[Blue];""', ';;;@', '_-;_-;_-;_-'].map(formatKind)).toEqual([
      'blank',
      'blank-numbers',
      'blank-numbers',
      'blank-numbers',
      'blank-numbers',
      'blank',
    ]);
    // General's empty code, and formats hiding only zeros or negatives, show the values read.
    expect(['', '0;-0;;@', '#,##0;;', ';"-"', '"Nil";;'].map(formatKind)).toEqual([null, null, null, null, null]);
  });

  it('reads the currency a format writes beside the number, and none from a locale, a unit or a side', () => {
    const codes = ['[$$-409]#,##0.00', '[$€-x-euro2] #,##0.00', '[$USD] #,##0', '[$AED] #,##0', '"Rs."#,##0.00'];
    expect(codes.map(formatCurrency)).toEqual(['USD', 'EUR', 'USD', 'AED', 'INR']);
    expect(['\\$#,##0', '£#,##0.00', '[$₹-4009] #,##0.00', '_("$"* #,##0.00_)'].map(formatCurrency)).toEqual([
      'USD',
      'GBP',
      'INR',
      'USD',
    ]);
    const none = ['[$-409]#,##0.00', '""0.00', '0.00" Nos"', '#,##0.00 "Dr"', '[Red]#,##0', 'General'];
    expect(none.map(formatCurrency)).toEqual([null, null, null, null, null, null]);
    expect(formatKind('[$$-409]#,##0.00')).toEqual({ currency: 'USD' });
  });

  it('divides by a thousand for each comma after the last digit placeholder, never for one between them', () => {
    const codes = ['#,##0,', '0.0,,"M"', '#,##0.00, "K";(#,##0.00,)', '#,##0', '#,##0.00_);(#,##0.00)', '0,0', '"a,"0'];
    expect(codes.map(formatPower)).toEqual([3, 6, 3, 0, 0, 0, 0]);
    expect(formatKind('[$₹-4009] #,##0.00,')).toEqual({ currency: 'INR', power: 3 });
  });

  it('reads no date in a code longer than Excel writes, without the patterns backtracking over it', () => {
    expect(isDateFormat(`${'['.repeat(1_000_000)}yyyy`)).toBe(false);
    expect(isDateFormat(`${'['.repeat(200)}yyyy`)).toBe(true);
  });
});
