import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { rollBackBatch } from '../../main/import/batches';
import { inspectFile } from '../../main/import/inspect';
import type { Workspace } from '../../main/workspace';
import { delimited, type FixtureCell, webArchive, writeText, writeXlsx } from '../support/files';
import { importFile, storedRows } from '../support/import';
import { demoWorkspacePerTest } from '../support/workspace';
import { writeZip } from '../support/zip-writer';

/**
 * The same four sales lines in every file format a user's ERP writes; each must import to the
 * same stored rows and the same control totals, exactly.
 */
const workspaces = demoWorkspacePerTest();
let ws: Workspace;
let dir: string;
beforeEach(() => {
  ({ ws, dir } = workspaces.current());
});

const header = [
  'Invoice No',
  'Invoice Date',
  'Distributor Code',
  'Outlet Code',
  'SKU',
  'Qty',
  'Net Value',
  'Document Type',
];
const lines: FixtureCell[][] = [
  ['SI/T/1', '05-10-2026', 'D001', 'O00001', 'SKU-0001', 2, '1,234.50', 'Invoice'],
  ['SI/T/1', '05-10-2026', 'D001', 'O00001', 'SKU-0002', 1, '99.99', 'Invoice'],
  ['SI/T/2', '17-10-2026', 'D002', 'O00002', 'SKU-0003', 12, '1,00,000.00', 'Invoice'],
  ['CN/T/1', '20-10-2026', 'D001', 'O00001', 'SKU-0001', 1, '617.25', 'Credit Note'],
];
/** The lines with their net values as numbers, as a workbook holds them. */
const numbered = () =>
  lines.map((line): FixtureCell[] => [...line.slice(0, 6), Number(String(line[6]).replace(/,/g, '')), line[7] ?? null]);
/** The rows in an xlsx, its sheet dressed (formats, colours, conditional formats) as given. */
async function dressedXlsx(path: string, dress: (sheet: ExcelJS.Worksheet) => void, rows = [header, ...numbered()]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sales');
  for (const row of rows) sheet.addRow(row);
  dress(sheet);
  await workbook.xlsx.writeFile(path);
  return path;
}

/** The rows in an xlsx whose cells (by reference: `G3`) carry the number formats given. */
const formattedXlsx = (path: string, formats: Record<string, string>, rows = [header, ...numbered()]) =>
  dressedXlsx(
    path,
    (sheet) => {
      for (const [cell, format] of Object.entries(formats)) sheet.getCell(cell).numFmt = format;
    },
    rows,
  );

/** The lines in Excel 2003 XML, each cell whose opening (`<Cell><Data ss:Type="Number">99.99`) is given styled with the format given. */
function styled2003(path: string, formats: [opening: string, format: string][]) {
  const styles = formats.map(([, format], i) => `<Style ss:ID="f${i}"><NumberFormat ss:Format="${format}"/></Style>`);
  let xml = spreadsheetMl([header, ...numbered()]).replace(
    '<Worksheet',
    `<Styles>${styles.join('')}</Styles><Worksheet`,
  );
  formats.forEach(([opening], i) => {
    expect(xml).toContain(opening);
    xml = xml.replace(opening, opening.replace('<Cell>', `<Cell ss:StyleID="f${i}">`));
  });
  writeFileSync(path, xml);
  return path;
}

const expectedTotals = { qty: '14.000', net_value: '100717.24' };
const expectedRows = [
  { doc_no: 'SI/T/1', doc_date: '2026-10-05', qty: 2000, net_value: 123450, doc_type: 'invoice' },
  { doc_no: 'SI/T/1', doc_date: '2026-10-05', qty: 1000, net_value: 9999, doc_type: 'invoice' },
  { doc_no: 'SI/T/2', doc_date: '2026-10-17', qty: 12000, net_value: 10000000, doc_type: 'invoice' },
  { doc_no: 'CN/T/1', doc_date: '2026-10-20', qty: -1000, net_value: -61725, doc_type: 'credit_note' },
];

async function expectSales(path: string, extra: { format?: string; encoding?: string; delimiter?: string } = {}) {
  const result = await importFile(ws, path, { kind: 'sales' });
  expect(result.errors).toEqual([]);
  expect(result.batch).not.toBeNull();
  expect(result).toMatchObject({
    rows: 4,
    rejected: 0,
    totals: expectedTotals,
    dateRange: ['2026-10-05', '2026-10-20'],
    ...extra,
  });
  expect(storedRows(ws, 'sales', result.batch ?? 0)).toMatchObject(expectedRows);
  return result;
}

const html = (rows: FixtureCell[][]) =>
  `<html><head><meta charset="utf-8"><title>Sales</title></head><body><table border="1">
   <tr><td colspan="8"><b>Acme Consumer Products</b></td></tr>
   ${rows.map((r) => `<tr>${r.map((c) => `<td>${c ?? ''}</td>`).join('')}</tr>`).join('\n')}
   </table></body></html>`;

const spreadsheetMl = (rows: FixtureCell[][]) => `<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Worksheet ss:Name="Sales Register">
  <Table>
   ${rows
     .map(
       (r) =>
         `<Row>${r
           .map((c) =>
             typeof c === 'number'
               ? `<Cell><Data ss:Type="Number">${c}</Data></Cell>`
               : `<Cell><Data ss:Type="String">${c ?? ''}</Data></Cell>`,
           )
           .join('')}</Row>`,
     )
     .join('\n   ')}
  </Table>
 </Worksheet>
</Workbook>`;

