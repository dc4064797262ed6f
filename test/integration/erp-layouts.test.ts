import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { inspectFile } from '../../main/import/inspect';
import { SECTION_IN_FIRST } from '../../main/import/section-headers';
import type { Workspace } from '../../main/workspace';
import { delimited, type FixtureCell, writeText, writeXlsx } from '../support/files';
import { importFile, storedRows } from '../support/import';
import { demoWorkspacePerTest } from '../support/workspace';

/** Exports of systems and public datasets, each on a small file with their real headers and values. */
const workspaces = demoWorkspacePerTest();
let ws: Workspace;
let dir: string;
beforeEach(() => {
  ({ ws, dir } = workspaces.current());
});
const file = (name: string, rows: FixtureCell[][]) => writeText(join(dir, name), delimited(rows));
/** The bills a receivables import stored: as of, distributor, number, date, due date, amount, outstanding. */
const bills = (batch: number | null) =>
  storedRows(ws, 'receivables', batch ?? 0).map((b) => [
    b.as_of,
    b.distributor_code,
    b.doc_no,
    b.doc_date,
    b.due_date,
    b.amount,
    b.outstanding,
  ]);

/** GSTR-1's B2B sheet, as the GST portal's offline tool writes it: a summary above the header, recipients by GSTIN. */
const header = [
  ...['GSTIN/UIN of Recipient', 'Receiver Name', 'Invoice Number', 'Invoice date', 'Invoice Value'],
  ...['Place Of Supply', 'Reverse Charge', 'Applicable % of Tax Rate', 'Invoice Type', 'E-Commerce GSTIN'],
  ...['Rate', 'Taxable Value', 'Cess Amount'],
];
/** A row of one invoice at one tax rate, to the recipient `gstin` (named otherwise than its master). */
const line = (gstin: string, no: string, date: string, value: string, type: string, rate: number, taxable: string) => [
  ...[gstin, 'ANNAPURNA DISTRIBUTORS PVT LTD', no, date, value, '07-Delhi', 'N', null, type, null],
  ...[rate, taxable, '0'],
];

describe('GSTR-1 B2B', () => {
  it('reads each invoice-and-rate row as a line, its recipient found by GSTIN, SEZ and regular supplies as invoices', async () => {
    const gstin = (ws.db.prepare("SELECT gstin FROM distributors WHERE code = 'D001'").pluck().get() as string) ?? '';
    expect(gstin).toMatch(/^\d{2}[A-Z]{5}\d{4}[A-Z]/);
    const path = writeText(
      join(dir, 'gstr1-b2b.csv'),
      delimited([
        ['Summary For B2B(4)'],
        [
          'No. of Recipients',
          null,
          'No. of Invoices',
          null,
          'Total Invoice Value',
          null,
          null,
          null,
          null,
          null,
          null,
          'Total Taxable Value',
          'Total Cess',
        ],
        ['1', null, '3', null, '30,379.00', null, null, null, null, null, null, '25,999.50', '0.00'],
        header,
        // The name differs from the master's: the GSTIN decides.
        line(gstin, 'INV-001', '01-Oct-26', '11800', 'Regular B2B', 18, '10000'),
        line(gstin, 'INV-002', '05-Oct-26', '12680', 'SEZ supplies with payment', 12, '5000'),
        line(gstin, 'INV-002', '05-Oct-26', '12680', 'SEZ supplies with payment', 18, '6000'),
        // Its value is rounded to the rupee: 4,999.50 at 18 % is 5,899.41.
        line(gstin, 'INV-003', '09-Oct-26', '5899', 'Intra-State supplies attracting IGST', 18, '4999.50'),
      ]),
    );
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    // "with payment" is the tax's: an SEZ supply is a sale, not skipped as a payment voucher.
    expect(r.skipped).toEqual({});
    expect(r.mapping).toMatchObject({
      distributor_code: 'GSTIN/UIN of Recipient',
      doc_no: 'Invoice Number',
      doc_type: 'Invoice Type',
      net_value: 'Taxable Value',
    });
    expect(r.decisions.map((d) => d.decision)).toContain(
      `4 lines name their distributor instead of giving its code: each is read as the one of that name in the distributors master ("${gstin}" is D001)`,
    );
    // The tax is no column's: each row's taxable value at its rate, as each Invoice Value shows.
    expect(r.mapping).not.toHaveProperty('rate');
    expect(r.decisions.map((d) => d.decision)).toContain(
      '"Rate" is each line\'s GST rate and "Taxable Value" its value before tax: on every bill read "Invoice Value" is its lines\' values at their rates plus "Cess Amount", within a rupee of round-off, so each line\'s tax is its value at its rate, to the paisa',
    );
    // The cess is added to that tax, said once; it is not the tax alone.
    expect(r.decisions.map((d) => d.decision)).toContain(
      '"Cess Amount" is cess, added to each line\'s GST worked out at its rate',
    );
    expect(
      storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.distributor_code, s.doc_no, s.doc_type, s.net_value, s.tax]),
    ).toEqual([
      ['D001', 'INV-001', 'invoice', 1000000, 180000],
      ['D001', 'INV-002', 'invoice', 500000, 60000],
      ['D001', 'INV-002', 'invoice', 600000, 108000],
      ['D001', 'INV-003', 'invoice', 499950, 89991],
    ]);
    expect(r.totals.tax).toBe('4379.91');
  });
});

describe('GSTR-1 B2CS', () => {
  it('refuses the sales to unregistered buyers summed by state and rate, and offers no blank column as their distributor', async () => {
    const path = file('gstr1-b2cs.csv', [
      ['Summary For B2CS(7)'],
      [null, null, null, null, 'Total Taxable  Value', 'Total Cess', null],
      [null, null, null, null, '5000.00', '0.00', null],
      [
        'Type',
        'Place Of Supply',
        'Applicable % of Tax Rate',
        'Rate',
        'Taxable Value',
        'Cess Amount',
        'E-Commerce GSTIN',
      ],
      ['OE', '07-Delhi', null, '18.00', '3000.00', '0.00', null],
      ['OE', '33-Tamil Nadu', null, '12.00', '2000.00', '0.00', null],
    ]);
    // Its E-Commerce GSTIN is blank on every line: mapped as the distributor, it would refuse each.
    await expect(importFile(ws, path, { kind: 'sales' })).rejects.toThrow(
      /: no column for Document no; Date; Distributor in header row 4\./,
    );
  });
});

describe('GSTR-1 CDNR', () => {
  it('reads a credit or debit note to a registered recipient by its Note Number, Note Date and Note Type', async () => {
    const gstin = ws.db.prepare("SELECT gstin FROM distributors WHERE code = 'D001'").pluck().get() as string;
    const note = (no: string, date: string, type: string, value: string, taxable: string) => [
      ...[gstin, 'ANNAPURNA DISTRIBUTORS PVT LTD', no, date, type, '07-Delhi', 'N', 'Regular B2B', value],
      ...[null, 18, taxable, '0'],
    ];
    const path = file('gstr1-cdnr.csv', [
      [
        ...['GSTIN/UIN of Recipient', 'Receiver Name', 'Note Number', 'Note Date', 'Note Type', 'Place Of Supply'],
        ...['Reverse Charge', 'Note Supply Type', 'Note Value', 'Applicable % of Tax Rate', 'Rate', 'Taxable Value'],
        'Cess Amount',
      ],
      note('CN-7', '12-Oct-26', 'C', '1180', '1000'),
      note('DN-3', '14-Oct-26', 'D', '590', '500'),
    ]);
    // The portal writes its note types as letters: the user says what each is.
    await expect(importFile(ws, path, { kind: 'sales' })).rejects.toThrow(/"C" \(1 row\), "D" \(1 row\)/);
    const r = await importFile(ws, path, { kind: 'sales', typeMap: { C: 'credit_note', D: 'invoice' } });
    expect(r.errors).toEqual([]);
    expect(r.mapping).toMatchObject({ doc_no: 'Note Number', doc_date: 'Note Date', doc_type: 'Note Type' });
    expect(
      storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.doc_date, s.doc_type, s.net_value, s.tax]),
    ).toEqual([
      ['CN-7', '2026-10-12', 'credit_note', -100000, -18000],
      ['DN-3', '2026-10-14', 'invoice', 50000, 9000],
    ]);
  });
});

describe('order exports of public datasets', () => {
  it("reads AdventureWorks' FactInternetSales by its own column names", async () => {
    const path = file('FactInternetSales.csv', [
      [
        ...['ProductKey', 'OrderDateKey', 'CustomerKey', 'SalesOrderNumber', 'SalesOrderLineNumber', 'OrderQuantity'],
        ...['UnitPrice', 'ExtendedAmount', 'DiscountAmount', 'SalesAmount', 'TaxAmt', 'OrderDate', 'DueDate'],
      ],
      [
        ...['SKU-0001', 20261029, 'D001', 'SO43697', 1, 2],
        ...['100', '200', '20', '180', '14.40', '2026-10-29 00:00:00.000', '2026-11-10 00:00:00.000'],
      ],
      [
        ...['SKU-0002', 20261029, 'D001', 'SO43697', 2, 1],
        ...['50', '50', '0', '50', '4', '2026-10-29 00:00:00.000', '2026-11-10 00:00:00.000'],
      ],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.mapping).toMatchObject({
      sku: 'ProductKey',
      distributor_code: 'CustomerKey',
      doc_no: 'SalesOrderNumber',
      line_no: 'SalesOrderLineNumber',
      qty: 'OrderQuantity',
      gross_value: 'ExtendedAmount',
      discount: 'DiscountAmount',
      net_value: 'SalesAmount',
      tax: 'TaxAmt',
      doc_date: 'OrderDate',
    });
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_date, s.gross_value, s.net_value])).toEqual([
      ['2026-10-29', 20000, 18000],
      ['2026-10-29', 5000, 5000],
    ]);
  });

  it('matches headers written as one word in capitals, and skips cancelled orders (sales_data_sample)', async () => {
    const path = file('sales_data_sample.csv', [
      ['ORDERNUMBER', 'QUANTITYORDERED', 'PRICEEACH', 'ORDERLINENUMBER', 'SALES', 'ORDERDATE', 'STATUS'],
      ['10107', 30, '95.7', 2, '2871', '10/24/2026 0:00', 'Shipped'],
      ['10167', 42, '100', 9, '4465.2', '10/23/2026 0:00', 'Cancelled'],
      ['10417', 66, '100', 2, '7516.08', '10/13/2026 0:00', 'Disputed'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales', defaults: { distributor_code: 'D001', sku: 'SKU-0001' } });
    expect(r.errors).toEqual([]);
    expect(r.mapping).toMatchObject({
      doc_no: 'ORDERNUMBER',
      qty: 'QUANTITYORDERED',
      line_no: 'ORDERLINENUMBER',
      net_value: 'SALES',
      doc_date: 'ORDERDATE',
      status: 'STATUS',
    });
    expect(r.skipped).toEqual({ cancelled: 1 });
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.qty, s.net_value])).toEqual([
      ['10107', 30000, 287100],
      ['10417', 66000, 751608],
    ]);
  });
});

describe('NetSuite and Dynamics 365', () => {
  it("reads NetSuite's transaction search: a Cash Sale an invoice, a Cash Refund and a Credit Memo credit notes", async () => {
    const path = file('netsuite.csv', [
      ['Type', 'Date', 'Document Number', 'Name', 'Item', 'Quantity', 'Amount'],
      ['Invoice', '2026-10-01', 'INV1001', 'D001', 'SKU-0001', 2, '200.00'],
      ['Cash Sale', '2026-10-02', 'CS2001', 'D001', 'SKU-0002', 1, '50.00'],
      ['Cash Refund', '2026-10-03', 'CR3001', 'D001', 'SKU-0002', -1, '-50.00'],
      ['Credit Memo', '2026-10-13', 'CM4001', 'D001', 'SKU-0001', -1, '-100.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.doc_type, s.net_value])).toEqual([
      ['INV1001', 'invoice', 20000],
      ['CS2001', 'invoice', 5000],
      ['CR3001', 'credit_note', -5000],
      ['CM4001', 'credit_note', -10000],
    ]);
  });

  it("reads Dynamics 365's invoice journal: the Customer account, the Net amount and the Sales tax amount", async () => {
    const path = file('d365.csv', [
      [
        'Invoice',
        'Invoice date',
        'Customer account',
        'Item number',
        'Quantity',
        'Unit price',
        'Net amount',
        'Sales tax amount',
      ],
      ['CIV-000101', '2026-10-01', 'D001', 'SKU-0001', 2, '100.00', '200.00', '36.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.mapping).toMatchObject({
      distributor_code: 'Customer account',
      net_value: 'Net amount',
      tax: 'Sales tax amount',
    });
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.distributor_code, s.net_value, s.tax])).toEqual([
      ['D001', 20000, 3600],
    ]);
  });
});

describe("Salesforce's formatted report", () => {
  it('reads its Order Start Date and its Account Number among its subtotals, and leaves out its notices under the table', async () => {
    const day = (d: number) => new Date(Date.UTC(2026, 9, d));
    const rows: FixtureCell[][] = [
      ['Sales by Distributor'],
      ['As of 12/5/2026 2:33 PM · Generated by Priya Raman'],
      ['Filtered By: Order Start Date equals LAST MONTH'],
      [],
      ['Account Number', 'Account Name', 'Order Number', 'Order Start Date', 'Product Code', 'Quantity', 'Unit Price'],
      ['D001', 'Annapurna Distributors', '00000101', day(5), 'SKU-0001', 10, 100],
      ['D001', 'Annapurna Distributors', '00000101', day(5), 'SKU-0002', 5, 50],
      ['Subtotal', null, null, null, null, 15, null],
      ['D002', 'Shiv Shakti Enterprises', '00000102', day(15), 'SKU-0001', 3, 100],
      ['Subtotal', null, null, null, null, 3, null],
      ['Total', null, null, null, null, 18, null],
      [],
      ['Confidential Information - Do Not Distribute'],
      ['Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.'],
    ];
    const path = join(dir, 'salesforce.xlsx');
    await writeXlsx(path, [{ name: 'Sales by Distributor', rows }]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.mapping).toMatchObject({ distributor_code: 'Account Number', doc_date: 'Order Start Date' });
    expect(r.skipped).toEqual({ 'total rows': 3, 'notes under the table': 2 });
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.distributor_code, s.doc_date, s.net_value])).toEqual([
      ['D001', '2026-10-05', 100000],
      ['D001', '2026-10-05', 25000],
      ['D002', '2026-10-15', 30000],
    ]);
  });
});

describe('a party-wise register, each party a heading after its label', () => {
  it("reads the party after the heading's label (Customer: D001 - …), and leaves a label that names no field as written", async () => {
    type Heading = (code: string, name: string) => string;
    const register = (heading: Heading, bills = 'PW', total: Heading = heading) => [
      ['Date', 'Invoice No', 'Item Code', 'Qty', 'Amount'],
      [heading('D001', 'Annapurna Distributors')],
      ['05-10-2026', `${bills}-1`, 'SKU-0001', 2, '200.00'],
      ['06-10-2026', `${bills}-2`, 'SKU-0002', 1, '50.00'],
      [`Total for ${total('D001', 'Annapurna Distributors')}`, null, null, 3, '250.00'],
      [heading('D002', 'Shiv Shakti Enterprises')],
      ['15-10-2026', `${bills}-3`, 'SKU-0001', 1, '100.00'],
      [`Total for ${total('D002', 'Shiv Shakti Enterprises')}`, null, null, 1, '100.00'],
    ];
    const r = await importFile(
      ws,
      file(
        'party-wise.csv',
        register((code, name) => `Customer: ${code} - ${name}`),
      ),
      {
        kind: 'sales',
      },
    );
    expect(r.errors).toEqual([]);
    expect(r.skipped).toEqual({ 'heading rows': 2, 'total rows': 2 });
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.distributor_code])).toEqual([
      ['PW-1', 'D001'],
      ['PW-2', 'D001'],
      ['PW-3', 'D002'],
    ]);
    const labelledBy = (name: string, label: string, bills: string) =>
      importFile(
        ws,
        file(
          name,
          register((code, party) => (label === 'Route' ? `${label}: ${code}` : `${label} : ${party}`), bills),
        ),
        {
          kind: 'sales',
          dryRun: true,
        },
      );
    const party = await labelledBy('party.csv', 'Party', 'P');
    expect(party.errors).toEqual([]);
    // A label no column of the party is headed by: the heading is the party's as written, unknown.
    const noted = await labelledBy('noted.csv', 'Route', 'R');
    expect(noted.errors.map((e) => e.value)).toContain('Route: D001');
    // A group's total naming it by its code alone closes it as well.
    const byCode = register(
      (code, name) => `Customer: ${code} - ${name}`,
      'C',
      (code) => `Customer: ${code}`,
    );
    const closed = await importFile(ws, file('by-code.csv', byCode), { kind: 'sales', dryRun: true });
    expect(closed.errors).toEqual([]);
    expect(closed).toMatchObject({ rows: 3, skipped: { 'heading rows': 2, 'total rows': 2 } });
  });
});

