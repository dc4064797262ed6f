import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ImportRequest, runImport } from '../../main/import/importer';
import type { Workspace } from '../../main/workspace';
import { realExports, realExportsFolder } from '../support/real-exports';
import { tempDirPerTest } from '../support/temp';
import { workspaceIn } from '../support/workspace';

/**
 * Real ERP exports from ../shared/real-exports (see its README, whose figures these are), imported
 * as a new user would, into an empty workspace with missing masters created. Where the folder is not
 * beside the checkout, they fail, the first naming it.
 */
const folder = realExportsFolder;

const tempDir = tempDirPerTest();
const withWorkspace = async <T>(work: (ws: Workspace) => Promise<T>) => {
  const ws = await workspaceIn(tempDir());
  try {
    return await work(ws);
  } finally {
    ws.db.close();
  }
};
const importReal = (ws: Workspace, file: string, request: Partial<ImportRequest> = {}) =>
  runImport(ws.db, {
    path: join(folder, file),
    kind: 'sales',
    user: 'tester',
    locale: 'en-IN',
    createMissing: true,
    ...request,
  });
const one = (ws: Workspace, sql: string, ...params: unknown[]) =>
  ws.db.prepare(sql).get(...params) as Record<string, number | string>;
const rupees = (ws: Workspace, where = '1') =>
  one(ws, `SELECT printf('%.2f', sum(net_value) / 100.0) AS v, count(*) AS n FROM sales WHERE ${where}`);

