/**
 * Text as a spreadsheet cell may safely hold it, wherever SchemeDesk hands text to one: the
 * export files and the grids' copy to the clipboard (which Excel reads as typed cells).
 */
const plainNumber = /^-?\d+(\.\d+)?$/;
/** A formula's first character (= + - @, or a tab or carriage return), after any leading spaces. */
const formulaStart = /^ *[=+\-@\t\r]/;
const lineBreak = /[\r\n]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are what is removed
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * Text without the control characters no file format carries (NUL, ESC and the other C0 codes
 * but tab, line feed and carriage return): XML 1.0 forbids them and they corrupt an xlsx.
 */
export const withoutControls = (text: string): string => text.replace(controlCharacters, '');

/**
 * A cell as a spreadsheet will read it safely: text that starts like a formula (= + - @, or a
 * tab or carriage return, after any leading spaces, per OWASP's CSV-injection advice), or that
 * holds a line break (a second line can start one too), gets a leading apostrophe, so Excel and
 * LibreOffice show it as text instead of running it; a CSV quotes it. Numbers we wrote
 * ourselves, negative ones included, stay numbers.
 */
export function safeCell(value: string): string {
  if (plainNumber.test(value)) return value;
  const text = withoutControls(value);
  return formulaStart.test(text) || lineBreak.test(text) ? `'${text}` : text;
}

/**
 * Text as one plain field of an import file: each line break (CR, LF, CRLF, Unicode's line and
 * paragraph separators) or tab, with the spaces around it, as one space. An accounting system's
 * import reads a line at a time and splits it at the delimiter: a name typed on two lines in the
 * ERP's master, or holding a tab, quoted as CSV allows, still split the row, or SAP's
 * tab-separated columns, in every importer that does not read CSV's quotes.
 */
const plainField = (text: string): string => text.replace(/[ \t]*[\r\n\u2028\u2029\t]+[ \t]*/g, ' ');

/**
 * A cell as an export file or the grid's copy writes it: escaped (safeCell), and where something
 * reads it a line at a time — an importer's file, a paste into Excel — on one line (plainField).
 */
export const fieldText = (cell: string | number | null, plain = false): string =>
  cell === null ? '' : safeCell(plain ? plainField(String(cell)) : String(cell));

/**
 * The text within `units` UTF-16 code units — how Excel counts a cell's characters, and SAP and
 * Business Central a field's — never ending on the first half of a surrogate pair (an emoji or a
 * rare CJK character), which a file would carry as a broken character.
 */
export function cutText(text: string, units: number): string {
  if (text.length <= units) return text;
  const last = text.charCodeAt(units - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? units - 1 : units);
}
