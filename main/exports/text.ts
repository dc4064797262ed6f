import { stringify } from 'csv-stringify/sync';
import { paiseToRupees } from '../../engine/money';
import { cutText, fieldText } from '../format/cell-text';
import type { DateFormat } from './date-formats';

/** What every draft file says about itself, so nobody can mistake it for a payable file. */
export const draftMark = 'DRAFT — NOT APPROVED';

/** An ISO day (YYYY-MM-DD) written the way an accounting system's import expects it. */
export function formatDay(iso: string, format: Exclude<DateFormat, 'auto'>): string {
  const [y, m, d] = iso.slice(0, 10).split('-') as [string, string, string];
  switch (format) {
    case 'YYYY-MM-DD':
      return `${y}-${m}-${d}`;
    case 'DD/MM/YYYY':
      return `${d}/${m}/${y}`;
    case 'MM/DD/YYYY':
      return `${m}/${d}/${y}`;
    case 'DD.MM.YYYY':
      return `${d}.${m}.${y}`;
    case 'YYYYMMDD':
      return `${y}${m}${d}`;
  }
}

/** How the workspace's region writes a day, for systems that follow the company's region (US month first). */
export const regionalDateFormat = (locale: string) => (locale === 'en-US' ? 'MM/DD/YYYY' : 'DD/MM/YYYY');

/** The profile's date format, or the system's own when the profile leaves it to `auto`. */
export const dateFormatFor = (profile: DateFormat, system: Exclude<DateFormat, 'auto'>) =>
  profile === 'auto' ? system : profile;

/** Fills `{name}` placeholders; an unknown placeholder stays as written, so a typo shows. */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.hasOwn(values, key) ? String(values[key]) : whole,
  );
}

export type CsvRow = readonly (string | number | null)[];

/** Rows stringified at a time: a batch's text is short-lived, where the whole file's was not. */
const CSV_BATCH = 1000;

/**
 * A CSV file (RFC 4180: comma, double quotes, CRLF) through csv-stringify, every text cell
 * escaped against formula injection. `bom` for files people open in Excel, not for importers;
 * `plainFields` for importers, which take a line break for a row's end and may take a tab for a
 * column's (see plainField); `widths`, the most characters a column's field holds in the system
 * that imports it, cut to after the escape, so the apostrophe never pushes a field past it.
 * `unquoted` with `plainFields` and tabs between fields, for a flat file its reader splits at each
 * tab and takes as it is (SAP's upload): no field holds a tab or a line break to quote, and a
 * quoted one kept its quotes, doubled inside, as part of the text.
 * Rows are taken as they come (a generator's rows are made one batch at a time) and written a
 * batch at a time into UTF-8: the register of 100,000 lines held every row twice over, then the
 * whole file as one string (two bytes a character, for one ₹ or dash in it), then its bytes, and
 * peaked at 440 MB.
 */
export function csvFile(
  rows: Iterable<CsvRow>,
  options: {
    delimiter?: string;
    bom?: boolean;
    plainFields?: boolean;
    unquoted?: boolean;
    widths?: readonly (number | undefined)[];
  } = {},
): Buffer {
  const { widths = [] } = options;
  const cellOf = (cell: string | number | null, column: number) => {
    const text = fieldText(cell, options.plainFields);
    const most = widths[column];
    return most === undefined ? text : cutText(text, most);
  };
  const parts: Buffer[] = [];
  let batch: string[][] = [];
  const write = () => {
    const text = stringify(batch, {
      delimiter: options.delimiter ?? ',',
      record_delimiter: 'windows',
      // csv-stringify quotes a cell holding its record delimiter, CRLF, but not a lone line
      // feed or carriage return, which every reader takes for the row's end: an override reason
      // typed on two lines split its row in two.
      quoted_match: /[\r\n]/,
      quote: options.unquoted ? '' : '"',
      bom: parts.length === 0 && (options.bom ?? false),
    });
    parts.push(Buffer.from(text));
    batch = [];
  };
  for (const row of rows) {
    batch.push(row.map(cellOf));
    if (batch.length === CSV_BATCH) write();
  }
  if (batch.length > 0 || parts.length === 0) write();
  return Buffer.concat(parts);
}

/** A debit/credit pair of amount cells for an entry in paise (positive is a debit). */
export function debitCredit(paise: number): [string | null, string | null] {
  const text = paiseToRupees(Math.abs(paise));
  return paise >= 0 ? [text, null] : [null, text];
}