describe("Oracle Receivables' aging", () => {
  it('reads the Amount Due Remaining as what each bill owes, not its Original Amount or its buckets', async () => {
    const path = file('oracle-aging.csv', [
      [
        ...['Customer Number', 'Customer Name', 'Trx Number', 'Trx Date', 'Due Date', 'Days Past Due'],
        ...['Original Amount', 'Amount Due Remaining', 'Current', '1-30 Days', '31-60 Days', 'Over 60 Days'],
      ],
      ['D001', 'Annapurna', '50001', '05-SEP-2026', '05-OCT-2026', 26, '2301.00', '1301.00', 0, 0, '1301.00', 0],
      ['D002', 'Shiv Shakti', '50002', '06-OCT-2026', '05-NOV-2026', 0, '590.00', '590.00', '590.00', 0, 0, 0],
    ]);
    const r = await importFile(ws, path, { kind: 'receivables', defaults: { as_of: '31-10-2026' } });
    expect(bills(r.batch)).toEqual([
      ['2026-10-31', 'D001', '50001', '2026-09-05', '2026-10-05', 230100, 130100],
      ['2026-10-31', 'D002', '50002', '2026-10-06', '2026-11-05', 59000, 59000],
    ]);
  });
});

describe("Xero's export of invoices", () => {
  const head = [
    ...['ContactName', 'InvoiceNumber', 'Reference', 'InvoiceDate', 'Total', 'InventoryItemCode', 'Quantity'],
    ...['UnitAmount', 'Discount', 'LineAmount', 'TaxAmount', 'Type', 'Status'],
  ];
  /** A line of 10 × 100.00 (1 for a credit note), the document's Total beside it as Xero writes it. */
  const line = (no: string, ref: string | null, item: string, discount: string | null, amount: string, tax: string) => {
    const credit = no.startsWith('CN');
    return [
      ...[credit ? 'Annapurna Distributors' : 'Kaveri Enterprises', no, ref, '15/10/2026', '2,242.00', item],
      ...[credit ? 1 : 10, '100.00', discount, amount, tax, credit ? 'Sales credit note' : 'Sales invoice'],
      no === 'INV-0002' ? 'Draft' : 'Awaiting Payment',
    ];
  };

  it('reads its Discount as the percentage taken off each line, never rupees, and leaves drafts out', async () => {
    const path = file('xero-invoices.csv', [
      head,
      line('INV-0001', 'PO 12', 'SKU-0001', null, '1,000.00', '180.00'),
      line('INV-0001', 'PO 12', 'SKU-0002', '10.00', '900.00', '162.00'),
      line('INV-0002', null, 'SKU-0003', null, '1,000.00', '0.00'),
      line('CN-0001', 'INV-0001', 'SKU-0001', null, '100.00', '18.00'),
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.mapping).toMatchObject({ net_value: 'LineAmount', rate: 'UnitAmount', tax: 'TaxAmount' });
    expect(r.skipped).toEqual({ draft: 1 });
    expect(r.decisions.map((d) => d.decision)).toContain(
      '"Discount" holds rates (15 for 15 %), not amounts: each line\'s "LineAmount" is its quantity × "UnitAmount" less that share; it is not imported as the discount',
    );
    const stored = storedRows(ws, 'sales', r.batch ?? 0);
    expect(stored.map((s) => [s.doc_no, s.doc_type, s.distributor_code, s.net_value, s.tax, s.discount])).toEqual([
      ['INV-0001', 'invoice', 'D003', 100000, 18000, null],
      ['INV-0001', 'invoice', 'D003', 90000, 16200, null],
      ['CN-0001', 'credit_note', 'D001', -10000, -1800, null],
    ]);
  });

  it("takes the tax out of the lines of a bill keyed with it, as the bill's Total shows, and leaves the others", async () => {
    // Xero writes a bill's lines as keyed, tax inclusive or exclusive, and says which nowhere.
    const row = (no: string, total: string, item: string, amount: string, tax: string) => [
      ...['Annapurna Distributors', no, '15/10/2026', total, total, item, '1.0000', amount, amount, tax],
      no.startsWith('CN') ? 'Sales credit note' : 'Sales invoice',
    ];
    const header = [
      ...['ContactName', 'InvoiceNumber', 'InvoiceDate', 'Total', 'InvoiceAmountDue', 'InventoryItemCode'],
      ...['Quantity', 'UnitAmount', 'LineAmount', 'TaxAmount', 'Type'],
    ];
    const rows = [
      header,
      row('INV-1', '177.00', 'SKU-0001', '118.00', '18.00'),
      row('INV-1', '177.00', 'SKU-0002', '59.00', '9.00'),
      row('INV-2', '236.00', 'SKU-0001', '200.00', '36.00'),
      row('CN-1', '118.00', 'SKU-0001', '118.00', '18.00'),
      row('INV-3', '118.00', 'SKU-0002', '100.00', '18.00'),
    ];
    const r = await importFile(ws, file('xero-inclusive.csv', rows), { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.mapping).toMatchObject({ net_value: 'LineAmount', tax: 'TaxAmount', bill_total: 'Total' });
    expect(r.decisions.map((d) => d.decision)).toContain(
      '2 bills\' lines include their tax: the bill\'s "Total" is its lines\' "LineAmount" summed, not those plus "TaxAmount", so each of their 3 lines\' net value is its "LineAmount" less its tax (the other bills\' lines are before their tax, as written)',
    );
    expect(r.totals).toMatchObject({ net_value: '350.00', tax: '63.00' });
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.net_value, s.tax])).toEqual([
      ['INV-1', 10_000, 1_800],
      ['INV-1', 5_000, 900],
      ['INV-2', 20_000, 3_600],
      ['CN-1', -10_000, -1_800],
      ['INV-3', 10_000, 1_800],
    ]);
  });

  it('reads its payments: a Receivable Payment is money received, a Payable Payment is left out', async () => {
    const path = file('xero-payments.csv', [
      ['Date', 'Payment Ref', 'Contact', 'Invoice Number', 'Account', 'Amount Paid', 'Currency', 'Type'],
      ['16/10/2026', 'CHQ 441', 'Annapurna Distributors', 'INV-0001', 'Bank', '1,180.00', 'INR', 'Receivable Payment'],
      ['17/10/2026', 'NEFT 12', 'Kaveri Enterprises', 'BILL-7', 'Bank', '300.00', 'INR', 'Payable Payment'],
      ['18/10/2026', 'NEFT 88', 'Kaveri Enterprises', 'INV-0002', 'Bank', '500.00', 'INR', 'Receivable Payment'],
    ]);
    const r = await importFile(ws, path, { kind: 'payments' });
    expect(r.errors).toEqual([]);
    expect(r.skipped).toEqual({ 'type:Payable Payment': 1 });
    const stored = storedRows(ws, 'payments', r.batch ?? 0);
    expect(stored.map((p) => [p.receipt_no, p.distributor_code, p.against_doc_no, p.amount])).toEqual([
      ['CHQ 441', 'D001', 'INV-0001', 118000],
      ['NEFT 88', 'D003', 'INV-0002', 50000],
    ]);
  });

  it('takes the percentage off the price where the file writes only the Total, as its tax shows', async () => {
    const path = file('xero-template.csv', [
      [
        '*ContactName',
        '*InvoiceNumber',
        '*InvoiceDate',
        'Total',
        'InventoryItemCode',
        '*Quantity',
        '*UnitAmount',
      ].concat(['Discount', 'TaxAmount']),
      ['D001', 'X-1', '15/10/2026', '1062.00', 'SKU-0001', 10, '100.00', '10', '162.00'],
      ['D001', 'X-2', '15/10/2026', '1180.00', 'SKU-0001', 10, '100.00', null, '180.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.net_value, s.discount, s.tax])).toEqual([
      ['X-1', 90000, null, 16200],
      ['X-2', 100000, null, 18000],
    ]);
  });

  it('keeps a Discount of rupees as the discount, where each line amount is its quantity × price less it', async () => {
    const path = file('discount-in-rupees.csv', [
      head,
      line('INV-0001', null, 'SKU-0001', '10.00', '990.00', '178.20'),
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.net_value, s.discount])).toEqual([[99000, 1000]]);
  });
});

describe("MYOB AccountRight's item sales", () => {
  it('reads the customer from its Card ID and a Discount written as "10%" as a rate off quantity × price', async () => {
    const path = file('ITEMSALE.TXT', [
      [
        ...['Co./Last Name', 'First Name', 'Invoice #', 'Date', 'Item Number', 'Quantity', 'Description', 'Price'],
        ...['Discount', 'Total', 'Inc-Tax Total', 'Tax Code', 'GST Amount', 'Sale Status', 'Card ID', 'Record ID'],
      ],
      [
        ...['Annapurna Traders', null, '00000123', '5/10/2026', 'SKU-0001', 10, 'Coffee', '100.00'],
        ...['0%', '1,000.00', '1,180.00', 'GST', '180.00', 'I', 'D001', 55],
      ],
      [
        ...['Annapurna Traders', null, '00000124', '6/10/2026', 'SKU-0002', 5, 'Biscuits', '99.99'],
        ...['10%', '449.96', '530.95', 'GST', '80.99', 'I', 'D001', 56],
      ],
    ]);
    // 5 × 99.99 less 10 % is 449.955: a sub-paisa amount is the row's error until rounding is chosen.
    const unrounded = await importFile(ws, path, { kind: 'sales', dateOrder: 'dmy', dryRun: true });
    expect(unrounded.errors.map((e) => [e.row, e.column])).toEqual([[3, 'Price']]);
    const r = await importFile(ws, path, { kind: 'sales', dateOrder: 'dmy', round: true });
    expect(r.errors).toEqual([]);
    expect(r.mapping).toMatchObject({ distributor_code: 'Card ID', doc_no: 'Invoice #', rate: 'Price' });
    expect(r.decisions.map((d) => d.decision)).toContain(
      '"Discount" holds rates (15 for 15 %), not amounts: each line\'s net value is its quantity × "Price" less that share',
    );
    // Half up to 449.96: MYOB's Total.
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.distributor_code, s.net_value])).toEqual([
      ['00000123', 'D001', 100_000],
      ['00000124', 'D001', 44_996],
    ]);
  });
});

describe("A billing app's item-wise sale report", () => {
  it('reads a discount and a tax written with their rates beside them ("171 (18%)"), and the amount with its tax', async () => {
    const path = file('Sale Report.csv', [
      [
        ...['Date', 'Invoice No.', 'Party Name', 'Item Name', 'Item Code', 'Quantity', 'Unit', 'Price/Unit'],
        ...['Discount', 'Tax', 'Amount', 'Transaction Type', 'Payment Type', 'Received Amount', 'Balance Due'],
      ],
      [
        ...['05/10/2026', '101', 'Annapurna Distributors', 'Sunrise Coffee 50 g', 'SKU-0001', '10', 'Nos', '100'],
        ...['50 (5%)', '171 (18%)', '1121', 'Sale', 'Cash', '1121', '0'],
      ],
      [
        ...['05/10/2026', '101', 'Annapurna Distributors', 'Crunchy Biscuits 100 g', 'SKU-0002', '10', 'Nos', '50'],
        ...['0 (0%)', '90 (18%)', '590', 'Sale', 'Cash', '590', '0'],
      ],
      [
        ...['07/10/2026', '1', 'Annapurna Distributors', 'Crunchy Biscuits 100 g', 'SKU-0002', '2', 'Nos', '50'],
        ...['0 (0%)', '18 (18%)', '118', 'Sale Return', 'Cash', '118', '0'],
      ],
    ]);
    const r = await importFile(ws, path, { kind: 'sales', dateOrder: 'dmy' });
    expect(r.errors).toEqual([]);
    const lines = storedRows(ws, 'sales', r.batch ?? 0);
    expect(lines.map((s) => [s.doc_type, s.doc_no, s.sku, s.qty, s.discount, s.tax, s.net_value])).toEqual([
      ['invoice', '101', 'SKU-0001', 10_000, 5_000, 17_100, 95_000],
      ['invoice', '101', 'SKU-0002', 10_000, 0, 9_000, 50_000],
      ['credit_note', '1', 'SKU-0002', -2_000, 0, -1_800, -10_000],
    ]);
  });
});

describe("Sage 50's invoice items", () => {
  it('reads the customer from its Account Reference and a Product Credit or Service Credit as a credit note', async () => {
    const path = file('INVOICE_ITEMS.CSV', [
      [
        ...['Type', 'Invoice Number', 'Invoice Date', 'Account Reference', 'Name', 'Stock Code', 'Quantity'],
        ...['Unit Price', 'Discount Amount', 'Net Amount', 'Tax Amount', 'Gross Amount'],
      ],
      [
        ...['Product Invoice', '1001', '05/10/2026', 'D001', 'Annapurna', 'SKU-0001', 10],
        ...['100.00', '0.00', '1000.00', '180.00', '1180.00'],
      ],
      [
        ...['Product Credit', '1002', '06/10/2026', 'D001', 'Annapurna', 'SKU-0002', 2],
        ...['100.00', '0.00', '200.00', '36.00', '236.00'],
      ],
      [
        ...['Service Credit', '1003', '07/10/2026', 'D001', 'Annapurna', 'SKU-0002', 1],
        ...['50.00', '0.00', '50.00', '9.00', '59.00'],
      ],
    ]);
    const r = await importFile(ws, path, { kind: 'sales', dateOrder: 'dmy' });
    expect(r.errors).toEqual([]);
    expect(r.mapping).toMatchObject({ distributor_code: 'Account Reference', doc_type: 'Type' });
    expect(
      storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.doc_type, s.distributor_code, s.net_value]),
    ).toEqual([
      ['1001', 'invoice', 'D001', 100_000],
      ['1002', 'credit_note', 'D001', -20_000],
      ['1003', 'credit_note', 'D001', -5_000],
    ]);
  });
});

describe("a distributor management system's bill register", () => {
  it('takes the Taxable Amt as the net where the Net Amt is it plus the GST, in the import and in the preview', async () => {
    const path = file('dms-bills.csv', [
      [
        ...['Bill No', 'Bill Date', 'Distributor Code', 'Retailer Name', 'SKU Code', 'Qty', 'Free Qty', 'Rate'],
        ...['Gross Amt', 'Sch Disc', 'Trade Disc', 'CD Amt', 'Taxable Amt', 'GST Amt', 'Net Amt'],
      ],
      [
        ...['B-1001', '2026-10-01', 'D001', 'Ganesh Stores', 'SKU-0001', 10, 1, '100.00'],
        ...['1000.00', '50.00', '20.00', '9.30', '920.70', '165.73', '1086.43'],
      ],
      [
        ...['B-1001', '2026-10-01', 'D001', 'Ganesh Stores', 'SKU-0002', 5, 0, '80.00'],
        ...['400.00', '0.00', '8.00', '3.92', '388.08', '69.85', '457.93'],
      ],
    ]);
    const note =
      '"Taxable Amt" is the net value: on every line read "Net Amt" is it plus the tax, so "Net Amt" is the bill\'s amount with its tax, not imported';
    const preview = await inspectFile(ws.db, { path, kind: 'sales', locale: 'en-IN' });
    expect(preview.mapping).toMatchObject({ net_value: 'Taxable Amt', tax: 'GST Amt', gross_value: 'Gross Amt' });
    expect(preview.decisions).toContain(note);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.decisions.map((d) => d.decision)).toContain(note);
    expect(r.mapping).toMatchObject({ net_value: 'Taxable Amt', tax: 'GST Amt', qty: 'Qty' });
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.qty, s.gross_value, s.net_value, s.tax])).toEqual([
      [10000, 100000, 92070, 16573],
      [5000, 40000, 38808, 6985],
    ]);
  });
});

describe("Busy's Sales Register", () => {
  it('reads its Type of GST types as the rate of the tax inside each Total Amount, in the import and in the preview', async () => {
    const path = file('busy-sales-register.csv', [
      ['KEPL Pvt Ltd'],
      ['Sales Register'],
      ['1-10-2026 to 31-10-2026'],
      ['Date', 'Vch/Bill No', 'Account', 'Type', 'Total Amount', 'Material Centre'],
      ['01-10-2026', 'S/101', 'Annapurna Distributors', 'L/GST-18%', '11,800.00', 'Main Store'],
      ['02-10-2026', 'S/102', 'Annapurna Distributors', 'I/GST-12%', '5,600.00', 'Main Store'],
      // 18/118 of 1,000.00 is 152.54 to the paisa: 847.46 + 18 % of it (152.54) is the bill's 1,000.00.
      ['03-10-2026', 'S/103', 'Annapurna Distributors', 'L/GST-18%', '1,000.00', 'Main Store'],
      ['04-10-2026', 'S/104', 'Annapurna Distributors', 'L/GST-Exempt', '500.00', 'Main Store'],
      ['05-10-2026', 'S/105', 'Annapurna Distributors', 'L/GST-MultiRate', '2,300.00', 'Main Store'],
    ]);
    const preview = await inspectFile(ws.db, { path, kind: 'sales', locale: 'en-IN' });
    expect(preview.mapping).toMatchObject({ gst_type: 'Type', gross_total: 'Total Amount' });
    expect(preview.mapping.doc_type).toBeUndefined();
    expect(preview.documentTypes).toEqual([]);
    const r = await importFile(ws, path, { kind: 'sales', validOnly: true });
    expect(r.errors).toEqual([
      {
        row: 9,
        column: 'Type',
        value: 'L/GST-MultiRate',
        message:
          'names no one GST rate, so the tax inside the total cannot be told: export the register with its tax columns',
      },
    ]);
    expect(r.decisions.map((d) => d.decision)).toContain(
      '"Type" holds GST types ("L/GST-18%"), not document types: each row is an invoice, or a credit note by its sign',
    );
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.doc_type, s.net_value, s.tax])).toEqual([
      ['S/101', 'invoice', 1000000, 180000],
      ['S/102', 'invoice', 500000, 60000],
      ['S/103', 'invoice', 84746, 15254],
      ['S/104', 'invoice', 50000, 0],
    ]);
  });

  it('works out the GST inside each Total Amount on what it holds beside its Cess Amount, and adds the cess to the tax', async () => {
    const path = file('busy-cess.csv', [
      ['Date', 'Vch/Bill No', 'Account', 'Type', 'Cess Amount', 'Total Amount'],
      // 1,000.00 of aerated drinks at 28 % and 12 % cess: 1,400.00.
      ['01-10-2026', 'S/201', 'Annapurna Distributors', 'L/GST-28%', '120.00', '1,400.00'],
      // No cess (0.00): the GST is still inside the total, where it had been left in the net.
      ['02-10-2026', 'S/202', 'Annapurna Distributors', 'L/GST-18%', '0.00', '1,180.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.net_value, s.tax])).toEqual([
      ['S/201', 100_000, 40_000],
      ['S/202', 100_000, 18_000],
    ]);
    expect(r.decisions.map((d) => d.decision)).toContain(
      '"Cess Amount" is cess, added to each line\'s GST worked out at its rate',
    );
  });
});

