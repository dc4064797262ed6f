import { describe, expect, it } from 'vitest';
import {
  type ConditionalRule,
  canMark,
  conditionallyStruck,
  conditionallyUnshown,
  hidesOnlyNothing,
  ruleHolds,
  ruleSaid,
} from '../../main/import/readers/conditional-formats';

const everywhere = [{ top: 1, bottom: 100, left: 0, right: 9 }];
const rule = (type: string, more: Partial<ConditionalRule> = {}): ConditionalRule => ({
  ranges: everywhere,
  dxf: 0,
  type,
  formulas: [],
  ...more,
});
/** A cell of column G (6) on row 2, its row's cells as given. */
const onRow = (cells: (string | number | null)[] = []) => ({ row: 2, col: 6, cells });

describe('conditional formats', () => {
  it('tells whether a rule holds from the value alone, and not where a formula decides', () => {
    const between = rule('cellIs', { operator: 'between', formulas: ['500', '100'] });
    const holds = (r: ConditionalRule, value: string | number) => ruleHolds(r, value, onRow());
    expect([holds(between, 100), holds(between, 99.99), holds(between, 'x')]).toEqual([true, false, undefined]);
    const notBetween = rule('cellIs', { operator: 'notBetween', formulas: ['100', '500'] });
    expect([holds(notBetween, 600), holds(notBetween, 300)]).toEqual([true, false]);
    expect(holds(rule('cellIs', { operator: 'lessThan', formulas: ['$B$1'] }), 5)).toBe(undefined);
    const cancelled = rule('containsText', { operator: 'containsText', text: 'cancel' });
    expect([holds(cancelled, 'SI/1 CANCELLED'), holds(cancelled, 'SI/2')]).toEqual([true, false]);
    expect([holds(rule('notContainsBlanks'), 0), holds(rule('top10'), 5)]).toEqual([true, undefined]);
  });

  it("works out a formula of another cell of the cell's own row, and leaves any other to Excel", () => {
    // The ranges begin on row 2 at column A: $H2 is column H of the row asked, H2 is as far right as H is of A.
    const row = ['SI/1', null, null, null, null, 3, 1200, 'cancelled', 'Y', 1];
    const expression = (formula: string) =>
      rule('expression', { formulas: [formula], ranges: [{ top: 2, bottom: 9, left: 0, right: 9 }] });
    const holds = (formula: string, cells = row) => ruleHolds(expression(formula), 1200, onRow(cells));
    expect(
      ['$H2="Cancelled"', '$H2<>"Cancelled"', '"Y"=$I2', '$G2>1000', '1000<$G2', '$G2<=1000', '$J2=TRUE'].map((f) =>
        holds(f),
      ),
    ).toEqual([true, false, true, true, true, false, undefined]);
    expect(
      ['ISNUMBER(SEARCH("cancel",$H2))', 'ISNUMBER(FIND("cancel",$H2))', 'ISNUMBER(FIND("Cancel",$H2))'].map((f) =>
        holds(f),
      ),
    ).toEqual([true, true, false]);
    // A blank is "" and 0; a text against a number, a number against a text, cannot be told.
    expect([holds('$B2=""'), holds('$B2=0'), holds('$A2=5'), holds('$G2="1200"')]).toEqual([
      true,
      true,
      undefined,
      undefined,
    ]);
    // Relative: from G, six columns right of the anchor's A, A2 is G itself and B2 is H.
    expect([holds('A2=1200'), holds('B2="cancelled"')]).toEqual([true, true]);
    // Another row, a fixed row, another sheet, a function, a wildcard: only Excel can say.
    for (const formula of [
      '$H3="cancelled"',
      '$H$2="cancelled"',
      'Lists!$A$1="hide"',
      'AND($H2="cancelled",$H3="x")',
      'ISNUMBER(SEARCH("can*",$H2))',
    ])
      expect(holds(formula)).toBe(undefined);
    // AND, OR and NOT of them: AND false where a part is, OR true where one is, else unknown where a part is.
    expect(
      [
        'AND($H2="Cancelled",$G2>0)',
        'AND($H2="Cancelled",$G2>5000)',
        'OR($H2="Void", $I2="Y")',
        'NOT($H2="Cancelled")',
        'AND(OR($H2="void",$H2="cancelled"),NOT($J2=0),$A2<>"")',
        'AND($G2>5000,$A2=5)',
        'AND($H2="cancelled",$A2=5)',
        'OR($I2="Y",$A2=5)',
        'OR($I2="N",$A2=5)',
        'AND($H2="a,b)",$G2>0)',
        'AND($H2="x",VLOOKUP($A2,B:C,2,0)="y")',
      ].map((f) => holds(f)),
    ).toEqual([true, false, true, false, true, false, undefined, true, undefined, false, undefined]);
    // Excel 2003 XML's R1C1: RC8 is column H of the same row, RC[2] two to the right, R[1]C8 the next row.
    const r1c1 = (formula: string) =>
      ruleHolds(rule('expression', { formulas: [formula], r1c1: true }), 1200, onRow(row));
    expect([r1c1('RC8="Cancelled"'), r1c1('RC[2]="Y"'), r1c1('R[0]C7=1200'), r1c1('R[1]C8="Cancelled"')]).toEqual([
      true,
      true,
      true,
      undefined,
    ]);
  });

  it('takes a rule that holds only for zeros or blanks for one that hides nothing owed', () => {
    expect(hidesOnlyNothing(rule('cellIs', { operator: 'equal', formulas: ['0'] }))).toBe(true);
    expect(hidesOnlyNothing(rule('containsBlanks'))).toBe(true);
    expect(hidesOnlyNothing(rule('cellIs', { operator: 'equal', formulas: ['5'] }))).toBe(false);
    expect(hidesOnlyNothing(rule('cellIs', { operator: 'lessThan', formulas: ['0'] }))).toBe(false);
  });

  it('names a rule as a message says it', () => {
    expect(ruleSaid(rule('cellIs', { operator: 'between', formulas: ['100', '500'] }))).toBe(
      'the cell is between 100 and 500',
    );
    expect(ruleSaid(rule('beginsWith', { text: 'CN/' }))).toBe('the cell begins with "CN/"');
    expect(ruleSaid(rule('expression', { formulas: ['$H2="X"'] }))).toBe('=$H2="X"');
  });

  it('hides by a white font only on a white cell, and takes a red for negatives as no hiding', () => {
    const white = { text: 'FFFFFF' };
    expect([canMark(white), canMark({ text: 'FF0000' }), canMark({ text: 'FFFF00', fill: 'FFFF00' })]).toEqual([
      true,
      false,
      true,
    ]);
    const rules = [rule('cellIs', { operator: 'greaterThan', formulas: ['1000'] })];
    const at = (fill: string | undefined) => ({ ...onRow(), fill });
    expect(conditionallyUnshown(rules, [white], at('FFFFFF'), 1234.5)).toEqual({
      shows: '',
      colour: 'white',
      rule: 'the cell is greater than 1000',
    });
    expect(conditionallyUnshown(rules, [white], at('1F4E79'), 1234.5)).toBe(null);
    expect(conditionallyUnshown(rules, [white], at('FFFFFF'), 999)).toBe(null);
    expect(conditionallyUnshown(rules, [white], { ...at('FFFFFF'), row: 200 }, 1234.5)).toBe(null);
  });

  it('strikes through where a rule holds, or may, and not by a font that only colours', () => {
    const struck = { struck: true };
    expect([canMark(struck), canMark({ struck: false })]).toEqual([true, false]);
    const rules = [
      rule('expression', { formulas: ['$H2="Cancelled"'], ranges: [{ top: 2, bottom: 9, left: 0, right: 9 }] }),
      rule('expression', { formulas: ['COUNTIF($A:$A,$A2)>1'], dxf: 1 }),
    ];
    const cells = ['SI/1', null, null, null, null, 3, 1200, 'Cancelled'];
    expect(conditionallyStruck(rules, [struck, struck], onRow(cells), 1200)).toEqual({ rule: '=$H2="Cancelled"' });
    expect(conditionallyStruck(rules, [struck, struck], onRow([...cells.slice(0, 7), 'Invoice']), 1200)).toEqual({
      rule: '=COUNTIF($A:$A,$A2)>1',
      may: true,
    });
    expect(
      conditionallyStruck(rules, [struck, { text: 'FF0000' }], onRow([...cells.slice(0, 7), 'Invoice']), 1200),
    ).toBe(null);
    expect(conditionallyStruck(rules, [struck, struck], onRow(cells), null)).toBe(null);
  });
});
