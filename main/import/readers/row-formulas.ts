import type { Cell, Merge } from './types';
import { columnOf } from './xlsx-cells';

/**
 * The formulas of conditional formats that look at another cell of the same row, which is how a
 * whole line is formatted by what one of its columns says: `$H2="Cancelled"`, `$J2<>""`,
 * `$G2>1000`, `ISNUMBER(SEARCH("cancel",$H2))`, Excel 2003 XML's `RC8="Cancelled"`, and AND, OR
 * and NOT of them (`AND($H2="Cancelled",$G2>0)`). Worked out from the row's cells as read, so
 * that a rule holds, or not, for each row, where otherwise only Excel could say. Any other formula
 * (another row's cell, another sheet's, a function) is none: whether it holds stays unknown.
 */

/** A test of one cell of the row against a constant. */
interface CellTest {
  /** The column looked at: fixed, or as far from the formatted cell's as written (a relative reference). */
  column: { at: number } | { by: number };
  compare: (value: Cell) => boolean | undefined;
}

/** Such a test, or AND, OR, NOT of such tests: `AND($H2="Cancelled",$G2>0)`. */
export type RowTest = CellTest | { all: RowTest[] } | { any: RowTest[] } | { not: RowTest };

/** A constant of a formula: a quoted text (`""` a quote), a number, TRUE or FALSE; undefined for anything else. */
export function formulaConstant(written: string): string | number | boolean | undefined {
  if (/^"(?:[^"]|"")*"$/.test(written)) return written.slice(1, -1).replace(/""/g, '"');
  if (/^-?\d+(?:\.\d+)?$/.test(written)) return Number(written);
  if (/^(?:TRUE|FALSE)$/i.test(written)) return written.toUpperCase() === 'TRUE';
  return undefined;
}

/**
 * A reference to a cell of the formatted cell's own row, as its column: `$H2` (A1, relative to
 * the rule's first range's top-left cell `anchor`, where a row written as the anchor's is the
 * formatted cell's own) or, in a workbook that writes its formulas so (Excel 2003 XML: `RC8`
 * is column RC's row 8 in A1), `RC8`, `RC[2]`, `R[0]C8` (R1C1, relative to the formatted cell).
 * Undefined for any other row, or anything else.
 */
function sameRowColumn(ref: string, anchor: Merge | undefined, r1c1Notation: boolean): CellTest['column'] | undefined {
  if (!r1c1Notation) {
    const [, fixedColumn, column = '', fixedRow, row] = ref.match(/^(\$?)([A-Z]{1,3})(\$?)(\d{1,7})$/i) ?? [];
    if (!anchor || row === undefined || fixedRow === '$' || Number(row) !== anchor.top) return undefined;
    const at = columnOf(column.toUpperCase());
    return fixedColumn === '$' ? { at } : { by: at - anchor.left };
  }
  const r1c1 = ref.match(/^R(?:\[0\])?C(?:(\d{1,5})|\[(-?\d{1,5})\])?$/i);
  if (!r1c1) return undefined;
  const [, at, by] = r1c1;
  return at !== undefined ? { at: Number(at) - 1 } : { by: by === undefined ? 0 : Number(by) };
}

/** What each operator says of the order of a value and a constant (-1, 0, 1). */
const ORDERS: Record<string, (order: number) => boolean> = {
  '=': (o) => o === 0,
  '<>': (o) => o !== 0,
  '<': (o) => o < 0,
  '<=': (o) => o <= 0,
  '>': (o) => o > 0,
  '>=': (o) => o >= 0,
};

/** A cell's value as Excel compares it with a constant like `wanted`: text whatever its case, a blank as "" or 0; undefined where the kinds differ. */
function comparable(value: Cell, wanted: string | number | boolean): string | number | undefined {
  if (typeof wanted === 'boolean') return value === 'TRUE' || value === 'FALSE' ? value : undefined;
  if (value === null) return typeof wanted === 'number' ? 0 : '';
  if (typeof wanted === 'number') return typeof value === 'number' ? value : undefined;
  return typeof value === 'string' ? value.toLowerCase() : undefined;
}

/** Excel's comparison of a cell's value with a constant by an operator; undefined for an operator it has not. */
function comparison(op: string, wanted: string | number | boolean): CellTest['compare'] | undefined {
  const holds = ORDERS[op];
  if (!holds) return undefined;
  const than = comparable(typeof wanted === 'boolean' ? (wanted ? 'TRUE' : 'FALSE') : wanted, wanted);
  return (value) => {
    const held = comparable(value, wanted);
    return held === undefined || than === undefined ? undefined : holds(held < than ? -1 : held > than ? 1 : 0);
  };
}