describe('discounts in a column each', () => {
  it('sums Sch Disc, Trade Disc and CD Amt into the discount, and with them finds the tax inside the Net Amt', async () => {
    const path = file('bills-with-discounts.csv', [
      [
        ...['Bill No', 'Bill Date', 'Distributor Code', 'SKU Code', 'Qty', 'Rate', 'Gross Amt'],
        ...['Sch Disc', 'Trade Disc', 'CD Amt', 'CD %', 'GST Amt', 'Net Amt'],
      ],
      [
        ...['B-3001', '2026-10-01', 'D001', 'SKU-0001', 10, '100.00', '1000.00'],
        ...['50.00', '20.00', '9.30', '1', '165.73', '1086.43'],
      ],
      [
        ...['B-3001', '2026-10-01', 'D001', 'SKU-0002', 5, '80.00', '400.00'],
        ...['0.00', '8.00', '3.92', '1', '69.85', '457.93'],
      ],
    ]);
    const preview = await inspectFile(ws.db, { path, kind: 'sales', locale: 'en-IN' });
    // The rate column ("CD %") is not a part.
    expect(preview.mapping).toMatchObject({
      discount_part_1: 'Sch Disc',
      discount_part_2: 'Trade Disc',
      discount_part_3: 'CD Amt',
      with_tax: 'Net Amt',
    });
    expect(Object.values(preview.mapping)).not.toContain('CD %');
    expect(preview.fields.filter((f) => f.name.startsWith('discount_part_')).map((f) => f.label)).toEqual([
      'Discount, part 1',
      'Discount, part 2',
      'Discount, part 3',
    ]);
    const sentBack = await importFile(ws, path, { kind: 'sales', mapping: preview.mapping, dryRun: true });
    expect(sentBack.totals).toMatchObject({ discount: '91.22', net_value: '1308.78' });
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.decisions.map((d) => d.decision)).toEqual(
      expect.arrayContaining([
        'Discount is the sum of the columns Sch Disc, Trade Disc, CD Amt',
        '"Net Amt" is each line\'s amount with its tax: on every line read it is "Gross Amt" less "Sch Disc", "Trade Disc", "CD Amt" plus the tax, so each line\'s net value is it less its tax',
      ]),
    );
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.gross_value, s.discount, s.net_value, s.tax])).toEqual([
      [100000, 7930, 92070, 16573],
      [40000, 1192, 38808, 6985],
    ]);
  });

  it("reads a DMS's order lines: its ERP Ids, the invoice's number before the order's, its Invoice Value as each line's, an order not billed left out", async () => {
    const header = [
      ...['Order Id', 'Order Date', 'Invoice No', 'Invoice Date', 'Distributor ERP Id', 'Outlet ERP Id'],
      ...['SKU ERP Id', 'Order Qty', 'Invoice Qty', 'Invoice Value', 'Tax Amount'],
    ];
    const order = (id: string, invoice: string | null, sku: string, qty: number, value: string, tax: string) => [
      ...[id, '2026-10-04', invoice, invoice ? '2026-10-05' : null, 'D001', 'O00001'],
      ...[sku, qty + 2, qty, value, tax],
    ];
    const rows = [
      header,
      order('ORD-1', 'INV-77', 'SKU-0001', 10, '2732.88', '416.88'),
      // Ordered, not billed: no invoice, nothing invoiced.
      order('ORD-2', null, 'SKU-0002', 0, '0.00', '0.00'),
      order('ORD-3', 'INV-78', 'SKU-0001', 2, '546.58', '83.38'),
      order('ORD-3', 'INV-78', 'SKU-0002', 5, '472.00', '72.00'),
    ];
    const r = await importFile(ws, file('dms-orders.csv', rows), { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.mapping).toMatchObject({
      doc_no: 'Invoice No',
      doc_date: 'Invoice Date',
      distributor_code: 'Distributor ERP Id',
      outlet_code: 'Outlet ERP Id',
      sku: 'SKU ERP Id',
      qty: 'Invoice Qty',
      with_tax: 'Invoice Value',
    });
    expect(r.skipped).toEqual({ 'lines not billed': 1 });
    expect(r.decisions.map((d) => d.decision)).toContain(
      "\"Invoice Value\" is each line's amount with its tax, not the bill's total: the lines of one bill write different amounts (INV-78: 546.58 and 472.00), so each line's net value is it less its tax",
    );
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((l) => [l.doc_no, l.qty, l.net_value])).toEqual([
      ['INV-77', 10_000, 231600],
      ['INV-78', 2_000, 46320],
      ['INV-78', 5_000, 40000],
    ]);
    // A bill's total written on each of its lines is no line's amount: refused for want of a net.
    const totals = rows.map((row, i) => (i === 3 || i === 4 ? [...row.slice(0, 9), '1018.58', '155.38'] : row));
    await expect(importFile(ws, file('dms-order-totals.csv', totals), { kind: 'sales' })).rejects.toThrow(
      'no column for Net value ("Invoice Value" is no line\'s amount: each bill of several lines in the first rows writes one amount on each, as its total would be, and a bill\'s total is never spread over its lines) in header row 1',
    );
  });

  it("refuses a bill's amount read as each line's on bills of one line when a later bill writes it on each of its lines", async () => {
    const header = [
      'Bill No',
      'Bill Date',
      'Distributor Code',
      'Outlet Code',
      'SKU',
      'Qty',
      'Tax Amount',
      'Bill Amount',
    ];
    const bill = (no: string, sku: string, qty: number, tax: string, amount: string) => [
      ...[no, '2026-10-05', 'D001', 'O00001', sku, qty, tax, amount],
    ];
    // More bills of one line each than the first rows hold, so nothing there tells the amount apart.
    const single = Array.from({ length: 600 }, (_, i) => bill(`B${i}`, 'SKU-0001', 2, '18.00', '118.00'));
    const later = (first: string, second: string) => [
      bill('B900', 'SKU-0001', 2, '18.00', first),
      bill('B900', 'SKU-0002', 4, '36.00', second),
    ];
    // A bill writing its total, 354.00, on both its lines: counted once a line it would be 708.00.
    const batches = () => ws.db.prepare('SELECT count(*) AS n FROM import_batches').pluck().get();
    const before = batches();
    await expect(
      importFile(ws, file('one-line-totals.csv', [header, ...single, ...later('354.00', '354.00')]), { kind: 'sales' }),
    ).rejects.toThrow(
      'one-line-totals.csv: "Bill Amount" was read as each line\'s amount with its tax, since every bill of the first rows has one line, but bill B900 (rows 602–603) writes 354.00 on each of its 2 lines, as a bill\'s total would be',
    );
    expect(batches()).toBe(before);
    // The same bill writing each line's own amount.
    const own = await importFile(ws, file('one-line-own.csv', [header, ...single, ...later('118.00', '236.00')]), {
      kind: 'sales',
    });
    expect(own.errors).toEqual([]);
    expect(own.decisions.map((d) => d.decision)).toContain(
      "\"Bill Amount\" is each line's amount with its tax, not the bill's total: every bill of the first rows has one line, whose amount is its bill's, so each line's net value is it less its tax",
    );
    expect(
      storedRows(ws, 'sales', own.batch ?? 0)
        .slice(-2)
        .map((l) => l.net_value),
    ).toEqual([10000, 20000]);
  });

  it("takes the tax out of a DMS's Net Amount beside its gross and discounts, named or not, and never takes the gross for prices", async () => {
    const header = [
      ...['Distributor Code', 'Retailer Code', 'Bill Number', 'Bill Date', 'Product Code', 'Selling Rate'],
      ...[
        'Sales Qty (in Pcs)',
        'Gross Amount',
        'Sch Disc Amt',
        'Cash Disc Amt',
        'DB Disc Amt',
        'Tax Amount',
        'Net Amount',
      ],
    ];
    const lines = [
      [...['D001', 'O00001', 'BL1', '05-10-2026', 'SKU-0001', '231.60', 10], ...['2316.00', '115.80', '22.00']],
      [...['D001', 'O00001', 'BL2', '06-10-2026', 'SKU-0002', '80.00', 5], ...['400.00', '0.00', '0.00']],
    ];
    // The distributor's own discount named (DB Disc Amt): the net is the gross less the three plus the tax.
    const named = file('botree.csv', [
      header,
      [...(lines[0] ?? []), '10.00', '390.28', '2558.48'],
      [...(lines[1] ?? []), '0.00', '72.00', '472.00'],
    ]);
    const r = await importFile(ws, named, { kind: 'sales', dateOrder: 'dmy' });
    expect(r.decisions.map((d) => d.decision)).toContain(
      '"Net Amount" is each line\'s amount with its tax: on every line read it is "Gross Amount" less "Sch Disc Amt", "Cash Disc Amt", "DB Disc Amt" plus the tax, so each line\'s net value is it less its tax',
    );
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((l) => [l.gross_value, l.discount, l.net_value])).toEqual([
      [231600, 14780, 216820],
      [40000, 0, 40000],
    ]);
    // A discount under a name no rule knows, and a tax no single rate of the net (a cess beside the
    // GST): the net is still above the gross on a line, so it holds its tax; the gross is no price.
    const unnamed = file('botree-unnamed.csv', [
      header.map((h) => (h === 'DB Disc Amt' ? 'Trade Promo Amt' : h)),
      [...(lines[0] ?? []), '10.00', '392.92', '2561.12'].map((c) => (c === 'BL1' ? 'BL3' : c)),
      [...(lines[1] ?? []), '0.00', '72.00', '472.00'].map((c) => (c === 'BL2' ? 'BL4' : c)),
    ]);
    const u = await importFile(ws, unnamed, { kind: 'sales', dateOrder: 'dmy' });
    const said = u.decisions.map((d) => d.decision);
    expect(said).toContain(
      '"Net Amount" is each line\'s amount with its tax: on every line read it is, less its tax, "Gross Amount" less at least "Sch Disc Amt", "Cash Disc Amt", and on some it is above "Gross Amount", which no amount without its tax is, so each line\'s net value is it less its tax',
    );
    expect(said.some((d) => d.includes('holds unit prices'))).toBe(false);
    expect(storedRows(ws, 'sales', u.batch ?? 0).map((l) => [l.gross_value, l.net_value, l.tax])).toEqual([
      [231600, 216820, 39292],
      [40000, 40000, 7200],
    ]);
  });

  it("sums a Scheme Discount and a Trade Discount, each a discount's name, and reads the Invoice Qty, not the Order Qty", async () => {
    const path = file('dms-secondary.csv', [
      [
        ...['Invoice Date', 'Invoice Number', 'Distributor Code', 'Retailer Code', 'SKU Code', 'Order Qty'],
        ...['Invoice Qty (PCS)', 'Free Qty', 'Gross Amount', 'Scheme Discount', 'Trade Discount', 'Taxable Amount'],
      ],
      [
        ...['05-10-2026', 'SI/D001/0001', 'D001', 'O00001', 'SKU-0001', 30],
        ...[24, 2, '1,200.00', '60.00', '24.00', '1,116.00'],
      ],
      [
        ...['05-10-2026', 'SI/D001/0001', 'D001', 'O00001', 'SKU-0002', 12],
        ...[12, 0, '1,080.00', '0.00', '21.60', '1,058.40'],
      ],
    ]);
    const preview = await inspectFile(ws.db, { path, kind: 'sales', locale: 'en-IN' });
    expect(preview.mapping).toMatchObject({
      qty: 'Invoice Qty (PCS)',
      discount_part_1: 'Scheme Discount',
      discount_part_2: 'Trade Discount',
    });
    expect(preview.mapping.discount).toBeUndefined();
    const r = await importFile(ws, path, { kind: 'sales', dateOrder: 'dmy' });
    expect(r.decisions.map((d) => d.decision)).toContain(
      'Discount is the sum of the columns Scheme Discount, Trade Discount',
    );
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.qty, s.gross_value, s.discount, s.net_value])).toEqual([
      [24000, 120000, 8400, 111600],
      [12000, 108000, 2160, 105840],
    ]);
    // A DMS's bill register: a Scheme Amount and a Cash Discount, a Bill Amount on each line and no
    // net; a cancelled bill by its Bill Status.
    const bills = [
      [
        ...['Bill No', 'Bill Date', 'Bill Status', 'Distributor Code', 'Outlet Code', 'Product Code', 'Billed Qty'],
        ...['Gross Value', 'Scheme Amount', 'Cash Discount', 'Tax Amount', 'Bill Amount'],
      ],
      [
        ...['B/1', '05-10-2026', 'Delivered', 'D001', 'O00001', 'SKU-0001', 10],
        ...['2316.00', '115.80', '22.00', '393.72', '2571.92'],
      ],
      [
        ...['B/2', '05-10-2026', 'Cancelled', 'D001', 'O00001', 'SKU-0002', 5],
        ...['400.00', '0', '0', '72.00', '472.00'],
      ],
      [
        ...['B/3', '06-10-2026', 'Delivered', 'D001', 'O00001', 'SKU-0002', 2],
        ...['160.00', '0', '0', '28.80', '188.80'],
      ],
    ];
    const register = await importFile(ws, file('dms-bills.csv', bills), { kind: 'sales', dateOrder: 'dmy' });
    expect(register.errors).toEqual([]);
    expect([register.skipped, register.warnings]).toEqual([{ cancelled: 1 }, []]);
    expect(register.decisions.map((d) => d.decision)).toContain(
      '"Bill Amount" is each line\'s amount with its tax, not the bill\'s total: on every line read it is "Gross Value" less "Scheme Amount", less "Cash Discount" plus the tax, so each line\'s net value is it less its tax',
    );
    expect(storedRows(ws, 'sales', register.batch ?? 0).map((s) => [s.doc_no, s.discount, s.net_value, s.tax])).toEqual(
      [
        ['B/1', 13780, 217820, 39372],
        ['B/3', 0, 16000, 2880],
      ],
    );
    // A bill whose goods came back is a sale until its credit note comes: without one in the file, a warning.
    const returned = bills.map((r) => r.map((c) => (c === 'Cancelled' ? 'Returned' : c)));
    const marked = await importFile(ws, file('dms-returned.csv', returned), { kind: 'sales', dryRun: true });
    expect(marked.warnings).toEqual([
      '1 line has a status saying the goods came back or never arrived ("Returned"), and the file has no credit note: it is counted as sales, as a bill is until its credit note is imported. Import the credit notes for it, or leave it out of the file, before a run pays on it',
    ]);
    const credited = [
      ...returned,
      ['B/4', '07-10-2026', 'Delivered', 'D001', 'O00001', 'SKU-0002', -5, '-400.00', '0', '0', '-72.00', '-472.00'],
    ];
    const withCredit = await importFile(ws, file('dms-credited.csv', credited), { kind: 'sales', dryRun: true });
    expect(withCredit.warnings).toEqual([]);
    // A bill's total written on each of its two lines is no line's amount: refused, saying so.
    const totals = bills.map((r, i) => (i === 3 ? [...r.slice(0, 11), '2760.72'] : r));
    totals[3] = ['B/1', ...(totals[3] ?? []).slice(1)];
    await expect(importFile(ws, file('dms-bill-totals.csv', totals), { kind: 'sales' })).rejects.toThrow(
      'no column for Net value ("Bill Amount" is no line\'s amount: on a line of the first rows it is not "Gross Value" less the discount plus the tax, and a bill\'s total is never spread over its lines) in header row 1',
    );
    // Beside the discount itself, a kind of discount is left to it.
    const total = file('dms-discount.csv', [
      ['Invoice Date', 'Invoice Number', 'Distributor Code', 'SKU Code', 'Qty', 'Discount', 'Trade Discount', 'Amount'],
      ['05-10-2026', 'SI/1', 'D001', 'SKU-0001', 2, '30.00', '10.00', '170.00'],
    ]);
    expect((await inspectFile(ws.db, { path: total, kind: 'sales', locale: 'en-IN' })).mapping).toMatchObject({
      discount: 'Discount',
    });
  });
});

