import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { XlsxWriter, xmlText } from '../../main/files/xlsx-writer';
import { openSource } from '../../main/import/open-source';
import type { Cell } from '../../main/import/readers/types';
import { openZip } from '../../main/import/readers/zip';
import { hasLibreOffice, libreOfficeConvert } from '../support/files';
import { tempDirPerTest } from '../support/temp';

/**
 * The exports' xlsx writer, read back by three other programs: our reader (which decodes Excel's
 * _xHHHH_ escapes), exceljs's full reader (styles, panes, filters, widths) and LibreOffice.
 */
const tempDir = tempDirPerTest();

const texts = [
  'plain',
  'Gamma & Sons <Pune> "quoted"',
  '  spaced both sides  ',
  'two\nlines',
  'tab\there',
  'bell\u0007, escape\u001b and nul\u0000',
  'a literal _x0041_ stays literal',
  'emoji 🙂 and ₹ and देवनागरी',
];
const numbers = [0, -12.5, 1234567.89, 0.1 + 0.2, 123456789012.34, -0.01];

async function workbook(path: string) {
  const writer = new XlsxWriter(new Date(Date.UTC(2026, 10, 5, 10, 30)));
  const data = writer.addSheet("Payee's data", {
    widths: [40, 18],
    frozen: { rows: 1, columns: 1 },
  });
  data.addRow(['Text', 'Amount'], { font: { bold: true } });
  texts.forEach((text, i) => {
    data.addRow([text, numbers[i % numbers.length]], { formats: { 1: '"₹"#,##0.00' } });
  });
  data.addRow(['gap', null, 'after a gap']);
  data.addRow(['a day and a yes', new Date(Date.UTC(2026, 9, 31)), true]);
  const total = numbers.slice(0, 2).reduce((a, b) => a + b, 0);
  data.addRow(['Total', { formula: 'SUM(B2:B3)', result: total }], {
    font: { bold: true, italic: true, size: 14, color: 'FFC00000' },
    formats: { 1: '"₹"#,##0.00' },
  });
  data.autoFilter(1, 2);
  const second = writer.addSheet('Second', { gridLines: false });
  second.addRow(['only', 1]);
  writeFileSync(path, await writer.bytes());
  return path;
}

async function ourReading(path: string): Promise<Record<string, Cell[][]>> {
  const source = await openSource(path);
  const sheets: Record<string, Cell[][]> = {};
  try {
    for await (const sheet of source.sheets()) {
      const rows: Cell[][] = [];
      for await (const row of sheet.rows()) rows[row.number - 1] = row.cells;
      sheets[sheet.name] = rows;
    }
  } finally {
    source.close?.();
  }
  return sheets;
}

/**
 * Every part of the zip by name, as text: read through the importer's zip reader, which checks
 * each part's CRC and size against what its entry records, so a wrong one throws.
 */
async function everyPart(path: string): Promise<Map<string, string>> {
  const zip = await openZip(path);
  const parts = new Map<string, string>();
  const names = [
    '[Content_Types].xml',
    '_rels/.rels',
    'docProps/core.xml',
    'docProps/app.xml',
    'xl/workbook.xml',
    'xl/_rels/workbook.xml.rels',
    'xl/styles.xml',
  ];
  try {
    for (let i = 1; zip.entry(`xl/worksheets/sheet${i}.xml`); i++) names.push(`xl/worksheets/sheet${i}.xml`);
    for (const name of names) {
      const entry = zip.entry(name);
      if (!entry) throw new Error(`no ${name} in ${path}`);
      const chunks: Buffer[] = [];
      for await (const chunk of zip.read(entry)) chunks.push(chunk);
      parts.set(name, Buffer.concat(chunks).toString('utf8'));
    }
  } finally {
    zip.close();
  }
  return parts;
}

