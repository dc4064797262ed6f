import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { createWorkspaceApi } from '../../main/api/handlers';
import { rollBackBatch } from '../../main/import/batches';
import { inspectFile } from '../../main/import/inspect';
import { ImportRefusedError } from '../../main/import/refused';
import type { Workspace } from '../../main/workspace';
import { delimited, type FixtureCell, writeText, writeXlsx } from '../support/files';
import { importFile, storedRows } from '../support/import';
import { demoWorkspacePerTest } from '../support/workspace';

const workspaces = demoWorkspacePerTest();
let ws: Workspace;
let dir: string;
beforeEach(() => {
  ({ ws, dir } = workspaces.current());
});

const header = ['Invoice No', 'Invoice Date', 'Distributor Code', 'Outlet Code', 'SKU', 'Qty', 'Net Value'];
const good: FixtureCell[][] = [
  ['SI/X/1', '05-10-2026', 'D001', 'O00001', 'SKU-0001', 2, '200.00'],
  ['SI/X/2', '06-10-2026', 'D002', 'O00002', 'SKU-0002', 3, '300.00'],
];
const bad: FixtureCell[][] = [
  ['SI/X/3', '31-02-2026', 'D001', 'O00001', 'SKU-0001', 1, '100.00'],
  ['SI/X/4', '07-10-2026', 'D404', 'O00001', 'SKU-0001', 'two', '100.005'],
  ['SI/X/1', '05-10-2026', 'D001', 'O00001', 'SKU-0001', 2, '200.00'],
];
const unitHeader = ['Invoice No', 'Invoice Date', 'Distributor Code', 'Outlet Code', 'SKU', 'Qty', 'Unit', 'Net Value'];

/**
 * Sales lines of quantities in units, imported into the test's workspace (the valid ones, new
 * products created): the result, the lines stored (document, SKU, quantity) and what it says of
 * the quantities' units.
 */
async function importUnits(name: string, headerRow: FixtureCell[], rows: FixtureCell[][]) {
  const result = await importFile(ws, writeText(join(dir, name), delimited([headerRow, ...rows])), {
    kind: 'sales',
    validOnly: true,
    createMissing: true,
  });
  const stored = storedRows(ws, 'sales', result.batch ?? 0).map((r) => [r.doc_no, r.sku, r.qty]);
  return { result, stored, decision: result.decisions.find((d) => d.field === 'qty')?.decision };
}

/** A line refused for its quantity, as the file shows it. */
const qtyRefused = (row: number, value: string, message: string) => ({ row, column: 'Qty', value, message });

const counts = () =>
  ws.db.prepare('SELECT (SELECT count(*) FROM sales) AS sales, (SELECT count(*) FROM import_batches) AS batches').get();

