import Decimal from 'decimal.js';
import type { Cell, FormulaGives } from './types';
import { columnName, columnOf } from './xlsx-cells';

/**
 * A formula's saved value against what the formula gives from its own row. A workbook keeps each
 * formula's last result beside it; a program that writes or edits a file without calculating (a
 * script that changes the amounts and leaves the results, a workbook calculated by hand (F9) and
 * saved before it was asked) keeps a result the formula no longer gives, and Excel, working the
 * formula out again, shows another amount than the one read. Formulas of the row's own cells are
 * worked out here as Excel does — arithmetic (+ - * / ^ %), SUM, PRODUCT, MIN, MAX, ABS, INT,
 * ROUND, ROUNDUP, ROUNDDOWN, and texts joined by & or CONCATENATE with TEXT of zeros (a document
 * number `="INV/"&TEXT(A2,"0000")`) of numbers, texts and cells of the same row — and any other
 * (another row's cell, another sheet's, any other function) is left: whether it holds stays unknown.
 */
type Expr =
  | { number: number }
  | { text: string }
  | { ref: Ref }
  | { range: [Ref, Ref] }
  | { op: string; left: Expr; right: Expr }
  | { negate: Expr }
  | { percent: Expr }
  | { call: string; args: Expr[] };

/** A cell reference: its column and row as written (0-based column), and which are fixed (`$`). */
interface Ref {
  col: number;
  row: number;
  fixedCol: boolean;
  fixedRow: boolean;
}

const TOKEN =
  /\s*(?:("(?:[^"]|"")*")|(\d+(?:\.\d*)?(?:E[+-]?\d+)?|\.\d+(?:E[+-]?\d+)?)|(\$?[A-Z]{1,3}\$?\d{1,7})(?![A-Z\d(!])|([A-Z][A-Z\d.]*)\(|([-+*/^%(),:&]))/iy;

/** The same in R1C1 notation, as Excel 2003 XML writes formulas: `RC[-2]`, `R[0]C5`, `R3C2`. */
const TOKEN_R1C1 =
  /\s*(?:("(?:[^"]|"")*")|(\d+(?:\.\d*)?(?:E[+-]?\d+)?|\.\d+(?:E[+-]?\d+)?)|(R(?:\[-?\d{1,7}\]|\d{1,7})?C(?:\[-?\d{1,5}\]|\d{1,5})?)(?![A-Z\d(![])|([A-Z][A-Z\d.]*)\(|([-+*/^%(),:&]))/iy;

type Token = { number: number } | { text: string } | { ref: Ref } | { fn: string } | { sign: string };

/** An A1 reference as a Ref. */
function a1Ref(ref: string): Ref {
  const [, fixedCol, col = '', fixedRow, row] = ref.match(/^(\$?)([A-Z]+)(\$?)(\d+)$/i) ?? [];
  return { col: columnOf(col.toUpperCase()), row: Number(row), fixedCol: !!fixedCol, fixedRow: !!fixedRow };
}

/** An R1C1 reference, written in the cell at `at` (its row, 1-based, and 0-based column), as a Ref. */
function r1c1Ref(ref: string, at: { row: number; col: number }): Ref {
  const [, row, col] = ref.toUpperCase().match(/^R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?$/) ?? [];
  const away = (part: string | undefined) => (part === undefined ? 0 : Number(part.slice(1, -1)));
  const fixed = (part: string | undefined) => part !== undefined && !part.startsWith('[');
  return {
    row: fixed(row) ? Number(row) : at.row + away(row),
    col: fixed(col) ? Number(col) - 1 : at.col + away(col),
    fixedRow: fixed(row),
    fixedCol: fixed(col),
  };
}