describe("a distributor management system's collections", () => {
  it("refuses a DMS's outstanding and collections of retailers, saying they are outlets', never offering the retailer as the distributor", async () => {
    const outstanding = file('retailer outstanding.csv', [
      ['Retailer Code', 'Retailer Name', 'Bill No', 'Bill Date', 'Bill Amount', 'Balance Amount'],
      ['O00001', 'Sharma Kirana', 'BL0001', '05-09-2026', '2558.48', '1558.48'],
    ]);
    await expect(
      importFile(ws, outstanding, { kind: 'receivables', defaults: { as_of: '31-10-2026' } }),
    ).rejects.toThrow(
      'no column for Distributor ("Retailer Code" names outlets: this file is of what outlets owe their distributors, and SchemeDesk reads what distributors owe the company; import the distributors\' bills) in header row 1',
    );
    const collections = file('retailer collections.csv', [
      ['Collection Date', 'Receipt No', 'Outlet Code', 'Amount'],
      ['06-10-2026', 'RC-1', 'O00001', '1000.00'],
    ]);
    await expect(importFile(ws, collections, { kind: 'payments' })).rejects.toThrow(
      '("Outlet Code" names outlets: this file is of what outlets paid their distributors, and SchemeDesk reads what distributors paid the company; import the distributors\' receipts)',
    );
  });

  it('leaves out a receipt whose cheque bounced, has not cleared yet or is post-dated, or whose transfer failed: no money came', async () => {
    const result = await importFile(
      ws,
      file('Collections.csv', [
        ['Collection No', 'Collection Date', 'Dealer Code', 'Collected Amount', 'Payment Mode', 'Chq Status'],
        ['C/1', '2026-10-05', 'D001', '1,000.00', 'Cheque', 'Cleared'],
        ['C/2', '2026-10-06', 'D001', '500.00', 'Cheque', 'Bounced'],
        ['C/3', '2026-10-07', 'D002', '700.00', 'Cheque', 'Cheque Dishonoured'],
        ['C/4', '2026-10-08', 'D002', '300.00', 'NEFT', 'Failed'],
        ['C/5', '2026-10-09', 'D002', '200.00', 'Cash', null],
        ['C/6', '2026-10-10', 'D001', '400.00', 'Cheque', 'Pending Clearance'],
        ['C/7', '2026-10-11', 'D001', '900.00', 'Cheque', 'PDC'],
        ['C/8', '2026-10-12', 'D002', '100.00', 'Cheque', 'Unrealised'],
      ]),
      { kind: 'payments' },
    );
    expect(result.errors).toEqual([]);
    expect(result.skipped).toEqual({ bounced: 2, failed: 1, 'not yet cleared': 3 });
    expect(storedRows(ws, 'payments', result.batch ?? 0).map((p) => [p.receipt_no, p.amount])).toEqual([
      ['C/1', 100_000],
      ['C/5', 20_000],
    ]);
  });
});

describe("receipts booked as the customer's ledger books them: money received negative", () => {
  it("reads SAP's customer line items and Business Central's ledger entries: a payment credits the party", async () => {
    const sap = await importFile(
      ws,
      file('FBL5N.csv', [
        ['Customer', 'Document Number', 'Document Type', 'Posting Date', 'Amount in local currency', 'Text'],
        ['D001', '1400000012', 'DZ', '2026-10-05', '-1,000.00', 'Cheque 4411'],
        ['D001', '90000001', 'RV', '2026-10-01', '5,900.00', null],
        // A payment reversed: a debit to the party.
        ['D002', '1400000013', 'DZ', '2026-10-09', '250.00', 'Reversal'],
        ['D002', '1400000014', 'DZ', '2026-10-07', '-700.00', null],
        ['D002', '1600000001', 'DG', '2026-10-08', '-118.00', null],
      ]),
      { kind: 'payments' },
    );
    expect(sap.errors).toEqual([]);
    expect(sap.skipped).toEqual({ 'type:RV': 1, 'type:DG': 1 });
    expect(sap.decisions.map((d) => d.decision)).toContain(
      "The file writes its amounts as the customer's ledger books them: money received is negative (a credit to the party), an invoice positive, so each amount's sign is turned (a receipt positive, a reversal of one negative)",
    );
    expect(storedRows(ws, 'payments', sap.batch ?? 0).map((p) => [p.receipt_no, p.amount])).toEqual([
      ['1400000012', 100_000],
      ['1400000013', -25_000],
      ['1400000014', 70_000],
    ]);
    // Business Central: "Payment" is money received where it credits the customer, whatever Tally calls it.
    const bc = await importFile(
      ws,
      file('Customer Ledger Entries.csv', [
        ['Posting Date', 'Document Type', 'Document No.', 'Customer No.', 'Description', 'Amount', 'Remaining Amount'],
        ['2026-10-06', 'Invoice', 'PSI-1001', 'D003', 'Order 1001', '5,900.00', '4,900.00'],
        ['2026-10-10', 'Payment', 'PMT-0007', 'D003', 'Payment', '-1,000.00', '0.00'],
        ['2026-10-12', 'Refund', 'RFD-0001', 'D004', 'Refund', '40.00', '0.00'],
      ]),
      { kind: 'payments' },
    );
    expect(bc.errors).toEqual([]);
    expect(storedRows(ws, 'payments', bc.batch ?? 0).map((p) => [p.receipt_no, p.distributor_code, p.amount])).toEqual([
      ['PMT-0007', 'D003', 100_000],
    ]);
  });

  it('turns the signs of a receipts file whose receipts are mostly negative, and leaves a few reversals among positive ones', async () => {
    const negative = await importFile(
      ws,
      file('receipts-negative.csv', [
        ['Receipt No', 'Date', 'Customer Code', 'Amount'],
        ['R/1', '2026-10-05', 'D001', '-1,000.00'],
        ['R/2', '2026-10-06', 'D001', '-500.00'],
        ['R/3', '2026-10-07', 'D002', '200.00'],
      ]),
      { kind: 'payments' },
    );
    expect(storedRows(ws, 'payments', negative.batch ?? 0).map((p) => p.amount)).toEqual([100_000, 50_000, -20_000]);
    const positive = await importFile(
      ws,
      file('receipts-positive.csv', [
        ['Receipt No', 'Date', 'Customer Code', 'Amount'],
        ['R/4', '2026-10-05', 'D001', '1,000.00'],
        ['R/5', '2026-10-06', 'D001', '-500.00'],
        ['R/6', '2026-10-07', 'D002', '200.00'],
      ]),
      { kind: 'payments' },
    );
    expect(positive.decisions.some((d) => d.decision.includes('ledger'))).toBe(false);
    expect(storedRows(ws, 'payments', positive.batch ?? 0).map((p) => p.amount)).toEqual([100_000, -50_000, 20_000]);
  });

  it("reads Tally's Bank Book from the bank's side: a receipt under Debit, a payment out under Credit", async () => {
    const book = await importFile(
      ws,
      file('Bank Book.csv', [
        ['HDFC Bank A/c'],
        ['1-Oct-2026 to 31-Oct-2026'],
        ['Date', 'Particulars', 'Vch Type', 'Vch No.', 'Debit', 'Credit'],
        ['10-Oct-2026', 'D001', 'Receipt', 'R1', '1,180.00', null],
        ['11-Oct-2026', 'Sharma Packaging', 'Payment', 'P1', null, '5,000.00'],
        ['12-Oct-2026', 'D002', 'Receipt', 'R2', '590.00', null],
        // A receipt taken back (a cheque returned unpaid): the bank credited.
        ['14-Oct-2026', 'D002', 'Receipt', 'R3', null, '100.00'],
        ['15-Oct-2026', 'Cash', 'Contra', 'C1', null, '2,000.00'],
      ]),
      { kind: 'payments' },
    );
    expect(book.errors).toEqual([]);
    expect(book.skipped).toEqual({ 'type:Payment': 1, 'type:Contra': 1 });
    expect(book.decisions.map((d) => d.decision)).toContain(
      'The receipts read are under "Debit", not "Credit": the lines are the bank\'s or the cash\'s side of each entry (Tally\'s Bank Book, Cash Book), where money received is a debit and money paid out a credit, so each amount is its debit less its credit',
    );
    // Read from the party's side, every receipt was one taken back: -1,670.00 for 1,670.00.
    expect(storedRows(ws, 'payments', book.batch ?? 0).map((p) => [p.receipt_no, p.amount])).toEqual([
      ['R1', 118_000],
      ['R2', 59_000],
      ['R3', -10_000],
    ]);
  });

  it("leaves a party's ledger of Debit / Credit amounts without types as the party's side, bills outnumbering receipts", async () => {
    const ledger = await importFile(
      ws,
      file('Ledger.csv', [
        ['Date', 'Party', 'Receipt No', 'Debit', 'Credit'],
        ['10-Oct-2026', 'D001', 'R1', '200.00', null],
        ['11-Oct-2026', 'D001', 'R2', '300.00', null],
        ['12-Oct-2026', 'D001', 'R3', null, '1,000.00'],
      ]),
      { kind: 'payments' },
    );
    expect(storedRows(ws, 'payments', ledger.batch ?? 0).map((p) => p.amount)).toEqual([-20_000, -30_000, 100_000]);
  });
});

describe("a distributors master's status asked as a question", () => {
  it('stores Blocked: Y and Is Active: FALSE as the words they mean, and any other status as written', async () => {
    const statuses = (batch: number | null) =>
      storedRows(ws, 'distributors', batch ?? 0).map((d) => [d.code, d.status]);
    const blocked = await importFile(
      ws,
      file('customers.csv', [
        ['Customer Code', 'Customer Name', 'Blocked'],
        ['D901', 'Sai Agencies', 'Y'],
        ['D902', 'Om Traders', 'N'],
        ['D903', 'Jai Stores', null],
      ]),
      { kind: 'distributors' },
    );
    expect(statuses(blocked.batch)).toEqual([
      ['D901', 'Blocked'],
      ['D902', 'Active'],
      ['D903', null],
    ]);
    const active = await importFile(
      ws,
      file('dealers.csv', [
        ['Code', 'Name', 'Is Active'],
        ['D904', 'Ram Agencies', 'FALSE'],
        ['D905', 'Shyam Traders', 'TRUE'],
        ['D906', 'Ganga Stores', 'Dormant'],
      ]),
      { kind: 'distributors' },
    );
    expect(statuses(active.batch)).toEqual([
      ['D904', 'Inactive'],
      ['D905', 'Active'],
      ['D906', 'Dormant'],
    ]);
  });
});

describe("the GST portal's e-invoices", () => {
  it('leaves out an invoice whose IRN was cancelled (CNL)', async () => {
    const result = await importFile(
      ws,
      file('e-invoices.csv', [
        ['Doc No', 'Doc Date', 'Buyer Code', 'Taxable Value', 'IRN Status'],
        ['EI/1', '2026-10-05', 'D001', '1,000.00', 'ACT'],
        ['EI/2', '2026-10-06', 'D001', '500.00', 'CNL'],
      ]),
      { kind: 'sales' },
    );
    expect(result.errors).toEqual([]);
    expect(result.skipped).toEqual({ cancelled: 1 });
    expect(storedRows(ws, 'sales', result.batch ?? 0).map((s) => [s.doc_no, s.net_value])).toEqual([['EI/1', 100_000]]);
  });
});

describe('registers of returns', () => {
  it("takes every row of a register its title names as returns as a credit note (Busy's Sales Return, Tally's Credit Note Register)", async () => {
    const busy = file('busy-sales-return.csv', [
      ['KEPL Pvt Ltd'],
      ['Sales Return Register (1-10-2026 to 31-10-2026)'],
      ['Date', 'Vch/Bill No', 'Account', 'Type', 'Total Amount'],
      ['17-10-2026', 'SR/1', 'Annapurna Distributors', 'L/GST-18%', '1,180.00'],
    ]);
    // The dialog's preview says so too, once the Type is read as GST types.
    const preview = await inspectFile(ws.db, { path: busy, kind: 'sales', locale: 'en-IN' });
    expect(preview.decisions).toContain('Every row is a credit note: the title says so; stored negative');
    const returned = await importFile(ws, busy, { kind: 'sales' });
    expect(returned.errors).toEqual([]);
    expect(returned.decisions.map((d) => d.decision)).toContain(
      'Every row is a credit note: the title says so; stored negative',
    );
    expect(storedRows(ws, 'sales', returned.batch ?? 0).map((s) => [s.doc_type, s.net_value, s.tax])).toEqual([
      ['credit_note', -100000, -18000],
    ]);

    const tally = file('credit-note-register.csv', [
      ['Acme Consumer Products Pvt. Ltd.'],
      ['Credit Note Register'],
      ['1-Oct-2026 to 31-Oct-2026'],
      ['Date', 'Particulars', 'Voucher No.', 'Value', 'Gross Total'],
      ['12-Oct-2026', 'Annapurna Distributors', 'CN/7', '500.00', '590.00'],
    ]);
    const credited = await importFile(ws, tally, { kind: 'sales' });
    expect(credited.errors).toEqual([]);
    expect(storedRows(ws, 'sales', credited.batch ?? 0).map((s) => [s.doc_type, s.net_value])).toEqual([
      ['credit_note', -50000],
    ]);

    // A sales register that only mentions returns in its title is not one.
    const sales = file('sales-register.csv', [
      ['Sales Register (net of sales returns)'],
      ['Date', 'Particulars', 'Voucher No.', 'Value', 'Gross Total'],
      ['12-Oct-2026', 'Annapurna Distributors', 'S/7', '500.00', '590.00'],
    ]);
    const sold = await importFile(ws, sales, { kind: 'sales' });
    expect(storedRows(ws, 'sales', sold.batch ?? 0).map((s) => [s.doc_type, s.net_value])).toEqual([
      ['invoice', 50000],
    ]);
  });

  it('takes every row of a workbook\'s "Sales Return" sheet as a credit note, and its "Sales" sheet as invoices', async () => {
    const sheet = (name: string, no: string) => ({
      name,
      rows: [
        ['Date', 'Vch/Bill No', 'Party Code', 'Net Amount'],
        ['17-10-2026', no, 'D001', '1,000.00'],
      ],
    });
    const path = await writeXlsx(join(dir, 'register.xlsx'), [sheet('Sales', 'S/1'), sheet('Sales Return', 'SR/1')]);
    const returned = await importFile(ws, path, { kind: 'sales', sheet: 'Sales Return' });
    expect(returned.errors).toEqual([]);
    expect(returned.decisions.map((d) => d.decision)).toContain(
      'Every row is a credit note: the sheet\'s name ("Sales Return") says so; stored negative',
    );
    const sold = await importFile(ws, path, { kind: 'sales', sheet: 'Sales' });
    expect(
      [returned, sold].flatMap((r) => storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_type, s.net_value])),
    ).toEqual([
      ['credit_note', -100000],
      ['invoice', 100000],
    ]);
  });
});

describe('a bill register with no taxable column', () => {
  it('takes each Net Amt less its GST as the net where the Net Amt is the gross less the discount plus the GST', async () => {
    const path = file('bills-without-taxable.csv', [
      [
        'Bill No',
        'Bill Date',
        'Distributor Code',
        'SKU Code',
        'Qty',
        'Rate',
        'Gross Amt',
        'Disc Amt',
        'GST Amt',
        'Net Amt',
      ],
      ['B-2001', '2026-10-01', 'D001', 'SKU-0001', 10, '100.00', '1000.00', '79.30', '165.73', '1086.43'],
      ['B-2002', '2026-10-02', 'D001', 'SKU-0002', 1, '80.00', '80.00', '0.00', '0.00', '80.00'],
    ]);
    const note =
      '"Net Amt" is each line\'s amount with its tax: on every line read it is "Gross Amt" less "Disc Amt" plus the tax, so each line\'s net value is it less its tax';
    const preview = await inspectFile(ws.db, { path, kind: 'sales', locale: 'en-IN' });
    expect(preview.mapping).toMatchObject({ with_tax: 'Net Amt', gross_value: 'Gross Amt', discount: 'Disc Amt' });
    expect(preview.mapping.net_value).toBeUndefined();
    expect(preview.decisions).toContain(note);
    const sentBack = await importFile(ws, path, { kind: 'sales', mapping: preview.mapping, dryRun: true });
    expect(sentBack.totals.net_value).toBe('1000.70');
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.decisions.map((d) => d.decision)).toContain(note);
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.gross_value, s.discount, s.net_value, s.tax])).toEqual([
      [100000, 7930, 92070, 16573],
      [8000, 0, 8000, 0],
    ]);
  });
});

describe('a bill list with totals and no tax (Vyapar)', () => {
  it('takes each total as the net, says it holds any GST, and warns', async () => {
    const path = file('vyapar-sale-report.csv', [
      ['Date', 'Invoice No', 'Party Name', 'Transaction Type', 'Total Amount', 'Received / Paid Amount', 'Balance Due'],
      ['2026-10-01', '1', 'Annapurna Distributors', 'Sale', '11,800.00', '5,000.00', '6,800.00'],
      ['2026-10-05', '1', 'Annapurna Distributors', 'Credit Note', '1,180.00', '0.00', '1,180.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.decisions.map((d) => d.decision)).toContain(
      "The file writes no net value and no tax: each document's net value is its Total Amount, tax and all",
    );
    expect(r.warnings).toEqual([
      '"Total Amount" is each bill\'s total, tax included, and the file writes no tax to take off: the net values include any GST the bills charged; import a register with its tax (or taxable value) columns for net sales',
    ]);
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_type, s.net_value])).toEqual([
      ['invoice', 1180000],
      ['credit_note', -118000],
    ]);
  });
});

