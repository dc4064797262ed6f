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

/** An import's lines: document, net value, tax (paise). */
const stored = (batch: number | null) => storedRows(ws, 'sales', batch ?? 0).map((r) => [r.doc_no, r.net_value, r.tax]);

const file = (name: string, rows: (string | null)[][]) => writeText(join(dir, name), delimited(rows));

const header = ['Invoice No', 'Invoice Date', 'Party Code', 'Item Code', 'Qty', 'Taxable Value', 'CGST', 'SGST'];
/** A bill's lines, each writing the bill's CGST and SGST again. */
const bill = (no: string, party: string, values: readonly string[], half: string) =>
  values.map((value, i) => [
    no,
    '2026-10-05',
    party,
    i % 2 ? 'SKU-0002' : 'SKU-0001',
    String(i + 1),
    value,
    half,
    half,
  ]);

describe("a bill's tax written the same on each of its lines", () => {
  it('keeps it on its first line only, so a bill of three lines owes its tax once, not three times', async () => {
    const r = await importFile(
      ws,
      file('register.csv', [
        header,
        // 1,000.00 + 500.00 + 250.00 at 18 %: 157.50 of CGST and of SGST on each line.
        ...bill('T-1', 'D001', ['1000.00', '500.00', '250.00'], '157.50'),
        ...bill('T-2', 'D002', ['100.00'], '9.00'),
        ...bill('T-3', 'D002', ['300.00', '200.00'], '45.00'),
      ]),
      { kind: 'sales' },
    );
    expect(r.errors).toEqual([]);
    expect(stored(r.batch)).toEqual([
      ['T-1', 100_000, 31_500],
      ['T-1', 50_000, null],
      ['T-1', 25_000, null],
      ['T-2', 10_000, 1_800],
      ['T-3', 30_000, 9_000],
      ['T-3', 20_000, null],
    ]);
    expect(r.totals.tax).toBe('423.00');
    expect(r.decisions.map((d) => d.decision)).toContain(
      '"CGST" + "SGST" are each bill\'s tax, written the same on each of its lines, whose values differ (T-1: 315.00 on each of its 3 lines): kept on its first line only, as a round-off is, so a bill\'s tax counts once, not once a line (2 bills)',
    );
    // Read once a line, T-1 had owed 2,695.00 for early payment: a bill paid in full looked short.
    expect(octoberBills(ws)).toMatchObject({ 'T-1': 2065, 'T-2': 118, 'T-3': 590 });
  });

  it('reads as written a tax worked out line by line, and lines that write one value and one tax', async () => {
    const r = await importFile(
      ws,
      file('own-tax.csv', [
        header,
        ...bill('L-1', 'D001', ['1000.00'], '90.00'),
        ['L-2', '2026-10-05', 'D001', 'SKU-0001', '1', '1000.00', '90.00', '90.00'],
        ['L-2', '2026-10-05', 'D001', 'SKU-0002', '2', '500.00', '45.00', '45.00'],
        ['L-2', '2026-10-05', 'D001', 'SKU-0001', '3', '250.00', '22.50', '22.50'],
        // One line written again: one value, one tax.
        ['L-3', '2026-10-06', 'D002', 'SKU-0001', '2', '100.00', '9.00', '9.00'],
        ['L-3', '2026-10-06', 'D002', 'SKU-0001', '2', '100.00', '9.00', '9.00'],
        ['L-4', '2026-10-06', 'D002', 'SKU-0001', '2', '100.00', '9.00', '9.00'],
        ['L-4', '2026-10-06', 'D002', 'SKU-0002', '4', '200.00', '18.00', '18.00'],
      ]),
      { kind: 'sales' },
    );
    expect(r.errors).toEqual([]);
    expect(r.totals.tax).toBe('585.00');
    expect(r.decisions.map((d) => d.decision).join('\n')).not.toContain("each bill's tax");
  });

  it('warns of a later bill whose lines write other taxes, each line keeping its own', async () => {
    const r = await importFile(
      ws,
      file('later.csv', [
        header,
        ...bill('T-1', 'D001', ['1000.00', '500.00', '250.00'], '157.50'),
        ...bill('T-3', 'D002', ['300.00', '200.00'], '45.00'),
        // Past the first rows.
        ...Array.from({ length: 600 }, (_, i) => bill(`S-${i}`, 'D001', ['100.00'], '9.00')).flat(),
        ['T-4', '2026-10-06', 'D002', 'SKU-0001', '1', '100.00', '9.00', '9.00'],
        ['T-4', '2026-10-06', 'D002', 'SKU-0002', '2', '200.00', '18.00', '18.00'],
      ]),
      { kind: 'sales' },
    );
    expect(stored(r.batch).slice(-2)).toEqual([
      ['T-4', 10_000, 1_800],
      ['T-4', 20_000, 3_600],
    ]);
    expect(r.warnings).toContain(
      'On 1 bill "CGST" + "SGST" differs between the lines: each line keeps the tax it writes, but one writing its bill\'s first again keeps none; check that bill\'s tax',
    );
  });

  it('says so in the import dialog, before the import', async () => {
    const path = file('register.csv', [
      header,
      ...bill('T-1', 'D001', ['1000.00', '500.00', '250.00'], '157.50'),
      ...bill('T-2', 'D002', ['100.00'], '9.00'),
    ]);
    const preview = await inspectFile(ws.db, { path, kind: 'sales', locale: 'en-IN' });
    expect(preview.decisions).toContainEqual(
      expect.stringMatching(/^"CGST" \+ "SGST" are each bill's tax, written the same/),
    );
  });
});