function tokens(formula: string, r1c1At?: { row: number; col: number }): Token[] | null {
  const out: Token[] = [];
  const pattern = r1c1At ? TOKEN_R1C1 : TOKEN;
  pattern.lastIndex = 0;
  while (pattern.lastIndex < formula.length) {
    if (/^\s*$/.test(formula.slice(pattern.lastIndex))) break;
    const m = pattern.exec(formula);
    if (!m) return null;
    const [, text, number, ref, fn, sign] = m;
    if (text !== undefined) out.push({ text: text.slice(1, -1).replace(/""/g, '"') });
    else if (number !== undefined) out.push({ number: Number(number) });
    else if (ref !== undefined) out.push({ ref: r1c1At ? r1c1Ref(ref, r1c1At) : a1Ref(ref) });
    else if (fn !== undefined) out.push({ fn: fn.toUpperCase() });
    else out.push({ sign: sign as string });
  }
  return out;
}

const FUNCTIONS = new Set([
  'SUM',
  'PRODUCT',
  'MIN',
  'MAX',
  'ABS',
  'INT',
  'ROUND',
  'ROUNDUP',
  'ROUNDDOWN',
  'CONCATENATE',
  'CONCAT',
  'TEXT',
]);

/**
 * A formula as an expression, or null where it is none this module works out; `r1c1At`, the
 * cell it is written in where it is written in R1C1 notation (Excel 2003 XML).
 */
export function parseFormula(formula: string, r1c1At?: { row: number; col: number }): Expr | null {
  if (formula.length > 1000) return null;
  const list = tokens(formula.replace(/^=/, ''), r1c1At);
  if (!list || list.length === 0) return null;
  let at = 0;
  const sign = (s: string) => {
    const t = list[at];
    if (t && 'sign' in t && t.sign === s) {
      at++;
      return true;
    }
    return false;
  };
  /** Operands read by `next`, joined left to right by any of `ops`. */
  const chain = (ops: string[], next: () => Expr | null) => (): Expr | null => {
    let left = next();
    while (left) {
      const op = ops.find(sign);
      if (!op) return left;
      const right = next();
      left = right && { op, left, right };
    }
    return null;
  };
  // Excel's order: & below + − below * / below ^ below a leading minus below %.
  const power = chain(['^'], () => unary());
  const product = chain(['*', '/'], power);
  const sum = chain(['+', '-'], product);
  const joined = chain(['&'], sum);
  const unary = (): Expr | null => {
    if (sign('-')) {
      const inner = unary();
      return inner && { negate: inner };
    }
    if (sign('+')) return unary();
    let inner = primary();
    while (inner && sign('%')) inner = { percent: inner };
    return inner;
  };
  const primary = (): Expr | null => {
    const t = list[at++];
    if (!t) return null;
    if ('number' in t || 'text' in t) return t;
    if ('ref' in t) {
      if (!sign(':')) return t;
      const end = list[at++];
      return end && 'ref' in end ? { range: [t.ref, end.ref] } : null;
    }
    if ('fn' in t) {
      if (!FUNCTIONS.has(t.fn)) return null;
      const args: Expr[] = [];
      if (sign(')')) return { call: t.fn, args };
      do {
        const arg = joined();
        if (!arg) return null;
        args.push(arg);
      } while (sign(','));
      return sign(')') ? { call: t.fn, args } : null;
    }
    if (t.sign === '(') {
      const inner = joined();
      return inner && sign(')') ? inner : null;
    }
    return null;
  };
  const expr = joined();
  return expr && at === list.length ? expr : null;
}

/** Where a formula stands: its row, and how far a shared formula's cell is from the cell that writes it. */
export interface FormulaPlace {
  row: number;
  /** The formula's own column: a reference to its own cell is a circle, never worked out. */
  col: number;
  rows: number;
  cols: number;
}

/** A value a formula works with: a number, a text, or a blank cell (null). */
type Value = number | string | null;

