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