describe('file formats', () => {
  it('says what a file is that holds no spreadsheet: a PDF, a picture, a Word document, an archive', async () => {
    const refusal = (file: string, what: string, instead: string) =>
      `${file} is ${what}, not a spreadsheet: SchemeDesk reads Excel workbooks (.xlsx, .xls, .xlsb, .ods), CSV and other text exports, and the web pages and XML that ERPs save for Excel. ${instead}. Nothing was imported.`;
    const exportIt = 'Export the report from its system as Excel or CSV, and import that file';
    const unpack = 'Unpack it, and import the spreadsheet inside';
    const csv = delimited([header, ...lines]);
    const relationship = (target: string) =>
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/></Relationships>`;
    const files: [file: string, write: (path: string) => void, what: string, instead: string][] = [
      [
        'register.pdf',
        (p) => writeFileSync(p, '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n'),
        'a PDF document',
        exportIt,
      ],
      [
        'register.png',
        (p) => writeFileSync(p, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])),
        'a PNG picture',
        exportIt,
      ],
      [
        'register.xls',
        (p) => writeFileSync(p, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])),
        'a JPEG picture',
        exportIt,
      ],
      ['register.rtf', (p) => writeFileSync(p, '{\\rtf1\\ansi Invoice No}'), 'an RTF document', exportIt],
      ['register.csv.gz', (p) => writeFileSync(p, gzipSync(csv)), 'a gzip archive', unpack],
      [
        'register.docx',
        (p) =>
          writeZip(p, [
            { name: '[Content_Types].xml', data: '<Types/>' },
            { name: '_rels/.rels', data: relationship('word/document.xml') },
            { name: 'word/document.xml', data: '<w:document xmlns:w="w"/>' },
          ]),
        'a Word document',
        exportIt,
      ],
      ['exports.zip', (p) => writeZip(p, [{ name: 'sales.csv', data: csv }]), 'a zip archive', unpack],
    ];
    for (const [file, write, what, instead] of files) {
      const path = join(dir, file);
      write(path);
      await expect(importFile(ws, path, { kind: 'sales' })).rejects.toThrow(refusal(file, what, instead));
      await expect(inspectFile(ws.db, { path, kind: 'sales', locale: 'en-IN' })).rejects.toThrow(
        refusal(file, what, instead),
      );
    }
  });

  it('reads .xlsx written by exceljs, with real dates and numbers', async () => {
    const rows = lines.map(([no, date, ...rest]): FixtureCell[] => {
      const [distributor, outlet, sku, qty, value, type] = rest;
      const day = new Date(`${String(date).split('-').reverse().join('-')}T00:00:00Z`);
      return [
        no ?? null,
        day,
        distributor ?? null,
        outlet ?? null,
        sku ?? null,
        qty ?? null,
        Number(String(value).replace(/,/g, '')),
        type ?? null,
      ];
    });
    await expectSales(await writeXlsx(join(dir, 'sales.xlsx'), [{ name: 'Sales', rows: [header, ...rows] }]), {
      format: 'xlsx',
    });
  });

  it('reads CSV in UTF-8 with and without a BOM', async () => {
    const first = await expectSales(writeText(join(dir, 'plain.csv'), delimited([header, ...lines])), {
      encoding: 'UTF-8',
      delimiter: ',',
    });
    rollBackBatch(ws.db, first.batch ?? 0, 'tester');
    await expectSales(writeText(join(dir, 'bom.csv'), delimited([header, ...lines]), 'utf-8-bom'), {
      encoding: 'UTF-8 with BOM',
    });
  });

  it.each([
    ['tab', '\t', 'sales.tsv'],
    ['pipe', '|', 'sales.txt'],
    ['semicolon', ';', 'sales.csv'],
  ])('sniffs a %s delimiter', async (_name, delimiter, file) => {
    await expectSales(writeText(join(dir, file), delimited([header, ...lines], delimiter)), { delimiter });
  });

  it('honours a sep=; first line and reads decimal commas', async () => {
    const european = lines.map((l): FixtureCell[] => [
      ...l.slice(0, 6),
      String(l[6]).replace(/,/g, '').replace('.', ','),
      l[7] ?? null,
    ]);
    const text = `sep=;\r\n${delimited([header, ...european], ';')}`;
    const result = await expectSales(writeText(join(dir, 'european.csv'), text), { delimiter: ';' });
    expect(result.decisions.map((d) => d.decision)).toContain('Amounts are written with a decimal comma (1.234,56)');
  });

  it('reads codes written ="00123" as Excel shows them, and drops characters that show as nothing', async () => {
    // Web DMS exports keep codes' leading zeros so; a zero-width space pasted after a code, a
    // left-to-right mark before it, or a soft hyphen in an amount, would otherwise be another
    // distributor or no amount at all; a code in full-width letters (Ｄ００１) is the same code.
    const fullWidth = (text: string) =>
      text.replace(/[A-Z0-9]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    const written = lines.map((l, i): FixtureCell[] =>
      l.map((c, k) => {
        if (i === 0 && (k === 0 || k === 2)) return `="${c}"`;
        if (i === 1 && k === 2) return fullWidth(String(c));
        if (i === 2 && k === 2) return `\u200e${c}\u200b`;
        if (i === 3 && k === 6) return `6\u00ad17.25\u2060`;
        return c;
      }),
    );
    const text = delimited([header, ...written]).replace('"=""SI/T/1"""', '="SI/T/1"');
    expect(text).toContain('\r\n="SI/T/1",');
    const result = await expectSales(writeText(join(dir, 'dms.csv'), text));
    expect(storedRows(ws, 'sales', result.batch ?? 0).map((r) => r.distributor_code)).toEqual([
      'D001',
      'D001',
      'D002',
      'D001',
    ]);
  });

  it("reads codes and numbers written after a spreadsheet's text apostrophe ('D001, '-617.25) as what follows it", async () => {
    // Exporters keep leading zeros so, and guard values that begin with = + - @ from spreadsheets.
    const written = lines.map((l, i): FixtureCell[] =>
      l.map((c, k) => (k === 2 || (i === 2 && (k === 5 || k === 6)) ? `'${c}` : c)),
    );
    const result = await expectSales(writeText(join(dir, 'apostrophes.csv'), delimited([header, ...written])));
    expect(storedRows(ws, 'sales', result.batch ?? 0).map((r) => r.distributor_code)).toEqual([
      'D001',
      'D001',
      'D002',
      'D001',
    ]);
    // A credit note's amount guarded so is its negative amount (the same lines, numbered anew).
    const guarded = lines.map((l, i): FixtureCell[] => [
      String(l[0]).replace('/T/', '/U/'),
      ...l.slice(1, 6),
      i === 3 ? "'-617.25" : (l[6] ?? null),
      l[7] ?? null,
    ]);
    const minus = await importFile(ws, writeText(join(dir, 'guarded.csv'), delimited([header, ...guarded])), {
      kind: 'sales',
      dryRun: true,
    });
    expect(minus.errors).toEqual([]);
    expect(minus.totals).toEqual(expectedTotals);
  });

  it('refuses a code holding a mark that turns the order it shows in, which dropped would name another distributor', async () => {
    // D0, a right-to-left override and 10 show as D001; without the override the cell holds D010.
    const turned = lines.map((l, i): FixtureCell[] => (i === 1 ? l.map((c, k) => (k === 2 ? 'D0\u202e10' : c)) : l));
    const result = await importFile(ws, writeText(join(dir, 'turned.csv'), delimited([header, ...turned])), {
      kind: 'sales',
    });
    expect(result.batch).toBeNull();
    expect(result.errors).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'Distributor Code',
        message: expect.stringMatching(/^the text holds a mark that turns the order its characters show in/),
      }),
    ]);
  });

  it.each([['utf-16le-bom', 'UTF-16 LE with BOM'] as const, ['utf-16be-bom', 'UTF-16 BE with BOM'] as const])(
    'reads %s text',
    async (encoding, shown) => {
      await expectSales(writeText(join(dir, `sales-${encoding}.txt`), delimited([header, ...lines], '\t'), encoding), {
        encoding: shown,
      });
    },
  );

  it('reads Windows-1252 text, whose accented names are not UTF-8', async () => {
    const outlets = [
      ['Outlet Code', 'Outlet Name', 'Distributor Code', 'Town'],
      ['O90001', 'Café Coffee Corner', 'D001', 'Pune'],
      ['O90002', 'Señor Snacks – Bandra', 'D002', 'Mumbai'],
    ];
    const result = await importFile(ws, writeText(join(dir, 'outlets.csv'), delimited(outlets), 'windows-1252'), {
      kind: 'outlets',
    });
    expect(result).toMatchObject({ rows: 2, encoding: 'Windows-1252' });
    expect(storedRows(ws, 'outlets', result.batch ?? 0).map((r) => r.name)).toEqual([
      'Café Coffee Corner',
      'Señor Snacks – Bandra',
    ]);
  });

  // Excel's "CSV" on Windows: plain ASCII for the first thousands of rows (past the head the
  // encoding is judged from), then one name with an é and an en dash.
  const asciiOutlets = (first: number) =>
    Array.from({ length: 3000 }, (_, i) => [`O9${first + i}`, `Outlet number ${first + i}`, 'D001', 'Pune']);
  const outletHeader = ['Outlet Code', 'Outlet Name', 'Distributor Code', 'Town'];

  it('reads a Windows-1252 file whose first rows are plain ASCII, by the whole file, not its head', async () => {
    const rows = [outletHeader, ...asciiOutlets(10000), ['O98000', 'Café – Bandra', 'D002', 'Mumbai']];
    const path = writeText(join(dir, 'outlets-late-accent.csv'), delimited(rows), 'windows-1252');
    const result = await importFile(ws, path, { kind: 'outlets' });
    expect(result).toMatchObject({ rows: 3001, encoding: 'Windows-1252' });
    expect(storedRows(ws, 'outlets', result.batch ?? 0).at(-1)?.name).toBe('Café – Bandra');
    // The same file saved as an HTML ".xls": decided alike (its head was 8 KB).
    const others = [outletHeader, ...asciiOutlets(30000), ['O98002', 'Señor – Colaba', 'D002', 'Mumbai']];
    const page = `<html><body><table>${others.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table></body></html>`;
    const xls = await importFile(ws, writeText(join(dir, 'outlets-late-accent.xls'), page, 'windows-1252'), {
      kind: 'outlets',
    });
    expect(xls).toMatchObject({ rows: 3001, format: 'html' });
    expect(storedRows(ws, 'outlets', xls.batch ?? 0).at(-1)?.name).toBe('Señor – Colaba');
  });

  it('refuses a file that is UTF-8 with accents and then not UTF-8, naming the line', async () => {
    const utf8 = delimited([outletHeader, ['O97999', 'Café Coffee', 'D001', 'Pune'], ...asciiOutlets(20000)]);
    const latin = delimited([['O98001', 'Señor Snacks', 'D002', 'Mumbai']]);
    const path = join(dir, 'outlets-mixed.csv');
    writeFileSync(path, Buffer.concat([Buffer.from(utf8, 'utf8'), Buffer.from(latin, 'latin1')]));
    await expect(importFile(ws, path, { kind: 'outlets' })).rejects.toThrow(
      /line 3003 is not UTF-8, though the text before it is UTF-8 with accented letters: the file mixes two encodings/,
    );
  });

  it('reads an ".xls" that is really an HTML table, found by its first bytes', async () => {
    writeFileSync(join(dir, 'sales.xls'), html([header, ...lines]));
    await expectSales(join(dir, 'sales.xls'), { format: 'html' });
  });

  it('reads the rows after a table nested in a cell, and the nested table as the text of its cell', async () => {
    // A web report lays a cell out as a table of its own: its end had been taken for the outer
    // table's, and the rows after it were dropped without a word.
    const page = html([header, ...lines]).replace('<td>D002</td>', '<td><table><tr><td>D002</td></tr></table></td>');
    expect(page).toContain('<table><tr><td>D002');
    writeFileSync(join(dir, 'nested.xls'), page);
    const result = await expectSales(join(dir, 'nested.xls'), { format: 'html' });
    expect(result.sheet).toBe('Table 1');
  });

  it("reads an HTML cell's blocks and lines as words apart", async () => {
    const page = html([
      ['Outlet Code', 'Outlet Name', 'Distributor Code', 'Town'],
      ['O90011', '<div>Sharma</div><div>&amp; Sons</div>', 'D001', 'Pune'],
      ['O90012', '<p>Gupta</p><p>Traders</p>', 'D002', 'Mumbai<br>West'],
      ['O90013', '<span>Rao</span><b>ji</b> Stores', 'D002', 'Mumbai'],
    ]);
    const result = await importFile(ws, writeText(join(dir, 'outlets.xls'), page), { kind: 'outlets' });
    expect(result.errors).toEqual([]);
    expect(storedRows(ws, 'outlets', result.batch ?? 0).map((r) => [r.name, r.town])).toEqual([
      ['Sharma & Sons', 'Pune'],
      ['Gupta Traders', 'Mumbai West'],
      ['Raoji Stores', 'Mumbai'],
    ]);
  });

  it("reads Excel's single-file web page of a workbook: each sheet's page by the name its frameset gives", async () => {
    // Quoted-printable UTF-8, as Excel writes it: `=3D` in every attribute, an en dash and an
    // accent in the sheet's name, a tab strip and a style sheet beside the sheets' pages.
    const book = `<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta name="Excel Workbook Frameset">
<!--[if gte mso 9]><xml>
 <x:ExcelWorkbook><x:ExcelWorksheets>
  <x:ExcelWorksheet><x:Name>Notes</x:Name><x:WorksheetSource HRef="Book1_files/sheet001.htm"/></x:ExcelWorksheet>
  <x:ExcelWorksheet><x:Name>Ventes – Octobre</x:Name><x:WorksheetSource HRef="Book1_files/sheet002.htm"/></x:ExcelWorksheet>
 </x:ExcelWorksheets></x:ExcelWorkbook>
</xml><![endif]--></head>
<frameset rows="*,39"><frame src="Book1_files/sheet001.htm" name="frSheet"><frame src="Book1_files/tabstrip.htm" name="frTabs"></frameset></html>`;
    const at = (file: string) => `file:///C:/D8A1B2C3/${file}`;
    const path = join(dir, 'Book1.mht');
    writeFileSync(
      path,
      webArchive([
        { location: at('Book1.htm'), text: book, transfer: 'quoted-printable', charset: 'utf-8' },
        {
          location: at('Book1_files/sheet001.htm'),
          text: html([['Prepared by accounts – see the other sheet']]),
          transfer: 'quoted-printable',
          charset: 'utf-8',
        },
        {
          location: at('Book1_files/sheet002.htm'),
          text: html([header, ...lines]).replace('<table', '<table x:str class=xl65 style="width:375pt"'),
          transfer: 'quoted-printable',
          charset: 'utf-8',
        },
        {
          location: at('Book1_files/tabstrip.htm'),
          text: '<html><body><table><tr><td><a href="sheet001.htm" target="frSheet">Notes</a></td></tr></table></body></html>',
          transfer: 'quoted-printable',
          charset: 'utf-8',
        },
        {
          location: at('Book1_files/stylesheet.css'),
          type: 'text/css',
          text: 'td {mso-number-format:General;}',
          transfer: '8bit',
          charset: 'utf-8',
        },
      ]),
    );
    const result = await expectSales(path, { format: 'web archive (MHTML)' });
    expect(result.sheet).toBe('Ventes – Octobre');
  });

  it("reads SAP GUI's list saved as Excel in MHTML format: one page holding its table, in base64 and Windows-1252", async () => {
    const page = `<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head>
<!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet><x:Name>Ventas–Año</x:Name>
<x:WorksheetOptions><x:Selected/></x:WorksheetOptions></x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]-->
</head><body>${html([header, ...lines])}</body></html>`;
    const path = join(dir, 'export.xls');
    writeFileSync(
      path,
      webArchive([{ location: 'file:///C:/0000000a.htm', text: page, transfer: 'base64', charset: 'windows-1252' }]),
    );
    const result = await expectSales(path, { format: 'web archive (MHTML)' });
    expect(result.sheet).toBe('Ventas–Año');
    // Cut short, it would lose its last rows: refused.
    writeFileSync(path, webArchive([{ text: page, transfer: 'quoted-printable', charset: 'utf-8' }], false));
    await expect(importFile(ws, path, { kind: 'sales' })).rejects.toThrow(
      /export\.xls is damaged: the web archive ends before its last part does: it was cut short/,
    );
  });

  it('reads an ".xls" that is really tab-separated text', async () => {
    await expectSales(writeText(join(dir, 'export.xls'), delimited([header, ...lines], '\t')), {
      format: 'csv',
      delimiter: '\t',
    });
  });

  it("says an XML file is no spreadsheet SchemeDesk reads (Tally's own XML is read: tally-xml.test.ts)", async () => {
    const other = join(dir, 'invoices.xml');
    writeFileSync(
      other,
      '<?xml version="1.0" encoding="UTF-8"?>\n<Invoices><Invoice><No>1</No></Invoice></Invoices>\n',
    );
    await expect(importFile(ws, other, { kind: 'sales' })).rejects.toThrow(
      'invoices.xml is XML, but not a spreadsheet SchemeDesk reads (Excel 2003 XML',
    );
  });

  it('keeps the leading zeros a format of zeros shows in a document number, as Excel shows it', async () => {
    const numbered = (no: number, sku: string): FixtureCell[] => [
      no,
      '05-10-2026',
      'D001',
      'O00001',
      sku,
      1,
      100,
      'Invoice',
    ];
    const rows = [header, numbered(123, 'SKU-0001'), numbered(123, 'SKU-0002'), numbered(4567, 'SKU-0001')];
    const xlsx = await writeXlsx(join(dir, 'padded.xlsx'), [{ name: 'Sales', rows, columnFormats: { 1: '000000' } }]);
    const fromXlsx = await importFile(ws, xlsx, { kind: 'sales', dateOrder: 'dmy' });
    expect(storedRows(ws, 'sales', fromXlsx.batch ?? 0).map((r) => r.doc_no)).toEqual(['000123', '000123', '004567']);
    // The same in Excel 2003 XML, its style giving the format; a number longer than the zeros is itself.
    const xml = spreadsheetMl([header, numbered(88, 'SKU-0001'), numbered(1234567, 'SKU-0001')])
      .replace(
        ' <Worksheet',
        ' <Styles><Style ss:ID="zeros"><NumberFormat ss:Format="00000"/></Style></Styles>\n <Worksheet',
      )
      .replace(
        /<Cell><Data ss:Type="Number">(88|1234567)<\/Data>/g,
        '<Cell ss:StyleID="zeros"><Data ss:Type="Number">$1</Data>',
      );
    writeFileSync(join(dir, 'padded.xml'), xml);
    const fromXml = await importFile(ws, join(dir, 'padded.xml'), { kind: 'sales', dateOrder: 'dmy' });
    expect(storedRows(ws, 'sales', fromXml.batch ?? 0).map((r) => r.doc_no)).toEqual(['00088', '1234567']);
  });

  it('reads a number its format shows after letters as the code Excel shows: "INV-"0000, \\D000', async () => {
    // Invoice 123 shows as INV-0123 and distributor 1 as D001: read as the numbers, the bill's
    // number was not the one its credit notes name, and distributor 1 was unknown.
    const line = (no: number, distributor: number | string, sku: string): FixtureCell[] => [
      no,
      '05-10-2026',
      distributor,
      'O00001',
      sku,
      1,
      100,
      'Invoice',
    ];
    const rows = [header, line(123, 1, 'SKU-0001'), line(123, 1, 'SKU-0002'), line(45678, 1, 'SKU-0001')];
    const formats = { 1: '"INV-"0000', 3: '\\D000' };
    const xlsx = await writeXlsx(join(dir, 'codes.xlsx'), [{ name: 'Sales', rows, columnFormats: formats }]);
    const fromXlsx = await importFile(ws, xlsx, { kind: 'sales', dateOrder: 'dmy' });
    expect(storedRows(ws, 'sales', fromXlsx.batch ?? 0).map((r) => [r.doc_no, r.distributor_code])).toEqual([
      ['INV-0123', 'D001'],
      ['INV-0123', 'D001'],
      ['INV-45678', 'D001'],
    ]);
    // The same in Excel 2003 XML, its style giving the format.
    const xml = spreadsheetMl([header, line(88, 'D001', 'SKU-0001')])
      .replace(
        ' <Worksheet',
        ' <Styles><Style ss:ID="bill"><NumberFormat ss:Format="&quot;SI/&quot;#"/></Style></Styles>\n <Worksheet',
      )
      .replace('<Cell><Data ss:Type="Number">88</Data>', '<Cell ss:StyleID="bill"><Data ss:Type="Number">88</Data>');
    writeFileSync(join(dir, 'codes.xml'), xml);
    const fromXml = await importFile(ws, join(dir, 'codes.xml'), { kind: 'sales', dateOrder: 'dmy' });
    expect(storedRows(ws, 'sales', fromXml.batch ?? 0).map((r) => r.doc_no)).toEqual(['SI/88']);
  });

  it('reads an ".xls" that is really Excel 2003 XML', async () => {
    writeFileSync(join(dir, 'sales-2003.xls'), spreadsheetMl([header, ...lines]));
    await expectSales(join(dir, 'sales-2003.xls'), { format: 'excel-2003-xml' });
  });

  it("reads an Excel 2003 XML cell by its value, never its comment's text", async () => {
    // A reviewer's note on a cell is written in a Data of its own, inside the cell's Comment.
    const note = (text: string) =>
      `<Comment ss:Author="Accounts"><ss:Data xmlns="http://www.w3.org/TR/REC-html40"><B>Accounts:</B><Font>${text}</Font></ss:Data></Comment>`;
    const xml = spreadsheetMl([header, ...lines])
      .replace(
        '<Data ss:Type="String">1,234.50</Data>',
        `<Data ss:Type="String">1,234.50</Data>${note('rate checked')}`,
      )
      .replace('<Data ss:Type="String">D002</Data>', `${note('moved from D009')}<Data ss:Type="String">D002</Data>`);
    expect(xml).toContain('moved from D009');
    writeFileSync(join(dir, 'commented.xls'), xml);
    await expectSales(join(dir, 'commented.xls'), { format: 'excel-2003-xml' });
  });

  it("reads the number behind a cell of Excel's web page where its format shows it rounded", async () => {
    // Excel writes each number in x:num beside the text its format shows: here a format without
    // paise, and a quantity and a date whose text is their value.
    const shown: Record<string, string> = {
      '1,234.50': '1,235',
      '99.99': '100',
      '1,00,000.00': '1,00,000',
      '617.25': '617',
    };
    const page = html([header, ...lines])
      .replace(/<td>([\d,.]+)<\/td><td>(Invoice|Credit Note)/g, (_, value: string, type: string) => {
        const num = value.replace(/,/g, '');
        return `<td class=xl66 align=right x:num="${num}">${shown[value] ?? value}</td><td>${type}`;
      })
      .replace(/<td>(\d+)<\/td>/g, '<td x:num="$1">$1</td>')
      .replace('<td>05-10-2026</td>', '<td x:num="46300">05-10-2026</td>');
    expect(page).toContain('x:num="1234.50">1,235</td>');
    writeFileSync(join(dir, 'web page.htm'), page);
    const first = await expectSales(join(dir, 'web page.htm'), { format: 'html' });
    rollBackBatch(ws.db, first.batch ?? 0, 'tester');
    // A value with more than paise behind its text is refused until rounding is chosen, as in a workbook.
    writeFileSync(join(dir, 'web page.htm'), page.replace('x:num="99.99">100', 'x:num="99.994">100'));
    const refused = await importFile(ws, join(dir, 'web page.htm'), { kind: 'sales' });
    expect(refused.errors.map((e) => [e.row, e.column, e.value])).toEqual([[4, 'Net Value', '99.994']]);
  });

  it('reads the Excel 2003 XML worksheet Excel shows before one it hides', async () => {
    const shown = spreadsheetMl([header, ...lines]);
    const hiddenSheet = spreadsheetMl([
      header,
      ['SI/OLD/1', '05-09-2026', 'D001', 'O00001', 'SKU-0001', 9, '999.00', 'Invoice'],
    ])
      .replace('ss:Name="Sales Register"', 'ss:Name="September"')
      .replace(
        '</Table>',
        '</Table><WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible></WorksheetOptions>',
      );
    const september = hiddenSheet.slice(hiddenSheet.indexOf('<Worksheet'), hiddenSheet.indexOf('</Workbook>'));
    const path = join(dir, 'two months.xls');
    writeFileSync(path, shown.replace('<Worksheet', `${september}<Worksheet`));
    const result = await expectSales(path, { format: 'excel-2003-xml' });
    expect(result).toMatchObject({ sheet: 'Sales Register', warnings: [] });
    expect((await inspectFile(ws.db, { path, kind: 'sales', locale: 'en-IN' })).sheets).toEqual([
      { name: 'September', qualifies: true, hidden: true },
      { name: 'Sales Register', qualifies: true, hidden: false },
    ]);
  });

  it('warns of the rows an HTML page or Excel 2003 XML hides or draws zero high, as of a workbook', async () => {
    // Excel's web page of a filtered sheet writes the rows the filter hides with display:none;
    // Excel 2003 XML flags them ss:Hidden. A row drawn zero high shows nothing either.
    const page = (tr: string) => html([header, ...lines]).replace('<tr><td>SI/T/2', `${tr}<td>SI/T/2`);
    const xml = (row: string) =>
      spreadsheetMl([header, ...lines]).replace(/<Row>(?=<Cell><Data ss:Type="String">CN\/T\/1)/, row);
    const files = {
      'filtered.xls': page(`<tr style='height:12.75pt;display:none'>`),
      'filtered-2003.xls': xml('<Row ss:Hidden="1">'),
      'flat-2003.xls': xml('<Row ss:Height="0">'),
      'flat.xls': page(`<tr style='height:0pt'>`),
    };
    for (const [name, text] of Object.entries(files)) {
      expect(text).toMatch(/display:none|ss:Hidden|ss:Height="0"|height:0pt/);
      writeFileSync(join(dir, name), text);
      const result = await expectSales(join(dir, name));
      expect({ name, warnings: result.warnings }).toEqual({
        name,
        warnings: [
          '1 row hidden in the workbook was imported with the others (row 5): Excel does not show them (filtered out, or hidden by hand), so whoever checked the file did not see them',
        ],
      });
      rollBackBatch(ws.db, result.batch ?? 0, 'tester');
    }
  });

  it("warns of the columns Excel's web page hides or draws zero wide that the import reads, by span", async () => {
    // Excel's "Save as Web Page" writes a <col> per column before the rows, a hidden one display:none.
    // Column 1 shown; 4 (Outlet Code) hidden; 6 and the one after it (Qty, Net Value) zero wide; 8 shown.
    const columns = `<col width=64 span=3 style='width:48pt'><col width=0 style='display:none;mso-width-source:userset;mso-width-alt:0'><col width=64><col width=0 span=2><col width=40>`;
    const page = html([header, ...lines]).replace('<table border="1">', `<table border="1">${columns}`);
    writeFileSync(join(dir, 'hidden-columns.xls'), page);
    expect((await expectSales(join(dir, 'hidden-columns.xls'))).warnings).toEqual([
      '"Outlet Code", "Qty", "Net Value" are columns hidden in the workbook, and the import reads them: Excel does not show them, so whoever checked the file did not see their values',
    ]);
  });

  it('warns of values an xlsx or Excel 2003 XML reads from cells whose number format shows nothing', async () => {
    // `;;;` shows any value as nothing; `;;` only numbers (text shows); `0;-0;;@` hides only a zero;
    // `"Nil";;` shows a positive number as Nil.
    const path = await formattedXlsx(join(dir, 'blank formats.xlsx'), {
      G3: ';;;',
      G5: '[Red];[Red];',
      G4: '"Nil";;',
      A2: ';;',
      E4: ';;;',
      F2: '0;-0;;@',
    });
    const first = await expectSales(path);
    expect(first.warnings).toEqual([
      '3 values of "Net Value" were imported from cells whose number format shows nothing or "Nil" in place of the value (rows 3, 4, 5; a format such as "Nil";;): Excel shows that, not the value, so whoever checked the file did not see them',
      '1 value of "SKU" was imported from cells whose number format shows nothing (row 4): Excel shows it blank (a format such as ;;;), so whoever checked the file did not see it',
    ]);
    rollBackBatch(ws.db, first.batch ?? 0, 'tester');
    styled2003(join(dir, 'blank formats 2003.xls'), [
      ['<Cell><Data ss:Type="Number">99.99', ';;;'],
      ['<Cell><Data ss:Type="String">SI/T/2', ';;'],
      // A text in the one section numbers take: Excel shows "Paid", never 617.25.
      ['<Cell><Data ss:Type="Number">617.25', '&quot;Paid&quot;'],
    ]);
    expect(
      (await importFile(ws, join(dir, 'blank formats 2003.xls'), { kind: 'sales', dryRun: true })).warnings,
    ).toEqual([
      '2 values of "Net Value" were imported from cells whose number format shows nothing or "Paid" in place of the value (rows 3, 5; a format such as "Nil";;): Excel shows that, not the value, so whoever checked the file did not see them',
    ]);
  });

  it("warns of values an xlsx, Excel 2003 XML or Excel's web page draws in the colour of their background", async () => {
    // White text on no fill, yellow on yellow: Excel shows the cells blank. White on a dark fill shows.
    const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
    const path = await dressedXlsx(join(dir, 'white text.xlsx'), (sheet) => {
      sheet.getCell('G3').font = { color: { argb: 'FFFFFFFF' } };
      sheet.getCell('G4').font = { color: { argb: 'FFFFFF00' } };
      sheet.getCell('G4').fill = solid('FFFFFF00');
      sheet.getCell('G5').font = { color: { argb: 'FFFFFFFF' } };
      sheet.getCell('G5').fill = solid('FF1F4E79');
      sheet.getCell('E2').font = { color: { theme: 0 } };
    });
    const first = await expectSales(path);
    expect(first.warnings).toEqual([
      '1 value of "SKU" was imported from cells whose text is the colour of their background (row 2; white on white): Excel shows it blank, so whoever checked the file did not see it',
      '2 values of "Net Value" were imported from cells whose text is the colour of their background (rows 3, 4; white on white, #FFFF00 on #FFFF00): Excel shows them blank, so whoever checked the file did not see them',
    ]);
    rollBackBatch(ws.db, first.batch ?? 0, 'tester');
    // Excel 2003 XML: a style's Font colour and its solid Interior.
    const xml = readFileSync(
      styled2003(join(dir, 'white text 2003.xls'), [
        ['<Cell><Data ss:Type="Number">99.99', 'General'],
        ['<Cell><Data ss:Type="Number">617.25', 'General'],
      ]),
      'utf8',
    )
      .replace('<Style ss:ID="f0"><NumberFormat ss:Format="General"/>', '<Style ss:ID="f0"><Font ss:Color="#FFFFFF"/>')
      .replace(
        '<Style ss:ID="f1"><NumberFormat ss:Format="General"/>',
        '<Style ss:ID="f1"><Font ss:Color="#FFFFFF"/><Interior ss:Color="#1F4E79" ss:Pattern="Solid"/>',
      );
    writeFileSync(join(dir, 'white text 2003.xls'), xml);
    expect((await importFile(ws, join(dir, 'white text 2003.xls'), { kind: 'sales', dryRun: true })).warnings).toEqual([
      '1 value of "Net Value" was imported from cells whose text is the colour of their background (row 3; white on white): Excel shows it blank, so whoever checked the file did not see it',
    ]);
    // Excel's web page: a class its style rules colour white, a cell's own yellow on yellow; white
    // on a dark row shows.
    const css =
      '<style>\n<!--\n.xl65\n\t{mso-style-parent:style0;\n\tcolor:white;}\n.dark {background:#1F4E79}\n-->\n</style>';
    const page = html([header, ...lines])
      .replace('</head>', `${css}</head>`)
      .replace('<td>99.99</td>', '<td class=xl65>99.99</td>')
      .replace('<td>1,00,000.00</td>', `<td style='color:#ff0;background:yellow'>1,00,000.00</td>`)
      .replace('<tr><td>CN/T/1', `<tr class=dark><td>CN/T/1`)
      .replace('<td>617.25</td>', '<td class=xl65>617.25</td>');
    writeFileSync(join(dir, 'white text.xls'), page);
    expect((await importFile(ws, join(dir, 'white text.xls'), { kind: 'sales', dryRun: true })).warnings).toEqual([
      '2 values of "Net Value" were imported from cells whose text is the colour of their background (rows 4, 5; white on white, #FFFF00 on #FFFF00): Excel shows them blank, so whoever checked the file did not see them',
    ]);
    // An old report's <font> inside the cell: the whole amount white, or its first digit (₹1,234 shown as 234).
    const report = html([header, ...lines])
      .replace('<td>99.99</td>', '<td><font color=white face=Arial>99.99</font></td>')
      .replace(
        '<td>1,00,000.00</td>',
        `<td><b><font color="#FFFFFF">1</font></b><font color=black>,00,000.00</font></td>`,
      )
      .replace(
        '<td>617.25</td>',
        `<td bgcolor=yellow><font color=navy><span style='color:#ffff00'>617</span>.25</font></td>`,
      );
    writeFileSync(join(dir, 'font colours.xls'), report);
    expect((await importFile(ws, join(dir, 'font colours.xls'), { kind: 'sales', dryRun: true })).warnings).toEqual([
      '3 values of "Net Value" were imported from cells whose text is in part the colour of their background (rows 4, 5, 6; white on white, #FFFF00 on #FFFF00): Excel shows them nothing or ",00,000.00" or ".25" in place of the value, so whoever checked the file did not see them',
    ]);
  });

  it("refuses a line an xlsx, Excel 2003 XML or a web page draws struck through, a hand's mark of a line cancelled", async () => {
    const struck = (row: number, column: string, value: string) => ({
      row,
      column,
      value,
      message: `the row is struck through: Excel shows its ${column} ${value} crossed out, as a line cancelled by hand is marked. Delete the row if it is cancelled; if it counts, take the strikethrough off (Ctrl+5) and import again`,
    });
    // A whole line struck out (Ctrl+5 on the row), and a credit note's amount alone (how a font
    // set off again, an empty cell and text struck in part are read: xlsx-reader.test.ts).
    const workbook = await dressedXlsx(join(dir, 'struck.xlsx'), (sheet) => {
      sheet.getRow(3).eachCell((cell) => {
        cell.font = { strike: true };
      });
      sheet.getCell('G5').font = { strike: true, color: { argb: 'FFFF0000' } };
      // Rich text: a bill's number struck in every run, a code struck in part.
      sheet.getCell('A4').value = {
        richText: [
          { font: { strike: true }, text: 'SI/T/' },
          { font: { strike: true }, text: '2' },
        ],
      };
      sheet.getCell('D2').value = { richText: [{ font: { strike: true }, text: 'O0' }, { text: '0001' }] };
    });
    const result = await importFile(ws, workbook, { kind: 'sales' });
    expect(result.errors).toEqual([
      struck(3, 'Invoice No', 'SI/T/1'),
      struck(4, 'Invoice No', 'SI/T/2'),
      struck(5, 'Net Value', '617.25'),
    ]);
    const valid = await importFile(ws, workbook, { kind: 'sales', validOnly: true });
    expect(storedRows(ws, 'sales', valid.batch ?? 0).map((r) => [r.doc_no, r.outlet_code, r.net_value])).toEqual([
      ['SI/T/1', 'O00001', 123450],
    ]);
    rollBackBatch(ws.db, valid.batch ?? 0, 'tester');
    // Excel 2003 XML: a style whose Font is StrikeThrough; rich text in HTML's <S> throughout, or in part.
    const xml = readFileSync(
      styled2003(join(dir, 'struck 2003.xls'), [['<Cell><Data ss:Type="Number">617.25', 'General']]),
      'utf8',
    )
      .replace(
        '<Style ss:ID="f0"><NumberFormat ss:Format="General"/>',
        '<Style ss:ID="f0"><Font ss:StrikeThrough="1"/>',
      )
      .replace(
        '<Data ss:Type="String">SI/T/2</Data>',
        '<ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40"><S>SI/T/</S><S><B>2</B></S></ss:Data>',
      )
      .replace(
        '<Data ss:Type="String">O00002</Data>',
        '<ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40"><S>O0</S>0002</ss:Data>',
      );
    writeFileSync(join(dir, 'struck 2003.xls'), xml);
    expect((await importFile(ws, join(dir, 'struck 2003.xls'), { kind: 'sales', dryRun: true })).errors).toEqual([
      struck(4, 'Invoice No', 'SI/T/2'),
      struck(5, 'Net Value', '617.25'),
    ]);
    // A web page (a title row above the header): a row struck by its style, a cell by a class,
    // amounts inside <s> and <del>; a code struck in part, and one underlined, are not.
    const css = '<style>.xl70 {mso-style-parent:style0; text-decoration:line-through;}</style>';
    const page = html([header, ...lines])
      .replace('</head>', `${css}</head>`)
      .replace('<tr><td>SI/T/2', `<tr style='text-decoration:line-through'><td>SI/T/2`)
      .replace('<td>99.99</td>', '<td class=xl70>99.99</td>')
      .replace('<td>617.25</td>', '<td><font face=Arial><s>617.25</s></font></td>')
      .replace('<td>1,234.50</td>', '<td> <del>1,234.50</del></td>')
      .replace('<td>O00001</td>', `<td style='text-decoration: underline'>O00001</td>`)
      .replace('<td>O00002</td>', '<td><s>O0</s>0002</td>');
    writeFileSync(join(dir, 'struck.xls'), page);
    const fromPage = await importFile(ws, join(dir, 'struck.xls'), { kind: 'sales', dryRun: true });
    expect(fromPage.errors).toEqual([
      struck(3, 'Net Value', '1,234.50'),
      struck(4, 'Net Value', '99.99'),
      struck(5, 'Invoice No', 'SI/T/2'),
      struck(6, 'Net Value', '617.25'),
    ]);
  });

  it('refuses a line a conditional format draws struck through where its rule holds, and warns where only Excel can say', async () => {
    // A Cancel column no field reads; the line is crossed out where it says Y (worked out from the
    // row), an amount above 50,000 too; outlets where a count of the column says so, which only
    // Excel works out. In an xlsx, and in Excel 2003 XML (its formulas in R1C1, of AND too).
    const rows = [[...header, 'Cancel'], ...numbered().map((line, i) => [...line, i === 1 ? 'Y' : 'N'])];
    const struckBy = (row: number, column: string, value: string, rule: string) => ({
      row,
      column,
      value,
      message: `the row is struck through: a conditional format crosses out its ${column} ${value} where ${rule}, as a cancelled line is marked. Delete the row if it is cancelled; if it counts, change what the rule looks at, or the rule, and import again`,
    });
    const strike = { font: { strike: true } };
    const workbook = await dressedXlsx(
      join(dir, 'struck by rules.xlsx'),
      (sheet) => {
        sheet.addConditionalFormatting({
          ref: 'A2:I5',
          rules: [{ type: 'expression', formulae: ['$I2="Y"'], priority: 1, style: strike }],
        });
        sheet.addConditionalFormatting({
          ref: 'G2:G5',
          rules: [{ type: 'cellIs', operator: 'greaterThan', formulae: [50000], priority: 2, style: strike }],
        });
        sheet.addConditionalFormatting({
          ref: 'D2:D5',
          rules: [{ type: 'expression', formulae: ['COUNTIF($D$2:$D$5,$D2)>2'], priority: 3, style: strike }],
        });
      },
      rows,
    );
    const result = await importFile(ws, workbook, { kind: 'sales', validOnly: true });
    expect(result.errors).toEqual([
      struckBy(3, 'Invoice No', 'SI/T/1', '=$I2="Y"'),
      struckBy(4, 'Net Value', '100000', 'the cell is greater than 50000'),
    ]);
    expect(storedRows(ws, 'sales', result.batch ?? 0).map((r) => [r.sku, r.net_value])).toEqual([
      ['SKU-0001', 123450],
      ['SKU-0001', -61725],
    ]);
    expect(result.warnings).toContain(
      '2 rows were imported that a conditional format may draw struck through, as a cancelled line is marked, where =COUNTIF($D$2:$D$5,$D2)>2: a formula Excel works out row by row (rows 2, 5). Look at them in Excel; delete any that shows crossed out, if it is cancelled',
    );
    rollBackBatch(ws.db, result.batch ?? 0, 'tester');
    const rules = `<ConditionalFormatting xmlns="urn:schemas-microsoft-com:office:excel">
   <Range>R2C1:R5C9</Range>
   <Condition><Value1>AND(RC9=&quot;Y&quot;,RC7&lt;&gt;0)</Value1><Format Style='text-decoration:line-through'/></Condition>
  </ConditionalFormatting>`;
    writeFileSync(
      join(dir, 'struck by rules 2003.xls'),
      spreadsheetMl(rows).replace('</Table>', `</Table>\n  ${rules}`),
    );
    expect(
      (await importFile(ws, join(dir, 'struck by rules 2003.xls'), { kind: 'sales', dryRun: true })).errors,
    ).toEqual([struckBy(3, 'Invoice No', 'SI/T/1', '=AND(RC9="Y",RC7<>0)')]);
  });

  it('warns of values a conditional format of an xlsx shows blank: where its rule holds, or may', async () => {
    // Amounts above 1,000 in white; quantities hidden (;;;) where the row's Document Type says it
    // is a credit note, worked out from the row; SKUs in white where a count of the column
    // says so, which only Excel works out; negatives in red, which hides nothing. A rule is asked of
    // the number a cell holds, not of the "0100000" its format of zeros is read as.
    const path = await dressedXlsx(join(dir, 'conditional.xlsx'), (sheet) => {
      sheet.getCell('G4').numFmt = '0000000';
      sheet.addConditionalFormatting({
        ref: 'G2:G5',
        rules: [
          {
            type: 'cellIs',
            operator: 'greaterThan',
            formulae: [1000],
            priority: 1,
            style: { font: { color: { argb: 'FFFFFFFF' } } },
          },
          {
            type: 'cellIs',
            operator: 'lessThan',
            formulae: [0],
            priority: 2,
            style: { font: { color: { argb: 'FFFF0000' } } },
          },
        ],
      });
      sheet.addConditionalFormatting({
        ref: 'F2:F5',
        rules: [
          {
            type: 'expression',
            formulae: ['$H2="Credit Note"'],
            priority: 3,
            style: { numFmt: ';;;' },
          },
        ],
      });
      sheet.addConditionalFormatting({
        ref: 'E2:E5',
        rules: [
          {
            type: 'expression',
            formulae: ['COUNTIF($E$2:$E$5,$E2)>1'],
            priority: 4,
            style: { font: { color: { argb: 'FFFFFFFF' } } },
          },
        ],
      });
    });
    expect((await expectSales(path)).warnings).toEqual([
      '4 values of "SKU" were imported from cells a conditional format shows blank where =COUNTIF($E$2:$E$5,$E2)>1, a formula Excel works out cell by cell (rows 2, 3, 4, 5; white on white): whoever checked the file may not have seen them',
      '2 values of "Net Value" were imported from cells a conditional format shows blank where the cell is greater than 1000 (rows 2, 4; white on white): Excel shows them so, and whoever checked the file did not see them',
      '1 value of "Qty" was imported from cells a conditional format shows blank where =$H2="Credit Note" (row 5): Excel shows it so, and whoever checked the file did not see it',
    ]);
  });

  it('warns of values a conditional format of Excel 2003 XML shows blank, as an ERP writing the format itself writes it', async () => {
    // After the table: amounts above 1,000 in white, negatives in red (no hiding), quantities in
    // yellow on yellow where the row's type (RC8) says it is a credit note; a data validation's range
    // beside them is no rule's; a rule over no range holds nowhere.
    const rules = `<ConditionalFormatting xmlns="urn:schemas-microsoft-com:office:excel">
   <Range>R2C7:R5C7</Range>
   <Condition><Qualifier>Greater</Qualifier><Value1>1000</Value1><Format Style='color:white'/></Condition>
   <Condition><Qualifier>Less</Qualifier><Value1>0</Value1><Format Style='color:red'/></Condition>
  </ConditionalFormatting>
  <DataValidation xmlns="urn:schemas-microsoft-com:office:excel"><Range>R2C1:R5C1</Range><Qualifier>Greater</Qualifier><Value>0</Value></DataValidation>
  <ConditionalFormatting xmlns="urn:schemas-microsoft-com:office:excel">
   <Range>R2C6:R5C6</Range>
   <Condition><Value1>RC8=&quot;Credit Note&quot;</Value1><Format Style='color:#FFFF00;background:#FFFF00'/></Condition>
  </ConditionalFormatting>
  <ConditionalFormatting xmlns="urn:schemas-microsoft-com:office:excel"><Range></Range><Condition><Value1>TRUE</Value1><Format Style='color:white'/></Condition></ConditionalFormatting>`;
    const xml = spreadsheetMl([header, ...numbered()])
      .replace('</Table>', `</Table>\n  ${rules}`)
      .replace(
        '<Worksheet',
        '<Styles><Style ss:ID="zeros"><NumberFormat ss:Format="0000000"/></Style></Styles><Worksheet',
      )
      .replace('<Cell><Data ss:Type="Number">100000<', '<Cell ss:StyleID="zeros"><Data ss:Type="Number">100000<');
    expect(xml).toContain('</Table>\n  <ConditionalFormatting');
    expect(xml).toContain('<Cell ss:StyleID="zeros">');
    writeFileSync(join(dir, 'conditional 2003.xls'), xml);
    expect((await expectSales(join(dir, 'conditional 2003.xls'))).warnings).toEqual([
      '2 values of "Net Value" were imported from cells a conditional format shows blank where the cell is greater than 1000 (rows 2, 4; white on white): Excel shows them so, and whoever checked the file did not see them',
      '1 value of "Qty" was imported from cells a conditional format shows blank where =RC8="Credit Note" (row 5; #FFFF00 on #FFFF00): Excel shows it so, and whoever checked the file did not see it',
    ]);
  });

  it("refuses amounts an xlsx or Excel 2003 XML formats in another currency than the workspace's", async () => {
    // Excel shows 99.99 formatted [$$-409]#,##0.00 as $99.99: the number alone is no rupees.
    const path = await formattedXlsx(join(dir, 'dollar formats.xlsx'), {
      G2: '[$₹-4009] #,##0.00',
      G3: '[$$-409]#,##0.00',
      G4: '"Rs."#,##0.00',
      G5: '_("$"* #,##0.00_);_("$"* (#,##0.00);_("$"* "-"??_);_(@_)',
      F3: '[$$-409]0',
    });
    const message = (value: string, written: string) =>
      `the cell's number format shows the amount in ${written} (Excel shows ${value} with its ${written} mark), not the workspace's currency (INR): convert the amount first; if it is in INR and only formatted so, format the column as a plain number`;
    const refused = await importFile(ws, path, { kind: 'sales', dryRun: true });
    expect(refused.errors).toEqual([
      { row: 3, column: 'Net Value', value: '99.99', message: message('99.99', 'USD') },
      { row: 5, column: 'Net Value', value: '617.25', message: message('617.25', 'USD') },
    ]);
    styled2003(join(dir, 'euro formats 2003.xls'), [['<Cell><Data ss:Type="Number">99.99', 'Euro Currency']]);
    expect((await importFile(ws, join(dir, 'euro formats 2003.xls'), { kind: 'sales', dryRun: true })).errors).toEqual([
      { row: 3, column: 'Net Value', value: '99.99', message: message('99.99', 'EUR') },
    ]);
  });

  it('reads a number its format shows in thousands as shown, where the header says the column is in thousands', async () => {
    // Under "Net Value (₹ '000)", 1234.5 formatted #,##0.00, shows 1.23: thousands, as the header
    // says; the cell holds the rupees themselves. A cell without the format is written in thousands.
    const inThousands = numbered().map((line, i): FixtureCell[] =>
      i === 1 ? [...line.slice(0, 6), 0.09999, line[7] ?? null] : line,
    );
    const path = await formattedXlsx(
      join(dir, 'thousands format.xlsx'),
      { G2: '#,##0.00,', G4: '#,##0.00,', G5: '#,##0.00,' },
      [header.map((h) => (h === 'Net Value' ? "Net Value (₹ '000)" : h)), ...inThousands],
    );
    const fromWorkbook = await expectSales(path);
    expect(fromWorkbook.decisions).toContainEqual({
      field: "Net Value (₹ '000)",
      decision: `3 numbers of "Net Value (₹ '000)" hold the amount itself, formatted to show it in thousands (Excel shows 1,234,567 as 1,235): read as Excel shows them, then in the unit the column is in`,
    });
    rollBackBatch(ws.db, fromWorkbook.batch ?? 0, 'tester');
    // Excel's web page of it: the text the format shows, the number in x:num.
    const page = html([header.map((h) => (h === 'Net Value' ? "Net Value (₹ '000)" : h)), ...lines])
      .replace('<td>1,234.50</td>', '<td x:num="1234.5">1.23</td>')
      .replace('<td>99.99</td>', '<td>0.09999</td>')
      .replace('<td>1,00,000.00</td>', '<td x:num="100000">100.00</td>')
      .replace('<td>617.25</td>', '<td x:num="617.25">1</td>');
    expect(page.match(/x:num/g)).toHaveLength(3);
    writeFileSync(join(dir, 'thousands format.xls'), page);
    rollBackBatch(ws.db, (await expectSales(join(dir, 'thousands format.xls'))).batch ?? 0, 'tester');
    // Without a unit in its header, a number so formatted is the amount itself.
    const plain = await formattedXlsx(join(dir, 'plain format.xlsx'), { G3: '#,##0,' });
    expect((await importFile(ws, plain, { kind: 'sales', dryRun: true })).totals).toEqual(expectedTotals);
    const plainPage = html([header, ...lines]).replace('<td>1,00,000.00</td>', '<td x:num="100000">100</td>');
    writeFileSync(join(dir, 'plain format.xls'), plainPage);
    expect((await importFile(ws, join(dir, 'plain format.xls'), { kind: 'sales', dryRun: true })).totals).toEqual(
      expectedTotals,
    );
  });

  it('refuses a number its format shows in another unit than its header or title says the column is in', async () => {
    // Under "Net Value (₹ in Lakhs)", 100000 formatted #,##0, shows 100: read as the header says, 100
    // lakhs; as the number, one lakh. Which is meant cannot be told: refused, never guessed.
    const inLakhs = [header.map((h) => (h === 'Net Value' ? 'Net Value (₹ in Lakhs)' : h)), ...numbered()];
    const message = (value: string, shown: string, format: string, unit: string) =>
      `the cell's number format shows it in ${format} (Excel shows ${value} as ${shown}), but the column is in ${unit}, as its header or the sheet's title says: which unit the number is in cannot be told. Format the column as a plain number in ${unit}, or name the unit the format shows in the header`;
    const path = await formattedXlsx(
      join(dir, 'lakhs shown in thousands.xlsx'),
      { G4: '#,##0,', G5: '0.0,,' },
      inLakhs,
    );
    const result = await importFile(ws, path, { kind: 'sales', dryRun: true });
    expect(result.errors).toEqual([
      {
        row: 4,
        column: 'Net Value (₹ in Lakhs)',
        value: '100000',
        message: message('100000', '100', 'thousands', 'lakhs'),
      },
      {
        row: 5,
        column: 'Net Value (₹ in Lakhs)',
        value: '617.25',
        message: message('617.25', '0', 'millions', 'lakhs'),
      },
    ]);
    // The same under a title in thousands: the format in millions disagrees, the one in thousands is read.
    const titled = await formattedXlsx(join(dir, 'thousands titled.xlsx'), { G5: '#,##0,', G6: '0.0,,' }, [
      ["All figures in '000"],
      header,
      ...numbered(),
    ]);
    const fromTitle = await importFile(ws, titled, { kind: 'sales', dryRun: true });
    expect(fromTitle.errors).toEqual([
      { row: 6, column: 'Net Value', value: '617.25', message: message('617.25', '0', 'millions', 'thousands') },
    ]);
  });

  it('warns of the columns Excel 2003 XML hides or draws zero wide that the import reads, by index and span', async () => {
    // Column 1 shown; 4 (Outlet Code) hidden; 6 and the one after it (Qty, Net Value) zero wide; 8 shown.
    const columns =
      '<Column ss:Width="60"/><Column ss:Index="4" ss:Hidden="1"/><Column ss:Index="6" ss:Span="1" ss:Width="0"/><Column ss:Width="40"/>';
    const xml = spreadsheetMl([header, ...lines]).replace('<Table>', `<Table>${columns}`);
    writeFileSync(join(dir, 'hidden-columns-2003.xls'), xml);
    expect((await expectSales(join(dir, 'hidden-columns-2003.xls'))).warnings).toEqual([
      '"Outlet Code", "Qty", "Net Value" are columns hidden in the workbook, and the import reads them: Excel does not show them, so whoever checked the file did not see their values',
    ]);
  });
});
