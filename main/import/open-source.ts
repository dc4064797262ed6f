import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { openDelimited } from './readers/delimited';
import { parseExcel2003Xml, parseHtmlTables } from './readers/markup';
import { isWebArchive, parseWebArchive } from './readers/mhtml';
import { NotWorkbookZipError, notSpreadsheet, notSpreadsheetRefusal } from './readers/not-spreadsheets';
import { openedByPassword, passwordRefusal } from './readers/protected';
import { parseTallyXml } from './readers/tally-xml';
import { decodedText, detectEncoding, fileEncoding, readHead, type TextReading } from './readers/text';
import {
  BinaryWorkbookError,
  DamagedFileError,
  type SheetTail,
  type Source,
  type SourceFormat,
  type SourceSheet,
  UnreadableFileError,
} from './readers/types';
import { openXlsx } from './readers/xlsx';

/**
 * What a reader's own failure becomes for the user: a damaged file, named, and never a JavaScript
 * engine's message (FILE_ENDED, Invalid string length, Cannot read properties of undefined) or
 * bytes of the file. Errors that already speak to the user pass through.
 */
function readingFailure(fileName: string, error: unknown): Error {
  if (error instanceof UnreadableFileError) return error;
  if (error instanceof DamagedFileError)
    return error.message.startsWith(fileName)
      ? error
      : new DamagedFileError(`${fileName} is damaged: ${error.message}. Nothing was imported.`, { cause: error });
  return new DamagedFileError(
    `${fileName} could not be read: it looks damaged, or is not a spreadsheet or text file of the kinds SchemeDesk reads. Nothing was imported.`,
    { cause: error },
  );
}

/** The source with every failure of its readers told as readingFailure tells it. */
function guarded(source: Source, fileName: string): Source {
  return {
    ...source,
    async *sheets() {
      try {
        for await (const sheet of source.sheets()) {
          // A view of the sheet, so what it learns while read (its declared rows) still shows.
          const view: SourceSheet = Object.create(sheet);
          view.rows = async function* () {
            try {
              yield* sheet.rows();
            } catch (error) {
              throw readingFailure(fileName, error);
            }
          };
          yield view;
        }
      } catch (error) {
        throw readingFailure(fileName, error);
      }
    },
  };
}

const run = promisify(execFile);

