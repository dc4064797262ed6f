import { colourName, PLAIN, xlsxColour } from './cell-colours';
import { formatKind, type Hiding, shownInstead } from './number-formats';
import { formulaConstant, type RowTest, rowTest, rowTestHolds } from './row-formulas';
import { type Cell, DamagedFileError, type Merge, type Unshown } from './types';

/**
 * Excel's conditional formats that hide a value or strike it through: a rule over ranges of a
 * sheet whose format (a `dxf` in styles.xml) shows the cells it holds for as nothing — a number
 * format `;;;`, or text in the colour of the fill — or crossed out. `=$H2="Cancelled"` in white
 * hides a cancelled bill's amount from whoever reads the sheet, while the import reads it; struck
 * through, it marks the line cancelled, which the import had read as any other.
 */

/** A rule of a sheet's `<conditionalFormatting sqref>`, as read from the sheet's end. */
export interface ConditionalRule {
  ranges: Merge[];
  /** The format it applies (`dxfId`), or its own where Excel 2010 writes it inline (x14). */
  dxf: number;
  look?: DxfLook;
  /** `cellIs`, `expression`, `containsText`, …, with its operator and formulas as written. */
  type: string;
  operator?: string;
  formulas: string[];
  text?: string;
  /** Its formulas' references are R1C1 (`RC8`), as Excel 2003 XML writes them, not A1. */
  r1c1?: true;
}

/** What a conditional format does to a cell's look: its number format's hiding, its text and fill colours, a strikethrough. */
export interface DxfLook {
  hides?: Hiding;
  text?: string;
  fill?: string;
  struck?: boolean;
}

/** A boolean property of a font (`<strike/>`, `<strike val="0"/>`): on unless its val says off. */
export const fontFlag = (a: Record<string, string>) => a.val !== '0' && a.val !== 'false';

/**
 * An element of a conditional format's look, as styles.xml's `dxf` and Excel 2010's inline one
 * write it: a number format, the font's colour, the fill's. A conditional format's solid fill is
 * its background colour (`bgColor`), not its `fgColor`.
 */
export function readDxfElement(look: DxfLook, name: string, a: Record<string, string>, inFont: boolean): void {
  if (name === 'numFmt') {
    const kind = formatKind(a.formatCode ?? '');
    if (typeof kind === 'object' && kind?.hides) look.hides = kind.hides;
  } else if (name === 'color' && inFont) look.text = xlsxColour(a);
  else if (name === 'strike' && inFont) look.struck = fontFlag(a);
  else if (name === 'bgColor') look.fill = xlsxColour(a);
}

/** Of a sheet's rules, those whose format can hide or strike a value: only these are asked of each cell. */
export const HIDING_RANGES_AT_MOST = 100;

/**
 * A sheet's rules whose format can hide or strike (canMark), each over the ranges written for it
 * (`rangeOf` reads one, `separator` parts them), leaving out a rule that only hides zeros or
 * blanks (white on 0, Excel users' way to hide zeros: nothing owed). More than
 * HIDING_RANGES_AT_MOST ranges in all are refused: every cell would be asked of each.
 */
export function markingRules(
  rangeOf: (ref: string) => Merge,
  separator: string | RegExp,
  dxfs: readonly DxfLook[] = [],
) {
  const rules: ConditionalRule[] = [];
  let ranges = 0;
  const keep = (rule: Omit<ConditionalRule, 'ranges'>, written: string) => {
    if (hidesOnlyNothing(rule) && !(rule.look ?? dxfs[rule.dxf])?.struck) return;
    const refs = written.split(separator, HIDING_RANGES_AT_MOST + 1);
    ranges += refs.length;
    if (ranges > HIDING_RANGES_AT_MOST)
      throw new DamagedFileError(
        `a sheet hides or strikes values by conditional formats over more than ${HIDING_RANGES_AT_MOST} ranges, which no real report does`,
      );
    rules.push({ ...rule, ranges: refs.map(rangeOf) });
  };
  return { rules, keep };
}

const COMPARE: Record<string, [said: string, holds: (v: number, a: number, b: number) => boolean]> = {
  lessThan: ['is less than', (v, a) => v < a],
  lessThanOrEqual: ['is at most', (v, a) => v <= a],
  greaterThan: ['is greater than', (v, a) => v > a],
  greaterThanOrEqual: ['is at least', (v, a) => v >= a],
  equal: ['is', (v, a) => v === a],
  notEqual: ['is not', (v, a) => v !== a],
  between: ['is between', (v, a, b) => v >= Math.min(a, b) && v <= Math.max(a, b)],
  notBetween: ['is not between', (v, a, b) => v < Math.min(a, b) || v > Math.max(a, b)],
};

const TEXT_RULES: Record<string, [said: string, holds: (value: string, text: string) => boolean]> = {
  containsText: ['contains', (v, t) => v.includes(t)],
  notContainsText: ['does not contain', (v, t) => !v.includes(t)],
  beginsWith: ['begins with', (v, t) => v.startsWith(t)],
  endsWith: ['ends with', (v, t) => v.endsWith(t)],
};

/** A formula that is a number (`1000`, `-5.5`), else null: a reference or a function decides per cell. */
const constant = (formula: string | undefined) => {
  const value = formulaConstant(formula?.trim() ?? '');
  return typeof value === 'number' ? value : null;
};

/**
 * Each expression rule's test of a cell of its row (row-formulas.ts), worked out once; null where
 * its formula is none. Kept beside the rules, not on them: a sheet's rules go to the reading
 * thread as they are, and a test is a function, which no message between threads carries.
 */
const tests = new WeakMap<ConditionalRule, RowTest | null>();
function testOf(rule: ConditionalRule): RowTest | null {
  let test = tests.get(rule);
  if (test === undefined) {
    test = (rule.formulas.length === 1 && rowTest(rule.formulas[0] ?? '', rule.ranges[0], rule.r1c1)) || null;
    tests.set(rule, test);
  }
  return test;
}

