import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { openSource } from '../../main/import/open-source';
import type { SourceRow } from '../../main/import/readers/types';
import type { Workspace } from '../../main/workspace';
import { libreOfficeConvert, writeText } from '../support/files';
import { importFile, storedRows } from '../support/import';
import { demoWorkspacePerTest } from '../support/workspace';
import { sheetXml, workbookParts, writeZip } from '../support/zip-writer';

const workspaces = demoWorkspacePerTest();
let ws: Workspace;
let dir: string;
beforeEach(() => {
  ({ ws, dir } = workspaces.current());
});

const header = ['Invoice No', 'Invoice Date', 'Distributor Code', 'SKU', 'Qty', 'Rate', 'Net Value', 'Check'];
/** Lines of qty × rate, the net value a formula of the row; `saved` what the workbook keeps as its result (undefined: none). */
const lines: [string, number, number, string][] = [
  ['FX-1', 2, 50.25, 'E2*F2'],
  ['FX-2', 3, 300, 'E3*F3'],
  ['FX-3', 5, 80.25, 'ROUND(E4*F4*(1-10%),2)'],
  ['FX-4', 4, 10.5, 'SUM(E5:F5)*2-E5'],
];

async function workbook(path: string, saved: (number | undefined)[], shared = false) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sales');
  sheet.addRow(header);
  lines.forEach(([doc, qty, rate, formula], i) => {
    const result = saved[i];
    const net =
      shared && i > 0 && i < 2
        ? { sharedFormula: 'G2', result }
        : shared && i === 0
          ? { formula, shareType: 'shared' as const, ref: 'G2:G3', result }
          : { formula, result };
    // A check column the import does not read, its formula's result never right: it costs nothing.
    sheet.addRow([
      shared ? `${doc}S` : doc,
      '15-10-2026',
      'D001',
      'SKU-0001',
      qty,
      rate,
      net,
      { formula: `E${i + 2}+1`, result: 0 },
    ]);
  });
  await book.xlsx.writeFile(path);
  return path;
}

/** The refusal of a formula cell whose saved value is not what its formula gives. */
const staleCell = (row: number, column: string, saved: string, formula: string, gives: string) => ({
  row,
  column,
  value: saved,
  message: `the cell's formula ${formula} gives ${gives} from the row's cells, not the ${saved} saved with it: the file was changed without its formulas being worked out again (or Excel calculates by hand), and Excel shows ${gives}. Open the file in Excel, press Ctrl+Alt+F9, save it and import again`,
});

