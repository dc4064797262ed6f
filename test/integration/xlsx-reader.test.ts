import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openSource } from '../../main/import/open-source';
import { formatKind, shownNumber } from '../../main/import/readers/number-formats';
import { type Cell, formulaWithoutValue, type SheetTail } from '../../main/import/readers/types';
import { hasLibreOffice, libreOfficeConvert, writeXlsx } from '../support/files';
import { realExports, realExportsFolder } from '../support/real-exports';
import { tempDirPerTest } from '../support/temp';
import { sheetXml, workbookParts, writeZip } from '../support/zip-writer';

/**
 * SchemeDesk's own xlsx reader against exceljs's full (non-streaming) reader, which knows merged
 * cells and the 1904 date system: every sheet, every cell, of workbooks written by exceljs, by
 * LibreOffice, and by Tally (the real exports). A difference fails with the cell that differs.
 */
type Grid = Record<string, Record<string, string>>;
const tempDir = tempDirPerTest();

const shown = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return `date:${v.toISOString()}`;
  if (typeof v === 'number') return `number:${v}`;
  const s = String(v).trim();
  return s === '' ? null : `text:${s}`;
};

/** A cell as exceljs's full reader gives it, reduced to what the importer reads. */
function exceljsValue(value: ExcelJS.CellValue): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return shown(value ? 'TRUE' : 'FALSE');
  if (typeof value !== 'object' || value instanceof Date) return shown(value);
  const v = value as {
    result?: unknown;
    formula?: unknown;
    richText?: { text: string }[];
    text?: unknown;
    error?: unknown;
  };
  if (v.error !== undefined) return shown(v.error);
  if (v.formula !== undefined) {
    if (v.result === undefined) return shown(formulaWithoutValue);
    if (typeof v.result === 'object' && v.result !== null && 'error' in v.result) return shown(v.result.error);
    return exceljsValue(v.result as ExcelJS.CellValue);
  }
  if (v.richText) return shown(v.richText.map((r) => r.text).join(''));
  if (v.text !== undefined) return exceljsValue(v.text as ExcelJS.CellValue);
  return shown(String(value));
}

async function byExceljs(path: string): Promise<Grid> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const grid: Grid = {};
  for (const sheet of workbook.worksheets) {
    const cells: Record<string, string> = {};
    sheet.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        // A number formatted as a percentage or with zeros is read as Excel shows it ("18%", "00042").
        const value = cell.value;
        const n = value !== null && typeof value === 'object' && 'result' in value ? value.result : value;
        const kind = formatKind(cell.numFmt ?? '');
        const v = typeof n === 'number' && kind !== 'date' ? shown(shownNumber(n, kind)) : exceljsValue(value);
        if (v !== null) cells[`${r}:${c - 1}`] = v;
      });
    });
    grid[sheet.name] = cells;
  }
  return grid;
}

async function byReader(path: string): Promise<Grid> {
  const source = await openSource(path);
  const grid: Grid = {};
  try {
    for await (const sheet of source.sheets()) {
      const cells: Record<string, string> = {};
      for await (const row of sheet.rows())
        row.cells.forEach((cell: Cell, c) => {
          const v = shown(cell);
          if (v !== null) cells[`${row.number}:${c}`] = v;
        });
      grid[sheet.name] = cells;
    }
  } finally {
    source.close?.();
  }
  return grid;
}

