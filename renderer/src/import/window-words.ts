/**
 * The importer's messages name the command line's options (for the CLI); in the window they
 * name the controls of the import dialog instead.
 */
const rewrites: [RegExp, string][] = [
  [/Choose Replace \(--replace\)/g, 'Tick “Replace an earlier import of this file”'],
  [
    /Map a column \(--map FIELD=HEADER\) or give a value \(--set FIELD=VALUE\)/g,
    'Choose its column in the mapping below, or type one value for every row',
  ],
  [/\(choose to move outlets: --move-outlets\)/g, '(tick “Move an outlet to the distributor its sales name”)'],
  [
    /, only when asked \(--update-masters\)/g,
    ', only when “Update codes the master holds as this file writes them” is ticked',
  ],
  [
    / with --type-map "[^"]*=receipt" or in the import dialog/g,
    ' by choosing “a receipt” for them under Voucher types',
  ],
  [
    / by (?:its number|their numbers) \(--type-map "([^"=]*)=credit_note", or in the import dialog\)/g,
    ' by choosing “a credit note” for “Documents numbered $1” under Document types',
  ],
  [/ with --type-map[^.]*/g, ' under Document types below'],
  [/\(change it with --type-map\)/g, '(change it under Document types)'],
  [/\(--sheet NAME\)/g, '(pick it under Sheet)'],
  [/--date-order dmy \(day first\) or --date-order mdy \(month first\)/g, 'Day first or Month first, below'],
  [/ \(allow such dates for this import: --any-dates\)/g, ' (tick “Take dates before 1990 or more than a year ahead”)'],
  [/ \(or choose to round half-up to the paisa: --round\)/g, ' (or tick “Round amounts … half-up to the paisa”)'],
  [
    /Map a column of each line's whole quantity \(--map qty=HEADER, or in the import dialog\)/g,
    "Choose a column of each line's whole quantity for Qty, under Columns",
  ],
  // Whatever option a newer message names that is not above: its aside goes, not the message.
  [/\s*\([^()]*--[a-z][^()]*\)/g, ''],
  [/\s*--[a-z][a-z-]*(\s+"?[A-Z*][^\s"]*"?)?/g, ''],
];

export function inWindowWords(message: string): string;
export function inWindowWords(message: string | null | undefined): string | null | undefined;
export function inWindowWords(message: string | null | undefined): string | null | undefined {
  if (!message) return message;
  return rewrites.reduce((text, [pattern, words]) => text.replace(pattern, words), message);
}
