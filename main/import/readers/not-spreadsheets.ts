/**
 * Files a user may drop in that hold no table SchemeDesk reads, told by their first bytes: a PDF
 * of the report (what an ERP prints), a picture of it, a Word document, an archive of exports.
 * Read as text, each had been refused as "no sheet has a header row", which says nothing of why.
 */
const SIGNATURES: [bytes: number[], what: string][] = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG picture'],
  [[0xff, 0xd8, 0xff], 'a JPEG picture'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF picture'],
  [[0x49, 0x49, 0x2a, 0x00], 'a TIFF picture'],
  [[0x4d, 0x4d, 0x00, 0x2a], 'a TIFF picture'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'an RTF document'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 'a 7-Zip archive'],
  [[0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], 'a RAR archive'],
];

/** What a file's first bytes say it is, where it is one of the files above; null otherwise. */
export function notSpreadsheet(head: Buffer): string | null {
  for (const [bytes, what] of SIGNATURES) if (bytes.every((b, i) => head[i] === b)) return what;
  return null;
}

/** The refusal of such a file, saying what to import instead. */
export function notSpreadsheetRefusal(file: string, what: string): string {
  const archive = what.endsWith('archive');
  return `${file} is ${what}, not a spreadsheet: SchemeDesk reads Excel workbooks (.xlsx, .xls, .xlsb, .ods), CSV and other text exports, and the web pages and XML that ERPs save for Excel. ${archive ? 'Unpack it, and import the spreadsheet inside' : 'Export the report from its system as Excel or CSV, and import that file'}. Nothing was imported.`;
}

/**
 * A zip that is no workbook (thrown by the workbook's reading, told to the user by the opening,
 * which knows the file's name): a Word document, a presentation, or an archive of files.
 */
export class NotWorkbookZipError extends Error {
  constructor(readonly what: string) {
    super(what);
  }
}