/** A text as Excel's arithmetic takes it: a number's text, or a percentage's ("18%"), as that number. */
function numberIn(text: string): number | undefined {
  const percent = text.match(/^(-?\d+(?:\.\d+)?)%$/);
  if (percent) return Number(percent[1]) / 100;
  const n = text.trim() === '' ? Number.NaN : Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A number as Excel's & writes it: its 15 digits, without a format (0.1+0.2 is "0.3", a date its
 * day's number); undefined outside where that is plain digits for certain (Excel writes 1E+15,
 * JavaScript 1000000000000000).
 */
function numberText(n: number): string | undefined {
  const size = Math.abs(n);
  if (size >= 1e15 || (size > 0 && size < 1e-3)) return undefined;
  return String(Number(n.toPrecision(15)));
}

/** A cell's value: a date or a truth value not told here (a date cell's number is noted as held). */
const cellValue = (cell: Cell | undefined): Value | undefined =>
  cell === null || cell === undefined ? null : typeof cell === 'number' || typeof cell === 'string' ? cell : undefined;
/** As a number: a blank is 0, a text of a number its number; other text is an error (#VALUE!). */
const asNumber = (v: Value | undefined) => (v === null ? 0 : typeof v === 'string' ? numberIn(v) : v);
/** As a text: a blank is empty, a number its 15 digits. */
const asText = (v: Value | undefined) => (v === null ? '' : typeof v === 'number' ? numberText(v) : v);

const rounding = { ROUND: Decimal.ROUND_HALF_UP, ROUNDUP: Decimal.ROUND_UP, ROUNDDOWN: Decimal.ROUND_DOWN } as const;

/**
 * What a formula gives from its row's cells (`valueAt`, as read), at `place`: a number, or a
 * text where it joins texts; undefined where it needs what the row does not hold (another row's
 * cell) or Excel would give no value.
 */
export function formulaGives(
  expr: Expr,
  valueAt: (col: number) => Cell | undefined,
  place: FormulaPlace,
): number | string | undefined {
  /** The column of a reference of this row (a fixed row too, where it is this one), or undefined for another row's. */
  const columnIn = (ref: Ref): number | undefined => {
    if (ref.row !== (ref.fixedRow ? place.row : place.row - place.rows)) return undefined;
    const col = ref.col + (ref.fixedCol ? 0 : place.cols);
    return col === place.col ? undefined : col;
  };
  const number = (e: Expr) => asNumber(value(e));
  const text = (e: Expr) => asText(value(e));
  /**
   * A function's arguments as numbers. SUM, PRODUCT, MIN and MAX (`inCells`) take a range's or a
   * cell's numbers and pass over its blanks and text, as Excel's do; the others take a cell's text
   * of a number as that number.
   */
  const numbers = (args: Expr[], inCells: boolean): number[] | undefined => {
    const out: number[] = [];
    for (const arg of args) {
      const range = 'range' in arg ? arg.range : inCells && 'ref' in arg ? [arg.ref, arg.ref] : null;
      if (range) {
        const [from, to] = range.map(columnIn);
        if (from === undefined || to === undefined) return undefined;
        for (let c = Math.min(from, to); c <= Math.max(from, to); c++) {
          // A range over the formula's own cell is a circle too.
          if (c === place.col) return undefined;
          const cell = valueAt(c);
          if (typeof cell === 'number') out.push(cell);
          else if (cell instanceof Date || typeof cell === 'boolean') return undefined;
        }
      } else {
        const n = number(arg);
        if (n === undefined) return undefined;
        out.push(n);
      }
    }
    return out;
  };
  const value = (e: Expr): Value | undefined => {
    if ('number' in e || 'text' in e) return 'number' in e ? e.number : e.text;
    if ('ref' in e) {
      const col = columnIn(e.ref);
      return col === undefined ? undefined : cellValue(valueAt(col));
    }
    if ('negate' in e) {
      const n = number(e.negate);
      return n === undefined ? undefined : -n;
    }
    if ('percent' in e) {
      const n = number(e.percent);
      return n === undefined ? undefined : n / 100;
    }
    if ('op' in e) return e.op === '&' ? joinedText([e.left, e.right]) : arithmetic(e.op, e.left, e.right);
    if ('range' in e) return undefined;
    if (e.call === 'CONCATENATE' || e.call === 'CONCAT') return joinedText(e.args);
    if (e.call === 'TEXT')
      return e.args.length === 2 ? formatted(value(e.args[0] as Expr), value(e.args[1] as Expr)) : undefined;
    const args = numbers(e.args, e.call === 'SUM' || e.call === 'PRODUCT' || e.call === 'MIN' || e.call === 'MAX');
    return args && called(e.call, args);
  };
  const joinedText = (parts: Expr[]): string | undefined => {
    let out = '';
    for (const part of parts) {
      const t = text(part);
      if (t === undefined) return undefined;
      out += t;
    }
    return out;
  };
  const arithmetic = (op: string, left: Expr, right: Expr): number | undefined => {
    const [a, b] = [number(left), number(right)];
    if (a === undefined || b === undefined) return undefined;
    if (op === '/' && b === 0) return undefined;
    return op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : op === '/' ? a / b : a ** b;
  };
  const result = value(expr);
  // A formula of one blank cell (=A2) shows 0.
  if (result === null) return 0;
  return typeof result === 'string' || (result !== undefined && Number.isFinite(result)) ? result : undefined;
}

