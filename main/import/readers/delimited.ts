import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { SHEET_COLUMNS, SHEET_ROWS } from '../../files/excel-limits';
import { decodedChunks, fileEncoding, readHead, type TextEncoding, type TextReading } from './text';
import { DamagedFileError, type Source } from './types';

/**
 * CSV, TSV and other delimited text (and "xls" files that are really tab-separated), parsed
 * by csv-parse. The delimiter is a `sep=;` first line when Excel wrote one, else the one of
 * `,` `;` tab `|` that splits the first lines most consistently.
 */
const candidates = [',', ';', '\t', '|'] as const;

function countOutsideQuotes(line: string, delimiter: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) n++;
  }
  return n;
}

export function sniffDelimiter(sample: string): { delimiter: string; sepLine: boolean } {
  const lines = sample.split(/\r\n|\n|\r/);
  const sep = lines[0]?.match(/^sep=(.)\s*$/i);
  if (sep?.[1]) return { delimiter: sep[1], sepLine: true };
  const body = lines
    .slice(0, -1)
    .filter((l) => l.trim() !== '')
    .slice(0, 50);
  let best: { delimiter: string; score: number } = { delimiter: ',', score: 0 };
  for (const d of candidates) {
    const counts = body.map((l) => countOutsideQuotes(l, d));
    const frequency = new Map<number, number>();
    for (const c of counts) if (c > 0) frequency.set(c, (frequency.get(c) ?? 0) + 1);
    // The most common non-zero count, weighted by how many lines share it and how many columns it makes.
    const [columns, lineCount] = [...frequency].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [0, 0];
    const score = lineCount * 1000 + columns;
    if (score > best.score) best = { delimiter: d, score };
  }
  return { delimiter: best.delimiter, sepLine: false };
}

/**
 * What a text file may hold: no more cells on a line, or blank lines in a row, than a sheet has
 * columns and rows, and no line longer than a megabyte of text.
 */
const TEXT_LIMITS = { cells: SHEET_COLUMNS, blankRun: SHEET_ROWS, lineChars: 1_048_576 };

/** csv-parse's records; its refusals of the file's shape are told as damage, with the line. */
async function* recordsOf(parser: AsyncIterable<unknown>) {
  try {
    yield* parser as AsyncIterable<string[]>;
  } catch (error) {
    const { code, lines } = error as { code?: string; lines?: number };
    if (code === 'CSV_MAX_RECORD_SIZE')
      throw new DamagedFileError(
        `line ${lines ?? '?'} is longer than ${TEXT_LIMITS.lineChars.toLocaleString('en-IN')} characters`,
      );
    if (code === 'CSV_QUOTE_NOT_CLOSED')
      throw new DamagedFileError(`a quote is never closed (the file ends inside it, at line ${lines ?? '?'})`);
    throw error;
  }
}

/**
 * The lines a record of the file spans: one, and one more for each line break inside its quoted
 * cells (CRLF, LF or CR each one break). A record's number is the line it starts on, counted here
 * rather than taken from csv-parse's `info`, which counts a CRLF inside quotes as two lines when
 * given all three line endings (every row after an address on two lines was then numbered one
 * too far) and costs about 2 µs a record to build.
 */
export function linesSpanned(record: readonly string[]): number {
  let lines = 1;
  for (const cell of record) {
    if (cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) continue;
    lines += cell.match(/\r\n|\r|\n/g)?.length ?? 0;
  }
  return lines;
}

/**
 * A cell that opens a quote no proper closing quote ends until lines later: csv-parse, relaxed
 * for the quotes inside plain cells (`12" pipe`), keeps such a cell as written, its opening quote
 * and the lines it swallowed with it, and the row takes the rest of its cells from the last of
 * them: two invoices vanished and the first was stored with the third's amount. A cell quoted
 * properly over two lines (an address) loses its quotes, and never starts with one, nor holds a
 * line of a whole row's cells.
 */
function refuseBrokenQuote(record: readonly string[], first: number, last: number, delimiter: string) {
  // Also a cell quoted as it should be that holds a line of as many cells as its own row: a
  // quote opened by mistake and closed, by chance, before a delimiter, lines later.
  const wholeLine = (cell: string) =>
    record.length > 2 && cell.split(/\r\n|\r|\n/).some((line) => line.split(delimiter).length >= record.length);
  const column = record.findIndex((cell) => /[\r\n]/.test(cell) && (cell.startsWith('"') || wholeLine(cell)));
  if (column < 0) return;
  const start = (record[column] ?? '').split(/\r\n|\r|\n/, 1)[0]?.slice(0, 40) ?? '';
  throw new DamagedFileError(
    `line ${first} opens a quote in column ${column + 1} (${start}…) that closes only at line ${last}, so the lines between read as one cell: write a quote inside a quoted cell twice (""), or save the file again from its program`,
  );
}

