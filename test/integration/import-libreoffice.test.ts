import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Workspace } from '../../main/workspace';
import { compoundFile } from '../support/cfb-writer';
import { delimited, hasLibreOffice, libreOfficeConvert, libreOfficeEncryptedXls, writeText } from '../support/files';
import { importFile, storedRows } from '../support/import';
import { demoWorkspacePerTest } from '../support/workspace';
import { writeZip } from '../support/zip-writer';

/**
 * Files written by a program other than exceljs: LibreOffice's xlsx, and a genuine binary
 * Excel 97–2003 workbook (which SchemeDesk converts through LibreOffice when it is installed).
 * .ci/run installs LibreOffice, so in CI these always run.
 */
const workspaces = demoWorkspacePerTest();
let ws: Workspace;
let dir: string;
beforeEach(() => {
  ({ ws, dir } = workspaces.current());
});

const rows = [
  ['Acme Consumer Products Pvt. Ltd.'],
  ['Receipt Register'],
  [],
  ['Receipt No', 'Receipt Date', 'Distributor Code', 'Amount', 'Mode'],
  ['RC/L/1', '2026-10-05', 'D001', '1,234.56', 'NEFT'],
  ['RC/L/2', '2026-10-06', 'D002', '99999.99', 'UPI'],
  ['Grand Total', null, null, '101,234.55', null],
];

// In CI LibreOffice is required (.ci/run installs it): a missing install fails rather than skips.
describe.runIf(hasLibreOffice() || process.env.CI)('files written by LibreOffice', () => {
  it('imports an xlsx that LibreOffice made from CSV, with the same rows and totals as the CSV', async () => {
    const csv = writeText(join(dir, 'receipts.csv'), delimited(rows));
    const xlsx = libreOfficeConvert(csv, 'xlsx');
    const fromXlsx = await importFile(ws, xlsx, { kind: 'payments' });
    expect(fromXlsx).toMatchObject({ format: 'xlsx', rows: 2, rejected: 0, totals: { amount: '101234.55' } });
    const stored = storedRows(ws, 'payments', fromXlsx.batch ?? 0);
    expect(stored.map((r) => [r.receipt_no, r.receipt_date, r.amount])).toEqual([
      ['RC/L/1', '2026-10-05', 123456],
      ['RC/L/2', '2026-10-06', 9999999],
    ]);
  });

  it('converts a genuine binary .xls through LibreOffice, leaving no converted copy behind', async () => {
    const csv = writeText(join(dir, 'legacy.csv'), delimited(rows));
    const xls = libreOfficeConvert(csv, 'xls');
    const conversions = () => readdirSync(tmpdir()).filter((f) => f.startsWith('schemedesk-xls-'));
    const before = conversions();
    const result = await importFile(ws, xls, { kind: 'payments' });
    expect(result).toMatchObject({
      format: 'xls (converted by LibreOffice)',
      rows: 2,
      totals: { amount: '101234.55' },
    });
    // The converted copy and LibreOffice's profile are removed once the import is done, and after a refusal too.
    expect(conversions()).toEqual(before);
    await expect(importFile(ws, xls, { kind: 'payments' })).rejects.toThrow(/already imported/);
    await expect(importFile(ws, xls, { kind: 'sales', replace: true })).rejects.toThrow();
    expect(conversions()).toEqual(before);
  });

  it('converts an OpenDocument spreadsheet (.ods) through LibreOffice, whatever its name says', async () => {
    const csv = writeText(join(dir, 'receipts.csv'), delimited(rows));
    const ods = libreOfficeConvert(csv, 'ods');
    // Saved under an .xlsx name, it is still told by its first bytes.
    const named = join(dir, 'receipts from Zoho Sheet.xlsx');
    copyFileSync(ods, named);
    const result = await importFile(ws, named, { kind: 'payments' });
    expect(result).toMatchObject({
      format: 'ods (converted by LibreOffice)',
      rows: 2,
      totals: { amount: '101234.55' },
    });
    expect(storedRows(ws, 'payments', result.batch ?? 0).map((r) => [r.receipt_no, r.amount])).toEqual([
      ['RC/L/1', 123456],
      ['RC/L/2', 9999999],
    ]);
  });

  it('refuses an .xls that opens only with a password, saying so, where LibreOffice said "no workbook came out"', async () => {
    const csv = writeText(join(dir, 'receipts.csv'), delimited(rows));
    const locked = libreOfficeEncryptedXls(libreOfficeConvert(csv, 'xls'), 'secret');
    expect(readFileSync(locked).subarray(0, 4).toString('hex')).toBe('d0cf11e0');
    await expect(importFile(ws, locked, { kind: 'payments' })).rejects.toThrow(
      /^receipts-locked\.xls opens only with a password, so SchemeDesk cannot read it\. Open it in Excel with its password, take the password off/,
    );
    // The same workbook without one is read as ever.
    const open = await importFile(ws, libreOfficeConvert(csv, 'xls'), { kind: 'payments', dryRun: true });
    expect(open).toMatchObject({ rows: 2, totals: { amount: '101234.55' } });
  });
});