/**
 * TEXT(value, format) for formats of zeros alone, before a point and after it (`"0000"`,
 * `"0.00"`): the number rounded as ROUND does and its digits padded with zeros, as a serial is
 * written into a document number (`="INV/"&TEXT(B2,"0000")`); a text not of a number stays as it
 * is. Undefined for any other format, which this module does not write.
 */
function formatted(held: Value | undefined, format: Value | undefined): string | undefined {
  const [, whole, places = ''] = typeof format === 'string' ? (format.match(/^(0{1,15})(?:\.(0{1,10}))?$/) ?? []) : [];
  if (whole === undefined || held === undefined) return undefined;
  const n = asNumber(held);
  if (n === undefined) return typeof held === 'string' ? held : undefined;
  const rounded = called('ROUND', [n, places.length]);
  // A negative number rounded to nothing (Excel writes "-000" for -0.4) is not told here.
  if (rounded === undefined || Math.abs(rounded) >= 1e15 || (n < 0 && rounded === 0)) return undefined;
  const digits = Math.abs(rounded)
    .toFixed(places.length)
    .padStart(whole.length + (places ? places.length + 1 : 0), '0');
  return `${rounded < 0 ? '-' : ''}${digits}`;
}

/** A function of numbers, as Excel works it out; undefined where Excel gives an error. */
function called(name: string, args: number[]): number | undefined {
  switch (name) {
    case 'SUM':
      return args.reduce((s, n) => s + n, 0);
    case 'PRODUCT':
      return args.reduce((s, n) => s * n, 1);
    case 'MIN':
      return args.length === 0 ? 0 : Math.min(...args);
    case 'MAX':
      return args.length === 0 ? 0 : Math.max(...args);
    case 'ABS':
      return args.length === 1 ? Math.abs(args[0] as number) : undefined;
    case 'INT':
      return args.length === 1 ? Math.floor(args[0] as number) : undefined;
    default: {
      const [n, digits] = args;
      if (args.length !== 2 || n === undefined || digits === undefined || !Number.isFinite(n)) return undefined;
      // Excel rounds the number as its 15 digits write it: ROUND(2.675, 2) is 2.68.
      const places = Math.trunc(digits);
      if (places < 0 || places > 15) return undefined;
      const mode = name as keyof typeof rounding;
      // Far from the edge its rounding turns on (a half for ROUND, a whole for the others), the
      // binary number rounds as its digits do; near it, its 15 digits are rounded exactly.
      const scale = 10 ** places;
      const x = Math.abs(n) * scale;
      const part = x - Math.floor(x);
      const edge = mode === 'ROUND' ? Math.abs(part - 0.5) : Math.min(part, 1 - part);
      if (edge > 1e-6 && x < 1e15) {
        const whole = mode === 'ROUND' ? Math.round(x) : mode === 'ROUNDUP' ? Math.ceil(x) : Math.floor(x);
        return (Math.sign(n) * whole) / scale;
      }
      return new Decimal(n.toPrecision(15)).toDecimalPlaces(places, rounding[mode]).toNumber();
    }
  }
}

