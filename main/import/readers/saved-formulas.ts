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
 * ROUND, ROUNDUP, ROUNDDOWN of numbers and cells of the same row — and any other (another row's
 * cell, another sheet's, any other function, text) is left: whether it holds stays unknown.
 */
type Expr =
  | { number: number }
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
  /\s*(?:(\d+(?:\.\d*)?(?:E[+-]?\d+)?|\.\d+(?:E[+-]?\d+)?)|(\$?[A-Z]{1,3}\$?\d{1,7})(?![A-Z\d(!])|([A-Z][A-Z\d.]*)\(|([-+*/^%(),:]))/iy;

/** The same in R1C1 notation, as Excel 2003 XML writes formulas: `RC[-2]`, `R[0]C5`, `R3C2`. */
const TOKEN_R1C1 =
  /\s*(?:(\d+(?:\.\d*)?(?:E[+-]?\d+)?|\.\d+(?:E[+-]?\d+)?)|(R(?:\[-?\d{1,7}\]|\d{1,7})?C(?:\[-?\d{1,5}\]|\d{1,5})?)(?![A-Z\d(![])|([A-Z][A-Z\d.]*)\(|([-+*/^%(),:]))/iy;

type Token = { number: number } | { ref: Ref } | { fn: string } | { sign: string };

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
    const [, number, ref, fn, sign] = m;
    if (number !== undefined) out.push({ number: Number(number) });
    else if (ref !== undefined) out.push({ ref: r1c1At ? r1c1Ref(ref, r1c1At) : a1Ref(ref) });
    else if (fn !== undefined) out.push({ fn: fn.toUpperCase() });
    else out.push({ sign: sign as string });
  }
  return out;
}

const FUNCTIONS = new Set(['SUM', 'PRODUCT', 'MIN', 'MAX', 'ABS', 'INT', 'ROUND', 'ROUNDUP', 'ROUNDDOWN']);

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
  // Excel's order: + − below * / below ^ below a leading minus below %.
  const power = chain(['^'], () => unary());
  const product = chain(['*', '/'], power);
  const sum = chain(['+', '-'], product);
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
    if ('number' in t) return t;
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
        const arg = sum();
        if (!arg) return null;
        args.push(arg);
      } while (sign(','));
      return sign(')') ? { call: t.fn, args } : null;
    }
    if (t.sign === '(') {
      const inner = sum();
      return inner && sign(')') ? inner : null;
    }
    return null;
  };
  const expr = sum();
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

/** A cell's value as Excel's arithmetic takes it: a number, a blank as 0, a text of a number or a percentage as that number. */
function numberOf(cell: Cell | undefined): number | undefined {
  if (cell === null || cell === undefined) return 0;
  if (typeof cell === 'number') return cell;
  if (typeof cell !== 'string') return undefined;
  const percent = cell.match(/^(-?\d+(?:\.\d+)?)%$/);
  if (percent) return Number(percent[1]) / 100;
  const n = cell.trim() === '' ? Number.NaN : Number(cell);
  return Number.isFinite(n) ? n : undefined;
}

const rounding = { ROUND: Decimal.ROUND_HALF_UP, ROUNDUP: Decimal.ROUND_UP, ROUNDDOWN: Decimal.ROUND_DOWN } as const;

/**
 * What a formula gives from its row's cells (`cells`, as read), at `place`; undefined where it
 * needs what the row does not hold (another row's cell) or Excel would give no number.
 */
export function formulaGives(
  expr: Expr,
  valueAt: (col: number) => Cell | undefined,
  place: FormulaPlace,
): number | undefined {
  /** The column of a reference of this row (a fixed row too, where it is this one), or undefined for another row's. */
  const columnIn = (ref: Ref): number | undefined => {
    if (ref.row !== (ref.fixedRow ? place.row : place.row - place.rows)) return undefined;
    const col = ref.col + (ref.fixedCol ? 0 : place.cols);
    return col === place.col ? undefined : col;
  };
  /**
   * A function's arguments as numbers. SUM, PRODUCT, MIN and MAX (`inCells`) take a range's or a
   * cell's numbers and pass over its blanks and text, as Excel's do; the others take a cell's text
   * of a number as that number.
   */
  const values = (args: Expr[], inCells: boolean): number[] | undefined => {
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
        const n = gives(arg);
        if (n === undefined) return undefined;
        out.push(n);
      }
    }
    return out;
  };
  const gives = (e: Expr): number | undefined => {
    if ('number' in e) return e.number;
    if ('ref' in e) {
      const col = columnIn(e.ref);
      return col === undefined ? undefined : numberOf(valueAt(col));
    }
    if ('negate' in e) {
      const n = gives(e.negate);
      return n === undefined ? undefined : -n;
    }
    if ('percent' in e) {
      const n = gives(e.percent);
      return n === undefined ? undefined : n / 100;
    }
    if ('op' in e) {
      const [a, b] = [gives(e.left), gives(e.right)];
      if (a === undefined || b === undefined) return undefined;
      if (e.op === '/' && b === 0) return undefined;
      return e.op === '+' ? a + b : e.op === '-' ? a - b : e.op === '*' ? a * b : e.op === '/' ? a / b : a ** b;
    }
    if ('range' in e) return undefined;
    const args = values(e.args, e.call === 'SUM' || e.call === 'PRODUCT' || e.call === 'MIN' || e.call === 'MAX');
    if (!args) return undefined;
    switch (e.call) {
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
        const mode = e.call as keyof typeof rounding;
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
  };
  const result = gives(expr);
  return result !== undefined && Number.isFinite(result) ? result : undefined;
}

