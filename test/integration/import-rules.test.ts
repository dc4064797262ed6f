import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createWorkspaceApi } from '../../main/api/handlers';
import { rollBackBatch } from '../../main/import/batches';
import { inspectFile } from '../../main/import/inspect';
import { MAX_LEDGER_LINES } from '../../main/import/layout';
import type { Workspace } from '../../main/workspace';
import { earlyPaymentTotal } from '../support/early-payment';
import { delimited, type FixtureCell, writeText, writeXlsx } from '../support/files';
import { importFile, storedRows } from '../support/import';
import { demoWorkspacePerTest } from '../support/workspace';

/** The importer's rules for real exports (README, "Importing ERP exports"), each on a small file built here. */
const workspaces = demoWorkspacePerTest();
let ws: Workspace;
let dir: string;
beforeEach(() => {
  ({ ws, dir } = workspaces.current());
});
const file = (name: string, rows: FixtureCell[][]) => writeText(join(dir, name), delimited(rows));

/** What a scheme paying 1% of each March bill settled in full within 15 days pays, in a run of March 2027. */
const earlyPaymentInMarch = (ws: Workspace) => earlyPaymentTotal(createWorkspaceApi(ws), '2027-03', 15);

/** A sales batch's documents as stored: number, distributor, net value and tax in paise. */
const documentsOf = (batch: number | null) =>
  storedRows(ws, 'sales', batch ?? 0).map((s) => [s.doc_no, s.distributor_code, s.net_value, s.tax]);
/** A receipts batch's rows as stored: receipt, bill, paise. */
const receiptsAgainstBills = (batch: number | null) =>
  storedRows(ws, 'payments', batch ?? 0).map((p) => [p.receipt_no, p.against_doc_no, p.amount]);

/** Bills of D001, each one unit of SKU-0001: number, date, net value. */
async function importBills(name: string, bills: [string, string, string][]) {
  const rows = bills.map(([no, date, net]) => [no, date, 'D001', 'SKU-0001', 1, net]);
  const path = file(name, [['Invoice No', 'Invoice Date', 'Distributor Code', 'SKU', 'Qty', 'Net Value'], ...rows]);
  expect((await importFile(ws, path, { kind: 'sales' })).errors).toEqual([]);
}

/** Three bills of 100.00 dated 2 March 2027: PB/1 and PB/2 of D001, PB/3 of D002. */
async function importThreeBills(ws: Workspace) {
  const sales = file('bills.csv', [
    ['Type', 'Invoice No', 'Invoice Date', 'Distributor Code', 'SKU', 'Qty', 'Net Value'],
    ['Invoice', 'PB/1', '2027-03-02', 'D001', 'SKU-0001', 1, '100.00'],
    ['Invoice', 'PB/2', '2027-03-02', 'D001', 'SKU-0001', 1, '100.00'],
    ['Invoice', 'PB/3', '2027-03-02', 'D002', 'SKU-0001', 1, '100.00'],
  ]);
  expect((await importFile(ws, sales, { kind: 'sales' })).errors).toEqual([]);
}

/**
 * A sales file that changes lines imported before it: Check says `decision` and leaves `lines()`
 * as they were; the import says it too, and changes them.
 */
async function checkedThenImported(path: string, decision: string, lines: () => unknown): Promise<void> {
  const before = lines();
  const checked = await importFile(ws, path, { kind: 'sales', dryRun: true });
  expect(checked.decisions).toContainEqual({ field: 'doc_no', decision });
  expect(lines()).toEqual(before);
  const imported = await importFile(ws, path, { kind: 'sales' });
  expect(imported.errors).toEqual([]);
  expect(imported.decisions).toContainEqual({ field: 'doc_no', decision });
}

