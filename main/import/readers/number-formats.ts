import { currencyOfMark, excelNumberText, percentText } from '../amounts';
import { currencyNamed } from '../currency-column';
import type { Cell, SourceRow, Unshown } from './types';

/**
 * What a workbook's number formats show, where the importer reads a number apart: a date (or
 * time), a percentage, a whole number padded with zeros. Read by the xlsx reader from a style's
 * format code or built-in id, and by the Excel 2003 XML reader from a style's NumberFormat.
 */
/** Built-in number formats that show dates or times (ECMA-376 18.8.30, with the East Asian ones). */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47,
]);
for (let id = 50; id <= 58; id++) BUILT_IN_DATES.add(id);

/** What a reader says of a row's cells whose format shows them apart from their values. */
export type ShownApart = Pick<SourceRow, 'unshown' | 'formatted' | 'struck' | 'conditionallyStruck' | 'formulaGives'>;

/**
 * Notes a cell whose format shows its value apart from it: no digits of it (nothing, as `;;;`
 * shows any value, or a text in its place, as `"Nil";;` shows a positive number), or a number in a
 * currency or in thousands. Both workbook readers ask it of each cell whose style may.
 */
export function noteShownApart(apart: ShownApart, column: number, kind: StyleKind, held: Cell) {
  if (held === null || typeof kind !== 'object' || kind === null) return;
  const shows = kind.hides ? shownInstead(kind.hides, held) : null;
  const colour = kind.hides?.colour;
  if (shows !== null) noteUnshown(apart, { column, shows, ...(colour ? { colour } : {}) });
  if (typeof held === 'number' && (kind.currency || kind.power || kind.unit)) {
    apart.formatted ??= [];
    const { currency, power, unit } = kind;
    apart.formatted.push({
      column,
      ...(currency ? { currency } : {}),
      ...(power ? { power } : {}),
      ...(unit ? { unit } : {}),
    });
  }
}

/** Notes a cell whose value Excel draws struck through. */
export function noteStruck(apart: ShownApart, column: number): void {
  apart.struck ??= [];
  apart.struck.push(column);
}

/** Notes a cell Excel shows without its value (by its format, its colours, a conditional format). */
export function noteUnshown(apart: ShownApart, cell: Unshown): void {
  apart.unshown ??= [];
  apart.unshown.push(cell);
}

/** Built-in number formats that show a percentage: `0%`, `0.00%`. */
const BUILT_IN_PERCENTS = new Set([9, 10]);

/**
 * What a cell's number format shows, where the importer reads it apart: a date (or time), or a
 * number shown otherwise than its digits alone.
 */
export type StyleKind = 'date' | NumberShown | null;

/**
 * A number shown as a percentage, with a currency beside it, divided by a power of ten
 * (`#,##0,`), by a section that shows none of its digits, or as a code; any of these.
 */
export interface NumberShown {
  /** `0.0%`: the cell's 0.18 is 18 %. */
  percent?: true;
  currency?: string;
  power?: number;
  hides?: Hiding;
  /**
   * A whole number shown as a code: padded with zeros to `pad` digits (`00000` shows 123 as
   * 00123), after the letters the format writes before it (`"INV-"0000` shows INV-0123): a code
   * or document number kept as Excel shows it, which the number alone loses.
   */
  pad?: number;
  prefix?: string;
  /** The unit the format writes after the number (`""0" Nos"`: Excel shows 12 as 12 Nos), as Tally writes a line's quantity. */
  unit?: string;
  /** The side (Dr, Cr, or '') each section writes after the number, and whether it writes a minus: see formatSides. */
  sides?: { word: string; minus: boolean }[];
}

/**
 * The sections of a format that show a value without its digits. A number takes the first section
 * if positive, the second if negative, the third if zero (or, where sections carry conditions as
 * `[<0]`, the first whose condition holds); text takes the fourth, where there is one.
 */
export interface Hiding {
  numbers: NumberSection[];
  /** What text shows as (`;;;` nothing), or null where it shows itself (`@`, or no fourth section). */
  text: string | null;
  /** Not the format but the colours: text drawn in its fill's (cell-colours.ts), named. */
  colour?: string;
}

