import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import ExcelJS from 'exceljs';

/** Fixture files written by the tests themselves, in every shape a user's ERP produces. */
export type FixtureCell = string | number | Date | null;

export interface FixtureSheet {
  name: string;
  rows: FixtureCell[][];
  /** Ranges such as "A5:A7" to merge after writing. */
  merges?: string[];
  /** Row numbers (1-based) hidden in the workbook, as a filter or a user hides them. */
  hidden?: number[];
  /** The sheet hidden in the workbook, as Excel hides a sheet (no tab for it). */
  hiddenSheet?: boolean;
  /** Columns hidden in the workbook, numbered from 1. */
  hiddenColumns?: number[];
  /** Number formats of whole columns (1-based), below the header: { 7: '0%' } shows 0.18 as 18%. */
  columnFormats?: Record<number, string>;
}

export async function writeXlsx(path: string, sheets: FixtureSheet[], options: { date1904?: boolean } = {}) {
  const workbook = new ExcelJS.Workbook();
  if (options.date1904) workbook.properties.date1904 = true;
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(s.name);
    for (const row of s.rows) {
      const added = sheet.addRow(row);
      row.forEach((v, i) => {
        if (v instanceof Date) added.getCell(i + 1).numFmt = 'dd-mm-yyyy';
      });
    }
    for (const [column, format] of Object.entries(s.columnFormats ?? {}))
      for (let r = 2; r <= s.rows.length; r++) sheet.getRow(r).getCell(Number(column)).numFmt = format;
    for (const range of s.merges ?? []) sheet.mergeCells(range);
    for (const n of s.hidden ?? []) sheet.getRow(n).hidden = true;
    for (const n of s.hiddenColumns ?? []) sheet.getColumn(n).hidden = true;
    if (s.hiddenSheet) sheet.state = 'hidden';
  }
  await workbook.xlsx.writeFile(path);
  return path;
}

const windows1252Extras: Record<string, number> = { '€': 0x80, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96 };

export function encodeText(
  text: string,
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le-bom' | 'utf-16be-bom' | 'windows-1252',
) {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be-bom': {
      const le = Buffer.from(text, 'utf16le');
      const be = Buffer.alloc(le.length);
      for (let i = 0; i < le.length; i += 2) {
        be[i] = le[i + 1] ?? 0;
        be[i + 1] = le[i] ?? 0;
      }
      return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
    }
    case 'windows-1252':
      return Buffer.from([...text].map((ch) => windows1252Extras[ch] ?? ch.charCodeAt(0)));
  }
}

export function writeText(path: string, text: string, encoding: Parameters<typeof encodeText>[1] = 'utf-8') {
  writeFileSync(path, encodeText(text, encoding));
  return path;
}

/** A page of a web archive: its address, its text, and how the archive writes its bytes. */
export interface ArchivePage {
  location?: string;
  text: string;
  type?: string;
  transfer: 'quoted-printable' | 'base64' | '8bit';
  charset: 'utf-8' | 'windows-1252';
}

/** Quoted-printable as mail programs write it: `=XX` for what is not plain ASCII or is `=`, lines of at most 76. */
function quotedPrintable(bytes: Buffer): string {
  const lines: string[] = [];
  for (const line of bytes.toString('latin1').split(/\r?\n/)) {
    const codes = [...Buffer.from(line, 'latin1')].map((b, i, all) =>
      (b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && i < all.length - 1)
        ? String.fromCharCode(b)
        : `=${b.toString(16).toUpperCase().padStart(2, '0')}`,
    );
    let out = '';
    let width = 0;
    for (const code of codes) {
      if (width + code.length > 75) {
        out += '=\r\n';
        width = 0;
      }
      out += code;
      width += code.length;
    }
    lines.push(out);
  }
  return lines.join('\r\n');
}

/**
 * A web archive (MHTML) of pages, as SAP GUI and Excel write one: MIME headers, a note for
 * readers that cannot show it, then each page between boundary lines; `closed: false` leaves
 * out the closing boundary, as a file cut short does.
 */