async function writeEveryKindOfCell(path: string, date1904 = false) {
  const workbook = new ExcelJS.Workbook();
  if (date1904) workbook.properties.date1904 = true;
  const sheet = workbook.addWorksheet('Sales & Returns');
  sheet.addRow(['Invoice No', 'Invoice Date', 'Party', 'Qty', 'Net Value', 'Paid', 'Check', 'GST %']);
  sheet.addRow(['SI/001', new Date(Date.UTC(2026, 9, 3)), '  Alpha Traders ', 12, 1234.5, true, null, 0.18]);
  sheet.addRow([
    { richText: [{ text: 'SI/' }, { font: { bold: true }, text: '002' }] },
    new Date(Date.UTC(2026, 9, 31, 18, 30)),
    { text: 'Beta Stores', hyperlink: 'https://example.com' },
    { formula: 'D2*2', result: 24 },
    { formula: 'E2&""', result: '1234.5' },
    false,
    { error: '#N/A' },
    0.125,
  ]);
  sheet.addRow([
    'SI/003',
    46300,
    'Gamma & Sons <Pune>',
    -3,
    { formula: 'D4*2' },
    null,
    { formula: '1/0', result: { error: '#DIV/0!' } },
    { formula: 'H2/2', result: 0.09 },
  ]);
  sheet.getCell('B2').numFmt = 'dd-mm-yyyy';
  sheet.getCell('B3').numFmt = 'd-mmm-yy h:mm';
  sheet.getCell('B4').numFmt = '[$-409]dd/mm/yyyy;@';
  sheet.getCell('E2').numFmt = '#,##0.00 "Dr"';
  sheet.getCell('H2').numFmt = '0%';
  sheet.getCell('H3').numFmt = '0.00%';
  sheet.getCell('H4').numFmt = '[Blue]0.0%;[Red]-0.0%';
  sheet.getCell('I2').value = 42;
  sheet.getCell('I2').numFmt = '00000';
  sheet.addRow(['Region North', null, null]);
  sheet.mergeCells('A5:C6');
  const second = workbook.addWorksheet('Second');
  second.addRow(['only', 'one', 'row']);
  await workbook.xlsx.writeFile(path);
  return path;
}

describe('the xlsx reader, cell for cell against exceljs', () => {
  it('reads every kind of cell exceljs writes, merged ranges filled, in both date systems', async () => {
    const dir = tempDir();
    for (const date1904 of [false, true]) {
      const path = await writeEveryKindOfCell(join(dir, `cells-${date1904}.xlsx`), date1904);
      const ours = await byReader(path);
      expect(ours).toEqual(await byExceljs(path));
      const sheet = ours['Sales & Returns'] ?? {};
      // What each kind of cell must be, whichever reader is right.
      expect(sheet['2:1']).toBe('date:2026-10-03T00:00:00.000Z');
      expect(sheet['2:2']).toBe('text:Alpha Traders');
      expect(sheet['3:0']).toBe('text:SI/002');
      expect(sheet['3:6']).toBe('text:#N/A');
      expect(sheet['4:4']).toBe(`text:${formulaWithoutValue}`);
      expect(sheet['4:6']).toBe('text:#DIV/0!');
      expect(sheet['6:2']).toBe('text:Region North');
      expect([sheet['2:7'], sheet['3:7'], sheet['4:7']]).toEqual(['text:18%', 'text:12.5%', 'text:9%']);
      expect(sheet['2:8']).toBe('text:00042');
      expect(Object.keys(ours)).toEqual(['Sales & Returns', 'Second']);
    }
  });

  it('reads the fixtures the other tests write, and the real Tally exports', async () => {
    const dir = tempDir();
    const fixtures = [
      await writeXlsx(join(dir, 'plain.xlsx'), [
        {
          name: 'Register',
          rows: [
            ['Code', 'Date', 'Amount'],
            ['D001', new Date(Date.UTC(2026, 0, 31)), 10.25],
            [null, null, null],
            ['D002', null, -4],
          ],
          merges: ['A3:C3'],
        },
      ]),
      ...realExports('.xlsx').map((f) => {
        const copy = join(dir, f);
        copyFileSync(join(realExportsFolder, f), copy);
        return copy;
      }),
    ];
    expect(fixtures.length).toBeGreaterThanOrEqual(4);
    for (const path of fixtures)
      expect({ path, grid: await byReader(path) }).toEqual({ path, grid: await byExceljs(path) });
  });

  it.skipIf(!hasLibreOffice())(
    'reads a workbook as LibreOffice writes it (shared strings, its own styles)',
    async () => {
      const dir = tempDir();
      // LibreOffice writes the same workbook again, as a second program would: shared strings, its own styles.
      const converted = libreOfficeConvert(
        await writeEveryKindOfCell(join(dir, 'cells.xlsx')),
        'xlsx',
        join(dir, 'lo'),
      );
      const ours = await byReader(converted);
      const theirs = await byExceljs(converted);
      // LibreOffice writes FALSE as the formula FALSE() with the saved value 0, which exceljs loses.
      expect(ours['Sales & Returns']?.['3:5']).toBe('text:FALSE');
      expect(theirs['Sales & Returns']?.['3:5']).toBe(`text:${formulaWithoutValue}`);
      delete ours['Sales & Returns']?.['3:5'];
      delete theirs['Sales & Returns']?.['3:5'];
      expect(ours).toEqual(theirs);
      expect(ours['Sales & Returns']?.['2:1']).toBe('date:2026-10-03T00:00:00.000Z');
    },
  );

  it.skipIf(!hasLibreOffice())(
    'reads the real binary .xls exports as LibreOffice converts them for import',
    async () => {
      const dir = tempDir();
      const xls = realExports('.xls');
      expect(xls.length).toBeGreaterThanOrEqual(2);
      for (const f of xls) {
        const copy = join(dir, f);
        copyFileSync(join(realExportsFolder, f), copy);
        const converted = libreOfficeConvert(copy, 'xlsx', join(dir, 'lo'));
        const ours = await byReader(converted);
        expect(Object.values(ours).some((cells) => Object.keys(cells).length > 100)).toBe(true);
        expect({ f, ours }).toEqual({ f, ours: await byExceljs(converted) });
      }
    },
    120_000,
  );
});