interface NumberSection {
  when?: { op: string; than: number };
  /** What the section shows in place of the number (`"Nil"`, or nothing), or null where it shows its digits. */
  instead: string | null;
}

/**
 * The power of ten a format divides its number by: each comma after the last digit placeholder
 * (`#,##0,` thousands, `0.0,,"M"` millions) divides by a thousand; a comma between placeholders
 * (`#,##0`) only groups the digits.
 */
export function formatPower(code: string): number {
  if (code.length > 255) return 0;
  const bare = bareFormat(code);
  const commas = bare.match(/[0#?.](,+)[^0#?,]*$/)?.[1]?.length ?? 0;
  return commas * 3;
}

/**
 * The currency a number format writes beside the number: `[$$-409]`, `[$€-x-euro2]`, `[$USD]`,
 * `"Rs."`, `\$` or a bare `$`, `€`, `£`, `₹` (a literal in a format code). Excel shows 1000 so
 * formatted as $1,000.00, which the number alone does not say. `[$-409]` is a locale, no currency.
 */
export function formatCurrency(code: string): string | null {
  if (code.length > 255) return null;
  for (const [, symbol] of code.matchAll(/\[\$([^\]-]*)(?:-[^\]]*)?\]/g)) {
    const mark = symbol?.trim() ?? '';
    if (mark === '') continue;
    const currency = currencyNamed(mark);
    if (currency) return currency;
  }
  for (const [, text] of code.matchAll(/"([^"]*)"/g)) {
    const currency = currencyOfMark(text ?? '');
    if (currency) return currency;
  }
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]/g, '').match(/[$€£₹]/);
  return bare ? currencyOfMark(bare[0]) : null;
}

/** Quoted text, an escaped character, padding (`_)`), a fill (`* `), a bracket (`[Red]`, `[$-409]`, `[<0]`). */
const FORMAT_TOKEN = /"[^"]*"|\\.|[_*].|\[[^\]]*\]/g;

/** A format section's tokens: FORMAT_TOKEN's, or any one character. */
const SECTION_TOKEN = /"[^"]*"|\\.|[_*].|\[[^\]]*\]|./gs;

/** Words a format writes after a number that give its size or its side, not its unit: `"Dr"`, `"K"`, `" Lakhs"`, `"L"` (litres or lakhs). */
const NOT_UNITS = /^(dr|cr|rs|inr|k|m|mn|bn|l|lakhs?|lacs?|crores?|thousands?|millions?|billions?)\.?$/i;

/** What each of a format's number sections (positive, negative, zero) writes after its digits ('' where nothing, or no digits). */
function wordsAfter(code: string): string[] {
  return code
    .split(';')
    .slice(0, 3)
    .map((section) => {
      let after: string[] | null = null;
      // `General" Nos"` shows the number as General does, then the unit.
      for (const [token] of section.replace(/general/gi, '0').matchAll(SECTION_TOKEN)) {
        if (token === '0' || token === '#' || token === '?') after = [];
        else after?.push(token);
      }
      return after === null ? '' : literalOf(after.join(''));
    });
}

/**
 * The unit a format writes after a number's digits (`words`, its sections' wordsAfter), as Tally writes each line's quantity
 * (`""0" Nos"`, `""0.00" Mtr"`) and a hand writes cases (`#,##0 "Cs"`): Excel shows 12 Nos, which
 * the number alone does not say. None where its sections write different words, or a word that
 * gives the number's size or side rather than a unit (`"Dr"`, `"K"`).
 */
function formatUnit(words: readonly string[]): string | undefined {
  let unit: string | undefined;
  for (const word of words) {
    if (word === '') continue;
    if (!/^[A-Za-z][A-Za-z.]{0,11}$/.test(word) || NOT_UNITS.test(word) || (unit !== undefined && word !== unit))
      return undefined;
    unit = word;
  }
  return unit;
}

/** A side a format writes after a number. */
const SIDE = /^(dr|cr)\.?$/i;

