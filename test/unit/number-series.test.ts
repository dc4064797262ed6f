import { describe, expect, it } from 'vitest';
import { creditSeriesOf, isNumberPattern, NumberSeries, numberPatternsProblem } from '../../main/import/number-series';

describe('documents typed by their numbers', () => {
  it("names the series a credit note is numbered in, as a pattern, and no invoice's", () => {
    expect(
      [
        'RINV/2026/00003',
        'rinv/2026/3',
        'CN-00012',
        'CRN 45',
        'SRN_2026_1',
        'RET-7',
        'Rtn/2026/4',
        'INV/2026/1',
        'CNX-1',
        'Cnote',
        'RETAIL-1',
      ].map(creditSeriesOf),
    ).toEqual(['RINV/*', 'RINV/*', 'CN-*', 'CRN *', 'SRN_*', 'RET-*', 'RTN/*', null, null, null, null]);
  });

  it('tells a pattern of numbers from a type name and from the lone * of every other type', () => {
    expect(['RINV/*', '*', 'Credit Note', '*-R'].map(isNumberPattern)).toEqual([true, false, false, true]);
  });

  it('matches a whole number without case, * as any run of characters and nothing else as special, the first pattern winning', () => {
    const series = new NumberSeries({
      'RINV/*': 'credit_note',
      'INV/(1)*': 'skip',
      '*/R': 'credit_note',
      '*': 'skip',
      Sales: 'invoice',
      'RINV/2026/*': 'invoice',
    });
    const as = (docNo: string | number) => series.match(docNo)?.pattern ?? null;
    expect(['rinv/2026/1', 'INV/(1)/9', 'INV/1/9', 'X/R', 'X/R2', 'RINV', 'Sales', 12].map(as)).toEqual([
      'RINV/*',
      'INV/(1)*',
      null,
      '*/R',
      null,
      null,
      null,
      null,
    ]);
  });

  it('matches any number of stars anywhere, and a long number against many stars at once', () => {
    const series = new NumberSeries({ 'A*B*C': 'skip', '**X': 'skip', '*a*a*a*a*a*a*a*a*b': 'skip' });
    const as = (docNo: string) => series.match(docNo)?.pattern ?? null;
    expect(['ABC', 'a-1-b-2-c', 'AB', 'ACB', 'X', 'yyX', 'Xy'].map(as)).toEqual([
      'A*B*C',
      'A*B*C',
      null,
      null,
      '**X',
      '**X',
      null,
    ]);
    // A regular expression of eight .* backtracked here for hours.
    expect(as(`${'a'.repeat(5000)}c`)).toBeNull();
    expect(as(`${'a'.repeat(5000)}b`)).toBe('*a*a*a*a*a*a*a*a*b');
  });

  it('counts the lines each pattern read, and says of a pattern that read none', () => {
    const series = new NumberSeries({ 'RINV/*': 'credit_note', 'CN-*': 'credit_note' });
    for (const docNo of ['RINV/1', 'RINV/2', 'INV/3']) {
      const match = series.match(docNo);
      if (match) series.tally(match);
    }
    expect(series.decisions().map((d) => d.decision)).toEqual([
      '2 lines of documents numbered RINV/* are read as credit notes, as the type map says (the file gives no type)',
      'no line the file gives no type is numbered CN-*, which the type map reads as credit notes',
    ]);
  });

  it('refuses patterns of numbers for any file but sales', () => {
    expect(numberPatternsProblem('sales', { 'RINV/*': 'credit_note' })).toBeNull();
    expect(numberPatternsProblem('payments', { '*': 'skip', Receipt: 'receipt' })).toBeNull();
    expect(numberPatternsProblem('payments', { 'RCT/*': 'skip' })).toBe(
      'only a sales file\'s documents are read by their numbers, not a payments file\'s ("RCT/*=skip")',
    );
  });
});