describe('the xlsx writer', () => {
  it('writes text, numbers and formulas that read back exactly, control characters and all', async () => {
    const path = await workbook(join(tempDir(), 'written.xlsx'));
    const sheets = await ourReading(path);
    expect(Object.keys(sheets)).toEqual(["Payee's data", 'Second']);
    const rows = sheets["Payee's data"] ?? [];
    expect(rows[0]).toEqual(['Text', 'Amount']);
    texts.forEach((text, i) => {
      // The reader trims what it hands the importer; exceljs below sees the spaces kept.
      expect(rows[i + 1]?.[0]).toBe(text.trim());
      expect(rows[i + 1]?.[1]).toBe(numbers[i % numbers.length]);
    });
    expect(rows[texts.length + 1]).toEqual(['gap', null, 'after a gap']);
    // The reader hands booleans to the importer as Excel shows them.
    expect(rows[texts.length + 2]).toEqual(['a day and a yes', new Date(Date.UTC(2026, 9, 31)), 'TRUE']);
    expect(rows[texts.length + 3]?.slice(0, 2)).toEqual(['Total', -12.5]);
    expect(sheets.Second?.[0]).toEqual(['only', 1]);
  });

  it('keeps fonts, number formats, frozen panes, the filter, widths and hidden grid lines for Excel', async () => {
    const path = await workbook(join(tempDir(), 'styled.xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    const data = book.getWorksheet("Payee's data");
    if (!data) throw new Error('no data sheet');
    expect(data.getCell('A1').font?.bold).toBe(true);
    expect(data.getCell('B2').numFmt).toBe('"₹"#,##0.00');
    expect(data.getCell('A4').value).toBe('  spaced both sides  ');
    const total = data.getRow(texts.length + 4);
    expect(data.getCell(`B${texts.length + 3}`).value).toEqual(new Date(Date.UTC(2026, 9, 31)));
    expect(data.getCell(`C${texts.length + 3}`).value).toBe(true);
    expect(total.getCell(2).value).toEqual({ formula: 'SUM(B2:B3)', result: -12.5 });
    expect(total.getCell(1).font).toMatchObject({ bold: true, italic: true, size: 14, color: { argb: 'FFC00000' } });
    expect(data.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    expect(data.autoFilter).toBe('A1:B1');
    expect(data.getColumn(1).width).toBe(40);
    expect(book.getWorksheet('Second')?.views[0]?.showGridLines).toBe(false);
    expect(book.created?.toISOString()).toBe('2026-11-05T10:30:00.000Z');
  });

  it.runIf(hasLibreOffice())(
    'opens in LibreOffice with the same text and numbers (its CSV is not UTF-8, so ASCII is compared)',
    async () => {
      const dir = tempDir();
      const csv = readFileSync(libreOfficeConvert(await workbook(join(dir, 'lo.xlsx')), 'csv', dir), 'utf8');
      expect(csv).toContain('"Gamma & Sons <Pune> ""quoted"""');
      expect(csv).toContain('a literal _x0041_ stays literal');
      expect(csv).toContain('"two\nlines"');
      expect(csv).toContain('1234567.89');
    },
    240_000,
  );

  it('puts a large sheet into the zip as it is written, and it reads back row for row, the same each time', async () => {
    // 40,000 rows of about 150 bytes: past the 4 MB from which a sheet's part is zipped as it is written.
    const many = 40_000;
    const write = () => {
      const writer = new XlsxWriter(new Date(Date.UTC(2026, 10, 5, 10, 30)));
      const first = writer.addSheet('Large first', { frozen: { rows: 1, columns: 0 } });
      first.addRow(['Payee', 'Amount', 'Note'], { font: { bold: true } });
      for (let i = 1; i <= many; i++)
        first.addRow([`D${i}`, i / 100, `line ${i} of a sheet large enough to stream — देवनागरी & <markup>`]);
      first.autoFilter(1, 3);
      writer.addSheet('Small').addRow(['between', 2]);
      // A second large sheet waits in the zip behind the first, which ends only with the workbook.
      const last = writer.addSheet('Large last');
      for (let i = 1; i <= many; i++) last.addRow([i, `row ${i} of the last sheet, written after the small one`]);
      return writer.bytes();
    };
    const bytes = await write();
    expect((await write()).equals(bytes)).toBe(true);
    // The first entry of the zip is the large sheet, its sizes in a descriptor after its data
    // (general purpose bit 3): it went in before the workbook knew its length.
    expect(bytes.readUInt32LE(0)).toBe(0x04034b50);
    expect(bytes.readUInt16LE(6) & 8).toBe(8);
    expect(bytes.subarray(30, 30 + bytes.readUInt16LE(26)).toString()).toBe('xl/worksheets/sheet1.xml');

    const path = join(tempDir(), 'large.xlsx');
    writeFileSync(path, bytes);
    // The streamed parts' sizes and CRCs, counted as they were written, are what the zip records.
    const parts = await everyPart(path);
    expect(parts.get('xl/worksheets/sheet3.xml')).toMatch(/<c r="B40000" t="inlineStr"><is><t>row 40000 of the last/);
    const sheets = await ourReading(path);
    expect(Object.keys(sheets)).toEqual(['Large first', 'Small', 'Large last']);
    // Every row read, in order (a row lost would leave a hole, which forEach and length overlook).
    const read = (name: string) => (sheets[name] ?? []).filter((row) => row !== undefined);
    expect(read('Large first')).toEqual([
      ['Payee', 'Amount', 'Note'],
      ...Array.from({ length: many }, (_, i) => [
        `D${i + 1}`,
        (i + 1) / 100,
        `line ${i + 1} of a sheet large enough to stream — देवनागरी & <markup>`,
      ]),
    ]);
    expect(sheets.Small).toEqual([['between', 2]]);
    expect(read('Large last')).toEqual(
      Array.from({ length: many }, (_, i) => [i + 1, `row ${i + 1} of the last sheet, written after the small one`]),
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const streamed = book.getWorksheet('Large first');
    expect(streamed?.autoFilter).toBe('A1:C1');
    expect(streamed?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(streamed?.getCell(`B${many + 1}`).value).toBe(many / 100);
    expect(book.getWorksheet('Large last')?.rowCount).toBe(many);
  }, 120_000);

  it('keeps every character of many-byte text across the buffers a sheet is written into', async () => {
    // Three bytes of UTF-8 to a character: a row of such text meets the end of each buffer.
    const rows = Array.from({ length: 5000 }, (_, i) => [i + 1, `${'देवनागरी ₹ '.repeat(12)}${i + 1}`]);
    const writer = new XlsxWriter(new Date(Date.UTC(2026, 10, 5, 10, 30)));
    const sheet = writer.addSheet('Text');
    for (const row of rows) sheet.addRow(row);
    const path = join(tempDir(), 'many-byte.xlsx');
    writeFileSync(path, await writer.bytes());
    expect((await ourReading(path)).Text).toEqual(rows);
  });

  it('never writes a cell longer than Excel opens: a longer text is cut to 32,767 characters, ending in …', async () => {
    const full = 'a'.repeat(32_767);
    // 🙂 is two UTF-16 units, the first of them the 32,766th: cut before it, not between its halves.
    const straddling = `${'b'.repeat(32_765)}🙂${'b'.repeat(10)}`;
    const writer = new XlsxWriter(new Date(Date.UTC(2026, 10, 5, 10, 30)));
    const sheet = writer.addSheet('Long');
    sheet.addRow([full, 'x'.repeat(100_000), straddling]);
    const path = join(tempDir(), 'long.xlsx');
    writeFileSync(path, await writer.bytes());
    // Our reader refuses a longer cell as damage, as Excel does: it reads this one.
    const [row] = (await ourReading(path)).Long ?? [];
    expect(row?.[0]).toBe(full);
    expect(row?.[1]).toBe(`${'x'.repeat(32_766)}…`);
    expect(row?.[2]).toBe(`${'b'.repeat(32_765)}…`);
  });

  it('gives each workbook its own styles and sheet when its other parts are the same as an earlier one’s', async () => {
    const stamp = new Date(Date.UTC(2026, 10, 5, 10, 30));
    const statement = async (name: string, font: { bold: true } | { italic: true }, amount: number) => {
      const writer = new XlsxWriter(stamp);
      const sheet = writer.addSheet('Statement');
      sheet.addRow([name], { font });
      sheet.addRow(['Payout', amount], { formats: { 1: '0.00' } });
      const path = join(tempDir(), `${name}.xlsx`);
      writeFileSync(path, await writer.bytes());
      return everyPart(path);
    };
    const first = await statement('D1', { bold: true }, 10.5);
    const second = await statement('D2', { bold: true }, 20.25);
    const third = await statement('D3', { italic: true }, 30);
    for (const name of ['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'xl/workbook.xml'])
      expect(second.get(name)).toBe(first.get(name));
    expect(second.get('xl/styles.xml')).toBe(first.get('xl/styles.xml'));
    expect(first.get('xl/styles.xml')).toContain('<b/>');
    // Another font is other styles text: not the styles deflated for the first two.
    expect(third.get('xl/styles.xml')).toContain('<i/>');
    expect(third.get('xl/styles.xml')).not.toContain('<b/>');
    expect(
      [first, second, third].map((parts) => /<v>([\d.]+)<\/v>/.exec(parts.get('xl/worksheets/sheet1.xml') ?? '')?.[1]),
    ).toEqual(['10.5', '20.25', '30']);
  });

  it('escapes what XML cannot hold and what Excel would read as an escape', () => {
    expect(xmlText('a & b < c > d "e"')).toBe('a &amp; b &lt; c &gt; d &quot;e&quot;');
    expect(xmlText('nul\u0000 bell\u0007')).toBe('nul_x0000_ bell_x0007_');
    expect(xmlText('keep _x0041_ and _x12_')).toBe('keep _x005F_x0041_ and _x12_');
    expect(xmlText('lone \uD800 high, \uDC00 low, pair 🙂')).toBe('lone \uFFFD high, \uFFFD low, pair 🙂');
    expect(xmlText('tab\tline\ncr\r')).toBe('tab\tline\ncr\r');
  });
});