/**
 * The side each section of a format writes after the number (`#,##0.00" Dr";#,##0.00" Cr"`, or
 * `""0.00" Cr"` on a positive balance, as ledgers show theirs), and whether the section writes a
 * minus: Excel shows 500 so formatted as 500.00 Cr, a credit the number alone does not say.
 * Undefined where no section writes Dr or Cr (`words`, as for formatUnit).
 */
function formatSides(code: string, words: readonly string[]): NumberShown['sides'] {
  if (!words.some((word) => SIDE.test(word))) return undefined;
  const sections = code.split(';');
  return words.map((word, at) => ({
    word: SIDE.test(word) ? word : '',
    minus: /-/.test((sections[at] ?? '').replace(/\[[^\]]*\]/g, '')),
  }));
}

/** A format section without its quoted text, escapes, padding, fills and brackets: what it shows of the value. */
const bareSection = (section: string) => section.replace(FORMAT_TOKEN, '');

/** A format section as Excel shows it where it shows none of the value's digits: its text, or nothing. */
function literalOf(section: string): string {
  const literal = section.replace(FORMAT_TOKEN, (token) =>
    token.startsWith('"')
      ? token.slice(1, -1)
      : token.startsWith('\\')
        ? token.slice(1)
        : token.startsWith('_')
          ? ' '
          : '',
  );
  return literal.trim();
}

/**
 * What a format's sections show in place of a value: a number section without a digit placeholder
 * (`0 # ?`), `General`, a date or a text's `@` shows its text (`"Nil"`) or, empty, nothing;
 * `;;;` is Excel's way to hide a value in plain sight. A format of one empty section is General's;
 * a third section (a zero's) hiding is none: nothing shown for nothing owed. Undefined where the
 * format shows every value's digits.
 */