describe('real ERP exports', () => {
  it('are beside the checkout, all eight of them', () => {
    expect(realExports('').length).toBeGreaterThanOrEqual(8);
  });

  it('Tally Prime Day Book of a custom sales type (GST Supply), two-line header, Debit Amount', () =>
    withWorkspace(async (ws) => {
      const r = await importReal(ws, 'tally_daybook_adarsh.xlsx');
      expect(r).toMatchObject({ rows: 28, rejected: 0, dateRange: ['2023-12-04', '2024-01-04'] });
      expect(r.totals.net_value).toBe('5727783.30');
      expect(r.skipped).toEqual({ 'header lines': 1 });
      expect(r.decisions.map((d) => d.decision)).toContain(
        '"GST Supply" is read as invoices: its name says so (change it with --type-map)',
      );
      expect(rupees(ws, "doc_type = 'invoice'")).toEqual({ v: '5727783.30', n: 28 });
      // The dialog does not ask for a net value column: the Debit/Credit pair is it.
      const { inspectFile } = await import('../../main/import/inspect');
      const preview = await inspectFile(ws.db, {
        path: join(folder, 'tally_daybook_adarsh.xlsx'),
        kind: 'sales',
        locale: 'en-IN',
      });
      expect(preview.unmappedRequired).toEqual([]);
      expect(preview.fields.find((f) => f.name === 'net_value')?.required).toBe(false);
    }));

  it('Tally Day Book of every voucher type: sales, credit notes and branch sales in one pass, the rest skipped and counted', () =>
    withWorkspace(async (ws) => {
      // The dialog's preview lists every document type with how it would be read.
      const { inspectFile } = await import('../../main/import/inspect');
      const preview = await inspectFile(ws.db, {
        path: join(folder, 'tally_daybook_cubix.xlsx'),
        kind: 'sales',
        locale: 'en-IN',
      });
      const typeOf = (name: string) => preview.documentTypes.find((t) => t.name === name);
      expect(typeOf('Sales')).toMatchObject({ as: 'invoice', why: 'known' });
      expect(typeOf('Bhosari Sales')).toMatchObject({ as: 'invoice', why: 'name', rows: 207 });
      expect(typeOf('Receipt')).toMatchObject({ as: 'skip' });
      expect(typeOf('MEI : Brigesh Morwal')).toMatchObject({ as: null, rows: 3 });
      // One custom type says nothing of what it is: the import asks, naming it.
      await expect(importReal(ws, 'tally_daybook_cubix.xlsx')).rejects.toThrow(
        /"MEI : Brigesh Morwal" \(3 rows\).*--type-map/,
      );
      const r = await importReal(ws, 'tally_daybook_cubix.xlsx', { typeMap: { 'MEI : Brigesh Morwal': 'skip' } });
      // Sales 5,642 live vouchers + Bhosari Sales 206 + Nashik Sales 135 + 52 credit notes.
      expect(r.rows).toBe(5642 + 206 + 135 + 52);
      expect(rupees(ws, "doc_type = 'credit_note'")).toEqual({ v: '-1897698.23', n: 52 });
      // 233,371,898.74 + 6,413,674.67 + 5,566,241.43 − 1,897,698.23
      expect(r.totals.net_value).toBe('243454116.61');
      expect(rupees(ws, "doc_type = 'invoice'")).toEqual({ v: '245351814.84', n: 5642 + 206 + 135 });
      expect(r.skipped).toMatchObject({ 'type:Receipt': 2248, 'type:Payment': 1057, 'type:Sales Order': 3565 });
      expect(r.skipped.cancelled).toBeGreaterThanOrEqual(20);
      expect(r.skippedSummary).toMatch(/^skipped 17,595 non-sales documents: Delivery Note 5,652, Sales Order 3,565/);
      expect(r.errors).toEqual([]);
    }));

  it("Tally Day Book as receipts: the branch's own voucher type, spelt Nashik Reciept, is money received too", () =>
    withWorkspace(async (ws) => {
      const asReceipts = (typeMap: ImportRequest['typeMap'] = {}) =>
        importReal(ws, 'tally_daybook_cubix.xlsx', { kind: 'payments', dryRun: true, typeMap });
      const r = await asReceipts();
      expect(r.errors).toEqual([]);
      expect(r.skipped['type:Nashik Reciept']).toBeUndefined();
      expect(r.skipped).toMatchObject({ 'type:Payment': 1057, 'type:Sales': 5642 });
      // The 16 Nashik receipts, read apart from the file (their Credit Amounts): 909,322.02.
      const without = await asReceipts({ 'Nashik Reciept': 'skip' });
      expect(without.skipped['type:Nashik Reciept']).toBe(16);
      expect(r.rows - without.rows).toBe(16);
      const paise = (total: string | undefined) => BigInt((total ?? '').replace('.', ''));
      expect(paise(r.totals.amount) - paise(without.totals.amount)).toBe(90_932_202n);
    }));

  it('Tally ERP 9 sales register with item lines: Discount Amount, not the Discount percentage', () =>
    withWorkspace(async (ws) => {
      const r = await importReal(ws, 'tally_daybook_efocus.xlsx');
      expect(r).toMatchObject({ rows: 228, rejected: 0, dateRange: ['2020-09-07', '2020-09-11'] });
      expect(r.totals).toMatchObject({ qty: '1788.000', net_value: '497194.04', discount: '208.60' });
    }));

  it('ERPNext v15 Data Export: item rows under their invoice, ID, Item (Items), Net Amount (Items)', () =>
    withWorkspace(async (ws) => {
      const r = await importReal(ws, 'erpnext_sales_invoice.csv');
      expect(r).toMatchObject({ rows: 10, rejected: 0 });
      expect(r.totals).toMatchObject({ qty: '620.000', net_value: '363000.00' });
      expect(r.mapping).toMatchObject({ doc_no: 'ID', sku: 'Item (Items)', net_value: 'Net Amount (Items)' });
    }));

  it('SAP Business One register: line identity by document, date and line; a reused invoice number; the same item twice', () =>
    withWorkspace(async (ws) => {
      const r = await importReal(ws, 'sapb1_sales_register.csv');
      expect(r).toMatchObject({ rows: 1030, rejected: 0 });
      expect(r.totals).toMatchObject({ qty: '10992.000', net_value: '159249655.00' });
      expect(r.mapping).toMatchObject({ sku: 'itemcode/gl', qty: 'Bill Quantity', net_value: 'LINETOTAL' });
      // Its bills' VAT (TAXCODE "BED+VAT") is in each Bill Value, never in its zero GST columns: said,
      // bill by bill as a reading outside SchemeDesk finds them (306 of 341 bills off by over a rupee).
      expect(r.warnings).toContainEqual(
        expect.stringContaining(
          'On 306 bills "Bill Value" is more than a rupee off their lines\' "LINETOTAL", tax, other charges and round-off (21024583.84 more, 8200.00 less in all)',
        ),
      );
      // Pri20 of 2006 and of 2019 are two invoices.
      const pri20 = ws.db.prepare("SELECT DISTINCT doc_date FROM sales WHERE doc_no = 'Pri20' ORDER BY 1").all();
      expect(pri20.length).toBe(2);
      // Two lines of one invoice with the same item are two lines, numbered in file order.
      const twice = ws.db
        .prepare(
          'SELECT doc_no, group_concat(line_no) AS lines FROM sales GROUP BY doc_no, doc_date, sku HAVING count(*) > 1',
        )
        .all() as { doc_no: string; lines: string }[];
      expect(twice).toHaveLength(1);
      expect(twice[0]?.lines.split(',')).toHaveLength(2);
    }));

  it('Superstore (binary .xls): more than two decimals refused until rounding is chosen, and the difference shown', () =>
    withWorkspace(async (ws) => {
      const refused = await importReal(ws, 'superstore.xls');
      expect(refused.batch).toBeNull();
      expect(refused.errors[0]?.message).toMatch(/expected at most 2 decimals.*--round/);
      const r = await importReal(ws, 'superstore.xls', { round: true });
      expect(r).toMatchObject({ rows: 9994, rejected: 0, sheet: 'Orders' });
      expect(r.totals).toMatchObject({ net_value: '2297201.07', qty: '37873.000' });
      expect(r.decisions.map((d) => d.decision).join('\n')).toMatch(/2297200\.8603, is imported as 2297201\.07/);
      // The Discount column holds rates, not amounts.
      expect(r.totals.discount).toBeUndefined();
    }));

  it('Zoho Books: month-first dates told by the evidence, void and draft invoices skipped', () =>
    withWorkspace(async (ws) => {
      const r = await importReal(ws, 'zoho_invoice_commission.csv');
      expect(r.dateRange).toEqual(['2022-11-01', '2022-11-04']);
      expect(r.decisions[0]?.decision).toMatch(/month first/);
      expect(r.skipped).toMatchObject({ void: 1, draft: 2 });
      expect(r.rows + r.rejected + 3).toBe(188);
    }));

  it('SAP FI line items without a document number are refused, naming what is missing', () =>
    withWorkspace(async (ws) => {
      await expect(importReal(ws, 'sap_ageing_export.xls', { kind: 'receivables' })).rejects.toThrow(
        /no column for As of.*Document no/,
      );
    }));
});
