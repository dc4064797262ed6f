import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  formulaGives,
  parseFormula,
  RowFormulas,
  sameResult,
  sameSaved,
} from '../../main/import/readers/saved-formulas';
import type { Cell, FormulaGives } from '../../main/import/readers/types';

/** What `formula`, written in row 2 (in column Z unless `place` says), gives from the row's cells (A… in order). */
const gives = (formula: string, cells: Cell[] = [], place = { row: 2, col: 25, rows: 0, cols: 0 }) => {
  const expr = parseFormula(formula);
  return expr === null ? null : formulaGives(expr, (col) => cells[col], place);
};

describe("a formula's saved value against what it gives from its row", () => {
  it("works out arithmetic in Excel's order: a leading minus before ^, % before both", () => {
    expect([gives('=2+3*4'), gives('(2+3)*4'), gives('-2^2'), gives('2^-1'), gives('50%'), gives('-50%^2')]).toEqual([
      14, 20, 4, 0.5, 0.5, 0.25,
    ]);
    expect([gives('1.5E+3/3'), gives('.5*4'), gives(' 1 + 2 ')]).toEqual([500, 2, 3]);
  });

  it("reads the row's own cells: a blank as 0, a number's text and a percentage as their numbers", () => {
    const row: Cell[] = [2, 50.25, null, '18%', '100'];
    expect([
      gives('A2*B2', row),
      gives('$A2*B$2', row),
      gives('A2+C2', row),
      gives('B2*D2', row),
      gives('E2/A2', row),
    ]).toEqual([100.5, 100.5, 2, 9.045, 50]);
    // Another row's cell, text, a date or a truth value: what it gives is not told here.
    expect([gives('A3*2', row), gives('A1', row), gives('A2*F2', [1, 2, 3, 4, 5, 'two'])]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect([gives('A2+1', [new Date(0)]), gives('A2+1', [true]), gives('A2/B2', [1, 0])]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("takes a shared formula's references as far as its cell is from the one that writes it", () => {
    // `F2*G2` written in H2, taken by H5: F5*G5; a fixed column stays, a fixed row is another row's.
    const row: Cell[] = [null, null, null, null, null, 3, 7, 21];
    expect(gives('F2*G2', row, { row: 5, col: 7, rows: 3, cols: 0 })).toBe(21);
    expect(gives('$F2*2', row, { row: 5, col: 8, rows: 3, cols: 1 })).toBe(6);
    expect(gives('E2*2', row, { row: 5, col: 8, rows: 3, cols: 1 })).toBe(6);
    expect(gives('F$2*2', row, { row: 5, col: 7, rows: 3, cols: 0 })).toBeUndefined();
  });

  it("works out SUM, PRODUCT, MIN, MAX, ABS, INT and Excel's rounding of what its 15 digits write", () => {
    const row: Cell[] = [1.5, 'x', 2, null, 4];
    expect([gives('SUM(A2:E2)', row), gives('SUM(A2,C2,10)', row), gives('PRODUCT(A2:C2)', row)]).toEqual([
      7.5, 13.5, 3,
    ]);
    expect([gives('MIN(A2:E2)', row), gives('MAX(A2:E2)*2', row), gives('ABS(-3)+INT(-2.5)', row)]).toEqual([
      1.5, 8, 0,
    ]);
    expect([
      gives('ROUND(2.675,2)'),
      gives('ROUND(-2.5,0)'),
      gives('ROUNDUP(1.231,2)'),
      gives('ROUNDDOWN(-1.239,2)'),
    ]).toEqual([2.68, -3, 1.24, -1.23]);
    // SUM passes over a cell's text, as Excel's does; arithmetic on it is an error (#VALUE!).
    expect([gives('SUM(B2)', row), gives('B2+1', row)]).toEqual([0, undefined]);
    // A range over its own cell (C2's SUM(A2:E2)) is a circle: not worked out.
    expect(gives('SUM(A2:E2)', row, { row: 2, col: 2, rows: 0, cols: 0 })).toBeUndefined();
    // A range across rows, a function given too few, a formula on its own cell: not worked out.
    expect([gives('SUM(A2:A3)', row), gives('ROUND(A2)', row), gives('Z2+1', row)]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("rounds as Excel does, whether far from the edge (worked out in binary) or on it (in Excel's 15 digits)", () => {
    // Against decimal.js on the 15 digits of each number: amounts in paise and in thousandths, halves among them.
    const modes = { ROUND: Decimal.ROUND_HALF_UP, ROUNDUP: Decimal.ROUND_UP, ROUNDDOWN: Decimal.ROUND_DOWN } as const;
    for (let i = 0; i < 3000; i++) {
      const n = ((i * 7919) % 2_000_001) / (i % 2 === 0 ? 1000 : 8) - 1000;
      for (const [mode, rounding] of Object.entries(modes))
        for (const places of [0, 1, 2]) {
          const excel = new Decimal(n.toPrecision(15)).toDecimalPlaces(places, rounding).toNumber();
          expect(gives(`${mode}(A2,${places})`, [n])).toBe(excel);
        }
    }
  });

  it('reads R1C1 references, as Excel 2003 XML writes them, from the cell they are written in', () => {
    const row: Cell[] = [null, null, null, null, 3, 7, 21];
    const at = { row: 5, col: 6 };
    const inG5 = (formula: string) => {
      const expr = parseFormula(formula, at);
      return expr === null ? null : formulaGives(expr, (col) => row[col], { row: 5, col: 6, rows: 0, cols: 0 });
    };
    expect([inG5('=RC[-2]*RC[-1]'), inG5('=RC5*R[0]C6'), inG5('=R5C5+1'), inG5('=SUM(RC[-2]:RC[-1])')]).toEqual([
      21, 21, 4, 10,
    ]);
    expect(inG5('="B/"&RC[-2]&"/R1C1"')).toBe('B/3/R1C1');
    // Another row, fixed or relative: not this row's.
    expect([inG5('=R[-1]C[-2]'), inG5('=R4C5')]).toEqual([undefined, undefined]);
    expect(parseFormula('=E5*F5', at)).toBeNull();
  });

  it('takes the number a cell holds where it reads otherwise (a code, a percentage, a date), and notes a result it does not give', () => {
    const formulas = new RowFormulas();
    // Row 2: A2 holds 123 shown "INV-0123"; B2 = A2+1 saved as 124, C2 = A2*2 saved as 250.
    formulas.add(1, 2, 'A2+1', undefined, 124);
    formulas.add(2, 2, 'A2*2', undefined, 250);
    formulas.noteHeld(0, 123);
    const apart: { formulaGives?: FormulaGives[] } = {};
    formulas.check(['INV-0123', 124, 250], apart);
    expect(apart.formulaGives).toEqual([{ column: 2, formula: '=A2*2', gives: 246 }]);
    // The next row holds its own numbers: what the last one held is not taken.
    formulas.add(1, 3, 'A3+1', undefined, 124);
    const next: { formulaGives?: FormulaGives[] } = {};
    formulas.check(['INV-0123', 124], next);
    expect(next.formulaGives).toBeUndefined();
  });

  it('joins texts as Excel does: & below + and −, a number in its 15 digits, a blank as nothing, a quoted text as written', () => {
    // A2 "INV", B2 12 (a code of the row), C2 blank, D2 a percentage's 0.18, E2 a date's day 46331.
    const row: Cell[] = ['INV', 12, null, 0.18, 46331];
    expect([
      gives('="INV/"&B2', row),
      gives('=A2&"-"&B2+1', row),
      gives('=A2&C2&"/"&D2', row),
      gives('=CONCATENATE(A2,"/",E2)', row),
      gives('=CONCAT(B2/3,"")', row),
      gives('="say ""A2"" "&A2', row),
    ]).toEqual(['INV/12', 'INV-13', 'INV/0.18', 'INV/46331', '4', 'say "A2" INV']);
    expect([gives('=1/3&""'), gives('=(0.1+0.2)&""'), gives('=A2', row), gives('=C2', row)]).toEqual([
      '0.333333333333333',
      '0.3',
      'INV',
      0,
    ]);
    // A serial padded with zeros, an amount to its places, as TEXT writes them; any other format is not told.
    expect([
      gives('="INV/"&TEXT(B2,"0000")', row),
      gives('=TEXT(2.675,"0.00")&"/"&TEXT(-12.5,"000")&TEXT(C2,"00")', row),
      gives('=TEXT(A2,"000")', row),
      gives('=TEXT(B2,"#,##0")', row),
      gives('=TEXT(-0.4,"0")', row),
    ]).toEqual(['INV/0012', '2.68/-01300', 'INV', undefined, undefined]);
    // Text in arithmetic is an error (#VALUE!), a number's text is its number.
    expect([gives('=A2+1', row), gives('="5"+1')]).toEqual([undefined, 6]);
  });

  it('notes a saved text its formula does not give, and takes one that differs only by spaces, or a number Excel writes otherwise, for the same', () => {
    const formulas = new RowFormulas();
    // Row 2: A2 "INV", B2 12; C2 = A2&"/"&B2 saved "INV/11"; D2 = A2&" "&B2 saved "INV 12" (the reader trims "INV ").
    formulas.add(2, 2, 'A2&"/"&B2', undefined, 'INV/11');
    formulas.add(3, 2, 'A2&" "&B2', undefined, 'INV 12');
    formulas.add(4, 2, 'B2*1E+15&""', undefined, '1.2E+16');
    const apart: { formulaGives?: FormulaGives[] } = {};
    formulas.check(['INV', 12, 'INV/11', 'INV 12', '1.2E+16'], apart);
    expect(apart.formulaGives).toEqual([{ column: 2, formula: '=A2&"/"&B2', gives: 'INV/12' }]);
    // A formula written again on the next row with "A3" in its quoted text: the text stays as written.
    formulas.add(2, 3, '"A3-"&B3', undefined, 'A3-7');
    formulas.add(3, 3, '"A3-"&B3', undefined, 'A3-7');
    const next: { formulaGives?: FormulaGives[] } = {};
    formulas.check(['x', 7, 'A3-7', 'A3-7'], next);
    expect(next.formulaGives).toBeUndefined();
    expect([sameSaved('INV 12', 'INV12'), sameSaved('100', 100), sameSaved(100, '100.5')]).toEqual([true, true, false]);
  });

  it("takes what the first formula's row holds before it, and the texts it is read as, as Excel's & does", () => {
    const formulas = new RowFormulas();
    // Row 2, the sheet's first formula: A2 holds 0.18 shown "18%", B2 123 shown "INV-0123", both read before it.
    formulas.noteHeld(0, 0.18);
    formulas.noteHeld(1, 123);
    formulas.add(2, 2, 'A2&"/"&B2', undefined, '0.18/123');
    formulas.add(3, 2, 'B2*2', undefined, 250);
    const apart: { formulaGives?: FormulaGives[] } = {};
    formulas.check(['18%', 'INV-0123', '0.18/123', 250], apart);
    expect(apart.formulaGives).toEqual([{ column: 3, formula: '=B2*2', gives: 246 }]);
  });

  it('leaves every other formula: another sheet, a name, text, a comparison, any other function', () => {
    const none = [
      'Sheet2!A2*2',
      "'My sheet'!A2",
      'Rate*A2',
      'DATEVALUE(A2)',
      'A2&"x',
      'IF(A2>1,1,0)',
      'VLOOKUP(A2,B:C,2,0)',
      'A2>1',
      'TODAY()',
      'A2*',
      '(A2',
      'A:A',
    ];
    expect(none.map((formula) => parseFormula(formula))).toEqual(none.map(() => null));
  });

  it('takes results within a billionth, or Excel’s 15 digits, for the same, and a paisa apart for another', () => {
    expect(sameResult(0, 0.1 + 0.2 - 0.3)).toBe(true);
    expect(sameResult(123456789012.34, 123456789012.34 + 1e-5)).toBe(true);
    expect(sameResult(100.5, 100.51)).toBe(false);
    expect(sameResult(1_00_00_00_000.01, 1_00_00_00_000.02)).toBe(false);
  });
});