describe("a formula's saved value", () => {
  it('refuses a net value its formula does not give from the row, naming it and what Excel shows; shared formulas too', async () => {
    // Written by a program that changed the amounts without calculating: FX-2 keeps 9000 for 3 × 300.
    for (const shared of [false, true]) {
      const path = await workbook(join(dir, `saved-${shared}.xlsx`), [100.5, 9000, 361.13, 25], shared);
      const r = await importFile(ws, path, { kind: 'sales', validOnly: true, dateOrder: 'dmy' });
      expect(r.errors).toEqual([staleCell(3, 'Net Value', '9000', '=E3*F3', '900')]);
      const mark = shared ? 'S' : '';
      expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.net_value])).toEqual([
        [`FX-1${mark}`, 10050],
        [`FX-3${mark}`, 36113],
        [`FX-4${mark}`, 2500],
      ]);
    }
  });

  it('refuses one of an Excel 2003 XML workbook, whose formulas are written in R1C1 (RC[-2]*RC[-1])', async () => {
    const cell = (v: string | number, formula?: string) =>
      `<Cell${formula ? ` ss:Formula="${formula}"` : ''}><Data ss:Type="${typeof v === 'number' ? 'Number' : 'String'}">${v}</Data></Cell>`;
    const row = (doc: string, qty: number, rate: number, net: number, formula: string) =>
      `<Row>${[doc, '15-10-2026', 'D001', 'SKU-0001', qty, rate].map((v) => cell(v)).join('')}${cell(net, formula)}</Row>`;
    const path = writeText(
      join(dir, 'formulas.xls'),
      `<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Sales"><Table><Row>${header
        .slice(0, 7)
        .map((h) => cell(h))
        .join('')}</Row>${[
        row('XF-1', 2, 50.25, 100.5, '=RC[-2]*RC[-1]'),
        row('XF-2', 3, 300, 9000, '=RC5*RC[-1]'),
        // Another row's cell: left as saved.
        row('XF-3', 3, 300, 1, '=R[-1]C*1'),
        // A merged range's other cells are blank to a formula, as in Excel: 2 + 0, not 2 + 2.
        `<Row>${['XF-5', '15-10-2026', 'D001', 'SKU-0001'].map((v) => cell(v)).join('')}<Cell ss:MergeAcross="1"><Data ss:Type="Number">2</Data></Cell>${cell(2, '=RC[-2]+RC[-1]')}</Row>`,
        row('XF-4', 1, 10, 12, '=SUM(RC[-2]:RC[-1])'),
        // An error saved as its result is refused as the error it is, not as a result the formula does not give.
        row('XF-6', 1, 10, 0, '=RC[-2]*RC[-1]').replace(
          '<Data ss:Type="Number">0</Data>',
          '<Data ss:Type="Error">#N/A</Data>',
        ),
      ].join('')}</Table></Worksheet></Workbook>`,
    );
    const r = await importFile(ws, path, { kind: 'sales', validOnly: true, dateOrder: 'dmy' });
    expect(r.errors.map((e) => [e.row, e.column, e.value, e.message.slice(0, 48)])).toEqual([
      [3, 'Net Value', '9000', "the cell's formula =RC5*RC[-1] gives 900 from th"],
      [6, 'Net Value', '12', "the cell's formula =SUM(RC[-2]:RC[-1]) gives 11 "],
      [7, 'Net Value', '#N/A', 'the cell holds the error #N/A (a formula that fa'],
    ]);
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.net_value])).toEqual([
      ['XF-1', 10050],
      ['XF-3', 100],
      ['XF-5', 200],
    ]);
  });

  it("refuses a due date its formula on the bill's date does not give, the dates taken as the numbers Excel holds", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Ageing');
    sheet.addRow(['As On', 'Party Code', 'Bill No', 'Bill Date', 'Due Date', 'Pending Amount']);
    const bill = (n: number, no: string, saved: Date) => {
      const row = sheet.addRow(['31-10-2026', 'D001', no, new Date(Date.UTC(2026, 8, n)), null, 1000]);
      row.getCell(4).numFmt = 'dd-mm-yyyy';
      // Due 30 days after the bill: Excel holds dates as day numbers, and adds to them.
      row.getCell(5).value = { formula: `D${row.number}+30`, result: saved };
      row.getCell(5).numFmt = 'dd-mm-yyyy';
    };
    // The first formula's row too, its bill's date read before it: saved as 5 October, it gives 1 October.
    bill(1, 'B/1', new Date(Date.UTC(2026, 9, 5)));
    bill(2, 'B/2', new Date(Date.UTC(2026, 9, 2)));
    // Saved as 31 October where the formula gives 3 October: the bill is overdue by 28 days, not none.
    bill(3, 'B/3', new Date(Date.UTC(2026, 9, 31)));
    const path = join(dir, 'ageing.xlsx');
    await book.xlsx.writeFile(path);
    const r = await importFile(ws, path, { kind: 'receivables', validOnly: true, dateOrder: 'dmy' });
    expect(r.errors.map((e) => [e.row, e.column, e.value, e.message.slice(0, 90)])).toEqual([
      [
        2,
        'Due Date',
        '2026-10-05',
        "the cell's formula =D2+30 gives 2026-10-01 from the row's cells, not the 2026-10-05 saved ",
      ],
      [
        4,
        'Due Date',
        '2026-10-31',
        "the cell's formula =D4+30 gives 2026-10-03 from the row's cells, not the 2026-10-31 saved ",
      ],
    ]);
    expect(storedRows(ws, 'receivables', r.batch ?? 0).map((s) => [s.doc_no, s.due_date])).toEqual([
      ['B/2', '2026-10-02'],
    ]);
  });

  /**
   * Invoice numbers joined from the row's series and serial (`=H2&"/"&I2`), with other texts a
   * formula joins: a number with its decimals, a percentage and a date as the numbers Excel holds,
   * a blank, a third, TEXT's zeros; `saved`, the texts the workbook keeps (undefined: none, to be calculated); `series`, the numbers'.
   */
  async function joinedNumbers(path: string, saved: (string | undefined)[], series = 'INV') {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Sales');
    sheet.addRow([
      'Invoice No',
      'Invoice Date',
      'Distributor Code',
      'SKU',
      'Qty',
      'Net Value',
      'Note',
      'Series',
      'Serial',
      'Rate',
      'Billed',
    ]);
    [101, 102, 103].forEach((serial, i) => {
      const r = i + 2;
      const row = sheet.addRow([
        { formula: `H${r}&"/"&I${r}`, result: saved[i] },
        '15-10-2026',
        'D001',
        'SKU-0001',
        2,
        100.25,
        {
          formula: `F${r}&"|"&J${r}&"|"&K${r}&"|"&L${r}&"|"&1/3&"|"&TEXT(I${r},"0000")&"|"&TEXT(F${r},"0.0")`,
          result: saved[i] === undefined ? undefined : 'note',
        },
        series,
        serial,
        0.18,
        new Date(Date.UTC(2026, 9, 15)),
      ]);
      row.getCell(10).numFmt = '0%';
      row.getCell(11).numFmt = 'dd-mm-yyyy';
    });
    await book.xlsx.writeFile(path);
    return path;
  }

  it('refuses an invoice number its formula does not join from the row, and lands the texts LibreOffice joined', async () => {
    // Renumbered by a program that did not calculate: the third line's serial is 103, its number kept as INV/102.
    const stale = await joinedNumbers(join(dir, 'joined.xlsx'), ['INV/101', 'INV/102', 'INV/102']);
    const r = await importFile(ws, stale, { kind: 'sales', validOnly: true, dateOrder: 'dmy' });
    expect(r.errors).toEqual([staleCell(4, 'Invoice No', 'INV/102', '=H4&"/"&I4', 'INV/103')]);
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => s.doc_no)).toEqual(['INV/101', 'INV/102']);
    // Joined by a second program: every text as the formula gives it, nothing refused.
    const calculated = libreOfficeConvert(
      await joinedNumbers(join(dir, 'unjoined.xlsx'), [], 'CAL'),
      'xlsx',
      join(dir, 'joined-calculated'),
    );
    // No cell of it, read by the import or not, is found otherwise than its formula joins it.
    const source = await openSource(calculated);
    const joined: SourceRow[] = [];
    for await (const sheet of source.sheets()) for await (const row of sheet.rows()) joined.push(row);
    source.close?.();
    expect(joined.slice(1).map((row) => [row.cells[0], row.cells[6], row.formulaGives])).toEqual(
      [101, 102, 103].map((n) => [`CAL/${n}`, `100.25|0.18|46310||0.333333333333333|0${n}|100.3`, undefined]),
    );
    const again = await importFile(ws, calculated, { kind: 'sales', dateOrder: 'dmy' });
    expect(again.errors).toEqual([]);
    expect(storedRows(ws, 'sales', again.batch ?? 0).map((s) => s.doc_no)).toEqual(['CAL/101', 'CAL/102', 'CAL/103']);
  });

  it('leaves saved numbers as they are where Excel keeps them as displayed or calculates in rounds', async () => {
    // Precision as displayed: 2 × 50.125 is kept as 100.13, what the cell shows, not what the formula gives.
    for (const calc of ['<calcPr fullPrecision="0"/>', '<calcPr iterate="1"/>']) {
      const rows = [
        `<row r="1">${header
          .slice(0, 7)
          .map((h, c) => `<c r="${String.fromCharCode(65 + c)}1" t="inlineStr"><is><t>${h}</t></is></c>`)
          .join('')}</row>`,
        `<row r="2">${['FP-1', '15-10-2026', 'D001', 'SKU-0001'].map((v, c) => `<c r="${String.fromCharCode(65 + c)}2" t="inlineStr"><is><t>${v}</t></is></c>`).join('')}<c r="E2"><v>2</v></c><c r="F2"><v>50.125</v></c><c r="G2"><f>ROUND(E2*F2,2)+0.005</f><v>100.26</v></c></row>`,
      ].join('');
      const path = writeZip(
        join(dir, `as displayed ${calc.length}.xlsx`),
        workbookParts(sheetXml(rows), { workbookPr: calc }),
      );
      const r = await importFile(ws, path, { kind: 'sales', dryRun: true, dateOrder: 'dmy', round: true });
      expect(r.errors).toEqual([]);
      expect(r.totals.net_value).toBe('100.26');
    }
  });

  it('lands every line of a workbook LibreOffice calculated, its results as Excel works them out', async () => {
    // Formulas without results, calculated and saved by a second program: nothing refused, to the paisa.
    const path = libreOfficeConvert(
      await workbook(join(dir, 'uncalculated.xlsx'), []),
      'xlsx',
      join(dir, 'calculated'),
    );
    const r = await importFile(ws, path, { kind: 'sales', dateOrder: 'dmy' });
    expect(r.errors).toEqual([]);
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.net_value])).toEqual([
      ['FX-1', 10050],
      ['FX-2', 90000],
      ['FX-3', 36113],
      ['FX-4', 2500],
    ]);
  });
});
