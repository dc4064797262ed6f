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

/** An import's lines: document, net value, tax, round-off (paise). */
const stored = (batch: number | null) =>
  storedRows(ws, 'sales', batch ?? 0).map((r) => [r.doc_no, r.net_value, r.tax, r.round_off]);

/** Odoo's invoice lines: the invoice's Total on its first line only, beside each line's Subtotal. */
const odooHeader = [
  'Number',
  'Invoice/Invoice Date',
  'Partner',
  'Invoice lines/Product',
  'Invoice lines/Quantity',
  'Invoice lines/Subtotal',
  'Total',
];

const imported = (name: string, rows: (string | null)[][]) =>
  importFile(ws, writeText(join(dir, name), delimited(rows)), { kind: 'sales' });

describe("a bill's total with its tax beside its lines, and no tax written", () => {
  it('reads each bill of one line its tax as its total less its value, so early payment reads the whole bill', async () => {
    const r = await imported('register.csv', [
      ['Invoice No', 'Invoice Date', 'Customer Code', 'Taxable Value', 'Invoice Value'],
      ['A-1', '03-10-2026', 'D001', '1,000.00', '1,180.00'],
      ['A-2', '04-10-2026', 'D002', '500.00', '560.00'],
      // Exempt goods: nothing beyond the value.
      ['A-3', '05-10-2026', 'D002', '200.00', '200.00'],
      ['CN-1', '06-10-2026', 'D001', '-100.00', '-118.00'],
    ]);
    expect(r.errors).toEqual([]);
    expect(stored(r.batch)).toEqual([
      ['A-1', 100_000, 18_000, null],
      ['A-2', 50_000, 6_000, null],
      ['A-3', 20_000, 0, null],
      ['CN-1', -10_000, -1_800, null],
    ]);
    expect(r.totals).toMatchObject({ net_value: '1600.00', tax: '222.00' });
    expect(r.decisions.map((d) => d.decision)).toContain(
      '"Invoice Value" is each bill\'s total with its tax, and the file writes no tax: each bill\'s tax is "Invoice Value" less its lines\' "Taxable Value" (and any round-off and other charges), spread over its lines by their "Taxable Value" to the paisa (4 bills)',
    );
    // A bill paid at 1,000.00 had been paid in full; it owes 1,180.00.
    expect(octoberBills(ws)).toMatchObject({ 'A-1': 1180, 'A-2': 560, 'A-3': 200 });
  });

  it("spreads a bill's tax over its lines by their values to the paisa, after its round-off", async () => {
    const r = await imported('lines.csv', [
      ['Bill No', 'Bill Date', 'Party Code', 'Item Code', 'Qty', 'Taxable Amt', 'Round Off', 'Bill Amount'],
      // 333.33 + 666.67 at 18 % is 1,180.00; the bill rounded to 1,180.00 by nothing.
      ['B-1', '07-10-2026', 'D001', 'SKU-0001', '1', '333.33', '0.00', '1,180.00'],
      ['B-1', '07-10-2026', 'D001', 'SKU-0002', '2', '666.67', '0.00', '1,180.00'],
      // 1,000.00 and 10.00 at 18 %: 1,191.80, which alone the first line's could be (19 %).
      ['B-3', '07-10-2026', 'D001', 'SKU-0001', '10', '1,000.00', '0.00', '1,191.80'],
      ['B-3', '07-10-2026', 'D001', 'SKU-0002', '1', '10.00', '0.00', '1,191.80'],
      // 100.00 at 12 % is 112.00, rounded up to 112.30 by 0.30.
      ['B-2', '08-10-2026', 'D002', 'SKU-0001', '1', '100.00', '0.30', '112.30'],
    ]);
    expect(r.errors).toEqual([]);
    expect(stored(r.batch)).toEqual([
      ['B-1', 33_333, 6_000, 0],
      ['B-1', 66_667, 12_000, 0],
      ['B-3', 100_000, 18_000, 0],
      ['B-3', 1_000, 180, 0],
      ['B-2', 10_000, 1_200, 30],
    ]);
    expect(r.totals.tax).toBe('373.80');
    expect(octoberBills(ws)).toMatchObject({ 'B-1': 1180, 'B-3': 1191.8, 'B-2': 112.3 });
  });

  it('leaves the tax of a bill whose total holds less than its lines, or far more than a GST, empty and says so', async () => {
    // Twenty-five bills of 1,000.00 at 18 %, one below its value and one 40 % above it.
    const bill = (n: number, total: string) => [`A-${n}`, '2026-10-03', 'D001', '1,000.00', total];
    const r = await imported('odd.csv', [
      ['Invoice No', 'Invoice Date', 'Customer Code', 'Taxable Value', 'Invoice Value'],
      ...Array.from({ length: 25 }, (_, i) => bill(i + 1, i === 4 ? '950.00' : i === 9 ? '1,400.00' : '1,180.00')),
    ]);
    expect(r.errors).toEqual([]);
    const taxOf = Object.fromEntries(stored(r.batch).map(([doc, , tax]) => [doc, tax]));
    expect(taxOf).toMatchObject({ 'A-1': 18_000, 'A-5': null, 'A-10': null, 'A-25': 18_000 });
    expect(r.totals.tax).toBe('4140.00');
    expect(r.warnings).toContain(
      'On 2 bills "Invoice Value" is not its lines\' "Taxable Value" and at most a GST of 28 % beyond them (or differs between its rows): their lines keep no tax, and early payment reads those bills at "Taxable Value" alone',
    );
  });

  it('reads the tax beside a cess column as the GST and the cess the total holds, not the cess alone', async () => {
    const r = await imported('cess.csv', [
      ['Invoice No', 'Invoice Date', 'Customer Code', 'Taxable Value', 'Cess Amount', 'Invoice Value'],
      // 1,000.00 at 28 % with 12 % cess; 500.00 at 18 % with none.
      ['A-1', '2026-10-03', 'D001', '1,000.00', '120.00', '1,400.00'],
      ['A-2', '2026-10-04', 'D002', '500.00', '0.00', '590.00'],
    ]);
    expect(r.errors).toEqual([]);
    expect(stored(r.batch)).toEqual([
      ['A-1', 100_000, 40_000, null],
      ['A-2', 50_000, 9_000, null],
    ]);
    expect(octoberBills(ws)).toMatchObject({ 'A-1': 1400, 'A-2': 590 });
  });

  it("reads an invoice's Total written on its first line only, beside its lines' Subtotal (Odoo)", async () => {
    const r = await imported('Journal Entry (account.move).csv', [
      odooHeader,
      // 1,000.00 and 250.00 at 18 %: the invoice's Total, and nothing on its second line.
      ['INV/2026/00041', '2026-10-05', 'D001', 'SKU-0001', '10', '1000.00', '1475.00'],
      [null, null, null, 'SKU-0002', '5', '250.00', null],
      ['RINV/2026/00003', '2026-10-08', 'D002', 'SKU-0001', '-2', '-200.00', '-236.00'],
      // 300.00 at 18 % and 50.00 at 12 %: 413.00.
      ['INV/2026/00044', '2026-10-10', 'D002', 'SKU-0001', '3', '300.00', '413.00'],
      [null, null, null, 'SKU-0002', '1', '50.00', null],
      ['INV/2026/00045', '2026-10-11', 'D001', 'SKU-0001', '1', '100.00', '118.00'],
    ]);
    expect(r.errors).toEqual([]);
    expect(stored(r.batch)).toEqual([
      ['INV/2026/00041', 100_000, 18_000, null],
      ['INV/2026/00041', 25_000, 4_500, null],
      ['RINV/2026/00003', -20_000, -3_600, null],
      // The bill's 63.00 spread by the lines' values: 54.00 and 9.00.
      ['INV/2026/00044', 30_000, 5_400, null],
      ['INV/2026/00044', 5_000, 900, null],
      ['INV/2026/00045', 10_000, 1_800, null],
    ]);
    expect(r.totals.tax).toBe('270.00');
    expect(r.decisions.map((d) => d.decision)).toContainEqual(
      expect.stringContaining('"Total" is each bill\'s total with its tax'),
    );
    expect(octoberBills(ws)).toMatchObject({ 'INV/2026/00041': 1475, 'INV/2026/00044': 413 });
  });

  it('is not asked of a file that writes its tax', async () => {
    const r = await imported('taxed.csv', [
      ['Invoice No', 'Invoice Date', 'Customer Code', 'Taxable Value', 'GST Amount', 'Invoice Value'],
      ['A-1', '2026-10-03', 'D001', '1,000.00', '150.00', '1,180.00'],
    ]);
    expect(r.errors).toEqual([]);
    expect(stored(r.batch)).toEqual([['A-1', 100_000, 15_000, null]]);
  });
});

