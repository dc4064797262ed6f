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
    for (const range of s.merges ?? []) sheet.mergeCells(range);
    for (const n of s.hidden ?? []) sheet.getRow(n).hidden = true;
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

/** Converts a file with LibreOffice (a second program's xlsx, or a genuine binary xls), into `out`. */
export function libreOfficeConvert(path: string, to: 'xlsx' | 'xls' | 'csv', out = dirname(path)): string {
  execFileSync(
    'soffice',
    ['--headless', `-env:UserInstallation=file://${out}/lo-profile`, '--convert-to', to, '--outdir', out, path],
    { stdio: 'ignore', timeout: 180_000 },
  );
  const stem = basename(path).replace(/\.[^.]+$/, '');
  const made = readdirSync(out).find((f) => f === `${stem}.${to}`);
  if (!made) throw new Error(`LibreOffice did not write ${stem}.${to}`);
  return join(out, made);
}
