import { currencyOfMark, percentText } from '../amounts';
import { currencyNamed } from '../currency-column';
import type { Cell, SourceRow } from './types';

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
export type ShownApart = Pick<SourceRow, 'shownBlank' | 'formatted'>;

/**
 * Notes a cell whose format shows its value apart from it: as nothing (`;;;`; a number, or with a
 * fourth empty section text too), or a number in a currency or in thousands. Both workbook readers
 * ask it of each cell whose style may.
 */
export function noteShownApart(apart: ShownApart, column: number, kind: StyleKind, value: Cell, isNumber: boolean) {
  if (value === null) return;
  if (kind === 'blank' || (kind === 'blank-numbers' && isNumber)) {
    apart.shownBlank ??= [];
    apart.shownBlank.push(column);
  } else if (typeof kind === 'object' && kind !== null && typeof value === 'number') {
    apart.formatted ??= [];
    apart.formatted.push({ column, ...kind });
  }
}

/** Built-in number formats that show a percentage: `0%`, `0.00%`. */
const BUILT_IN_PERCENTS = new Set([9, 10]);

/**
 * What a cell's number format shows, where the importer reads it apart: a date (or time), a
 * percentage, or — a number — the digits a format of zeros alone pads a whole number to (`00000`
 * shows 123 as 00123: a code or document number kept with its leading zeros).
 */
export type StyleKind = 'date' | 'percent' | number | 'blank' | 'blank-numbers' | NumberShown | null;

/** A number shown with a currency beside it, or divided by a power of ten (`#,##0,`), or both. */
export interface NumberShown {
  currency?: string;
  power?: number;
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

/**
 * Whether a format shows a cell as nothing: every section a number takes empty (`;;;`, `;;`, `;`:
 * Excel's way to hide a value in plain sight), and with a fourth section empty text too. Colours
 * and padding alone show nothing either. A format of one empty section is General's.
 */
function blankKind(code: string): 'blank' | 'blank-numbers' | null {
  const sections = code.split(';');
  if (sections.length < 2) return null;
  const empty = (section: string | undefined) =>
    section !== undefined && section.replace(/\[[^\]]*\]|""|_./g, '').trim() === '';
  if (!sections.slice(0, 3).every(empty)) return null;
  return sections.length >= 4 && empty(sections[3]) ? 'blank' : 'blank-numbers';
}

/** A number format code's first section, without its quoted text, escapes, fills and brackets. */
function bareFormat(code: string): string {
  return (
    code
      .split(';')[0]
      ?.replace(/"[^"]*"/g, '')
      .replace(/\\./g, '')
      .replace(/[_*]./g, '')
      .replace(/\[[^\]]*\]/g, '') ?? ''
  );
}

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
  const blank = blankKind(code);
  if (blank) return blank;
  const currency = formatCurrency(code);
  const power = formatPower(code);
  if (currency || power) return { ...(currency ? { currency } : {}), ...(power ? { power } : {}) };
  const bare = bareFormat(code);
  if (bare.includes('%')) return 'percent';
  const first = code.split(';')[0]?.replace(/\[[^\]]*\]/g, '') ?? '';
  return /^0{2,}$/.test(first) ? first.length : null;
}

/**
 * A number cell as the importer reads it by its format: a percentage as Excel shows it ("18%", as
 * a CSV of the sheet writes it); a whole number whose format of zeros shows it with leading
 * zeros, so too ("00123"), which the number alone loses; any other as the number.
 */
export function shownNumber(n: number, kind: StyleKind): Cell {
  if (kind === 'percent') return percentText(n);
  if (typeof kind === 'number' && Number.isInteger(n) && n >= 0) {
    const digits = String(n);
    if (digits.length < kind) return digits.padStart(kind, '0');
  }
  return n;
}

/** What a built-in number format (by its id) shows. */
export const builtInKind = (id: number): StyleKind =>
  BUILT_IN_DATES.has(id) ? 'date' : BUILT_IN_PERCENTS.has(id) ? 'percent' : null;