describe("a line's own amount with its tax beside its net value, and no tax written", () => {
  it("reads each line's tax as its amount with tax less its taxable value, and warns of a line where that is no GST", async () => {
    // Eleven lines at 18 %, 12 % or 5 %, a credit note among them; the last line's amount is below its value.
    const line = (doc: string, sku: string, value: string, withTax: string) => [
      doc,
      '2026-10-03',
      'D001',
      sku,
      '1',
      value,
      withTax,
    ];
    const r = await imported('register.csv', [
      ['Invoice No', 'Invoice Date', 'Customer Code', 'Item Code', 'Qty', 'Taxable Value', 'Amount Incl. GST'],
      line('A-1', 'SKU-0001', '1,000.00', '1,180.00'),
      line('A-1', 'SKU-0002', '333.33', '373.33'),
      line('A-2', 'SKU-0001', '200.00', '210.00'),
      ...Array.from({ length: 7 }, (_, i) => line(`A-${i + 3}`, 'SKU-0002', '100.00', '118.00')),
      ['CN-1', '2026-10-04', 'D001', 'SKU-0001', '-1', '-100.00', '-118.00'],
      line('A-10', 'SKU-0001', '500.00', '450.00'),
    ]);
    expect(r.errors).toEqual([]);
    const taxes = stored(r.batch).map(([doc, net, tax]) => [doc, net, tax]);
    expect(taxes.slice(0, 4)).toEqual([
      ['A-1', 100_000, 18_000],
      ['A-1', 33_333, 4_000],
      ['A-2', 20_000, 1_000],
      ['A-3', 10_000, 1_800],
    ]);
    expect(taxes.slice(-2)).toEqual([
      ['CN-1', -10_000, -1_800],
      ['A-10', 50_000, null],
    ]);
    expect(r.totals.tax).toBe('338.00');
    expect(r.decisions.map((d) => d.decision)).toContain(
      '"Amount Incl. GST" is each line\'s amount with its tax, and the file writes no tax: each line\'s tax is "Amount Incl. GST" less its "Taxable Value", to the paisa (11 lines)',
    );
    expect(r.warnings).toContain(
      'On 1 line "Amount Incl. GST" is not "Taxable Value" and at most a GST of 28 % beyond it, or is blank: it keeps no tax, and early payment reads its bill without it',
    );
    expect(octoberBills(ws)).toMatchObject({ 'A-1': 1553.33, 'A-2': 210 });
  });

  it("reads Odoo's Invoice lines/Total beside its Invoice lines/Subtotal, the tax named only as text", async () => {
    const r = await imported('Invoices (account.move).csv', [
      [
        'Number',
        'Invoice Date',
        'Partner',
        'Invoice lines/Product',
        'Invoice lines/Quantity',
        'Invoice lines/Subtotal',
        'Invoice lines/Total',
        'Invoice lines/Taxes',
      ],
      ['INV/2026/00041', '2026-10-05', 'D001', 'SKU-0001', '10', '1000.00', '1180.00', 'GST 18%'],
      ['INV/2026/00041', '2026-10-05', 'D001', 'SKU-0002', '5', '250.00', '280.00', 'GST 12%'],
      ['INV/2026/00042', '2026-10-06', 'D002', 'SKU-0001', '2', '200.00', '236.00', 'GST 18%'],
    ]);
    expect(r.errors).toEqual([]);
    expect(stored(r.batch).map(([doc, net, tax]) => [doc, net, tax])).toEqual([
      ['INV/2026/00041', 100_000, 18_000],
      ['INV/2026/00041', 25_000, 3_000],
      ['INV/2026/00042', 20_000, 3_600],
    ]);
    expect(octoberBills(ws)).toMatchObject({ 'INV/2026/00041': 1460, 'INV/2026/00042': 236 });
  });

  it("reads a Net Amount that holds the tax beside the Taxable Amount as each line's amount with its tax, not its net value", async () => {
    const r = await imported('dms-sales.csv', [
      ['Bill No', 'Bill Date', 'Party Code', 'Item Code', 'Qty', 'Rate', 'Taxable Amount', 'Net Amount'],
      ['B-1', '2026-10-03', 'D001', 'SKU-0001', '10', '100.00', '1000.00', '1180.00'],
      ['B-1', '2026-10-03', 'D001', 'SKU-0002', '5', '50.00', '250.00', '280.00'],
      // Exempt: nothing beyond its value.
      ['B-2', '2026-10-04', 'D002', 'SKU-0001', '2', '100.00', '200.00', '200.00'],
    ]);
    expect(r.errors).toEqual([]);
    expect(stored(r.batch).map(([doc, net, tax]) => [doc, net, tax])).toEqual([
      ['B-1', 100_000, 18_000],
      ['B-1', 25_000, 3_000],
      ['B-2', 20_000, 0],
    ]);
    expect(r.decisions.map((d) => d.decision)).toContain(
      '"Taxable Amount" is the net value and "Net Amount" each line\'s amount with its tax: on the lines read it is "Taxable Amount" and at most a GST of 28 % beyond it',
    );
  });

  it("never reads a total every bill writes the same on each of its lines as each line's", async () => {
    // Each bill's total is below its lines (a discount the file does not write): no line's tax.
    const r = await imported('bills.csv', [
      ['Invoice No', 'Invoice Date', 'Customer Code', 'Item Code', 'Qty', 'Taxable Value', 'Total'],
      ['A-1', '2026-10-03', 'D001', 'SKU-0001', '1', '500.00', '600.00'],
      ['A-1', '2026-10-03', 'D001', 'SKU-0002', '1', '500.00', '600.00'],
      ['A-2', '2026-10-04', 'D002', 'SKU-0001', '1', '400.00', '472.00'],
      ['A-2', '2026-10-04', 'D002', 'SKU-0002', '1', '400.00', '472.00'],
    ]);
    expect(r.errors).toEqual([]);
    expect(stored(r.batch).map(([, , tax]) => tax)).toEqual([null, null, null, null]);
  });
});

