import { sumPaise } from '../../engine/money';
import type { ClaimLine } from '../controls/claims';
import { cutText, fieldText } from '../format/cell-text';
import type { ExportLine, RunForExport } from './payouts';
import type { Voucher } from './postings';
import type { ExportProfile } from './profiles';
import { type CsvRow, csvFile, draftMark } from './text';

/** Everything a writer needs: the run, its lines and vouchers, the profile, and whether it is a draft. */
export interface ExportInput {
  run: RunForExport;
  lines: readonly ExportLine[];
  /** The vouchers a posting format writes; empty for the register and statements, which post nothing. */
  vouchers: readonly Voucher[];
  profile: ExportProfile;
  draft: boolean;
  /** The file name every file of this export starts with: `run-12-tally`, `run-12-tally-DRAFT`. */
  base: string;
  /** For a file whose building takes a while (a large workbook): how far it has got. */
  progress: (done: number, total: number) => void;
  /** Prints a page of HTML to PDF: Chromium's print-to-PDF, where the desktop app offers it. */
  printPdf?: (html: string) => Promise<Buffer>;
  /** Without a PDF printer: statements also as HTML pages, printed to PDF from the browser's print view. */
  printable?: boolean;
  /** The distributors' claims imported against the run, reconciled (none: empty); statements carry them. */
  claims: readonly ClaimLine[];
}

export interface OutFile {
  /** Relative to the export folder; statements sit in a folder of their own. */
  name: string;
  /** Builds the bytes; called only when the file is written, never for a preview. */
  build: () => Promise<Buffer>;
  /** The data rows in it (lines, journal lines or vouchers). */
  rows: number;
  /** Paise: what the file pays, read the way its system reads it (a bigint: exact beyond 2^53). */
  controlTotal: bigint;
}

/** The first rows of the file as a table, for the Exports screen's preview. */
export interface Preview {
  columns: string[];
  rows: string[][];
}

/** What an export will write: its files (built on demand), their first rows, and what they pay. */
export interface ExportPlan {
  files: OutFile[];
  preview: Preview;
  /** Paise: what the export pays in all, summed from the rows it writes. */
  controlTotal: bigint;
}

export interface ExportFormat {
  label: string;
  /** What the file is for, in the user's words. */
  description: string;
  /** True for an accounting system's import file, which posts each payee to a party ledger. */
  postsToParties: boolean;
  plan(input: ExportInput): ExportPlan;
}

export const previewRows = 20;

/**
 * The preview's rows from rows kept in groups (a statement's lines, a voucher's entries): only the
 * groups the first previewRows rows come from are laid out, not the 100,000 lines of a large run.
 */
export function firstRows<G, R>(groups: readonly G[], rowsOf: (group: G) => R[]): R[] {
  const rows: R[] = [];
  for (const group of groups) {
    if (rows.length >= previewRows) break;
    rows.push(...rowsOf(group));
  }
  return rows.slice(0, previewRows);
}

/** The whole run pays this; every file's control total is checked against it. */
export const controlTotalOf = (vouchers: readonly Voucher[]) => sumPaise(vouchers, (v) => v.net);

/** A field the importing system defines shorter than what we may have to write in it. */
export type FieldLength =
  /** Free text (a narration, an item text): cut to fit. */
  | { most: number; text: true }
  /** A key (a document number, an account, a customer): one that does not fit refuses the file, with what to change. */
  | { most: number; change: string };

/** A key longer than its field: cut, it would post to another document, account or customer. */
export class FieldTooLongError extends Error {}

/**
 * A journal-style CSV: a header and one row per voucher entry. A draft starts with a row that
 * says so, which also makes the accounting system refuse to import it. `lengths`, by header,
 * are the importing system's field lengths, counted as the file writes the field.
 */
export function journalCsv(
  input: ExportInput,
  header: readonly string[],
  rowsOf: (voucher: Voucher) => CsvRow[],
  options: {
    extension?: string;
    delimiter?: string;
    unquoted?: boolean;
    system?: string;
    lengths?: Record<string, FieldLength>;
  } = {},
): ExportPlan {
  const rows = input.vouchers.flatMap(rowsOf);
  const lengths = header.map((name) => options.lengths?.[name]);
  refuseLongKeys(rows, header, lengths, options.system ?? 'The accounting system');
  const widths = lengths.map((length) => (length && 'text' in length ? length.most : undefined));
  const lines: CsvRow[] = [...(input.draft ? [[draftMark]] : []), header, ...rows];
  return {
    files: [
      {
        name: `${input.base}.${options.extension ?? 'csv'}`,
        build: async () =>
          csvFile(lines, { delimiter: options.delimiter, unquoted: options.unquoted, plainFields: true, widths }),
        rows: rows.length,
        controlTotal: controlTotalOf(input.vouchers),
      },
    ],
    preview: {
      columns: [...header],
      rows: rows
        .slice(0, previewRows)
        .map((r) => r.map((c, i) => cutText(c === null ? '' : String(c), widths[i] ?? Infinity))),
    },
    controlTotal: controlTotalOf(input.vouchers),
  };
}

function refuseLongKeys(
  rows: readonly CsvRow[],
  header: readonly string[],
  lengths: readonly (FieldLength | undefined)[],
  system: string,
) {
  lengths.forEach((length, column) => {
    if (!length || 'text' in length) return;
    const long = new Set<string>();
    for (const row of rows) {
      const text = fieldText(row[column] ?? null, true);
      if (text.length > length.most) long.add(text);
    }
    if (long.size === 0) return;
    const [first] = long;
    const others = long.size > 1 ? ` (and ${long.size - 1} more too long)` : '';
    throw new FieldTooLongError(
      `${system} takes at most ${length.most} characters in "${header[column]}", and "${first}" has ${first?.length}${others}: ${length.change}. Nothing was written.`,
    );
  });
}