/**
 * Whether the rule holds for a value, where the value alone tells (a comparison with numbers, text
 * it contains, a blank) or a formula of another cell of its row (`$H2="Cancelled"`: the row's
 * `cells`, as read); undefined where any other formula decides (another row's, a function, the
 * top ten).
 */
export function ruleHolds(rule: ConditionalRule, value: Cell, at: CellAt): boolean | undefined {
  if (rule.type === 'expression') {
    const test = testOf(rule);
    return test ? rowTestHolds(test, at.col, at.cells) : undefined;
  }
  const blank = value === null || value === '';
  if (rule.type === 'notContainsBlanks') return !blank;
  if (rule.type === 'containsBlanks') return blank;
  const textRule = TEXT_RULES[rule.type];
  if (textRule && rule.text !== undefined)
    return textRule[1](String(value ?? '').toLowerCase(), rule.text.toLowerCase());
  const compare = rule.type === 'cellIs' ? COMPARE[rule.operator ?? ''] : undefined;
  const [a, b] = [constant(rule.formulas[0]), constant(rule.formulas[1])];
  if (!compare || a === null || (rule.formulas.length > 1 && b === null) || typeof value !== 'number') return undefined;
  return compare[1](value, a, b ?? a);
}

/** A rule that holds only for zeros or blanks (`cellIs equal 0`, `containsBlanks`): hiding them hides nothing owed (striking them may). */
export const hidesOnlyNothing = (rule: Pick<ConditionalRule, 'type' | 'operator' | 'formulas'>) =>
  rule.type === 'containsBlanks' ||
  (rule.type === 'cellIs' && rule.operator === 'equal' && constant(rule.formulas[0]) === 0);

/** The rule as a message names it: "the cell is greater than 1000", "=$H2=\"Cancelled\"". */
export function ruleSaid(rule: ConditionalRule): string {
  const textRule = TEXT_RULES[rule.type];
  if (textRule && rule.text !== undefined) return `the cell ${textRule[0]} "${rule.text}"`;
  const compare = rule.type === 'cellIs' ? COMPARE[rule.operator ?? ''] : undefined;
  if (compare) return `the cell ${compare[0]} ${rule.formulas.join(' and ')}`;
  if (rule.type === 'notContainsBlanks') return 'the cell is not blank';
  if (rule.type === 'expression' && rule.formulas[0]) return `=${rule.formulas[0]}`;
  return `a rule of type ${rule.type}`;
}

const covers = (ranges: readonly Merge[], row: number, col: number) =>
  ranges.some((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right);

/** A cell a rule is asked of: its row and column, its style's fill, and its row's cells as read. */
export interface CellAt {
  row: number;
  col: number;
  fill?: string | undefined;
  cells: readonly Cell[];
}

/**
 * The first of a sheet's rules over a cell whose look marks its value (`marks`: what it does to
 * it, or null), where the rule holds for the cell or may (a formula Excel alone works out).
 */
function firstMarking<T>(
  rules: readonly ConditionalRule[],
  dxfs: readonly DxfLook[],
  at: CellAt,
  value: Cell,
  marks: (look: DxfLook) => T | null,
): { mark: T; said: { rule: string; may?: true } } | null {
  if (value === null) return null;
  for (const rule of rules) {
    const look = rule.look ?? dxfs[rule.dxf];
    if (!look || !covers(rule.ranges, at.row, at.col)) continue;
    const mark = marks(look);
    if (mark === null) continue;
    const holds = ruleHolds(rule, value, at);
    if (holds === false) continue;
    return { mark, said: { rule: ruleSaid(rule), ...(holds === undefined ? { may: true as const } : {}) } };
  }
  return null;
}

/**
 * What a sheet's hiding conditional formats show of a cell: nothing where a rule that holds for
 * its value, or may (a formula decides), hides it by its number format or its colours (text in
 * the fill's colour, the cell's own fill where the rule gives none). Null where none does.
 */
export function conditionallyUnshown(
  rules: readonly ConditionalRule[],
  dxfs: readonly DxfLook[],
  at: CellAt,
  value: Cell,
): Omit<Unshown, 'column'> | null {
  const found = firstMarking(rules, dxfs, at, value, (look) => {
    const byFormat = look.hides ? shownInstead(look.hides, value) : null;
    const colour = look.text !== undefined && look.text === (look.fill ?? at.fill) && value !== 0 ? look.text : null;
    return byFormat === null && colour === null ? null : { shows: byFormat ?? '', colour };
  });
  if (!found) return null;
  const { shows, colour } = found.mark;
  return { shows, ...(colour !== null ? { colour: colourName(colour) } : {}), ...found.said };
}

/**
 * Whether a sheet's conditional formats draw a cell's value struck through: the rule that does,
 * as a message names it, where it holds for the cell, or may (a formula Excel alone works out).
 */
export function conditionallyStruck(
  rules: readonly ConditionalRule[],
  dxfs: readonly DxfLook[],
  at: CellAt,
  value: Cell,
): { rule: string; may?: true } | null {
  return firstMarking(rules, dxfs, at, value, (look) => (look.struck ? true : null))?.said ?? null;
}

/**
 * Whether a conditional format can hide a value or strike it through: by its number format, by
 * text in its own fill's colour or white where it gives no fill (a red for negatives is no
 * hiding), or by a font struck through.
 */
export const canMark = (look: DxfLook | undefined) =>
  look !== undefined &&
  (look.hides !== undefined ||
    look.struck === true ||
    (look.text !== undefined && (look.text === look.fill || (look.fill === undefined && look.text === PLAIN.fill))));