/**
 * Whether a saved number is what a formula gives: Excel's and JavaScript's arithmetic are the same
 * IEEE doubles, and Excel tidies a result within its 15 digits (0.1 + 0.2 − 0.3 saved as 0), so
 * what differs beyond those, or by less than a billionth, is the same.
 */
export const sameResult = (saved: number, given: number) =>
  Math.abs(saved - given) <= Math.max(1e-9, 1e-12 * Math.max(Math.abs(saved), Math.abs(given)));

/**
 * Whether a saved value is what a formula gives: numbers by `sameResult`; a text by its characters
 * other than spaces, which the import trims from every cell it reads (a number given, or saved,
 * as Excel's & writes it). Where that is not known for certain, the same.
 */
export function sameSaved(saved: number | string, given: number | string): boolean {
  if (typeof saved === 'number' && typeof given === 'number') return sameResult(saved, given);
  const [a, b] = [saved, given].map((v) => (typeof v === 'number' ? numberText(v) : v));
  return a === undefined || b === undefined || a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
}

/** An A1 reference in a formula's text (its column with its `$`, its row's `$`, its row), or a quoted text, which holds none. */
const A1_REF = /("(?:[^"]|"")*")|(\$?[A-Z]{1,3})(\$?)(\d{1,7})(?![A-Z\d(!])/gi;

/** A formula's text with each A1 reference (not a quoted text's `"A2"`) written as `move` writes it. */
const withRefs = (formula: string, move: (column: string, fixedRow: string, row: string, ref: string) => string) =>
  formula.replace(A1_REF, (ref, quoted: string | undefined, column: string, fixedRow: string, row: string) =>
    quoted === undefined ? move(column, fixedRow, row, ref) : ref,
  );

/** A shared formula as its cell `rows` and `cols` away takes it: its references not fixed moved as far. */
const shifted = (formula: string, rows: number, cols: number) =>
  withRefs(formula, (column, fixedRow, row) => {
    const letters = column.startsWith('$') ? column : columnName(columnOf(column.toUpperCase()) + cols);
    return `${letters}${fixedRow}${fixedRow ? row : Number(row) + rows}`;
  });

/** A formula of a row with its saved number or text, to be asked once the row is read. */
interface Waiting {
  expr: Expr;
  place: FormulaPlace;
  saved: number | string;
  /** The formula as written; `shift`, written in another cell (a shared formula's first), `place` away. */
  text: string;
  shift: boolean;
}

/** Shared formulas, and formulas parsed, a sheet keeps before it parses again (a hostile file's millions). */
const MAX_KEPT = 100_000;

/**
 * A sheet's formulas, row by row: each formula cell with a saved number or text is added as it is read,
 * with the shared formula it writes or takes (`<f t="shared" si="0">E2*F2</f>` writes it for the
 * cells under it, which say only `si="0"`); once the row is read, `check` notes each whose saved
 * value is not what it gives from the row (`formulaGives`). A formula written again on each row
 * (`E2*F2`, `E3*F3`, as LibreOffice writes them) is parsed once, as its row's references read
 * from row 1: a million-line sheet's formulas cost a lookup a row.
 */