describe('the xlsx reader on what exceljs gets wrong', () => {
  it('keeps every run of an inline rich string, reads ISO date cells, and x-escaped characters', async () => {
    const path = writeZip(
      join(tempDir(), 'inline.xlsx'),
      workbookParts(
        sheetXml(
          '<row r="1"><c r="A1" t="inlineStr"><is><r><t xml:space="preserve">Alpha </t></r><r><t>Traders</t></r><rPh><t>ignored</t></rPh></is></c>' +
            '<c r="B1" t="d"><v>2026-10-05</v></c><c r="C1" t="inlineStr"><is><t>Line_x000D_Two</t></is></c><c r="E1" t="b"><v>1</v></c></row>',
        ),
      ),
    );
    const ours = await byReader(path);
    expect(ours.Sales).toEqual({
      '1:0': 'text:Alpha Traders',
      '1:1': 'date:2026-10-05T00:00:00.000Z',
      '1:2': 'text:Line\rTwo',
      '1:4': 'text:TRUE',
    });
  });

  it('tells the columns a sheet hides or draws zero wide, each of a span, and no column of a span beyond the grid', async () => {
    const cols =
      '<cols><col min="2" max="3" width="9" hidden="1"/><col min="5" max="5" width="0" customWidth="1"/><col min="6" max="6" width="12"/><col min="16384" max="99999" hidden="true"/></cols>';
    const path = writeZip(
      join(tempDir(), 'hidden columns.xlsx'),
      workbookParts(sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>').replace('<sheetData>', `${cols}<sheetData>`)),
    );
    const source = await openSource(path);
    try {
      for await (const sheet of source.sheets()) {
        for await (const _ of sheet.rows());
        expect(sheet.hiddenColumns).toEqual([1, 2, 4, 16383]);
      }
    } finally {
      source.close?.();
    }
  });

  it("reads Excel 2010's own conditional formats, their format inline and their ranges after them", async () => {
    // White where another sheet says so (Excel writes such a rule in the sheet's extensions only);
    // ;;; above 500; and a red rule, which hides nothing.
    const x14 = (rule: string, dxf: string, sqref: string) =>
      `<x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">${rule}<x14:dxf>${dxf}</x14:dxf></x14:cfRule><xm:sqref>${sqref}</xm:sqref></x14:conditionalFormatting>`;
    const ext = `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings>${[
      x14(
        '<x14:cfRule type="expression" priority="1" id="{1}"><xm:f>Lists!$A$1="hide"</xm:f>',
        '<font><color rgb="FFFFFFFF"/></font>',
        'A1:A3',
      ),
      x14(
        '<x14:cfRule type="cellIs" priority="2" operator="greaterThan" id="{2}"><xm:f>500</xm:f>',
        '<numFmt numFmtId="170" formatCode=";;;"/>',
        'B1:B3',
      ),
      x14(
        '<x14:cfRule type="expression" priority="3" id="{3}"><xm:f>TRUE</xm:f>',
        '<font><color rgb="FFFF0000"/></font>',
        'C1:C3',
      ),
    ].join('')}</x14:conditionalFormattings></ext></extLst>`;
    const rows = [1, 2, 3].map(
      (r) =>
        `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>${r * 300}</v></c><c r="C${r}"><v>9</v></c></row>`,
    );
    const path = writeZip(join(tempDir(), 'x14 rules.xlsx'), workbookParts(sheetXml(rows.join(''), ext)));
    const source = await openSource(path);
    try {
      const unshown = [];
      for await (const sheet of source.sheets()) for await (const row of sheet.rows()) unshown.push(row.unshown ?? []);
      const may = { shows: '', colour: 'white', rule: '=Lists!$A$1="hide"', may: true };
      const above = { shows: '', rule: 'the cell is greater than 500' };
      expect(unshown).toEqual([
        [{ column: 0, ...may }],
        [
          { column: 0, ...may },
          { column: 1, ...above },
        ],
        [
          { column: 0, ...may },
          { column: 1, ...above },
        ],
      ]);
    } finally {
      source.close?.();
    }
  });

  it('tells the rows a sheet hides or draws zero high, and not a row of any other height', async () => {
    const rows = [
      '<row r="1"><c r="A1"><v>1</v></c></row>',
      '<row r="2" hidden="1"><c r="A2"><v>2</v></c></row>',
      '<row r="3" ht="0" customHeight="1"><c r="A3"><v>3</v></c></row>',
      '<row r="4" ht="0.75" customHeight="1"><c r="A4"><v>4</v></c></row>',
      '<row r="5" ht="0.0"><c r="A5"><v>5</v></c></row>',
    ].join('');
    const path = writeZip(join(tempDir(), 'zero high rows.xlsx'), workbookParts(sheetXml(rows)));
    const source = await openSource(path);
    try {
      for await (const sheet of source.sheets()) {
        for await (const _ of sheet.rows());
        expect(sheet.hiddenRows).toEqual([2, 3, 5]);
      }
    } finally {
      source.close?.();
    }
  });

  it('reads a prefixed workbook (x:row, x:c) whose parts sit in any order, with merges before it knows the rows', async () => {
    const parts = workbookParts(
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A1:B3"/><x:sheetData>' +
        '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" s="1"><x:v>46300</x:v></x:c></x:row>' +
        '<x:row r="3"><x:c r="B3"><x:v>7</x:v></x:c></x:row></x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:A3"/></x:mergeCells></x:worksheet>',
      {
        sharedStrings:
          '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><t>North</t></r><r><t> Zone</t></r></si></sst>',
        styles:
          '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts><numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>',
        workbookPr: '<workbookPr date1904="1"/>',
      },
    ).reverse();
    const path = writeZip(join(tempDir(), 'prefixed.xlsx'), parts);
    const source = await openSource(path);
    const sheets = [];
    for await (const sheet of source.sheets()) {
      const rows = [];
      for await (const row of sheet.rows()) rows.push(row);
      sheets.push({ name: sheet.name, totalRows: sheet.totalRows, rows });
    }
    source.close?.();
    expect(source.date1904).toBe(true);
    expect(sheets).toEqual([
      {
        name: 'Sales',
        totalRows: 3,
        rows: [
          { number: 1, cells: ['North Zone', new Date(Date.UTC(2030, 9, 6))] },
          // The row says which of its cells a range begun above gave it (cell-issues.ts).
          { number: 3, cells: ['North Zone', 7], mergedDown: [0] },
        ],
      },
    ]);
  });

  it("marks the cells a style's font or every run of their rich text strikes through, and no other", async () => {
    // Fonts: plain, struck, struck set off as val="0" and val="false"; shared strings: plain,
    // struck in every run (one of them set on as val="1"), struck in part.
    const styles =
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="4"><font><sz val="11"/></font>' +
      '<font><strike/><sz val="11"/></font><font><strike val="0"/></font><font><strike val="false"/></font></fonts>' +
      '<cellXfs><xf fontId="0"/><xf fontId="1"/><xf fontId="2"/><xf fontId="3"/></cellXfs></styleSheet>';
    const sharedStrings =
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>SI/0</t></si>' +
      '<si><r><rPr><strike/></rPr><t>SI/</t></r><r><rPr><b/><strike val="1"/></rPr><t>1</t></r></si>' +
      '<si><r><rPr><strike/></rPr><t>SI/</t></r><r><t>2</t></r></si></sst>';
    const row =
      '<row r="1"><c r="A1" s="1"><v>5</v></c><c r="B1" s="2"><v>6</v></c><c r="C1" s="3"><v>7</v></c>' +
      '<c r="D1" t="s"><v>1</v></c><c r="E1" t="s"><v>2</v></c><c r="F1" t="s"><v>0</v></c><c r="G1" s="1"/></row>';
    const path = writeZip(join(tempDir(), 'struck.xlsx'), workbookParts(sheetXml(row), { styles, sharedStrings }));
    const source = await openSource(path);
    const rows = [];
    try {
      for await (const sheet of source.sheets()) for await (const r of sheet.rows()) rows.push(r);
    } finally {
      source.close?.();
    }
    expect(rows).toEqual([{ number: 1, cells: [5, 6, 7, 'SI/1', 'SI/2', 'SI/0'], struck: [0, 3] }]);
  });

  it('finds merged ranges whose tag straddles two inflated chunks', async () => {
    const dir = tempDir();
    const rows =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>North</t></is></c></row><row r="3"><c r="B3"><v>7</v></c></row>';
    const head = sheetXml(rows).replace('</worksheet>', '');
    const CHUNK = 256 * 1024;
    // A lone `<mergeCell` (no `<mergeCells` before it to find instead) starting a few bytes
    // either side of the end of the first 256 KB chunk the reader inflates.
    for (const shift of [-12, -10, -9, -5, -1, 0, 1, 3]) {
      const padding = ' '.repeat(CHUNK + shift - Buffer.byteLength(head));
      const xml = `${head}${padding}<mergeCell ref="A1:A3"/></worksheet>`;
      const path = writeZip(join(dir, `straddle${shift}.xlsx`), workbookParts(xml));
      const grid = await byReader(path);
      expect({ shift, cells: grid.Sales }).toEqual({
        shift,
        cells: { '1:0': 'text:North', '3:0': 'text:North', '3:1': 'number:7' },
      });
    }
  });

  it('a second reading handed the merged ranges does not look for them again', async () => {
    const path = writeZip(
      join(tempDir(), 'known.xlsx'),
      workbookParts(
        sheetXml(
          '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="B2"><v>2</v></c></row>',
          '<mergeCells><mergeCell ref="A1:A2"/></mergeCells>',
        ),
      ),
    );
    const read = async (known?: ReadonlyMap<string, SheetTail>) => {
      const source = await openSource(path, undefined, { tails: known });
      const rows = [];
      for await (const sheet of source.sheets()) for await (const row of sheet.rows()) rows.push(row.cells);
      source.close?.();
      return rows;
    };
    expect(await read()).toEqual([[1], [1, 2]]);
    // Told the sheet has none, it fills none: the file's own were not read again.
    expect(await read(new Map([['Sales', { merges: [], rules: [] }]]))).toEqual([[1], [null, 2]]);
  });
});