describe("Odoo's export of invoice lines", () => {
  it('reads its paths (Invoice lines/Product), its lines under each invoice, and its products named with their code', async () => {
    const path = file('Journal Entry (account.move).csv', [
      [
        'Invoice Partner Display Name',
        'Invoice/Bill Date',
        'Number',
        'Type',
        'Invoice lines/Product',
        'Invoice lines/Quantity',
        'Invoice lines/Unit Price',
        'Invoice lines/Subtotal',
        'Total',
        'Status',
      ],
      [
        'Annapurna Distributors',
        '2026-10-05',
        'INV/2026/00041',
        'Customer Invoice',
        '[SKU-0001] Sunrise Coffee 50 g',
        '10.00',
        '100.00',
        '1000.00',
        '1475.00',
        'Posted',
      ],
      [null, null, null, null, '[SKU-0002] Crunchy Biscuits 100 g', '5.00', '50.00', '250.00', null, null],
      [
        'Kaveri Enterprises',
        '2026-10-08',
        'RINV/2026/00003',
        'Customer Credit Note',
        '[SKU-0001] Sunrise Coffee 50 g',
        '2.00',
        '100.00',
        '200.00',
        '236.00',
        'Posted',
      ],
      [
        'Kaveri Enterprises',
        '2026-10-09',
        'INV/2026/00043',
        'Customer Invoice',
        '[SKU-0001] Sunrise Coffee 50 g',
        '1.00',
        '100.00',
        '100.00',
        '118.00',
        'Draft',
      ],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.mapping).toMatchObject({
      distributor_code: 'Invoice Partner Display Name',
      doc_date: 'Invoice/Bill Date',
      doc_no: 'Number',
      sku: 'Invoice lines/Product',
      qty: 'Invoice lines/Quantity',
      net_value: 'Invoice lines/Subtotal',
    });
    expect(r.skipped).toEqual({ draft: 1 });
    expect(
      storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.doc_type, s.distributor_code, s.sku, s.net_value]),
    ).toEqual([
      ['INV/2026/00041', 'invoice', 'D001', 'SKU-0001', 100_000],
      ['INV/2026/00041', 'invoice', 'D001', 'SKU-0002', 25_000],
      ['RINV/2026/00003', 'credit_note', 'D003', 'SKU-0001', -20_000],
    ]);
    expect(r.decisions.map((d) => d.decision)).toContainEqual(
      expect.stringContaining('"[SKU-0001] Sunrise Coffee 50 g" is SKU-0001'),
    );
  });

  it("reads each line's Subtotal as its amount beside the invoice's Untaxed Amount, which only the invoice's first row writes", async () => {
    const path = file('Invoices (account.move).csv', [
      [
        'Number',
        'Invoice/Bill Date',
        'Partner',
        'Invoice lines/Product',
        'Invoice lines/Quantity',
        'Invoice lines/Subtotal',
        'Untaxed Amount',
        'Tax',
        'Total',
      ],
      ['INV/2026/00012', '2026-10-05', 'D001', 'SKU-0001', '10.00', '2000.00', '3200.00', '576.00', '3776.00'],
      [null, null, null, 'SKU-0002', '10.00', '1200.00', null, null, null],
      ['INV/2026/00013', '2026-10-07', 'D002', 'SKU-0001', '5.00', '1000.00', '1000.00', '180.00', '1180.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.mapping).toMatchObject({ net_value: 'Invoice lines/Subtotal' });
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.sku, s.net_value, s.tax])).toEqual([
      ['INV/2026/00012', 'SKU-0001', 200_000, 57_600],
      ['INV/2026/00012', 'SKU-0002', 120_000, null],
      ['INV/2026/00013', 'SKU-0001', 100_000, 18_000],
    ]);
  });

  it("reads what each line's invoice says of it by its path (Invoice/Invoice Date, Invoice/Partner, Invoice/Status), the invoice's Total as its total, not a line's amount", async () => {
    const header = ['Invoice/Number', 'Invoice/Invoice Date', 'Invoice/Partner', 'Invoice/Status', 'Invoice/Total'];
    const path = file('Journal Items (account.move.line).csv', [
      [...header, 'Product', 'Quantity', 'Unit Price', 'Subtotal'],
      ['INV/2026/00061', '2026-10-03', 'D001', 'Posted', '1652.00', 'SKU-0001', '10', '100.00', '900.00'],
      ['INV/2026/00061', '2026-10-03', 'D001', 'Posted', '1652.00', 'SKU-0002', '5', '100.00', '500.00'],
      ['INV/2026/00062', '2026-10-04', 'D002', 'Draft', '560.00', 'SKU-0002', '5', '100.00', '500.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.mapping).toMatchObject({
      doc_no: 'Invoice/Number',
      doc_date: 'Invoice/Invoice Date',
      distributor_code: 'Invoice/Partner',
      status: 'Invoice/Status',
      // The invoice's Total is its total, tax included, not a line's amount.
      gross_total: 'Invoice/Total',
      net_value: 'Subtotal',
    });
    expect(r.skipped).toEqual({ draft: 1 });
    expect(
      storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.doc_date, s.distributor_code, s.net_value]),
    ).toEqual([
      ['INV/2026/00061', '2026-10-03', 'D001', 90_000],
      ['INV/2026/00061', '2026-10-03', 'D001', 50_000],
    ]);
  });

  it("takes a product's Internal Reference before its display name, and a header known whole before one known by a part", async () => {
    const path = file('lines.csv', [
      [
        'Number',
        'Invoice lines/Date',
        'Invoice Date',
        'Partner',
        'Invoice lines/Product/Name',
        'Invoice lines/Product/Internal Reference',
        'Invoice lines/Quantity',
        'Invoice lines/Subtotal',
      ],
      ['INV/2026/00050', '2026-10-01', '2026-10-02', 'D001', 'Renamed Coffee', 'SKU-0001', '3', '300.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.mapping).toMatchObject({
      doc_date: 'Invoice Date',
      distributor_code: 'Partner',
      sku: 'Invoice lines/Product/Internal Reference',
    });
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_date, s.sku, s.net_value])).toEqual([
      ['2026-10-02', 'SKU-0001', 30_000],
    ]);
  });

  describe('refunds (RINV/…) where the export leaves out its Type', () => {
    const header = [
      'Number',
      'Invoice Date',
      'Partner',
      'Invoice lines/Product',
      'Invoice lines/Quantity',
      'Invoice lines/Subtotal',
    ];
    const refunds = [
      ['INV/2026/00041', '2026-10-03', 'D001', 'SKU-0001', '10', '1000.00'],
      ['RINV/2026/00003', '2026-10-06', 'D002', 'SKU-0002', '1', '100.00'],
      ['RINV/2026/00003', '2026-10-06', 'D002', 'SKU-0001', '1', '50.00'],
      ['RINV.2026.7', '2026-10-07', 'D002', 'SKU-0001', '1', '70.00'],
    ];
    const untyped = () => file('untyped-refunds.csv', [header, ...refunds]);

    it('warns of refunds (RINV/…) read as sales where the export leaves out its Type, and not where it has one', async () => {
      const lines = refunds.slice(0, 3);
      // Each series is named, to be said in one step.
      const credit = ['CN-00012', '2026-10-08', 'D001', 'SKU-0001', '1', '20.00'];
      const warned = await importFile(ws, file('untyped.csv', [header, ...lines, credit]), {
        kind: 'sales',
        dryRun: true,
      });
      expect(warned.warnings).toEqual([
        '2 lines of documents numbered as credit notes ("RINV/2026/00003") have a positive amount and the file gives no document type, so they are read as sales: if they are credit notes (returns), say so by their numbers (--type-map "RINV/*=credit_note", or in the import dialog), or export the file with its type column (Odoo\'s Type), before a run counts them as sales',
        '1 line of documents numbered as credit notes ("CN-00012") has a positive amount and the file gives no document type, so it is read as sales: if it is a credit note (a return), say so by its number (--type-map "CN-*=credit_note", or in the import dialog), or export the file with its type column (Odoo\'s Type), before a run counts them as sales',
      ]);
      const typed = await importFile(
        ws,
        file('typed.csv', [
          ['Type', ...header],
          ...lines.map((l) => [l[0]?.startsWith('R') ? 'Customer Credit Note' : 'Customer Invoice', ...l]),
        ]),
        { kind: 'sales' },
      );
      expect(typed.warnings).toEqual([]);
      expect(typed.totals).toMatchObject({ net_value: '850.00' });
    });

    it('reads the lines a pattern of the type map names as credit notes, the rest by their sign', async () => {
      const r = await importFile(ws, untyped(), { kind: 'sales', typeMap: { 'RINV/*': 'credit_note' } });
      expect(r.errors).toEqual([]);
      // The dot of RINV.2026.7 is no pattern's "any character": that number is a sale, and warned of.
      expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.doc_type, s.net_value, s.qty])).toEqual([
        ['INV/2026/00041', 'invoice', 100_000, 10_000],
        ['RINV/2026/00003', 'credit_note', -10_000, -1_000],
        ['RINV/2026/00003', 'credit_note', -5_000, -1_000],
        ['RINV.2026.7', 'invoice', 7_000, 1_000],
      ]);
      expect(r.decisions.map((d) => d.decision)).toContain(
        '2 lines of documents numbered RINV/* are read as credit notes, as the type map says (the file gives no type)',
      );
      expect(r.warnings).toEqual([
        expect.stringContaining('1 line of documents numbered as credit notes ("RINV.2026.7") has a positive amount'),
      ]);
      expect(r.warnings[0]).toContain('--type-map "RINV.*=credit_note"');
    });

    it('skips them, refuses one read as an invoice with a negative amount, and says when a pattern names nothing', async () => {
      const skipped = await importFile(ws, untyped(), {
        kind: 'sales',
        dryRun: true,
        typeMap: { 'RINV*': 'skip', 'CN-*': 'credit_note' },
      });
      expect(skipped.rows).toBe(1);
      expect(skipped.skippedSummary).toBe('skipped 3 non-sales documents: numbered RINV* 3');
      expect(skipped.decisions.map((d) => d.decision)).toContain(
        'no line the file gives no type is numbered CN-*, which the type map reads as credit notes',
      );
      const negative = file('negative.csv', [
        header,
        ['INV/2026/00042', '2026-10-03', 'D001', 'SKU-0001', '-2', '-200.00'],
      ]);
      const refused = await importFile(ws, negative, { kind: 'sales', dryRun: true, typeMap: { 'INV/*': 'invoice' } });
      expect(refused.errors.map((e) => e.message)).toEqual([
        'a negative amount on a line marked as an invoice (make it a credit note, or correct the sign)',
      ]);
    });

    it('leaves a line the file gives a type to its type, and refuses a pattern for receipts', async () => {
      const typed = file('typed-refunds.csv', [
        ['Type', ...header],
        ['Customer Invoice', ...(refunds[0] as string[])],
        ['', ...(refunds[1] as string[])],
        ['Customer Invoice', ...(refunds[2] as string[])],
      ]);
      const r = await importFile(ws, typed, { kind: 'sales', dryRun: true, typeMap: { 'RINV/*': 'credit_note' } });
      expect(r.totals).toMatchObject({ net_value: '950.00' });
      await expect(
        importFile(ws, untyped(), { kind: 'payments', dryRun: true, typeMap: { 'RCT/*': 'skip' } }),
      ).rejects.toThrow(
        'only a sales file\'s documents are read by their numbers, not a payments file\'s ("RCT/*=skip")',
      );
    });

    it("shows the dialog the series of credit notes' numbers, and the patterns of the type map, with their rows", async () => {
      const preview = await inspectFile(ws.db, {
        path: untyped(),
        kind: 'sales',
        locale: 'en-IN',
        typeMap: { 'INV/*': 'invoice' },
      });
      expect(preview.documentTypes).toEqual([
        { name: 'INV/*', rows: 1, as: 'invoice', why: 'number' },
        { name: 'RINV/*', rows: 2, as: null, why: 'number' },
        { name: 'RINV.*', rows: 1, as: null, why: 'number' },
      ]);
    });
  });
});