describe('layouts', () => {
  it('reads a QuickBooks report: party heading rows, document types, "Total <party>" rows and month-first dates', async () => {
    const path = file('qb.csv', [
      ['Sales by Customer Detail'],
      ['', 'Type', 'Date', 'Num', 'Name', 'Product/Service', 'Qty', 'Amount'],
      ['Sharma Traders', null, null, null, null, null, null, null],
      [null, 'Invoice', '10/15/2026', 'Q-1', 'D001', 'SKU-0001', 2, '200.00'],
      [null, 'Sales Receipt', '10/16/2026', 'Q-2', 'D001', 'SKU-0002', 1, '50.00'],
      [null, 'Credit Memo', '10/20/2026', 'Q-3', 'D001', 'SKU-0001', 1, '100.00'],
      [null, 'Payment', '10/21/2026', 'Q-4', 'D001', null, null, '150.00'],
      ['Total Sharma Traders', null, null, null, null, null, 3, '150.00'],
      ['TOTAL', null, null, null, null, null, 3, '150.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.doc_type, s.doc_date, s.net_value])).toEqual([
      ['Q-1', 'invoice', '2026-10-15', 20000],
      ['Q-2', 'invoice', '2026-10-16', 5000],
      ['Q-3', 'credit_note', '2026-10-20', -10000],
    ]);
    expect(r.skipped).toEqual({ 'heading rows': 1, 'type:Payment': 1, 'total rows': 2 });
    expect(r.skippedSummary).toBe('skipped 1 non-sales document: Payment 1; 1 heading row; 2 total rows');
  });

  it("leaves out a register's page breaks: page numbers, the header again, and what is carried and brought forward", async () => {
    const path = file('pages.csv', [
      ['Sales Register'],
      ['Date', 'Bill No', 'Party Code', 'Item Code', 'Qty', 'Amount'],
      ['03-10-2026', 'B1', 'D001', 'SKU-0001', 10, '1000.00'],
      ['03-10-2026', 'B2', 'D001', 'SKU-0002', 5, '500.00'],
      [null, null, 'Carried Forward', null, 15, '1500.00'],
      ['Page 1 of 2'],
      ['Continued on the next page'],
      ['Date', 'Bill No', 'Party Code', 'Item Code', 'Qty', 'Amount'],
      [null, null, 'Brought Forward', null, 15, '1500.00'],
      ['04-10-2026', 'B3', 'D003', 'SKU-0001', 2, '200.00'],
      [null, null, 'Grand Total', null, 17, '1700.00'],
      ['Page No. 2'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ rows: 3, totals: { net_value: '1700.00' } });
    expect(r.skipped).toEqual({ 'balance rows': 2, 'page lines': 3, 'header lines': 1, 'total rows': 1 });
  });

  it("leaves out a report's footer under the table, its lines of words alone, and reads such a line among the lines as before", async () => {
    // QuickBooks ends a report with its basis and when it was run, Salesforce with its notices, a
    // DMS with when it was made, a printed register with its signature.
    const header = ['Type', 'Date', 'Num', 'Name', 'Item', 'Qty', 'Amount'];
    const lines = [
      ['Invoice', '2026-10-06', 'INV-101', 'D001', 'SKU-0001', 10, '450.00'],
      ['Invoice', '2026-10-18', 'INV-102', 'D002', 'SKU-0002', 4, '100.00'],
    ];
    const footer = [
      [],
      ['Accrual basis Monday, 7 December 2026 02:33 PM GMT+05:30'],
      ['Confidential Information - Do Not Distribute'],
      ['Page No. 1'],
      ['Report Generated On:', '07-12-2026 14:33'],
      // A printed register's signature block, under its amounts.
      [null, null, null, null, null, null, 'For Annapurna Distributors'],
      [null, null, null, null, null, null, 'Authorised Signatory'],
      ['Prepared by', null, null, 'Checked by', null, 'Approved by'],
    ];
    const r = await importFile(ws, file('footer.csv', [header, ...lines, ...footer]), { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ rows: 2, totals: { net_value: '550.00' } });
    expect(r.skipped).toEqual({ 'notes under the table': 6, 'page lines': 1 });
    expect(r.skippedSummary).toBe('skipped 6 notes under the table; 1 page line');
    // The same lines written after it are lines: the words are read as a line's type, as before.
    const among = file('among.csv', [header, lines[0] ?? [], ...footer.slice(0, 4), lines[1] ?? []]);
    await expect(importFile(ws, among, { kind: 'sales' })).rejects.toThrow(
      'these document types are not known: "Accrual basis Monday, 7 December 2026 02:33 PM GMT+05:30" (1 row)',
    );
  });

  it('leaves out an unlabelled total row at the end (SAP ALV), and reads null, NULL and dashes as blank', async () => {
    const path = file('alv.csv', [
      ['Billing Document', 'Billing Date', 'Sold-to party', 'Ship-to', 'Material', 'Billed Quantity', 'Net Value'],
      ['90001', '2026-10-05', 'D001', 'NULL', 'SKU-0001', 2, '200.00'],
      ['90002', '2026-10-06', 'D002', '—', 'SKU-0002', 3, '300.00'],
      ['90003', '2026-10-07', 'D002', '-', 'SKU-0002', 1, '100.00'],
      [null, null, null, null, null, 6, '600.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r).toMatchObject({ rows: 3, rejected: 0, totals: { net_value: '600.00' }, skipped: { 'total rows': 1 } });
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => s.outlet_code)).toEqual([null, null, null]);
  });
});

describe('document types, signs and amounts', () => {
  it('takes a file whose headers say credit note as credit notes, stored negative', async () => {
    const path = file('cn.csv', [
      ['Credit Note Number', 'Credit Note Date', 'Customer Code', 'Item Code', 'Qty', 'Amount'],
      ['CN-1', '2026-10-05', 'D001', 'SKU-0001', 1, '100.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_type, s.qty, s.net_value])).toEqual([
      ['credit_note', -1000, -10000],
    ]);
  });

  it('sums CGST, SGST and IGST into the tax, and prefers the line amount to the document total', async () => {
    const path = file('gst.csv', [
      ['Invoice No', 'Date', 'Customer Code', 'SKU', 'Qty', 'SubTotal', 'Item Total', 'CGST', 'SGST', 'IGST'],
      ['G-1', '2026-10-05', 'D001', 'SKU-0001', 1, '999.00', '100.00', '9.00', '9.00', '0'],
      ['G-1', '2026-10-05', 'D001', 'SKU-0002', 2, '999.00', '200.00', '0', '0', '36.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.mapping.net_value).toBe('Item Total');
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.line_no, s.net_value, s.tax])).toEqual([
      [1, 10000, 1800],
      [2, 20000, 3600],
    ]);
  });

  it('books a charge line without an item to NOT-ITEMISED and leaves out a note line that sells nothing', async () => {
    const path = file('charges.csv', [
      ['Invoice No', 'Date', 'Customer Code', 'SKU', 'Qty', 'Amount'],
      ['F-1', '2026-10-05', 'D001', 'SKU-0001', 2, '200.00'],
      ['F-1', '2026-10-05', 'D001', null, 1, '45.00'],
      ['F-1', '2026-10-05', 'D001', null, null, null],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.skipped).toEqual({ 'text lines': 1 });
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.line_no, s.sku, s.net_value])).toEqual([
      [1, 'SKU-0001', 20000],
      [2, 'NOT-ITEMISED', 4500],
    ]);
    expect(r.created.products).toEqual(['NOT-ITEMISED']);
    // Created from the freight line: its batch and its row of the file.
    expect(ws.db.prepare("SELECT batch_id, source_row FROM products WHERE sku = 'NOT-ITEMISED'").get()).toEqual({
      batch_id: r.batch,
      source_row: 3,
    });
    expect(r.decisions).toContainEqual({
      field: 'sku',
      decision: '1 line has a value but no item: each is booked to the product NOT-ITEMISED',
    });
  });

  it('counts the value of a credit note without a quantity (a rate difference) at quantity 0, and no invoice so', async () => {
    const path = file('rate differences.csv', [
      ['Voucher Type', 'Voucher No', 'Date', 'Party', 'Item', 'Qty', 'Amount'],
      ['Sales', 'S-1', '2026-10-05', 'D001', 'SKU-0001', 10, '1000.00'],
      ['Credit Note', 'CN-1', '2026-10-06', 'D001', 'SKU-0001', null, '-50.00'],
      ['Credit Note', 'CN-2', '2026-10-07', 'D001', null, null, '-120.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.doc_type, s.sku, s.qty, s.net_value])).toEqual(
      [
        ['S-1', 'invoice', 'SKU-0001', 10000, 100000],
        ['CN-1', 'credit_note', 'SKU-0001', 0, -5000],
        ['CN-2', 'credit_note', 'NOT-ITEMISED', 0, -12000],
      ],
    );
    expect(r.decisions).toContainEqual({
      field: 'qty',
      decision:
        '2 credit note lines have a value and no quantity (a rate difference, a discount): each counts its value, at quantity 0',
    });
    // An invoice's line without a quantity is a mistake to correct (or a voucher's heading whose items are missing).
    const sold = file('no quantity.csv', [
      ['Voucher Type', 'Voucher No', 'Date', 'Party', 'Item', 'Qty', 'Amount'],
      ['Sales', 'S-3', '2026-10-05', 'D001', 'SKU-0001', null, '1000.00'],
      ['Sales', 'S-4', '2026-10-05', 'D001', null, null, '45.00'],
    ]);
    const refused = await importFile(ws, sold, { kind: 'sales' });
    expect(refused.rows).toBe(0);
    expect(refused.errors.map((e) => [e.row, e.message])).toEqual([
      [2, 'Qty is required'],
      [3, 'SKU is required'],
      [3, 'Qty is required'],
    ]);
  });

  it('asks about a document type it does not know, and imports once told', async () => {
    const path = file('types.csv', [
      ['Voucher No', 'Date', 'Voucher Type', 'Party', 'Item', 'Qty', 'Amount'],
      ['V-1', '2026-10-05', 'Counter Slip', 'D001', 'SKU-0001', 1, '100.00'],
      ['V-2', '2026-10-05', 'Receipt', 'D001', null, null, '100.00'],
    ]);
    await expect(importFile(ws, path, { kind: 'sales' })).rejects.toThrow(/"Counter Slip" \(1 row\).*--type-map/);
    const r = await importFile(ws, path, { kind: 'sales', typeMap: { 'Counter Slip': 'invoice' } });
    expect(r).toMatchObject({ rows: 1, skipped: { 'type:Receipt': 1 } });
  });

  it("skips ERPNext's drafts and cancelled documents by their docstatus, 0 and 2, written as numbers too", async () => {
    const rows = (series: string): FixtureCell[][] => [
      ['Name', 'Posting Date', 'Customer', 'Item Code', 'Qty', 'Net Amount', 'docstatus'],
      [`${series}-1`, '2026-10-05', 'D001', 'SKU-0001', 1, 100, 1],
      [`${series}-2`, '2026-10-05', 'D001', 'SKU-0001', 1, 200, 0],
      [`${series}-3`, '2026-10-05', 'D001', 'SKU-0001', 1, 300, 2],
    ];
    const path = join(dir, 'sales invoices.xlsx');
    await writeXlsx(path, [{ name: 'Sales Invoice', rows: rows('SINV') }]);
    for (const source of [path, file('sales invoices.csv', rows('SCSV'))]) {
      const r = await importFile(ws, source, { kind: 'sales' });
      expect(r.errors).toEqual([]);
      expect(r).toMatchObject({ rows: 1, skipped: { draft: 1, cancelled: 1 }, totals: { net_value: '100.00' } });
    }
  });

  it('leaves out a line its remarks call cancelled or void, and refuses one whose remark says so in more words', async () => {
    // A remark column no field reads: Tally's Narration, a DMS's Remarks, QuickBooks' Memo.
    for (const header of ['Remarks', 'Narration', 'Memo']) {
      const path = file(`${header}.csv`, [
        ['Invoice No', 'Invoice Date', 'Distributor Code', 'SKU', 'Qty', 'Net Value', header],
        ['RM-1', '2026-10-05', 'D001', 'SKU-0001', 1, '100.00', 'Delivered by van 4'],
        ['RM-2', '2026-10-05', 'D001', 'SKU-0001', 1, '200.00', 'Cancelled'],
        ['RM-3', '2026-10-06', 'D002', 'SKU-0001', 1, '300.00', '(VOID)'],
        ['RM-4', '2026-10-06', 'D002', 'SKU-0001', 1, '400.00', 'Bill cancelled, reissued as RM-5'],
        ['RM-5', '2026-10-06', 'D002', 'SKU-0001', 1, '400.00', 'Avoided the octroi post'],
      ]);
      const r = await importFile(ws, path, { kind: 'sales', validOnly: true });
      expect(r.skipped).toEqual({ cancelled: 1, void: 1 });
      expect(r.errors).toEqual([
        {
          row: 5,
          column: header,
          value: 'Bill cancelled, reissued as RM-5',
          message: `the line's ${header} says "Bill cancelled, reissued as RM-5": whether its document was cancelled or stands cannot be told from the file. Leave the line out if it was cancelled; if it stands, clear the remark, and import again`,
        },
      ]);
      expect(storedRows(ws, 'sales', r.batch ?? 0).map((l) => [l.doc_no, l.net_value])).toEqual([
        ['RM-1', 10000],
        ['RM-5', 40000],
      ]);
      rollBackBatch(ws.db, r.batch ?? 0, 'tester');
    }
  });

  it("leaves a supplier's documents and a voided invoice out, and takes a cash memo as a sale and a cancellation as a return", async () => {
    const path = file('day book.csv', [
      ['Voucher No', 'Date', 'Voucher Type', 'Party', 'Item', 'Qty', 'Amount'],
      ['S-1', '2026-10-05', 'Sales', 'D001', 'SKU-0001', 1, '100.00'],
      ['CM-1', '2026-10-05', 'Cash Memo', 'D002', 'SKU-0001', 1, '50.00'],
      ['SR-1', '2026-10-06', 'Sales Return', 'D001', 'SKU-0001', 1, '20.00'],
      // Goods sent back to a supplier, and a supplier's bill: no distributor's business.
      ['PR-1', '2026-10-06', 'Purchase Return', 'Ramesh Stationers', 'SKU-0001', 1, '30.00'],
      ['SI-1', '2026-10-06', 'Supplier Invoice', 'Ramesh Stationers', 'SKU-0001', 1, '40.00'],
      // S-1 cancelled by a document of its own; a voided invoice bills nothing.
      ['IC-1', '2026-10-07', 'Invoice Cancellation', 'D001', 'SKU-0001', 1, '100.00'],
      ['V-1', '2026-10-07', 'Cancelled Invoice', 'D002', 'SKU-0001', 1, '70.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.skipped).toEqual({
      'type:Purchase Return': 1,
      'type:Supplier Invoice': 1,
      'type:Cancelled Invoice': 1,
    });
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((l) => [l.doc_no, l.doc_type, l.net_value])).toEqual([
      ['S-1', 'invoice', 10000],
      ['CM-1', 'invoice', 5000],
      ['SR-1', 'credit_note', -2000],
      ['IC-1', 'credit_note', -10000],
    ]);
  });
});

describe('line identity', () => {
  it('numbers lines within each document, keys duplicates on the document and its date, and can drop exact repeats', async () => {
    const header = ['Invoice No', 'Invoice Date', 'Distributor Code', 'SKU', 'Qty', 'Net Value'];
    const first = file('fy1.csv', [header, ['Pri20', '2006-05-01', 'D001', 'SKU-0001', 1, '10.00']]);
    const second = file('fy2.csv', [
      header,
      // The same number in another financial year is another invoice.
      ['Pri20', '2019-05-01', 'D001', 'SKU-0001', 1, '10.00'],
      ['Pri20', '2019-05-01', 'D001', 'SKU-0001', 1, '10.00'],
    ]);
    expect((await importFile(ws, first, { kind: 'sales' })).rows).toBe(1);
    const r = await importFile(ws, second, { kind: 'sales' });
    expect(r).toMatchObject({ rows: 2, rejected: 0 });
    expect(r.warnings).toEqual(['row 3 repeats row 2 exactly, in every column; both were imported']);
    const again = file('fy2-again.csv', [
      header,
      ['Pri21', '2019-05-02', 'D001', 'SKU-0001', 1, '10.00'],
      ['Pri21', '2019-05-02', 'D001', 'SKU-0001', 1, '10.00'],
    ]);
    const dropped = await importFile(ws, again, { kind: 'sales', skipExactRepeats: true });
    expect(dropped).toMatchObject({ rows: 1, skipped: { 'exact repeats': 1 }, warnings: [] });
  });
});

describe('masters agree', () => {
  it('refuses a line whose outlet belongs to another distributor, or moves the outlet when asked', async () => {
    const owner = ws.db.prepare("SELECT distributor_code AS d FROM outlets WHERE code = 'O00001'").get() as {
      d: string;
    };
    const other = owner.d === 'D001' ? 'D002' : 'D001';
    const path = file('moved.csv', [
      ['Invoice No', 'Invoice Date', 'Distributor Code', 'Outlet Code', 'SKU', 'Qty', 'Net Value'],
      ['M-1', '2026-10-15', other, 'O00001', 'SKU-0001', 1, '10.00'],
    ]);
    const refused = await importFile(ws, path, { kind: 'sales' });
    expect(refused.errors[0]?.message).toBe(
      `outlet O00001 belongs to distributor ${owner.d} in the outlets master, not ${other} (choose to move outlets: --move-outlets)`,
    );
    const moved = await importFile(ws, path, { kind: 'sales', moveOutlets: true });
    expect(moved.movedOutlets).toEqual([{ outlet: 'O00001', from: owner.d, to: other }]);
    const ownerNow = () => ws.db.prepare("SELECT distributor_code FROM outlets WHERE code = 'O00001'").pluck().get();
    expect(ownerNow()).toBe(other);
    // Rolling the sales back takes the outlet back to its distributor, as the audit log says.
    expect(rollBackBatch(ws.db, moved.batch ?? 0, 'tester')).toEqual({
      batch: moved.batch,
      rowsRemoved: 1,
      mastersRestored: 1,
    });
    expect(ownerNow()).toBe(owner.d);
  });
});

describe('the CLI can do what the dialog does', () => {
  const cli = (...args: string[]) => {
    const out = spawnSync(process.execPath, ['bin/schemedesk.js', ...args, '--db', ws.dbPath, '--json'], {
      encoding: 'utf8',
    });
    return { status: out.status, json: out.stdout.trim() ? JSON.parse(out.stdout) : null, stderr: out.stderr };
  };

  it('refuses ambiguous dates with exit 1 and JSON naming --date-order, then maps, orders and rounds as told', () => {
    ws.db.close();
    const path = file('ambiguous.csv', [
      ['Ref', 'Day', 'Party Code', 'Item Code', 'Qty', 'Worth'],
      ['A-1', '03/04/2026', 'D001', 'SKU-0001', 1, '10.005'],
    ]);
    const refused = cli('import', path, '--kind', 'sales');
    expect(refused.status).toBe(1);
    expect(refused.json).toMatchObject({ error: { code: 'validation' }, problems: [] });
    expect(refused.json.error.message).toMatch(/no column for Document no.*Date.*Net value/);
    const mapped = [
      'import',
      path,
      '--kind',
      'sales',
      '--map',
      'doc_no=Ref',
      '--map',
      'doc_date=Day',
      '--map',
      'net_value=Worth',
    ];
    const ambiguous = cli(...mapped);
    expect(ambiguous.status).toBe(1);
    expect(ambiguous.json.error.message).toMatch(
      /"03\/04\/2026" is 3 Apr 2026 day first, 4 Mar 2026 month first.*--date-order/,
    );
    const done = cli(...mapped, '--date-order', 'mdy', '--round');
    expect(done.status).toBe(0);
    expect(done.json).toMatchObject({
      rows: 1,
      dateRange: ['2026-03-04', '2026-03-04'],
      totals: { net_value: '10.01' },
    });
    expect(cli('import', path, '--kind', 'sales', '--date-order', 'xyz').status).toBe(2);
    expect(cli('import', path, '--kind', 'sales', '--type-map', 'Nonsense').status).toBe(2);
  });

  it('adds and lists users, the first one an Admin', () => {
    ws.db.close();
    const list = cli('users', 'list');
    expect(list.status).toBe(0);
    expect(list.json.users.map((u: { name: string }) => u.name)).toEqual(['admin', 'arjun', 'priya']);
    const refused = cli('users', 'add', 'ravi', '--role', 'preparer', '--new-pin', '4321');
    expect(refused.status).toBe(1);
    const added = cli(
      'users',
      'add',
      'ravi',
      '--role',
      'preparer',
      '--full-name',
      'Ravi Kumar',
      '--new-pin',
      '4321',
      '--as',
      'admin',
      '--pin',
      '0000',
    );
    expect(added.status).toBe(0);
    expect(added.json).toMatchObject({ name: 'ravi', role: 'preparer', fullName: 'Ravi Kumar' });
  });
});

describe('choices kept and problems listed', () => {
  it('a saved mapping remembers the date order, the document types and rounding for the next file', async () => {
    const { createWorkspaceApi } = await import('../../main/api/handlers');
    const api = createWorkspaceApi(ws);
    const headers = ['Ref', 'Day', 'Kind', 'Party Code', 'Item Code', 'Qty', 'Worth'];
    const first = file('slips-1.csv', [
      headers,
      ['S-1', '03/04/2026', 'Counter Slip', 'D001', 'SKU-0001', 1, '10.005'],
    ]);
    const mapping = {
      doc_no: 'Ref',
      doc_date: 'Day',
      doc_type: 'Kind',
      distributor_code: 'Party Code',
      net_value: 'Worth',
    };
    const saved = await api.call('mappings.save', {
      name: 'Counter slips',
      kind: 'sales',
      headers,
      mapping,
      choices: { dateOrder: 'mdy', typeMap: { 'Counter Slip': 'invoice' }, round: true },
    });
    expect(saved.ok && saved.value.choices).toEqual({
      dateOrder: 'mdy',
      typeMap: { 'Counter Slip': 'invoice' },
      round: true,
    });
    const next = file('slips-2.csv', [headers, ['S-2', '03/05/2026', 'Counter Slip', 'D001', 'SKU-0001', 1, '20.005']]);
    // The dialog's preview takes them as the import will: the type read as saved, the dates not asked.
    const preview = await api.call('import.inspect', { path: next, kind: 'sales' });
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value).toMatchObject({
      profile: 'Counter slips',
      documentTypes: [{ name: 'Counter Slip', rows: 1, as: 'invoice', why: 'map' }],
      ambiguousDates: null,
    });
    for (const path of [first, next]) {
      const r = await api.call('import.run', { path, kind: 'sales' });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.rows).toBe(1);
    }
    expect(
      ws.db.prepare("SELECT doc_date, net_value FROM sales WHERE doc_no IN ('S-1', 'S-2') ORDER BY doc_no").all(),
    ).toEqual([
      { doc_date: '2026-03-04', net_value: 1001 },
      { doc_date: '2026-03-05', net_value: 2001 },
    ]);
  });

  it('lists every problem at once, up to a hundred per column in the summary, all of them in the workbook', async () => {
    const header = ['Invoice No', 'Invoice Date', 'Distributor Code', 'SKU', 'Qty', 'Net Value'];
    const rows: FixtureCell[][] = Array.from({ length: 150 }, (_, i) => [
      `B-${i}`,
      '31-10-2026',
      'D001',
      'SKU-0001',
      'many',
      '1.00',
    ]);
    rows.push(['B-x', '31-13-2026', 'D001', 'SKU-0001', 1, '1.00']);
    const r = await importFile(ws, file('bad.csv', [header, ...rows]), { kind: 'sales' });
    expect(r).toMatchObject({ rows: 0, rejected: 151, errorCount: 151 });
    const byColumn = (c: string) => r.errors.filter((e) => e.column === c).length;
    // 150 bad quantities do not hide the one impossible date after them.
    expect([byColumn('Qty'), byColumn('Invoice Date')]).toEqual([100, 1]);
    expect(r.rejectedRows).toHaveLength(151);
  });
});

describe('values that would land wrong are refused or read right', () => {
  it('refuses a negative quantity beside a positive amount, and any negative line given as an invoice', async () => {
    const path = file('signs.csv', [
      ['Invoice No', 'Invoice Date', 'Customer Code', 'Item Code', 'Qty', 'Amount'],
      ['N1', '2026-10-03', 'D001', 'SKU-0001', 10, '1000.00'],
      ['N2', '2026-10-04', 'D001', 'SKU-0002', -2, '200.00'],
      ['N3', '2026-10-05', 'D001', 'SKU-0002', -1, '-100.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales', validOnly: true });
    // Read as a sale, its quantity had been turned positive: 2 returned counted as 2 more sold.
    expect(r.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [
        3,
        'Qty',
        'a negative quantity beside a positive amount: the signs disagree (a return has both negative, a sale both positive); correct the sign, or give the document type',
      ],
    ]);
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.doc_type, s.qty])).toEqual([
      ['N1', 'invoice', 10_000],
      ['N3', 'credit_note', -1_000],
    ]);
    // Every row given as an invoice: a negative line is refused, where it was turned positive.
    const given = await importFile(ws, path, {
      kind: 'sales',
      replace: true,
      dryRun: true,
      defaults: { doc_type: 'Invoice' },
    });
    expect(given.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [3, 'Qty', 'a negative amount on a line marked as an invoice (make it a credit note, or correct the sign)'],
      [4, 'Amount', 'a negative amount on a line marked as an invoice (make it a credit note, or correct the sign)'],
    ]);
  });

  it('refuses a foreign currency, a grouping of no system, a negative invoice and an implausible date; cleans control characters', async () => {
    const path = file('hostile.csv', [
      ['Invoice No', 'Invoice Date', 'Document Type', 'Distributor Code', 'SKU', 'Qty', 'Net Value'],
      ['H-1', '15-10-2026', 'Invoice', 'D001', 'SKU-0001', 1, '$100.00'],
      ['H-2', '15-10-2026', 'Invoice', 'D001', 'SKU-0001', 1, '1,234,56'],
      ['H-3', '15-10-2026', 'Invoice', 'D001', 'SKU-0001', -1, '-50.00'],
      ['H-4', '15-10-1985', 'Invoice', 'D001', 'SKU-0001', 1, '50.00'],
      ['H-5\u0007', '15-10-2026', 'Invoice', 'D001', 'SKU-0001', 1, '₹1,23,456.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, 'Net Value', `"$" is not the workspace's currency (INR): convert the amount first`],
      [3, 'Net Value', 'expected an amount such as 1,234.50'],
      [4, 'Net Value', 'a negative amount on a line marked as an invoice (make it a credit note, or correct the sign)'],
      [
        5,
        'Invoice Date',
        '1985-10-15 is before 1990 or more than a year ahead (allow such dates for this import: --any-dates)',
      ],
    ]);
    expect(r.rows).toBe(1);
    const valid = await importFile(ws, path, { kind: 'sales', validOnly: true, anyDates: true });
    expect(storedRows(ws, 'sales', valid.batch ?? 0).map((s) => [s.doc_no, s.doc_date, s.net_value])).toEqual([
      ['H-4', '1985-10-15', 5000],
      ['H-5', '2026-10-15', 12345600],
    ]);
  });

  it('reads a negative line of a file without document types as a credit note, and says so', async () => {
    const path = file('signed.csv', [
      ['Invoice No', 'Invoice Date', 'Distributor Code', 'SKU', 'Qty', 'Net Value'],
      ['N-1', '15-10-2026', 'D001', 'SKU-0001', -2, '-20.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_type, s.net_value])).toEqual([
      ['credit_note', -2000],
    ]);
    expect(r.decisions.map((d) => d.decision)).toContain(
      '1 line with a negative amount is a credit note: the file has no document type, so the sign says so',
    );
  });
});

describe('an ageing list that contradicts itself', () => {
  it('refuses a bill owing more than its amount, and keeps a credit or an overpaid bill', async () => {
    const path = file('owing more.csv', [
      ['Party Code', 'Bill No', 'Bill Date', 'Due Date', 'As On', 'Bill Amount', 'Pending Amount'],
      ['D001', 'OM/1', '01-10-2026', '31-10-2026', '15-11-2026', '1,000.00', '10,000.00'],
      ['D001', 'OM/2', '02-10-2026', '01-11-2026', '15-11-2026', '1,000.00', '400.00'],
      // A credit note still to be set off, and a bill paid twice over: owing less than nothing.
      ['D001', 'OM/3', '03-10-2026', '03-10-2026', '15-11-2026', '-500.00', '-500.00'],
      ['D001', 'OM/4', '04-10-2026', '03-11-2026', '15-11-2026', '1,000.00', '-1,000.00'],
      ['D002', 'OM/5', '05-10-2026', '04-11-2026', '15-11-2026', '-200.00', '-300.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'receivables', validOnly: true });
    expect(r.errors.map((e) => [e.row, e.column, e.value, e.message])).toEqual([
      [
        2,
        'Pending Amount',
        '10,000.00',
        '10000.00 is owed on a bill of 1000.00: what is still owed on a bill is never more than the bill. Check that "Bill Amount" is each bill\'s amount and "Pending Amount" what is still owed on it',
      ],
      [6, 'Pending Amount', '-300.00', expect.stringMatching(/^-300.00 is owed on a bill of -200.00/)],
    ]);
    expect(storedRows(ws, 'receivables', r.batch ?? 0).map((b) => [b.doc_no, b.outstanding])).toEqual([
      ['OM/2', 40_000],
      ['OM/3', -50_000],
      ['OM/4', -100_000],
    ]);
  });
});

describe('cells that are not plain values', () => {
  it('refuses error cells and formulas without a saved value, naming the cell, and keeps every run of rich text', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Register');
    sheet.addRow(['Invoice No', 'Invoice Date', 'Distributor Code', 'SKU', 'Qty', 'Net Value', 'Remarks']);
    sheet.addRow(['E-1', '15-10-2026', 'D001', 'SKU-0001', 1, { error: '#N/A' }, null]);
    sheet.addRow(['E-2', '15-10-2026', 'D001', 'SKU-0001', 1, { formula: 'E3*10' }, null]);
    sheet.addRow(['E-3', '15-10-2026', 'D001', 'SKU-0001', 1, { formula: 'E4*10', result: 10 }, null]);
    sheet.addRow([
      { richText: [{ text: 'E-' }, { font: { bold: true }, text: '4' }] },
      '15-10-2026',
      'D001',
      'SKU-0001',
      1,
      5,
      null,
    ]);
    const path = join(dir, 'cells.xlsx');
    await workbook.xlsx.writeFile(path);
    const r = await importFile(ws, path, { kind: 'sales', validOnly: true });
    expect(r.errors.map((e) => [e.row, e.column, e.value, e.message])).toEqual([
      [2, 'Net Value', '#N/A', 'the cell holds the error #N/A (a formula that failed in the source file)'],
      [
        3,
        'Net Value',
        '#NO-SAVED-VALUE',
        'a formula with no saved value: open the file in Excel, let it calculate, save it and import again',
      ],
    ]);
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.net_value])).toEqual([
      ['E-3', 1000],
      ['E-4', 500],
    ]);
  });
  it('refuses the formulas of a workbook that asks to be calculated again when opened, whose saved results Excel does not show', async () => {
    // XlsxWriter (many ERPs' reports) saves each formula with 0 for its result and marks the
    // workbook fullCalcOnLoad; Excel shows 1000 and 999.50 here, which the file does not hold.
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    workbook.calcProperties.fullCalcOnLoad = true;
    const sheet = workbook.addWorksheet('Sales');
    sheet.addRow(['Invoice No', 'Invoice Date', 'Distributor Code', 'SKU', 'Qty', 'Rate', 'Net Value', 'Code']);
    sheet.addRow(['R-1', '15-10-2026', 'D001', 'SKU-0001', 2, 500, { formula: 'E2*F2', result: 0 }, 'x']);
    sheet.addRow(['R-2', '15-10-2026', 'D001', 'SKU-0001', 1, 999.5, { formula: 'E3*F3', result: 0 }, 'x']);
    // A formula only in a column the import does not read costs nothing.
    sheet.addRow(['R-3', '15-10-2026', 'D001', 'SKU-0001', 1, 300, 300, { formula: 'A4&"x"', result: 0 }]);
    const path = join(dir, 'recalculated.xlsx');
    await workbook.xlsx.writeFile(path);
    const r = await importFile(ws, path, { kind: 'sales', validOnly: true });
    const refused = expect.stringMatching(
      /^a formula in a workbook saved without working out its formulas .* Open the file in Excel, save it and import again$/,
    );
    expect(r.errors.map((e) => [e.row, e.column, e.value, e.message])).toEqual([
      [2, 'Net Value', '#RECALCULATED-ON-OPEN', refused],
      [3, 'Net Value', '#RECALCULATED-ON-OPEN', refused],
    ]);
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.net_value])).toEqual([['R-3', 30_000]]);
  });
});

describe('numbers Excel shortened', () => {
  it('refuses an invoice number or a phone written as 9.00001E+11, whose digits are lost, naming the cell', async () => {
    const path = file('shortened.csv', [
      ['Invoice No', 'Invoice Date', 'Distributor Code', 'SKU', 'Qty', 'Net Value'],
      ['9.00001E+11', '15-10-2026', 'D001', 'SKU-0001', '1', '100.00'],
      ['9.00001E+11', '16-10-2026', 'D002', 'SKU-0001', '1', '200.00'],
      ['900001234567', '17-10-2026', 'D001', 'SKU-0001', '1', '300.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales', validOnly: true });
    expect(r.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [2, 'Invoice No', '9.00001E+11'],
      [3, 'Invoice No', '9.00001E+11'],
    ]);
    expect(r.errors[0]?.message).toContain('a long number Excel shortened when it saved the file');
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.net_value])).toEqual([
      ['900001234567', 30000],
    ]);
    const outlets = file('outlets.csv', [
      ['Outlet Code', 'Outlet Name', 'Distributor Code', 'Phone'],
      ['O9001', 'Shop A', 'D001', '9.19820E+11'],
    ]);
    const o = await importFile(ws, outlets, { kind: 'outlets', dryRun: true });
    expect(o.errors.map((e) => [e.row, e.column])).toEqual([[2, 'Phone']]);
  });

  it('refuses a number cell of 16 digits or more that Excel may have cut, and keeps one it could not have', async () => {
    const path = join(dir, 'long numbers.xlsx');
    const numbers = [
      1234567890123450, // what Excel keeps of 1234567890123456: zeros after the 15th digit
      2 ** 53 + 2, // 9007199254740994: past 2^53 a number stands for several written ones
      1234567890123456, // a 16th digit of its own: no Excel wrote it, and it is exact
      900001234567,
    ];
    await writeXlsx(path, [
      {
        name: 'Sales',
        rows: [
          ['Invoice No', 'Invoice Date', 'Distributor Code', 'SKU', 'Qty', 'Net Value'],
          ...numbers.map((n, i) => [n, '15-10-2026', 'D001', 'SKU-0001', 1, 100 * (i + 1)]),
        ],
      },
    ]);
    const r = await importFile(ws, path, { kind: 'sales', validOnly: true });
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'Invoice No'],
      [3, 'Invoice No'],
    ]);
    expect(r.errors[0]?.message).toContain('a number of 16 digits, which Excel keeps only to 15');
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.net_value])).toEqual([
      ['1234567890123456', 30000],
      ['900001234567', 40000],
    ]);
  });
});

describe('digits of other scripts', () => {
  it('reads amounts, quantities and dates typed in Indic or full-width digits, and keeps a code its own digits', async () => {
    const path = file('regional digits.csv', [
      ['Invoice No', 'Invoice Date', 'Distributor Code', 'SKU', 'Qty', 'Net Value'],
      ['बिल-१', '१५-१०-२०२६', 'D001', 'SKU-0001', '१०', '१,२३४.५०'],
      ['G2', '૧૬/૧૦/૨૦૨૬', 'D001', 'SKU-0001', '2', '₹ ૧૨,૩૪,૫૬૭.૦૦'],
      ['G3', '２０２６-１０-１７', 'D001', 'SKU-0001', '１', '１２３.４５'],
      ['G4', '২৮-১০-২০২৬', 'D001', 'SKU-0001', '3', '(৫০.০০)'],
      ['G5', '१३-१०-२०२६', 'D001', 'SKU-0001', '1', '१,२,३'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales', validOnly: true });
    expect(r.errors.map((e) => [e.row, e.column, e.value, e.message])).toEqual([
      [6, 'Net Value', '१,२,३', 'expected an amount such as 1,234.50'],
    ]);
    // १५-१० says the day comes first, in Devanagari digits as in ASCII ones.
    expect(r.decisions).toContainEqual({
      field: 'doc_date',
      decision: 'Dates are read day first, as "15-10-2026" shows',
    });
    expect(
      storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.doc_type, s.doc_date, s.qty, s.net_value]),
    ).toEqual([
      ['बिल-१', 'invoice', '2026-10-15', 10_000, 123_450],
      ['G2', 'invoice', '2026-10-16', 2_000, 123_456_700],
      ['G3', 'invoice', '2026-10-17', 1_000, 12_345],
      ['G4', 'credit_note', '2026-10-28', -3_000, -5_000],
    ]);
    expect(r.totals.net_value).toBe('1235874.95');
  });
});

describe('markup files', () => {
  it('ignores script and style text in an HTML "xls", refuses a cell spanning a million rows, and makes 30 February an error', async () => {
    const html = file('report.xls', [['x']]);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      html,
      `<html><head><style>td { color: red }</style><script>var total = 999;</script></head><body><table>
        <tr><th>Invoice No</th><th>Invoice Date</th><th>Distributor Code</th><th>SKU</th><th>Qty</th><th>Net Value</th></tr>
        <tr><td>W-1<script>alert(1)</script></td><td>15-10-2026</td><td>D001</td><td>SKU-0001</td><td>1</td><td>10.00</td></tr>
      </table></body></html>`,
    );
    const r = await importFile(ws, html, { kind: 'sales' });
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => s.doc_no)).toEqual(['W-1']);

    const bomb = join(dir, 'bomb.xls');
    writeFileSync(bomb, '<table><tr><td rowspan="1000000">x</td><td>y</td></tr></table>');
    await expect(importFile(ws, bomb, { kind: 'sales' })).rejects.toThrow(
      'bomb.xls is damaged: a cell spans 1000000 rows, more than any report has. Nothing was imported.',
    );

    const xml = join(dir, 'dates.xml');
    const cellRow = (doc: string, day: string) =>
      `<Row><Cell><Data ss:Type="String">${doc}</Data></Cell><Cell><Data ss:Type="DateTime">${day}T00:00:00.000</Data></Cell><Cell><Data ss:Type="String">D001</Data></Cell><Cell><Data ss:Type="String">SKU-0001</Data></Cell><Cell><Data ss:Type="Number">1</Data></Cell><Cell><Data ss:Type="Number">10</Data></Cell></Row>`;
    writeFileSync(
      xml,
      `<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Sales"><Table>
        <Row><Cell><Data ss:Type="String">Invoice No</Data></Cell><Cell><Data ss:Type="String">Invoice Date</Data></Cell><Cell><Data ss:Type="String">Distributor Code</Data></Cell><Cell><Data ss:Type="String">SKU</Data></Cell><Cell><Data ss:Type="String">Qty</Data></Cell><Cell><Data ss:Type="String">Net Value</Data></Cell></Row>
        ${cellRow('X-1', '2026-10-15')}${cellRow('X-2', '2026-02-30')}
      </Table></Worksheet></Workbook>`,
    );
    const dates = await importFile(ws, xml, { kind: 'sales' });
    expect(dates.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [3, 'Invoice Date', '2026-02-30T00:00:00.000'],
    ]);
  });
});

describe('delimited text', () => {
  it('reads every line of a CSV whose line endings are mixed', async () => {
    const { writeFileSync } = await import('node:fs');
    const path = join(dir, 'mixed.csv');
    writeFileSync(
      path,
      'Receipt No,Receipt Date,Distributor Code,Amount\r\nR1,2026-10-05,D001,10\nR2,2026-10-06,D002,20\rR3,2026-10-07,D001,30\r\n',
    );
    const r = await importFile(ws, path, { kind: 'payments' });
    expect(r).toMatchObject({ rows: 3, rejected: 0, totals: { amount: '60.00' } });
    expect(storedRows(ws, 'payments', r.batch ?? 0).map((p) => p.receipt_no)).toEqual(['R1', 'R2', 'R3']);
  });

  it('refuses a row an unquoted 1,000.00 split past the header, and keeps blank cells past it', async () => {
    const { writeFileSync } = await import('node:fs');
    const path = join(dir, 'unquoted.csv');
    // A trailing comma on a line is a blank cell; 1,000.00 written without quotes was read as 1.00
    // in the last column, and in the middle put 000.00 under SKU.
    writeFileSync(
      path,
      [
        'Invoice No,Invoice Date,Distributor Code,SKU,Qty,Net Value',
        'UQ/1,15-10-2026,D001,SKU-0001,1,100.00,',
        'UQ/2,15-10-2026,D001,SKU-0001,1,1,000.00',
        'UQ/3,15-10-2026,D002,SKU-0002,2,250.00',
        'UQ/4,15-10-2026,D001,SKU-0001,1,2,500.00,,',
      ].join('\r\n'),
    );
    const r = await importFile(ws, path, { kind: 'sales', validOnly: true });
    expect(r.errors).toEqual([
      {
        row: 3,
        column: 'column 7',
        value: '000.00',
        message:
          "the row has 7 values for the header's 6 columns: a value holding the delimiter (,) without quotes (an amount written 1,000.00) was split in two, and the values after it moved a column along. Quote such values, or export the file again",
      },
      expect.objectContaining({ row: 5, column: 'column 7', value: '500.00' }),
    ]);
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.net_value])).toEqual([
      ['UQ/1', 10_000],
      ['UQ/3', 25_000],
    ]);
  });
});

describe('a damaged file', () => {
  it('is refused by name, never with an engine message or the file’s bytes', async () => {
    const { readFileSync, writeFileSync } = await import('node:fs');
    // A zip signature and then nothing a zip holds: the xlsx reader fails inside.
    const broken = join(dir, 'broken.xlsx');
    writeFileSync(broken, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 0x41)]));
    const error = await importFile(ws, broken, { kind: 'sales' }).catch((e: Error) => e);
    expect((error as Error).message).toBe(
      'broken.xlsx could not be read: it looks damaged, or is not a spreadsheet or text file of the kinds SchemeDesk reads. Nothing was imported.',
    );
    // csv-parse's refusals of a text file's shape are told with the line.
    const open = file('quote.csv', [
      ['Invoice No', 'Net Value'],
      ['Q-1', '1.00'],
    ]);
    writeFileSync(open, `${readFileSync(open, 'utf8')}"Q-2,2.00\r\nQ-3,3.00\r\n`);
    const quote = await importFile(ws, open, { kind: 'sales' }).catch((e: Error) => e);
    expect((quote as Error).message).toBe(
      'quote.csv is damaged: a quote is never closed (the file ends inside it, at line 6). Nothing was imported.',
    );
  });
});

describe('receipts', () => {
  it("takes a Day Book's receipts alone, their amount from the Debit / Credit pair", async () => {
    const path = file('Day Book.csv', [
      ['Acme Consumer Products Pvt Ltd'],
      ['Day Book'],
      ['1-Oct-2026 to 31-Oct-2026'],
      [],
      ['Date', 'Particulars', 'Vch Type', 'Vch No.', 'Debit Amount', 'Credit Amount'],
      ['05-Oct-2026', 'D001', 'Receipt', 'RCT/1', null, '25,000.00'],
      ['05-Oct-2026', 'D001', 'Sales', 'INV/9', '40,000.00', null],
      ['06-Oct-2026', 'D002', 'Bank Receipt', 'RCT/2', null, '5,000.50'],
      // Tally's Payment is money paid out, never a receipt.
      ['06-Oct-2026', 'D002', 'Payment', 'PAY/2', '1,000.00', null],
      ['07-Oct-2026', 'D003', 'BRV', 'RCT/3', '100.00', '600.00'],
      [null, 'Grand Total', null, null, '41,100.00', '30,600.50'],
    ]);
    const r = await importFile(ws, path, { kind: 'payments' });
    expect(r.errors).toEqual([]);
    expect(storedRows(ws, 'payments', r.batch ?? 0).map((p) => [p.receipt_no, p.distributor_code, p.amount])).toEqual([
      ['RCT/1', 'D001', 2_500_000],
      ['RCT/2', 'D002', 500_050],
      ['RCT/3', 'D003', 50_000],
    ]);
    expect(r.totals).toEqual({ amount: '30500.50' });
    expect(r.skippedSummary).toBe('skipped 2 non-receipt vouchers: Sales 1, Payment 1; 1 total row');
  });

  it("takes one party's ledger (Tally's Ledger Account) as that party's receipts, its Particulars the other account", async () => {
    const path = file('ledger.csv', [
      ['Acme Consumer Products Pvt Ltd'],
      ['Annapurna Distributors'],
      ['Ledger Account'],
      ['1-Oct-2026 to 31-Oct-2026'],
      ['Date', 'Particulars', 'Vch Type', 'Vch No.', 'Debit', 'Credit'],
      ['1-Oct-2026', 'Opening Balance', null, null, '25,000.00', null],
      ['5-Oct-2026', 'Sales A/c', 'Sales', 'SI/101', '11,800.00', null],
      ['12-Oct-2026', 'HDFC Bank', 'Receipt', 'RC/55', null, '20,000.00'],
      [null, 'Closing Balance', null, null, null, '16,800.00'],
      [null, null, null, null, '36,800.00', '36,800.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'payments' });
    expect(r.errors).toEqual([]);
    expect(storedRows(ws, 'payments', r.batch ?? 0).map((p) => [p.receipt_no, p.distributor_code, p.amount])).toEqual([
      ['RC/55', 'D001', 2_000_000],
    ]);
    const ledgerNotes = [
      '"Particulars" is not the party: the title calls the file one party\'s ledger, whose "Particulars" names the other account of each voucher',
      'Distributor is D001 for every row, as the title "Annapurna Distributors" says',
    ];
    expect(r.decisions.map((d) => d.decision)).toEqual(expect.arrayContaining(ledgerNotes));
    // Its sales too: each sales voucher the party's, where each was refused naming its sales
    // ledger as an unknown distributor; its balances and receipts stay out.
    const sales = await importFile(ws, path, { kind: 'sales' });
    expect(sales.errors).toEqual([]);
    expect(storedRows(ws, 'sales', sales.batch ?? 0).map((l) => [l.doc_no, l.distributor_code, l.net_value])).toEqual([
      ['SI/101', 'D001', 1_180_000],
    ]);
    expect(sales.skipped).toEqual({ 'balance rows': 2, 'total rows': 1, 'type:Receipt': 1 });
    // A voucher's amount is its bill's total: the user is told its GST stays in the net.
    expect(sales.warnings).toEqual([
      'The net values are each voucher\'s "Debit" or "Credit", its bill\'s total with any GST it charged, and the file writes no tax to take off: import the Day Book in its detailed form (its tax ledgers\' lines) or a register with its tax (or taxable value) columns for net sales',
    ]);
    expect(sales.decisions.map((d) => d.decision)).toEqual(expect.arrayContaining(ledgerNotes));
    // A file so titled whose Particulars name distributors is no one party's ledger: read by them.
    const named = file('ledger of parties.csv', [
      ['Ledger'],
      ['Annapurna Distributors'],
      ['Date', 'Particulars', 'Vch Type', 'Vch No.', 'Debit', 'Credit'],
      ['5-Oct-2026', 'D002', 'Sales', 'SI/102', '500.00', null],
    ]);
    const parties = await importFile(ws, named, { kind: 'sales' });
    expect(parties.errors).toEqual([]);
    expect(storedRows(ws, 'sales', parties.batch ?? 0).map((l) => [l.doc_no, l.distributor_code])).toEqual([
      ['SI/102', 'D002'],
    ]);
  });

  it("takes one party's bills outstanding, with no party column, as that party's", async () => {
    const path = file('bills of one party.csv', [
      ['Acme Consumer Products Pvt Ltd'],
      ['Party: Kaveri Enterprises'],
      ['Bills Receivable'],
      ['As on 31-Oct-2026'],
      ['Date', 'Ref. No.', 'Opening Amount', 'Pending Amount', 'Due on', 'Overdue by days'],
      ['1-Sep-2026', 'SI/501', '11,800.00', '5,000.00', '1-Oct-2026', 30],
      [null, null, '11,800.00', '5,000.00', null, null],
    ]);
    const r = await importFile(ws, path, { kind: 'receivables' });
    expect(r.errors).toEqual([]);
    expect(
      storedRows(ws, 'receivables', r.batch ?? 0).map((b) => [b.as_of, b.distributor_code, b.doc_no, b.outstanding]),
    ).toEqual([['2026-10-31', 'D003', 'SI/501', 500_000]]);
  });

  it('spreads a receipt naming several bills in one cell over them, oldest first, each up to what is due on it', async () => {
    const sales = file('bills.csv', [
      ['Type', 'Invoice No', 'Invoice Date', 'Distributor Code', 'SKU', 'Qty', 'Net Value', 'Against Invoice'],
      ['Invoice', 'PB/1', '2027-03-02', 'D001', 'SKU-0001', 1, '100.00', null],
      ['Invoice', 'PB/2', '2027-03-03', 'D001', 'SKU-0001', 1, '200.00', null],
      ['Invoice', 'PB/3', '2027-03-04', 'D001', 'SKU-0001', 3, '150.00', null],
      ['Credit Note', 'CN/1', '2027-03-05', 'D001', 'SKU-0001', 1, '50.00', 'PB/3'],
      // A number with a comma in it is one bill, though it reads as two others.
      ['Invoice', 'PB/1,PB/2', '2027-03-06', 'D001', 'SKU-0001', 1, '100.00', null],
    ]);
    expect((await importFile(ws, sales, { kind: 'sales' })).errors).toEqual([]);
    const before = file('earlier receipt.csv', [
      ['Receipt No', 'Receipt Date', 'Distributor Code', 'Amount', 'Against Invoice'],
      ['R0', '13-03-2027', 'D001', '40.00', 'PB/1'],
    ]);
    expect((await importFile(ws, before, { kind: 'payments' })).errors).toEqual([]);
    const ageing = file('ageing.csv', [
      ['As On', 'Distributor Code', 'Bill No', 'Bill Date', 'Outstanding'],
      ['2027-03-31', 'D001', 'AR/9', '2027-01-15', '500.00'],
    ]);
    expect((await importFile(ws, ageing, { kind: 'receivables' })).errors).toEqual([]);
    const path = file('receipts of two bills.csv', [
      ['Receipt No', 'Receipt Date', 'Distributor Code', 'Amount', 'Against Invoice'],
      ['R0a', '14-03-2027', 'D001', '10.00', 'PB/2'],
      ['R1', '15-03-2027', 'D001', '300.00', 'pb/2, PB/1'],
      ['R2', '16-03-2027', 'D001', '150.00', 'PB/3 and PB/2'],
      ['R3', '17-03-2027', 'D001', '100.00', 'PB/1 & XX/9'],
      ['R4', '18-03-2027', 'D001', '100.00', 'AR/9, PB/1'],
      ['R5', '19-03-2027', 'D001', '100.00', 'PB/1,PB/2'],
    ]);
    const r = await importFile(ws, path, { kind: 'payments' });
    expect(r.errors).toEqual([]);
    // PB/1 was due 100.00 less R0's 40.00; PB/2 200.00 less R0a's 10.00; PB/3 150.00 less its return of 50.00.
    expect(receiptsAgainstBills(r.batch)).toEqual([
      ['R0a', 'PB/2', 1_000],
      ['R1', 'PB/1', 6_000],
      ['R1', 'PB/2', 19_000],
      ['R1', null, 5_000],
      ['R2', 'PB/3', 10_000],
      ['R2', null, 5_000],
      ['R3', 'PB/1 & XX/9', 10_000],
      ['R4', 'AR/9, PB/1', 10_000],
      ['R5', 'PB/1,PB/2', 10_000],
    ]);
    expect(r.totals.amount).toBe('760.00');
    expect(r.decisions).toContainEqual({
      field: 'against_doc_no',
      decision:
        '2 receipts name several bills in one cell ("pb/2, PB/1", "PB/3 and PB/2"): each is spread over its bills, the oldest first, each up to what is still due on it (its amount with tax, less its returns and the receipts before); ₹100.00 beyond what their bills were due stays on account, against no bill',
    });
    // An ageing report's bill gives no amount due to spread by: kept whole, and warned of.
    expect(r.warnings).toEqual([
      '1 receipt names several bills in one cell ("AR/9, PB/1"): early payment finds a bill by its number alone, so it pays on none of them; give each bill a row of its own with what the receipt applies to it, as ERPNext\'s and Zoho\'s payments do',
      '1 receipt is against bills that neither the imported invoices nor the ageing reports of their distributor have ("PB/1 & XX/9"): early payment pays on none of them until the invoice is imported',
    ]);
    // Each bill settled in full within 15 days: 1% of 100.00 + 200.00 + 100.00 + 100.00. Kept whole against
    // the cell's text, R1 and R2 settled none of them and the scheme paid 0.00.
    expect(await earlyPaymentInMarch(ws)).toBe('5.00');
  });

  it("takes a ledger's debits to a customer off its receipts: a receipt reversed, and a payment voucher against its bill", async () => {
    await importThreeBills(ws);
    const ledger = file('day book.csv', [
      ['Date', 'Particulars', 'Vch Type', 'Vch No.', 'Bill Ref', 'Debit', 'Credit'],
      ['05-03-2027', 'D001', 'Receipt', 'RV-1', 'PB/1', null, '100.00'],
      // PB/1's cheque returned unpaid, booked as a payment to the customer against the bill.
      ['08-03-2027', 'D001', 'Payment', 'PV-1', 'PB/1', '100.00', null],
      ['06-03-2027', 'D001', 'Receipt', 'RV-2', 'PB/2', null, '100.00'],
      // PB/2's cheque returned unpaid, booked as a receipt reversed: a debit of a receipt voucher.
      ['25-03-2027', 'D001', 'Receipt', 'RV-2R', 'PB/2', '100.00', null],
      ['06-03-2027', 'D002', 'Receipt', 'RV-3', 'PB/3', null, '100.00'],
      // Money paid out: to a supplier, and to a customer against no bill of its own.
      ['09-03-2027', 'Ramesh Stationers', 'Payment', 'PV-2', 'X-1', '50.00', null],
      ['09-03-2027', 'D002', 'Payment', 'PV-3', 'PB/1', '20.00', null],
      // Goods in from a supplier: Tally's Receipt Note is no money received.
      ['10-03-2027', 'Ramesh Stationers', 'Receipt Note', 'GRN-1', null, null, '500.00'],
    ]);
    const r = await importFile(ws, ledger, { kind: 'payments' });
    expect(r.errors).toEqual([]);
    expect(r.skipped).toEqual({ 'type:Payment': 2, 'type:Receipt Note': 1 });
    expect(r.decisions).toContainEqual({
      field: 'voucher_type',
      decision:
        '1 "Payment" voucher debits a distributor against one of its bills: money given back (a cheque returned unpaid, a refund), each imported as a negative receipt against its bill, so early payment does not count what was given back',
    });
    expect(receiptsAgainstBills(r.batch)).toEqual([
      ['RV-1', 'PB/1', 10_000],
      ['PV-1', 'PB/1', -10_000],
      ['RV-2', 'PB/2', 10_000],
      ['RV-2R', 'PB/2', -10_000],
      ['RV-3', 'PB/3', 10_000],
    ]);
    // Only PB/3 was settled within 15 days: 1% of 100.00. Skipped, the payment left PB/1 paid and
    // the scheme paid 2.00; the reversed receipt refused the file.
    expect(await earlyPaymentInMarch(ws)).toBe('1.00');
  });

  it('takes a cheque returned or a refund off the receipts where one column gives every amount', async () => {
    await importThreeBills(ws);
    const path = file('receipts.csv', [
      ['Voucher Type', 'Receipt No', 'Receipt Date', 'Distributor Code', 'Against Invoice', 'Amount'],
      ['Receipt', 'RV-1', '05-03-2027', 'D001', 'PB/1', '100.00'],
      // PB/1's cheque returned unpaid, written as unsigned as the receipt it undoes.
      ['Cheque Returned', 'CR-1', '09-03-2027', 'D001', 'PB/1', '100.00'],
      // A receipt voided: no money received, so PB/1 stays unpaid.
      ['Cancelled Receipt', 'RV-4', '10-03-2027', 'D001', 'PB/1', '100.00'],
      ['Receipt', 'RV-2', '06-03-2027', 'D001', 'PB/2', '100.00'],
      ['Receipt', 'RV-3', '06-03-2027', 'D002', 'PB/3', '100.00'],
      // Given back against no bill, and against a bill of another distributor: skipped.
      ['Refund', 'RF-1', '10-03-2027', 'D002', null, '30.00'],
      ['Refund', 'RF-2', '10-03-2027', 'D002', 'PB/2', '20.00'],
    ]);
    const preview = await inspectFile(ws.db, { path, kind: 'payments', locale: 'en-IN' });
    expect(preview.documentTypes.map(({ name, as, why }) => [name, as, why])).toEqual([
      ['Receipt', 'receipt', 'name'],
      ['Refund', 'skip', 'given back'],
      ['Cheque Returned', 'skip', 'given back'],
      ['Cancelled Receipt', 'skip', 'name'],
    ]);
    const r = await importFile(ws, path, { kind: 'payments' });
    expect(r.errors).toEqual([]);
    expect(r.skipped).toEqual({ 'type:Refund': 2, 'type:Cancelled Receipt': 1 });
    expect(r.decisions).toContainEqual({
      field: 'voucher_type',
      decision:
        '2 "Refund" vouchers are named as money given back but against no bill of a distributor\'s own: skipped, as early payment reads what was given back by its bill',
    });
    expect(r.decisions).toContainEqual({
      field: 'voucher_type',
      decision:
        '1 "Cheque Returned" voucher is against a distributor\'s own bill: money given back (a cheque returned unpaid, a refund), each imported as a negative receipt against its bill, so early payment does not count what was given back',
    });
    expect(receiptsAgainstBills(r.batch)).toEqual([
      ['RV-1', 'PB/1', 10_000],
      ['CR-1', 'PB/1', -10_000],
      ['RV-2', 'PB/2', 10_000],
      ['RV-3', 'PB/3', 10_000],
    ]);
    // PB/2 and PB/3 settled within 15 days: 1% of 100.00 each. Skipped, the returned cheque left
    // PB/1 paid and the scheme paid 3.00.
    expect(await earlyPaymentInMarch(ws)).toBe('2.00');
  });

  it('spreads a receipt imported before its bills over them once a sales file brings them', async () => {
    const sales = ['Type', 'Invoice No', 'Invoice Date', 'Distributor Code', 'SKU', 'Qty', 'Net Value'];
    const old = file('old bill.csv', [sales, ['Invoice', 'PB/1', '2027-03-02', 'D001', 'SKU-0001', 1, '100.00']]);
    expect((await importFile(ws, old, { kind: 'sales' })).errors).toEqual([]);
    const receipts = await importFile(
      ws,
      file('receipts first.csv', [
        ['Receipt No', 'Receipt Date', 'Distributor Code', 'Amount', 'Against Invoice'],
        ['R0', '14-03-2027', 'D001', '40.00', 'PB/1'],
        ['R1', '15-03-2027', 'D001', '310.00', 'pb/2, PB/1'],
        ['R2', '16-03-2027', 'D001', '50.00', 'PB/3 and PB/9'],
        ['R4', '18-03-2027', 'D001', '100.00', 'PB/4, PB/5'],
        ['R4', '18-03-2027', 'D001', '20.00', 'PB/4'],
      ]),
      { kind: 'payments' },
    );
    expect(receipts.errors).toEqual([]);
    const stored = () =>
      storedRows(ws, 'payments', receipts.batch ?? 0).map((p) => [
        p.receipt_no,
        p.receipt_date,
        p.against_doc_no,
        p.amount,
      ]);
    const before = [
      ['R0', '2027-03-14', 'PB/1', 4_000],
      ['R1', '2027-03-15', 'pb/2, PB/1', 31_000],
      ['R2', '2027-03-16', 'PB/3 and PB/9', 5_000],
      ['R4', '2027-03-18', 'PB/4, PB/5', 10_000],
      ['R4', '2027-03-18', 'PB/4', 2_000],
    ];
    expect(stored()).toEqual(before);
    const bills = file('bills after.csv', [
      sales,
      ['Invoice', 'PB/2', '2027-03-03', 'D001', 'SKU-0001', 2, '200.00'],
      ['Invoice', 'PB/3', '2027-03-04', 'D001', 'SKU-0001', 1, '150.00'],
      ['Invoice', 'PB/4', '2027-03-05', 'D001', 'SKU-0001', 1, '100.00'],
      ['Invoice', 'PB/5', '2027-03-05', 'D001', 'SKU-0001', 1, '100.00'],
    ]);
    const note =
      '1 receipt imported earlier names several bills in one cell, among them invoices of this file ("pb/2, PB/1"): each is now spread over its bills, the oldest first, each up to what is still due on it (its amount with tax, less its returns and the receipts against it); ₹50.00 beyond what their bills were due stays on account, against no bill, as it would have been had the invoices come first';
    await checkedThenImported(bills, note, stored);
    // PB/1 of the earlier file (due 100.00 less R0's 40.00) and PB/2 of this one, oldest first;
    // PB/9 is no bill yet, and R4 already has a row against PB/4: both stay whole.
    expect(stored()).toEqual([
      ['R0', '2027-03-14', 'PB/1', 4_000],
      ['R1', '2027-03-15', 'PB/1', 6_000],
      ['R2', '2027-03-16', 'PB/3 and PB/9', 5_000],
      ['R4', '2027-03-18', 'PB/4, PB/5', 10_000],
      ['R4', '2027-03-18', 'PB/4', 2_000],
      ['R1', '2027-03-15', 'PB/2', 20_000],
      ['R1', '2027-03-15', null, 5_000],
    ]);
    // Each of PB/1 and PB/2 settled in full within 15 days: 1% of 300.00. Kept whole, R1 settled neither.
    expect(await earlyPaymentInMarch(ws)).toBe('3.00');
  });

  it("adds a receipt's rows against one bill on one day into one, keeps its number on another day as another receipt, and refuses one repeated exactly", async () => {
    await importBills('bill.csv', [
      ['PB/1', '2027-03-02', '100.00'],
      ['PB/3', '2027-03-04', '100.00'],
      ['PB/4', '2027-03-05', '100.00'],
    ]);
    const path = file('receipts in parts.csv', [
      ['Receipt No', 'Receipt Date', 'Distributor Code', 'Amount', 'Against Invoice', 'Mode'],
      ['R1', '13-03-2027', 'D001', '60.00', 'PB/1', 'Cash'],
      ['R1', '13-03-2027', 'D001', '40.00', 'PB/1', 'Cheque'],
      // Numbers restart every financial year: R2 of another day is another receipt.
      ['R2', '14-03-2027', 'D001', '10.00', null, 'Cash'],
      ['R2', '15-03-2027', 'D001', '10.00', null, 'Cash'],
      ['R3', '15-03-2027', 'D001', '5.00', null, 'Cash'],
      ['R3', '15-03-2027', 'D001', '5.00', null, 'Cash'],
      ['R5', '16-03-2027', 'D001', '10.00', 'PB/3', 'Cash'],
      ['R5', '17-03-2027', 'D001', '10.00', 'PB/4', 'Cash'],
      // Spread oldest bill first: PB/3's 90.00 still owed, added into row 8's (its receipt, bill
      // and day); PB/4's 60.00, a row of its own beside row 9's of another day.
      ['R5', '16-03-2027', 'D001', '150.00', 'PB/3, PB/4', 'Cash'],
    ]);
    const r = await importFile(ws, path, { kind: 'payments', validOnly: true });
    expect(r.errors.map((e) => [e.row, e.message])).toEqual([[7, 'duplicate of row 6 of this file']]);
    // Row 7 was refused: nothing says both were imported.
    expect(r.warnings).toEqual([]);
    expect(r.decisions).toContainEqual({
      field: 'amount',
      decision:
        '2 rows pay under a receipt a row above already names, against the same bill (or on account) and on the same day (R1, R5): each is a part of that receipt — cash and a cheque, written apart — and is added into that row (₹130.00 in all)',
    });
    expect(
      storedRows(ws, 'payments', r.batch ?? 0).map((p) => [p.receipt_no, p.receipt_date, p.against_doc_no, p.amount]),
    ).toEqual([
      ['R1', '2027-03-13', 'PB/1', 10_000],
      ['R2', '2027-03-14', null, 1_000],
      ['R2', '2027-03-15', null, 1_000],
      ['R3', '2027-03-15', null, 500],
      ['R5', '2027-03-16', 'PB/3', 10_000],
      ['R5', '2027-03-17', 'PB/4', 1_000],
      ['R5', '2027-03-16', 'PB/4', 6_000],
    ]);
    expect(r.totals.amount).toBe('295.00');
    // PB/1 and PB/3 settled in full within 15 days (PB/4 has 70.00 of 100.00): 1% of 200.00.
    expect(await earlyPaymentInMarch(ws)).toBe('2.00');
  });

  it('keeps a receipt number used again in the next financial year as another receipt, and refuses the same receipt again', async () => {
    const columns = ['Receipt No', 'Receipt Date', 'Distributor Code', 'Amount'];
    const lastYear = await importFile(
      ws,
      file('receipts 2025-26.csv', [columns, ['R-1', '2025-10-05', 'D001', '1,000.00']]),
      {
        kind: 'payments',
      },
    );
    expect(lastYear.rows).toBe(1);
    const thisYear = file('receipts 2026-27.csv', [
      columns,
      ['R-1', '2026-10-05', 'D001', '2,000.00'],
      ['R-2', '2026-10-06', 'D001', '500.00'],
    ]);
    const r = await importFile(ws, thisYear, { kind: 'payments' });
    expect(r.errors).toEqual([]);
    expect(
      ws.db.prepare("SELECT receipt_date, amount FROM payments WHERE receipt_no = 'R-1' ORDER BY id").all(),
    ).toEqual([
      { receipt_date: '2025-10-05', amount: 100_000 },
      { receipt_date: '2026-10-05', amount: 200_000 },
    ]);
    const copy = file('receipts again.csv', [columns, ['R-1', '2026-10-05', 'D001', '2,000.00']]);
    const again = await importFile(ws, copy, { kind: 'payments' });
    expect(again.errors.map((e) => e.message)).toEqual([`already imported in batch ${r.batch}`]);
  });

  it("pays early payment on this year's invoice by its own receipts, not by last year's against the same number", async () => {
    await importBills('two years.csv', [
      ['INV-1', '2026-03-05', '1,000.00'],
      ['INV-1', '2027-03-05', '1,000.00'],
      ['INV-2', '2027-03-08', '500.00'],
    ]);
    const columns = ['Receipt No', 'Receipt Date', 'Distributor Code', 'Amount', 'Against Invoice'];
    const receipts = (name: string, rows: FixtureCell[][]) =>
      importFile(ws, file(name, [columns, ...rows]), { kind: 'payments' });
    // Last year's INV-1 paid last year; INV-2 paid in advance, a week before it was billed.
    const earlier = await receipts('earlier.csv', [
      ['R-9', '2026-03-20', 'D001', '1,000.00', 'INV-1'],
      ['R-1', '2027-03-01', 'D001', '500.00', 'INV-2'],
    ]);
    expect(earlier.errors).toEqual([]);
    const api = createWorkspaceApi(ws);
    // 1% of INV-2 alone: this year's INV-1 is unpaid.
    expect(await earlyPaymentTotal(api, '2027-03', 15)).toBe('5.00');
    // A return of last year's INV-1, dated before this year's: it leaves this year's ₹1,000.00 due.
    const returned = file('return.csv', [
      ['Type', 'Invoice No', 'Invoice Date', 'Distributor Code', 'SKU', 'Qty', 'Net Value', 'Against Invoice'],
      ['Credit Note', 'CN-1', '2027-03-02', 'D001', 'SKU-0001', -1, '-400.00', 'INV-1'],
    ]);
    expect((await importFile(ws, returned, { kind: 'sales' })).errors).toEqual([]);
    expect((await receipts('this year.csv', [['R-2', '2027-03-12', 'D001', '600.00', 'INV-1']])).errors).toEqual([]);
    expect(await earlyPaymentTotal(api, '2027-03', 15)).toBe('5.00');
    expect((await receipts('the rest.csv', [['R-3', '2027-03-13', 'D001', '400.00', 'INV-1']])).errors).toEqual([]);
    expect(await earlyPaymentTotal(api, '2027-03', 15)).toBe('15.00');
  });

  it("keeps an ageing snapshot's bill of last year beside this year's of the same number as two bills", async () => {
    const path = file('ageing.csv', [
      ['Party', 'Bill No', 'Bill Date', 'Due Date', 'Pending Amount', 'As On'],
      ['D001', 'INV-1', '2025-10-05', '2025-11-04', '1,000.00', '2026-10-31'],
      ['D001', 'INV-1', '2026-10-05', '2026-11-04', '2,000.00', '2026-10-31'],
    ]);
    const r = await importFile(ws, path, { kind: 'receivables' });
    expect(r.errors).toEqual([]);
    expect(storedRows(ws, 'receivables', r.batch ?? 0).map((b) => [b.doc_no, b.doc_date, b.outstanding])).toEqual([
      ['INV-1', '2025-10-05', 100_000],
      ['INV-1', '2026-10-05', 200_000],
    ]);
  });

  it('gives credit notes and receipts imported before their invoices, and written otherwise, to the invoices once they come', async () => {
    const sales = [
      'Type',
      'Invoice No',
      'Invoice Date',
      'Distributor Code',
      'SKU',
      'Qty',
      'Net Value',
      'Against Invoice',
    ];
    const old = file('old bill.csv', [sales, ['Invoice', '555', '2026-10-02', 'D001', 'SKU-0001', 1, '100.00', null]]);
    expect((await importFile(ws, old, { kind: 'sales' })).errors).toEqual([]);
    const returns = file('returns first.csv', [
      sales,
      ['Credit Note', 'CN/77', '2026-10-20', 'D001', 'SKU-0001', 1, '50.00', 'inv/77'],
    ]);
    expect((await importFile(ws, returns, { kind: 'sales' })).errors).toEqual([]);
    const receipts = await importFile(
      ws,
      file('receipts first.csv', [
        ['Receipt No', 'Receipt Date', 'Distributor Code', 'Amount', 'Against Invoice'],
        ['E1', '20-10-2026', 'D001', '100.00', '1043'],
        ['E2', '21-10-2026', 'D002', '100.00', '1043'],
        ['E3', '22-10-2026', 'D001', '100.00', '555'],
        ['E4', '23-10-2026', 'D001', '100.00', 'Agst Ref INV/78'],
      ]),
      { kind: 'payments' },
    );
    const against = () =>
      ws.db
        .prepare(
          `SELECT coalesce(receipt_no, doc_no) AS no, against_doc_no AS bill FROM (
             SELECT receipt_no, NULL AS doc_no, against_doc_no, 1 AS t, rowid AS n FROM payments WHERE batch_id = ?
             UNION ALL SELECT NULL, doc_no, against_doc_no, 2, rowid FROM sales WHERE doc_no = 'CN/77')
           ORDER BY t, n`,
        )
        .raw()
        .all(receipts.batch);
    const before = [
      ['E1', '1043'],
      ['E2', '1043'],
      ['E3', '555'],
      ['E4', 'Agst Ref INV/78'],
      ['CN/77', 'inv/77'],
    ];
    expect(against()).toEqual(before);
    const invoices = file('invoices after.csv', [
      sales,
      ['Invoice', 'INV/77', '2026-10-05', 'D001', 'SKU-0001', 1, '100.00', null],
      ['Invoice', '0001043', '2026-10-06', 'D001', 'SKU-0001', 1, '100.00', null],
      ['Invoice', '0555', '2026-10-07', 'D001', 'SKU-0001', 1, '100.00', null],
      ['Invoice', 'INV/78', '2026-10-08', 'D001', 'SKU-0001', 1, '100.00', null],
    ]);
    const note =
      '1 credit note ("inv/77" is INV/77) and 2 receipts ("1043" is 0001043, "Agst Ref INV/78" is INV/78) imported earlier name an invoice of this file otherwise than it is written (in other capitals, without the leading zeros Excel drops, or among words such as "Agst Ref"): each is now read as the invoice\'s, as it would have been had the invoices come first';
    await checkedThenImported(invoices, note, against);
    // D002 has no such invoice, and 555 is an invoice of its own.
    expect(against()).toEqual([
      ['E1', '0001043'],
      ['E2', '1043'],
      ['E3', '555'],
      ['E4', 'INV/78'],
      ['CN/77', 'INV/77'],
    ]);
    const audit = ws.db
      .prepare("SELECT after FROM audit_log WHERE action = 'import.run' ORDER BY seq DESC LIMIT 1")
      .pluck()
      .get() as string;
    expect(JSON.parse(audit).earlierLines).toBe(note);
  });

  it('reads a bill written otherwise than its invoice or ageing report as that bill, and warns of bills none has', async () => {
    const path = file('receipts.csv', [
      ['Receipt No', 'Receipt Date', 'Distributor Code', 'Amount', 'Against Invoice'],
      ['R1', '15-10-2026', 'D004', '100.00', 'INV/2610/00015'],
      ['R2', '15-10-2026', 'D004', '100.00', 'inv/2610/00015'],
      ['R3', '15-10-2026', 'D001', '100.00', 'inv/prv/00002'],
      ['R4', '15-10-2026', 'D004', '100.00', 'INV/XXX/1'],
      ['R5', '15-10-2026', 'D004', '100.00', 'Agst Ref INV/2610/00015'],
      ['R6', '15-10-2026', 'D004', '100.00', '2610/15'],
    ]);
    const r = await importFile(ws, path, { kind: 'payments' });
    expect(r.errors).toEqual([]);
    expect(storedRows(ws, 'payments', r.batch ?? 0).map((p) => [p.receipt_no, p.against_doc_no])).toEqual([
      ['R1', 'INV/2610/00015'],
      ['R2', 'INV/2610/00015'],
      ['R3', 'INV/PRV/00002'],
      ['R4', 'INV/XXX/1'],
      ['R5', 'INV/2610/00015'],
      ['R6', '2610/15'],
    ]);
    expect(r.decisions).toContainEqual({
      field: 'against_doc_no',
      decision:
        '3 receipts write their bill\'s number otherwise than the sales or the ageing report (in other capitals, without the leading zeros Excel drops, or among words such as "Agst Ref"): each is read as the bill\'s ("inv/2610/00015" is INV/2610/00015, "inv/prv/00002" is INV/PRV/00002, "Agst Ref INV/2610/00015" is INV/2610/00015)',
    });
    expect(r.warnings).toEqual([
      `1 receipt names a bill none of its distributor's has, but one written otherwise most likely means ("2610/15" for "INV/2610/00015"): early payment counts a receipt only against the bill it names exactly, so it earns nothing; correct the numbers in the file that writes them otherwise and import it again`,
      '1 receipt is against bills that neither the imported invoices nor the ageing reports of their distributor have ("INV/XXX/1"): early payment pays on none of them until the invoice is imported',
    ]);
  });
});

describe("one distributor's own sales register", () => {
  const rows = (title: string) => [
    ['MARG ERP 9+'],
    [title],
    ['Sales Register (Item Wise) From 01-10-2026 To 31-10-2026'],
    ['Date', 'Bill No.', 'Party Name', 'Item Name', 'Qty', 'Amount'],
    ['01-10-2026', 'A000123', 'Verma Tea Stall', 'SKU-0001', 10, '441.00'],
    ['02-10-2026', 'A000124', 'O00020', 'SKU-0002', 24, '240.00'],
    [null, null, null, 'Total', 34, '681.00'],
  ];

  it('reads its party column as the outlet where the title names the distributor and every party is an outlet', async () => {
    const r = await importFile(ws, file('marg-register.csv', rows('ANNAPURNA DISTRIBUTORS')), { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.mapping).toMatchObject({ outlet_code: 'Party Name' });
    expect(r.mapping.distributor_code).toBeUndefined();
    expect(r.decisions.map((d) => d.decision)).toContain(
      '"Party Name" names outlets of the outlets master, not distributors, and the title names the distributor ("ANNAPURNA DISTRIBUTORS", D001): the file is its sales to its outlets, so "Party Name" is read as the outlet and every line as D001\'s',
    );
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.distributor_code, s.outlet_code])).toEqual([
      ['A000123', 'D001', 'O00001'],
      ['A000124', 'D001', 'O00020'],
    ]);
  });

  it('keeps a party column of distributors under a title naming one, and says so when a party is an outlet', async () => {
    const distributors = rows('ANNAPURNA DISTRIBUTORS').map((r, i) => (i === 5 ? r.with(2, 'D003') : r));
    const kept = await importFile(ws, file('distributor-register.csv', distributors), { kind: 'sales' });
    expect(kept.mapping).toMatchObject({ distributor_code: 'Party Name' });
    expect(kept.errors.map((e) => e.message)).toEqual([
      'unknown distributor "Verma Tea Stall": it is an outlet of the outlets master. If the file is one distributor\'s sales to its outlets, read "Party Name" as the outlet and give the distributor (--map outlet_code="Party Name" --map distributor_code= --set distributor_code=CODE, or in the import dialog)',
    ]);
    // A title naming no distributor of the workspace leaves the party column as it is.
    const unnamed = await importFile(ws, file('unnamed-register.csv', rows('ANNAPURNA TRADERS PVT LTD')), {
      kind: 'sales',
    });
    expect(unnamed.mapping).toMatchObject({ distributor_code: 'Party Name' });
    expect(unnamed.errors).toHaveLength(2);
  });
});

describe("one distributor's export that names outlets and no distributor", () => {
  const header = ['Invoice No', 'Invoice Date', 'Retailer Code', 'SKU Code', 'Qty', 'Net Amount'];

  it("reads every line as the distributor's whose outlets the first rows name, and refuses a line of another's", async () => {
    // O00001, O00030 and a "Total Mart" (an outlet, not a total) are D001's; the row of O00002
    // (D002's) comes after the first rows.
    const outlets = file('outlets.csv', [
      ['Outlet Code', 'Outlet Name', 'Distributor Code'],
      ['O09001', 'Total Mart', 'D001'],
    ]);
    expect((await importFile(ws, outlets, { kind: 'outlets' })).errors).toEqual([]);
    const first = Array.from({ length: 50 }, (_, i) => [
      `R${i + 1}`,
      '2026-10-03',
      ['O00001', 'Sri Hypermarket', 'Total Mart'][i % 3] ?? null,
      'SKU-0001',
      1,
      '100.00',
    ]);
    const path = file('retailer sales.csv', [
      header,
      ...first,
      ['R99', '2026-10-04', 'O00002', 'SKU-0002', 1, '50.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales', validOnly: true });
    expect(r.decisions).toContainEqual({
      field: 'distributor_code',
      decision:
        'Distributor is D001 for every row, since the file has no distributor column and the outlets master gives all 3 outlets its first rows name to D001',
    });
    expect(r.errors.map((e) => [e.row, e.message])).toEqual([
      [
        52,
        'outlet O00002 belongs to distributor D002 in the outlets master, not D001 (choose to move outlets: --move-outlets)',
      ],
    ]);
    expect(new Set(storedRows(ws, 'sales', r.batch ?? 0).map((s) => s.distributor_code))).toEqual(new Set(['D001']));
  });

  it("finds the outlets' distributor by the first rows that may be lines, not the report's footer under them", async () => {
    // Read with the footer's words as an outlet, the outlets were no one distributor's.
    const path = file('retailer bills.csv', [
      ['Retailer Code', 'Bill No', 'Bill Date', 'SKU', 'Qty', 'Amount'],
      ['O00001', 'RB1', '2026-10-03', 'SKU-0001', 1, '100.00'],
      ['O00001', 'RB2', '2026-10-04', 'SKU-0002', 2, '200.00'],
      [],
      ['Generated by the DMS on 7 December 2026'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales', dryRun: true });
    expect(r.errors).toEqual([]);
    expect(r.skipped).toEqual({ 'notes under the table': 1 });
    expect(r.decisions.map((d) => d.decision)).toContain(
      'Distributor is D001 for every row, since the file has no distributor column and the outlets master gives the outlet its first rows name to D001',
    );
  });

  it("reads every line of a workbook's sheet named for a distributor as that distributor's, where no column names one", async () => {
    const lines = (no: string, sku: string): FixtureCell[][] => [
      ['Invoice No', 'Invoice Date', 'SKU Code', 'Qty', 'Net Amount'],
      [no, '2026-10-03', sku, 2, '150.00'],
    ];
    const name = String(ws.db.prepare("SELECT name FROM distributors WHERE code = 'D002'").pluck().get());
    const path = join(dir, 'by distributor.xlsx');
    await writeXlsx(path, [
      { name: 'D001', rows: lines('B/1', 'SKU-0001') },
      { name, rows: lines('B/2', 'SKU-0002') },
      { name: '7', rows: lines('B/3', 'SKU-0002') },
    ]);
    const byCode = await importFile(ws, path, { kind: 'sales', sheet: 'D001' });
    const byName = await importFile(ws, path, { kind: 'sales', sheet: name });
    expect(byName.decisions).toContainEqual({
      field: 'distributor_code',
      decision: `Distributor is D002 for every row, as the sheet's name "${name}" says`,
    });
    expect(
      [byCode, byName].flatMap((r) => storedRows(ws, 'sales', r.batch ?? 0).map((l) => [l.doc_no, l.distributor_code])),
    ).toEqual([
      ['B/1', 'D001'],
      ['B/2', 'D002'],
    ]);
    // A sheet numbered 7 names nobody, though a distributor is coded 007: the distributor is asked for.
    ws.db
      .prepare(
        "INSERT INTO distributors (code, name, batch_id) VALUES ('007', 'Seven Traders', (SELECT min(batch_id) FROM distributors))",
      )
      .run();
    await expect(importFile(ws, path, { kind: 'sales', sheet: '7' })).rejects.toThrow('no column for Distributor');
  });

  it("asks for the distributor where the first rows' outlets are several distributors'", async () => {
    const path = file('two distributors.csv', [
      header,
      ['R1', '2026-10-03', 'O00001', 'SKU-0001', 1, '100.00'],
      ['R2', '2026-10-03', 'O00002', 'SKU-0001', 1, '100.00'],
    ]);
    await expect(importFile(ws, path, { kind: 'sales' })).rejects.toThrow('no column for Distributor');
  });
});

describe('returns written beside the sales', () => {
  const header = ['Bill Date', 'Bill No', 'Distributor Code', 'Outlet Code', 'SKU Code', 'Sales Qty', 'Return Qty'];

  it('takes the returns off the quantity and the value named for sales', async () => {
    const path = file('sales and returns.csv', [
      [...header, 'Sales Value', 'Return Value'],
      ['2026-10-03', 'B1', 'D001', 'O00001', 'SKU-0001', 10, 2, '1000.00', '200.00'],
      ['2026-10-04', 'B2', 'D001', 'O00001', 'SKU-0002', 5, 0, '500.00', '0.00'],
      ['2026-10-05', 'B3', 'D001', 'O00001', 'SKU-0002', 1, 3, '100.00', '-300.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.decisions).toContainEqual({
      field: 'net_value',
      decision:
        'Each row writes its returns beside its sales, so they are taken off: "Sales Qty" less "Return Qty", and "Sales Value" less "Return Value"',
    });
    // Read alone, the sales were 16 and 1,600.00: every return counted as sold.
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.doc_type, s.qty, s.net_value])).toEqual([
      ['B1', 'invoice', 8_000, 80_000],
      ['B2', 'invoice', 5_000, 50_000],
      ['B3', 'credit_note', -2_000, -20_000],
    ]);
  });

  it('reads a Sales Return column of amounts as the value returned, not as a flag', async () => {
    const path = file('sales return amounts.csv', [
      [
        'Bill Date',
        'Bill No',
        'Distributor Code',
        'Outlet Code',
        'SKU Code',
        'Sales Qty',
        'Sales Value',
        'Sales Return',
      ],
      ['2026-10-03', 'B1', 'D001', 'O00001', 'SKU-0001', 10, '1000.00', '200.00'],
      // An amount of 1 made the whole row a return, read as a flag.
      ['2026-10-04', 'B2', 'D001', 'O00001', 'SKU-0002', 5, '500.00', 1],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.mapping.return_flag).toBeUndefined();
    expect(r.decisions.map((d) => d.decision)).toContain(
      '"Sales Return" holds amounts, not a flag marking returns: it is the value returned beside the sales',
    );
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_type, s.net_value])).toEqual([
      ['invoice', 80_000],
      ['invoice', 49_900],
    ]);
  });

  it('reads a Net Qty and a Net Value as they are, the returns being off them already', async () => {
    const path = file('net of returns.csv', [
      [...header, 'Net Qty', 'Sales Value', 'Return Value', 'Net Value'],
      ['2026-10-03', 'B1', 'D001', 'O00001', 'SKU-0001', 10, 2, 8, '1000.00', '200.00', '800.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.mapping).toMatchObject({ qty: 'Net Qty', net_value: 'Net Value' });
    expect(r.mapping.returned_qty).toBeUndefined();
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.qty, s.net_value])).toEqual([[8_000, 80_000]]);
  });
});

describe('a column of currencies', () => {
  it("refuses a line written in another currency than the workspace's, naming it", async () => {
    const path = file('currencies.csv', [
      ['Invoice No', 'Invoice Date', 'Customer Code', 'Item Code', 'Qty', 'Amount', 'Currency Code'],
      ['C1', '2026-10-03', 'D001', 'SKU-0001', 10, '1000.00', 'INR'],
      ['C2', '2026-10-04', 'D001', 'SKU-0002', 5, '500.00', 'USD'],
      ['C3', '2026-10-05', 'D001', 'SKU-0002', 1, '100.00', '₹'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales', validOnly: true });
    // Read as written, the USD line was ₹500.00 of sales.
    expect(r.errors).toEqual([
      {
        row: 3,
        column: 'Currency Code',
        value: 'USD',
        message:
          "the line's amounts are in USD, not the file's INR: SchemeDesk keeps one currency, so convert the line before importing it, or leave it out",
      },
    ]);
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.net_value])).toEqual([
      ['C1', 100_000],
      ['C3', 10_000],
    ]);
  });

  it('imports a file in one other currency as written, and warns that the workspace keeps another', async () => {
    const path = file('shekels.csv', [
      ['Invoice No', 'Invoice Date', 'Customer Code', 'Item Code', 'Qty', 'Amount', 'Currency'],
      ['S1', '2026-10-03', 'D001', 'SKU-0001', 10, '1000.00', 'ILS'],
      ['S2', '2026-10-04', 'D001', 'SKU-0002', 5, '500.00', null],
      ['S3', '2026-10-05', 'D001', 'SKU-0002', 1, '100.00', 'USD'],
      ['S4', '2026-10-06', 'D001', 'SKU-0001', 2, '200.00', 'ILS'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales', validOnly: true });
    expect(r.errors.map((e) => [e.row, e.message])).toEqual([
      [
        4,
        "the line's amounts are in USD, not the file's ILS: SchemeDesk keeps one currency, so convert the line before importing it, or leave it out",
      ],
    ]);
    const inShekels =
      "The file's amounts are in ILS (\"Currency\"), and the workspace's currency is INR: they are imported as written, as amounts in INR; if the books are kept in ILS, set the workspace's currency to it";
    expect(r.warnings).toContain(inShekels);
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => s.doc_no)).toEqual(['S1', 'S2', 'S4']);
    // The dialog says it before the import.
    const preview = await inspectFile(ws.db, { path, kind: 'sales', locale: 'en-IN' });
    expect(preview.decisions).toContain(inShekels);
  });

  it("checks nothing where the amount read is in the company's own currency", async () => {
    const path = file('local currency.csv', [
      ['Billing Document', 'Billing Date', 'Payer', 'Material', 'Quantity', 'Net Value (LC)', 'Document Currency'],
      ['90001', '2026-10-03', 'D001', 'SKU-0001', 10, '83000.00', 'USD'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => s.net_value)).toEqual([8_300_000]);
  });
});

describe('credit notes against their invoices', () => {
  it("reads an invoice number a credit note writes otherwise than the invoice as the invoice's, in the file or stored", async () => {
    // The return of 0001043 comes before its invoice; INV/2610/00015 is the demo's, stored already.
    const path = file('returns.csv', [
      ['Type', 'Doc No', 'Date', 'Distributor Code', 'Outlet Code', 'SKU', 'Qty', 'Net Value', 'Against Invoice'],
      ['Credit Note', 'CN-1', '2026-10-20', 'D001', null, 'SKU-0001', 1, '100.00', '1043'],
      ['Invoice', '0001043', '2026-10-05', 'D001', null, 'SKU-0001', 5, '500.00', null],
      ['Invoice', 'A-7', '2026-10-06', 'D001', null, 'SKU-0002', 2, '200.00', null],
      ['Credit Note', 'CN-2', '2026-10-21', 'D001', null, 'SKU-0002', 1, '100.00', 'a-7'],
      ['Credit Note', 'CN-3', '2026-10-22', 'D004', null, 'SKU-0001', 1, '100.00', 'inv/2610/00015'],
      ['Credit Note', 'CN-4', '2026-10-22', 'D004', null, 'SKU-0001', 1, '100.00', 'OLD/1'],
      ['Credit Note', 'CN-5', '2026-10-22', 'D003', null, 'SKU-0001', 1, '100.00', 'a-7'],
      // Without its INV and its zeros: most likely D004's INV/2610/00015, but kept as written.
      ['Credit Note', 'CN-6', '2026-10-23', 'D004', null, 'SKU-0001', 1, '100.00', '2610-15'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.against_doc_no])).toEqual([
      ['CN-1', '0001043'],
      ['0001043', null],
      ['A-7', null],
      ['CN-2', 'A-7'],
      ['CN-3', 'INV/2610/00015'],
      // No invoice of D004 is written so; A-7 is D001's, not D003's.
      ['CN-4', 'OLD/1'],
      ['CN-5', 'a-7'],
      ['CN-6', '2610-15'],
    ]);
    expect(r.warnings).toEqual([
      `1 credit note line names an invoice none of its distributor's has, but one written otherwise most likely means ("2610-15" for "INV/2610/00015"): a return is taken off, and clawed back from, only the invoice it names exactly, so it lowers the measure of its own period instead; correct the numbers in the file that writes them otherwise and import it again`,
    ]);
    expect(r.decisions).toContainEqual({
      field: 'against_doc_no',
      decision:
        '3 credit notes write the number of the invoice they return otherwise than the invoice (in other capitals, without the leading zeros Excel drops, or among words such as "Agst Ref"): each is read as the invoice\'s ("1043" is 0001043, "a-7" is A-7, "inv/2610/00015" is INV/2610/00015)',
    });
  });
});

describe("Xero's sales invoice export", () => {
  it('takes the customer from ContactName, not the revenue AccountCode, and the item from InventoryItemCode', async () => {
    const path = file('Sales invoices.csv', [
      [
        '*ContactName',
        '*InvoiceNumber',
        '*InvoiceDate',
        'Total',
        'InventoryItemCode',
        '*Description',
        '*Quantity',
        '*UnitAmount',
        'LineAmount',
        '*AccountCode',
        '*TaxType',
        'TaxAmount',
        'Type',
        'Status',
      ],
      [
        'D001',
        'INV-0001',
        '05/10/2026',
        '1180.00',
        'SKU-0001',
        'Soap',
        '10.0000',
        '60.0000',
        '600.00',
        '200',
        'GST 18%',
        '108.00',
        'Sales invoice',
        'Awaiting Payment',
      ],
      [
        'D001',
        'INV-0001',
        '05/10/2026',
        '1180.00',
        'SKU-0002',
        'Paste',
        '4.0000',
        '100.0000',
        '400.00',
        '200',
        'GST 18%',
        '72.00',
        'Sales invoice',
        'Awaiting Payment',
      ],
      [
        'D002',
        'CN-0001',
        '08/10/2026',
        '118.00',
        'SKU-0001',
        'Soap',
        '1.0000',
        '100.0000',
        '100.00',
        '200',
        'GST 18%',
        '18.00',
        'Sales credit note',
        'Awaiting Payment',
      ],
      [
        'D002',
        'INV-0002',
        '09/10/2026',
        '59.00',
        'SKU-0001',
        'Soap',
        '1.0000',
        '50.0000',
        '50.00',
        '200',
        'GST 18%',
        '9.00',
        'Sales invoice',
        'Voided',
      ],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(
      storedRows(ws, 'sales', r.batch ?? 0).map((s) => [
        s.doc_no,
        s.doc_type,
        s.distributor_code,
        s.sku,
        s.qty,
        s.net_value,
        s.tax,
      ]),
    ).toEqual([
      ['INV-0001', 'invoice', 'D001', 'SKU-0001', 10_000, 60_000, 10_800],
      ['INV-0001', 'invoice', 'D001', 'SKU-0002', 4_000, 40_000, 7_200],
      ['CN-0001', 'credit_note', 'D002', 'SKU-0001', -1_000, -10_000, -1_800],
    ]);
    expect(r.skipped).toEqual({ void: 1 });
  });
});

describe('invoice lists whose only amounts are the invoice totals', () => {
  it("takes Odoo's Tax Excluded as the net value, its negative lines as credit notes, its drafts left out", async () => {
    const path = file('Invoices.csv', [
      ['Number', 'Customer', 'Invoice Date', 'Due Date', 'Tax Excluded', 'Tax', 'Total', 'Payment Status', 'Status'],
      ['INV/2026/00001', 'D001', '10/05/2026', '11/04/2026', '1,000.00', '180.00', '1,180.00', 'Not Paid', 'Posted'],
      ['RINV/2026/00001', 'D001', '10/08/2026', '10/08/2026', '-100.00', '-18.00', '-118.00', 'Paid', 'Posted'],
      ['INV/2026/00003', 'D001', '10/09/2026', '10/09/2026', '50.00', '9.00', '59.00', 'Not Paid', 'Draft'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(
      storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.doc_type, s.doc_date, s.net_value, s.tax]),
    ).toEqual([
      ['INV/2026/00001', 'invoice', '2026-10-05', 100_000, 18_000],
      ['RINV/2026/00001', 'credit_note', '2026-10-08', -10_000, -1_800],
    ]);
    expect(r.skipped).toEqual({ draft: 1 });
  });

  it("takes ERPNext's Sales Register: an invoice's Net Total where no line amount is written, its Total Tax beside it", async () => {
    const path = file('Sales Register.csv', [
      [
        'Invoice',
        'Posting Date',
        'Customer',
        'Customer Name',
        'Sales - AC',
        'Net Total',
        'Output Tax CGST - AC',
        'Output Tax SGST - AC',
        'Total Tax',
        'Grand Total',
      ],
      ['ACC-SINV-1', '2026-10-05', 'D001', 'Sharma', '1000.0', '1200.0', '108.0', '108.0', '216.0', '1416.0'],
      ['Total', null, null, null, '1000.0', '1200.0', '108.0', '108.0', '216.0', '1416.0'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(documentsOf(r.batch)).toEqual([['ACC-SINV-1', 'D001', 120_000, 21_600]]);
  });

  it("takes each invoice's round-off from ERPNext's Rounded Total less its Grand Total, so a bill paid its rounded total is paid in full", async () => {
    const path = file('Sales Register.csv', [
      ['Invoice', 'Posting Date', 'Customer', 'Net Total', 'Total Tax', 'Grand Total', 'Rounded Total'],
      ['ACC-SINV-1', '2027-03-02', 'D001', '500.34', '90.06', '590.40', '590.00'],
      ['ACC-SINV-2', '2027-03-03', 'D001', '500.50', '90.10', '590.60', '591.00'],
      // Rounding turned off writes a Rounded Total of nothing; a rupee or more away is no rounding.
      ['ACC-SINV-3', '2027-03-04', 'D001', '100.00', '18.00', '118.00', '0.00'],
      ['ACC-SINV-4', '2027-03-05', 'D001', '100.00', '18.00', '118.00', '120.00'],
      ['ACC-SINV-5', '2027-03-06', 'D001', '-100.00', '-18.00', '-118.00', '-118.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.totals).toMatchObject({ net_value: '1100.84', tax: '198.16', round_off: '0.00' });
    expect(r.decisions.map((d) => d.decision)).toContain(
      'Round-off is each document\'s "Rounded Total" less its "Grand Total" (591.00 for 590.60: 0.40), what the distributor was billed beyond the lines and their tax; none where the rounded total is 0 (rounding turned off) or a rupee or more away',
    );
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.round_off])).toEqual([
      ['ACC-SINV-1', -40],
      ['ACC-SINV-2', 40],
      ['ACC-SINV-3', null],
      ['ACC-SINV-4', null],
      ['ACC-SINV-5', null],
    ]);
    // Each bill paid its rounded total within the 15 days: 1% of 590.00 + 591.00 + 118.00 + 118.00.
    // Without its round-off the first was 0.40 short of its 590.40, and not settled in full.
    const receipts = file('receipts.csv', [
      ['Receipt No', 'Receipt Date', 'Distributor Code', 'Amount', 'Against Invoice'],
      ['R-1', '2027-03-10', 'D001', '590.00', 'ACC-SINV-1'],
      ['R-2', '2027-03-10', 'D001', '591.00', 'ACC-SINV-2'],
      ['R-3', '2027-03-10', 'D001', '118.00', 'ACC-SINV-3'],
      ['R-4', '2027-03-10', 'D001', '118.00', 'ACC-SINV-4'],
    ]);
    expect((await importFile(ws, receipts, { kind: 'payments' })).errors).toEqual([]);
    expect(await earlyPaymentInMarch(ws)).toBe('14.17');
  });
});

describe("Tally's columnar Sales Register: a column per ledger", () => {
  it('sums every GST ledger column, one per rate, as the tax, and leaves the rates and the sales ledgers alone', async () => {
    const path = file('Sales Register.csv', [
      ['Acme Distributors'],
      ['Sales Register'],
      ['1-Oct-2026 to 31-Oct-2026'],
      [
        'Date',
        'Particulars',
        'Voucher Type',
        'Voucher No.',
        'Value',
        'Gross Total',
        'Sales GST 18%',
        'Sales GST 5%',
        'Output CGST 9%',
        'Output SGST 9%',
        'Output CGST 2.5%',
        'Output SGST 2.5%',
        'Integrated Tax 18%',
        'CGST %',
        'IGST Ledger',
        'Round Off',
      ],
      [
        '5-Oct-2026',
        'D001',
        'Sales',
        'S/1',
        '1,200.00',
        '1,400.00',
        '1,000.00',
        '200.00',
        '90.00',
        '90.00',
        '5.00',
        '5.00',
        null,
        9,
        'Output IGST',
        '10.00',
      ],
      [
        '6-Oct-2026',
        'D002',
        'Sales',
        'S/2',
        '500.00',
        '590.00',
        '500.00',
        null,
        null,
        null,
        null,
        null,
        '90.00',
        null,
        'Output IGST',
        null,
      ],
      [
        null,
        'Grand Total',
        null,
        null,
        '1,700.00',
        '1,990.00',
        '1,500.00',
        '200.00',
        '90.00',
        '90.00',
        '5.00',
        '5.00',
        '90.00',
        null,
        null,
        '10.00',
      ],
    ]);
    const preview = await inspectFile(ws.db, { path, kind: 'sales', locale: 'en-IN' });
    expect(preview.mapping).toMatchObject({
      net_value: 'Value',
      tax_cgst: 'Output CGST 9%',
      tax_cgst_2: 'Output CGST 2.5%',
      tax_sgst_2: 'Output SGST 2.5%',
      tax_igst: 'Integrated Tax 18%',
    });
    expect(Object.values(preview.mapping)).not.toContain('CGST %');
    expect(Object.values(preview.mapping)).not.toContain('IGST Ledger');
    expect(preview.fields.filter((f) => f.name.startsWith('tax_cgst')).map((f) => f.label)).toEqual([
      'CGST',
      'CGST (2)',
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    // S/1: 90 + 90 + 5 + 5 = 190 of tax beside its 1,200 of value; S/2: 90 of IGST.
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.net_value, s.tax])).toEqual([
      ['S/1', 120_000, 19_000],
      ['S/2', 50_000, 9_000],
    ]);
    expect(r.totals).toMatchObject({ net_value: '1700.00', tax: '280.00' });
    expect(r.decisions).toContainEqual({
      field: 'tax',
      decision:
        'Tax is the sum of the columns Output CGST 9%, Output SGST 9%, Output CGST 2.5%, Output SGST 2.5%, Integrated Tax 18%',
    });
  });
});

describe("Tally's Sales Register without items: a Gross Total and its ledgers", () => {
  it("reads a Value before the bill's discount as its gross: the net is the Gross Total less the tax, never the discount counted as sales", async () => {
    const header = ['Date', 'Particulars', 'Voucher Type', 'Voucher No.', 'Value', 'Gross Total'];
    const ledgers = ['Sales GST 18%', 'Trade Discount', 'Output CGST 9%', 'Output SGST 9%', 'Round Off'];
    const path = file('Sales Register discounted.csv', [
      ['Sales Register'],
      [...header, ...ledgers],
      // 600.00 less a trade discount of 12.00 is 588.00, and 18 % on it 105.84: 693.84.
      ['5-Oct-2026', 'D001', 'Sales', 'VD/1', '600.00', '694.00', '600.00', '-12.00', '52.92', '52.92', '0.16'],
      ['6-Oct-2026', 'D002', 'Sales', 'VD/2', '1,000.00', '1,180.00', '1,000.00', null, '90.00', '90.00', null],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(
      storedRows(ws, 'sales', r.batch ?? 0).map((l) => [
        l.doc_no,
        l.gross_value,
        l.discount,
        l.net_value,
        l.tax,
        l.round_off,
      ]),
    ).toEqual([
      ['VD/1', 60_000, 1_200, 58_800, 10_584, 16],
      ['VD/2', 100_000, null, 100_000, 18_000, null],
    ]);
    expect(r.decisions.map((d) => d.decision)).toContain(
      '"Value" is each bill\'s value before its discount: on every bill read "Gross Total" is "Value" less the discount plus the tax and the round-off, to the paisa, so the net value is "Gross Total" less the tax and the round-off, and "Value" the gross value',
    );
    // A Value after the discount (the total is it plus the tax) stays the net value.
    const after = file('Sales Register net.csv', [
      [...header, ...ledgers],
      ['5-Oct-2026', 'D001', 'Sales', 'VD/3', '588.00', '694.00', '600.00', '-12.00', '52.92', '52.92', '0.16'],
    ]);
    const net = await importFile(ws, after, { kind: 'sales' });
    expect(net.errors).toEqual([]);
    expect(storedRows(ws, 'sales', net.batch ?? 0).map((l) => [l.doc_no, l.net_value, l.discount])).toEqual([
      ['VD/3', 58_800, 1_200],
    ]);
  });

  it('takes each net value as the Gross Total less the tax ledgers and the round-off, kept apart', async () => {
    const path = file('Sales Register.csv', [
      ['Sales Register'],
      [
        'Date',
        'Particulars',
        'Voucher Type',
        'Voucher No.',
        'Gross Total',
        'Sales GST 18%',
        'Output CGST 9%',
        'Output SGST 9%',
        'Round Off',
      ],
      ['5-Oct-2026', 'D001', 'Sales', 'S/1', '1,180.40', '1,000.00', '90.00', '90.00', '0.40'],
      ['6-Oct-2026', 'D002', 'Credit Note', 'C/1', '-118.00', '-100.00', '-9.00', '-9.00', null],
      [null, 'Grand Total', null, null, '1,062.40', '900.00', '81.00', '81.00', '0.40'],
    ]);
    const preview = await inspectFile(ws.db, { path, kind: 'sales', locale: 'en-IN' });
    expect(preview.unmappedRequired).toEqual([]);
    expect(preview.mapping).toMatchObject({ gross_total: 'Gross Total' });
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    // S/1: 1,180.40 − (90 + 90) − 0.40 = 1,000.00, its Sales ledger's; C/1: −118 − (−18) = −100.
    // What S/1 billed stays 1,180.40: its net value, its tax and its round-off.
    expect(
      storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.doc_type, s.net_value, s.tax, s.round_off]),
    ).toEqual([
      ['S/1', 'invoice', 100_000, 18_000, 40],
      ['C/1', 'credit_note', -10_000, -1_800, null],
    ]);
    expect(r.totals).toMatchObject({ net_value: '900.00', tax: '162.00', round_off: '0.40' });
    expect(r.decisions).toContainEqual({
      field: 'net_value',
      decision: "The file writes no net value: each document's is its Gross Total less its tax and its Round Off",
    });
  });

  it('never spreads a document total over item lines: with items, a file without line amounts still needs one', async () => {
    const path = file('Items.csv', [
      ['Date', 'Particulars', 'Voucher No.', 'Item', 'Qty', 'Gross Total'],
      ['5-Oct-2026', 'D001', 'S/1', 'SKU-0001', 1, '1,180.00'],
      ['5-Oct-2026', 'D001', 'S/1', 'SKU-0002', 1, '1,180.00'],
    ]);
    await expect(importFile(ws, path, { kind: 'sales' })).rejects.toThrow(/no column for Net value/);
  });
});

describe("a Day Book written with each voucher's ledger lines (Tally's detailed form)", () => {
  const dayBook = () =>
    file('Day Book detailed.csv', [
      ['Acme Distributors'],
      ['Day Book'],
      ['1-Oct-26 to 31-Oct-26'],
      [],
      ['Date', 'Particulars', 'Vch Type', 'Vch No.', 'Debit', 'Credit'],
      ['5-Oct-26', 'D001', 'Sales', 'S/1', '1,180.40', null],
      [null, 'Sales GST 18%', null, null, null, '1,000.00'],
      [null, 'Output CGST 9%', null, null, null, '90.00'],
      [null, 'Output SGST 9%', null, null, null, '90.00'],
      [null, 'Round Off', null, null, null, '0.40'],
      ['6-Oct-26', 'D002', 'Receipt', 'R/1', null, '500.00'],
      [null, 'HDFC Bank', null, null, '500.00', null],
      ['7-Oct-26', 'D002', 'Credit Note', 'C/1', null, '118.00'],
      [null, 'Sales GST 18%', null, null, '100.00', null],
      [null, 'Output IGST 18%', null, null, '18.00', null],
      ['8-Oct-26', 'D003', 'Sales', 'S/2', '250.00', null],
      [null, 'Sales Exempt', null, null, null, '250.00'],
    ]);

  it("imports each voucher once, at its party's line, its tax ledgers' lines as its tax", async () => {
    const r = await importFile(ws, dayBook(), { kind: 'sales' });
    expect(r.errors).toEqual([]);
    // S/1: 1,180.40 less CGST 90, SGST 90 and the round-off credited 0.40 = 1,000.00 net, the
    // sales ledger's, tax 180. C/1: −118 less IGST 18 = −100, tax −18. S/2 has no tax ledger: 250
    // net, no tax.
    expect(
      storedRows(ws, 'sales', r.batch ?? 0).map((s) => [
        s.doc_no,
        s.doc_type,
        s.distributor_code,
        s.net_value,
        s.tax,
        s.round_off,
      ]),
    ).toEqual([
      ['S/1', 'invoice', 'D001', 100_000, 18_000, 40],
      ['C/1', 'credit_note', 'D002', -10_000, -1_800, null],
      ['S/2', 'invoice', 'D003', 25_000, null, null],
    ]);
    expect(r.skippedSummary).toBe('skipped 1 non-sales document: Receipt 1; 8 ledger lines');
    expect(r.decisions.map((d) => d.decision)).toContain(
      "2 vouchers are written with their ledger lines: each is its party's line; the lines of its tax ledgers (Output CGST 9%, Output SGST 9%, Output IGST 18%) are its tax, those of its round-off (Round Off) its round-off, taken off its net value; its other ledger lines (the sales ledger) are part of that amount and not imported on their own",
    );
    // Its tax is taken off: no warning that the net values hold it.
    expect(r.warnings).toEqual([]);
  });

  it("reads ledger amounts and cost centres written in Particulars' own amount column, its header merged over it", async () => {
    // Tally's Particulars spans three columns: a ledger's name, its amount and its Dr / Cr.
    const path = await writeXlsx(join(dir, 'Day Book cost centres.xlsx'), [
      {
        name: 'Day Book',
        rows: [
          ['Date', 'Particulars', null, null, 'Vch Type', 'Vch No.', 'Debit Amount', 'Credit Amount'],
          ['5-Oct-26', 'D001', null, null, 'Sales', 'S/1', 1180, null],
          [null, 'Sales GST 18%', null, null, null, null, null, 1000],
          [null, 'Branch Pune', 600, 'Cr', null, null, null, null],
          [null, 'Branch Nashik', 400, 'Cr', null, null, null, null],
          [null, 'Output CGST 9%', null, null, null, null, null, 90],
          [null, 'Output SGST 9%', null, null, null, null, null, 90],
          ['6-Oct-26', 'D002', null, null, 'Sales', 'S/2', 590, null],
          [null, 'Sales GST 18%', 500, 'Cr', null, null, null, null],
          [null, 'Output IGST 18%', 90, 'Cr', null, null, null, null],
          ['7-Oct-26', 'D002', null, null, 'Receipt', 'R/1', null, 590],
          [null, 'HDFC Bank', 590, 'Dr', null, null, null, null],
        ],
        merges: ['B1:D1'],
      },
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(documentsOf(r.batch)).toEqual([
      ['S/1', 'D001', 100_000, 18_000],
      ['S/2', 'D002', 50_000, 9_000],
    ]);
    expect(r.skippedSummary).toBe('skipped 1 non-sales document: Receipt 1; 8 ledger lines');
    const receipts = await importFile(ws, path, { kind: 'payments' });
    expect(receipts.errors).toEqual([]);
    expect(storedRows(ws, 'payments', receipts.batch ?? 0).map((p) => [p.receipt_no, p.amount])).toEqual([
      ['R/1', 59_000],
    ]);
  });

  it("reads a voucher's ledgers that no rule names beside its sales ledger as its other charges, where they make up what the bill holds beyond its sale; cost centres stay its sales ledger's", async () => {
    const path = await writeXlsx(join(dir, 'Day Book other ledgers.xlsx'), [
      {
        name: 'Day Book',
        rows: [
          ['Date', 'Particulars', 'Vch Type', 'Vch No.', 'Debit Amount', 'Credit Amount'],
          // 1,000.00 of goods, 180.00 of GST, 50.00 of Hamali Charges and 11.80 of TCS: the party owes 1,241.80.
          ['5-Oct-26', 'D001', 'Sales', 'S/1', 1241.8, null],
          [null, 'Sales GST 18%', null, null, null, 1000],
          [null, 'Output CGST 9%', null, null, null, 90],
          [null, 'Output SGST 9%', null, null, null, 90],
          [null, 'Hamali Charges', null, null, null, 50],
          [null, 'TCS Payable', null, null, null, 11.8],
          // Cost centres of the sales ledger: its 500.00 again, not more of the bill.
          ['6-Oct-26', 'D002', 'Sales', 'S/2', 590, null],
          [null, 'Sales GST 18%', null, null, null, 500],
          [null, 'Branch Pune', null, null, null, 300],
          [null, 'Branch Nashik', null, null, null, 200],
          [null, 'Output IGST 18%', null, null, null, 90],
          // A sales ledger of another name (no ledger names sales): the rest is its sale, as before.
          ['7-Oct-26', 'D002', 'Sales', 'S/3', 236, null],
          [null, 'Domestic Supplies 18%', null, null, null, 200],
          [null, 'Output IGST 18%', null, null, null, 36],
          // A credit note, its ledgers on the other side.
          ['8-Oct-26', 'D001', 'Credit Note', 'CN/1', null, 1190],
          [null, 'Sales GST 18%', null, null, 1000, null],
          [null, 'Output IGST 18%', null, null, 180, null],
          [null, 'Labour Charges Recovered', null, null, 10, null],
        ],
      },
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.net_value, s.tax, s.charges])).toEqual([
      ['S/1', 100_000, 19_180, 5_000],
      ['S/2', 50_000, 9_000, null],
      ['S/3', 20_000, 3_600, null],
      ['CN/1', -100_000, -18_000, -1_000],
    ]);
    expect(r.decisions.map((d) => d.decision).join('\n')).toContain('Hamali Charges');
  });

  it("reads a round-off written in Particulars' own column by the Dr or Cr beside it: rounded down or up", async () => {
    const path = await writeXlsx(join(dir, 'Day Book round-off.xlsx'), [
      {
        name: 'Day Book',
        rows: [
          ['Date', 'Particulars', null, null, 'Vch Type', 'Vch No.', 'Debit Amount', 'Credit Amount'],
          ['5-Oct-26', 'D001', null, null, 'Sales', 'SR/1', 1180, null],
          [null, 'Sales GST 18%', 1000.4, 'Cr', null, null, null, null],
          [null, 'Output CGST 9%', 90.04, 'Cr', null, null, null, null],
          [null, 'Output SGST 9%', 90.04, 'Cr', null, null, null, null],
          [null, 'Round Off', 0.48, 'Dr', null, null, null, null],
          ['6-Oct-26', 'D002', null, null, 'Sales', 'SR/2', 591, null],
          [null, 'Sales GST 18%', 500.4, 'Cr', null, null, null, null],
          [null, 'Output IGST 18%', 90.07, 'Cr', null, null, null, null],
          [null, 'Round Off', 0.53, 'Cr', null, null, null, null],
        ],
        merges: ['B1:D1'],
      },
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    // Each net value is its sales ledger's: 1,180.00 less 180.08 tax and less −0.48 rounded down.
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((l) => [l.doc_no, l.net_value, l.tax, l.round_off])).toEqual([
      ['SR/1', 100_040, 18_008, -48],
      ['SR/2', 50_040, 9_007, 53],
    ]);
  });

  it('leaves out the ledgers of nothing a voucher lists, their amounts blank, where it refused each as a line missing its amount', async () => {
    const path = file('Day Book ledgers of nothing.csv', [
      ['Date', 'Particulars', 'Vch Type', 'Vch No.', 'Debit', 'Credit'],
      ['5-Oct-26', 'D001', 'Sales', 'S/1', '1,180.00', null],
      [null, 'Sales GST 18%', null, null, null, '1,000.00'],
      [null, 'Output CGST 9%', null, null, null, '90.00'],
      [null, 'Output SGST 9%', null, null, null, '90.00'],
      [null, 'Output IGST 18%', null, null, null, null],
      [null, 'Round Off', null, null, null, null],
      ['6-Oct-26', 'D002', 'Purchase', 'P/1', null, '500.00'],
      [null, 'Input CGST 9%', null, null, null, null],
      ['8-Oct-26', 'D003', 'Sales', 'S/2', '250.00', null],
      [null, 'Round Off', null, null, null, null],
      [null, 'Sales Exempt', null, null, null, '250.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(documentsOf(r.batch)).toEqual([
      ['S/1', 'D001', 100_000, 18_000],
      ['S/2', 'D003', 25_000, null],
    ]);
    // The purchase is one document, its empty ledger one of its ledger lines.
    expect(r.skippedSummary).toBe('skipped 1 non-sales document: Purchase 1; 8 ledger lines');
    // Under item lines too: the voucher's round-off of nothing heads no line.
    const items = file('Day Book items, ledgers of nothing.csv', [
      ['Date', 'Particulars', 'Vch Type', 'Vch No.', 'Item', 'Qty', 'Amount'],
      ['9-Oct-26', 'D001', 'Sales', 'S/3', null, null, null],
      [null, null, null, null, 'SKU-0001', 2, '600.00'],
      [null, 'Output CGST 9%', null, null, null, null, '54.00'],
      [null, 'Round Off', null, null, null, null, null],
    ]);
    const lines = await importFile(ws, items, { kind: 'sales', dryRun: true });
    expect(lines.errors).toEqual([]);
    expect(lines.rows).toBe(1);
    expect(lines.skipped).toEqual({ 'ledger lines': 2 });
  });

  it('keeps the item lines of a voucher with items, and leaves out its tax ledgers written under them', async () => {
    const path = file('Day Book items.csv', [
      ['Date', 'Particulars', 'Vch Type', 'Vch No.', 'Item', 'Qty', 'Amount'],
      ['5-Oct-26', 'D001', 'Sales', 'S/1', null, null, null],
      [null, null, null, null, 'SKU-0001', 2, '600.00'],
      [null, null, null, null, 'SKU-0002', 4, '400.00'],
      [null, 'Output CGST 9%', null, null, null, null, '90.00'],
      [null, 'Output SGST 9%', null, null, null, null, '90.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(
      storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.distributor_code, s.sku, s.net_value]),
    ).toEqual([
      ['S/1', 'D001', 'SKU-0001', 60_000],
      ['S/1', 'D001', 'SKU-0002', 40_000],
    ]);
    expect(r.skipped).toEqual({ 'ledger lines': 2 });
  });

  it('refuses a voucher with more ledger lines under it than any voucher has, rather than hold them all', async () => {
    const lines: FixtureCell[][] = [
      ['Date', 'Particulars', 'Vch Type', 'Vch No.', 'Debit', 'Credit'],
      ['5-Oct-26', 'D001', 'Sales', 'S/1', '1.00', null],
    ];
    for (let i = 0; i <= MAX_LEDGER_LINES; i++) lines.push([null, `Output CGST ${i}`, null, null, null, '0.01']);
    await expect(importFile(ws, file('hostile day book.csv', lines), { kind: 'sales' })).rejects.toThrow(
      'the voucher on row 2 has over 1,000 ledger lines under it, which no voucher has',
    );
  });

  it("leaves out a ledger report's opening and closing balances and its running total", async () => {
    const path = file('Ledger.csv', [
      ['Date', 'Particulars', 'Vch Type', 'Vch No.', 'Debit', 'Credit'],
      ['1-Oct-26', 'Opening Balance', null, null, '12,000.00', null],
      ['5-Oct-26', 'D001', 'Sales', 'S/9', '1,000.00', null],
      [null, 'Current Total', null, null, '13,000.00', null],
      [null, 'By Closing Balance', null, null, null, '13,000.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.net_value])).toEqual([['S/9', 100_000]]);
    expect(r.skippedSummary).toBe('skipped 2 balance rows; 1 total row');
  });

  it("never takes a party's heading row for a ledger line: the receipts under it are that party's", async () => {
    const grouped = (name: string, withTotals: boolean) => {
      const r = withTotals ? 'T' : 'R';
      return file(name, [
        ['Receipt No', 'Receipt Date', 'Party', 'Amount'],
        [null, null, 'D001', withTotals ? '3,000.00' : null],
        [`${r}/1`, '05-10-2026', null, '1,000.00'],
        [`${r}/2`, '06-10-2026', null, '2,000.00'],
        [null, null, 'D002', withTotals ? '3,000.00' : null],
        [`${r}/3`, '07-10-2026', null, '3,000.00'],
      ]);
    };
    const plain = await importFile(ws, grouped('grouped.csv', false), { kind: 'payments' });
    expect(storedRows(ws, 'payments', plain.batch ?? 0).map((p) => [p.receipt_no, p.distributor_code])).toEqual([
      ['R/1', 'D001'],
      ['R/2', 'D001'],
      ['R/3', 'D002'],
    ]);
    // A heading with its party's total beside it: the first is refused (no receipt of its own), the
    // second is read as D002's heading, never as a ledger line that would leave T/3 on D001.
    const totalled = await importFile(ws, grouped('grouped with totals.csv', true), {
      kind: 'payments',
      validOnly: true,
    });
    expect(totalled.errors.map((e) => e.row)).toEqual([2, 2]);
    expect(storedRows(ws, 'payments', totalled.batch ?? 0).map((p) => [p.receipt_no, p.distributor_code])).toEqual([
      ['T/1', 'D001'],
      ['T/2', 'D001'],
      ['T/3', 'D002'],
    ]);
  });

  it('gives its receipts alone, the bank line of each left out', async () => {
    const r = await importFile(ws, dayBook(), { kind: 'payments' });
    expect(r.errors).toEqual([]);
    expect(storedRows(ws, 'payments', r.batch ?? 0).map((p) => [p.receipt_no, p.distributor_code, p.amount])).toEqual([
      ['R/1', 'D002', 50_000],
    ]);
    expect(r.skipped).toMatchObject({ 'ledger lines': 8 });
  });
});

describe("Tally's columnar Receipt Register", () => {
  it('takes each receipt at its Value, a column per bank beside it', async () => {
    const path = file('Receipt Register.csv', [
      ['Receipt Register'],
      ['Date', 'Particulars', 'Voucher Type', 'Voucher No.', 'Narration', 'Value', 'Gross Total', 'HDFC Bank', 'Cash'],
      ['5-Oct-2026', 'D001', 'Receipt', 'R/1', 'Cheque 1234', '10,000.00', '10,000.00', '10,000.00', null],
      ['6-Oct-2026', 'D002', 'Receipt', 'R/2', null, '500.00', '500.00', null, '500.00'],
      [null, 'Grand Total', null, null, null, '10,500.00', '10,500.00', '10,000.00', '500.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'payments' });
    expect(r.errors).toEqual([]);
    expect(storedRows(ws, 'payments', r.batch ?? 0).map((p) => [p.receipt_no, p.distributor_code, p.amount])).toEqual([
      ['R/1', 'D001', 1_000_000],
      ['R/2', 'D002', 50_000],
    ]);
  });
});

describe('receipts spread over the bills they settle', () => {
  const stored = (batch: number | null) =>
    storedRows(ws, 'payments', batch ?? 0).map((p) => [
      p.receipt_no,
      p.receipt_date,
      p.distributor_code,
      p.amount,
      p.against_doc_no,
      p.mode,
    ]);

  it("takes ERPNext's Payment Entry export one row per bill, each with what it allocates, the receipt filled down", async () => {
    const path = file('Payment Entry.csv', [
      [
        'ID',
        'Payment Type',
        'Posting Date',
        'Mode of Payment',
        'Party Type',
        'Party',
        'Paid Amount',
        'Received Amount',
        'ID (Payment References)',
        'Type (Payment References)',
        'Name (Payment References)',
        'Allocated (Payment References)',
      ],
      [
        'ACC-PAY-1',
        'Receive',
        '2026-10-05',
        'Bank Draft',
        'Customer',
        'D001',
        '15000.0',
        '15000.0',
        'r1',
        'Sales Invoice',
        'INV-1',
        '10000.0',
      ],
      [null, null, null, null, null, null, null, null, 'r2', 'Sales Invoice', 'INV-2', '5000.0'],
      [
        'ACC-PAY-2',
        'Pay',
        '2026-10-06',
        'Cash',
        'Supplier',
        'S-9',
        '700.0',
        '700.0',
        'r3',
        'Purchase Invoice',
        'PI-1',
        '700.0',
      ],
      [
        'ACC-PAY-3',
        'Receive',
        '2026-10-07',
        'Cash',
        'Customer',
        'D002',
        '2500.0',
        '2500.0',
        'r4',
        'Sales Invoice',
        'INV-3',
        '2000.0',
      ],
    ]);
    const preview = await inspectFile(ws.db, { path, kind: 'payments', locale: 'en-IN' });
    expect(preview.mapping).toMatchObject({ allocated: 'Allocated (Payment References)', receipt_no: 'ID' });
    expect(preview.fields.find((f) => f.name === 'allocated')?.label).toBe('Allocated to the bill');
    const r = await importFile(ws, path, { kind: 'payments' });
    expect(r.errors).toEqual([]);
    // Before, the receipt's whole 15,000 stood against INV-1 alone, and INV-2's row was refused.
    expect(stored(r.batch)).toEqual([
      ['ACC-PAY-1', '2026-10-05', 'D001', 1_000_000, 'INV-1', 'Bank Draft'],
      ['ACC-PAY-1', '2026-10-05', 'D001', 500_000, 'INV-2', 'Bank Draft'],
      ['ACC-PAY-3', '2026-10-07', 'D002', 200_000, 'INV-3', 'Cash'],
    ]);
    expect(r.skippedSummary).toBe('skipped 1 non-receipt voucher: Pay 1');
    expect(r.decisions).toContainEqual({
      field: 'amount',
      decision:
        'Amounts are what each row allocates to its bill (Allocated (Payment References)), not the whole receipt: ₹500.00 of 1 receipt was allocated to no bill and is not imported',
    });
  });

  it("takes a receipt written again on each bill's row (Zoho) at what it applies to each, and warns of one that applies more than was paid", async () => {
    const path = file('Customer Payment.csv', [
      ['Payment Number', 'Date', 'Customer Name', 'Mode', 'Amount', 'Invoice Number', 'Amount Applied to Invoice'],
      ['PAY-1', '2026-10-05', 'D001', 'Cheque', '12000.00', 'INV-1', '10000.00'],
      ['PAY-1', '2026-10-05', 'D001', 'Cheque', '12000.00', 'INV-2', '2000.00'],
      ['PAY-2', '2026-10-08', 'D002', 'Cash', '1000.00', 'INV-5', '600.00'],
      ['PAY-2', '2026-10-08', 'D002', 'Cash', '1000.00', 'INV-6', '600.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'payments' });
    expect(stored(r.batch).map(([no, , , amount, against]) => [no, amount, against])).toEqual([
      ['PAY-1', 1_000_000, 'INV-1'],
      ['PAY-1', 200_000, 'INV-2'],
      ['PAY-2', 60_000, 'INV-5'],
      ['PAY-2', 60_000, 'INV-6'],
    ]);
    expect(r.totals).toEqual({ amount: '13200.00' });
    // The bills are no invoices of the demo's: the warning says early payment cannot pay on them.
    expect(r.warnings).toEqual([
      'receipt PAY-2 (row 4) allocates 1200.00 to its bills but was paid 1000.00',
      '4 receipts are against bills that neither the imported invoices nor the ageing reports of their distributor have ("INV-1", "INV-2", "INV-5", …): early payment pays on none of them until the invoice is imported',
    ]);
  });
});

describe('voucher types of a receipts file', () => {
  // QuickBooks' Transaction List by Customer: a customer's payment is "Payment", which in Tally is money paid out.
  const quickBooks = () =>
    file('Transaction List by Customer.csv', [
      ['Date', 'Transaction Type', 'Num', 'Customer', 'Amount'],
      ['10/05/2026', 'Payment', 'P-1', 'D001', '12,000.00'],
      ['10/06/2026', 'Invoice', 'I-7', 'D001', '40,000.00'],
      ['10/09/2026', 'Payment', 'P-2', 'D002', '3,500.25'],
    ]);

  it('skips Payment by default, saying how to keep it, and takes it as a receipt when the user says so', async () => {
    const path = quickBooks();
    const preview = await inspectFile(ws.db, { path, kind: 'payments', locale: 'en-IN' });
    expect(preview.documentTypes).toEqual([
      { name: 'Payment', rows: 2, as: 'skip', why: 'name' },
      { name: 'Invoice', rows: 1, as: 'skip', why: 'name' },
    ]);
    const dry = await importFile(ws, path, { kind: 'payments', dryRun: true });
    expect(dry.skippedSummary).toBe('skipped 3 non-receipt vouchers: Payment 2, Invoice 1');
    expect(dry.decisions.map((d) => d.decision)).toContain(
      '"Payment" vouchers are skipped as money paid out (Tally\'s meaning); if they are payments received, as in QuickBooks, import them with --type-map "Payment=receipt" or in the import dialog',
    );

    const said = { Payment: 'receipt' } as const;
    expect(
      (await inspectFile(ws.db, { path, kind: 'payments', locale: 'en-IN', typeMap: said })).documentTypes[0],
    ).toEqual({ name: 'Payment', rows: 2, as: 'receipt', why: 'map' });
    const r = await importFile(ws, path, { kind: 'payments', typeMap: said });
    expect(r.errors).toEqual([]);
    expect(storedRows(ws, 'payments', r.batch ?? 0).map((p) => [p.receipt_no, p.distributor_code, p.amount])).toEqual([
      ['P-1', 'D001', 1_200_000],
      ['P-2', 'D002', 350_025],
    ]);
    expect(r.skippedSummary).toBe('skipped 1 non-receipt voucher: Invoice 1');
  });

  it('keeps every type its name does not decide with *=receipt, and still skips one the user says to', async () => {
    const path = quickBooks();
    const r = await importFile(ws, path, { kind: 'payments', typeMap: { '*': 'receipt', Invoice: 'skip' } });
    expect(storedRows(ws, 'payments', r.batch ?? 0).map((p) => p.receipt_no)).toEqual(['P-1', 'P-2']);
  });

  it('refuses a type map that does not fit the dataset, storing nothing', async () => {
    const before = ws.db.prepare('SELECT count(*) FROM import_batches').pluck().get();
    await expect(importFile(ws, quickBooks(), { kind: 'payments', typeMap: { Payment: 'invoice' } })).rejects.toThrow(
      'Transaction List by Customer.csv: in a payments file a type is read as receipt, skip, not "Payment=invoice"',
    );
    const sales = file('sales.csv', [
      ['Invoice No', 'Invoice Date', 'Type', 'Distributor Code', 'SKU', 'Qty', 'Net Value'],
      ['S-1', '2026-10-05', 'Sales', 'D001', 'SKU-0001', 1, '100.00'],
    ]);
    await expect(importFile(ws, sales, { kind: 'sales', typeMap: { Sales: 'receipt' } })).rejects.toThrow(
      'sales.csv: in a sales file a type is read as invoice, credit_note, skip, not "Sales=receipt"',
    );
    expect(ws.db.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(before);
  });
});

describe('prices', () => {
  it("takes a line's value as quantity × price beside a document's total, reading Tally's 50.00/Nos, and names a price it cannot read", async () => {
    const path = file('priced.csv', [
      ['Invoice No', 'Invoice Date', 'Distributor', 'SKU', 'Qty', 'Rate', 'SubTotal'],
      ['PR/1', '13-10-2026', 'D001', 'SKU-0001', 10, '50.125/Nos', '801.25'],
      ['PR/1', '13-10-2026', 'D001', 'SKU-0002', 3, '100.00', '801.25'],
      ['PR/2', '14-10-2026', 'D001', 'SKU-0002', 3, 'abc', '300.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales', validOnly: true });
    expect(r.errors).toEqual([
      { row: 4, column: 'Rate', value: 'abc', message: 'expected an amount such as 1,234.50' },
    ]);
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.sku, s.net_value])).toEqual([
      ['SKU-0001', 50_125],
      ['SKU-0002', 30_000],
    ]);
  });
  it("reads a Subtotal that differs between one document's lines as each line's amount (Odoo), never one that carries tax", async () => {
    // Odoo's invoice lines: Subtotal is each line's amount after its discount; quantity × price
    // paid the discounted lines on their list price, and rejected 949.525 as no paisa amount.
    const odoo = file('odoo invoice lines.csv', [
      ['Number', 'Invoice Date', 'Partner', 'Product', 'Quantity', 'Unit Price', 'Disc.%', 'Subtotal'],
      ['INV/2026/00011', '2026-10-05', 'D001', 'SKU-0001', '10.00', '150.00', '10.00', '1,350.00'],
      ['INV/2026/00011', '2026-10-05', 'D001', 'SKU-0002', '4.00', '25.00', '0.00', '100.00'],
      ['INV/2026/00012', '2026-10-07', 'D002', 'SKU-0003', '1.00', '999.50', '5.00', '949.53'],
    ]);
    const r = await importFile(ws, odoo, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.decisions.map((d) => d.decision)).toContain(
      '"Subtotal" is each line\'s net value, not a document\'s total: it differs between the lines of INV/2026/00011, and is never more than its quantity × "Unit Price"',
    );
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((l) => l.net_value)).toEqual([135_000, 10_000, 94_953]);
    // A column more than quantity × price on a line carries its tax: the net is still that product.
    const taxed = file('lines with tax.csv', [
      ['Invoice No', 'Invoice Date', 'Distributor', 'SKU', 'Qty', 'Rate', 'SubTotal'],
      ['TX/1', '13-10-2026', 'D001', 'SKU-0001', 10, '100.00', '1,180.00'],
      ['TX/1', '13-10-2026', 'D001', 'SKU-0002', 1, '100.00', '118.00'],
    ]);
    const t = await importFile(ws, taxed, { kind: 'sales' });
    expect(storedRows(ws, 'sales', t.batch ?? 0).map((l) => l.net_value)).toEqual([100_000, 10_000]);
    // A number used again in another year for another document: its total is more than its lines'
    // quantity × price, so the column is still each document's total.
    const reused = file('numbers reused.csv', [
      ['Invoice No', 'Invoice Date', 'Distributor', 'SKU', 'Qty', 'Rate', 'SubTotal'],
      ['RU/1', '13-10-2025', 'D001', 'SKU-0001', 2, '100.00', '200.00'],
      ['RU/1', '13-10-2026', 'D001', 'SKU-0001', 1, '100.00', '150.00'],
      ['RU/1', '13-10-2026', 'D001', 'SKU-0002', 1, '50.00', '150.00'],
    ]);
    const u = await importFile(ws, reused, { kind: 'sales', anyDates: true });
    expect(u.errors).toEqual([]);
    expect(storedRows(ws, 'sales', u.batch ?? 0).map((l) => l.net_value)).toEqual([20_000, 10_000, 5_000]);
  });

  it("takes a discount of rupees off a line's quantity × price, as a rate would be", async () => {
    const path = file('priced with discount.csv', [
      ['Invoice No', 'Invoice Date', 'Distributor', 'SKU', 'Qty', 'Rate', 'Discount', 'SubTotal'],
      ['PD/1', '13-10-2026', 'D001', 'SKU-0001', 10, '100.00', '10.00', '1,090.00'],
      ['PD/1', '13-10-2026', 'D001', 'SKU-0002', 1, '100.00', null, '1,090.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.decisions.map((d) => d.decision)).toContain(
      '"Discount" is rupees off the price: each line\'s net value is its quantity × "Rate" less it',
    );
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.sku, s.net_value, s.discount])).toEqual([
      ['SKU-0001', 99_000, 1_000],
      ['SKU-0002', 10_000, null],
    ]);
  });
});

describe('targets', () => {
  it("takes the month a target sheet's title names as every row's period, and its distributors by name", async () => {
    const sheet = (title: string) =>
      file(`${title}.csv`, [
        [title],
        ['Distributor Name', 'Measure', 'Target Value'],
        ['Annapurna Distributors', 'net_value', '5,00,000'],
        ['Shiv Shakti Enterprises', 'net_value', '3,00,000'],
      ]);
    const r = await importFile(ws, sheet('Distributor Targets - October 2026'), { kind: 'targets' });
    expect(r.errors).toEqual([]);
    expect(r.decisions.map((d) => d.decision)).toContain(
      'From is 2026-10-01 for every row, as the title "Distributor Targets - October 2026" says',
    );
    expect(
      storedRows(ws, 'targets', r.batch ?? 0).map((t) => [t.distributor_code, t.period_from, t.period_to, t.value]),
    ).toEqual([
      ['D001', '2026-10-01', '2026-10-31', '500000'],
      ['D002', '2026-10-01', '2026-10-31', '300000'],
    ]);
    // A quarter of a fiscal year is the quarter; two months that disagree are no period at all.
    const quarter = await importFile(ws, sheet('Targets for Q3 FY26-27'), { kind: 'targets', dryRun: true });
    expect(quarter.dateRange).toEqual(['2026-10-01', '2026-12-31']);
    await expect(importFile(ws, sheet('Oct 2026 and Nov 2026 targets'), { kind: 'targets' })).rejects.toThrow(
      /no column for From; To/,
    );
  });

  it('reads a target written with its unit (1.5 L, 2.5 Cr: a crore, not a credit), and refuses one below zero or a period that runs backwards', async () => {
    const path = file('targets.csv', [
      ['Distributor Code', 'Period From', 'Period To', 'Measure', 'Target'],
      ['D001', '01-10-2026', '31-10-2026', 'net_value', '₹ 2,00,000'],
      ['D002', '01-10-2026', '31-10-2026', 'net_value', '1.5 L'],
      ['D003', '01-10-2026', '31-10-2026', 'net_value', '2.5 Cr'],
      ['D004', '01-10-2026', '31-10-2026', 'net_value', '12 lakh'],
      ['D005', '01-10-2026', '31-10-2026', 'net_value', '(500)'],
      ['D006', '31-10-2026', '01-10-2026', 'net_value', '100'],
    ]);
    const r = await importFile(ws, path, { kind: 'targets', validOnly: true });
    expect(r.errors).toEqual([
      {
        row: 6,
        column: 'Target',
        value: '(500)',
        message: 'a target below zero: no scheme can be measured against it',
      },
      {
        row: 7,
        column: 'Period To',
        value: '2026-10-01',
        message: 'the period ends (2026-10-01) before it starts (2026-10-31)',
      },
    ]);
    expect(storedRows(ws, 'targets', r.batch ?? 0).map((t) => [t.distributor_code, t.value])).toEqual([
      ['D001', '200000'],
      ['D002', '150000'],
      ['D003', '25000000'],
      ['D004', '1200000'],
    ]);
  });

  it('reads a target with its own unit in that unit, under a header in lakhs too', async () => {
    const path = file('targets in lakhs.csv', [
      ['Distributor Code', 'Period From', 'Period To', 'Measure', 'Target (₹ in Lakhs)'],
      ['D001', '01-10-2026', '31-10-2026', 'net_value', '12.5'],
      ['D002', '01-10-2026', '31-10-2026', 'net_value', '2.5 Cr'],
    ]);
    const r = await importFile(ws, path, { kind: 'targets' });
    expect(r.errors).toEqual([]);
    expect(storedRows(ws, 'targets', r.batch ?? 0).map((t) => [t.distributor_code, t.value])).toEqual([
      ['D001', '1250000'],
      ['D002', '25000000'],
    ]);
  });
});

describe('a masters file exported whole again', () => {
  it('passes over the rows the master holds as written, lands the new codes, and refuses a row that says otherwise, naming what differs', async () => {
    const held = ws.db
      .prepare(
        "SELECT code, name, distributor_code AS distributor, channel FROM outlets WHERE code IN ('O00001', 'O00002') ORDER BY code",
      )
      .all() as { code: string; name: string; distributor: string; channel: string }[];
    const header = ['Outlet Code', 'Outlet Name', 'Distributor Code', 'Channel'];
    const month = file('outlets november.csv', [
      header,
      ...held.map((o) => [o.code, o.name, o.distributor, o.channel]),
      ['O09999', 'Naya Kirana', 'D001', 'Grocery'],
    ]);
    const r = await importFile(ws, month, { kind: 'outlets' });
    expect(r).toMatchObject({ rows: 1, rejected: 0, skipped: { 'rows already in the master as written': 2 } });
    expect(r.skippedSummary).toBe('skipped 2 rows already in the master as written');
    expect(ws.db.prepare("SELECT name FROM outlets WHERE code = 'O09999'").pluck().get()).toBe('Naya Kirana');

    const [first] = held as [(typeof held)[0]];
    const changed = file('outlets december.csv', [header, [first.code, first.name, first.distributor, 'Modern Trade']]);
    const refused = await importFile(ws, changed, { kind: 'outlets', dryRun: true });
    expect(refused.rejected).toBe(1);
    expect(refused.errors[0]?.message).toMatch(
      new RegExp(
        `^already in the master \\(batch \\d+\\), which says otherwise: Channel "${first.channel}" there, "Modern Trade" here\\. An import adds codes`,
      ),
    );
    const cases = file('products with cases.csv', [
      ['SKU', 'Name', 'Units per Case'],
      ['SKU-0001', ws.db.prepare("SELECT name FROM products WHERE sku = 'SKU-0001'").pluck().get() as string, 12],
    ]);
    const noCases = await importFile(ws, cases, { kind: 'products', dryRun: true });
    expect(noCases.errors[0]?.message).toMatch(/which says otherwise: Units per case blank there, "12" here\./);
  });

  it('updates what the master holds when asked, lists and audits each change, and puts it back on roll-back', async () => {
    const outlet = () =>
      ws.db.prepare("SELECT name, channel, phone FROM outlets WHERE code = 'O00001'").get() as {
        name: string;
        channel: string;
        phone: string | null;
      };
    const before = outlet();
    const header = ['Outlet Code', 'Outlet Name', 'Distributor Code', 'Channel', 'Phone'];
    // A new code, a changed channel, and a blank phone, which says nothing of the phone.
    const month = file('outlets december.csv', [
      header,
      ['O00001', before.name, 'D001', 'Modern Trade', ''],
      ['O09998', 'Naya Kirana', 'D001', 'Grocery', ''],
    ]);
    const checked = await importFile(ws, month, { kind: 'outlets', updateMasters: true, dryRun: true });
    expect(checked).toMatchObject({ batch: null, rows: 1, rejected: 0 });
    expect(outlet()).toEqual(before);
    const updated = await importFile(ws, month, { kind: 'outlets', updateMasters: true });
    expect(updated).toMatchObject({ rows: 1, rejected: 0 });
    expect(updated.updatedMasters).toEqual([
      { code: 'O00001', changes: [`Channel "${before.channel}" → "Modern Trade"`] },
    ]);
    expect(updated.decisions.map((d) => d.decision)).toContain(
      '1 code the master held is updated as the file writes it now (listed): runs from now on read the new values; an approved run keeps what it paid, and rolling this import back puts the old values back',
    );
    expect(outlet()).toEqual({ ...before, channel: 'Modern Trade' });
    const audited = ws.db
      .prepare("SELECT after FROM audit_log WHERE action = 'import.run' ORDER BY seq DESC LIMIT 1")
      .pluck()
      .get() as string;
    expect(JSON.parse(audited).updatedMasters).toEqual(updated.updatedMasters);

    // A later import changing the same field again is rolled back first; then each puts back its own.
    const again = file('outlets january.csv', [header, ['O00001', before.name, 'D001', 'HoReCa', '']]);
    const later = await importFile(ws, again, { kind: 'outlets', updateMasters: true });
    expect(later.updatedMasters).toEqual([{ code: 'O00001', changes: ['Channel "Modern Trade" → "HoReCa"'] }]);
    expect(() => rollBackBatch(ws.db, updated.batch ?? 0, 'tester')).toThrow(
      `Batch ${later.batch} changed again what batch ${updated.batch} changed in the masters; roll it back first`,
    );
    expect(outlet().channel).toBe('HoReCa');
    expect(rollBackBatch(ws.db, later.batch ?? 0, 'tester')).toMatchObject({ rowsRemoved: 0, mastersRestored: 1 });
    expect(outlet().channel).toBe('Modern Trade');
    expect(rollBackBatch(ws.db, updated.batch ?? 0, 'tester')).toMatchObject({ rowsRemoved: 1, mastersRestored: 1 });
    expect(outlet()).toEqual(before);
    expect(ws.db.prepare("SELECT count(*) FROM outlets WHERE code = 'O09998'").pluck().get()).toBe(0);
  });
});
