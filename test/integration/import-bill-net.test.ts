import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { inspectFile } from '../../main/import/inspect';
import type { Workspace } from '../../main/workspace';
import { octoberBills } from '../support/early-payment';
import { delimited, writeText } from '../support/files';
import { importFile, storedRows } from '../support/import';
import { demoWorkspacePerTest } from '../support/workspace';

const workspaces = demoWorkspacePerTest();
let ws: Workspace;
let dir: string;
beforeEach(() => {
  ({ ws, dir } = workspaces.current());
});

/** An import's lines: document, product, net value, tax (paise). */
const stored = (batch: number | null) =>
  storedRows(ws, 'sales', batch ?? 0).map((r) => [r.doc_no, r.sku, r.net_value, r.tax]);

const file = (name: string, rows: (string | null)[][]) => writeText(join(dir, name), delimited(rows));

/** A DMS's sales register: each line's taxable amount, and its bill's amount with tax on each of its lines. */
const register = [
  ['Invoice No', 'Invoice Date', 'Party Code', 'Item Code', 'Qty', 'Taxable Amount', 'Net Amount'],
  // 1,000.00 + 500.00 + 250.00 at 18 %: 2,065.00 on each of its three lines.
  ['S-1', '2026-10-03', 'D001', 'SKU-0001', '10', '1000.00', '2065.00'],
  ['S-1', '2026-10-03', 'D001', 'SKU-0002', '5', '500.00', '2065.00'],
  ['S-1', '2026-10-03', 'D001', 'SKU-0001', '2', '250.00', '2065.00'],
  ['S-2', '2026-10-04', 'D002', 'SKU-0001', '1', '100.00', '118.00'],
  // 300.00 at 18 % and 200.00 at 12 %: 578.00.
  ['S-3', '2026-10-05', 'D002', 'SKU-0002', '3', '300.00', '578.00'],
  ['S-3', '2026-10-05', 'D002', 'SKU-0001', '2', '200.00', '578.00'],
  ['S-4', '2026-10-06', 'D001', 'SKU-0001', '1', '100.00', '118.00'],
];