function hiding(code: string): Hiding | undefined {
  const sections = code.split(';');
  const instead = (section: string) => (/[0#?@dmyhs]|general/i.test(bareSection(section)) ? null : literalOf(section));
  const numbers = sections.slice(0, 3).map((section): NumberSection => {
    const condition = section.match(/\[(<=|>=|<>|<|>|=)\s*(-?\d+(?:\.\d+)?)\]/);
    return {
      ...(condition ? { when: { op: condition[1] as string, than: Number(condition[2]) } } : {}),
      instead: sections.length === 1 && literalOf(section) === '' ? null : instead(section),
    };
  });
  const text = sections[3] === undefined ? null : instead(sections[3]);
  const conditional = numbers.some((section) => section.when);
  const taken = conditional ? numbers : numbers.slice(0, 2);
  return text !== null || taken.some((section) => section.instead !== null) ? { numbers, text } : undefined;
}

const holds = ({ op, than }: { op: string; than: number }, n: number) =>
  op === '<'
    ? n < than
    : op === '>'
      ? n > than
      : op === '<='
        ? n <= than
        : op === '>='
          ? n >= than
          : op === '<>'
            ? n !== than
            : n === than;

/**
 * What a cell holding `held` shows in place of it under a format that hides some (`;;;` nothing,
 * `"Nil";;` "Nil" for a positive number), or null where it shows the value. A zero is always its
 * own: shown as nothing or a dash, it is still nothing.
 */
export function shownInstead(hides: Hiding, held: Cell): string | null {
  if (typeof held !== 'number') return typeof held === 'string' ? hides.text : null;
  if (held === 0) return null;
  const { numbers } = hides;
  const section = numbers.some((s) => s.when)
    ? numbers.find((s) => !s.when || holds(s.when, held))
    : held > 0
      ? numbers[0]
      : (numbers[1] ?? numbers[0]);
  return section?.instead ?? null;
}

/** A number format code's first section, without its quoted text, escapes, fills and brackets. */
const bareFormat = (code: string) => bareSection(code.split(';')[0] ?? '');

/**
 * Whether a number format code shows a date or time: a d, m, y, h or s outside quotes, brackets
 * and escapes. Excel writes at most 255 characters in one; a longer code is no date's, and is
 * never given to the patterns, whose backtracking over a hostile one would take minutes.
 */
export function isDateFormat(code: string): boolean {
  if (code.length > 255) return false;
  const bare = bareFormat(code);
  return /[dmyhsb]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/**
 * What a number format code shows: a date, a percentage (`0.0%`: the cell's 0.18 is 18 %), the
 * width of a format of two or more zeros and nothing else (colours and locales aside: no quoted
 * text, no separators), nothing at all (`;;;`), an amount in a currency (`$#,##0.00`), or none of these.
 */
export function formatKind(code: string): StyleKind {
  if (isDateFormat(code)) return 'date';
  if (code.length > 255) return null;
  const currency = formatCurrency(code);
  const power = formatPower(code);
  const hides = hiding(code);
  const shown = currency || power ? null : codeShown(code);
  const percent = bareFormat(code).includes('%');
  // What the format writes after the number: a unit, or the number's side.
  const words = currency || power || percent ? null : wordsAfter(code);
  const unit = words ? formatUnit(words) : undefined;
  const sides = words ? formatSides(code, words) : undefined;
  if (currency || power || hides || shown || percent || unit || sides)
    return {
      ...(percent ? { percent: true } : {}),
      ...(unit ? { unit } : {}),
      ...(sides ? { sides } : {}),
      ...(currency ? { currency } : {}),
      ...(power ? { power } : {}),
      ...(hides ? { hides } : {}),
      ...shown,
    };
  return null;
}

/**
 * A format that shows a whole number as a code: two or more zeros alone (`00000`), or letters
 * quoted or escaped before its digits (`"INV-"0000`, `\D000`, `"SI/"#`). A format writing
 * anything after the digits (`0" pcs"`, a quantity's unit) or between them is none.
 */
function codeShown(code: string): { pad: number; prefix?: string } | null {
  const first = code.split(';')[0]?.replace(/\[[^\]]*\]/g, '') ?? '';
  const [, before = '', digits = ''] = first.match(/^((?:"[^"]*"|\\.)*)(#*0*)$/) ?? [];
  const pad = digits.replace(/#/g, '').length;
  const prefix = before.replace(/"([^"]*)"|\\(.)/g, '$1$2');
  if (/[A-Za-z]/.test(prefix) && digits !== '') return { pad, prefix };
  return before === '' && pad >= 2 && pad === digits.length ? { pad } : null;
}

/**
 * A number cell as the importer reads it by its format: a percentage as Excel shows it ("18%", as
 * a CSV of the sheet writes it); a whole number whose format of zeros shows it with leading
 * zeros, so too ("00123"), which the number alone loses; any other as the number.
 */
export function shownNumber(n: number, kind: StyleKind): Cell {
  if (typeof kind !== 'object' || kind === null) return n;
  if (kind.percent) return percentText(n);
  if (kind.sides) return sideText(n, kind.sides);
  if (kind.pad !== undefined && Number.isInteger(n) && n >= 0) {
    const digits = String(n);
    if (kind.prefix) return `${kind.prefix}${digits.padStart(kind.pad, '0')}`;
    if (digits.length < kind.pad) return digits.padStart(kind.pad, '0');
  }
  return n;
}

/**
 * A number as a format that writes its side shows it, as a CSV of the sheet writes it: 500 under
 * `""0.00" Cr"` is "500 Cr"; -500 under `0.00" Dr";0.00" Cr"` is "500 Cr" too (the section of a
 * negative number writes no minus unless it has one; a format of one section writes it). The
 * number itself where its section writes no side.
 */
function sideText(n: number, sides: { word: string; minus: boolean }[]): Cell {
  const at = n > 0 || sides.length === 1 ? 0 : n < 0 ? 1 : sides.length > 2 ? 2 : 0;
  const section = sides[at] ?? sides[0];
  if (!section?.word) return n;
  const minus = n < 0 && (at === 0 || section.minus);
  return `${minus ? '-' : ''}${excelNumberText(Math.abs(n))} ${section.word}`;
}

/** What a built-in number format (by its id) shows. */
export const builtInKind = (id: number): StyleKind =>
  BUILT_IN_DATES.has(id) ? 'date' : BUILT_IN_PERCENTS.has(id) ? { percent: true } : null;