/**
 * Lines of any length are expected: reports put a title line or blank lines above and between
 * their rows. csv-parse takes the first line's length as the one expected and, with
 * relax_column_count, still builds an error for every line of another length before letting it
 * through — a stack trace and two deep copies each, 30–40 µs: a million blank lines took 50 s.
 * Its parsing core is public (`parser.api`): before each record is ended, the length expected is
 * made that record's own length. A getter on its state did the same and made every access to the
 * state slow (parsing took three times as long). Should a later csv-parse keep it elsewhere, lines
 * still pass as before, only slower (test/unit/delimited-lengths.test.ts says so).
 */
export function everyLengthExpected(parser: ReturnType<typeof parse>): void {
  const api = (parser as unknown as { api?: ParserCore }).api;
  const onRecord = api?.__onRecord;
  if (!api || typeof onRecord !== 'function') return;
  api.__onRecord = function (this: ParserCore, ...args: unknown[]) {
    this.state.expectedRecordLength = this.state.record.length;
    return onRecord.apply(this, args);
  };
}

/** The part of csv-parse's core that everyLengthExpected reaches into. */
interface ParserCore {
  state: { record: unknown[]; expectedRecordLength: number };
  __onRecord: (...args: unknown[]) => unknown;
}

/** A cell written `="00123"`: Excel's way, in a CSV, of keeping text (leading zeros) as text. */
const quotedFormula = /^="((?:[^"]|"")*)"$/;

/**
 * What a CSV's cell is meant to hold where its exporter wrote it for a spreadsheet:
 * - `="00123"` (web DMS and ERP exports write codes and document numbers so, to keep their leading
 *   zeros): the text between the quotes, as Excel shows it; other text that starts with = is left
 *   as written;
 * - `'00123`, `'-500.00`: the apostrophe a spreadsheet takes as "text" where one is typed, which
 *   exporters write before codes to keep their leading zeros and before values that begin with
 *   = + - @ so that no spreadsheet runs them (a guard against formulas in CSVs): the text after
 *   it, so `'D001` is the distributor D001 and `'-500.00` is −500.00 (each had been refused, the
 *   code unknown, the amount no number). A text quoted at both ends (`'Sharma'`) is left as written.
 */
const meantText = (v: string): string => {
  const first = v.charCodeAt(0);
  if (first === 39) return v.length > 1 && !v.endsWith("'") ? v.slice(1) : v;
  if (first !== 61) return v;
  const quoted = quotedFormula.exec(v);
  return quoted ? (quoted[1] as string).replace(/""/g, '"') : v;
};

/** `known`: how the file was read already (the import's own opening, for its reading thread), not judged again. */
export async function openDelimited(
  path: string,
  onBytes?: (bytes: number) => void,
  known?: TextReading,
): Promise<Source> {
  const head = await readHead(path);
  const text = known ?? (await fileEncoding(path, head));
  const { encoding, bomLength } = text;
  const sample = new TextDecoder(encoding === 'utf-16be' ? 'utf-16be' : encoding).decode(head.subarray(bomLength));
  const { delimiter, sepLine } = sniffDelimiter(sample);
  return {
    format: 'csv',
    date1904: false,
    text,
    delimiter,
    async *sheets() {
      yield {
        name: 'Sheet1',
        totalRows: null,
        async *rows() {
          const csv = parse({
            delimiter,
            // Any of the three line endings, even mixed in one file (a file stitched together
            // on Windows and Unix): csv-parse would otherwise take the first one it meets.
            record_delimiter: ['\r\n', '\n', '\r'],
            relax_column_count: true,
            relax_quotes: true,
            skip_empty_lines: false,
            from_line: sepLine ? 2 : 1,
            max_record_size: TEXT_LIMITS.lineChars,
          });
          everyLengthExpected(csv);
          const parser = Readable.from(decodedChunks(path, encoding, bomLength, onBytes)).pipe(csv);
          let blankRun = 0;
          let next = sepLine ? 2 : 1;
          for await (const record of recordsOf(parser)) {
            const line = next;
            next += linesSpanned(record);
            if (next - line > 1) refuseBrokenQuote(record, line, next - 1, delimiter);
            if (record.length > TEXT_LIMITS.cells)
              throw new DamagedFileError(
                `line ${line} has ${record.length} cells, more than the ${TEXT_LIMITS.cells} columns a sheet has`,
              );
            const cells = record.map((v) => (v.trim() === '' ? null : meantText(v)));
            blankRun = cells.every((c) => c === null) ? blankRun + 1 : 0;
            if (blankRun > TEXT_LIMITS.blankRun)
              throw new DamagedFileError(
                `it has more than ${TEXT_LIMITS.blankRun.toLocaleString('en-IN')} blank lines in a row (up to line ${line})`,
              );
            yield { number: line, cells };
          }
        },
      };
    },
  };
}

/** How a text file was decoded, for the user to see: "Windows-1252", "UTF-8 with BOM". */
export function describeEncoding({ encoding, bomLength }: TextReading): string {
  const names: Record<TextEncoding, string> = {
    'utf-8': 'UTF-8',
    'utf-16le': 'UTF-16 LE',
    'utf-16be': 'UTF-16 BE',
    'windows-1252': 'Windows-1252',
  };
  return `${names[encoding]}${bomLength > 0 ? ' with BOM' : ''}`;
}