async function readSheet(path: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const rows: unknown[][] = [];
  workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('validation', () => {
  it('imports nothing when any row is bad, and names every problem by row, column, value and expectation', async () => {
    const before = counts();
    const path = writeText(join(dir, 'mixed.csv'), delimited([header, ...good, ...bad]));
    const result = await importFile(ws, path, { kind: 'sales' });
    expect(result.batch).toBeNull();
    expect(counts()).toEqual(before);
    expect(result).toMatchObject({ rowsRead: 5, rows: 3, rejected: 2, file: 'mixed.csv', sheet: 'Sheet1' });
    expect(result.errors).toEqual([
      {
        row: 4,
        column: 'Invoice Date',
        value: '31-02-2026',
        message: 'not a date read day first (no such day or month)',
      },
      { row: 5, column: 'Qty', value: 'two', message: 'expected a quantity such as 12, 2.5 or 12 Nos' },
      {
        row: 5,
        column: 'Net Value',
        value: '100.005',
        message: 'expected at most 2 decimals (or choose to round half-up to the paisa: --round)',
      },
      { row: 5, column: 'Distributor Code', value: 'D404', message: 'unknown distributor "D404"' },
    ]);
    // A row that repeats another in every column is a second real line (the same item twice), not an error.
    expect(result.warnings).toEqual(['row 6 repeats row 2 exactly, in every column; both were imported']);
  });

  it('refuses whole cases beside the loose pieces beyond them, and reads a total of pieces where the file writes one', async () => {
    const dms = ['Invoice No', 'Invoice Date', 'Distributor Code', 'Outlet Code', 'SKU Code'];
    const split: FixtureCell[][] = [
      [...dms, 'Cases', 'Units', 'Net Amount'],
      ['DMS/1', '05-10-2026', 'D001', 'O00001', 'SKU-0001', 1, 4, '570.00'],
      ['DMS/2', '06-10-2026', 'D001', 'O00001', 'SKU-0002', 2, 0, '300.00'],
    ];
    const path = writeText(join(dir, 'cases and units.csv'), delimited(split));
    // The dialog says so before Check, and no longer once another column is the quantity.
    const preview = await inspectFile(ws.db, { path, kind: 'sales', locale: 'en-IN' });
    expect(preview.mapping.qty).toBe('Units');
    expect(preview.refusal).toMatch(/^"Units" is not each line's quantity: a line of the first rows has 2 in "Cases"/);
    const remapped = await inspectFile(ws.db, {
      path,
      kind: 'sales',
      locale: 'en-IN',
      mapping: { ...preview.mapping, qty: 'Cases' },
    });
    expect(remapped.refusal).toBeNull();
    await expect(importFile(ws, path, { kind: 'sales' })).rejects.toThrow(
      'cases and units.csv: "Units" is not each line\'s quantity: a line of the first rows has 2 in "Cases" and 0 in "Units", so the file writes whole cases in one and the pieces beyond them in the other, and nothing says how many pieces a case holds. Give each product\'s units per case in the products master (a Units per Case column). Map a column of each line\'s whole quantity (--map qty=HEADER, or in the import dialog), or export the quantity in one unit',
    );
    // A column of each line's pieces in all is its quantity (Bizom's Total Units).
    const total = split.map((r, i) => [...r.slice(0, 7), i === 0 ? 'Total Units' : i === 1 ? 28 : 48, ...r.slice(7)]);
    const r = await importFile(ws, writeText(join(dir, 'total units.csv'), delimited(total)), { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.mapping.qty).toBe('Total Units');
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => s.qty)).toEqual([28_000, 48_000]);
  });

  it("adds whole cases to the loose pieces by each product's units per case in the products master", async () => {
    const perCase = ws.db.prepare('UPDATE products SET case_units = ?, uom = ? WHERE sku = ?');
    perCase.run(12, 'PCS', 'SKU-0001');
    perCase.run(null, 'PCS', 'SKU-0002');
    const master = writeText(
      join(dir, 'new products.csv'),
      delimited([
        ['Item Code', 'Item Name', 'UOM', 'Pcs per Case'],
        ['SKU-9001', 'Sunrise Coffee 200 g', 'PCS', 6],
      ]),
    );
    expect((await importFile(ws, master, { kind: 'products' })).errors).toEqual([]);
    const split: FixtureCell[][] = [
      ['Invoice No', 'Invoice Date', 'Distributor Code', 'Outlet Code', 'SKU Code', 'Cases', 'Units', 'Net Amount'],
      ['DMS/1', '05-10-2026', 'D001', 'O00001', 'SKU-0001', 1, 4, '570.00'],
      ['DMS/2', '06-10-2026', 'D001', 'O00001', 'SKU-0001', 2, null, '900.00'],
      // A return of one case and three pieces; and a product the master gives no units per case.
      ['DMS/3', '07-10-2026', 'D001', 'O00001', 'SKU-0001', -1, -3, '-450.00'],
      ['DMS/4', '08-10-2026', 'D001', 'O00001', 'SKU-0002', 2, 0, '300.00'],
      ['DMS/5', '08-10-2026', 'D001', 'O00001', 'SKU-9001', 1, 1, '700.00'],
      // More pieces than a number holds exactly: refused, never rounded.
      ['DMS/6', '09-10-2026', 'D001', 'O00001', 'SKU-0001', 999_999_999_999, 0, '700.00'],
    ];
    const path = writeText(join(dir, 'cases by master.csv'), delimited(split));
    const said =
      '"Units" is not each line\'s quantity alone: a line of the first rows has 2 in "Cases" and 0 in "Units", so the file writes whole cases in one and the pieces beyond them in the other. Each line\'s quantity is its "Cases" times its product\'s units per case in the products master, plus its "Units"; a line of cases whose product has none is refused';
    const preview = await inspectFile(ws.db, { path, kind: 'sales', locale: 'en-IN' });
    expect(preview.refusal).toBeNull();
    expect(preview.decisions).toContain(said);
    const r = await importFile(ws, path, { kind: 'sales', validOnly: true, dateOrder: 'dmy' });
    expect(r.errors).toEqual([
      {
        row: 5,
        column: 'Cases',
        value: '2',
        message:
          "the products master gives no units per case for SKU-0002, so the line's cases cannot be added to its pieces",
      },
      {
        row: 7,
        column: 'Cases',
        value: '999999999999',
        message:
          "the line's cases of SKU-0001 make more units than can be counted exactly: correct the quantity or the products master's units per case",
      },
    ]);
    expect(r.decisions).toContainEqual({ field: 'qty', decision: said });
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((l) => [l.doc_no, l.qty])).toEqual([
      ['DMS/1', 16_000],
      ['DMS/2', 24_000],
      ['DMS/3', -15_000],
      ['DMS/5', 7_000],
    ]);
  });

  it('refuses a line of cases beside fewer pieces beyond the first rows, which wrote every line whole in both units', async () => {
    const whole: FixtureCell[][] = Array.from({ length: 520 }, (_, i) => [
      `DMS/${i + 1}`,
      '05-10-2026',
      'D001',
      'O00001',
      'SKU-0001',
      1,
      12,
      '570.00',
    ]);
    const path = writeText(
      join(dir, 'late split.csv'),
      delimited([
        [
          'Invoice No',
          'Invoice Date',
          'Distributor Code',
          'Outlet Code',
          'SKU Code',
          'Qty (Cases)',
          'Qty (PCS)',
          'Net Amount',
        ],
        ...whole,
        ['DMS/521', '06-10-2026', 'D001', 'O00001', 'SKU-0001', 2, 0, '1,140.00'],
      ]),
    );
    const r = await importFile(ws, path, { kind: 'sales', dryRun: true, dateOrder: 'dmy' });
    expect(r.errors).toEqual([
      {
        row: 522,
        column: 'Qty (PCS)',
        value: '0',
        message:
          'the line has 2 in "Qty (Cases)" and 0 in "Qty (PCS)": whole cases and the pieces beyond them, where the first rows wrote each line whole in both, so "Qty (PCS)" is not its quantity. Map a column of each line\'s whole quantity (--map qty=HEADER, or in the import dialog), or export the quantity in one unit',
      },
    ]);
  });

  it("reads each line's quantity in its product's unit where the header names units, and refuses one in no unit it has", async () => {
    // A DMS export gives each line in cases and in pieces; SKU-0005 is counted in CASE by the products master.
    const dms = ['Invoice No', 'Invoice Date', 'Distributor Code', 'Retailer Code', 'SKU Code'];
    const rows: FixtureCell[][] = [
      [...dms, 'Qty (Cases)', 'Qty (PCS)', 'Free Qty', 'Net Amount'],
      ['DMS/1', '05-10-2026', 'D001', 'O00001', 'SKU-0001', 1, 12, 2, '570.00'],
      ['DMS/2', '06-10-2026', 'D001', 'O00001', 'SKU-0002', 0, 6, 0, '300.00'],
      ['DMS/3', '07-10-2026', 'D001', 'O00001', 'SKU-0005', 2, 24, 0, '1,200.00'],
    ];
    const result = await importFile(ws, writeText(join(dir, 'dms.csv'), delimited(rows)), { kind: 'sales' });
    expect(result.mapping.qty).toBe('Qty (PCS)');
    expect(result.errors).toEqual([]);
    expect(storedRows(ws, 'sales', result.batch ?? 0).map((r) => [r.doc_no, r.qty])).toEqual([
      ['DMS/1', 12_000],
      ['DMS/2', 6_000],
      ['DMS/3', 2_000],
    ]);
    expect(result.decisions).toContainEqual({
      field: 'qty',
      decision:
        'Quantities are in PCS, as the header "Qty (PCS)" says; 1 line of a product counted in Cases is read from "Qty (Cases)": a product the products master counts in another unit is refused',
    });
    // Pieces only: the product counted in cases is refused, never counted in pieces.
    const pieces = rows.map((r, i) => [i === 0 ? (r[0] ?? null) : `P${r[0]}`, ...r.slice(1, 5), ...r.slice(6)]);
    const refused = await importFile(ws, writeText(join(dir, 'dms-pieces.csv'), delimited(pieces)), {
      kind: 'sales',
      dryRun: true,
    });
    expect(refused.errors).toEqual([
      {
        row: 4,
        column: 'Qty (PCS)',
        value: '24',
        message: 'the products master counts SKU-0005 in CASE, this line in PCS',
      },
    ]);
  });

  it('reads whole cases beside no pieces from the cases where the master counts the product in them, with no units per case', async () => {
    // No product has units per case; SKU-0005 is counted in CASE, SKU-0001 and SKU-0002 in PCS.
    const dms = ['Invoice No', 'Invoice Date', 'Distributor Code', 'Retailer Code', 'SKU Code'];
    const rows: FixtureCell[][] = [
      [...dms, 'Qty (Cases)', 'Qty (PCS)', 'Net Amount'],
      ['DMS/1', '05-10-2026', 'D001', 'O00001', 'SKU-0001', 0, 24, '1,200.00'],
      ['DMS/2', '05-10-2026', 'D001', 'O00001', 'SKU-0005', 2, 0, '2,400.00'],
    ];
    const result = await importFile(ws, writeText(join(dir, 'one unit a line.csv'), delimited(rows)), {
      kind: 'sales',
      dateOrder: 'dmy',
    });
    expect(result.errors).toEqual([]);
    expect(storedRows(ws, 'sales', result.batch ?? 0).map((r) => [r.doc_no, r.qty])).toEqual([
      ['DMS/1', 24_000],
      ['DMS/2', 2_000],
    ]);
    // A case of a product counted in pieces needs its units per case: the file is refused, naming that line.
    const needing = [...rows, ['DMS/3', '06-10-2026', 'D001', 'O00001', 'SKU-0002', 1, 0, '600.00']];
    await expect(
      importFile(ws, writeText(join(dir, 'a case in pieces.csv'), delimited(needing)), { kind: 'sales' }),
    ).rejects.toThrow(
      'a case in pieces.csv: "Qty (PCS)" is not each line\'s quantity: a line of the first rows has 1 in "Qty (Cases)" and 0 in "Qty (PCS)", so the file writes whole cases in one and the pieces beyond them in the other, and nothing says how many pieces a case holds',
    );
  });

  it("reads each line's unit from a column of its own (Tally's Unit, SAP's SU), as a quantity written with it", async () => {
    // SKU-0001 is counted in PCS by the products master, SKU-0005 in CASE; NEW-1 has no UOM.
    const rows: FixtureCell[][] = [
      ['SI/UC/1', '05-10-2026', 'D001', 'O00001', 'SKU-0001', '10', 'Nos', '1,000.00'],
      ['SI/UC/2', '05-10-2026', 'D001', 'O00001', 'SKU-0005', '2', 'CS', '2,400.00'],
      ['SI/UC/3', '05-10-2026', 'D001', 'O00001', 'SKU-0001', '2', 'Box', '2,400.00'],
      ['SI/UC/4', '06-10-2026', 'D001', 'O00001', 'NEW-1', '3', 'Pkt', '300.00'],
      ['SI/UC/5', '06-10-2026', 'D001', 'O00001', 'NEW-1', '4', 'Packets', '400.00'],
      ['SI/UC/6', '07-10-2026', 'D001', 'O00001', 'NEW-1', '5', 'Kg', '500.00'],
      ['SI/UC/7', '07-10-2026', 'D001', 'O00001', 'SKU-0005', '1', '', '1,200.00'],
      // A quantity that writes its own unit: the column must say the same.
      ['SI/UC/8', '08-10-2026', 'D001', 'O00001', 'SKU-0001', '3 Pcs', 'Box', '300.00'],
      ['SI/UC/9', '08-10-2026', 'D001', 'O00001', 'SKU-0001', '4 Nos', 'Pcs', '400.00'],
      // One quantity in two units: the column may name either.
      ['SI/UC/10', '09-10-2026', 'D001', 'O00001', 'SKU-0001', '1 Box = 12 Pcs', 'Box', '120.00'],
      ['SI/UC/11', '09-10-2026', 'D001', 'O00001', 'SKU-0001', '1 Box = 12 Pcs', 'Kg', '120.00'],
    ];
    const { result, stored, decision } = await importUnits('unit column.csv', unitHeader, rows);
    expect(result.mapping).toMatchObject({ qty_unit: 'Unit' });
    // Each refused as the file shows it, its unit beside it.
    expect(result.errors).toEqual([
      qtyRefused(4, '2 Box', 'the products master counts SKU-0001 in PCS, this line in Box'),
      qtyRefused(7, '5 Kg', 'row 5 counts NEW-1 in Pkt, this line in Kg: one unit for a product'),
      qtyRefused(
        9,
        '3 Pcs',
        'the quantity is written in Pcs, and "Unit" gives the line Box: which unit it counts cannot be told. Export the quantity and its unit alike',
      ),
      qtyRefused(
        12,
        '1 Box = 12 Pcs',
        'the quantity is written in Box and Pcs, and "Unit" gives the line Kg: which unit it counts cannot be told. Export the quantity and its unit alike',
      ),
    ]);
    expect(stored).toEqual([
      ['SI/UC/1', 'SKU-0001', 10_000],
      ['SI/UC/2', 'SKU-0005', 2_000],
      ['SI/UC/4', 'NEW-1', 3_000],
      ['SI/UC/5', 'NEW-1', 4_000],
      ['SI/UC/7', 'SKU-0005', 1_000],
      ['SI/UC/9', 'SKU-0001', 4_000],
      ['SI/UC/10', 'SKU-0001', 12_000],
    ]);
    expect(decision).toBe(
      'Each line\'s quantity is in the unit "Unit" gives it (Nos, CS, Box, Pkt, Packets): a product keeps one unit, the products master\'s where it gives one, and a line in another is refused',
    );
  });

  it("reads a line in cases of a product counted in pieces by the units per case the products master gives (SAP's CS)", async () => {
    // SKU-0001 is counted in PCS, 24 to a case; SKU-0002 in PCS, its case not given; SKU-0005 in CASE.
    ws.db.prepare("UPDATE products SET case_units = 24 WHERE sku = 'SKU-0001'").run();
    const rows: FixtureCell[][] = [
      ['SI/CS/1', '05-10-2026', 'D001', 'O00001', 'SKU-0001', '2', 'CS', '2,400.00'],
      ['SI/CS/2', '05-10-2026', 'D001', 'O00001', 'SKU-0001', '10', 'PC', '1,000.00'],
      ['SI/CS/3', '05-10-2026', 'D001', 'O00001', 'SKU-0005', '3', 'CS', '3,600.00'],
      ['SI/CS/4', '06-10-2026', 'D001', 'O00001', 'SKU-0002', '1', 'CS', '600.00'],
      ['SI/CS/5', '06-10-2026', 'D001', 'O00001', 'SKU-0001', '1', 'Kg', '100.00'],
      // More pieces than a number holds exactly: refused, never rounded.
      ['SI/CS/6', '07-10-2026', 'D001', 'O00001', 'SKU-0001', '999999999999', 'CS', '100.00'],
    ];
    const { result, stored, decision } = await importUnits('cases.csv', unitHeader, rows);
    expect(result.errors).toEqual([
      qtyRefused(5, '1 CS', 'the products master counts SKU-0002 in PCS, this line in CS'),
      qtyRefused(6, '1 Kg', 'the products master counts SKU-0001 in PCS, this line in Kg'),
      qtyRefused(
        7,
        '999999999999 CS',
        "the line's cases of SKU-0001 make more units than can be counted exactly: correct the quantity or the products master's units per case",
      ),
    ]);
    expect(stored).toEqual([
      ['SI/CS/1', 'SKU-0001', 48_000],
      ['SI/CS/2', 'SKU-0001', 10_000],
      ['SI/CS/3', 'SKU-0005', 3_000],
    ]);
    expect(decision).toBe(
      "Each line's quantity is in the unit \"Unit\" gives it (CS, PC, Kg): a product keeps one unit, the products master's where it gives one, and a line in another is refused; 1 line in CS of products the products master counts in another unit is read in that unit, by the product's units per case (products master)",
    );
  });

  it('reads a quantity written with its unit (Tally), and counts a product in one unit only', async () => {
    // SKU-0001 and SKU-0002 are counted in PCS by the products master, SKU-0005 in CASE; NEW-1 has no UOM.
    const rows: FixtureCell[][] = [
      ['SI/U/1', '05-10-2026', 'D001', 'O00001', 'SKU-0001', '12 Nos', '1,200.00'],
      ['SI/U/2', '05-10-2026', 'D001', 'O00001', 'SKU-0002', '1,250.5 Pcs.', '500.00'],
      ['SI/U/3', '05-10-2026', 'D001', 'O00001', 'NEW-1', '2 Box', '300.00'],
      ['SI/U/4', '06-10-2026', 'D001', 'O00001', 'NEW-1', '3 boxes', '450.00'],
      ['SI/U/5', '06-10-2026', 'D001', 'O00001', 'SKU-0005', '24 Pcs', '240.00'],
      ['SI/U/6', '07-10-2026', 'D001', 'O00001', 'NEW-1', '6 Pcs', '90.00'],
      ['SI/U/7', '07-10-2026', 'D001', 'O00001', 'SKU-0001', '1 Box 2 Pcs', '100.00'],
      // One quantity in two units, as Tally writes an item's alternate units: read in the product's.
      ['SI/U/8', '08-10-2026', 'D001', 'O00001', 'SKU-0001', '2 Box = 24 Nos', '240.00'],
      ['SI/U/9', '08-10-2026', 'D001', 'O00001', 'SKU-0005', '2 Case = 24 Pcs', '240.00'],
      ['SI/U/10', '08-10-2026', 'D001', 'O00001', 'SKU-0002', '3 Kg = 3000 g', '300.00'],
    ];
    const { result, stored, decision } = await importUnits('units.csv', header, rows);
    expect(result.errors).toEqual([
      qtyRefused(6, '24 Pcs', 'the products master counts SKU-0005 in CASE, this line in Pcs'),
      qtyRefused(7, '6 Pcs', 'row 4 counts NEW-1 in Box, this line in Pcs: one unit for a product'),
      qtyRefused(8, '1 Box 2 Pcs', 'a quantity in two units ("1 Box 2 Pcs"): write it in one'),
      qtyRefused(11, '3 Kg = 3000 g', 'the products master counts SKU-0002 in PCS, this line in Kg'),
    ]);
    expect(stored).toEqual([
      ['SI/U/1', 'SKU-0001', 12_000],
      ['SI/U/2', 'SKU-0002', 1_250_500],
      ['SI/U/3', 'NEW-1', 2_000],
      ['SI/U/4', 'NEW-1', 3_000],
      ['SI/U/8', 'SKU-0001', 24_000],
      ['SI/U/9', 'SKU-0005', 2_000],
    ]);
    expect(decision).toBe(
      'Quantities are written with their unit (Nos, Pcs., Box, boxes, Pcs): the number is read, and each product keeps one unit',
    );
  });

  it('reads the unit a quantity\'s number format writes (Tally\'s ""0" Nos"), in a workbook and Excel 2003 XML, as one written', async () => {
    // As Tally writes each line's quantity: a number, its unit in its format. SKU-0001 and SKU-0002
    // are counted in PCS by the products master, SKU-0005 in CASE; NEW-1 has none.
    const lines: [string, string, number, string][] = [
      ['SI/F/1', 'SKU-0001', 12, '""0" Nos"'],
      ['SI/F/2', 'SKU-0002', 2.5, '""0.00" Pcs"'],
      ['SI/F/3', 'NEW-1', 2, '""0" Box"'],
      ['SI/F/4', 'NEW-1', 24, '""0" Nos"'],
      ['SI/F/5', 'SKU-0005', 24, '#,##0 "Pcs"'],
      ['SI/F/6', 'SKU-0001', 5, '0'],
    ];
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sales');
    sheet.addRow(header);
    for (const [doc, sku, qty, format] of lines) {
      sheet.addRow([doc, '05-10-2026', 'D001', 'O00001', sku, qty, 100]).getCell(6).numFmt = format;
    }
    const xlsx = join(dir, 'tally-units.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    const xmlCell = (v: string | number, style?: number) =>
      `<Cell${style === undefined ? '' : ` ss:StyleID="u${style}"`}><Data ss:Type="${typeof v === 'number' ? 'Number' : 'String'}">${v}</Data></Cell>`;
    const xml = writeText(
      join(dir, 'tally-units.xls'),
      `<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Styles>${lines
        .map(
          ([, , , format], i) =>
            `<Style ss:ID="u${i}"><NumberFormat ss:Format="${format.replace(/"/g, '&quot;')}"/></Style>`,
        )
        .join('')}</Styles><Worksheet ss:Name="Sales"><Table><Row>${header.map((h) => xmlCell(h)).join('')}</Row>${lines
        .map(
          ([doc, sku, qty], i) =>
            `<Row>${[doc, '05-10-2026', 'D001', 'O00001', sku].map((v) => xmlCell(v)).join('')}${xmlCell(qty, i)}${xmlCell(100)}</Row>`,
        )
        .join('')}</Table></Worksheet></Workbook>`,
    );
    for (const path of [xlsx, xml]) {
      const result = await importFile(ws, path, {
        kind: 'sales',
        validOnly: true,
        createMissing: true,
        dryRun: true,
        dateOrder: 'dmy',
      });
      expect(result.errors).toEqual([
        qtyRefused(5, '24 Nos', 'row 4 counts NEW-1 in Box, this line in Nos: one unit for a product'),
        qtyRefused(6, '24 Pcs', 'the products master counts SKU-0005 in CASE, this line in Pcs'),
      ]);
      expect(result.rows).toBe(4);
      expect(result.totals.qty).toBe('21.500');
      expect(result.decisions).toContainEqual({
        field: 'qty',
        decision:
          'Quantities are written with their unit (Nos, Pcs, Box): the number is read, and each product keeps one unit',
      });
    }
  });

  it('reads a party, outlet or item given by its name as the one master row of that name, never as a new one', async () => {
    const name = ws.db.prepare('UPDATE distributors SET name = ?, ledger_name = ? WHERE code = ?');
    name.run('Annapurna Distributors', 'Annapurna Distributors (Pune)', 'D001');
    name.run('Twin Traders', null, 'D004');
    name.run('Twin Traders', null, 'D005');
    name.run('Twin Traders', 'Twin Traders Nagpur', 'D006');
    ws.db.prepare("UPDATE outlets SET name = 'Twin Store' WHERE code IN ('O00001', 'O00002')").run();
    const sku = ws.db.prepare("SELECT sku, name FROM products WHERE sku = 'SKU-0003'").get() as {
      sku: string;
      name: string;
    };
    const rows: FixtureCell[][] = [
      ['SI/N/1', '05-10-2026', 'annapurna distributors  (pune)', 'Twin Store', sku.name, 1, '100.00'],
      ['SI/N/2', '05-10-2026', 'D002', 'twin store', 'SKU-0001', 1, '100.00'],
      ['SI/N/3', '05-10-2026', 'Twin Traders Nagpur', null, 'SKU-0001', 1, '100.00'],
      ['SI/N/4', '13-10-2026', 'Twin Traders', null, 'SKU-0001', 1, '100.00'],
    ];
    const path = writeText(join(dir, 'named.csv'), delimited([header, ...rows]));
    const result = await importFile(ws, path, { kind: 'sales', validOnly: true, createMissing: true });
    // The ledger name is the party's own; a name several distributors share is refused, never created anew.
    expect(result.errors).toEqual([
      {
        row: 5,
        column: 'Distributor Code',
        value: 'Twin Traders',
        message: '"Twin Traders" is the name of 3 distributors: D004, D005, D006; give the code',
      },
    ]);
    expect(result.created).toEqual({ distributors: [], outlets: [], products: [] });
    expect(
      storedRows(ws, 'sales', result.batch ?? 0).map((r) => [r.doc_no, r.distributor_code, r.outlet_code, r.sku]),
    ).toEqual([
      ['SI/N/1', 'D001', 'O00001', 'SKU-0003'],
      ['SI/N/2', 'D002', 'O00002', 'SKU-0001'],
      ['SI/N/3', 'D006', null, 'SKU-0001'],
    ]);
    expect(result.decisions).toContainEqual({
      field: 'distributor_code',
      decision:
        '2 lines name their distributor instead of giving its code: each is read as the one of that name in the distributors master ("annapurna distributors  (pune)" is D001, "Twin Traders Nagpur" is D006)',
    });
  });

  it('reads a name written with other stops and commas, or after M/s, as the master row of that name', async () => {
    ws.db.prepare("UPDATE distributors SET name = 'Annapurna Distributors Pvt. Ltd.' WHERE code = 'D001'").run();
    ws.db.prepare("UPDATE distributors SET name = 'A.B. Traders' WHERE code = 'D002'").run();
    const rows: FixtureCell[][] = [
      ['SI/P/1', '05-10-2026', 'M/s. Annapurna Distributors Pvt Ltd', null, 'SKU-0001', 1, '100.00'],
      ['SI/P/2', '05-10-2026', 'annapurna distributors, pvt. ltd.', null, 'SKU-0001', 1, '100.00'],
      ['SI/P/3', '05-10-2026', 'A. B. Traders', null, 'SKU-0001', 1, '100.00'],
      // Letters run together are another name.
      ['SI/P/4', '05-10-2026', 'AB Traders', null, 'SKU-0001', 1, '100.00'],
    ];
    const path = writeText(join(dir, 'punctuated.csv'), delimited([header, ...rows]));
    const result = await importFile(ws, path, { kind: 'sales', validOnly: true, dateOrder: 'dmy' });
    expect(result.errors.map((e) => [e.row, e.message])).toEqual([[5, 'unknown distributor "AB Traders"']]);
    expect(storedRows(ws, 'sales', result.batch ?? 0).map((r) => [r.doc_no, r.distributor_code])).toEqual([
      ['SI/P/1', 'D001'],
      ['SI/P/2', 'D001'],
      ['SI/P/3', 'D002'],
    ]);
  });

  it('reads a label of a code and its own name together (NetSuite, SAP "key and text") as that code, and no other pairing', async () => {
    const name = (sql: string) => (ws.db.prepare(sql).get() as { name: string }).name;
    const [d1, d2] = [1, 2].map((i) => name(`SELECT name FROM distributors WHERE code = 'D00${i}'`));
    const [p1, p2] = [1, 2].map((i) => name(`SELECT name FROM products WHERE sku = 'SKU-000${i}'`));
    const rows: FixtureCell[][] = [
      ['SI/L/1', '05-10-2026', `D001 ${d1}`, 'O00001', `SKU-0001 ${p1}`, 1, '100.00'],
      ['SI/L/2', '05-10-2026', `${d2} (D002)`, 'O00002', 'SKU-0002', 1, '100.00'],
      ['SI/L/3', '05-10-2026', `d002 - ${d2?.toLowerCase()}`, null, `${p2}: SKU-0002`, 1, '100.00'],
      // A code beside another's name, or beside a place, names neither.
      ['SI/L/4', '05-10-2026', `D001 ${d2}`, null, 'SKU-0001', 1, '100.00'],
      ['SI/L/5', '05-10-2026', 'D002 (Pune)', null, 'SKU-0001', 1, '100.00'],
    ];
    const path = writeText(join(dir, 'labels.csv'), delimited([header, ...rows]));
    const result = await importFile(ws, path, { kind: 'sales', validOnly: true, dateOrder: 'dmy' });
    expect(result.errors.map((e) => [e.row, e.message])).toEqual([
      [5, `unknown distributor "D001 ${d2}"`],
      [6, 'unknown distributor "D002 (Pune)"'],
    ]);
    expect(storedRows(ws, 'sales', result.batch ?? 0).map((r) => [r.doc_no, r.distributor_code, r.sku])).toEqual([
      ['SI/L/1', 'D001', 'SKU-0001'],
      ['SI/L/2', 'D002', 'SKU-0002'],
      ['SI/L/3', 'D002', 'SKU-0002'],
    ]);
  });

  it('reads a code written in other capitals, or without its leading zeros, as the master code, never a new one', async () => {
    const sap = writeText(
      join(dir, 'sap-customers.csv'),
      delimited([
        ['Customer Code', 'Customer Name'],
        ['0000100234', 'Sahyadri Traders'],
      ]),
    );
    await importFile(ws, sap, { kind: 'distributors' });
    const rows: FixtureCell[][] = [
      ['SI/C/1', '05-10-2026', 'd001', 'o00001', 'sku-0001', 1, '100.00'],
      ['SI/C/2', '05-10-2026', ' D002', 'O00002', 'Sku-0002', 1, '100.00'],
      ['SI/C/3', '05-10-2026', 100234, null, 'SKU-0001', 1, '100.00'],
    ];
    const path = writeText(join(dir, 'cased.csv'), delimited([header, ...rows]));
    const result = await importFile(ws, path, { kind: 'sales', createMissing: true, dateOrder: 'dmy' });
    expect(result.errors).toEqual([]);
    expect(result.created).toEqual({ distributors: [], outlets: [], products: [] });
    expect(storedRows(ws, 'sales', result.batch ?? 0).map((r) => [r.distributor_code, r.outlet_code, r.sku])).toEqual([
      ['D001', 'O00001', 'SKU-0001'],
      ['D002', 'O00002', 'SKU-0002'],
      ['0000100234', null, 'SKU-0001'],
    ]);
    expect(result.decisions).toContainEqual({
      field: 'distributor_code',
      decision:
        '2 lines write their distributor\'s code otherwise than the distributors master (in other capitals, or without its leading zeros, as Excel drops them): each is read as the master\'s code ("d001" is D001, "100234" is 0000100234)',
    });
  });

  it('writes the rejected rows as a workbook with the file’s columns, where each row was and why', async () => {
    const api = createWorkspaceApi(ws);
    const path = writeText(join(dir, 'mixed.csv'), delimited([header, ...good, ...bad]));
    const result = await api.call('import.run', { path, kind: 'sales' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.rejectsFile).toMatch(/mixed\.csv rejected rows\.xlsx$/);
    const rows = await readSheet(result.value.rejectsFile ?? '');
    expect(rows[0]).toEqual([...header, 'Source row', 'Reason']);
    expect(rows).toHaveLength(3);
    expect(rows[2]).toEqual([
      'SI/X/4',
      '07-10-2026',
      'D404',
      'O00001',
      'SKU-0001',
      'two',
      '100.005',
      'mixed.csv / Sheet1 / row 5',
      'Qty: expected a quantity such as 12, 2.5 or 12 Nos; Net Value: expected at most 2 decimals (or choose to round half-up to the paisa: --round); Distributor Code: unknown distributor "D404"',
    ]);
  });

  it('with "valid rows only" lands the good rows and quarantines the rest for fixing', async () => {
    const api = createWorkspaceApi(ws);
    const path = writeText(join(dir, 'mixed.csv'), delimited([header, ...good, ...bad]));
    const result = await api.call('import.run', { path, kind: 'sales', validOnly: true });
    if (!result.ok) throw new Error(result.error.message);
    const batch = result.value.batch ?? 0;
    expect(result.value).toMatchObject({ rows: 3, rejected: 2, totals: { qty: '7.000', net_value: '700.00' } });
    expect(storedRows(ws, 'sales', batch).map((r) => [r.doc_no, r.line_no])).toEqual([
      ['SI/X/1', 1],
      ['SI/X/2', 1],
      ['SI/X/1', 2],
    ]);
    const quarantine = await api.call('import.quarantine', { batch });
    expect(quarantine.ok && quarantine.value.map((q) => [q.row, q.cells[0], q.reasons.length])).toEqual([
      [4, 'SI/X/3', 1],
      [5, 'SI/X/4', 3],
    ]);
    const batches = await api.call('import.batches', {});
    expect(batches.ok && batches.value[0]).toMatchObject({ id: batch, rowsRead: 5, rowsImported: 3, rowsRejected: 2 });

    // Later, from the import history: the quarantine as a workbook under the file's own header.
    const workbook = await api.call('import.quarantineWorkbook', { batch });
    if (!workbook.ok) throw new Error(workbook.error.message);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(workbook.value.path);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(1).values).toEqual([undefined, ...header, 'Source row', 'Reason']);
    expect(sheet?.getRow(2).getCell(1).value).toBe('SI/X/3');
    expect(sheet?.getRow(3).getCell(9).value).toMatch(/unknown distributor "D404"/);
    expect(sheet?.rowCount).toBe(3);
    expect(await api.call('import.quarantineWorkbook', { batch: 9999 })).toMatchObject({ ok: false });
  });

  it('tells what rounding did to the rows it imported, not to the rows it refused', async () => {
    const rows = [
      ['SI/R/1', '15-10-2026', 'D001', 'O00001', 'SKU-0001', 1, '100.005'],
      ['SI/R/2', '15-10-2026', 'D001', 'O00001', 'SKU-0001', 1, '200.10'],
      ['SI/R/3', '15-10-2026', 'D404', 'O00001', 'SKU-0001', 1, '300.015'],
    ];
    const path = writeText(join(dir, 'rounding.csv'), delimited([header, ...rows]));
    const result = await importFile(ws, path, { kind: 'sales', round: true, validOnly: true });
    expect(result).toMatchObject({ rows: 2, rejected: 1, totals: { net_value: '300.11' } });
    expect(result.decisions.find((d) => d.field === 'net_value')?.decision).toBe(
      'Net value: 1 values rounded half-up to the paisa, as chosen; the total as written, 300.105, is imported as 300.11',
    );
  });

  it("reads a formula's amount in a workbook as Excel holds it, to 15 digits, before rounding it", async () => {
    // 1.25 × 1.18 is saved as 1.4749999999999999: Excel shows, adds and rounds 1.475, so 1.48.
    const day = new Date(Date.UTC(2026, 9, 15));
    const rows = [
      ['SI/F/1', day, 'D001', 'O00001', 'SKU-0001', 1, 1.25 * 1.18],
      ['SI/F/2', day, 'D001', 'O00001', 'SKU-0001', 1, 10.25 * 1.18],
      ['SI/F/3', day, 'D001', 'O00001', 'SKU-0001', 1, 0.1 + 0.2],
    ];
    const path = join(dir, 'formulas.xlsx');
    await writeXlsx(path, [{ name: 'Sales', rows: [header, ...rows] }]);
    const refused = await importFile(ws, path, { kind: 'sales' });
    expect(refused.errors.map((e) => [e.row, e.value])).toEqual([
      [2, '1.475'],
      [3, '12.095'],
    ]);
    const result = await importFile(ws, path, { kind: 'sales', round: true });
    expect(result.decisions.find((d) => d.field === 'net_value')?.decision).toBe(
      'Net value: 2 values rounded half-up to the paisa, as chosen; the total as written, 13.87, is imported as 13.88',
    );
    expect(
      ws.db.prepare("SELECT doc_no, net_value FROM sales WHERE doc_no LIKE 'SI/F/%' ORDER BY doc_no").all(),
    ).toEqual([
      { doc_no: 'SI/F/1', net_value: 148 },
      { doc_no: 'SI/F/2', net_value: 1210 },
      { doc_no: 'SI/F/3', net_value: 30 },
    ]);
  });

  it('creates missing masters only when asked, and lists what it creates', async () => {
    const rows = [header, ['SI/N/1', '05-10-2026', 'D777', 'O77777', 'SKU-7777', 1, '10.00']];
    const path = writeText(join(dir, 'new.csv'), delimited(rows));
    const refused = await importFile(ws, path, { kind: 'sales', dateOrder: 'dmy' });
    expect(refused.errors.map((e) => e.message)).toEqual([
      'unknown distributor "D777"',
      'unknown outlet "O77777"',
      'unknown product "SKU-7777"',
    ]);
    const dry = await importFile(ws, path, { kind: 'sales', createMissing: true, dryRun: true, dateOrder: 'dmy' });
    expect(dry).toMatchObject({
      batch: null,
      created: { distributors: ['D777'], outlets: ['O77777'], products: ['SKU-7777'] },
    });
    expect(ws.db.prepare("SELECT count(*) AS n FROM distributors WHERE code = 'D777'").get()).toEqual({ n: 0 });
    const done = await importFile(ws, path, { kind: 'sales', createMissing: true, dateOrder: 'dmy' });
    expect(done.batch).not.toBeNull();
    expect(ws.db.prepare("SELECT distributor_code FROM outlets WHERE code = 'O77777'").get()).toEqual({
      distributor_code: 'D777',
    });
  });

  it('creates nothing for a row refused for something else, and names only what is wrong with it', async () => {
    const rows = [
      header,
      ['SI/N/2', '05-10-2026', 'D778', 'O77778', 'SKU-7778', 1, '10.005'],
      ['SI/N/3', '05-10-2026', 'D779', 'O77779', 'SKU-7779', 1, '12.00'],
    ];
    const path = writeText(join(dir, 'new-refused.csv'), delimited(rows));
    const result = await importFile(ws, path, {
      kind: 'sales',
      createMissing: true,
      validOnly: true,
      dateOrder: 'dmy',
    });
    expect(result.errors).toEqual([
      {
        row: 2,
        column: 'Net Value',
        value: '10.005',
        message: 'expected at most 2 decimals (or choose to round half-up to the paisa: --round)',
      },
    ]);
    expect(result.created).toEqual({ distributors: ['D779'], outlets: ['O77779'], products: ['SKU-7779'] });
    expect(ws.db.prepare("SELECT count(*) AS n FROM distributors WHERE code = 'D778'").get()).toEqual({ n: 0 });
  });

  it('finds a document another import stored in another order of its lines, where the import numbers them', async () => {
    const columns = ['Invoice No', 'Invoice Date', 'Distributor Code', 'SKU', 'Qty', 'Net Value'];
    const lines = [
      ['RE/1', '05-10-2026', 'D001', 'SKU-0001', 10, '1000.00'],
      ['RE/1', '05-10-2026', 'D001', 'SKU-0002', 5, '500.00'],
      ['RE/2', '06-10-2026', 'D001', 'SKU-0001', 1, '100.00'],
    ];
    const first = await importFile(ws, writeText(join(dir, 'by invoice.csv'), delimited([columns, ...lines])), {
      kind: 'sales',
    });
    expect(first.rows).toBe(3);
    // The same invoices exported again sorted by item, with a new one: RE/1's lines get each other's numbers.
    const [a, b, c] = lines as [FixtureCell[], FixtureCell[], FixtureCell[]];
    const byItem = [a, c, b, ['RE/3', '07-10-2026', 'D001', 'SKU-0002', 2, '200.00']];
    const again = await importFile(ws, writeText(join(dir, 'by item.csv'), delimited([columns, ...byItem])), {
      kind: 'sales',
      validOnly: true,
    });
    expect(again.errors.map((e) => [e.row, e.message])).toEqual([
      [2, `already imported in batch ${first.batch}`],
      [3, `already imported in batch ${first.batch}`],
      [4, `already imported in batch ${first.batch}`],
    ]);
    expect(again.rows).toBe(1);
    const stored = ws.db.prepare("SELECT doc_no, count(*) AS n FROM sales WHERE doc_no LIKE 'RE/%' GROUP BY doc_no");
    expect(stored.all()).toEqual([
      { doc_no: 'RE/1', n: 2 },
      { doc_no: 'RE/2', n: 1 },
      { doc_no: 'RE/3', n: 1 },
    ]);
  });

  it('refuses a column mapped to, or a value given for, what is no field of the file', async () => {
    const path = writeText(join(dir, 'fields.csv'), delimited([header, ...good]));
    const fields =
      "a sales file's fields are doc_type, doc_no, doc_date, line_no, distributor_code, outlet_code, sku, qty, gross_value, discount, net_value, tax, against_doc_no, round_off";
    await expect(importFile(ws, path, { kind: 'sales', map: { discout: 'Net Value' } })).rejects.toThrow(
      `fields.csv: no column can be mapped to "discout": ${fields}`,
    );
    await expect(
      importFile(ws, path, { kind: 'sales', defaults: { gst_type: 'GST 18%', tax_rate: '18' } }),
    ).rejects.toThrow(`fields.csv: no value can be given for "gst_type", "tax_rate": ${fields}`);
    expect(ws.db.prepare("SELECT count(*) AS n FROM sales WHERE doc_no LIKE 'SI/X/%'").get()).toEqual({ n: 0 });
  });

  it('refuses the same file twice, replaces it on request, and rolls a batch back', async () => {
    const path = writeText(join(dir, 'sales.csv'), delimited([header, ...good]));
    const first = await importFile(ws, path, { kind: 'sales' });
    await expect(importFile(ws, path, { kind: 'sales' })).rejects.toThrow(ImportRefusedError);
    await expect(importFile(ws, path, { kind: 'sales' })).rejects.toThrow(`already imported as batch ${first.batch}`);

    const again = await importFile(ws, path, { kind: 'sales', replace: true });
    expect(again.batch).not.toBe(first.batch);
    expect(ws.db.prepare("SELECT count(*) AS n FROM sales WHERE doc_no LIKE 'SI/X/%'").get()).toEqual({ n: 2 });
    expect(ws.db.prepare('SELECT status FROM import_batches WHERE id = ?').get(first.batch)).toEqual({
      status: 'rolled_back',
    });

    // Another file with the same lines is a duplicate of the earlier import, row by row.
    const copy = writeText(join(dir, 'copy.csv'), `${delimited([header, ...good])}\r\n`);
    const duplicate = await importFile(ws, copy, { kind: 'sales' });
    expect(duplicate.errors.map((e) => e.message)).toEqual([
      `already imported in batch ${again.batch}`,
      `already imported in batch ${again.batch}`,
    ]);

    expect(rollBackBatch(ws.db, again.batch ?? 0, 'tester')).toEqual({
      batch: again.batch,
      rowsRemoved: 2,
      mastersRestored: 0,
    });
    expect(ws.db.prepare("SELECT count(*) AS n FROM sales WHERE doc_no LIKE 'SI/X/%'").get()).toEqual({ n: 0 });
    expect((await importFile(ws, path, { kind: 'sales' })).batch).not.toBeNull();
  });

  it('imports a workbook of one sheet a month sheet by sheet, and refuses a sheet it already holds', async () => {
    const path = join(dir, 'by month.xlsx');
    await writeXlsx(path, [
      { name: 'Oct', rows: [header, good[0] as FixtureCell[]] },
      { name: 'Nov', rows: [header, ['SI/X/9', '04-11-2026', 'D002', 'O00002', 'SKU-0002', 3, '300.00']] },
    ]);
    const october = await importFile(ws, path, { kind: 'sales', sheet: 'Oct', dateOrder: 'dmy' });
    const november = await importFile(ws, path, { kind: 'sales', sheet: 'Nov', dateOrder: 'dmy' });
    expect([october.rows, november.rows]).toEqual([1, 1]);
    await expect(importFile(ws, path, { kind: 'sales', sheet: 'Nov', dateOrder: 'dmy' })).rejects.toThrow(
      `by month.xlsx (sheet "Nov") was already imported as batch ${november.batch}`,
    );
    const replaced = await importFile(ws, path, { kind: 'sales', sheet: 'Nov', dateOrder: 'dmy', replace: true });
    // Replacing November leaves October standing.
    const status = ws.db.prepare('SELECT status FROM import_batches WHERE id = ?').pluck();
    expect([status.get(october.batch), status.get(november.batch), status.get(replaced.batch)]).toEqual([
      'imported',
      'rolled_back',
      'imported',
    ]);
  });

  it('says which column it reads where a header heads two, and reads the same one when the header is mapped', async () => {
    const path = writeText(
      join(dir, 'twice.csv'),
      delimited([
        ['Invoice No', 'Invoice Date', 'Distributor Code', 'Outlet Code', 'SKU', 'Qty', 'Net Value', 'Net Value'],
        ['SI/T/1', '05-10-2026', 'D001', 'O00001', 'SKU-0001', 2, '150.00', '300.00'],
      ]),
    );
    const warning =
      '"Net Value" heads 2 columns (columns 7, 8): column 7 is read as Net value; if another is meant, rename the columns in the file and import it again';
    for (const map of [{}, { net_value: 'Net Value' }] as Record<string, string>[]) {
      const r = await importFile(ws, path, { kind: 'sales', dateOrder: 'dmy', dryRun: true, map });
      expect([r.warnings, r.totals.net_value]).toEqual([[warning], '150.00']);
    }
  });

  it('reads, from the mapping the dialog sends back, the one of two columns of a header that the proposal read', async () => {
    const path = writeText(
      join(dir, 'twice-blank.csv'),
      delimited([
        ['Invoice No', 'Invoice Date', 'Distributor Code', 'Outlet Code', 'SKU', 'Qty', 'Net Value', 'Net Value'],
        ['SI/T/2', '05-10-2026', 'D001', 'O00001', 'SKU-0001', 2, null, '150.00'],
        ['SI/T/3', '06-10-2026', 'D001', 'O00001', 'SKU-0001', 1, null, '250.00'],
      ]),
    );
    const preview = await inspectFile(ws.db, { path, kind: 'sales', dateOrder: 'dmy', locale: 'en-IN' });
    const sentBack = await importFile(ws, path, {
      kind: 'sales',
      dateOrder: 'dmy',
      dryRun: true,
      mapping: preview.mapping,
    });
    expect([sentBack.rejected, sentBack.totals.net_value]).toEqual([0, '400.00']);
  });

  it("reads a web system's moments in UTC as the days they fall on on this computer", async () => {
    const path = writeText(
      join(dir, 'dms-api.csv'),
      delimited([
        header,
        ['SI/Z/1', '2026-10-06T18:30:00.000Z', 'D001', 'O00001', 'SKU-0001', 2, '200.00'],
        ['SI/Z/2', '2026-10-05T00:00:00.000Z', 'D001', 'O00001', 'SKU-0001', 1, '100.00'],
      ]),
    );
    const before = process.env.TZ;
    process.env.TZ = 'Asia/Kolkata';
    try {
      const r = await importFile(ws, path, { kind: 'sales' });
      expect(r.errors).toEqual([]);
      // ICU names the zone Asia/Calcutta or Asia/Kolkata, by its version.
      expect(r.decisions.map((d) => d.decision)).toContainEqual(
        expect.stringMatching(
          /^Dates are written as moments with their time zone: each is read as the day it falls on in this computer's time zone, Asia\/(Calcutta|Kolkata)$/,
        ),
      );
      expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.doc_date])).toEqual([
        ['SI/Z/1', '2026-10-07'],
        ['SI/Z/2', '2026-10-05'],
      ]);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('imports the rows a workbook hides with the others, and warns that nobody saw them', async () => {
    const path = join(dir, 'filtered.xlsx');
    await writeXlsx(path, [{ name: 'Sales', rows: [header, ...good], hidden: [3] }]);
    const r = await importFile(ws, path, { kind: 'sales', dateOrder: 'dmy' });
    expect(r.rows).toBe(2);
    expect(r.warnings).toEqual([
      '1 row hidden in the workbook was imported with the others (row 3): Excel does not show them (filtered out, or hidden by hand), so whoever checked the file did not see them',
    ]);
  });

  it('warns where a column the import reads is hidden in the workbook, and not of one it leaves', async () => {
    // The amounts Excel shows (Amount) beside those it hides (Net Value), which the import reads.
    const path = join(dir, 'hidden column.xlsx');
    const rows = [[...header, 'Amount', 'Remarks'], ...good.map((line) => [...line, line[6] ?? null, 'checked'])];
    await writeXlsx(path, [{ name: 'Sales', rows, hiddenColumns: [4, 7, 9] }]);
    const r = await importFile(ws, path, { kind: 'sales', dateOrder: 'dmy' });
    expect(r.rows).toBe(2);
    expect(r.warnings).toEqual([
      '"Outlet Code", "Net Value" are columns hidden in the workbook, and the import reads them: Excel does not show them, so whoever checked the file did not see their values',
    ]);
    rollBackBatch(ws.db, r.batch ?? 0, 'tester');
  });

  it('reads the sheet a workbook shows before one it hides, and warns when only a hidden one has the lines', async () => {
    const path = join(dir, 'with-old-month.xlsx');
    const old = [header, ['SI/OLD/1', '05-09-2026', 'D001', 'O00001', 'SKU-0001', 9, '999.00']];
    await writeXlsx(path, [
      { name: 'September', rows: old, hiddenSheet: true },
      { name: 'October', rows: [header, ...good] },
    ]);
    const r = await importFile(ws, path, { kind: 'sales', dateOrder: 'dmy' });
    expect(r).toMatchObject({ sheet: 'October', rows: 2, warnings: [] });
    expect((await inspectFile(ws.db, { path, kind: 'sales', locale: 'en-IN' })).sheets).toEqual([
      { name: 'September', qualifies: true, hidden: true },
      { name: 'October', qualifies: true, hidden: false },
    ]);
    rollBackBatch(ws.db, r.batch ?? 0, 'tester');

    const only = join(dir, 'only-hidden.xlsx');
    await writeXlsx(only, [
      { name: 'Summary', rows: [['Total sales'], ['1,234.50']] },
      { name: 'Data', rows: [header, ...good], hiddenSheet: true },
    ]);
    const hidden = await importFile(ws, only, { kind: 'sales', dateOrder: 'dmy' });
    expect(hidden).toMatchObject({ sheet: 'Data', rows: 2 });
    expect(hidden.warnings).toEqual([
      'Sheet "Data" is hidden in the workbook: Excel shows no tab for it, so whoever checked the file may never have seen these lines (it was read as no sheet shown has sales columns)',
    ]);
  });

  it('refuses to roll back masters that other imports still use', async () => {
    const masters = writeText(
      join(dir, 'd.csv'),
      delimited([
        ['Customer Code', 'Customer Name'],
        ['D555', 'New Dist'],
      ]),
    );
    const m = await importFile(ws, masters, { kind: 'distributors' });
    const sales = writeText(
      join(dir, 's.csv'),
      delimited([header, ['SI/Y/1', '05-10-2026', 'D555', null, 'SKU-0001', 1, '1.00']]),
    );
    const s = await importFile(ws, sales, { kind: 'sales', dateOrder: 'dmy' });
    expect(() => rollBackBatch(ws.db, m.batch ?? 0, 'tester')).toThrow(
      `used by rows of other imports (batch ${s.batch})`,
    );
    rollBackBatch(ws.db, s.batch ?? 0, 'tester');
    expect(rollBackBatch(ws.db, m.batch ?? 0, 'tester').rowsRemoved).toBe(1);
  });

  it('normalizes credit notes by document type, return flag or negative amount to negative stored values', async () => {
    const rows = [
      ['Invoice No', 'Invoice Date', 'Distributor Code', 'SKU', 'Qty', 'Net Value', 'Document Type', 'Is Return'],
      ['A', '01-10-2026', 'D001', 'SKU-0001', 1, '10.00', 'Credit Note', null],
      ['B', '01-10-2026', 'D001', 'SKU-0001', 1, '10.00', null, 'Yes'],
      ['C', '01-10-2026', 'D001', 'SKU-0001', -1, '-10.00', null, null],
      ['D', '01-10-2026', 'D001', 'SKU-0001', 1, '10.00', 'Sales Invoice', null],
    ];
    const result = await importFile(ws, writeText(join(dir, 'cn.csv'), delimited(rows)), {
      kind: 'sales',
      dateOrder: 'dmy',
    });
    expect(storedRows(ws, 'sales', result.batch ?? 0).map((r) => [r.doc_no, r.doc_type, r.qty, r.net_value])).toEqual([
      ['A', 'credit_note', -1000, -1000],
      ['B', 'credit_note', -1000, -1000],
      ['C', 'credit_note', -1000, -1000],
      ['D', 'invoice', 1000, 1000],
    ]);
    expect(result.totals).toEqual({ qty: '-2.000', net_value: '-20.00' });
  });

  it('proposes a saved mapping again when a file with the same header row comes', async () => {
    const api = createWorkspaceApi(ws);
    const odd = ['Ref', 'When', 'Who', 'What', 'How many', 'Worth'];
    const path = writeText(join(dir, 'odd.csv'), delimited([odd, ['Q1', '05-10-2026', 'D001', 'SKU-0001', 1, '5.00']]));
    const first = await api.call('import.inspect', { path, kind: 'sales' });
    // No header names a field: the party and the item are found by the values the masters know
    // (known-columns.ts), and with an item the quantity is asked for.
    expect(first.ok && first.value.mapping).toMatchObject({ distributor_code: 'Who', sku: 'What' });
    expect(first.ok && first.value.unmappedRequired).toEqual(['doc_no', 'doc_date', 'qty', 'net_value']);
    const mapping = {
      doc_no: 'Ref',
      doc_date: 'When',
      distributor_code: 'Who',
      sku: 'What',
      qty: 'How many',
      net_value: 'Worth',
    };
    await api.call('mappings.save', { name: 'Odd DMS', kind: 'sales', headers: odd, mapping });
    const next = writeText(
      join(dir, 'odd-2.csv'),
      delimited([odd, ['Q2', '06-10-2026', 'D002', 'SKU-0002', 2, '6.00']]),
    );
    const again = await api.call('import.inspect', { path: next, kind: 'sales' });
    expect(again.ok && again.value).toMatchObject({ profile: 'Odd DMS', mapping, unmappedRequired: [] });
    const imported = await api.call('import.run', { path: next, kind: 'sales', dateOrder: 'dmy' });
    expect(imported.ok && imported.value.rows).toBe(1);
  });

  it('signs amounts by a Dr/Cr column and by Dr/Cr suffixes, exactly', async () => {
    const rows = [
      ['Ledger Code', 'Bill No', 'Bill Date', 'Pending Amount', 'Dr/Cr', 'As On'],
      ['D001', 'B/1', '1-Sep-26', '₹1,00,000.00', 'Dr', '31-Oct-26'],
      ['D001', 'B/2', '2-Sep-26', '250.50', 'Cr', '31-Oct-26'],
      ['D002', 'B/3', '3-Sep-26', 'Rs. 1,234.56 Cr', null, '31-Oct-26'],
      ['D002', 'B/4', '4-Sep-26', '(10.00)', null, '31-Oct-26'],
    ];
    const result = await importFile(ws, writeText(join(dir, 'ledger.csv'), delimited(rows)), { kind: 'receivables' });
    expect(result.errors).toEqual([]);
    expect(storedRows(ws, 'receivables', result.batch ?? 0).map((r) => [r.doc_no, r.doc_date, r.outstanding])).toEqual([
      ['B/1', '2026-09-01', 10000000],
      ['B/2', '2026-09-02', -25050],
      ['B/3', '2026-09-03', -123456],
      ['B/4', '2026-09-04', -1000],
    ]);
    // 1,00,000.00 − 250.50 − 1,234.56 − 10.00 = 98,504.94
    expect(result.totals).toEqual({ outstanding: '98504.94' });
  });

  it("signs a workbook's amounts by the Dr or Cr their number format writes, as Excel shows them", async () => {
    // A ledger's balances as numbers, each side in its cell's format: a positive 250.50 shown "250.50 Cr"
    // is a credit, as the text would be; a signed number under a format of both sides, by its sign.
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Outstanding');
    sheet.addRow(['Ledger Code', 'Bill No', 'Bill Date', 'Pending Amount', 'As On']);
    const bills: [string, string, number, string][] = [
      ['D001', 'B/1', 100000, '""#,##0.00" Dr"'],
      ['D001', 'B/2', 250.5, '""#,##0.00" Cr"'],
      ['D002', 'B/3', -1234.56, '#,##0.00" Dr";#,##0.00" Cr"'],
      ['D002', 'B/4', 10, '#,##0.00" Dr";#,##0.00" Cr"'],
      ['D002', 'B/5', 20, '#,##0.00'],
    ];
    bills.forEach(([party, bill, amount, format], i) => {
      sheet.addRow([party, bill, `${i + 1}-Sep-26`, amount, '31-Oct-26']).getCell(4).numFmt = format;
    });
    const path = join(dir, 'outstanding.xlsx');
    await book.xlsx.writeFile(path);
    const result = await importFile(ws, path, { kind: 'receivables' });
    expect(result.errors).toEqual([]);
    expect(storedRows(ws, 'receivables', result.batch ?? 0).map((r) => [r.doc_no, r.outstanding])).toEqual([
      ['B/1', 10000000],
      ['B/2', -25050],
      ['B/3', -123456],
      ['B/4', 1000],
      ['B/5', 2000],
    ]);
    // 1,00,000.00 − 250.50 − 1,234.56 + 10.00 + 20.00
    expect(result.totals).toEqual({ outstanding: '98544.94' });
  });

  it('reads a Dr/Cr column as the side of the party it names: a receipt credits it, and a signed amount by its size', async () => {
    // SAP's customer line items sign each amount and name its side (S debit, H credit).
    const items = [
      ['Customer', 'Document Number', 'Document Date', 'Amount in local currency', 'Debit/Credit ind', 'As On'],
      ['D001', 'B/1', '1-Sep-26', '100.00', 'S', '31-Oct-26'],
      ['D001', 'B/2', '2-Sep-26', '-50.00', 'H', '31-Oct-26'],
    ];
    const owed = await importFile(ws, writeText(join(dir, 'line items.csv'), delimited(items)), {
      kind: 'receivables',
    });
    expect(owed.errors).toEqual([]);
    expect(storedRows(ws, 'receivables', owed.batch ?? 0).map((r) => [r.doc_no, r.outstanding])).toEqual([
      ['B/1', 10000],
      ['B/2', -5000],
    ]);
    const bill = await importFile(
      ws,
      writeText(
        join(dir, 'bill.csv'),
        delimited([
          ['Invoice No', 'Invoice Date', 'Distributor Code', 'SKU', 'Qty', 'Net Value'],
          ['PB/1', '2026-10-02', 'D001', 'SKU-0001', 1, '100.00'],
        ]),
      ),
      { kind: 'sales' },
    );
    expect(bill.errors).toEqual([]);
    const receipts = [
      ['Voucher Type', 'Receipt No', 'Receipt Date', 'Distributor Code', 'Against Invoice', 'Amount', 'Dr/Cr'],
      ['Receipt', 'RV-1', '05-10-2026', 'D001', 'PB/1', '100.00', 'Cr'],
      ['Receipt', 'RV-2', '06-10-2026', 'D002', null, '-40.00', 'H'],
      ['Cheque Bounce', 'CB-1', '09-10-2026', 'D001', 'PB/1', '100.00', 'Dr'],
      // No side in the column: the amount's own, as a ledger writes it.
      ['Receipt', 'RV-3', '07-10-2026', 'D002', null, '25.00 Cr', null],
    ];
    const paid = await importFile(ws, writeText(join(dir, 'receipts dr cr.csv'), delimited(receipts)), {
      kind: 'payments',
    });
    expect(paid.errors).toEqual([]);
    expect(storedRows(ws, 'payments', paid.batch ?? 0).map((r) => [r.receipt_no, r.amount])).toEqual([
      ['RV-1', 10000],
      ['RV-2', 4000],
      ['CB-1', -10000],
      ['RV-3', 2500],
    ]);
    expect(paid.totals).toEqual({ amount: '65.00' });
  });
});