describe('an .xlsx encrypted with a password (a compound file of its EncryptionInfo and EncryptedPackage)', () => {
  it('is refused saying it opens only with a password, before any conversion', async () => {
    const path = join(dir, 'payouts.xlsx');
    writeFileSync(
      path,
      compoundFile([
        { name: 'EncryptionInfo', data: Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]) },
        { name: 'EncryptedPackage', data: Buffer.alloc(64, 0x5a) },
      ]),
    );
    const saved = process.env.PATH;
    process.env.PATH = dir;
    try {
      await expect(importFile(ws, path, { kind: 'payments' })).rejects.toThrow(
        /^payouts\.xlsx opens only with a password/,
      );
    } finally {
      process.env.PATH = saved;
    }
  });
});

describe('a binary .xls, an .ods or an .xlsb without LibreOffice', () => {
  it('is refused with a message telling the user to save it as .xlsx', async () => {
    const path = join(dir, 'old.xls');
    // The OLE2 signature is all SchemeDesk looks at before deciding.
    writeFileSync(
      path,
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
    );
    const saved = process.env.PATH;
    process.env.PATH = dir;
    try {
      await expect(importFile(ws, path, { kind: 'payments' })).rejects.toThrow(
        /binary Excel 97–2003 workbook.*save it as \.xlsx/,
      );
      // An .ods: its first entry names its type, stored as it is.
      const ods = join(dir, 'sheet.ods');
      const header = Buffer.alloc(30);
      header.writeUInt32LE(0x04034b50, 0);
      header.writeUInt16LE(8, 26);
      writeFileSync(
        ods,
        Buffer.concat([header, Buffer.from('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')]),
      );
      await expect(importFile(ws, ods, { kind: 'payments' })).rejects.toThrow(
        /sheet\.ods is an OpenDocument spreadsheet \(\.ods\).*LibreOffice is not installed.*save it as \.xlsx/,
      );
      // An .xlsb: a zip like an .xlsx whose workbook part is binary records.
      const xlsb = writeZip(join(dir, 'big.xlsb'), [
        {
          name: '_rels/.rels',
          data: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>',
        },
        { name: 'xl/workbook.bin', data: Buffer.from([0x83, 0x01, 0x00]) },
      ]);
      await expect(importFile(ws, xlsb, { kind: 'payments' })).rejects.toThrow(
        /big\.xlsb is an Excel binary workbook \(\.xlsb\).*LibreOffice is not installed.*save it as \.xlsx/,
      );
    } finally {
      process.env.PATH = saved;
    }
  });

  it('is recognised by its bytes even when it is named .xlsx', async () => {
    const path = join(dir, 'renamed.xlsx');
    copyFileSync(writeText(join(dir, 'x.csv'), delimited(rows)), path);
    const result = await importFile(ws, path, { kind: 'payments' });
    expect(result).toMatchObject({ format: 'csv', rows: 2 });
  });
});