export class RowFormulas {
  private readonly shared = new Map<string, { expr: Expr | null; row: number; col: number; text: string }>();
  private readonly parsed = new Map<string, Expr | null>();
  private readonly waiting: Waiting[] = [];
  /**
   * The row's cells that hold other than they read (a percentage's "18%", a date; a merged range's
   * other cells, blank): their columns, and what each holds. Two arrays, emptied with each row: a
   * date on every row of a sheet without formulas costs two pushes.
   */
  private readonly heldColumns: number[] = [];
  private readonly heldValues: Cell[] = [];

  /**
   * A cell of the row that holds `value` and reads otherwise (`18%`, `INV-0123`, a date: its
   * number; a merged range's cell after its first: blank): formulas take what it holds, where
   * its text would join the code or the "18%" Excel never sees.
   */
  noteHeld(col: number, value: Cell): void {
    this.heldColumns.push(col);
    this.heldValues.push(value);
  }

  /**
   * A formula cell read, at `col` of `row`, with its saved value: its formula's text (A1, or R1C1
   * where `r1c1`), and the shared formula it writes or takes (`si`).
   */
  add(col: number, row: number, text: string, si: string | undefined, saved: Cell, r1c1 = false): void {
    if (typeof saved !== 'number' && typeof saved !== 'string') return;
    if (si !== undefined && text.trim() === '') {
      const first = this.shared.get(si);
      if (first?.expr)
        this.waiting.push({
          expr: first.expr,
          place: { row, col, rows: row - first.row, cols: col - first.col },
          saved,
          text: first.text,
          shift: true,
        });
      return;
    }
    const written = text.trim().replace(/^=/, '');
    if (si !== undefined) {
      const expr = parseFormula(written);
      if (this.shared.size < MAX_KEPT) this.shared.set(si, { expr, row, col, text: written });
      if (expr) this.waiting.push({ expr, place: { row, col, rows: 0, cols: 0 }, saved, text: written, shift: false });
      return;
    }
    // The formula as if written in row 1: its references to its own row (not fixed) at row 1.
    // (R1C1's relative references are the same on every row; it is parsed in its own column.)
    const asInRow1 = r1c1
      ? written
      : withRefs(written, (column, fixed, at, ref) => (fixed === '' && Number(at) === row ? `${column}1` : ref));
    const key = r1c1 ? `${col}|${written}` : asInRow1;
    let expr = this.parsed.get(key);
    if (expr === undefined) {
      expr = parseFormula(asInRow1, r1c1 ? { row: 1, col } : undefined);
      if (this.parsed.size < MAX_KEPT) this.parsed.set(key, expr);
    }
    if (expr)
      this.waiting.push({ expr, place: { row, col, rows: row - 1, cols: 0 }, saved, text: written, shift: false });
  }

  /** Asks the row's formulas of its cells; `dayOf`, the day a date cell's number is, to say what Excel shows there. */
  check(cells: readonly Cell[], apart: { formulaGives?: FormulaGives[] }, dayOf?: (serial: number) => string): void {
    // Every row of every sheet asks: a row without formulas costs nothing more.
    if (this.waiting.length > 0) this.ask(cells, apart, dayOf);
    this.heldColumns.length = 0;
    this.heldValues.length = 0;
  }

  private ask(cells: readonly Cell[], apart: { formulaGives?: FormulaGives[] }, dayOf?: (serial: number) => string) {
    const valueAt = (col: number) => {
      const at = this.heldColumns.lastIndexOf(col);
      return at < 0 ? cells[col] : this.heldValues[at];
    };
    for (const { expr, place, saved, text, shift } of this.waiting) {
      const col = place.col;
      const given = formulaGives(expr, valueAt, place);
      if (given === undefined || sameSaved(saved, given)) continue;
      apart.formulaGives ??= [];
      apart.formulaGives.push({
        ...(cells[col] instanceof Date && dayOf && typeof given === 'number' ? { shows: dayOf(given) } : {}),
        column: col,
        formula: `=${shift ? shifted(text, place.rows, place.cols) : text}`,
        gives: given,
      });
    }
    this.waiting.length = 0;
  }
}
