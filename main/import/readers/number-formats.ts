/**
 * What a workbook's number formats show, where the importer reads a number apart: a date (or
 * time), a percentage. Read by the xlsx reader from a style's format code or built-in id, and by the
 * Excel 2003 XML reader from a style's NumberFormat.
 */
/** Built-in number formats that show dates or times (ECMA-376 18.8.30, with the East Asian ones). */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47,
]);
for (let id = 50; id <= 58; id++) BUILT_IN_DATES.add(id);

/** Built-in number formats that show a percentage: `0%`, `0.00%`. */
const BUILT_IN_PERCENTS = new Set([9, 10]);

/** What a cell's number format shows, where the importer reads it apart: a date (or time), a percentage. */
export type StyleKind = 'date' | 'percent' | null;

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

/** What a number format code shows: a date, a percentage (`0.0%`: the cell's 0.18 is 18 %), or neither. */
export function formatKind(code: string): StyleKind {
  if (isDateFormat(code)) return 'date';
  return code.length <= 255 && bareFormat(code).includes('%') ? 'percent' : null;
}

/** What a built-in number format (by its id) shows. */
export const builtInKind = (id: number): StyleKind =>
  BUILT_IN_DATES.has(id) ? 'date' : BUILT_IN_PERCENTS.has(id) ? 'percent' : null;
