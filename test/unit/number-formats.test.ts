import { describe, expect, it } from 'vitest';
import {
  formatCurrency,
  formatKind,
  formatPower,
  isDateFormat,
  noteShownApart,
  type ShownApart,
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
    expect(formatKind('0.00%')).toEqual({ percent: true });
    expect(formatKind('[Blue]0.0%;[Red]-0.0%')).toEqual({ percent: true });
    expect(formatKind('0 "%"')).toBe(null);
    expect(formatKind('#,##0.00')).toBe(null);
    expect(formatKind('dd/mm/yyyy')).toBe('date');
  });

  it('pads a whole number with the zeros a format of zeros alone shows, and nothing else', () => {
    const six = formatKind('000000');
    expect(six).toEqual({ pad: 6 });
    expect(formatKind('[Red]00000;-00000')).toEqual({ pad: 5 });
    expect(['0', '00.00', '#00', '#,##0', '0000 "Nos"', '"#"000'].map(formatKind)).toEqual([
      null,
      null,
      null,
      null,
      { unit: 'Nos' },
      null,
    ]);
    expect([shownNumber(123, six), shownNumber(123456, six), shownNumber(1234567, six)]).toEqual([
      '000123',
      123456,
      1234567,
    ]);
    expect([shownNumber(12.5, six), shownNumber(-12, six), shownNumber(0.18, { percent: true })]).toEqual([
      12.5,
      -12,
      '18%',
    ]);
  });

  it('shows a whole number after the letters a format writes before its digits, as a code', () => {
    const invoice = formatKind('"INV-"0000');
    expect(invoice).toEqual({ pad: 4, prefix: 'INV-' });
    expect([formatKind('\\D000'), formatKind('[Blue]"SI / "#'), formatKind('"No "00;;')]).toEqual([
      { pad: 3, prefix: 'D' },
      { pad: 0, prefix: 'SI / ' },
      { pad: 2, prefix: 'No ', hides: { numbers: [{ instead: null }, { instead: '' }, { instead: '' }], text: null } },
    ]);
    expect([123, 12345, -5, 12.5].map((n) => shownNumber(n, invoice))).toEqual(['INV-0123', 'INV-12345', -5, 12.5]);
    expect(shownNumber(7, formatKind('[Blue]"SI / "#'))).toBe('SI / 7');
    // A code's or a percentage's format that hides a sign hides it still: -5, -5 % show as nothing,
    // the rest read as Excel shows them ("00005", "5%"); what is shown is asked of the number held.
    expect([instead('00000;;', -5), instead('00000;;', 5)]).toEqual(['', null]);
    const percentHiding = formatKind('0%;;');
    expect(percentHiding).toMatchObject({ percent: true, hides: { text: null } });
    expect([-0.05, 0.05].map((n) => shownNumber(n, percentHiding))).toEqual(['-5%', '5%']);
    expect([instead('0%;;', -0.05), instead('0%;;', 0.05)]).toEqual(['', null]);
    // Money and a quantity's unit are no code: a currency's letters, or letters after the digits.
    expect([formatKind('"Rs."0'), formatKind('0" pcs"'), formatKind('"Qty "0.00')]).toEqual([
      { currency: 'INR' },
      { unit: 'pcs' },
      null,
    ]);
  });

  it('shows a number with the side its format writes, Dr or Cr, as a CSV of the sheet writes it', () => {
    const both = formatKind('#,##0.00" Dr";#,##0.00" Cr"');
    expect(both).toEqual({
      sides: [
        { word: 'Dr', minus: false },
        { word: 'Cr', minus: false },
      ],
    });
    expect([500, -500, 0, 0.30000000000000004].map((n) => shownNumber(n, both))).toEqual([
      '500 Dr',
      '500 Cr',
      '0 Dr',
      '0.3 Dr',
    ]);
    // One section: a negative number keeps its minus, as Excel shows it; a section writing a minus, too.
    expect([shownNumber(250.5, formatKind('""0.00" Cr"')), shownNumber(-5, formatKind('0" Cr"'))]).toEqual([
      '250.5 Cr',
      '-5 Cr',
    ]);
    expect(shownNumber(-5, formatKind('0" Dr";-0" Dr"'))).toBe('-5 Dr');
    // A section that writes no side shows the number as it is.
    expect(shownNumber(-5, formatKind('0" Dr";-0'))).toBe(-5);
  });

  it("reads the unit a format writes after a quantity's digits, as Tally writes each line's", () => {
    const units = [
      '""0" Nos"',
      '""0.00" Mtr"',
      '#,##0 "Cs"',
      '0\\ \\K\\g',
      'General" Pcs"',
      '[Blue]0" Box";[Red]-0" Box"',
    ];
    expect(units.map((code) => formatKind(code))).toEqual([
      { unit: 'Nos' },
      { unit: 'Mtr' },
      { unit: 'Cs' },
      { unit: 'Kg' },
      { unit: 'Pcs' },
      { unit: 'Box' },
    ]);
    // No unit: a side (Dr/Cr, read as one), a size (thousands, lakhs), two units, a word with a figure, a percentage, a date.
    const none = [
      '#,##0.00 "Dr";#,##0.00 "Cr"',
      '#,##0 "K"',
      '0.00 " Lakhs"',
      '0" Box";-0" Pcs"',
      '0" Box of 10"',
      '0 "%"',
    ];
    expect(none.map((code) => formatKind(code))).toEqual([
      { sides: [expect.objectContaining({ word: 'Dr' }), expect.objectContaining({ word: 'Cr' })] },
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(formatKind('dd" Nos"')).toBe('date');
    // A number so formatted is noted with its unit; text in the column is not.
    const apart: ShownApart = {};
    noteShownApart(apart, 5, formatKind('""0" Nos"'), 12);
    noteShownApart(apart, 6, formatKind('""0" Nos"'), '12 Nos');
    expect(apart.formatted).toEqual([{ column: 5, unit: 'Nos' }]);
  });

  // What a cell of `value` shows in place of it under `code`: null where Excel shows the value.
  const instead = (code: string, value: string | number) => {
    const apart: ShownApart = {};
    noteShownApart(apart, 0, formatKind(code), value);
    return apart.unshown?.[0]?.shows ?? null;
  };

  it('shows nothing where the section a value takes is empty: every number, or text too', () => {
    const hidingAll = [';;;', '[Red];[Blue];"";[Red]', '_-;_-;_-;_-'];
    expect(hidingAll.flatMap((code) => [instead(code, 99.99), instead(code, -5), instead(code, 'SI/1')])).toEqual(
      Array(9).fill(''),
    );
    // Numbers only: text shows itself, with no fourth section or with its @.
    const numbersOnly = [';;', ';', '[Red];[Blue];""', ';;;@'];
    expect(numbersOnly.flatMap((code) => [instead(code, 99.99), instead(code, 'SI/1')])).toEqual(
      Array(4).fill(['', null]).flat(),
    );
    // General's empty code, and a format hiding only zeros, show every value read.
    expect(['', '0;-0;;@', '#,##0;-#,##0;"-"', '@'].map((code) => instead(code, 12))).toEqual([null, null, null, null]);
    expect(instead(';;;', 0)).toBe(null);
  });

  it('shows a negative number as its section shows it, and a positive as the first section does', () => {
    // `#,##0;;` hides a credit note's -500; `0;"Refund"` shows "Refund" for it.
    expect([instead('#,##0;;', -500), instead('#,##0;;', 500)]).toEqual(['', null]);
    expect([instead('0;"Refund"', -500), instead('0;"Refund"', 500)]).toEqual(['Refund', null]);
    expect([instead('"Nil";;', 99.99), instead('"Nil";;', -1), instead('"Paid"', 12), instead('"Paid"', -12)]).toEqual([
      'Nil',
      '',
      'Paid',
      'Paid',
    ]);
    expect([instead('\\N\\i\\l_);0', 5), instead('[Red]"Dr "* ;0', 5), instead('0.00 "Dr";0.00 "Cr"', -5)]).toEqual([
      'Nil',
      'Dr',
      null,
    ]);
  });

  it('takes the section whose condition holds where sections carry conditions', () => {
    // Above a lakh "Large" stands for the number; below it the digits show.
    const code = '[>=100000]"Large";[<0]"Neg";#,##0';
    expect([instead(code, 250000), instead(code, -3), instead(code, 5000)]).toEqual(['Large', 'Neg', null]);
    // The Indian grouping formats carry conditions and show every number's digits.
    const lakhs = '[>=10000000]##\\,##\\,##\\,##0;[>=100000]##\\,##\\,##0;##,##0';
    expect([instead(lakhs, 123456789), instead(lakhs, 123456), instead(lakhs, 12)]).toEqual([null, null, null]);
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