export function webArchive(pages: readonly ArchivePage[], closed = true): Buffer {
  const boundary = '----=_NextPart_01DA1B2C.3D4E5F60';
  const parts = pages.map((page) => {
    const bytes = encodeText(page.text, page.charset);
    const body =
      page.transfer === 'quoted-printable'
        ? quotedPrintable(bytes)
        : page.transfer === 'base64'
          ? (bytes.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n')
          : bytes.toString('latin1');
    const location = page.location ? `Content-Location: ${page.location}\r\n` : '';
    return `--${boundary}\r\n${location}Content-Transfer-Encoding: ${page.transfer}\r\nContent-Type: ${page.type ?? 'text/html'}; charset="${page.charset}"\r\n\r\n${body}\r\n\r\n`;
  });
  const head = `MIME-Version: 1.0\r\nX-Document-Type: Workbook\r\nContent-Type: multipart/related; boundary="${boundary}"\r\n\r\nThis document is a Single File Web Page, also known as a Web Archive file.\r\n\r\n`;
  return Buffer.from(`${head}${parts.join('')}${closed ? `--${boundary}--\r\n` : ''}`, 'latin1');
}

export function delimited(rows: FixtureCell[][], delimiter = ','): string {
  const cell = (v: FixtureCell) => {
    const s = v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
    return s.includes(delimiter) || s.includes('"') || s.includes('\n') ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${rows.map((r) => r.map(cell).join(delimiter)).join('\r\n')}\r\n`;
}

export function hasLibreOffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Converts a file with LibreOffice (a second program's xlsx, a genuine binary xls, an OpenDocument
 * sheet), into `out`. `csvLanguage` opens a UTF-8 CSV as a
 * spreadsheet set to that language reads it (a Windows language id: 1033 US English, which reads
 * dates month first; 2057 British English, day first), as a user double-clicking the file does.
 */
export function libreOfficeConvert(
  path: string,
  to: 'xlsx' | 'xls' | 'ods' | 'csv',
  out = dirname(path),
  csvLanguage?: number,
): string {
  const filter = csvLanguage === undefined ? [] : [`--infilter=CSV:44,34,76,1,,${csvLanguage}`];
  execFileSync(
    'soffice',
    [
      '--headless',
      `-env:UserInstallation=file://${out}/lo-profile`,
      ...filter,
      '--convert-to',
      to,
      '--outdir',
      out,
      path,
    ],
    { stdio: 'ignore', timeout: 180_000 },
  );
  const stem = basename(path).replace(/\.[^.]+$/, '');
  const made = readdirSync(out).find((f) => f === `${stem}.${to}`);
  if (!made) throw new Error(`LibreOffice did not write ${stem}.${to}`);
  return join(out, made);
}

/**
 * `path` saved by LibreOffice as an Excel 97–2003 workbook that opens only with `password`, into
 * `out` (LibreOffice 7.4 encrypts .xls, not .xlsx). Its command line cannot give a password, so
 * a Basic macro in a profile of its own does it.
 */
export function libreOfficeEncryptedXls(path: string, password: string, out = dirname(path)): string {
  const target = join(out, `${basename(path).replace(/\.[^.]+$/, '')}-locked.xls`);
  const profile = join(out, 'lo-macro-profile');
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${profile}`, '--terminate_after_init'], {
    stdio: 'ignore',
    timeout: 180_000,
  });
  const quoted = (text: string) => `&quot;${text.replaceAll('&', '&amp;').replaceAll('"', '&quot;&quot;')}&quot;`;
  writeFileSync(
    join(profile, 'user/basic/Standard/Module1.xba'),
    `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub SaveLocked
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = &quot;Hidden&quot; : load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(${quoted(`file://${path}`)}, &quot;_blank&quot;, 0, load())
  Dim save(1) As New com.sun.star.beans.PropertyValue
  save(0).Name = &quot;FilterName&quot; : save(0).Value = &quot;MS Excel 97&quot;
  save(1).Name = &quot;Password&quot; : save(1).Value = ${quoted(password)}
  doc.storeToURL(${quoted(`file://${target}`)}, save())
  doc.close(True)
End Sub
</script:module>
`,
  );
  execFileSync(
    'soffice',
    [
      '--headless',
      `-env:UserInstallation=file://${profile}`,
      'vnd.sun.star.script:Standard.Module1.SaveLocked?language=Basic&location=application',
    ],
    { stdio: 'ignore', timeout: 180_000 },
  );
  return target;
}
