import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { rollBackBatch } from '../../main/import/batches';
import { inspectFile } from '../../main/import/inspect';
import { LayoutError, MAX_LEDGER_LINES } from '../../main/import/layout';
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
/** Two of the demo's products, each the only one of its name: Tally writes items by name. */
function namedProducts(): [{ sku: string; name: string }, { sku: string; name: string }] {
  const [a, b] = ws.db
    .prepare('SELECT min(sku) AS sku, name FROM products GROUP BY name HAVING count(*) = 1 ORDER BY 1 LIMIT 2')
    .all() as { sku: string; name: string }[];
  if (!a || !b) throw new Error('the demo has no two products of names of their own');
  return [a, b];
}

/** Tally Prime's voucher layout with items: the voucher's and its ledger's columns, then its item's. */
const voucherHeader = [
  ...['Voucher Date', 'Voucher Type Name', 'Voucher Number', 'Ledger Name', 'Ledger Amount'],
  ...['Ledger Amount Dr/Cr', 'Item Name', 'Billed Quantity', 'Item Rate', 'Item Rate per', 'Item Amount'],
];

/** A ledger line under a voucher in that layout: its name, amount and side where the party's go. */
const ledger = (name: string, amount: number, side: 'Dr' | 'Cr'): FixtureCell[] => [
  null,
  null,
  null,
  name,
  amount,
  side,
];

/** The targets an import stored: from, to, distributor, value. */
const targetsOf = (batch: number | null) =>
  storedRows(ws, 'targets', batch ?? 0).map((r) => [r.period_from, r.period_to, r.distributor_code, r.value]);