async function sofficeAvailable(): Promise<boolean> {
  try {
    await run('soffice', ['--version'], { timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Private folders holding LibreOffice's converted copies (and its profile): each is removed when
 * its import is done, and any left at exit (a crash, a cancel that ends the worker) go then.
 */
const conversions = new Set<string>();
const removeConversion = (folder: string) => {
  rmSync(folder, { recursive: true, force: true });
  conversions.delete(folder);
};
process.on('exit', () => {
  for (const folder of conversions) rmSync(folder, { recursive: true, force: true });
});

/** A genuine Excel 97–2003 workbook or an .ods, converted to .xlsx by LibreOffice in a private folder. */
async function convertWorkbook(path: string): Promise<{ file: string; folder: string }> {
  const out = mkdtempSync(join(tmpdir(), 'schemedesk-xls-'));
  conversions.add(out);
  try {
    await run(
      'soffice',
      ['--headless', `-env:UserInstallation=file://${out}/profile`, '--convert-to', 'xlsx', '--outdir', out, path],
      {
        timeout: 300_000,
      },
    );
    const converted = readdirSync(out).find((f) => f.endsWith('.xlsx'));
    if (!converted) throw new Error('no workbook came out');
    return { file: join(out, converted), folder: out };
  } catch (error) {
    removeConversion(out);
    throw new UnreadableFileError(`LibreOffice could not convert ${basename(path)}: ${(error as Error).message}`);
  }
}

/**
 * Opens any file a user drops in, by what its first bytes say rather than its extension: a zip
 * is .xlsx; D0 CF 11 E0 is a binary .xls; markup is an HTML table or Excel 2003 XML; MIME
 * headers of related parts are a web archive (MHTML) of HTML pages; anything else is delimited
 * text.
 */
export async function openSource(path: string, onBytes?: (bytes: number) => void, known: Known = {}): Promise<Source> {
  try {
    return guarded(await openAny(path, onBytes, known), basename(path));
  } catch (error) {
    throw readingFailure(basename(path), error);
  }
}

/**
 * What an earlier opening of the same file found, for the import's reading thread: a sheet's
 * tail (merged ranges, conditional formats), and how its text is read (the whole file is not
 * judged again).
 */
export interface Known {
  tails?: ReadonlyMap<string, SheetTail>;
  text?: TextReading;
}

const ODS_TYPE = 'application/vnd.oasis.opendocument.spreadsheet';

/** A workbook SchemeDesk reads through LibreOffice: converted to .xlsx in a private folder, then read. */
async function openConverted(path: string, format: SourceFormat, what: string): Promise<Source> {
  if (!(await sofficeAvailable())) {
    throw new UnreadableFileError(
      `${basename(path)} is ${what}, which SchemeDesk reads through LibreOffice, and LibreOffice is not installed. Open it in Excel and save it as .xlsx (File → Save As → Excel Workbook), then import that file.`,
    );
  }
  const converted = await convertWorkbook(path);
  try {
    const source = await openXlsx(converted.file);
    return { ...source, format, close: () => removeConversion(converted.folder) };
  } catch (error) {
    removeConversion(converted.folder);
    throw error;
  }
}

async function openAny(path: string, onBytes: ((bytes: number) => void) | undefined, known: Known): Promise<Source> {
  const head = await readHead(path, 8192);
  if (head.length === 0) throw new UnreadableFileError(`${basename(path)} is empty`);
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    // An OpenDocument file's first entry is its mimetype, stored as it is (LibreOffice, Google
    // Sheets and Zoho Sheet write .ods): read as an .xlsx, it was "a zip without a workbook".
    if (head.subarray(30, 120).toString('latin1').startsWith(`mimetype${ODS_TYPE}`))
      return openConverted(path, 'ods (converted by LibreOffice)', 'an OpenDocument spreadsheet (.ods)');
    try {
      return await openXlsx(path, onBytes, known.tails);
    } catch (error) {
      if (error instanceof NotWorkbookZipError)
        throw new UnreadableFileError(notSpreadsheetRefusal(basename(path), error.what));
      if (!(error instanceof BinaryWorkbookError)) throw error;
      return openConverted(path, 'xlsb (converted by LibreOffice)', 'an Excel binary workbook (.xlsb)');
    }
  }
  const other = notSpreadsheet(head);
  if (other) throw new UnreadableFileError(notSpreadsheetRefusal(basename(path), other));
  if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    if (openedByPassword(path)) throw new UnreadableFileError(passwordRefusal(basename(path)));
    return openConverted(path, 'xls (converted by LibreOffice)', 'a binary Excel 97–2003 workbook');
  }
  const { encoding, bomLength } = detectEncoding(head);
  const start = new TextDecoder(encoding).decode(head.subarray(bomLength)).trimStart().slice(0, 2000).toLowerCase();
  const text = async () => {
    const whole = await fileEncoding(path, head);
    return decodedText(path, whole.encoding, whole.bomLength);
  };
  if (start.startsWith('<?xml') && start.includes('urn:schemas-microsoft-com:office:spreadsheet')) {
    return parseExcel2003Xml(await text());
  }
  if (isWebArchive(start)) return parseWebArchive(path);
  if (/^<(!doctype html|html|head|body|meta|table|style|title)\b/.test(start)) {
    return parseHtmlTables(await text());
  }
  if (/^<(\?xml|envelope\b)/.test(start)) {
    if (isTallyXml(start)) return parseTallyXml(path, basename(path));
    throw new UnreadableFileError(otherXml(basename(path), start));
  }
  return openDelimited(path, onBytes, known.text);
}

/** Tally's own XML: an ENVELOPE of messages (its Export → XML, or what its server answers). */
const isTallyXml = (start: string) => /<envelope\b/.test(start) && /<(tallymessage|header|body)\b/.test(start);

/**
 * What to say of an XML file that is no spreadsheet: read as text, it named no header row. Tally
 * writes a report it displays (a Day Book, a ledger's vouchers) as an ENVELOPE of its columns'
 * values (DSPVCHDATE, DSPVCHLEDACCOUNT …), which says nothing of the vouchers' items or bills.
 */
function otherXml(file: string, start: string): string {
  if (/<envelope\b/.test(start) && /<dsp[a-z]+>/.test(start))
    return `${file} is a report Tally displayed, written as XML (its columns' values, without the vouchers' items or bills). Export it from Tally as Excel instead (Alt+E, Excel (Spreadsheet)), or export the vouchers themselves as XML (Export, Transactions, XML (Data Interchange)), and import that file.`;
  return `${file} is XML, but not a spreadsheet SchemeDesk reads (Excel 2003 XML, whose Workbook names urn:schemas-microsoft-com:office:spreadsheet). Save it from its system or from Excel as .xlsx or CSV, and import that.`;
}