/**
 * Whether a saved number is what a formula gives: Excel's and JavaScript's arithmetic are the same
 * IEEE doubles, and Excel tidies a result within its 15 digits (0.1 + 0.2 − 0.3 saved as 0), so
 * what differs beyond those, or by less than a billionth, is the same.
 */
export const sameResult = (saved: number, given: number) =>
  Math.abs(saved - given) <= Math.max(1e-9, 1e-12 * Math.max(Math.abs(saved), Math.abs(given)));

/** An A1 reference anywhere in a formula's text: its column (with its `$`), its row's `$`, its row. */
const A1_REF = /(\$?[A-Z]{1,3})(\$?)(\d{1,7})(?![A-Z\d(!])/gi;

/** A shared formula as its cell `rows` and `cols` away takes it: its references not fixed moved as far. */
const shifted = (formula: string, rows: number, cols: number) =>
  formula.replace(A1_REF, (_, column: string, fixedRow, row) => {
    const letters = column.startsWith('$') ? column : columnName(columnOf(column.toUpperCase()) + cols);
    return `${letters}${fixedRow}${fixedRow ? row : Number(row) + rows}`;
  });

/** A formula of a row with its saved number, to be asked once the row is read. */
interface Waiting {
  expr: Expr;
  place: FormulaPlace;
  saved: number;
  /** The formula as written; `shift`, written in another cell (a shared formula's first), `place` away. */
  text: string;
  shift: boolean;
}

/** Shared formulas, and formulas parsed, a sheet keeps before it parses again (a hostile file's millions). */
const MAX_KEPT = 100_000;

/**
 * A sheet's formulas, row by row: each formula cell with a saved number is added as it is read,
 * with the shared formula it writes or takes (`<f t="shared" si="0">E2*F2</f>` writes it for the
 * cells under it, which say only `si="0"`); once the row is read, `check` notes each whose saved
 * number is not what it gives from the row (`formulaGives`). A formula written again on each row
 * (`E2*F2`, `E3*F3`, as LibreOffice writes them) is parsed once, as its row's references read
 * from row 1: a million-line sheet's formulas cost a lookup a row.
 */
export class RowFormulas {
  private readonly shared = new Map<string, { expr: Expr | null; row: number; col: number; text: string }>();
  private readonly parsed = new Map<string, Expr | null>();
  private readonly waiting: Waiting[] = [];
  /** What the row's cells hold where they read as something else (a percentage's "18%", a date; a merged range's other cells, blank). */
  private readonly held = new Map<number, Cell>();

  /** Whether the sheet has had a formula: until it has, no cell's number is kept. */
  private any = false;

  /**
   * A cell of the row that holds `value` and reads otherwise (`18%`, `INV-0123`, a date: its
   * number; a merged range's cell after its first: blank): formulas take what it holds. Kept once
   * the sheet has had a formula (a first formula's row before it may lack some, and its formula
   * then goes unasked).
   */
  noteHeld(col: number, value: Cell): void {
    if (this.any) this.held.set(col, value);
  }

  /**
   * A formula cell read, at `col` of `row`, with its saved value: its formula's text (A1, or R1C1
   * where `r1c1`), and the shared formula it writes or takes (`si`).
   */
  add(col: number, row: number, text: string, si: string | undefined, saved: Cell, r1c1 = false): void {
    if (typeof saved !== 'number') return;
    this.any = true;
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
      : written.replace(A1_REF, (ref, column, fixed, at) => (fixed === '' && Number(at) === row ? `${column}1` : ref));
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
    this.held.clear();
  }

  private ask(cells: readonly Cell[], apart: { formulaGives?: FormulaGives[] }, dayOf?: (serial: number) => string) {
    const valueAt = (col: number) => (this.held.has(col) ? this.held.get(col) : cells[col]);
    for (const { expr, place, saved, text, shift } of this.waiting) {
      const col = place.col;
      const given = formulaGives(expr, valueAt, place);
      if (given === undefined || sameResult(saved, given)) continue;
      apart.formulaGives ??= [];
      apart.formulaGives.push({
        ...(cells[col] instanceof Date && dayOf ? { shows: dayOf(given) } : {}),
        column: col,
        formula: `=${shift ? shifted(text, place.rows, place.cols) : text}`,
        gives: given,
      });
    }
    this.waiting.length = 0;
  }
}
