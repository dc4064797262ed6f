import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Workspace } from '../../main/workspace';
import { octoberBills } from '../support/early-payment';
import { delimited, writeText, writeXlsx } from '../support/files';
import { importFile, storedRows } from '../support/import';
import { demoWorkspacePerTest } from '../support/workspace';

const workspaces = demoWorkspacePerTest();
let ws: Workspace;
let dir: string;
beforeEach(() => {
  ({ ws, dir } = workspaces.current());
});

/** An import's lines: document, net value, tax, round-off, other charges (paise). */
const stored = (batch: number | null) =>
  storedRows(ws, 'sales', batch ?? 0).map((r) => [r.doc_no, r.net_value, r.tax, r.round_off, r.charges]);

describe("a bill's other charges (freight, packing, insurance)", () => {
  it("keeps a register's charge columns apart from the net value worked out of its Gross Total, and in the bill", async () => {
    // Tally's columnar Sales Register: a column per ledger, the freight and packing ones among them.
    const register = [
      ['Date', 'Particulars', 'Voucher Type', 'Voucher No.', 'Gross Total', 'CGST Output', 'SGST Output'],
      ['1-Oct-2026', 'Annapurna Distributors', 'Sales', 'S-1', '12,290.00', '900.00', '900.00'],
      ['2-Oct-2026', 'Shiv Shakti Enterprises', 'Sales', 'S-2', '5,900.00', '450.00', '450.00'],
    ].map((row, i) =>
      // Freight Charges, P&F Charges, Round Off; a Freight Terms column is no amount.
      row.concat(
        [
          ['Freight Charges', 'P&F Charges', 'Round Off', 'Freight Terms'],
          ['400.00', '100.00', '-10.00', 'Paid'],
          [null, null, null, 'To pay'],
        ][i] as string[],
      ),
    );
    const r = await importFile(ws, writeText(join(dir, 'register.csv'), delimited(register)), { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.mapping).toMatchObject({ charge_part_1: 'Freight Charges', charge_part_2: 'P&F Charges' });
    expect(r.mapping).not.toHaveProperty('charges');
    expect(stored(r.batch)).toEqual([
      ['S-1', 1000000, 180000, -1000, 50000],
      ['S-2', 500000, 90000, null, null],
    ]);
    expect(r.totals).toMatchObject({ net_value: '15000.00', charges: '500.00' });
    expect(r.decisions.map((d) => d.decision)).toContain(
      "The file writes no net value: each document's is its Gross Total less its tax and its Round Off and its Freight Charges and its P&F Charges",
    );
    // The bill is still the whole bill: what the distributor must pay early is 12,290.00.
    expect(octoberBills(ws)).toMatchObject({ 'S-1': 12290, 'S-2': 5900 });
  });

  it('leaves out a Freight column of words (Paid, To Pay), which holds no charge', async () => {
    const rows = [
      ['Invoice No', 'Invoice Date', 'Distributor Code', 'SKU', 'Qty', 'Net Value', 'Tax', 'Freight'],
      ['F-1', '2026-10-05', 'D001', 'SKU-0001', 2, '1000.00', '180.00', 'Paid'],
      ['F-2', '2026-10-06', 'D001', 'SKU-0001', 1, '500.00', '90.00', 'To Pay'],
    ];
    const r = await importFile(ws, writeText(join(dir, 'freight-terms.csv'), delimited(rows)), { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.mapping).not.toHaveProperty('charges');
    expect(stored(r.batch)).toEqual([
      ['F-1', 100000, 18000, null, null],
      ['F-2', 50000, 9000, null, null],
    ]);
  });

  it("stores a Shipping Charge written on every item row of its bill once, on the bill's first line", async () => {
    // Zoho Books repeats the invoice's fields on each of its item rows.
    const rows = [
      ['Invoice Number', 'Invoice Date', 'Customer ID', 'Item Name', 'Quantity', 'Item Total', 'Tax Amount'],
      ['INV-1', '2026-10-05', 'D001', 'SKU-0001', 2, '1000.00', '180.00'],
      ['INV-1', '2026-10-05', 'D001', 'SKU-0002', 1, '500.00', '90.00'],
    ].map((row, i) => row.concat([['Shipping Charge'], ['75.00'], ['75.00']][i] as string[]));
    const r = await importFile(ws, await writeXlsx(join(dir, 'invoices.xlsx'), [{ name: 'Invoice', rows }]), {
      kind: 'sales',
    });
    expect(r.errors).toEqual([]);
    expect(r.mapping).toMatchObject({ charges: 'Shipping Charge', net_value: 'Item Total' });
    expect(stored(r.batch)).toEqual([
      ['INV-1', 100000, 18000, null, 7500],
      ['INV-1', 50000, 9000, null, null],
    ]);
    expect(octoberBills(ws)).toMatchObject({ 'INV-1': 1845 });
  });

  it("reads a voucher's freight and packing ledger lines as its other charges, so its net value is its sales ledger's", async () => {
    const vouchers = [
      ['Date', 'Voucher type', 'Voucher no', 'Party', 'Ledger', 'Debit', 'Credit'],
      ['12-10-2026', 'Sales', 'FR/1', 'D001', 'D001', '1,480.00', null],
      ['12-10-2026', 'Sales', 'FR/1', 'D001', 'Sales @ 18%', null, '1,000.00'],
      ['12-10-2026', 'Sales', 'FR/1', 'D001', 'Output IGST', null, '180.00'],
      ['12-10-2026', 'Sales', 'FR/1', 'D001', 'Freight Outward', null, '250.00'],
      ['12-10-2026', 'Sales', 'FR/1', 'D001', 'Packing & Forwarding Charges', null, '50.00'],
      ['14-10-2026', 'Credit Note', 'FR/C1', 'D001', 'Sales Returns', '100.00', null],
      ['14-10-2026', 'Credit Note', 'FR/C1', 'D001', 'Output IGST', '18.00', null],
      ['14-10-2026', 'Credit Note', 'FR/C1', 'D001', 'Freight Outward', '25.00', null],
      ['14-10-2026', 'Credit Note', 'FR/C1', 'D001', 'D001', null, '143.00'],
    ];
    const r = await importFile(ws, writeText(join(dir, 'daybook.csv'), delimited(vouchers)), { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(stored(r.batch)).toEqual([
      ['FR/1', 100000, 18000, null, 30000],
      ['FR/C1', -10000, -1800, null, -2500],
    ]);
    expect(r.decisions.map((d) => d.decision)).toContainEqual(
      expect.stringContaining(
        'those of its freight and other charges (Freight Outward, Packing & Forwarding Charges) its other charges, taken off its net value',
      ),
    );
    expect(octoberBills(ws)).toMatchObject({ 'FR/1': 1480 });
  });
});