describe('a file of journal lines, sales written as negative', () => {
  it('turns the signs where every invoice line is negative and every credit note positive, with a type column', async () => {
    const header = [
      'Type',
      'Number',
      'Invoice/Bill Date',
      'Partner',
      'Invoice lines/Product',
      'Invoice lines/Quantity',
    ];
    const path = file('journal-typed.csv', [
      [...header, 'Invoice lines/Amount in Currency'],
      ['Customer Invoice', 'INV/2026/00041', '2026-10-05', 'D001', 'SKU-0001', '10.00', '-1000.00'],
      ['Customer Invoice', 'INV/2026/00041', '2026-10-05', 'D001', 'SKU-0002', '5.00', '-250.00'],
      ['Customer Credit Note', 'RINV/2026/00003', '2026-10-08', 'D001', 'SKU-0001', '2.00', '200.00'],
    ]);
    const r = await importFile(ws, path, {
      kind: 'sales',
      map: { net_value: 'Invoice lines/Amount in Currency' },
    });
    expect(r.errors).toEqual([]);
    expect(r.decisions.map((d) => d.decision)).toContain(
      "The file writes its amounts as a journal books them: every invoice line read is negative and every credit note positive, so each amount's sign is turned (an invoice positive, a credit note negative)",
    );
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_type, s.qty, s.net_value])).toEqual([
      ['invoice', 10_000, 100_000],
      ['invoice', 5_000, 25_000],
      ['credit_note', -2_000, -20_000],
    ]);
    // One positive invoice line and the file is read as written: the negative ones are refused.
    const mixed = file('journal-mixed.csv', [
      [...header, 'Amount'],
      ['Customer Invoice', 'INV/2026/00051', '2026-10-05', 'D001', 'SKU-0001', '10.00', '-1000.00'],
      ['Customer Invoice', 'INV/2026/00052', '2026-10-06', 'D001', 'SKU-0001', '1.00', '100.00'],
    ]);
    await expect(importFile(ws, mixed, { kind: 'sales', dryRun: true })).resolves.toMatchObject({
      rejected: 1,
      errors: [
        expect.objectContaining({
          row: 2,
          message: expect.stringMatching(/^a negative amount on a line marked as an invoice/),
        }),
      ],
    });
  });

  it('warns where most lines are negative and no column gives a type: each would count as a return', async () => {
    const path = file('journal.csv', [
      ['Invoice No', 'Invoice Date', 'Distributor Code', 'SKU', 'Qty', 'Net Value'],
      ['J1', '2026-10-05', 'D001', 'SKU-0001', 2, '-150.00'],
      ['J2', '2026-10-06', 'D003', 'SKU-0002', 1, '-99.50'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([expect.stringMatching(/^Every one of the 2 lines has a negative amount/)]);
    const mixed = await importFile(
      ws,
      file('mixed.csv', [
        ['Invoice No', 'Invoice Date', 'Distributor Code', 'SKU', 'Qty', 'Net Value'],
        ['J3', '2026-10-05', 'D001', 'SKU-0001', 2, '150.00'],
        ['J4', '2026-10-06', 'D001', 'SKU-0001', -1, '-75.00'],
      ]),
      { kind: 'sales' },
    );
    expect(mixed.warnings).toEqual([]);
    // Sales negative and a return positive, as a revenue account's line items write them.
    const mostlyPath = file('mostly negative.csv', [
      ['Invoice No', 'Invoice Date', 'Distributor Code', 'SKU', 'Qty', 'Net Value'],
      ['J5', '2026-10-05', 'D001', 'SKU-0001', -2, '-150.00'],
      ['J6', '2026-10-06', 'D003', 'SKU-0002', -1, '-99.50'],
      ['J7', '2026-10-07', 'D001', 'SKU-0001', 1, '75.00'],
    ]);
    const mostly = await importFile(ws, mostlyPath, { kind: 'sales', dryRun: true });
    expect(mostly.warnings).toEqual([
      expect.stringMatching(
        /^2 of the 3 lines have a negative amount, more than are positive, so each is a credit note/,
      ),
    ]);
    // The import dialog says it of the first lines, before Check.
    const preview = await inspectFile(ws.db, { path: mostlyPath, kind: 'sales', locale: 'en-IN' });
    expect(preview.decisions).toContainEqual(
      expect.stringMatching(/^2 of the first 3 lines have a negative amount, more than are positive/),
    );
  });
});

describe("Odoo's invoices, payments and amounts due", () => {
  it('reads its signed amounts, its Customer/Vendor, and leaves its draft payments and bills out', async () => {
    const invoices = await importFile(
      ws,
      file('Invoices.csv', [
        ['Number', 'Invoice Partner Display Name', 'Invoice/Bill Date', 'Untaxed Amount Signed', 'Tax Signed'],
        ['INV/2026/00041', 'Annapurna Distributors', '2026-10-05', '1,250.00', '225.00'],
        ['RINV/2026/00003', 'Annapurna Distributors', '2026-10-08', '-200.00', '-36.00'],
      ]),
      { kind: 'sales' },
    );
    expect(invoices.errors).toEqual([]);
    expect(storedRows(ws, 'sales', invoices.batch ?? 0).map((s) => [s.doc_no, s.doc_type, s.net_value, s.tax])).toEqual(
      [
        ['INV/2026/00041', 'invoice', 125_000, 22_500],
        ['RINV/2026/00003', 'credit_note', -20_000, -3_600],
      ],
    );

    const payments = await importFile(
      ws,
      file('Payments.csv', [
        ['Date', 'Number', 'Journal', 'Payment Method', 'Customer/Vendor', 'Amount Signed', 'Status'],
        ['2026-10-12', 'PBNK1/2026/00007', 'Bank', 'Manual', 'Annapurna Distributors', '11,800.00', 'Posted'],
        ['2026-10-14', 'PBNK1/2026/00008', 'Bank', 'Manual', 'Kaveri Enterprises', '354.00', 'Draft'],
        ['2026-10-15', 'PBNK1/2026/00009', 'Bank', 'Manual', 'Kaveri Enterprises', '100.00', 'Cancelled'],
      ]),
      { kind: 'payments' },
    );
    expect(payments.errors).toEqual([]);
    expect(payments.skipped).toEqual({ draft: 1, cancelled: 1 });
    expect(
      storedRows(ws, 'payments', payments.batch ?? 0).map((p) => [p.receipt_no, p.distributor_code, p.amount]),
    ).toEqual([['PBNK1/2026/00007', 'D001', 1_180_000]]);

    const due = await importFile(
      ws,
      file('Amounts due.csv', [
        ['As of', 'Number', 'Invoice Date', 'Partner', 'Due Date', 'Invoice Amount', 'Amount Due', 'Status'],
        ['2026-10-31', 'INV/2026/00041', '2026-10-05', 'D001', '2026-11-04', '1,475.00', '475.00', 'Posted'],
        ['2026-10-31', 'INV/2026/00044', '2026-10-20', 'D001', '2026-11-19', '590.00', '590.00', 'Draft'],
      ]),
      { kind: 'receivables' },
    );
    expect(due.errors).toEqual([]);
    expect(due.skipped).toEqual({ draft: 1 });
    expect(storedRows(ws, 'receivables', due.batch ?? 0).map((r) => [r.doc_no, r.amount, r.outstanding])).toEqual([
      ['INV/2026/00041', 147_500, 47_500],
    ]);
  });
});

describe('a register of amounts, discount and GST percentages (Marg)', () => {
  const header = ['Date', 'Bill No', 'Party Name', 'Product Name', 'Qty', 'Free', 'Rate', 'Amount', 'Dis%', 'GST%'];

  it('reads GST% as a rate, never a tax, and finds the tax inside a Net Amt that is the amount less the discount plus GST', async () => {
    const path = file('marg-sales.csv', [
      [...header, 'Net Amt'],
      ['05/10/2026', 'A-0041', 'Annapurna Distributors', 'SKU-0001', 10, 1, '100.00', '1000.00', '5.00', 18, '1121.00'],
      ['05/10/2026', 'A-0041', 'Annapurna Distributors', 'SKU-0002', 5, 0, '50.00', '250.00', '0.00', 12, '280.00'],
      ['13/10/2026', 'A-0052', 'Kaveri Enterprises', 'SKU-0001', 3, 0, '100.00', '300.00', '0.00', 0, '300.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.mapping).toMatchObject({ with_tax: 'Net Amt', gst_type: 'GST%' });
    expect(r.mapping.tax).toBeUndefined();
    expect(r.decisions.map((d) => d.decision)).toContain(
      '"Net Amt" is each line\'s amount with its tax: on every line read it is "Amount" less the discount in "Dis%" plus the GST at the rate in "GST%", so each line\'s tax is worked out from it at that rate (18/118 of it at 18 %), to the paisa, and its net value is it less that tax',
    );
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.sku, s.net_value, s.tax])).toEqual([
      ['A-0041', 'SKU-0001', 95_000, 17_100],
      ['A-0041', 'SKU-0002', 25_000, 3_000],
      ['A-0052', 'SKU-0001', 30_000, 0],
    ]);
  });

  it("reads an amount its header says holds the tax at the line's GST rate, and warns where nothing takes the tax off", async () => {
    const path = file('amounts-with-tax.csv', [
      ['Invoice No', 'Invoice Date', 'Party Code', 'Item Code', 'Qty', 'Amount (Incl. Tax)', 'GST %'],
      ['B1', '23/10/2026', 'D001', 'SKU-0001', 10, '1180.00', 18],
      ['B1', '23/10/2026', 'D001', 'SKU-0002', 5, '590.00', 18],
    ]);
    const proposed = await importFile(ws, path, { kind: 'sales', dryRun: true });
    expect(proposed.mapping).toMatchObject({ with_tax: 'Amount (Incl. Tax)', gst_type: 'GST %' });
    expect(proposed.totals).toMatchObject({ net_value: '1500.00', tax: '270.00' });
    expect(proposed.decisions.map((d) => d.decision)).toContain(
      '"Amount (Incl. Tax)" is each line\'s amount with its tax, as its header says: each line\'s tax is worked out from it at the GST rate in "GST %" (18/118 of it at 18 %), to the paisa, and its net value is it less that tax',
    );
    // Chosen by the user, the amount is read as chosen: nothing is looked for beside it.
    const withTax = { with_tax: 'Amount (Incl. Tax)' };
    const taxed = await importFile(ws, path, { kind: 'sales', dryRun: true, map: withTax });
    expect(taxed.totals).toMatchObject({ net_value: '1770.00' });
    expect(taxed.warnings).toEqual([
      '"Amount (Incl. Tax)" is each line\'s amount, tax included, and the file writes no tax or GST rate to take off: the net values include any GST the lines charged; map its tax column (--map tax=HEADER) or its GST rate (--map gst_type=HEADER), or import a register with its tax (or taxable value) columns for net sales',
    ]);
    const net = await importFile(ws, path, { kind: 'sales', dryRun: true, map: { ...withTax, gst_type: 'GST %' } });
    expect(net.totals).toMatchObject({ net_value: '1500.00', tax: '270.00' });
    expect(net.warnings).toEqual([]);
  });

  it('finds the tax inside a Net Amt that is an Amount already after its discount plus GST', async () => {
    const path = file('marg-after-discount.csv', [
      [...header, 'Net Amt'],
      ['05/10/2026', 'A-0071', 'Annapurna Distributors', 'SKU-0001', 10, 1, '45.00', '441.00', '2.00', 5, '463.05'],
      ['15/10/2026', 'A-0071', 'Annapurna Distributors', 'SKU-0002', 24, 0, '10.00', '240.00', '0.00', 18, '283.20'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.mapping).toMatchObject({ with_tax: 'Net Amt', gst_type: 'GST%' });
    expect(r.decisions.map((d) => d.decision)).toContain(
      '"Net Amt" is each line\'s amount with its tax: on every line read it is "Amount" plus the GST at the rate in "GST%", so each line\'s tax is worked out from it at that rate (18/118 of it at 18 %), to the paisa, and its net value is it less that tax',
    );
    // The GST counted as sales before: 746.25 for 681.00.
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.net_value, s.tax])).toEqual([
      [44_100, 2_205],
      [24_000, 4_320],
    ]);
  });

  it('leaves a net that is no amount plus GST as it is, and never takes the GST% for the tax', async () => {
    const path = file('marg-net.csv', [
      [...header, 'Net Amt'],
      ['13/10/2026', 'A-0061', 'Annapurna Distributors', 'SKU-0001', 10, 0, '100.00', '1000.00', '5.00', 18, '950.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.mapping).toMatchObject({ net_value: 'Net Amt' });
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.net_value, s.tax])).toEqual([[95_000, null]]);
  });
});

describe("Odoo's journal items of the income account", () => {
  it('reads each line from the revenue side, where a sale is a credit and a return a debit', async () => {
    const path = file('Journal Items (account.move.line).csv', [
      ['Date', 'Journal Entry', 'Partner', 'Account', 'Product', 'Quantity', 'Debit', 'Credit', 'Balance'],
      ['2026-10-03', 'INV/2026/00041', 'D001', '400000 Product Sales', 'SKU-0001', 10, '0.00', '1000.00', '-1000.00'],
      ['2026-10-04', 'INV/2026/00042', 'D003', '400000 Product Sales', 'SKU-0002', 5, '0.00', '500.00', '-500.00'],
      ['2026-10-06', 'RINV/2026/00003', 'D003', '400000 Product Sales', 'SKU-0002', 1, '100.00', '0.00', '100.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.mapping).toMatchObject({ doc_no: 'Journal Entry', ledger: 'Account', debit_amount: 'Debit' });
    expect(r.decisions.map((d) => d.decision)).toContain(
      '"Account" names a revenue account on every line read ("400000 Product Sales"): the lines are that account\'s side of each entry, where a sale is a credit and a return a debit, so each line\'s amount is its credit less its debit',
    );
    // Read from the party's side, both invoices were credit notes and the refund a sale.
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.doc_type, s.qty, s.net_value])).toEqual([
      ['INV/2026/00041', 'invoice', 10_000, 100_000],
      ['INV/2026/00042', 'invoice', 5_000, 50_000],
      ['RINV/2026/00003', 'credit_note', -1_000, -10_000],
    ]);
  });
});

describe("Tally's Sales Register as it opens, a row per month", () => {
  const summary = (title: string) => [
    ['Acme Foods Pvt Ltd'],
    [title],
    ['1-Apr-2026 to 31-Mar-2027'],
    ['Particulars', 'Transactions Debit', 'Transactions Credit', 'Closing Balance'],
    ['April', null, '12,45,000.00', '12,45,000.00 Cr'],
    ['May', null, '13,10,500.00', '25,55,500.00 Cr'],
    ['June', '20,000.00', '11,90,000.00', '37,25,500.00 Cr'],
    ['Grand Total', '20,000.00', '37,45,500.00', null],
  ];

  it('is refused as a summary of months, saying which report to export, where it offered its totals as the document number and date', async () => {
    await expect(
      importFile(ws, file('Sales Register.csv', summary('Sales Register')), { kind: 'sales' }),
    ).rejects.toThrow(
      /this is a summary of the period month by month \("April", "May" …\), not its vouchers: .*Tally's Sales Register opened on each month/,
    );
    await expect(
      importFile(ws, file('Receipts Register.csv', summary('Receipts Register')), { kind: 'payments' }),
    ).rejects.toThrow(/month by month .*Tally's Receipts Register opened on each month/);
  });

  it("is refused as a summary by customer or item (Zoho Books' Sales by Customer), never offered a count of invoices as their number", async () => {
    const byCustomer = file('Sales by Customer.csv', [
      ['Customer Name', 'Invoice Count', 'Sales', 'Sales With Tax'],
      ['Annapurna Distributors', 12, '4,50,000.00', '5,31,000.00'],
      ['Shiv Shakti Enterprises', 8, '2,10,000.00', '2,47,800.00'],
    ]);
    await expect(importFile(ws, byCustomer, { kind: 'sales' })).rejects.toThrow(
      'Sales by Customer.csv, sheet "Sheet1": this is a summary, a row per "Customer Name" with totals over the period, not its documents',
    );
    const byItem = file('Sales by Item.csv', [
      ['Item Name', 'SKU', 'Quantity Sold', 'Amount', 'Average Price'],
      ['Sunrise Coffee 50 g', 'SKU-0001', '120.00', '34,740.00', '289.50'],
    ]);
    await expect(importFile(ws, byItem, { kind: 'sales' })).rejects.toThrow(
      /a row per "SKU" with totals over the period, not its documents: .*Zoho Books' Invoices or Invoice Details/,
    );
    // Lines that are dated are a register under headers of its own: asked for the columns, as ever,
    // and a count is no document's number.
    const dated = file('Dated.csv', [
      ['Customer Name', 'Invoice Count', 'Posted', 'Sales'],
      ['Annapurna Distributors', 12, '05-10-2026', '4,50,000.00'],
    ]);
    await expect(importFile(ws, dated, { kind: 'sales' })).rejects.toThrow(
      /: no column for Document no; Date \(perhaps "Posted"\) in header row 1/,
    );
  });

  it('leaves a file whose rows begin with months, and whose vouchers are numbered and dated, to be read as ever', async () => {
    const rows = [
      ['Month', 'Invoice No', 'Invoice Date', 'Distributor Code', 'SKU', 'Qty', 'Net Value'],
      ['Oct-26', 'INV-90', '05/10/2026', 'D001', 'SKU-0001', '2', '100.00'],
      ['Oct-26', 'INV-91', '06/10/2026', 'D002', 'SKU-0001', '1', '50.00'],
    ];
    const r = await importFile(ws, file('Lines by month.csv', rows), { kind: 'sales', dateOrder: 'dmy', dryRun: true });
    expect(r.errors).toEqual([]);
    expect(r.rows).toBe(2);
  });
});

describe("Tally's Sales Register", () => {
  const register = (lines: FixtureCell[][]) => [
    ['Acme Foods Pvt Ltd'],
    ['Sales Register'],
    ['1-Oct-2026 to 31-Oct-2026'],
    ['Date', 'Particulars', 'Vch Type', 'Vch No.', 'Debit', 'Credit'],
    ...lines,
  ];
  const sales: FixtureCell[][] = [
    ['3-Oct-2026', 'D001', 'Sales', '101', null, '1,180.00'],
    ['5-Oct-2026', 'D002', 'Sales', '102', null, '590.00'],
  ];

  it("reads its sales from the Credit column as the sales account's, a credit note under Debit as a return", async () => {
    const path = file(
      'Sales Register.csv',
      register([...sales, ['6-Oct-2026', 'D001', 'Credit Note', 'CN1', '118.00', null]]),
    );
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.decisions.map((d) => d.decision)).toContain(
      'Every invoice read ("Sales") is under "Credit" and no credit note is: the lines are the sales account\'s side of each entry (Tally\'s Sales Register), where a sale is a credit and a return a debit, so each line\'s amount is its credit less its debit',
    );
    // Read from the party's side, every sale was a return: -1,888.00 for 1,652.00.
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.doc_type, s.net_value])).toEqual([
      ['101', 'invoice', 118_000],
      ['102', 'invoice', 59_000],
      ['CN1', 'credit_note', -11_800],
    ]);
  });

  it('keeps an invoice type under Credit a return where the other invoices are debits (a Day Book)', async () => {
    const path = file('Day Book.csv', [
      ['Date', 'Particulars', 'Vch Type', 'Vch No.', 'Debit Amount', 'Credit Amount'],
      ['3-Oct-2026', 'D001', 'Sales', '101', '1,180.00', null],
      ['5-Oct-2026', 'D002', 'Sales', '102', null, '590.00'],
      ['6-Oct-2026', 'D002', 'Sales', '103', null, '236.00'],
      ['7-Oct-2026', 'D001', 'Sales', '104', '354.00', null],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.doc_type, s.net_value])).toEqual([
      ['101', 'invoice', 118_000],
      ['102', 'credit_note', -59_000],
      ['103', 'credit_note', -23_600],
      ['104', 'invoice', 35_400],
    ]);
  });
});

describe("Business Central's posted sales invoice lines", () => {
  const rows: FixtureCell[][] = [
    ['Document No.', 'Posting Date', 'Sell-to Customer No.', 'Type', 'No.', 'Description', 'Quantity', 'Line Amount'],
    ['PSI-1001', '2026-10-05', 'D001', 'Item', 'SKU-0001', 'Sunrise Coffee 50 g', 10, '1000.00'],
    ['PSI-1001', '2026-10-05', 'D001', 'G/L Account', '6610', 'Freight', 1, '150.00'],
    ['PSI-1002', '2026-10-06', 'D003', 'Item', 'SKU-0002', 'Crunchy Biscuits', 5, '250.00'],
    ['PSI-1002', '2026-10-06', 'D003', null, null, 'Thank you for your business', null, null],
  ];

  it("says its Type gives each line's kind, and how to import the file, where it asks what the types are", async () => {
    await expect(importFile(ws, file('Posted Sales Invoice Lines.csv', rows), { kind: 'sales' })).rejects.toThrow(
      '"Type" gives each line\'s kind, as Business Central writes it, not whether its document is an invoice or a credit memo, which its export of posted invoice lines or of credit memo lines says instead. For invoice lines: --type-map "Item=invoice" "G/L Account=skip" (a G/L Account line is a charge such as freight, no sale of a product); for credit memo lines, "Item=credit_note" instead (or the same in the import dialog).',
    );
  });

  it('imports its item lines as told, leaving out its charges and its comment lines', async () => {
    const r = await importFile(ws, file('Posted Sales Invoice Lines.csv', rows), {
      kind: 'sales',
      typeMap: { Item: 'invoice', 'G/L Account': 'skip' },
    });
    expect(r.errors).toEqual([]);
    expect(r.skippedSummary).toBe('skipped 1 non-sales document: G/L Account 1; 1 text line');
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.sku, s.net_value])).toEqual([
      ['PSI-1001', 'SKU-0001', 100_000],
      ['PSI-1002', 'SKU-0002', 25_000],
    ]);
  });

  it("reads each line's share of the invoice discount off its Line Amount, and its VAT (GST) as Amount Including VAT less Amount", async () => {
    const path = file('Posted Sales Invoice Lines.csv', [
      [
        'Document No.',
        'Posting Date',
        'Sell-to Customer No.',
        'Type',
        'No.',
        'Quantity',
        'Line Amount',
        'Inv. Discount Amount',
        'Amount',
        'Amount Including VAT',
      ],
      // A 5 % invoice discount, then GST at 18 % and 12 %.
      ['PSI-1001', '2026-10-05', 'D001', 'Item', 'SKU-0001', 10, '1000.00', '50.00', '950.00', '1121.00'],
      ['PSI-1001', '2026-10-05', 'D001', 'Item', 'SKU-0002', 5, '250.00', '12.50', '237.50', '266.00'],
      ['PSI-1002', '2026-10-06', 'D003', 'Item', 'SKU-0001', 2, '200.00', '0.00', '200.00', '236.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales', typeMap: { Item: 'invoice' } });
    expect(r.errors).toEqual([]);
    expect(
      storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.gross_value, s.discount, s.net_value, s.tax]),
    ).toEqual([
      ['PSI-1001', 100_000, 5_000, 95_000, 17_100],
      ['PSI-1001', 25_000, 1_250, 23_750, 2_850],
      ['PSI-1002', 20_000, 0, 20_000, 3_600],
    ]);
  });
});