const REF = String.raw`(\$?[A-Z]{1,3}\$?\d{1,7}|R(?:\[0\])?C(?:\d{1,5}|\[-?\d{1,5}\])?)`;
const CONSTANT = String.raw`("(?:[^"]|"")*"|-?\d+(?:\.\d+)?|TRUE|FALSE)`;
const OP = '(<>|<=|>=|=|<|>)';
const REF_FIRST = new RegExp(`^${REF}\\s*${OP}\\s*${CONSTANT}$`, 'i');
const CONSTANT_FIRST = new RegExp(`^${CONSTANT}\\s*${OP}\\s*${REF}$`, 'i');
const CONTAINS = new RegExp(`^ISNUMBER\\(\\s*(SEARCH|FIND)\\(\\s*("(?:[^"]|"")*")\\s*,\\s*${REF}\\s*\\)\\s*\\)$`, 'i');
/** An operator as seen from the other side: `"Y"=$H2` is `$H2="Y"`, `0<$G2` is `$G2>0`. */
const MIRRORED: Record<string, string> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=' };

/** A function's arguments as written, split at its commas outside quotes and brackets; null where they do not close. */
function argumentsOf(inside: string): string[] | null {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let from = 0;
  for (let i = 0; i < inside.length; i++) {
    const c = inside[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return null;
    else if (c === ',' && depth === 0) {
      out.push(inside.slice(from, i));
      from = i + 1;
    }
  }
  if (depth !== 0 || quoted) return null;
  out.push(inside.slice(from));
  return out;
}

const LOGICAL = /^(AND|OR|NOT)\s*\(([\s\S]*)\)$/i;

/**
 * The test of a formula of one cell of the row against a constant, or of AND, OR and NOT of such
 * formulas, or undefined where it is none: its references in A1 (an xlsx's), or R1C1 where
 * `r1c1` says so.
 */
export function rowTest(formula: string, anchor: Merge | undefined, r1c1 = false): RowTest | undefined {
  const written = formula.trim().replace(/^=/, '');
  if (written.length > 300) return undefined;
  const logical = written.match(LOGICAL);
  const parts = logical ? argumentsOf(logical[2] ?? '') : null;
  if (logical && parts) {
    const tests = parts.map((part) => rowTest(part, anchor, r1c1));
    if (tests.some((t) => t === undefined)) return undefined;
    const all = tests as RowTest[];
    const how = (logical[1] ?? '').toUpperCase();
    if (how === 'NOT') return all.length === 1 && all[0] ? { not: all[0] } : undefined;
    return how === 'AND' ? { all } : { any: all };
  }
  const contains = written.match(CONTAINS);
  if (contains) {
    const [, how = '', quoted = '', ref = ''] = contains;
    const column = sameRowColumn(ref, anchor, r1c1);
    const text = formulaConstant(quoted) as string;
    const caseless = how.toUpperCase() === 'SEARCH';
    // SEARCH's wildcards (* ? ~) are not worked out: a text holding them is left to Excel.
    if (!column || (caseless && /[*?~]/.test(text))) return undefined;
    return {
      column,
      compare: (value) =>
        value === null || typeof value === 'string'
          ? caseless
            ? (value ?? '').toLowerCase().includes(text.toLowerCase())
            : (value ?? '').includes(text)
          : undefined,
    };
  }
  const refFirst = written.match(REF_FIRST);
  const constantFirst = refFirst ? null : written.match(CONSTANT_FIRST);
  const [ref, op, wanted] = refFirst
    ? [refFirst[1], refFirst[2], refFirst[3]]
    : constantFirst
      ? [constantFirst[3], MIRRORED[constantFirst[2] ?? ''] ?? constantFirst[2], constantFirst[1]]
      : [];
  if (ref === undefined || op === undefined || wanted === undefined) return undefined;
  const column = sameRowColumn(ref, anchor, r1c1);
  const value = formulaConstant(wanted);
  const compare = value === undefined ? undefined : comparison(op, value);
  if (!column || !compare) return undefined;
  return { column, compare };
}

/** Whether the test holds for the cell of column `col` of a row of `cells`; undefined where its value cannot say. */
export function rowTestHolds(test: RowTest, col: number, cells: readonly Cell[]): boolean | undefined {
  if ('not' in test) {
    const holds = rowTestHolds(test.not, col, cells);
    return holds === undefined ? undefined : !holds;
  }
  if ('all' in test || 'any' in test) {
    // AND is false where any part is, OR true where any is; otherwise a part that cannot say leaves it unknown.
    const [parts, decides] = 'all' in test ? [test.all, false] : [test.any, true];
    let unknown = false;
    for (const part of parts) {
      const holds = rowTestHolds(part, col, cells);
      if (holds === decides) return decides;
      if (holds === undefined) unknown = true;
    }
    return unknown ? undefined : !decides;
  }
  const column = 'at' in test.column ? test.column.at : col + test.column.by;
  if (column < 0) return undefined;
  return test.compare(cells[column] ?? null);
}