describe("a bill's total its lines do not make up", () => {
  it('warns of bills whose Gross Total holds a ledger the export left out, and not of those it makes up', async () => {
    const r = await imported('Sales Register.csv', [
      ['Date', 'Particulars', 'Voucher No.', 'Value', 'Output CGST 9%', 'Output SGST 9%', 'Round Off', 'Gross Total'],
      // A TCS ledger of 11.80, 5.90 and 2.36 the register was printed without.
      ['2026-10-03', 'D001', 'S-1', '10,000.00', '900.00', '900.00', null, '11,811.80'],
      ['2026-10-04', 'D002', 'S-2', '5,000.00', '450.00', '450.00', null, '5,905.90'],
      ['2026-10-05', 'D001', 'S-3', '2,000.00', '180.00', '180.00', null, '2,362.36'],
      // Made up to the paisa, a round-off among them; and within a rupee.
      ['2026-10-06', 'D002', 'S-4', '333.33', '30.00', '30.00', '-0.33', '393.00'],
      ['2026-10-07', 'D002', 'S-5', '1,000.00', '90.00', '90.00', null, '1,180.60'],
      // A discount ledger of 50.00 left out.
      ['2026-10-08', 'D001', 'S-6', '1,000.00', '90.00', '90.00', null, '1,130.00'],
    ]);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      'On 4 bills "Gross Total" is more than a rupee off their lines\' "Value", tax, other charges and round-off (20.06 more, 50.00 less in all): something its columns do not show (a tax under another name, or a ledger the register was printed without: TCS, freight, a discount) is not read, and early payment reads those bills without it; export the register with all its tax and ledger columns, or map the missing one',
    ]);
  });
});