describe("QuickBooks' A/R Aging Detail", () => {
  it('reads each open bill under its age heading, its Open Balance as the outstanding, and the as-of date from the title', async () => {
    const blank = (label: string | null) => [label, null, null, null, null, null, null, null, null];
    const path = file('ar-aging-detail.csv', [
      ['Demo Company'],
      ['A/R Aging Detail'],
      ['As of October 31, 2026'],
      [],
      [null, 'Date', 'Transaction Type', 'Num', 'Customer', 'Due Date', 'Past Due', 'Amount', 'Open Balance'],
      blank('Current'),
      [null, '10/20/2026', 'Invoice', '1043', 'Annapurna Distributors', '11/19/2026', '0', '1,200.00', '1,200.00'],
      ['Total for Current', null, null, null, null, null, null, '$1,200.00', '$1,200.00'],
      blank('1 - 30 days past due'),
      [null, '09/15/2026', 'Invoice', '1031', 'Kaveri Enterprises', '10/15/2026', '16', '2,000.00', '800.00'],
      ['Total for 1 - 30 days past due', null, null, null, null, null, null, '$2,000.00', '$800.00'],
      ['TOTAL', null, null, null, null, null, null, '$3,200.00', '$2,000.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'receivables' });
    expect(r.errors).toEqual([]);
    expect(r.mapping).toMatchObject({ outstanding: 'Open Balance', amount: 'Amount', due_date: 'Due Date' });
    const stored = storedRows(ws, 'receivables', r.batch ?? 0);
    expect(
      stored.map((b) => [b.as_of, b.distributor_code, b.doc_no, b.doc_date, b.due_date, b.amount, b.outstanding]),
    ).toEqual([
      ['2026-10-31', 'D001', '1043', '2026-10-20', '2026-11-19', 120000, 120000],
      ['2026-10-31', 'D003', '1031', '2026-09-15', '2026-10-15', 200000, 80000],
    ]);
  });
});

describe('a bill list of amounts with their GST beside them', () => {
  const head = ['Bill No', 'Bill Date', 'Party', 'Item Code', 'Qty', 'Amount', 'GST Amount'];

  it('takes each Amount less its GST as the net, where the GST is a rate of the amount less it', async () => {
    const path = file('bills-with-gst.csv', [
      head,
      ['B1', '15-10-2026', 'D001', 'SKU-0001', 2, '1,180.00', '180.00'],
      ['B1', '15-10-2026', 'D001', 'SKU-0002', 1, '105.00', '5.00'],
      ['B2', '16-10-2026', 'D003', 'SKU-0003', 3, '50.00', '0.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.decisions.map((d) => d.decision)).toContain(
      '"Amount" is each line\'s amount with its tax: on every line read "GST Amount" is a GST rate of it less that tax (180.00 of 1,180.00 at 18 %), never of the whole, so each line\'s net value is it less its tax',
    );
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.net_value, s.tax])).toEqual([
      [100000, 18000],
      [10000, 500],
      [5000, 0],
    ]);
  });

  it('leaves an Amount whose GST is a rate of it as the net', async () => {
    const path = file('bills-before-gst.csv', [
      head,
      ['B1', '15-10-2026', 'D001', 'SKU-0001', 2, '1,000.00', '180.00'],
      ['B2', '16-10-2026', 'D003', 'SKU-0003', 3, '300.00', '54.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.net_value, s.tax])).toEqual([
      [100000, 18000],
      [30000, 5400],
    ]);
  });
});

describe("QuickBooks Desktop's Sales by Item Detail", () => {
  /** Both reports' three lines, as stored: number, type, distributor, item, net value. */
  const theLines = [
    ['INV26-101', 'invoice', 'D001', 'SKU-0003', 45_000],
    ['CR26-7', 'credit_note', 'D001', 'SKU-0003', -9_000],
    ['INV26-102', 'invoice', 'D002', 'SKU-0001', 10_000],
  ];
  const storedLines = (batch: number | null) =>
    storedRows(ws, 'sales', batch ?? 0).map((s) => [s.doc_no, s.doc_type, s.distributor_code, s.sku, s.net_value]);
  const header = ['Type', 'Date', 'Num', 'Memo', 'Name', 'Qty', 'Sales Price', 'Amount', 'Balance'];
  const none = (n: number) => Array<null>(n).fill(null);
  const total = (label: string, qty: number, amount: string) => [label, ...none(4), qty, null, amount, amount];
  const coffee = (item: string) => [
    [item],
    ['Invoice', '10/08/2026', 'INV26-102', 'Coffee', 'D002', 4, '25.00', '100.00', '100.00'],
  ];
  /** A QuickBooks item as the report heads its group: its code, then its description. */
  const item = (sku: string) =>
    `${sku} (${(ws.db.prepare('SELECT name FROM products WHERE sku = ?').get(sku) as { name: string }).name})`;
  const report = (coffeeItem: string, closed: boolean) => [
    header,
    ['Inventory'],
    [item('SKU-0003')],
    ['Invoice', '10/06/2026', 'INV26-101', 'Face wash', 'Annapurna Distributors', 10, '45.00', '450.00', '450.00'],
    ['Credit Memo', '10/07/2026', 'CR26-7', 'Face wash', 'Annapurna Distributors', -2, '45.00', '-90.00', '360.00'],
    ...(closed ? [total(`Total ${item('SKU-0003')}`, 8, '360.00')] : []),
    ...coffee(coffeeItem),
    ...(closed ? [total(`Total ${coffeeItem}`, 4, '100.00'), total('Total Inventory', 12, '460.00')] : []),
    total('TOTAL', 12, '460.00'),
  ];

  it('reads the item of each group from its heading in the Type column, closed by its total, and the code before its name', async () => {
    const r = await importFile(ws, file('sales by item.csv', report(item('SKU-0001'), true)), {
      kind: 'sales',
    });
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({
      rows: 3,
      skipped: { 'heading rows': 3, 'total rows': 4 },
      totals: { net_value: '460.00' },
    });
    expect(storedLines(r.batch)).toEqual(theLines);
    expect(r.decisions).toContainEqual({
      field: 'sku',
      decision: 'SKU is read from the heading row above each group of lines: the lines leave it out',
    });
  });

  it('leaves the headings out of its Sales by Customer Detail, whose lines name their customer and item themselves', async () => {
    const r = await importFile(
      ws,
      file('sales by customer detail.csv', [
        ['Type', 'Date', 'Num', 'Memo', 'Name', 'Item', 'Qty', 'Sales Price', 'Amount', 'Balance'],
        ['Annapurna Distributors'],
        [
          'Invoice',
          '10/06/2026',
          'INV26-101',
          'Face wash',
          'Annapurna Distributors',
          'SKU-0003',
          10,
          '45.00',
          '450.00',
          '450.00',
        ],
        [
          'Credit Memo',
          '10/07/2026',
          'CR26-7',
          'Face wash',
          'Annapurna Distributors',
          'SKU-0003',
          -2,
          '45.00',
          '-90.00',
          '360.00',
        ],
        ['Total Annapurna Distributors', null, null, null, null, null, 8, null, '360.00', '360.00'],
        ['Shiv Shakti Enterprises'],
        [
          'Invoice',
          '10/08/2026',
          'INV26-102',
          'Coffee',
          'Shiv Shakti Enterprises',
          'SKU-0001',
          4,
          '25.00',
          '100.00',
          '100.00',
        ],
        ['Total Shiv Shakti Enterprises', null, null, null, null, null, 4, null, '100.00', '100.00'],
        ['TOTAL', null, null, null, null, null, 12, null, '460.00', '460.00'],
      ]),
      { kind: 'sales' },
    );
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ rows: 3, skipped: { 'heading rows': 2, 'total rows': 3 } });
    expect(storedLines(r.batch)).toEqual(theLines);
  });

  it("reads a code before a bracketed text only where the text is that code's name", async () => {
    const r = await importFile(ws, file('renamed.csv', report('SKU-0001 (Instant Coffee)', true)), {
      kind: 'sales',
      validOnly: true,
    });
    expect(r.errors).toEqual([
      expect.objectContaining({
        row: 8,
        column: SECTION_IN_FIRST,
        message: 'unknown product "SKU-0001 (Instant Coffee)"',
      }),
    ]);
  });

  it('takes no heading from the first column when no total closes its group, or none is closed', async () => {
    await expect(
      importFile(ws, file('unclosed.csv', report(item('SKU-0001'), false)), { kind: 'sales' }),
    ).rejects.toThrow(`these document types are not known: "Inventory" (1 row), "${item('SKU-0003')}"`);
    // One text above all the lines, with no total under them: a note, not a heading.
    const noted = [header, ['October, as entered'], ...report(item('SKU-0001'), false).slice(3, 5)];
    await expect(importFile(ws, file('noted.csv', noted), { kind: 'sales' })).rejects.toThrow(
      'these document types are not known: "October, as entered" (1 row)',
    );
  });
});

describe("Xero's Aged Receivables Detail", () => {
  it('reads each contact from its heading, and the Total after the ageing columns as what each bill owes', async () => {
    const zeros = (n: number) => Array<string>(n).fill('0.00');
    const r = await importFile(
      ws,
      file('Aged Receivables Detail.csv', [
        ['Aged Receivables Detail'],
        ['Acme Consumer Products'],
        ['As at 31 October 2026'],
        ['Ageing by due date'],
        [],
        [
          'Invoice Date',
          'Invoice Number',
          'Invoice Reference',
          'Due Date',
          'Current',
          '< 1 Month',
          '1 Month',
          '2 Months',
          'Older',
          'Total',
        ],
        ['Annapurna Distributors'],
        ['05 Oct 2026', 'INV-0001', null, '04 Nov 2026', '1,000.00', ...zeros(4), '1,000.00'],
        ['01 Aug 2026', 'INV-0002', null, '31 Aug 2026', ...zeros(3), '500.00', '0.00', '500.00'],
        ['Total Annapurna Distributors', null, null, null, '1,000.00', ...zeros(2), '500.00', '0.00', '1,500.00'],
        ['Shiv Shakti Enterprises'],
        ['15 Sep 2026', 'INV-0003', 'PO 77', '15 Oct 2026', '0.00', '250.00', ...zeros(3), '250.00'],
        ['Total Shiv Shakti Enterprises', null, null, null, '0.00', '250.00', ...zeros(3), '250.00'],
        ['Total', null, null, null, '1,000.00', '250.00', '0.00', '500.00', '0.00', '1,750.00'],
      ]),
      { kind: 'receivables' },
    );
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({
      rows: 3,
      totals: { outstanding: '1750.00' },
      skipped: { 'heading rows': 2, 'total rows': 3 },
    });
    expect(bills(r.batch)).toEqual([
      ['2026-10-31', 'D001', 'INV-0001', '2026-10-05', '2026-11-04', null, 100_000],
      ['2026-10-31', 'D001', 'INV-0002', '2026-08-01', '2026-08-31', null, 50_000],
      ['2026-10-31', 'D002', 'INV-0003', '2026-09-15', '2026-10-15', null, 25_000],
    ]);
  });
});

describe("Tally's outstandings shown party-wise with their bills", () => {
  const report = (annapurnaPending: string) => [
    ['Acme Consumer Products Pvt Ltd'],
    ['Group Outstandings'],
    ['Sundry Debtors'],
    ['1-Apr-2026 to 31-Oct-2026'],
    ['Date', 'Ref. No.', 'Opening Amount', 'Pending Amount', 'Due on', 'Overdue by days'],
    ['Annapurna Distributors', null, '1,800.00 Dr', annapurnaPending, null, null],
    ['5-Oct-2026', 'INV-1', '1,000.00 Dr', '1,000.00 Dr', '4-Nov-2026', null],
    ['1-Aug-2026', 'INV-2', '800.00 Dr', '500.00 Dr', '31-Aug-2026', 61],
    ['Shiv Shakti Enterprises', null, '250.00 Dr', '250.00 Dr', null, null],
    ['15-Sep-2026', 'INV-3', '250.00 Dr', '250.00 Dr', '15-Oct-2026', 16],
    ['Grand Total', null, '2,050.00 Dr', '1,750.00 Dr', null, null],
  ];

  it("reads each party from the heading that carries its bills' sums, in the Date column", async () => {
    const r = await importFile(ws, file('Group Outstandings.csv', report('1,500.00 Dr')), { kind: 'receivables' });
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ rows: 3, skipped: { 'heading rows': 2, 'total rows': 1 } });
    expect(bills(r.batch)).toEqual([
      ['2026-10-31', 'D001', 'INV-1', '2026-10-05', '2026-11-04', 100_000, 100_000],
      ['2026-10-31', 'D001', 'INV-2', '2026-08-01', '2026-08-31', 80_000, 50_000],
      ['2026-10-31', 'D002', 'INV-3', '2026-09-15', '2026-10-15', 25_000, 25_000],
    ]);
  });

  it('takes no party from a heading whose amounts are not its bills', async () => {
    await expect(
      importFile(ws, file('Group Outstandings.csv', report('1,600.00 Dr')), { kind: 'receivables' }),
    ).rejects.toThrow('no column for Distributor');
  });

  it("leaves out a party's money on account, in its heading's sums, wherever the report writes it", async () => {
    // 1,500.00 Dr of bills less 300.00 Cr received against none: the heading's 1,200.00 Dr.
    const onAccount = [
      ['On Account', null, null, '300.00 Cr', null, null],
      [null, 'On Account', null, '300.00 Cr', null, null],
    ];
    for (const [i, row] of onAccount.entries()) {
      const rows = report('1,200.00 Dr');
      rows.splice(8, 0, row);
      // A report of another day, so the second is not the first again.
      rows[3] = [`1-Apr-2026 to ${30 + i}-Oct-2026`];
      const r = await importFile(ws, file('Group Outstandings.csv', rows), { kind: 'receivables' });
      expect(r.errors).toEqual([]);
      expect(r).toMatchObject({ rows: 3, skipped: { 'heading rows': 2, 'rows on account': 1, 'total rows': 1 } });
      expect(r.skippedSummary).toBe('skipped 2 heading rows; 1 row on account; 1 total row');
      expect(bills(r.batch).map((b) => [b[1], b[2], b[6]])).toEqual([
        ['D001', 'INV-1', 100_000],
        ['D001', 'INV-2', 50_000],
        ['D002', 'INV-3', 25_000],
      ]);
    }
  });

  it("works out each bill's due date from its days overdue where Bills Receivable shows no Due on column", async () => {
    const path = file('Bills Receivable.csv', [
      ['Bills Receivable'],
      ['1-Apr-2026 to 31-Oct-2026'],
      ['Date', 'Ref. No.', "Party's Name", 'Pending Amount', 'Overdue by days'],
      ['1-Aug-2026', 'INV-2', 'Annapurna Distributors', '500.00 Dr', 61],
      ['15-Sep-2026', 'INV-3', 'Shiv Shakti Enterprises', '250.00 Dr', '16'],
      ['20-Oct-2026', 'INV-4', 'Shiv Shakti Enterprises', '250.00 Dr', null],
    ]);
    const r = await importFile(ws, path, { kind: 'receivables' });
    expect(r.errors).toEqual([]);
    expect(r.mapping).toMatchObject({ overdue_days: 'Overdue by days' });
    expect(r.decisions.map((d) => d.decision)).toContain(
      'Due date is the as-of date less the days in "Overdue by days" (61 days overdue on 31 October fell due on 31 August); a bill with no days written is not yet due',
    );
    // Without a due date no bill was overdue, and a collection scheme paid on a reduction of nothing.
    expect(bills(r.batch).map((b) => [b[2], b[4]])).toEqual([
      ['INV-2', '2026-08-31'],
      ['INV-3', '2026-10-15'],
      ['INV-4', null],
    ]);
  });

  it("works out each bill's due date from its credit days where a bill-wise outstanding report gives no due date", async () => {
    const path = file('Bill-wise Outstanding.csv', [
      ['Party Name', 'Bill No', 'Bill Date', 'Credit Days', 'Pending Amount', 'As On'],
      ['Annapurna Distributors', 'INV-2', '01/08/2026', 30, '500.00', '31/10/2026'],
      ['Shiv Shakti Enterprises', 'INV-3', '15/09/2026', '45', '250.00', '31/10/2026'],
      ['Shiv Shakti Enterprises', 'INV-4', '20/10/2026', null, '250.00', '31/10/2026'],
    ]);
    const r = await importFile(ws, path, { kind: 'receivables', dateOrder: 'dmy' });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.mapping).toMatchObject({ credit_days: 'Credit Days' });
    expect(r.decisions.map((d) => d.decision)).toContain(
      'Due date is the document date plus the days in "Credit Days" (a bill of 1 August on 30 days fell due on 31 August); a bill with no days written keeps no due date',
    );
    expect(bills(r.batch).map((b) => [b[2], b[4]])).toEqual([
      ['INV-2', '2026-08-31'],
      ['INV-3', '2026-10-30'],
      ['INV-4', null],
    ]);
  });

  it('refuses on its row a count of days past any date, where it threw the whole import out with "Invalid time value"', async () => {
    const days = (header: string, count: string) =>
      file(`${header}.csv`, [
        ['Party Name', 'Bill No', 'Bill Date', header, 'Pending Amount', 'As On'],
        ['Annapurna Distributors', 'INV-2', '01/08/2026', count, '500.00', '31/10/2026'],
        ['Shiv Shakti Enterprises', 'INV-3', '15/09/2026', '45', '250.00', '31/10/2026'],
      ]);
    for (const [header, message] of [
      ['Credit Days', '99,99,99,99,999 days is more than a hundred years: no bill is given to pay that long'],
      ['Overdue by days', '99,99,99,99,999 days is more than a hundred years: no bill is overdue that long'],
    ]) {
      const r = await importFile(ws, days(header as string, '99999999999'), {
        kind: 'receivables',
        dateOrder: 'dmy',
        dryRun: true,
      });
      expect(r.errors).toEqual([{ row: 2, column: header, value: '99999999999', message }]);
    }
  });

  it("skips Zoho's AR Aging Details' bucket headings, written where a bill's date goes, and QuickBooks' past due", async () => {
    const path = file('AR Aging Details.csv', [
      ['AR Aging Details'],
      ['As of 31 Oct 2026'],
      ['Date', 'Transaction#', 'Type', 'Status', 'Customer Name', 'Due Date', 'Amount', 'Balance Due'],
      ['Current', null, null, null, null, null, null, null],
      [
        '10 Oct 2026',
        'INV-000031',
        'Invoice',
        'Open',
        'Shiv Shakti Enterprises',
        '09 Nov 2026',
        '1,180.00',
        '1,180.00',
      ],
      ['1-15 Days', null, null, null, null, null, null, null],
      [
        '01 Oct 2026',
        'INV-000021',
        'Invoice',
        'Overdue',
        'Annapurna Distributors',
        '16 Oct 2026',
        '5,000.00',
        '3,000.00',
      ],
      ['61 - 90 days past due', null, null, null, null, null, null, null],
      ['01 Jul 2026', 'INV-000011', 'Invoice', 'Overdue', 'Annapurna Distributors', '31 Jul 2026', '800.00', '800.00'],
      ['Total', null, null, null, null, null, '6,980.00', '4,980.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'receivables' });
    expect(r.errors).toEqual([]);
    expect(r.skipped).toEqual({ 'heading rows': 3, 'total rows': 1 });
    expect(r.totals).toMatchObject({ outstanding: '4980.00' });
    expect(bills(r.batch).map((b) => [b[2], b[4], b[6]])).toEqual([
      ['INV-000031', '2026-11-09', 118_000],
      ['INV-000021', '2026-10-16', 300_000],
      ['INV-000011', '2026-07-31', 80_000],
    ]);
  });

  it('warns that a collection scheme finds nothing overdue in an ageing report whose bills have no due date', async () => {
    const rows = [
      ['Party Name', 'Bill No', 'Bill Date', 'Pending Amount', '0-30 Days', '31-60 Days', '>60 Days', 'As On'],
      ['Annapurna Distributors', 'INV-2', '01/08/2026', '500.00', null, null, '500.00', '31/10/2026'],
      ['Shiv Shakti Enterprises', 'INV-3', '15/10/2026', '250.00', '250.00', null, null, '31/10/2026'],
    ];
    const r = await importFile(ws, file('Ageing.csv', rows), { kind: 'receivables', dateOrder: 'dmy', dryRun: true });
    expect(r.errors).toEqual([]);
    expect(r.rows).toBe(2);
    expect(r.warnings).toEqual([
      "None of the 2 bills owing has a due date: the file gives no due date, days overdue or credit days, so a collection scheme counts nothing in this report overdue and pays nothing on its reduction. Export the report with its due dates (Tally's Bills Receivable with Due on or Overdue by days, ERPNext's Accounts Receivable with Due Date, SAP's Net due date) and import it again, or map the column that gives them",
    ]);
    // One bill with its due date is enough to say the report gives them.
    const dated = [
      [...(rows[0] as string[]), 'Due Date'],
      [...(rows[1] as (string | null)[]), '31/08/2026'],
      [...(rows[2] as (string | null)[]), null],
    ];
    const again = await importFile(ws, file('Ageing dated.csv', dated), { kind: 'receivables', dateOrder: 'dmy' });
    expect(again.errors).toEqual([]);
    expect(again.warnings).toEqual([]);
  });

  it("keeps a dated On Account row of Bills Receivable as a credit due on no day, so the report's total is Tally's", async () => {
    const path = file('Bills Receivable.csv', [
      ['Bills Receivable'],
      ['1-Apr-2026 to 31-Oct-2026'],
      ['Date', 'Ref. No.', "Party's Name", 'Pending Amount', 'Due on', 'Overdue by days'],
      ['1-Aug-2026', 'INV-2', 'Annapurna Distributors', '500.00 Dr', '31-Aug-2026', 61],
      ['20-Oct-2026', 'On Account', 'Annapurna Distributors', '300.00 Cr', null, null],
      ['15-Sep-2026', 'INV-3', 'Shiv Shakti Enterprises', '250.00 Dr', '15-Oct-2026', 16],
    ]);
    const r = await importFile(ws, path, { kind: 'receivables' });
    expect(r.errors).toEqual([]);
    expect(r.skipped).toEqual({});
    expect(r.totals).toEqual({ outstanding: '450.00' });
    expect(bills(r.batch).map((b) => [b[1], b[2], b[4], b[6]])).toEqual([
      ['D001', 'INV-2', '2026-08-31', 50_000],
      ['D001', 'On Account', null, -30_000],
      ['D002', 'INV-3', '2026-10-15', 25_000],
    ]);
  });
});

describe("SAP's billing documents list (VF05), its columns under their medium labels", () => {
  /**
   * An ALV list saved as "Spreadsheet": tab-separated text under an .xls name; imported, its
   * lines as stored (document, distributor, type, quantity, value).
   */
  async function importList(name: string, rows: string[][]) {
    const r = await importFile(ws, writeText(join(dir, name), delimited(rows, '\t')), { kind: 'sales' });
    expect(r.errors).toEqual([]);
    return storedRows(ws, 'sales', r.batch ?? 0).map((l) => [
      l.doc_no,
      l.distributor_code,
      l.doc_type,
      l.qty,
      l.net_value,
    ]);
  }

  it('reads Billing Doc. as the document and Sold-to pt as the distributor, decimal commas and trailing minus signs', async () => {
    // A narrow column takes the field's medium label.
    expect(
      await importList('export.xls', [
        ['Billing Doc.', 'Billing Date', 'Sold-to pt', 'Material', 'Billed Qty', 'SU', 'Net value', 'Curr.'],
        ['90000001', '05.10.2026', 'D001', 'SKU-0001', '10', 'EA', '1.500,00', 'INR'],
        ['90000001', '05.10.2026', 'D001', 'SKU-0002', '4', 'EA', '100,00', 'INR'],
        ['90000002', '07.10.2026', 'D002', 'SKU-0003', '1', 'EA', '999,50', 'INR'],
        ['90000003', '09.10.2026', 'D001', 'SKU-0001', '2-', 'EA', '300,00-', 'INR'],
      ]),
    ).toEqual([
      ['90000001', 'D001', 'invoice', 10_000, 150_000],
      ['90000001', 'D001', 'invoice', 4_000, 10_000],
      ['90000002', 'D002', 'invoice', 1_000, 99_950],
      ['90000003', 'D001', 'credit_note', -2_000, -30_000],
    ]);
  });

  it('reads its short labels, and each line by its BillT: a credit memo (G2) and a cancelled invoice (S1) taken off', async () => {
    // The narrowest columns: Bill.Doc., Bill.Date, Sold-To, BillT. SAP lists every billing
    // document's value positive; its type says which way it goes. F2 90000011 cancelled by S1 90000013 nets to nothing.
    expect(
      await importList('narrow.xls', [
        ['Bill.Doc.', 'Bill.Date', 'Sold-To', 'Material', 'Billed Qty', 'SU', 'Net Value', 'Curr.', 'BillT'],
        ['90000011', '05.10.2026', 'D001', 'SKU-0001', '10', 'EA', '1.500,00', 'INR', 'F2'],
        ['90000012', '07.10.2026', 'D002', 'SKU-0003', '1', 'EA', '999,50', 'INR', 'G2'],
        ['90000013', '09.10.2026', 'D001', 'SKU-0001', '10', 'EA', '1.500,00', 'INR', 'S1'],
      ]),
    ).toEqual([
      ['90000011', 'D001', 'invoice', 10_000, 150_000],
      ['90000012', 'D002', 'credit_note', -1_000, -99_950],
      ['90000013', 'D001', 'credit_note', -10_000, -150_000],
    ]);
  });
});

describe("SAP's customer line items (FBL5N) as an ageing snapshot", () => {
  // The list's default layout, all items at the key date: an item cleared after the key date was
  // still owed that day; one cleared on or before it was not.
  const items = [
    ['Customer', 'Assignment', 'DocumentNo', 'Type', 'Doc. Date', 'Net due dt', 'Amount in local cur.', 'LCurr'],
    ['D001', '0090000001', '1800000012', 'RV', '01.09.2026', '01.10.2026', '1.180,00', 'INR'],
    ['D001', '0090000002', '1800000013', 'RV', '05.09.2026', '05.10.2026', '2.360,00', 'INR'],
    ['D002', '0090000003', '1800000020', 'RV', '10.09.2026', '10.10.2026', '500,00', 'INR'],
    ['D002', '0090000004', '1800000021', 'RV', '12.09.2026', '12.10.2026', '700,00', 'INR'],
  ];
  const clearing: (string | null)[][] = [
    ['Clrng doc.', 'Clearing'],
    [null, null],
    ['1400000007', '20.10.2026'],
    ['1400000009', '04.11.2026'],
    ['1400000011', '31.10.2026'],
  ];
  const list = (columns: number) =>
    file(
      'FBL5N.xls',
      items.map((row, i) => [...row, ...(clearing[i] ?? []).slice(0, columns)]),
    );

  it('reads Amount in local cur. as what each item owes, and leaves out the items cleared by the as-of date', async () => {
    const r = await importFile(ws, list(2), { kind: 'receivables', defaults: { as_of: '2026-10-31' } });
    expect(r.errors).toEqual([]);
    expect(r.skippedSummary).toBe('skipped 2 cleared items');
    expect(bills(r.batch)).toEqual([
      ['2026-10-31', 'D001', '1800000012', '2026-09-01', '2026-10-01', null, 118_000],
      ['2026-10-31', 'D002', '1800000020', '2026-09-10', '2026-10-10', null, 50_000],
    ]);
  });

  it('refuses an item cleared where the list gives no clearing date, saying which column to add', async () => {
    const r = await importFile(ws, list(1), { kind: 'receivables', defaults: { as_of: '2026-10-31' } });
    expect(r.batch).toBeNull();
    expect(r.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [3, 'Clrng doc.', '1400000007'],
      [4, 'Clrng doc.', '1400000009'],
      [5, 'Clrng doc.', '1400000011'],
    ]);
    expect(r.errors[0]?.message).toMatch(/no clearing date tells .*\(add the Clearing column to the list's layout\)/);
    // The column there, but a cleared item's date left blank: refused on its row alone.
    clearing[2] = ['1400000007', null];
    const blank = await importFile(ws, list(2), { kind: 'receivables', defaults: { as_of: '2026-10-31' } });
    expect(blank.errors.map((e) => [e.row, e.column, e.value])).toEqual([[3, 'Clrng doc.', '1400000007']]);
  });
});

describe("SAP's customer line items with their arrears and no key date", () => {
  // The list's spreadsheet export: the key date was on the selection screen, not in the file, and
  // each item's "Arrears after net due date" counts to it (to its clearing for a cleared item).
  const header = ['Customer', 'Document Number', 'Document Date', 'Net due date', 'Arrears after net due date'];
  const columns = [...header, 'Amount in local currency', 'Clearing Document', 'Clearing date'];
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const open = [
    ['D001', '1800000123', day('2026-10-01'), day('2026-10-31'), 36, 118_000, null, null],
    ['D001', '1800000150', day('2026-10-15'), day('2026-11-14'), 22, 59_000, null, null],
    // Not yet due on the key date: SAP writes the days before the due date with a trailing minus.
    ['D002', '1800000200', day('2026-11-16'), day('2026-12-16'), '10-', 236_000, null, null],
    // Cleared after the key date: its arrears count to its clearing.
    ['D002', '1800000210', day('2026-10-01'), day('2026-10-31'), 40, 500, '1400000009', day('2026-12-10')],
  ];

  it('takes the as-of date from each open item: its due date plus its arrears', async () => {
    const path = await writeXlsx(join(dir, 'FBL5N arrears.xlsx'), [{ name: 'Sheet1', rows: [columns, ...open] }]);
    const r = await importFile(ws, path, { kind: 'receivables' });
    expect(r.errors).toEqual([]);
    expect(r.decisions.map((d) => d.decision)).toContain(
      'As of is 2026-12-06 for every row, since the file writes no as-of date and the due date ("Net due date") of each of the 3 open items its first rows list, plus its days overdue ("Arrears after net due date"), is that day',
    );
    expect(bills(r.batch).map((b) => [b[0], b[2], b[4]])).toEqual([
      ['2026-12-06', '1800000123', '2026-10-31'],
      ['2026-12-06', '1800000150', '2026-11-14'],
      ['2026-12-06', '1800000200', '2026-12-16'],
      ['2026-12-06', '1800000210', '2026-10-31'],
    ]);
  });

  it('reads the due dates the one way that makes the items agree, in a text file', async () => {
    // 01/10 and 05/10 read either way; only day first do they and their arrears name one day.
    const rows = [
      [...header, 'Amount in local currency'],
      ['D001', 'INV-1', '01/09/2026', '01/10/2026', '36', '100.00'],
      ['D001', 'INV-2', '05/09/2026', '05/10/2026', '32', '200.00'],
    ];
    const r = await importFile(ws, file('Arrears.csv', rows), { kind: 'receivables', dateOrder: 'dmy', dryRun: true });
    expect(r.errors).toEqual([]);
    expect(r.decisions.map((d) => d.decision).filter((d) => d.startsWith('As of is'))).toEqual([
      expect.stringMatching(/^As of is 2026-11-06 for every row, since .* each of the 2 open items/),
    ]);
  });

  it('asks for the as-of date where the items do not agree on one', async () => {
    const disagreeing = open.map((row, i) => (i === 1 ? row.map((c, j) => (j === 4 ? 23 : c)) : row));
    const path = await writeXlsx(join(dir, 'FBL5N disagreeing.xlsx'), [
      { name: 'Sheet1', rows: [columns, ...disagreeing] },
    ]);
    await expect(importFile(ws, path, { kind: 'receivables' })).rejects.toThrow(/no column for As of in header row 1/);
  });
});

describe("ERPNext's Accounts Receivable, its report date left in its filters", () => {
  const header = ['Posting Date', 'Customer', 'Voucher Type', 'Voucher No', 'Due Date', 'Invoiced Amount'];
  const columns = [...header, 'Outstanding Amount', 'Age (Days)', '0-30', '31-60', '61-90'];
  const bills = [
    [
      '2026-09-01',
      'D001',
      'Sales Invoice',
      'ACC-SINV-2026-00001',
      '2026-10-01',
      '11800.0',
      '11800.0',
      '66',
      '0',
      '0',
      '11800.0',
    ],
    [
      '2026-10-10',
      'D001',
      'Sales Invoice',
      'ACC-SINV-2026-00007',
      '2026-11-09',
      '5900.0',
      '5000.0',
      '27',
      '5000.0',
      '0',
      '0',
    ],
    [
      '2026-10-20',
      'D002',
      'Sales Invoice',
      'ACC-SINV-2026-00011',
      '2026-11-04',
      '2360.0',
      '2360.0',
      '17',
      '2360.0',
      '0',
      '0',
    ],
  ];
  const asOf = async (path: string) => {
    const r = await importFile(ws, path, { kind: 'receivables' });
    expect(r.errors).toEqual([]);
    return { r, asOf: [...new Set(storedRows(ws, 'receivables', r.batch ?? 0).map((b) => b.as_of))] };
  };

  it("takes the report date from each bill's date plus its age", async () => {
    const { r, asOf: days } = await asOf(file('Accounts Receivable.csv', [columns, ...bills]));
    expect(days).toEqual(['2026-11-06']);
    expect(r.decisions.map((d) => d.decision)).toContain(
      'As of is 2026-11-06 for every row, since the file writes no as-of date and the date ("Posting Date") of each of the 3 open items its first rows list, plus its age ("Age (Days)"), is that day',
    );
  });

  it('takes it from the filters written above the table, where the export includes them', async () => {
    const filters = [
      ['company', 'Annapurna Foods'],
      ['report_date', '2026-11-06'],
      ['ageing_based_on', 'Due Date'],
      [],
    ];
    const noAge = [columns, ...bills].map((row) => row.filter((_, i) => i !== 7));
    const { asOf: days } = await asOf(file('Accounts Receivable filters.csv', [...filters, ...noAge]));
    expect(days).toEqual(['2026-11-06']);
  });
});

describe('an ageing summary, a row per party', () => {
  it('is refused saying it holds no bills, and which bill-wise report to export instead', async () => {
    // ERPNext's Accounts Receivable Summary; Tally's group-wise ageing is the same shape.
    const path = file('Accounts Receivable Summary.csv', [
      [
        'Party',
        'Party Name',
        'Invoiced Amount',
        'Paid Amount',
        'Outstanding Amount',
        '0-30',
        '31-60',
        '61-90',
        '91-120',
        '121-Above',
      ],
      ['D001', 'Annapurna Distributors', '150000', '50000', '100000', '40000', '30000', '20000', '10000', '0'],
    ]);
    await expect(importFile(ws, path, { kind: 'receivables', defaults: { as_of: '2026-10-31' } })).rejects.toThrow(
      /sheet "Sheet1": this is an ageing summary, a row per party with its amounts by age \("0-30" …\) and no bills.*ERPNext's Accounts Receivable \(not its Summary\)/,
    );
  });
});