describe('report layouts', () => {
  it('finds the header under the title rows, skips blank and total rows, keeps a party named "Total…"', async () => {
    const rows = [
      ['Acme Consumer Products Pvt. Ltd.'],
      ['Customer Master'],
      ['As on 31-Oct-2026'],
      [],
      ['Customer Name', 'Customer Code', 'Region'],
      ['Total Solutions Pvt Ltd', 'D900', 'North'],
      [],
      ['Totally Fresh Distributors', 'D901', 'South'],
      ['Total for North', null, null],
      ['Grand Total', null, null],
    ];
    const result = await importFile(ws, writeText(join(dir, 'customers.csv'), delimited(rows)), {
      kind: 'distributors',
    });
    expect(result).toMatchObject({ headerRow: 5, rows: 2, rejected: 0 });
    expect(storedRows(ws, 'distributors', result.batch ?? 0).map((r) => [r.code, r.name])).toEqual([
      ['D900', 'Total Solutions Pvt Ltd'],
      ['D901', 'Totally Fresh Distributors'],
    ]);
  });

  it('fills down item rows under a voucher row (Tally / SAP layout) and repeated page headers are dropped', async () => {
    const header = ['Voucher No', 'Date', 'Party', 'Outlet', 'Item', 'Qty', 'Amount'];
    const rows = [
      header,
      ['SI/V/1', '03-10-2026', 'D001', 'O00001', null, null, '1,500.00'],
      [null, null, null, null, 'SKU-0001', 2, '1,000.00'],
      [null, null, null, null, 'SKU-0002', 1, '500.00'],
      header,
      ['SI/V/2', '04-10-2026', 'D002', 'O00002', 'SKU-0003', 5, '250.00'],
      [null, null, null, null, 'SKU-0004', 1, '50.00'],
    ];
    const result = await importFile(ws, writeText(join(dir, 'vouchers.csv'), delimited(rows)), { kind: 'sales' });
    expect(result.errors).toEqual([]);
    expect(
      storedRows(ws, 'sales', result.batch ?? 0).map((r) => [
        r.doc_no,
        r.doc_date,
        r.distributor_code,
        r.outlet_code,
        r.sku,
        r.net_value,
      ]),
    ).toEqual([
      ['SI/V/1', '2026-10-03', 'D001', 'O00001', 'SKU-0001', 100000],
      ['SI/V/1', '2026-10-03', 'D001', 'O00001', 'SKU-0002', 50000],
      ['SI/V/2', '2026-10-04', 'D002', 'O00002', 'SKU-0003', 25000],
      ['SI/V/2', '2026-10-04', 'D002', 'O00002', 'SKU-0004', 5000],
    ]);
    expect(result.totals.net_value).toBe('1800.00');
  });

  it("reads the party from Busy's Particulars when its Dealer Code column is left blank, in the preview too", async () => {
    const header = ['Date', 'Vch/Bill No', 'Particulars', 'Dealer Code', 'Item Details', 'Qty.', 'Amount', 'Tax Amt'];
    const rows = [
      ['Annapurna Group'],
      ['Sales Register'],
      header,
      ['02-10-2026', 'BS/101', 'Annapurna Distributors', null, 'SKU-0001', 10, '500.00', '90.00'],
      [null, null, null, null, 'SKU-0002', 5, '250.00', '45.00'],
      ['03-10-2026', 'BS/102', 'Shiv Shakti Enterprises', null, 'SKU-0004', 2, '100.00', '18.00'],
      ['Total', null, null, null, null, 17, '850.00', '153.00'],
    ];
    const path = writeText(join(dir, 'busy.csv'), delimited(rows));
    const { inspectFile } = await import('../../main/import/inspect');
    const preview = await inspectFile(ws.db, { path, kind: 'sales', locale: 'en-IN' });
    expect(preview.mapping.distributor_code).toBe('Particulars');
    const note = 'Distributor is read from "Particulars": "Dealer Code" is empty in the 4 rows under the header';
    expect(preview.decisions).toContain(note);
    const result = await importFile(ws, path, { kind: 'sales' });
    expect(result.errors).toEqual([]);
    expect(result.decisions.map((d) => d.decision)).toContain(note);
    expect(storedRows(ws, 'sales', result.batch ?? 0).map((r) => [r.doc_no, r.distributor_code, r.sku])).toEqual([
      ['BS/101', 'D001', 'SKU-0001'],
      ['BS/101', 'D001', 'SKU-0002'],
      ['BS/102', 'D002', 'SKU-0004'],
    ]);
    // A code in the column, on any row read, keeps the column its header names best.
    const coded = rows.map((r, i) => (i === 5 ? [...r.slice(0, 3), 'D002', ...r.slice(4)] : r));
    const withCodes = await inspectFile(ws.db, {
      path: writeText(join(dir, 'busy-coded.csv'), delimited(coded)),
      kind: 'sales',
      locale: 'en-IN',
    });
    expect(withCodes.mapping.distributor_code).toBe('Dealer Code');
  });

  it("reads Busy's voucher export: codes in Alias and Item Alias over the names beside them, Gross as a price", async () => {
    const header = [null, 'Date', 'Vch/Bill No', 'Alias', 'Particulars', 'Item Alias', 'Item Details', 'Qty.'];
    const money = ['Gross', 'Unit', 'Price', 'Amount'];
    const rows = [
      ['Sales Voucher Register'],
      [...header, ...money],
      [
        null,
        '02-10-2026',
        'BS/101',
        'D001',
        'Annapurna Distributors',
        'SKU-0001',
        'Coffee',
        10,
        '50.00',
        'Pcs',
        '50.00',
        '500.00',
      ],
      [null, null, null, null, null, 'SKU-0002', 'Biscuits', 5, '110.00', 'Pcs', '100.00', '500.00'],
      [...header, ...money],
      [
        null,
        '03-10-2026',
        'BS/102',
        'D003',
        'Kaveri (old name)',
        'SKU-0004',
        'Not a product name',
        2,
        '250.00',
        'Pcs',
        '250.00',
        '500.00',
      ],
      [null, null, null, null, 'Totals', null, null, 17, null, null, null, '1500.00'],
    ];
    const result = await importFile(ws, writeText(join(dir, 'busy-vouchers.csv'), delimited(rows)), { kind: 'sales' });
    expect(result.errors).toEqual([]);
    expect(result.skipped).toEqual({ 'header lines': 1, 'total rows': 1 });
    expect(result.decisions.map((d) => d.decision)).toContain(
      '"Gross" holds unit prices (below each line\'s net value), not gross values: it is not imported as the gross value',
    );
    expect(
      storedRows(ws, 'sales', result.batch ?? 0).map((r) => [
        r.doc_no,
        r.distributor_code,
        r.sku,
        r.gross_value,
        r.net_value,
      ]),
    ).toEqual([
      ['BS/101', 'D001', 'SKU-0001', null, 50000],
      ['BS/101', 'D001', 'SKU-0002', null, 50000],
      ['BS/102', 'D003', 'SKU-0004', null, 50000],
    ]);
  });

  it("reads Tally's Bills Receivable: Party's Name, amounts marked Dr, and its unlabelled total row", async () => {
    const rows = [
      ['Annapurna Group'],
      ['Bills Receivable'],
      ['1-Oct-2026 to 31-Oct-2026'],
      ['Date', 'Ref. No.', "Party's Name", 'Opening Amount', 'Pending Amount', 'Due on', 'Overdue by days'],
      ['02-09-2026', 'S/1', 'Annapurna Distributors', '1,180.00 Dr', '1,180.00 Dr', '02-10-2026', 29],
      ['03-09-2026', 'S/2', 'Shiv Shakti Enterprises', '2,360.00 Dr', '1,000.00 Dr', '03-10-2026', 28],
      [null, null, null, '3,540.00 Dr', '2,180.00 Dr', null, null],
    ];
    const result = await importFile(ws, writeText(join(dir, 'bills.csv'), delimited(rows)), {
      kind: 'receivables',
      dateOrder: 'dmy',
    });
    expect(result.errors).toEqual([]);
    expect(result.skipped).toEqual({ 'total rows': 1 });
    // The Date and the Due on are read alike: said once.
    expect(result.decisions.filter((d) => d.decision.startsWith('Dates are read'))).toHaveLength(1);
    expect(
      storedRows(ws, 'receivables', result.batch ?? 0).map((r) => [
        r.as_of,
        r.distributor_code,
        r.doc_no,
        r.outstanding,
      ]),
    ).toEqual([
      ['2026-10-31', 'D001', 'S/1', 118000],
      ['2026-10-31', 'D002', 'S/2', 100000],
    ]);
  });

  it("reads a general ledger's vouchers: the party's entry is the sale, its tax ledgers' entries its tax, in any order", async () => {
    const rows = [
      ['Posting Date', 'Account', 'Debit', 'Credit', 'Voucher Type', 'Voucher No', 'Party Type', 'Party'],
      ['2026-10-02', 'Sales - AG', null, '1,000.00', 'Sales Invoice', 'SINV-1', null, null],
      ['2026-10-02', 'Output Tax CGST - AG', null, '90.00', 'Sales Invoice', 'SINV-1', null, null],
      ['2026-10-02', 'Debtors - AG', '1,180.00', null, 'Sales Invoice', 'SINV-1', 'Customer', 'D001'],
      ['2026-10-02', 'Output Tax SGST - AG', null, '90.00', 'Sales Invoice', 'SINV-1', null, null],
      ['2026-10-03', 'Debtors - AG', null, '2,360.00', 'Payment Entry', 'PE-1', 'Customer', 'D002'],
      ['2026-10-03', 'Bank - AG', '2,360.00', null, 'Payment Entry', 'PE-1', null, null],
      ['2026-10-04', 'Debtors - AG', '2,360.00', null, 'Sales Invoice', 'SINV-2', 'Customer', 'D002'],
      ['2026-10-04', 'Sales - AG', null, '2,000.00', 'Sales Invoice', 'SINV-2', null, null],
      ['2026-10-04', 'Output Tax IGST - AG', null, '360.00', 'Sales Invoice', 'SINV-2', null, null],
    ];
    const path = writeText(join(dir, 'gl.csv'), delimited(rows));
    const result = await importFile(ws, path, { kind: 'sales' });
    expect(result.errors).toEqual([]);
    expect(result.skipped).toEqual({ 'ledger lines': 6, 'type:Payment Entry': 1 });
    expect(
      storedRows(ws, 'sales', result.batch ?? 0).map((r) => [r.doc_no, r.distributor_code, r.net_value, r.tax]),
    ).toEqual([
      ['SINV-1', 'D001', 100000, 18000],
      ['SINV-2', 'D002', 200000, 36000],
    ]);
    // A voucher whose party entry never comes: its entry is reported, never dropped.
    const orphan = [...rows, ['2026-10-05', 'Sales - AG', null, '100.00', 'Sales Invoice', 'SINV-3', null, null]];
    const refused = await importFile(ws, writeText(join(dir, 'gl-orphan.csv'), delimited(orphan)), {
      kind: 'sales',
      dryRun: true,
    });
    expect(refused.errors).toContainEqual({ row: 11, column: 'Party', value: '', message: 'Distributor is required' });
    expect(refused.skipped['ledger lines']).toBe(6);
    // Ledger lines waiting for a party line are held only as many as a voucher has.
    const hostile = [rows[0] as FixtureCell[]];
    for (let i = 0; i <= MAX_LEDGER_LINES; i++)
      hostile.push(['2026-10-06', `Output Tax CGST ${i}`, null, '0.01', 'Sales Invoice', 'SINV-9', null, null]);
    await expect(
      importFile(ws, writeText(join(dir, 'gl-hostile.csv'), delimited(hostile)), { kind: 'sales' }),
    ).rejects.toThrow('the rows up to row 1002 are over 1,000 ledger lines of one voucher with no party line');
  });

  it("reads a ledger-wise day book that writes the voucher's party on every entry: the party's own entry is the sale, never each entry a sale or a return", async () => {
    // Tally's day book by ledger: Party beside Ledger and its Group on every entry of a voucher.
    const byLedger = [
      ['Date', 'Voucher type', 'Voucher no', 'Party', 'Ledger', 'Group', 'Debit', 'Credit'],
      [
        '12-10-2026',
        'Sales',
        'LW/1',
        'Annapurna Distributors',
        'Annapurna Distributors',
        'Sundry Debtors',
        '236.00',
        null,
      ],
      ['12-10-2026', 'Sales', 'LW/1', 'Annapurna Distributors', 'Sales @ 18%', 'Sales Accounts', null, '200.00'],
      ['12-10-2026', 'Sales', 'LW/1', 'Annapurna Distributors', 'Output CGST', 'Duties & Taxes', null, '18.00'],
      ['12-10-2026', 'Sales', 'LW/1', 'Annapurna Distributors', 'Output SGST', 'Duties & Taxes', null, '18.00'],
      // Its entries in another order (the party's last), its GST in one ledger, its sales ledger
      // naming GST too.
      ['13-10-2026', 'Sales', 'LW/2', 'Shiv Shakti Enterprises', 'Sales GST 5%', 'Sales Accounts', null, '1,000.00'],
      ['13-10-2026', 'Sales', 'LW/2', 'Shiv Shakti Enterprises', 'GST Payable', 'Duties & Taxes', null, '50.00'],
      [
        '13-10-2026',
        'Sales',
        'LW/2',
        'Shiv Shakti Enterprises',
        'Shiv Shakti Enterprises',
        'Sundry Debtors',
        '1,050.00',
        null,
      ],
      [
        '14-10-2026',
        'Credit Note',
        'LW/C1',
        'Annapurna Distributors',
        'Sales Returns',
        'Sales Accounts',
        '100.00',
        null,
      ],
      ['14-10-2026', 'Credit Note', 'LW/C1', 'Annapurna Distributors', 'Output IGST', 'Duties & Taxes', '18.00', null],
      [
        '14-10-2026',
        'Credit Note',
        'LW/C1',
        'Annapurna Distributors',
        'Annapurna Distributors',
        'Sundry Debtors',
        null,
        '118.00',
      ],
    ];
    const result = await importFile(ws, writeText(join(dir, 'by-ledger.csv'), delimited(byLedger)), { kind: 'sales' });
    expect(result.errors).toEqual([]);
    expect(result.skipped).toEqual({ 'ledger lines': 7 });
    const stored = (batch: number | null) =>
      storedRows(ws, 'sales', batch ?? 0).map((r) => [r.doc_type, r.doc_no, r.distributor_code, r.net_value, r.tax]);
    expect(stored(result.batch)).toEqual([
      ['invoice', 'LW/1', 'D001', 20000, 3600],
      ['invoice', 'LW/2', 'D002', 100000, 5000],
      ['credit_note', 'LW/C1', 'D001', -10000, -1800],
    ]);
    // ERPNext's General Ledger with the party on every entry: the party's own is its Debtors account's.
    const erpnext = [
      ['Posting Date', 'Account', 'Debit (INR)', 'Credit (INR)', 'Voucher Type', 'Voucher No', 'Party'],
      ['2026-10-02', 'Sales - AG', null, '1,000.00', 'Sales Invoice', 'LW-SINV-1', 'D001'],
      ['2026-10-02', 'Output Tax CGST - AG', null, '90.00', 'Sales Invoice', 'LW-SINV-1', 'D001'],
      ['2026-10-02', 'Debtors - AG', '1,180.00', null, 'Sales Invoice', 'LW-SINV-1', 'D001'],
      ['2026-10-02', 'Output Tax SGST - AG', null, '90.00', 'Sales Invoice', 'LW-SINV-1', 'D001'],
    ];
    const gl = await importFile(ws, writeText(join(dir, 'gl-party.csv'), delimited(erpnext)), { kind: 'sales' });
    expect(gl.errors).toEqual([]);
    expect(stored(gl.batch)).toEqual([['invoice', 'LW-SINV-1', 'D001', 100000, 18000]]);
    // A register whose every line names its sales account beside its party has no entry of the
    // party's own: each line is a sale, as ever.
    const register = [
      ['Date', 'Voucher no', 'Party', 'Account', 'Amount'],
      ['15-10-2026', 'LW/R1', 'Annapurna Distributors', 'Sales @ 18%', '500.00'],
      ['15-10-2026', 'LW/R2', 'Shiv Shakti Enterprises', 'Sales @ 5%', '300.00'],
    ];
    const lines = await importFile(ws, writeText(join(dir, 'accounts.csv'), delimited(register)), { kind: 'sales' });
    expect(lines.errors).toEqual([]);
    expect(stored(lines.batch)).toEqual([
      ['invoice', 'LW/R1', 'D001', 50000, null],
      ['invoice', 'LW/R2', 'D002', 30000, null],
    ]);
  });

  it("reads a voucher's round-off ledger as its round-off, so its net value is its sales ledger's, where each line's side is told", async () => {
    const stored = (batch: number | null) =>
      storedRows(ws, 'sales', batch ?? 0).map((r) => [r.doc_no, r.net_value, r.tax, r.round_off]);
    // A Debit / Credit pair: rounded up (the round-off credited beside the debited party), down,
    // and a credit note rounded up (debited beside the credited party).
    const pair = [
      ['Date', 'Voucher type', 'Voucher no', 'Party', 'Ledger', 'Debit', 'Credit'],
      ['12-10-2026', 'Sales', 'RO/1', 'D001', 'D001', '1,181.00', null],
      ['12-10-2026', 'Sales', 'RO/1', 'D001', 'Sales @ 18%', null, '1,000.40'],
      ['12-10-2026', 'Sales', 'RO/1', 'D001', 'Output CGST', null, '90.04'],
      ['12-10-2026', 'Sales', 'RO/1', 'D001', 'Output SGST', null, '90.04'],
      ['12-10-2026', 'Sales', 'RO/1', 'D001', 'Round Off', null, '0.52'],
      ['13-10-2026', 'Sales', 'RO/2', 'D002', 'D002', '1,050.00', null],
      ['13-10-2026', 'Sales', 'RO/2', 'D002', 'Sales @ 5%', null, '1,000.40'],
      ['13-10-2026', 'Sales', 'RO/2', 'D002', 'Output IGST', null, '50.02'],
      ['13-10-2026', 'Sales', 'RO/2', 'D002', 'Rounding Off', '0.42', null],
      ['14-10-2026', 'Credit Note', 'RO/C1', 'D001', 'Sales Returns', '99.60', null],
      ['14-10-2026', 'Credit Note', 'RO/C1', 'D001', 'Output IGST', '17.93', null],
      ['14-10-2026', 'Credit Note', 'RO/C1', 'D001', 'Round Off', '0.47', null],
      ['14-10-2026', 'Credit Note', 'RO/C1', 'D001', 'D001', null, '118.00'],
    ];
    const result = await importFile(ws, writeText(join(dir, 'rounded.csv'), delimited(pair)), { kind: 'sales' });
    expect(result.errors).toEqual([]);
    expect(stored(result.batch)).toEqual([
      ['RO/1', 100040, 18008, 52],
      ['RO/2', 100040, 5002, -42],
      ['RO/C1', -9960, -1793, -47],
    ]);
    expect(result.decisions.map((d) => d.decision)).toContainEqual(
      expect.stringContaining(
        'those of its round-off (Round Off, Rounding Off) its round-off, taken off its net value',
      ),
    );
    // One amount and a Dr/Cr column (TallyPrime's voucher layout) tells the side as well.
    const drCr = [
      ['Voucher Date', 'Voucher Type Name', 'Voucher Number', 'Ledger Name', 'Ledger Amount', 'Ledger Amount Dr/Cr'],
      ['15-10-2026', 'Sales', 'RO/3', 'Annapurna Distributors', 590, 'Dr'],
      [null, null, null, 'Sales Account', '500.40', 'Cr'],
      [null, null, null, 'Output IGST 18%', '90.07', 'Cr'],
      [null, null, null, 'Round Off', '0.47', 'Dr'],
    ];
    const prime = await importFile(ws, await writeXlsx(join(dir, 'rounded.xlsx'), [{ name: 'Vouchers', rows: drCr }]), {
      kind: 'sales',
    });
    expect(prime.errors).toEqual([]);
    expect(stored(prime.batch)).toEqual([['RO/3', 50040, 9007, -47]]);
    // Unsigned amounts with no side: the round-off may be either, and stays in the net, as before.
    const unsigned = [
      ['Date', 'Voucher no', 'Party', 'Ledger', 'Amount'],
      ['16-10-2026', 'RO/4', 'D001', 'D001', '1,181.00'],
      ['16-10-2026', 'RO/4', 'D001', 'Sales @ 18%', '1,000.40'],
      ['16-10-2026', 'RO/4', 'D001', 'Output IGST', '180.08'],
      ['16-10-2026', 'RO/4', 'D001', 'Round Off', '0.52'],
    ];
    const plain = await importFile(ws, writeText(join(dir, 'unsigned.csv'), delimited(unsigned)), { kind: 'sales' });
    expect(plain.errors).toEqual([]);
    expect(stored(plain.batch)).toEqual([['RO/4', 100092, 18008, null]]);
    // A round-off column beside a Dr/Cr column keeps its own sign, turned with a credited party's:
    // the side had made every round-off positive, a bill rounded down as if rounded up.
    const sided = [
      ['Invoice No', 'Invoice Date', 'Distributor Code', 'SKU', 'Qty', 'Net Value', 'Tax', 'Round Off', 'Dr/Cr'],
      ['RO/5', '17-10-2026', 'D001', 'SKU-0001', 2, '100.40', '18.07', '-0.47', 'Dr'],
      ['RO/C5', '17-10-2026', 'D001', 'SKU-0001', 1, '50.20', '9.04', '-0.24', 'Cr'],
    ];
    const column = await importFile(ws, writeText(join(dir, 'round-off-side.csv'), delimited(sided)), {
      kind: 'sales',
    });
    expect(column.errors).toEqual([]);
    expect(stored(column.batch)).toEqual([
      ['RO/5', 10040, 1807, -47],
      ['RO/C5', -5020, -904, 24],
    ]);
  });

  /** ERPNext's General Ledger report, as exported (its Balance and Party Type columns aside). */
  const ledgerHeader = [
    'Posting Date',
    'Account',
    'Debit (INR)',
    'Credit (INR)',
    'Voucher Type',
    'Voucher No',
    'Party',
    'Against Voucher',
  ];

  it("reads Tally Prime's voucher layout: item lines under the party's, its tax ledgers' lines their tax, taken off the party's amount where no item is written", async () => {
    // Without its items: the voucher's and its ledger's columns only.
    const head = voucherHeader.slice(0, 5);
    const [a, b] = namedProducts();
    const taxes = (on: string): FixtureCell[][] => [
      [null, null, null, 'Sales Account', on],
      [null, null, null, 'Output CGST 9%', String(Number(on) * 0.09)],
      [null, null, null, 'Output SGST 9%', String(Number(on) * 0.09)],
    ];
    const withItems: FixtureCell[][] = [
      voucherHeader,
      ['05-Oct-2026', 'Sales', 'TP/1', 'Annapurna Distributors', 708, 'Dr', a.name, '10 pcs', 50, 'pcs', 500],
      [null, null, null, null, null, null, b.name, '4 pcs', 25, 'pcs', 100],
      ...taxes('600').map((row) => [...row, 'Cr']),
      ['07-Oct-2026', 'Credit Note', 'CN/1', 'Annapurna Distributors', 118, 'Cr', a.name, '2 pcs', 50, 'pcs', 100],
      ...taxes('100').map((row) => [...row, 'Dr']),
    ];
    const result = await importFile(
      ws,
      await writeXlsx(join(dir, 'vouchers.xlsx'), [{ name: 'Accounting Voucher', rows: withItems }]),
      { kind: 'sales' },
    );
    expect(result.errors).toEqual([]);
    expect(result.skipped).toEqual({ 'ledger lines': 6 });
    expect(
      storedRows(ws, 'sales', result.batch ?? 0).map((r) => [
        r.doc_type,
        r.doc_no,
        r.distributor_code,
        r.sku,
        r.qty,
        r.net_value,
        r.tax,
      ]),
    ).toEqual([
      // The voucher's 108.00 of GST spread over its items by their amounts.
      ['invoice', 'TP/1', 'D001', a.sku, 10_000, 50_000, 9_000],
      ['invoice', 'TP/1', 'D001', b.sku, 4_000, 10_000, 1_800],
      ['credit_note', 'CN/1', 'D001', a.sku, -2_000, -10_000, -1_800],
    ]);
    // Without items the party's Ledger Amount is the document's total: its tax ledgers' lines come
    // off it. (Other vouchers: TP/1 and CN/1 are stored, and would be refused as already imported.)
    const accounting: FixtureCell[][] = [
      head,
      ['05-Oct-2026', 'Sales', 'TP/2', 'Annapurna Distributors', 708],
      ...taxes('600'),
      ['07-Oct-2026', 'Credit Note', 'CN/2', 'Annapurna Distributors', 118],
      ...taxes('100'),
    ];
    const totals = await importFile(
      ws,
      await writeXlsx(join(dir, 'accounting.xlsx'), [{ name: 'Accounting Voucher', rows: accounting }]),
      { kind: 'sales' },
    );
    expect(totals.errors).toEqual([]);
    expect(totals.warnings).toEqual([]);
    expect(storedRows(ws, 'sales', totals.batch ?? 0).map((r) => [r.doc_type, r.doc_no, r.net_value, r.tax])).toEqual([
      ['invoice', 'TP/2', 60_000, 10_800],
      ['credit_note', 'CN/2', -10_000, -1_800],
    ]);
  });

  it("spreads a voucher's tax and bill discount ledgers over its item lines and keeps its freight as its charges (Tally Prime's voucher layout)", async () => {
    const [a, b] = namedProducts();
    // 600.00 of items less a 2 % trade discount is 588.00 taxable; GST 105.84; freight 50.00;
    // the bill of 743.84 rounded down to 743.00.
    const rows: FixtureCell[][] = [
      voucherHeader,
      ['05-Oct-2026', 'Sales', 'TP/5', 'Annapurna Distributors', 743, 'Dr', a.name, '10 pcs', 50, 'pcs', 500],
      [null, null, null, null, null, null, b.name, '4 pcs', 25, 'pcs', 100],
      ledger('Sales Account', 600, 'Cr'),
      ledger('Trade Discount', 12, 'Dr'),
      ledger('Output CGST 9%', 52.92, 'Cr'),
      ledger('Output SGST 9%', 52.92, 'Cr'),
      ledger('Freight Outward', 50, 'Cr'),
      ledger('Round Off', 0.84, 'Dr'),
      ['06-Oct-2026', 'Sales', 'TP/6', 'Annapurna Distributors', 118, 'Dr', a.name, '2 pcs', 50, 'pcs', 100],
      ledger('Sales Account', 100, 'Cr'),
      ledger('Output IGST 18%', 18, 'Cr'),
      ['07-Oct-2026', 'Sales', 'TP/7', 'Annapurna Distributors', 100, 'Dr', a.name, '2 pcs', 50, 'pcs', 100],
    ];
    const result = await importFile(ws, await writeXlsx(join(dir, 'discounted.xlsx'), [{ name: 'Vouchers', rows }]), {
      kind: 'sales',
    });
    expect(result.errors).toEqual([]);
    expect(result.skipped).toEqual({ 'ledger lines': 8 });
    expect(
      storedRows(ws, 'sales', result.batch ?? 0).map((r) => [
        r.doc_no,
        r.sku,
        r.net_value,
        r.discount,
        r.tax,
        r.charges,
        r.round_off,
      ]),
    ).toEqual([
      // 12.00 of discount and 105.84 of tax spread 5 : 1 over the items, to the paisa.
      ['TP/5', a.sku, 49_000, 1_000, 8_820, 5_000, -84],
      ['TP/5', b.sku, 9_800, 200, 1_764, null, null],
      ['TP/6', a.sku, 10_000, null, 1_800, null, null],
      // A voucher with no ledger lines under it is read as written.
      ['TP/7', a.sku, 10_000, null, null, null, null],
    ]);
    expect(result.decisions.map((d) => d.decision)).toContain(
      "2 vouchers write ledger lines under their item lines: its tax ledgers' (Output CGST 9%, Output SGST 9%, Output IGST 18%) are its tax, spread over its items by their amounts; its discount ledgers' (Trade Discount) come off its items' net values so, as their discount; its freight and other charges' (Freight Outward) are its other charges, on its first item; its round-off's (Round Off) its round-off, where each line's side is told, to the paisa; the sales ledger's and any other are left out",
    );
  });

  it("reads a ledger no rule names under a voucher's items as its other charges where the party's amount holds it, not a sales ledger's cost centres", async () => {
    const [a, b] = namedProducts();
    const rows: FixtureCell[][] = [
      voucherHeader,
      // 600.00 of items, 108.00 of GST and 50.00 of hamali: the party owes 758.00.
      ['05-Oct-2026', 'Sales', 'TP/9', 'Annapurna Distributors', 758, 'Dr', a.name, '10 pcs', 50, 'pcs', 500],
      [null, null, null, null, null, null, b.name, '4 pcs', 25, 'pcs', 100],
      ledger('Sales Account', 600, 'Cr'),
      ledger('Output CGST 9%', 54, 'Cr'),
      ledger('Output SGST 9%', 54, 'Cr'),
      ledger('Hamali Charges', 50, 'Cr'),
      // The sales ledger's cost centres: its 100.00 again, nothing the party owes beyond.
      ['06-Oct-2026', 'Sales', 'TP/10', 'Annapurna Distributors', 118, 'Dr', a.name, '2 pcs', 50, 'pcs', 100],
      ledger('Sales Account', 100, 'Cr'),
      ledger('Branch Pune', 100, 'Cr'),
      ledger('Output IGST 18%', 18, 'Cr'),
    ];
    const result = await importFile(ws, await writeXlsx(join(dir, 'hamali.xlsx'), [{ name: 'Vouchers', rows }]), {
      kind: 'sales',
    });
    expect(result.errors).toEqual([]);
    expect(
      storedRows(ws, 'sales', result.batch ?? 0).map((r) => [r.doc_no, r.sku, r.net_value, r.tax, r.charges]),
    ).toEqual([
      ['TP/9', a.sku, 50_000, 9_000, 5_000],
      ['TP/9', b.sku, 10_000, 1_800, null],
      ['TP/10', a.sku, 10_000, 1_800, null],
    ]);
    expect(result.decisions.map((d) => d.decision).join('\n')).toContain('(Hamali Charges) are its other charges');
  });

  it("refuses a voucher's item lines whose tax ledger's amount does not read, naming it, rather than leave the tax out", async () => {
    const [a] = namedProducts();
    const rows: FixtureCell[][] = [
      voucherHeader,
      ['05-Oct-2026', 'Sales', 'TP/8', 'Annapurna Distributors', 118, 'Dr', a.name, '2 pcs', 50, 'pcs', 100],
      [null, null, null, 'Sales Account', 100, 'Cr'],
      [null, null, null, 'Output IGST 18%', '18,0O', 'Cr'],
    ];
    const result = await importFile(ws, await writeXlsx(join(dir, 'garbled.xlsx'), [{ name: 'Vouchers', rows }]), {
      kind: 'sales',
      validOnly: true,
    });
    expect(result.rows).toBe(0);
    expect(result.errors).toEqual([expect.objectContaining({ row: 2, value: '18,0O' })]);
  });

  it('reads an invoice-type voucher that credits its party as a return, against the invoice its ledger names', async () => {
    // ERPNext writes a sales return as a Sales Invoice whose debtor is credited; its Against
    // Voucher names the invoice returned, and an invoice's names the invoice itself. Its report
    // writes the balances in quotes where the account goes: money already counted, not vouchers.
    const rows = [
      ledgerHeader,
      [null, "'Opening'", '5,000.00', '2,000.00', null, null, null, null],
      ['2026-10-02', 'Debtors - AG', '1,180.00', '0', 'Sales Invoice', 'SINV-1', 'D001', 'SINV-1'],
      ['2026-10-02', 'Sales - AG', '0', '1,000.00', 'Sales Invoice', 'SINV-1', null, null],
      ['2026-10-02', 'Output Tax IGST - AG', '0', '180.00', 'Sales Invoice', 'SINV-1', null, null],
      ['2026-10-06', 'Debtors - AG', '0', '590.00', 'Sales Invoice', 'SINV-RET-1', 'D001', 'SINV-1'],
      ['2026-10-06', 'Sales - AG', '500.00', '0', 'Sales Invoice', 'SINV-RET-1', null, null],
      ['2026-10-06', 'Output Tax IGST - AG', '90.00', '0', 'Sales Invoice', 'SINV-RET-1', null, null],
      [null, "'Total'", '1,770.00', '1,770.00', null, null, null, null],
      [null, "'Closing (Opening + Total)'", '6,770.00', '3,770.00', null, null, null, null],
    ];
    const result = await importFile(ws, writeText(join(dir, 'gl-return.csv'), delimited(rows)), { kind: 'sales' });
    expect(result.errors).toEqual([]);
    expect(result.skipped).toEqual({ 'balance rows': 2, 'total rows': 1, 'ledger lines': 4 });
    expect(result.decisions.map((d) => d.decision)).toContain(
      '1 line of an invoice type credits its party: it is a return, read as a credit note',
    );
    expect(
      storedRows(ws, 'sales', result.batch ?? 0).map((r) => [
        r.doc_type,
        r.doc_no,
        r.net_value,
        r.tax,
        r.against_doc_no,
      ]),
    ).toEqual([
      ['invoice', 'SINV-1', 100000, 18000, null],
      ['credit_note', 'SINV-RET-1', -50000, -9000, 'SINV-1'],
    ]);
    // Where the amount is one signed column, a negative invoice is still refused, never guessed at.
    const signed = await importFile(
      ws,
      writeText(
        join(dir, 'signed.csv'),
        delimited([
          ['Date', 'Voucher Type', 'Invoice No', 'Party', 'Net Amount'],
          ['2026-10-06', 'Sales Invoice', 'SINV-7', 'D001', '-500.00'],
        ]),
      ),
      { kind: 'sales', dryRun: true },
    );
    expect(signed.errors.map((e) => e.message)).toEqual([
      'a negative amount on a line marked as an invoice (make it a credit note, or correct the sign)',
    ]);
  });

  it("reads a general ledger's receipts: a payment voucher that credits its party is money received, its bank line left out", async () => {
    const rows = [
      ledgerHeader,
      ['2026-10-02', 'Debtors - AG', '1,180.00', '0', 'Sales Invoice', 'SINV-1', 'D001', 'SINV-1'],
      ['2026-10-02', 'Sales - AG', '0', '1,180.00', 'Sales Invoice', 'SINV-1', null, null],
      ['2026-10-08', 'Debtors - AG', '0', '1,000.00', 'Payment Entry', 'PE-1', 'D001', 'SINV-1'],
      ['2026-10-08', 'Bank - AG', '1,000.00', '0', 'Payment Entry', 'PE-1', null, null],
      // Money paid out to a party debits it: not a receipt, whatever the voucher type shares.
      ['2026-10-09', 'Debtors - AG', '200.00', '0', 'Payment Entry', 'PE-2', 'D002', null],
      ['2026-10-09', 'Bank - AG', '0', '200.00', 'Payment Entry', 'PE-2', null, null],
      ['2026-10-10', 'Debtors - AG', '0', '500.00', 'Receipt', 'RV-1', 'D002', null],
      ['2026-10-10', 'Cash - AG', '500.00', '0', 'Receipt', 'RV-1', null, null],
    ];
    const result = await importFile(ws, writeText(join(dir, 'gl-receipts.csv'), delimited(rows)), {
      kind: 'payments',
    });
    expect(result.errors).toEqual([]);
    expect(result.skipped).toEqual({ 'ledger lines': 4, 'type:Sales Invoice': 1, 'type:Payment Entry': 1 });
    expect(result.decisions.map((d) => d.decision)).toContain(
      '1 "Payment Entry" voucher credits its party: money received, imported as receipts; 1 that debits its party is skipped as money paid out',
    );
    expect(
      storedRows(ws, 'payments', result.batch ?? 0).map((r) => [
        r.receipt_no,
        r.distributor_code,
        r.amount,
        r.against_doc_no,
      ]),
    ).toEqual([
      ['PE-1', 'D001', 100000, 'SINV-1'],
      ['RV-1', 'D002', 50000, null],
    ]);
  });

  it("reads a ledger-wise day book's receipts by the party's own entry, its bank and TDS entries left out, and a register's every receipt", async () => {
    const rows = [
      ['Date', 'Voucher type', 'Voucher no', 'Party', 'Ledger', 'Debit', 'Credit'],
      // The bank's entry before the party's, the TDS withheld after it.
      ['14-10-2026', 'Receipt', 'LWR-1', 'D001', 'HDFC Bank', '9,800.00', null],
      ['14-10-2026', 'Receipt', 'LWR-1', 'D001', 'D001', null, '10,000.00'],
      ['14-10-2026', 'Receipt', 'LWR-1', 'D001', 'TDS Receivable', '200.00', null],
      ['15-10-2026', 'Payment', 'LWP-1', 'D002', 'D002', '500.00', null],
      ['15-10-2026', 'Payment', 'LWP-1', 'D002', 'HDFC Bank', null, '500.00'],
      ['16-10-2026', 'Receipt', 'LWR-2', 'D002', 'Sundry Debtors', null, '750.00'],
      ['16-10-2026', 'Receipt', 'LWR-2', 'D002', 'Cash', '750.00', null],
    ];
    const result = await importFile(ws, writeText(join(dir, 'receipts-by-ledger.csv'), delimited(rows)), {
      kind: 'payments',
    });
    expect(result.errors).toEqual([]);
    expect(result.skipped).toEqual({ 'ledger lines': 4, 'type:Payment': 1 });
    expect(
      storedRows(ws, 'payments', result.batch ?? 0).map((r) => [r.receipt_no, r.distributor_code, r.amount]),
    ).toEqual([
      ['LWR-1', 'D001', 1_000_000],
      ['LWR-2', 'D002', 75_000],
    ]);
    // A register naming each receipt's bank beside its party has no entry of the party's own.
    const register = [
      ['Date', 'Receipt No', 'Party', 'Ledger', 'Amount'],
      ['14-10-2026', 'LWR-3', 'D001', 'HDFC Bank', '10,000.00'],
      ['15-10-2026', 'LWR-4', 'D002', 'ICICI Bank', '500.00'],
    ];
    const each = await importFile(ws, writeText(join(dir, 'receipts-with-banks.csv'), delimited(register)), {
      kind: 'payments',
    });
    expect(each.errors).toEqual([]);
    expect(storedRows(ws, 'payments', each.batch ?? 0).map((r) => [r.receipt_no, r.amount])).toEqual([
      ['LWR-3', 1_000_000],
      ['LWR-4', 50_000],
    ]);
  });

  it("reads Zoho Books' AR Aging Details: its Transaction#, a credit note's balance owed back, one sentence for its dates", async () => {
    const rows = [
      ['AR Aging Details By Invoice Due Date'],
      ['As of 31/10/2026'],
      ['Date', 'Transaction#', 'Type', 'Status', 'Customer Name', 'Age', 'Due Date', 'Amount', 'Balance Due'],
      ['02/09/2026', 'INV-000101', 'Invoice', 'Overdue', 'D001', '29 Days', '02/10/2026', '11,800.00', '11,800.00'],
      ['15/07/2026', 'INV-000090', 'Invoice', 'Overdue', 'D002', '78 Days', '14/08/2026', '5,900.00', '2,900.00'],
      ['20/10/2026', 'CN-00004', 'Credit Note', 'Open', 'D001', '11 Days', '20/10/2026', '1,180.00', '-1,180.00'],
      ['Total', null, null, null, null, null, null, null, '13,520.00'],
    ];
    const result = await importFile(ws, writeText(join(dir, 'ar-aging.csv'), delimited(rows)), {
      kind: 'receivables',
    });
    expect(result.errors).toEqual([]);
    expect(result.decisions.filter((d) => d.decision.startsWith('Dates are read')).map((d) => d.decision)).toEqual([
      'Dates are read day first, as "15/07/2026" shows',
    ]);
    expect(
      storedRows(ws, 'receivables', result.batch ?? 0).map((r) => [r.as_of, r.doc_no, r.due_date, r.outstanding]),
    ).toEqual([
      ['2026-10-31', 'INV-000101', '2026-10-02', 1180000],
      ['2026-10-31', 'INV-000090', '2026-08-14', 290000],
      ['2026-10-31', 'CN-00004', '2026-10-20', -118000],
    ]);
  });

  it("reads Tally's List of Ledgers as distributors: each name its code, the ledgers of banks, taxes and suppliers left out", async () => {
    const rows = [
      ['List of Ledgers'],
      ['Name', 'Under', 'Opening Balance', 'State'],
      ['Annapurna Traders', 'Sundry Debtors', '11,800.00 Dr', 'Maharashtra'],
      ['HDFC Bank', 'Bank Accounts', '2,50,000.00 Dr', null],
      ['Output CGST', 'Duties & Taxes', null, null],
      ['Sales GST 18%', 'Sales Accounts', null, null],
      ['Steel Suppliers', 'Sundry Creditors', '50,000.00 Cr', null],
      // A group the company made (under Sundry Debtors, as the list does not say) is kept.
      ['Kaveri Traders', 'Pune Dealers', null, 'Maharashtra'],
    ];
    const result = await importFile(ws, writeText(join(dir, 'ledgers.csv'), delimited(rows)), {
      kind: 'distributors',
    });
    expect(result.errors).toEqual([]);
    expect(result.decisions.map((d) => d.decision)).toContain(
      'The file has no column for Code: each row\'s "Name" is its code as well as its name',
    );
    expect(result.skippedSummary).toBe(
      'skipped 4 ledgers under groups that hold no customer: Bank Accounts 1, Duties & Taxes 1, Sales Accounts 1, Sundry Creditors 1',
    );
    expect(storedRows(ws, 'distributors', result.batch ?? 0).map((r) => [r.code, r.name])).toEqual([
      ['Annapurna Traders', 'Annapurna Traders'],
      ['Kaveri Traders', 'Kaveri Traders'],
    ]);
    // The dialog sends the mapping back whole: the proposal's word on the code still stands.
    const more = [...rows, ['Om Traders', 'Sundry Debtors', null, null]];
    const checked = await importFile(ws, writeText(join(dir, 'ledgers-again.csv'), delimited(more)), {
      kind: 'distributors',
      mapping: { code: 'Name', name: 'Name' },
      dryRun: true,
    });
    expect(checked.decisions.map((d) => d.decision)).toContain(
      'The file has no column for Code: each row\'s "Name" is its code as well as its name',
    );
  });

  it('reads a target sheet with a column per month as one target per distributor and month it fills', async () => {
    const rows: FixtureCell[][] = [
      ['Distributor targets, FY 2026-27'],
      ['Distributor Code', 'Distributor Name', new Date(Date.UTC(2026, 9, 1)), new Date(Date.UTC(2026, 10, 1))],
      ['D001', 'Annapurna Distributors', 500000, 550000.5],
      ['D002', 'Shiv Shakti Enterprises', 300000, null],
      // The header printed again for the next page.
      ['Distributor Code', 'Distributor Name', new Date(Date.UTC(2026, 9, 1)), new Date(Date.UTC(2026, 10, 1))],
      ['D003', 'Kaveri Enterprises', null, null],
      ['Total', null, 800000, 550000.5],
    ];
    const path = await writeXlsx(join(dir, 'targets by month.xlsx'), [{ name: 'Targets', rows }]);
    const result = await importFile(ws, path, { kind: 'targets', defaults: { measure: 'net_value' }, validOnly: true });
    expect(result.decisions.map((d) => d.decision)).toContainEqual(
      expect.stringMatching(/^Each month column is a target of its own \(2 columns, "2026-10-01" to "2026-11-01"\)/),
    );
    expect(result.skipped).toEqual({ 'header lines': 1, 'total rows': 1 });
    // A distributor with no target in any month is reported, not passed over.
    expect(result.errors.map((e) => [e.row, e.message])).toContainEqual([6, 'Value is required']);
    expect(result.errors.filter((e) => e.row === 5)).toEqual([]);
    expect(targetsOf(result.batch)).toEqual([
      ['2026-10-01', '2026-10-31', 'D001', '500000'],
      ['2026-11-01', '2026-11-30', 'D001', '550000.5'],
      ['2026-10-01', '2026-10-31', 'D002', '300000'],
    ]);
    // Of what the targets are, the file does not say: asked for, where SQLite's own check had answered.
    await expect(importFile(ws, path, { kind: 'targets', replace: true })).rejects.toThrow(
      /no column for Measure in header row 2\. Map a column/,
    );
    // A scheme given for every row is what they are targets of: no measure is asked for.
    const ofScheme = await importFile(ws, path, {
      kind: 'targets',
      defaults: { scheme_code: 'MBO-OCT' },
      replace: true,
      dryRun: true,
    });
    expect(ofScheme.rows).toBe(3);
    // A row that leaves its measure blank is that row's error.
    const long = [
      ['From', 'To', 'Distributor', 'Measure', 'Value'],
      ['2026-09-01', '2026-09-30', 'D001', 'net_value', 100],
      ['2026-09-01', '2026-09-30', 'D002', null, 200],
    ];
    const blankMeasure = await importFile(ws, writeText(join(dir, 'targets-long.csv'), delimited(long)), {
      kind: 'targets',
      dryRun: true,
    });
    expect(blankMeasure.errors).toEqual([
      { row: 3, column: 'Measure', value: '', message: 'Measure or Scheme is required' },
    ]);
  });

  it('reads a target sheet with a row per distributor and month, its month named in a column of its own', async () => {
    const rows: FixtureCell[][] = [
      ['Distributor Code', 'Month', 'Tgt Amt'],
      ['D001', 'Oct-26', 500000],
      // Excel keeps "Oct-26" as the month's first day, shown as mmm-yy.
      ['D002', new Date(Date.UTC(2026, 9, 1)), 300000],
      ['D001', 'November 2026', 550000],
      ['D002', '11/2026', 310000],
      ['D003', 'Q3 FY26-27', 900000],
    ];
    const path = await writeXlsx(join(dir, 'targets by row.xlsx'), [{ name: 'Targets', rows }]);
    const result = await importFile(ws, path, { kind: 'targets', defaults: { measure: 'net_value' } });
    expect(result.errors).toEqual([]);
    expect(result.decisions.map((d) => d.decision)).toContainEqual(
      expect.stringMatching(/^Each target's period is the month or quarter its "Month" names/),
    );
    expect(targetsOf(result.batch)).toEqual([
      ['2026-10-01', '2026-10-31', 'D001', '500000'],
      ['2026-10-01', '2026-10-31', 'D002', '300000'],
      ['2026-11-01', '2026-11-30', 'D001', '550000'],
      ['2026-11-01', '2026-11-30', 'D002', '310000'],
      ['2026-10-01', '2026-12-31', 'D003', '900000'],
    ]);
    // A month that names none, or none at all, is its row's error, once, in the month's column.
    const bad = [
      ['Distributor Code', 'Month', 'Tgt Amt'],
      ['D001', 'Octember', 500000],
      ['D002', null, 300000],
    ];
    const refused = await importFile(ws, writeText(join(dir, 'targets-bad.csv'), delimited(bad)), {
      kind: 'targets',
      defaults: { measure: 'net_value' },
      dryRun: true,
    });
    expect(refused.errors).toEqual([
      {
        row: 2,
        column: 'Month',
        value: 'Octember',
        message: 'expected a month such as Oct-26, October 2026 or 2026-10, or a quarter such as Q3 FY26-27',
      },
      { row: 3, column: 'Month', value: '', message: 'no month: each target needs the month or quarter it is for' },
    ]);
  });

  it('reads a target sheet with a column per measure as a target of each, named by its header', async () => {
    const rows: FixtureCell[][] = [
      ['Distributor Code', 'Month', 'Target Qty', 'Target Value', 'Target %'],
      ['D001', 'Oct-26', 500, 125000, 5],
      ['D002', 'Oct-26', null, 90000, 4],
    ];
    const path = await writeXlsx(join(dir, 'targets by measure.xlsx'), [{ name: 'Targets', rows }]);
    const preview = await inspectFile(ws.db, { path, kind: 'targets', locale: 'en-IN' });
    expect(preview.mapping).toMatchObject({ value: 'Target Value', measure_1: 'Target Qty' });
    expect(Object.values(preview.mapping)).not.toContain('Target %');
    expect(preview.unmappedRequired).not.toContain('measure');
    const result = await importFile(ws, path, { kind: 'targets' });
    expect(result.errors).toEqual([]);
    expect(result.decisions.map((d) => d.decision)).toContain(
      'Each of "Target Qty", "Target Value" is a target of its own measure, named by its header: a row gives its distributor a target for each of them it fills (a scheme\'s targets from the dataset pick the measure by that name)',
    );
    const stored = (batch: number | null) =>
      storedRows(ws, 'targets', batch ?? 0).map((r) => [r.distributor_code, r.measure, r.period_from, r.value]);
    expect(stored(result.batch)).toEqual([
      ['D001', 'Target Qty', '2026-10-01', '500'],
      ['D001', 'Target Value', '2026-10-01', '125000'],
      ['D002', 'Target Value', '2026-10-01', '90000'],
    ]);
    // Given one measure for every row, the value's column alone is read, and the result says which is not.
    const one = await importFile(ws, path, { kind: 'targets', defaults: { measure: 'net_value' }, replace: true });
    expect(stored(one.batch)).toEqual([
      ['D001', 'net_value', '2026-10-01', '125000'],
      ['D002', 'net_value', '2026-10-01', '90000'],
    ]);
    expect(one.decisions.map((d) => d.decision)).toContain(
      '"Target Qty" is not read: the targets are of the measure or scheme given for every row; import it with its own measure (--map value=HEADER --set measure=NAME)',
    );
  });

  it('skips Excel\'s subtotal lines ("D001 Total") but keeps a product named "… Total" as a line', async () => {
    const day = new Date(Date.UTC(2026, 9, 3));
    const rows = [
      ['Invoice No', 'Invoice Date', 'Distributor', 'Outlet', 'SKU', 'Qty', 'Net Amount'],
      ['SI/X/1', day, 'D001', 'O00001', 'SKU-0001', 2, 1000],
      ['SI/X/1', day, 'D001', 'O00001', 'SKU-0002', 1, 500],
      [null, null, 'D001 Total', null, null, 3, 1500],
      ['SI/X/2', day, 'D002', 'O00002', 'SKU-0003', 5, 250],
      ['SI/X/2', day, 'D002', 'O00002', 'Colgate Total', 1, 50],
      [null, null, 'D002 Count', null, null, 2, null],
      [null, null, 'Grand Total', null, null, 9, 1800],
    ];
    const path = join(dir, 'subtotals.xlsx');
    await writeXlsx(path, [{ name: 'Sales', rows }]);
    const result = await importFile(ws, path, { kind: 'sales' });
    expect(result.skipped).toEqual({ 'total rows': 3 });
    // The product line is read as a line: refused for its unknown product, not dropped as a total.
    expect(result.errors).toEqual([
      expect.objectContaining({ row: 6, column: 'SKU', message: 'unknown product "Colgate Total"' }),
    ]);
    expect(result.rows).toBe(3);
  });

  it('keeps an item named "Total…" in the first column, under its voucher, as a line', async () => {
    const rows = [
      ['Item', 'Voucher No', 'Date', 'Party', 'Qty', 'Amount'],
      [null, 'V/1', '13-10-2026', 'D001', null, '300.00'],
      ['SKU-0001', null, null, null, 2, '200.00'],
      ['Total Care 1 L', null, null, null, 1, '100.00'],
    ];
    const result = await importFile(ws, writeText(join(dir, 'items first.csv'), delimited(rows)), {
      kind: 'sales',
      dryRun: true,
    });
    expect(result.skipped).toEqual({});
    expect(result.errors).toEqual([
      expect.objectContaining({ row: 4, column: 'Item', message: 'unknown product "Total Care 1 L"' }),
    ]);
  });

  it('reads the party or the item of a report grouped by it from the heading above its lines (QuickBooks)', async () => {
    const title = [['Sales by Customer Detail'], ['Acme Consumer Products Pvt Ltd'], ['October 2026'], []];
    const columns = ['Date', 'Transaction Type', 'Num', 'Memo/Description', 'Qty', 'Sales Price', 'Amount', 'Balance'];
    const byCustomer = [
      ...title,
      ['', ...columns.slice(0, 3), 'Product/Service', ...columns.slice(3)],
      ['D001'],
      [null, '03/10/2026', 'Invoice', '1001', 'SKU-0001', 'Cola', 2, '500.00', '1,000.00', '1,000.00'],
      [null, '05/10/2026', 'Invoice', '1003', 'SKU-0002', 'Lemon', 1, '800.00', '800.00', '1,800.00'],
      ['Total for D001', null, null, null, null, null, 3, null, '1,800.00'],
      ['D002'],
      [null, '14/10/2026', 'Invoice', '1002', 'SKU-0001', 'Cola', 3, '500.00', '1,500.00', '1,500.00'],
      ['Total for D002', null, null, null, null, null, 3, null, '1,500.00'],
      ['TOTAL', null, null, null, null, null, 6, null, '3,300.00'],
    ];
    const customers = await importFile(ws, writeText(join(dir, 'by-customer.csv'), delimited(byCustomer)), {
      kind: 'sales',
    });
    expect(customers).toMatchObject({ rows: 3, rejected: 0, skipped: { 'heading rows': 2, 'total rows': 3 } });
    expect(customers.decisions).toContainEqual({
      field: 'distributor_code',
      decision: 'Distributor is read from the heading row above each group of lines: the lines leave it out',
    });
    const stored = (batch: number | null) =>
      storedRows(ws, 'sales', batch ?? 0).map((r) => [r.doc_no, r.distributor_code, r.sku, r.net_value]);
    expect(stored(customers.batch)).toEqual([
      ['1001', 'D001', 'SKU-0001', 100000],
      ['1003', 'D001', 'SKU-0002', 80000],
      ['1002', 'D002', 'SKU-0001', 150000],
    ]);

    const byProduct = [
      ...title,
      ['', ...columns.slice(0, 3), 'Customer', ...columns.slice(3)],
      ['SKU-0003'],
      [null, '03/10/2026', 'Invoice', '2001', 'D001', 'Cola', 2, '500.00', '1,000.00', '1,000.00'],
      [null, '16/10/2026', 'Credit Memo', 'CM-7', 'D001', 'Cola', -1, '500.00', '-500.00', '500.00'],
      ['Total for SKU-0003', null, null, null, null, null, 1, null, '500.00'],
      ['SKU-0004'],
      [null, '04/10/2026', 'Invoice', '2001', 'D001', 'Lemon', 1, '800.00', '800.00', '800.00'],
    ];
    const products = await importFile(ws, writeText(join(dir, 'by-product.csv'), delimited(byProduct)), {
      kind: 'sales',
    });
    expect(products).toMatchObject({ rows: 3, rejected: 0, totals: { net_value: '1300.00' } });
    expect(stored(products.batch)).toEqual([
      ['2001', 'D001', 'SKU-0003', 100000],
      ['CM-7', 'D001', 'SKU-0003', -50000],
      ['2001', 'D001', 'SKU-0004', 80000],
    ]);

    // An unnamed column that numbers the rows is no heading: the file still has no distributor.
    const numbered = [
      ['', 'Invoice No', 'Invoice Date', 'SKU', 'Qty', 'Net Amount'],
      [1, 'SI/1', '03/10/2026', 'SKU-0001', 1, '100.00'],
      [2, 'SI/2', '04/10/2026', 'SKU-0001', 1, '100.00'],
    ];
    await expect(
      importFile(ws, writeText(join(dir, 'numbered.csv'), delimited(numbered)), { kind: 'sales' }),
    ).rejects.toThrow('no column for Distributor');
  });

  it('reports a voucher row that no item row follows instead of dropping it', async () => {
    const rows = [
      ['Voucher No', 'Date', 'Party', 'Item', 'Qty', 'Amount'],
      ['SI/V/9', '03-10-2026', 'D001', null, null, '1,500.00'],
      ['SI/V/10', '03-10-2026', 'D001', 'SKU-0001', 1, '100.00'],
    ];
    const result = await importFile(ws, writeText(join(dir, 'lonely.csv'), delimited(rows)), {
      kind: 'sales',
      dateOrder: 'dmy',
    });
    expect(result.batch).toBeNull();
    expect(result.errors.map((e) => [e.row, e.message])).toEqual([
      [2, 'SKU is required'],
      [2, 'Qty is required'],
    ]);
  });

  it('fills merged cells with their value', async () => {
    const rows = [
      ['Outstanding as on 31-10-2026'],
      ['Party Code', 'Bill No', 'Bill Date', 'Due Date', 'Pending Amount', 'As On'],
      ['D001', 'INV/M/1', '01-09-2026', '01-10-2026', '10,000.00', '31-10-2026'],
      [null, 'INV/M/2', '05-09-2026', '05-10-2026', '2,500.50', null],
      ['D002', 'INV/M/3', '07-09-2026', '07-10-2026', '99.00', null],
    ];
    const path = await writeXlsx(join(dir, 'outstanding.xlsx'), [
      { name: 'Outstanding', rows, merges: ['A3:A4', 'F3:F5'] },
    ]);
    const result = await importFile(ws, path, { kind: 'receivables' });
    expect(result.errors).toEqual([]);
    expect(
      storedRows(ws, 'receivables', result.batch ?? 0).map((r) => [
        r.distributor_code,
        r.doc_no,
        r.as_of,
        r.outstanding,
      ]),
    ).toEqual([
      ['D001', 'INV/M/1', '2026-10-31', 1000000],
      ['D001', 'INV/M/2', '2026-10-31', 250050],
      ['D002', 'INV/M/3', '2026-10-31', 9900],
    ]);
  });

  it("refuses a line's amount merged over the lines under it, which Excel shows once, on every line it spans, in a workbook and a web page", async () => {
    // A bill's 300.00 merged over its two lines: filled into each, it was 600.00; kept on the
    // first line alone when only valid rows were imported, the whole bill was SKU-0001's.
    const rows = [
      ['Invoice No', 'Invoice Date', 'Distributor Code', 'SKU', 'Qty', 'Net Value'],
      ['MA/1', '15-10-2026', 'D001', 'SKU-0001', 2, '300.00'],
      [null, null, null, 'SKU-0002', 1, null],
      ['MA/2', '16-10-2026', 'D002', 'SKU-0001', 1, '100.00'],
    ];
    const workbook = await writeXlsx(join(dir, 'merged amount.xlsx'), [
      { name: 'Sales', rows, merges: ['A2:A3', 'B2:B3', 'C2:C3', 'F2:F3'] },
    ]);
    const page = writeText(
      join(dir, 'merged amount.xls'),
      `<table><tr>${rows[0]?.map((h) => `<td>${h}</td>`).join('')}</tr>` +
        '<tr><td rowspan="2">MA/1</td><td rowspan="2">15-10-2026</td><td rowspan="2">D001</td><td>SKU-0001</td><td>2</td><td rowspan="2">300.00</td></tr>' +
        '<tr><td>SKU-0002</td><td>1</td></tr><tr><td>MA/2</td><td>16-10-2026</td><td>D002</td><td>SKU-0001</td><td>1</td><td>100.00</td></tr></table>',
    );
    const refused = (row: number, where: string) => ({
      row,
      column: 'Net Value',
      value: '300.00',
      message: `the cell is merged with the ${where}: Excel shows 300.00 once, for the rows the merged cell spans together, and which part of it is this row's cannot be told. Unmerge the cells and give each row its own net value`,
    });
    for (const path of [workbook, page]) {
      const result = await importFile(ws, path, { kind: 'sales', dateOrder: 'dmy' });
      expect(result.batch).toBeNull();
      expect(result.errors).toEqual([refused(2, 'rows under it'), refused(3, 'row above it')]);
      const valid = await importFile(ws, path, { kind: 'sales', dateOrder: 'dmy', validOnly: true });
      expect(storedRows(ws, 'sales', valid.batch ?? 0).map((r) => [r.doc_no, r.sku, r.net_value])).toEqual([
        ['MA/2', 'SKU-0001', 10000],
      ]);
      ws.db.prepare('DELETE FROM sales WHERE batch_id = ?').run(valid.batch);
    }
  });

  it('reads a record a report draws two rows tall, every cell merged down over both, once, in a workbook and a web page', async () => {
    const rows = [
      ['Invoice No', 'Invoice Date', 'Distributor Code', 'SKU', 'Qty', 'Net Value'],
      ['TT/1', '15-10-2026', 'D001', 'SKU-0001', 2, '300.00'],
      [null, null, null, null, null, null],
      ['TT/2', '16-10-2026', 'D002', 'SKU-0002', 1, '100.00'],
      [null, null, null, null, null, null],
    ];
    const merges = ['A', 'B', 'C', 'D', 'E', 'F'].flatMap((c) => [`${c}2:${c}3`, `${c}4:${c}5`]);
    const workbook = await writeXlsx(join(dir, 'tall records.xlsx'), [{ name: 'Sales', rows, merges }]);
    const tall = (cells: readonly FixtureCell[]) =>
      `<tr>${cells.map((c) => `<td rowspan="2">${c}</td>`).join('')}</tr><tr></tr>`;
    const page = writeText(
      join(dir, 'tall records.xls'),
      `<table><tr>${rows[0]?.map((h) => `<td>${h}</td>`).join('')}</tr>${tall(rows[1] ?? [])}${tall(rows[3] ?? [])}</table>`,
    );
    for (const path of [workbook, page]) {
      const result = await importFile(ws, path, { kind: 'sales', dateOrder: 'dmy' });
      expect(result.errors).toEqual([]);
      expect(result.skippedSummary).toBe('skipped 2 rows merged into the one above');
      expect(storedRows(ws, 'sales', result.batch ?? 0).map((r) => [r.doc_no, r.sku, r.qty, r.net_value])).toEqual([
        ['TT/1', 'SKU-0001', 2000, 30000],
        ['TT/2', 'SKU-0002', 1000, 10000],
      ]);
      ws.db.prepare('DELETE FROM sales WHERE batch_id = ?').run(result.batch);
    }
  });

  it('takes a blank date, party or outlet from the row above where asked, as a pivot table or report shows it once', async () => {
    // A pivot table of distributors, dates and bills (item labels not repeated), its grand total
    // below: a bill's second line leaves its number blank too (filled already, as a document's).
    const rows: FixtureCell[][] = [
      ['Distributor Code', 'Invoice Date', 'Invoice No', 'SKU', 'Qty', 'Net Value'],
      ['D001', '15-10-2026', 'PV/1', 'SKU-0001', 2, '300.00'],
      [null, null, null, 'SKU-0002', 1, '100.00'],
      [null, null, 'PV/2', 'SKU-0001', 1, '50.00'],
      [null, '16-10-2026', 'PV/3', 'SKU-0001', 1, '60.00'],
      ['D002', null, 'PV/4', 'SKU-0002', 1, '70.00'],
      ['Grand Total', null, null, null, 6, '580.00'],
    ];
    for (const path of [
      writeText(join(dir, 'pivot.csv'), delimited(rows)),
      await writeXlsx(join(dir, 'pivot.xlsx'), [{ name: 'Pivot', rows }]),
    ]) {
      const refused = await importFile(ws, path, { kind: 'sales', dateOrder: 'dmy' });
      expect(refused.batch).toBeNull();
      expect(refused.errors.map((e) => [e.row, e.column, e.message])).toEqual([
        [4, 'Invoice Date', 'Date is required'],
        [4, 'Distributor Code', 'Distributor is required'],
        [5, 'Distributor Code', 'Distributor is required'],
        [6, 'Invoice Date', 'Date is required'],
      ]);
      expect(refused.warnings).toEqual([
        '3 rows leave "Invoice Date" or "Distributor Code" blank under rows that write it (rows 4, 5, 6), as a report or a pivot table that shows a value once for the rows sharing it does: if this file is one, import it with "Take a blank date, party or outlet from the row above" (--fill-down); if not, give each row its own',
      ]);
      const filled = await importFile(ws, path, { kind: 'sales', dateOrder: 'dmy', fillDown: true });
      expect(filled.errors).toEqual([]);
      expect(filled.skipped).toEqual({ 'total rows': 1 });
      expect(filled.decisions.map((d) => d.decision)).toContain(
        'Blank cells took the value written above them, as chosen for this import (a report or pivot table shows a value once for the rows that share it): Invoice Date 2, Distributor Code 2',
      );
      expect(
        storedRows(ws, 'sales', filled.batch ?? 0).map((r) => [r.distributor_code, r.doc_date, r.doc_no, r.net_value]),
      ).toEqual([
        ['D001', '2026-10-15', 'PV/1', 30000],
        ['D001', '2026-10-15', 'PV/1', 10000],
        ['D001', '2026-10-15', 'PV/2', 5000],
        ['D001', '2026-10-16', 'PV/3', 6000],
        ['D002', '2026-10-16', 'PV/4', 7000],
      ]);
      rollBackBatch(ws.db, filled.batch ?? 0, 'tester');
    }
  });

  it('reads a header written on two rows: a group over its columns names each with what the row under it says', async () => {
    const outlet = String(ws.db.prepare("SELECT min(code) FROM outlets WHERE distributor_code = 'D001'").pluck().get());
    const lines = [
      ['B1', '2026-10-05', 'D001', outlet, 'SKU-0001', 10, 2, 45, 45, 500],
      ['B2', '2026-10-06', 'D001', outlet, 'SKU-0001', 5, 0, 22.5, 22.5, 250],
    ];
    const top = ['Bill No', 'Bill Date', 'Party Code', 'Retailer Code', 'Item Code', 'Quantity', 'Quantity'];
    // In a workbook the group is one cell merged over its columns, and the others are merged down both rows.
    const merged = await writeXlsx(join(dir, 'two rows.xlsx'), [
      {
        name: 'Sales',
        rows: [
          [...top, 'Tax', 'Tax', 'Amount'],
          [...top.slice(0, 5), 'Billed', 'Free', 'CGST', 'SGST', 'Amount'],
          ...lines,
        ],
        merges: ['A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'E1:E2', 'F1:G1', 'H1:I1', 'J1:J2'],
      },
    ]);
    // A CSV writes the group once, the columns after it blank, and the others once.
    const csv = writeText(
      join(dir, 'two rows.csv'),
      delimited([
        [...top.slice(0, 6), null, 'Tax', null, 'Amount'],
        [null, null, null, null, null, 'Billed', 'Free', 'CGST', 'SGST', null],
        ...lines,
      ]),
    );
    for (const path of [merged, csv]) {
      const result = await importFile(ws, path, { kind: 'sales', dryRun: true });
      expect(result.errors).toEqual([]);
      expect(result.skipped).toEqual({ 'header lines': 1 });
      expect(result.totals).toMatchObject({ qty: '15.000', net_value: '750.00', tax: '135.00' });
      expect(result.decisions.map((d) => d.decision)).toContain(
        '"Free Quantity" is not counted: goods given free are no sale, and the quantities are read from "Billed Quantity" alone (1 line gives 2 free in all)',
      );
    }
    // The document's number and the product's code under groups too ("Invoice": No, Date): the
    // second row names them by a part of their header, and is no line.
    const grouped = await writeXlsx(join(dir, 'grouped keys.xlsx'), [
      {
        name: 'Secondary Sales',
        rows: [
          ['Distributor Code', 'Invoice', 'Invoice', 'Retailer', 'Retailer', 'Product', 'Product', 'Qty', 'Amount'],
          ['Distributor Code', 'No', 'Date', 'Code', 'Name', 'Code', 'Name', 'Qty', 'Amount'],
          ['D001', 'B1', '2026-10-05', outlet, 'Sharma Kirana', 'SKU-0001', 'Soap', 10, 500],
          ['D001', 'B2', '2026-10-06', outlet, 'Sharma Kirana', 'SKU-0002', 'Soap', 5, 250],
        ],
        merges: ['A1:A2', 'B1:C1', 'D1:E1', 'F1:G1', 'H1:H2', 'I1:I2'],
      },
    ]);
    const result = await importFile(ws, grouped, { kind: 'sales', dryRun: true });
    expect(result.mapping).toMatchObject({ doc_no: 'Invoice No', outlet_code: 'Retailer Code', sku: 'Product Code' });
    expect(result.errors).toEqual([]);
    expect(result.skipped).toEqual({ 'header lines': 1 });
    expect(result.totals).toMatchObject({ qty: '15.000', net_value: '750.00' });
  });

  it("reads a register's dates written without their year (5-Oct) in the period its title gives", async () => {
    const rows = [
      ['Acme Consumer Products Pvt Ltd'],
      ['Sales Register'],
      ['1-Apr-2026 to 31-Mar-2027'],
      ['Date', 'Particulars', 'Vch No.', 'Item', 'Qty', 'Value'],
      ['5-Oct', 'Annapurna Distributors', 'S-101', 'SKU-0001', 10, '1000.00'],
      ['6-Jan', 'Annapurna Distributors', 'S-102', 'SKU-0002', 5, '250.00'],
    ];
    const r = await importFile(ws, writeText(join(dir, 'yearless.csv'), delimited(rows)), { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.decisions.map((d) => d.decision)).toContain(
      'Dates written without their year (5-Oct) are in the period the title "1-Apr-2026 to 31-Mar-2027" gives, 2026-04-01 to 2027-03-31',
    );
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.doc_date])).toEqual([
      ['S-101', '2026-10-05'],
      ['S-102', '2027-01-06'],
    ]);
    // Without the title nothing gives the year: refused, saying so.
    const bare = await importFile(ws, writeText(join(dir, 'no-title.csv'), delimited(rows.slice(3))), {
      kind: 'sales',
      dryRun: true,
    });
    expect(bare.errors[0]?.message).toBe(
      '"5-Oct" has no year, and no title above the header gives the report\'s period: export the dates with their year',
    );
  });

  it('takes a value for a field the file has no column for (the as-of date in a report title)', async () => {
    const rows = [
      ['Party Code', 'Bill No', 'Bill Date', 'Pending Amount'],
      ['D001', 'INV/A/1', '01-09-2026', '1,000.00'],
    ];
    const path = writeText(join(dir, 'ageing.csv'), delimited(rows));
    await expect(importFile(ws, path, { kind: 'receivables' })).rejects.toThrow(/no column for As of/);
    const result = await importFile(ws, path, { kind: 'receivables', defaults: { as_of: '31-10-2026' } });
    expect(storedRows(ws, 'receivables', result.batch ?? 0)).toMatchObject([
      { as_of: '2026-10-31', outstanding: 100000 },
    ]);
  });

  it('names, for a missing amount, columns whose lines hold numbers, never a column of text whose name reads alike', async () => {
    const rows = [
      ['CUSTOMER_ID', 'INVOICE_NO', 'INVOICE_DATE', 'GL_ACCOUNTING', 'INVOICE_TOTAL', 'PAYMENT_TERMS'],
      ['D001', 'INV-1001', '01-10-2026', '4000-Sales', '12,500.00', 'NET30'],
      ['D002', 'INV-1002', '03-10-2026', '4100-Services', '8,200.50', 'NET30'],
    ];
    const path = writeText(join(dir, 'invoices.csv'), delimited(rows));
    const defaults = { as_of: '31-10-2026' };
    await expect(importFile(ws, path, { kind: 'receivables', defaults })).rejects.toThrow(
      'no column for Outstanding (columns of numbers nothing reads: "INVOICE_TOTAL") in header row 1',
    );
    // A header like the field's name is named where its lines hold numbers; a text column is not.
    const balance = [
      ['Party Code', 'Bill No', 'Bill Date', 'Outstanding Remarks', 'Outstnd Amt'],
      ['D001', 'INV/A/1', '01-09-2026', 'follow up', '1,000.00'],
    ];
    const named = writeText(join(dir, 'balance.csv'), delimited(balance));
    await expect(importFile(ws, named, { kind: 'receivables', defaults })).rejects.toThrow(
      'no column for Outstanding (perhaps "Outstnd Amt") in header row 1',
    );
    // Goods given free are no quantity sold, however alike their names.
    const free = writeText(
      join(dir, 'free.csv'),
      delimited([
        ['Invoice No', 'Invoice Date', 'Party Code', 'Item Code', 'Free Qty', 'Amount'],
        ['S/1', '05-10-2026', 'D001', 'SKU-0001', 2, '100.00'],
      ]),
    );
    await expect(importFile(ws, free, { kind: 'sales' })).rejects.toThrow(/no column for Qty in header row 1/);
    // Of the columns of numbers nothing reads, those headed as money come first.
    const prices = writeText(
      join(dir, 'prices.csv'),
      delimited([
        ['Invoice No', 'Invoice Date', 'Party Code', 'Item Code', 'Qty', 'MRP', 'PTR', 'To Pay Amt'],
        ['S/1', '05-10-2026', 'D001', 'SKU-0001', 2, '60.00', '50.00', '100.00'],
      ]),
    );
    await expect(importFile(ws, prices, { kind: 'sales' })).rejects.toThrow(
      'no column for Net value (columns of numbers nothing reads: "To Pay Amt", "MRP", "PTR")',
    );
    // For a missing date, columns whose lines hold days: not Oracle's "Bill To Site" of towns.
    const site = (day: string) =>
      writeText(
        join(dir, `site-${day === '' ? 'blank' : 'day'}.csv`),
        delimited([
          ['Trx Number', 'Bill To Site', 'Party Code', 'Item Code', 'Qty', 'Net Value', 'Posted'],
          ['S/1', 'PUNE', 'D001', 'SKU-0001', 2, '100.00', day],
        ]),
      );
    await expect(importFile(ws, site('05-Oct-2026'), { kind: 'sales' })).rejects.toThrow(
      'no column for Date (perhaps "Posted") in header row 1',
    );
    await expect(importFile(ws, site('PUNE'), { kind: 'sales' })).rejects.toThrow(/no column for Date in header row 1/);
  });

  it("reads the date a report gives once in its title: an ageing report's as-of date, a target sheet's period", async () => {
    const title = (line: string) => [['Acme Consumer Products Pvt Ltd'], ['Bills Receivable'], [line], []];
    const lines = [
      ['Date', 'Ref. No.', 'Party Code', 'Pending Amount'],
      ['05-Sep-2026', 'INV/T/1', 'D001', '10,000.00'],
    ];
    const ageing = writeText(join(dir, 'Bills Receivable.csv'), delimited([...title('As on 31-Oct-2026'), ...lines]));
    const result = await importFile(ws, ageing, { kind: 'receivables' });
    expect(storedRows(ws, 'receivables', result.batch ?? 0)).toMatchObject([
      { as_of: '2026-10-31', doc_no: 'INV/T/1', outstanding: 1_000_000 },
    ]);
    expect(result.decisions).toContainEqual({
      field: 'as_of',
      decision: 'As of is 2026-10-31 for every row, as the title "As on 31-Oct-2026" says',
    });
    // The dialog offers the same value, for the user to keep or change.
    const { inspectFile } = await import('../../main/import/inspect');
    const preview = await inspectFile(ws.db, { path: ageing, kind: 'receivables', locale: 'en-IN' });
    expect(preview.defaults).toEqual({ as_of: '2026-10-31' });
    expect(preview.decisions).toContain('As of is 2026-10-31 for every row, as the title "As on 31-Oct-2026" says');
    // A period's end is its as-of date; a title date that reads two ways, beside rows that do not
    // say which way they read, is asked about.
    const period = writeText(join(dir, 'period.csv'), delimited([...title('1-Apr-2026 to 30-Nov-2026'), ...lines]));
    const byPeriod = await importFile(ws, period, { kind: 'receivables', replace: true });
    expect(storedRows(ws, 'receivables', byPeriod.batch ?? 0)).toMatchObject([{ as_of: '2026-11-30' }]);
    const twoWays = writeText(join(dir, 'two ways.csv'), delimited([...title('As at 03/04/2026'), ...lines]));
    await expect(importFile(ws, twoWays, { kind: 'receivables' })).rejects.toThrow(
      /"As of" read both ways .*"03\/04\/2026" is 3 Apr 2026 day first, 4 Mar 2026 month first/,
    );
    // QuickBooks' "As of October 31, 2026" written with its comma unquoted: two cells of one title.
    const split = writeText(
      join(dir, 'split title.csv'),
      delimited([['A/R Aging Detail'], ['As of November 15', ' 2026'], ...lines]),
    );
    const bySplit = await importFile(ws, split, { kind: 'receivables', replace: true });
    expect(storedRows(ws, 'receivables', bySplit.batch ?? 0)).toMatchObject([{ as_of: '2026-11-15' }]);
    expect(bySplit.decisions).toContainEqual({
      field: 'as_of',
      decision: 'As of is 2026-11-15 for every row, as the title "As of November 15, 2026" says',
    });

    const targets = writeText(
      join(dir, 'targets.csv'),
      delimited([
        ['Monthly targets for 01-Oct-2026 to 31-Oct-2026'],
        ['Distributor Code', 'Measure', 'Target'],
        ['D001', 'net_sales', '5,00,000'],
      ]),
    );
    const set = await importFile(ws, targets, { kind: 'targets' });
    expect(storedRows(ws, 'targets', set.batch ?? 0)).toMatchObject([
      { period_from: '2026-10-01', period_to: '2026-10-31', distributor_code: 'D001' },
    ]);
  });

  it("reads a title's as-of date that reads two ways as the rows' dates read, and refuses a bill dated after it", async () => {
    const list = (name: string, asOf: string, dates: string[]) =>
      writeText(
        join(dir, name),
        delimited([
          ['AR Aging Details'],
          [asOf],
          [],
          ['Date', 'Transaction#', 'Customer Name', 'Balance Due'],
          ...dates.map((date, i) => [date, `${name}/${i + 1}`, 'D001', '1,000.00']),
        ]),
      );
    // 06/11/2026 is 6 November in a list whose bills are written day first (15/10/2026) ...
    const dayFirst = await importFile(ws, list('dmy.csv', 'As of 06/11/2026', ['01/10/2026', '15/10/2026']), {
      kind: 'receivables',
    });
    expect(storedRows(ws, 'receivables', dayFirst.batch ?? 0).map((r) => [r.doc_date, r.as_of])).toEqual([
      ['2026-10-01', '2026-11-06'],
      ['2026-10-15', '2026-11-06'],
    ]);
    expect(dayFirst.decisions).toContainEqual({
      field: 'as_of',
      decision:
        'As of is 06/11/2026 for every row, as the title "As of 06/11/2026" says, read day or month first as the file\'s dates are',
    });
    // ... and 11/06/2026 is 6 November in one written month first (10/15/2026), as a value typed for it is.
    const monthFirst = await importFile(ws, list('mdy.csv', 'As of 11/06/2026', ['10/01/2026', '10/15/2026']), {
      kind: 'receivables',
    });
    expect(storedRows(ws, 'receivables', monthFirst.batch ?? 0).map((r) => r.as_of)).toEqual([
      '2026-11-06',
      '2026-11-06',
    ]);
    const typed = await importFile(ws, list('typed.csv', 'AR Aging', ['10/01/2026', '10/15/2026']), {
      kind: 'receivables',
      defaults: { as_of: '11/06/2026' },
    });
    expect(storedRows(ws, 'receivables', typed.batch ?? 0).map((r) => r.as_of)).toEqual(['2026-11-06', '2026-11-06']);
    // Read the other way, the as-of date would fall before every bill: no list of what was owed on
    // a day holds a bill of a later day, and each such bill is refused, naming the date.
    const wrong = await importFile(ws, list('wrong.csv', 'AR Aging', ['10/01/2026', '10/15/2026']), {
      kind: 'receivables',
      defaults: { as_of: '2026-06-11' },
    });
    expect(wrong.batch).toBeNull();
    expect(wrong.errors).toEqual([
      expect.objectContaining({
        row: 5,
        column: 'Date',
        value: '10/01/2026',
        message: expect.stringMatching(/^the bill is dated 2026-10-01, after the list's as-of date 2026-06-11/),
      }),
      expect.objectContaining({ row: 6, column: 'Date', value: '10/15/2026' }),
    ]);
  });

  it('reads the rows under the header written again in another order or under other names by it, and refuses a file whose second header lacks a column', async () => {
    // Two registers pasted one under the other: November's writes Net Amount before Qty, in
    // capitals, and adds Remarks. Read by October's header, 900 was a quantity and 3 its amount.
    const header = ['Invoice No', 'Invoice Date', 'Distributor Code', 'Outlet Code', 'SKU', 'Qty', 'Net Amount'];
    const rows: FixtureCell[][] = [
      header,
      ['RG/H/1', '16-10-2026', 'D001', 'O00001', 'SKU-0001', 10, '1,500.00'],
      [],
      ['Invoice No', 'Invoice Date', 'Distributor Code', 'Outlet Code', 'SKU', 'NET  AMOUNT', 'QTY', 'Remarks'],
      ['RG/H/2', '07-11-2026', 'D001', 'O00001', 'SKU-0002', '900.00', 3, 'by road'],
      ['RG/H/3', '07-11-2026', 'D001', 'O00001', 'SKU-0003', '400.00', 2, ''],
      header,
      ['RG/H/4', '08-11-2026', 'D001', 'O00001', 'SKU-0004', 1, '50.00'],
    ];
    const lines = (batch: number | null) =>
      storedRows(ws, 'sales', batch ?? 0).map((r) => [r.doc_no, r.sku, r.qty, r.net_value]);
    const expected = [
      ['RG/H/1', 'SKU-0001', 10000, 150000],
      ['RG/H/2', 'SKU-0002', 3000, 90000],
      ['RG/H/3', 'SKU-0003', 2000, 40000],
      ['RG/H/4', 'SKU-0004', 1000, 5000],
    ];
    const csv = await importFile(ws, writeText(join(dir, 'two months.csv'), delimited(rows)), { kind: 'sales' });
    expect(csv).toMatchObject({ rows: 4, rejected: 0, skipped: { 'header lines': 2 } });
    expect(lines(csv.batch)).toEqual(expected);
    rollBackBatch(ws.db, csv.batch ?? 0, 'tester');
    // In a workbook, what a cell shows moves with it: November's struck-through amount is its Net Amount.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sales');
    for (const row of rows) sheet.addRow(row);
    sheet.getCell('F6').font = { strike: true };
    await workbook.xlsx.writeFile(join(dir, 'two months.xlsx'));
    const xlsx = await importFile(ws, join(dir, 'two months.xlsx'), { kind: 'sales', validOnly: true });
    expect(xlsx.errors.map((e) => [e.row, e.column, e.value])).toEqual([[6, 'Net Amount', '400.00']]);
    expect(lines(xlsx.batch)).toEqual(expected.filter(([doc]) => doc !== 'RG/H/3'));
    rollBackBatch(ws.db, xlsx.batch ?? 0, 'tester');
    // November's header names its columns as another system does: each read by the field it names.
    const otherNames = ['Voucher No.', 'Voucher Date', 'Party Code', 'Outlet Code', 'Item Code', 'Amount', 'Quantity'];
    const renamed = rows.map((row) => (row.includes('Remarks') ? [...otherNames, 'Remarks'] : row));
    const named = await importFile(ws, writeText(join(dir, 'renamed.csv'), delimited(renamed)), { kind: 'sales' });
    expect(named).toMatchObject({ rows: 4, rejected: 0, skipped: { 'header lines': 2 } });
    expect(lines(named.batch)).toEqual(expected);
    rollBackBatch(ws.db, named.batch ?? 0, 'tester');
    // November's header has no quantity: its rows cannot be read by October's.
    const lacking = rows.map((row) => (row.includes('Remarks') ? row.with(6, 'Notes') : row));
    const error = await importFile(ws, writeText(join(dir, 'lacking.csv'), delimited(lacking)), {
      kind: 'sales',
    }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(LayoutError);
    expect((error as Error).message).toBe(
      'lacking.csv: row 4 writes the header again without "Qty": the rows under it are laid out otherwise than those under the header on row 1, and cannot be read by it. Import each part as a file of its own',
    );
    expect(ws.db.prepare("SELECT count(*) AS n FROM sales WHERE doc_no LIKE 'RG/H/%'").get()).toEqual({ n: 0 });
  });

  it('refuses a file whose lines begin above its header, and reads a title above it as ever', async () => {
    // Sorted with the header row taken along: two lines above it, which were passed over unsaid.
    const header = ['Invoice No', 'Invoice Date', 'Distributor Code', 'Outlet Code', 'SKU', 'Qty', 'Net Amount'];
    const line = (no: number, qty: number, net: string): FixtureCell[] => [
      `RG/S/${no}`,
      '16-10-2026',
      'D001',
      'O00001',
      `SKU-000${no}`,
      qty,
      net,
    ];
    const sorted = [line(1, 10, '150.00'), line(2, 5, '700.00'), header, line(3, 3, '900.00'), line(4, 2, '1,400.00')];
    const error = await importFile(ws, writeText(join(dir, 'sorted.csv'), delimited(sorted)), { kind: 'sales' }).catch(
      (e: Error) => e,
    );
    expect((error as Error).message).toBe(
      'sorted.csv: rows 1, 2 above the header (row 3) are lines (RG/S/1, RG/S/2): every column a line needs is filled, and the import reads only the rows under the header. Put the header back on top of its lines (a sort that took it along?), or delete them if they are no lines, and import again',
    );
    // The dialog says so before any mapping is chosen: none would mend it.
    expect(await inspectFile(ws.db, { path: join(dir, 'sorted.csv'), kind: 'sales', locale: 'en-IN' })).toMatchObject({
      headerRow: 3,
      problem: (error as Error).message.replace('sorted.csv: ', ''),
    });
    // A title, its period, a line of the report's parameters with a figure, a total of the period: no lines.
    const titled = [
      ['Acme Consumer Products Pvt. Ltd.'],
      ['Sales Register', null, null, null, null, null, '16-10-2026'],
      ['Distributor', 'D001', 'Outlets', 'All', null, 'Min Qty', 1],
      [null, null, null, null, 'Total', 5, '2,300.00'],
      header,
      line(3, 3, '900.00'),
      line(4, 2, '1,400.00'),
    ];
    const result = await importFile(ws, writeText(join(dir, 'titled.csv'), delimited(titled)), { kind: 'sales' });
    expect(result).toMatchObject({ headerRow: 5, rows: 2, rejected: 0 });
  });

  it('makes the user choose when several sheets qualify, and imports the chosen one', async () => {
    const sheet = (code: string) => [
      ['Customer Code', 'Customer Name'],
      [code, `Name of ${code}`],
    ];
    const path = await writeXlsx(join(dir, 'two.xlsx'), [
      { name: 'Notes', rows: [['Exported from the ERP']] },
      { name: 'North', rows: sheet('D801') },
      { name: 'South', rows: sheet('D802') },
    ]);
    await expect(importFile(ws, path, { kind: 'distributors' })).rejects.toThrow(LayoutError);
    await expect(importFile(ws, path, { kind: 'distributors' })).rejects.toThrow('"North", "South"');
    const result = await importFile(ws, path, { kind: 'distributors', sheet: 'South' });
    expect(storedRows(ws, 'distributors', result.batch ?? 0).map((r) => r.code)).toEqual(['D802']);
  });

  it('reads Excel serial dates in both date systems', async () => {
    const rows = (receipt: string, serial: number) => [
      ['Receipt No', 'Receipt Date', 'Distributor Code', 'Amount'],
      [receipt, serial, 'D001', 100],
    ];
    // 2026-10-05 is serial 46300 in the 1900 system and 44838 in the 1904 system (read as 1900,
    // 44838 would be 2022-10-04).
    const a = await importFile(
      ws,
      await writeXlsx(join(dir, 'd1900.xlsx'), [{ name: 'S', rows: rows('R/1900', 46300) }]),
      {
        kind: 'payments',
      },
    );
    const b = await importFile(
      ws,
      await writeXlsx(join(dir, 'd1904.xlsx'), [{ name: 'S', rows: rows('R/1904', 44838) }], { date1904: true }),
      { kind: 'payments' },
    );
    expect(storedRows(ws, 'payments', a.batch ?? 0)).toMatchObject([
      { receipt_no: 'R/1900', receipt_date: '2026-10-05' },
    ]);
    expect(storedRows(ws, 'payments', b.batch ?? 0)).toMatchObject([
      { receipt_no: 'R/1904', receipt_date: '2026-10-05' },
    ]);
  });

  it("reads SAP's compact dates (20261005), as numbers in a workbook and as text in a CSV", async () => {
    const header = ['Receipt No', 'Receipt Date', 'Distributor Code', 'Amount'];
    const xlsx = await importFile(
      ws,
      await writeXlsx(join(dir, 'compact.xlsx'), [{ name: 'S', rows: [header, ['R/C1', 20261005, 'D001', 100]] }]),
      { kind: 'payments' },
    );
    const csv = await importFile(
      ws,
      writeText(join(dir, 'compact.csv'), delimited([header, ['R/C2', '20261006', 'D001', 100]])),
      { kind: 'payments' },
    );
    expect(storedRows(ws, 'payments', xlsx.batch ?? 0)).toMatchObject([
      { receipt_no: 'R/C1', receipt_date: '2026-10-05' },
    ]);
    expect(storedRows(ws, 'payments', csv.batch ?? 0)).toMatchObject([
      { receipt_no: 'R/C2', receipt_date: '2026-10-06' },
    ]);
  });
});