describe("a bill's amount written on each of its lines, proposed as the net value", () => {
  it("reads each line's taxable amount as its net value, and the bill's tax from its amount, once a bill", async () => {
    const r = await importFile(ws, file('dms-register.csv', register), { kind: 'sales' });
    expect(r.errors).toEqual([]);
    // Read once a line, S-1's 2,065.00 had been three lines' sales: 6,195.00 for 1,750.00 sold.
    expect(stored(r.batch)).toEqual([
      ['S-1', 'SKU-0001', 100_000, 18_000],
      ['S-1', 'SKU-0002', 50_000, 9_000],
      ['S-1', 'SKU-0001', 25_000, 4_500],
      ['S-2', 'SKU-0001', 10_000, 1_800],
      // The bill's 78.00 spread by the lines' values: 46.80 and 31.20.
      ['S-3', 'SKU-0002', 30_000, 4_680],
      ['S-3', 'SKU-0001', 20_000, 3_120],
      ['S-4', 'SKU-0001', 10_000, 1_800],
    ]);
    expect(r.totals).toMatchObject({ net_value: '2450.00', tax: '429.00' });
    expect(r.decisions.map((d) => d.decision)).toContain(
      '"Net Amount" is each bill\'s amount, written the same on each of its lines (S-1: 2065.00 on each of its 3 lines), which read as each line\'s would count a bill as many times as it has lines: "Taxable Amount" is each line\'s net value, the lines of each bill read adding up to "Net Amount" less its tax',
    );
    expect(octoberBills(ws)).toMatchObject({ 'S-1': 2065, 'S-2': 118, 'S-3': 578, 'S-4': 118 });
  });

  it("leaves out a bill's net amount the lines add up to, each line read at its own", async () => {
    const r = await importFile(
      ws,
      file('bill-net.csv', [
        ['Bill No', 'Bill Date', 'Party Code', 'Item Code', 'Qty', 'Amount', 'Net Value'],
        ['B-1', '2026-10-03', 'D001', 'SKU-0001', '10', '1000.00', '1250.00'],
        ['B-1', '2026-10-03', 'D001', 'SKU-0002', '5', '250.00', '1250.00'],
        ['B-2', '2026-10-04', 'D002', 'SKU-0002', '1', '40.00', '100.00'],
        ['B-2', '2026-10-04', 'D002', 'SKU-0001', '3', '60.00', '100.00'],
        ['B-3', '2026-10-05', 'D001', 'SKU-0001', '1', '100.00', '100.00'],
      ]),
      { kind: 'sales' },
    );
    expect(r.errors).toEqual([]);
    expect(stored(r.batch).map(([doc, , net]) => [doc, net])).toEqual([
      ['B-1', 100_000],
      ['B-1', 25_000],
      ['B-2', 4_000],
      ['B-2', 6_000],
      ['B-3', 10_000],
    ]);
    expect(r.totals.net_value).toBe('1450.00');
    expect(r.decisions.map((d) => d.decision)).toContainEqual(
      expect.stringMatching(/"Amount" is each line's net value, .* adding up to "Net Value", which is not imported$/),
    );
  });

  it("refuses a file whose only amount is each bill's, storing nothing, and reads it as the user maps it", async () => {
    const path = file(
      'bill-only.csv',
      register.map((row) => row.filter((_, c) => c !== 5)),
    );
    await expect(importFile(ws, path, { kind: 'sales' })).rejects.toThrow(
      'bill-only.csv: "Net Amount" is each bill\'s amount, written the same on each of its lines (S-1: 2065.00 on each of its 3 lines), which read as each line\'s would count a bill as many times as it has lines, and no column is each line\'s own amount (a net or taxable value whose lines add up to it). Map the column of each line\'s own amount as Net value (--map net_value=HEADER), or, where "Net Amount" is each line\'s own after all, map it so yourself (--map net_value="Net Amount").',
    );
    expect(ws.db.prepare("SELECT count(*) AS n FROM sales WHERE doc_no LIKE 'S-%'").get()).toEqual({ n: 0 });
    // The dialog says why before the import.
    const preview = await inspectFile(ws.db, { path, kind: 'sales', locale: 'en-IN' });
    expect(preview.decisions).toContainEqual(
      expect.stringMatching(/^"Net Amount" is each bill's amount, .* no column is each line's own amount/),
    );
    const mapped = await importFile(ws, path, { kind: 'sales', map: { net_value: 'Net Amount' } });
    expect(mapped.totals.net_value).toBe('7587.00');
  });

  it('reads as written the lines of one bill that happen to write the same amount, or repeat one line', async () => {
    const r = await importFile(
      ws,
      file('same-amounts.csv', [
        ['Bill No', 'Bill Date', 'Party Code', 'Item Code', 'Qty', 'Net Amount'],
        // 10 at 50.00 and 5 at 100.00: one bill of two lines, each 500.00.
        ['B-1', '2026-10-03', 'D001', 'SKU-0001', '10', '500.00'],
        ['B-1', '2026-10-03', 'D001', 'SKU-0002', '5', '500.00'],
        // One line written twice, as a bill may bill it.
        ['B-2', '2026-10-04', 'D002', 'SKU-0001', '2', '100.00'],
        ['B-2', '2026-10-04', 'D002', 'SKU-0001', '2', '100.00'],
        ['B-2', '2026-10-04', 'D002', 'SKU-0001', '2', '100.00'],
        ['B-3', '2026-10-05', 'D001', 'SKU-0002', '1', '75.00'],
        ['B-3', '2026-10-05', 'D001', 'SKU-0001', '4', '20.00'],
      ]),
      { kind: 'sales' },
    );
    expect(r.errors).toEqual([]);
    expect(r.totals.net_value).toBe('1395.00');
    expect(r.decisions.map((d) => d.decision).join('\n')).not.toContain("each bill's amount");
  });

  it('refuses a file whose later bills, past the first rows, write their amount on each line, and not one where few do', async () => {
    const header = ['Bill No', 'Bill Date', 'Party Code', 'Item Code', 'Qty', 'Net Amount'];
    // More bills of one line each than the first rows hold, so nothing there tells the amount apart.
    const single = Array.from({ length: 600 }, (_, i) => [`B${i}`, '2026-10-05', 'D001', 'SKU-0001', '2', '100.00']);
    const bill = (no: string, amounts: readonly string[]) =>
      amounts.map((amount, i) => [no, '2026-10-06', 'D002', i % 2 ? 'SKU-0002' : 'SKU-0001', String(i + 1), amount]);
    const batches = () => ws.db.prepare('SELECT count(*) AS n FROM import_batches').pluck().get();
    const before = batches();
    const rows = [
      header,
      ...single,
      ...bill('C1', ['450.00', '450.00']),
      ...bill('C2', ['900.00', '900.00', '900.00']),
    ];
    await expect(
      importFile(ws, file('later.csv', [...rows, ...bill('C3', ['50.00', '70.00'])]), { kind: 'sales' }),
    ).rejects.toThrow(
      "later.csv: \"Net Amount\" was read as each line's net value, the first rows showing nothing else, but 2 of the 3 bills whose lines differ in quantity write one amount on each of their lines, as a bill's amount would be (the first, C1, rows 602–603: 450.00 on each of its 2 lines), which read as each line's would count a bill as many times as it has lines.",
    );
    expect(batches()).toBe(before);
    // One bill of two such lines among others of their own: a price that happens to give one amount.
    const own = [...bill('C3', ['50.00', '70.00']), ...bill('C4', ['10.00', '30.00', '20.00'])];
    const r = await importFile(
      ws,
      file('later-own.csv', [header, ...single, ...bill('C1', ['450.00', '450.00']), ...own]),
      {
        kind: 'sales',
      },
    );
    expect(r.errors).toEqual([]);
    expect(r.totals.net_value).toBe('61080.00');
  });

  it("reads a bill's amount with tax beside the taxable value where most bills have one line, its tax from it", async () => {
    const one = (n: number) => [`N-${n}`, '2026-10-05', 'D001', 'SKU-0001', '1', `${n}00.00`, `${n * 118}.00`];
    const r = await importFile(
      ws,
      file('mostly-one-line.csv', [
        ['Invoice No', 'Invoice Date', 'Party Code', 'Item Code', 'Qty', 'Taxable Amount', 'Net Amount'],
        ...Array.from({ length: 12 }, (_, i) => one(i + 1)),
        // One bill of two lines: 1,500.00 at 18 %, 1,770.00 on each.
        ['N-99', '2026-10-06', 'D002', 'SKU-0001', '1', '1000.00', '1770.00'],
        ['N-99', '2026-10-06', 'D002', 'SKU-0002', '2', '500.00', '1770.00'],
      ]),
      { kind: 'sales' },
    );
    expect(r.errors).toEqual([]);
    expect(stored(r.batch).slice(-3)).toEqual([
      ['N-12', 'SKU-0001', 120_000, 21_600],
      ['N-99', 'SKU-0001', 100_000, 18_000],
      ['N-99', 'SKU-0002', 50_000, 9_000],
    ]);
    // Read as each line's amount with its tax, N-99's was no line's, and no bill kept any tax.
    expect(r.totals).toMatchObject({ net_value: '9300.00', tax: '1674.00' });
    expect(octoberBills(ws)).toMatchObject({ 'N-1': 118, 'N-99': 1770 });
  });

  it('shows the line amount the import reads in the dialog, before the import', async () => {
    const path = file('dms-register.csv', register);
    const preview = await inspectFile(ws.db, { path, kind: 'sales', locale: 'en-IN' });
    expect(preview.mapping.net_value).toBe('Taxable Amount');
    expect(preview.decisions).toContainEqual(expect.stringContaining('"Net Amount" is each bill\'s amount'));
    const sentBack = await importFile(ws, path, { kind: 'sales', mapping: preview.mapping, dryRun: true });
    expect(sentBack.totals).toMatchObject({ net_value: '2450.00', tax: '429.00' });
  });
});