describe("the import dialog, of a tax worked out from a bill's or a line's total", () => {
  const previewed = async (name: string, rows: (string | null)[][]) => {
    const path = writeText(join(dir, name), delimited(rows));
    const preview = await inspectFile(ws.db, { path, kind: 'sales', locale: 'en-IN' });
    const sentBack = await importFile(ws, path, { kind: 'sales', mapping: preview.mapping, dryRun: true });
    return { decisions: preview.decisions, tax: sentBack.totals.tax };
  };

  it('says so before the import, and its mapping sent back reads the same tax', async () => {
    const bills = await previewed('Journal Entry (account.move).csv', [
      odooHeader,
      ['INV/2026/00041', '2026-10-05', 'D001', 'SKU-0001', '10', '1000.00', '1475.00'],
      [null, null, null, 'SKU-0002', '5', '250.00', null],
      ['INV/2026/00042', '2026-10-06', 'D002', 'SKU-0001', '1', '100.00', '118.00'],
    ]);
    expect(bills.decisions).toContain(
      '"Total" is each bill\'s total with its tax, and the file writes no tax: each bill\'s tax is "Total" less its lines\' "Invoice lines/Subtotal" (and any round-off and other charges), spread over its lines by their "Invoice lines/Subtotal" to the paisa',
    );
    expect(bills.tax).toBe('243.00');
    const lines = await previewed('dms-sales.csv', [
      ['Bill No', 'Bill Date', 'Party Code', 'Item Code', 'Qty', 'Taxable Amount', 'Net Amount'],
      ['B-1', '2026-10-03', 'D001', 'SKU-0001', '10', '1000.00', '1180.00'],
      ['B-1', '2026-10-03', 'D001', 'SKU-0002', '5', '250.00', '280.00'],
    ]);
    expect(lines.decisions).toContain(
      '"Net Amount" is each line\'s amount with its tax, and the file writes no tax: each line\'s tax is "Net Amount" less its "Taxable Amount", to the paisa',
    );
    expect(lines.tax).toBe('210.00');
  });
});
