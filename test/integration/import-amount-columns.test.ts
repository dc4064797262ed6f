import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { inspectFile } from '../../main/import/inspect';
import type { Workspace } from '../../main/workspace';
import { delimited, type FixtureCell, writeText, writeXlsx } from '../support/files';
import { importFile, storedRows } from '../support/import';
import { demoWorkspacePerTest } from '../support/workspace';

/** Which column of a sales file is its net value, its gross and its document, read from the rows as well as the headers. */
const workspaces = demoWorkspacePerTest();
let ws: Workspace;
let dir: string;
beforeEach(() => {
  ({ ws, dir } = workspaces.current());
});
const file = (name: string, rows: FixtureCell[][]) => writeText(join(dir, name), delimited(rows));

/**
 * Infor M3's invoice lines, as its export writes them: "Net Invoice Amount" is quantity × price,
 * "Invoice Amount" that less the discount; amounts in the company's currency (INR) and a foreign
 * one (FCN); the invoice's number beside the accounting voucher's; one order line invoiced from
 * two deliveries.
 */
const m3Header = [
  'Invoice No',
  'Voucher No',
  'Invoice Date',
  'Customer No',
  'Item No',
  'Line No',
  'Delivery No',
  'Delivery Invoiced Quantity',
  'Net Invoice Amount FCN',
  'Net Invoice Amount INR',
  'Discount Invoice Amount INR',
  'Invoice Amount FCN',
  'Invoice Amount INR',
  'Issued Cost Amount',
  'Contribution Amount',
];
/** The order line invoiced from delivery `delivery`. */
const m3Delivery = (delivery: number): FixtureCell[] => [
  ...['4119660', '4134542', '10/29/2026', 'D002', 'SKU-0003', 20, delivery, 1],
  ...[11065, 11065, 1106.5, 9958.5, 9958.5, 8779.83, 1178.67],
];
const m3Lines: FixtureCell[][] = [
  ['4158162', '4125297', '10/25/2026', 'D001', 'SKU-0001', 17, 1, 5, 200, 200, 20, 180, 180, 45.5, 134.5],
  ['4158162', '4125297', '10/25/2026', 'D001', 'SKU-0002', 18, 1, 4, 240, 240, 'null', 240, 240, 66.08, 173.92],
  m3Delivery(5),
  m3Delivery(6),
];
const amounts = (batch: number) =>
  storedRows(ws, 'sales', batch).map((s) => [s.doc_no, s.line_no, s.gross_value, s.discount, s.net_value]);
const discountNote =
  '"Invoice Amount INR" is the net value: on every line read it is "Net Invoice Amount INR" less "Discount Invoice Amount INR", so "Net Invoice Amount INR" is the amount before discount, read as the gross value';

describe('amount columns read from the rows', () => {
  it('takes the amount after discount as the net where the column named net is the amount before it (Infor M3)', async () => {
    const path = file('m3.csv', [m3Header, ...m3Lines]);
    // The same order line from two deliveries: refused with its line number, saying how to keep both.
    const refused = await importFile(ws, path, { kind: 'sales', dryRun: true });
    expect(refused.errors).toEqual([
      {
        row: 5,
        column: '(row)',
        value: 'invoice / D002 / 4119660 / 2026-10-29 / 20 / SKU-0003',
        message:
          'duplicate of row 4 of this file, though another column differs: if both are lines of their own, leave the line number out (--map line_no=, or "— not in this file —" in the dialog) and the lines of each document are numbered as they come',
      },
    ]);
    const r = await importFile(ws, path, { kind: 'sales', map: { line_no: '' } });
    expect(r.errors).toEqual([]);
    expect(r.decisions.map((d) => d.decision)).toContain(discountNote);
    expect(r.mapping).toMatchObject({
      doc_no: 'Invoice No',
      gross_value: 'Net Invoice Amount INR',
      discount: 'Discount Invoice Amount INR',
      net_value: 'Invoice Amount INR',
    });
    expect(r.mapping.line_no).toBeUndefined();
    expect(amounts(r.batch ?? 0)).toEqual([
      ['4158162', 1, 20000, 2000, 18000],
      ['4158162', 2, 24000, null, 24000],
      ['4119660', 1, 1106500, 110650, 995850],
      ['4119660', 2, 1106500, 110650, 995850],
    ]);
    expect(r.totals.net_value).toBe('20337.00');
  });

  it("shows it so in the dialog's preview, reads the proposal so when it is sent back, and takes the column a user picks as it is", async () => {
    const path = file('m3-dialog.csv', [m3Header, ...m3Lines.slice(0, 3)]);
    const preview = await inspectFile(ws.db, { path, kind: 'sales', locale: 'en-IN' });
    expect(preview.mapping).toMatchObject({ net_value: 'Invoice Amount INR', gross_value: 'Net Invoice Amount INR' });
    expect(preview.decisions).toContain(discountNote);
    const sentBack = await importFile(ws, path, { kind: 'sales', mapping: preview.mapping, dryRun: true });
    expect(sentBack.totals.net_value).toBe('10378.50');
    // The aliases' own proposal sent back, as by a client that does not read the rows: read from them all the same.
    const proposal: Record<string, string> = { ...preview.mapping, net_value: 'Net Invoice Amount INR' };
    delete proposal.gross_value;
    const asProposed = await importFile(ws, path, { kind: 'sales', mapping: proposal, dryRun: true });
    expect(asProposed.totals.net_value).toBe('10378.50');
    expect(asProposed.decisions.map((d) => d.decision)).toContain(discountNote);
    const picked = await importFile(ws, path, {
      kind: 'sales',
      mapping: { ...preview.mapping, net_value: 'Invoice Amount FCN' },
      dryRun: true,
    });
    expect(picked.mapping.net_value).toBe('Invoice Amount FCN');
    expect(picked.totals.net_value).toBe('10378.50');
    const chosen = await importFile(ws, path, {
      kind: 'sales',
      map: { net_value: 'Net Invoice Amount INR' },
      dryRun: true,
    });
    expect(chosen.totals.net_value).toBe('11505.00');
    expect(chosen.decisions.map((d) => d.decision)).not.toContain(discountNote);
  });

  it('leaves the net as named where no other column is it less the discount, or no line has one', async () => {
    const header = ['Invoice No', 'Invoice Date', 'Distributor Code', 'SKU', 'Qty', 'Net Amount', 'Discount', 'Paid'];
    const plain = file('plain.csv', [
      header,
      ['A-1', '2026-10-05', 'D001', 'SKU-0001', 2, '180.00', '20.00', '150.00'],
      ['A-2', '2026-10-06', 'D001', 'SKU-0002', 1, '100.00', '0', '100.00'],
    ]);
    const r = await importFile(ws, plain, { kind: 'sales', dryRun: true });
    expect(r.mapping.net_value).toBe('Net Amount');
    expect(r.totals.net_value).toBe('280.00');
    const noDiscount = file('nodiscount.csv', [
      header,
      ['A-1', '2026-10-05', 'D001', 'SKU-0001', 2, '180.00', '0', '180.00'],
    ]);
    expect((await importFile(ws, noDiscount, { kind: 'sales', dryRun: true })).mapping.net_value).toBe('Net Amount');
  });

  it("leaves out a proposed Gross of unit prices (Busy's), in the preview and when sent back, and takes one the user picks as it is", async () => {
    const path = file('busy-gross.csv', [
      ['Vch/Bill No', 'Date', 'Particulars', 'Item Details', 'Qty', 'Gross', 'Gross Rate', 'Amount'],
      ['BS/1', '02-10-2026', 'D001', 'SKU-0001', 10, '50.00', '50.00', '500.00'],
      ['BS/2', '03-10-2026', 'D001', 'SKU-0002', 4, '30.00', '30.00', '120.00'],
    ]);
    const preview = await inspectFile(ws.db, { path, kind: 'sales', locale: 'en-IN', dateOrder: 'dmy' });
    expect(preview.mapping.gross_value).toBeUndefined();
    expect(preview.decisions).toContain(
      '"Gross" holds unit prices (below each line\'s net value), not gross values: it is not imported as the gross value',
    );
    const proposed = await importFile(ws, path, {
      kind: 'sales',
      mapping: { ...preview.mapping, gross_value: 'Gross' },
      dateOrder: 'dmy',
      dryRun: true,
    });
    expect(proposed.errors).toEqual([]);
    expect(proposed.mapping.gross_value).toBeUndefined();
    expect(proposed.totals.gross_value).toBeUndefined();
    const picked = await importFile(ws, path, {
      kind: 'sales',
      mapping: { ...preview.mapping, gross_value: 'Gross Rate' },
      dateOrder: 'dmy',
      dryRun: true,
    });
    expect(picked.mapping.gross_value).toBe('Gross Rate');
    expect(picked.totals.gross_value).toBe('80.00');
  });

  it('reads amounts a header or the title writes in lakhs or thousands in rupees, and says so', async () => {
    const byHeader = file('targets-lakhs.csv', [
      ['Distributor Code', 'Period From', 'Period To', 'Measure', 'Target (₹ in Lakhs)'],
      ['D001', '2026-10-01', '2026-10-31', 'net_value', '12.5'],
      ['D002', '2026-10-01', '2026-10-31', 'net_value', '3.25375'],
    ]);
    const targets = await importFile(ws, byHeader, { kind: 'targets' });
    expect(targets.errors).toEqual([]);
    expect(targets.decisions.map((d) => d.decision)).toContain(
      '"Target (₹ in Lakhs)" writes its numbers in lakhs, as the header says: each is read so (1.5 is 1,50,000)',
    );
    expect(storedRows(ws, 'targets', targets.batch ?? 0).map((t) => [t.distributor_code, t.value])).toEqual([
      ['D001', '1250000'],
      ['D002', '325375'],
    ]);

    // A month-per-column sheet whose title gives the unit; a title that only mentions a lakh does not.
    const byTitle = file('targets-title.csv', [
      ['Annapurna Foods Pvt Ltd'],
      ['Distributor targets FY 2026-27 (₹ in Lakhs)'],
      ['Distributor Code', 'Distributor Name', 'Oct-26', 'Nov-26'],
      ['D003', 'Sharma Traders', '12.5', '14'],
    ]);
    const months = await importFile(ws, byTitle, { kind: 'targets', defaults: { measure: 'net_value' } });
    expect(months.errors).toEqual([]);
    // The same sentence in the dialog's preview and in the result.
    const inLakhs =
      '"Oct-26", "Nov-26" write their numbers in lakhs, as the title "Distributor targets FY 2026-27 (₹ in Lakhs)" says: each is read so (1.5 is 1,50,000)';
    expect(months.decisions.map((d) => d.decision)).toContain(inLakhs);
    const preview = await inspectFile(ws.db, { path: byTitle, kind: 'targets', locale: 'en-IN' });
    expect(preview.decisions).toContain(inLakhs);
    expect(storedRows(ws, 'targets', months.batch ?? 0).map((t) => [t.period_from, t.value])).toEqual([
      ['2026-10-01', '1250000'],
      ['2026-11-01', '1400000'],
    ]);
    // Kept in rupees and formatted to show thousands (#,##0,) under a title in '000: read as shown.
    const shownInThousands = await writeXlsx(join(dir, 'targets-format.xlsx'), [
      {
        name: 'Targets',
        rows: [
          ["Distributor targets FY 2026-27 (Rs. '000)"],
          ['Distributor Code', 'Distributor Name', 'Dec-26', 'Jan-27'],
          ['D003', 'Sharma Traders', 1250000, 1400500],
          ['D004', 'Gupta Agencies', null, 980],
        ],
        columnFormats: { 3: '#,##0,', 4: '#,##0,' },
      },
    ]);
    const formatted = await importFile(ws, shownInThousands, { kind: 'targets', defaults: { measure: 'net_value' } });
    expect(formatted.errors).toEqual([]);
    expect(
      storedRows(ws, 'targets', formatted.batch ?? 0).map((t) => [t.distributor_code, t.period_from, t.value]),
    ).toEqual([
      ['D003', '2026-12-01', '1250000'],
      ['D003', '2027-01-01', '1400500'],
      ['D004', '2027-01-01', '980'],
    ]);
    const mention = file('targets-mention.csv', [
      ['Targets for distributors billing above 1 lakh a month'],
      ['Distributor Code', 'Distributor Name', 'Dec-26'],
      ['D004', 'Gupta Agencies', '250000'],
    ]);
    const plain = await importFile(ws, mention, { kind: 'targets', defaults: { measure: 'net_value' } });
    expect(storedRows(ws, 'targets', plain.batch ?? 0).map((t) => t.value)).toEqual(['250000']);

    // Numbers in a workbook, in thousands: to the paisa, never rounded on the way.
    const sales = await writeXlsx(join(dir, 'sales-thousands.xlsx'), [
      {
        name: 'Sales',
        rows: [
          ['Invoice No', 'Invoice Date', 'Distributor Code', 'SKU', 'Qty', "Net Value (Rs. '000)"],
          ['TH-1', new Date(Date.UTC(2026, 9, 5)), 'D001', 'SKU-0001', 3, 12.34567],
          ['TH-2', new Date(Date.UTC(2026, 9, 6)), 'D001', 'SKU-0002', 1, 0.5],
        ],
      },
    ]);
    const r = await importFile(ws, sales, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.mapping.net_value).toBe("Net Value (Rs. '000)");
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((l) => l.net_value)).toEqual([1234567, 50000]);

    // In crores, a number beyond what is stored exactly is refused as too large, not as a decimals problem.
    const crores = file('crores.csv', [
      ['Invoice No', 'Invoice Date', 'Distributor Code', 'SKU', 'Qty', 'Net Value (Rs. in Crores)'],
      ['CR-1', '2026-10-05', 'D001', 'SKU-0001', 1, '999999999'],
    ]);
    expect((await importFile(ws, crores, { kind: 'sales', dryRun: true })).errors).toEqual([
      {
        row: 2,
        column: 'Net Value (Rs. in Crores)',
        value: '999999999',
        message: '9999999990000000 is too large to store exactly',
      },
    ]);

    // Parts each stored exactly whose sum is not: the line is refused, not the import stopped.
    const parts = file('tax parts.csv', [
      ['Invoice No', 'Invoice Date', 'Distributor Code', 'SKU', 'Qty', 'Net Value', 'CGST', 'SGST'],
      ['TP-1', '2026-10-05', 'D001', 'SKU-0001', 1, '100.00', '50000000000000.00', '50000000000000.00'],
      ['TP-2', '2026-10-05', 'D001', 'SKU-0001', 1, '100.00', '9.00', '9.00'],
    ]);
    const summed = await importFile(ws, parts, { kind: 'sales', dryRun: true });
    expect([summed.rows, summed.errors]).toEqual([
      1,
      [
        {
          row: 2,
          column: '(Tax)',
          value: '',
          message: 'Tax works out to more than can be stored exactly: correct the amounts it is made of',
        },
      ],
    ]);
  });
});

describe('a column saying whether the amounts include tax', () => {
  const header = ['Invoice No', 'Date', 'Distributor', 'SKU', 'Qty', 'Amount', 'Tax', 'Amounts are'];
  const sale = (no: string, amount: string, tax: string | null, says: string): FixtureCell[] => [
    ...[no, '05/10/2026', 'D001', 'SKU-0001', 1, amount, tax, says],
  ];

  it("reads QuickBooks' Amounts are row by row, and refuses a row that says neither", async () => {
    const path = file('amounts-are.csv', [
      header,
      sale('QB-1', '1180.00', '180.00', 'Inclusive of Tax'),
      sale('QB-2', '1000.00', '180.00', 'Exclusive of Tax'),
      sale('QB-3', '50.00', null, 'Out of scope of Tax'),
      sale('QB-4', '50.00', null, 'Maybe'),
    ]);
    const refused = await importFile(ws, path, { kind: 'sales', dateOrder: 'dmy', dryRun: true });
    expect(refused.errors).toEqual([
      {
        row: 5,
        column: 'Amounts are',
        value: 'Maybe',
        message: "expected yes or no: whether the row's amounts include its tax",
      },
    ]);
    const r = await importFile(ws, path, { kind: 'sales', dateOrder: 'dmy', validOnly: true });
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.net_value, s.tax])).toEqual([
      ['QB-1', 100_000, 18_000],
      ['QB-2', 100_000, 18_000],
      ['QB-3', 5_000, null],
    ]);
  });

  it('refuses a row whose amounts include a tax the file does not write', async () => {
    const path = file('no-tax.csv', [
      ['Invoice No', 'Date', 'Distributor', 'SKU', 'Qty', 'Amount', 'Is Inclusive Tax'],
      ['ZI-1', '05/10/2026', 'D001', 'SKU-0001', 1, '1180.00', 'true'],
      ['ZI-2', '05/10/2026', 'D001', 'SKU-0001', 1, '1000.00', 'false'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales', dateOrder: 'dmy', dryRun: true });
    expect(r.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [
        2,
        'Is Inclusive Tax',
        'the amounts include the tax, but the file writes no tax to take off: map its tax column',
      ],
    ]);
  });

  it('leaves a column headed Tax Inclusive that holds amounts, not yes or no', async () => {
    const path = file('tax-inclusive-amounts.csv', [
      ['Invoice No', 'Date', 'Distributor', 'SKU', 'Qty', 'Amount', 'Tax', 'Tax Inclusive'],
      ['TI-1', '05/10/2026', 'D001', 'SKU-0001', 1, '1000.00', '180.00', '1180.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales', dateOrder: 'dmy' });
    expect(r.errors).toEqual([]);
    expect(r.decisions.map((d) => d.decision)).toContain(
      '"Tax Inclusive" is not read as whether the amounts include tax: its cells say neither yes nor no',
    );
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.net_value, s.tax])).toEqual([
      ['TI-1', 100_000, 18_000],
    ]);
  });
});

describe('GST written in one column', () => {
  it('reads a column naming GST as one tax (Output GST 18%, GST Payable) as the tax, never a sales ledger naming GST', async () => {
    const header = ['Invoice No', 'Invoice Date', 'Distributor Code', 'SKU', 'Qty'];
    const stored = async (name: string, rows: FixtureCell[][]) => {
      const r = await importFile(ws, file(name, rows), { kind: 'sales' });
      expect(r.errors).toEqual([]);
      return storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.net_value, s.tax]);
    };
    // Tally's columnar register: the sale at its rate, its GST in one ledger's column, the bill's value.
    expect(
      await stored('one-gst.csv', [
        [...header, 'Sales GST 18%', 'Output GST 18%', 'Invoice Value'],
        ['OG-1', '05-10-2026', 'D001', 'SKU-0001', 2, '100.00', '18.00', '118.00'],
        ['OG-2', '06-10-2026', 'D002', 'SKU-0002', 1, '200.00', '36.00', '236.00'],
      ]),
    ).toEqual([
      ['OG-1', 10_000, 1_800],
      ['OG-2', 20_000, 3_600],
    ]);
    // No taxable column: the GST comes off the bill's value, where the net had kept it.
    expect(
      await stored('gst-payable.csv', [
        [...header, 'GST Payable', 'Invoice Value'],
        ['GP-1', '05-10-2026', 'D001', 'SKU-0001', 2, '18.00', '118.00'],
        ['GP-2', '06-10-2026', 'D002', 'SKU-0002', 1, '36.00', '236.00'],
      ]),
    ).toEqual([
      ['GP-1', 10_000, 1_800],
      ['GP-2', 20_000, 3_600],
    ]);
  });

  it("works out the tax inside a bill's value the rows show to hold it at the GST rate the file writes", async () => {
    const r = await importFile(
      ws,
      file('value-at-rate.csv', [
        ['Invoice No', 'Invoice Date', 'Distributor Code', 'SKU', 'Qty', 'GST Rate', 'Invoice Value'],
        ['VR-1', '05-10-2026', 'D001', 'SKU-0001', 2, 18, '118.00'],
        ['VR-2', '06-10-2026', 'D002', 'SKU-0002', 1, 5, '210.00'],
      ]),
      { kind: 'sales' },
    );
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.net_value, s.tax])).toEqual([
      ['VR-1', 10_000, 1_800],
      ['VR-2', 20_000, 1_000],
    ]);
  });
});

describe('rates in a workbook formatted as percentages', () => {
  it('reads a GST % column whose cells hold 0.18 shown as 18% as the rates they show, and takes the tax out of the net', async () => {
    const day = new Date(Date.UTC(2026, 9, 5));
    const path = await writeXlsx(join(dir, 'percent-rates.xlsx'), [
      {
        name: 'Sales',
        rows: [
          ['Bill No', 'Date', 'Party', 'Item', 'Qty', 'Disc %', 'GST %', 'Amount', 'Net Amt'],
          ['PC-1', day, 'D001', 'SKU-0001', 10, 0.1, 0.18, 1000, 1062],
          ['PC-2', day, 'D001', 'SKU-0002', 5, 0, 0.05, 500, 525],
        ],
        columnFormats: { 6: '0%', 7: '0.00%' },
      },
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    // 1,000.00 less 10 % is 900.00, and 18 % GST on it 162.00: 1,062.00.
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.net_value, s.tax])).toEqual([
      ['PC-1', 90_000, 16_200],
      ['PC-2', 50_000, 2_500],
    ]);
  });

  it('reads them so in an Excel 2003 XML workbook, its styles giving the percentages', async () => {
    const cell = (type: 'String' | 'Number', value: string | number, style = '') =>
      `<Cell${style ? ` ss:StyleID="${style}"` : ''}><Data ss:Type="${type}">${value}</Data></Cell>`;
    const row = (no: string, item: string, qty: number, off: number, gst: number, amount: number, net: number) =>
      `<Row>${cell('String', no)}${cell('String', '05/10/2026')}${cell('String', 'D001')}${cell('String', item)}${cell('Number', qty)}${cell('Number', off, 'sPct')}${cell('Number', gst, 'sPct2')}${cell('Number', amount)}${cell('Number', net)}</Row>`;
    const head = ['Bill No', 'Date', 'Party', 'Item', 'Qty', 'Disc %', 'GST %', 'Amount', 'Net Amt'];
    const path = writeText(
      join(dir, 'percent-rates.xml'),
      `<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
<Styles><Style ss:ID="sPct"><NumberFormat ss:Format="Percent"/></Style><Style ss:ID="sPct2"><NumberFormat ss:Format="0.0%"/></Style></Styles>
<Worksheet ss:Name="Sales"><Table><Row>${head.map((h) => cell('String', h)).join('')}</Row>
${row('PC-1', 'SKU-0001', 10, 0.1, 0.18, 1000, 1062)}${row('PC-2', 'SKU-0002', 5, 0, 0.05, 500, 525)}</Table></Worksheet></Workbook>`,
    );
    const r = await importFile(ws, path, { kind: 'sales', dateOrder: 'dmy' });
    expect(r.errors).toEqual([]);
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.net_value, s.tax])).toEqual([
      ['PC-1', 90_000, 16_200],
      ['PC-2', 50_000, 2_500],
    ]);
  });
});

describe('a discount on the whole bill', () => {
  it("reads an Invoice Discount column that differs between a bill's rows as each line's own", async () => {
    const path = file('line-discounts.csv', [
      ['Invoice No', 'Date', 'Distributor', 'SKU', 'Qty', 'Amount', 'Invoice Discount'],
      ['BD-1', '05/10/2026', 'D001', 'SKU-0001', 1, '900.00', '100.00'],
      ['BD-1', '05/10/2026', 'D001', 'SKU-0002', 1, '450.00', '50.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales', dateOrder: 'dmy' });
    expect(r.errors).toEqual([]);
    expect(r.decisions.map((d) => d.decision)).toContain(
      "\"Invoice Discount\" differs between the rows of one bill: it is each line's share of the bill's discount, read as the line's discount",
    );
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.sku, s.net_value, s.discount])).toEqual([
      ['SKU-0001', 90_000, 10_000],
      ['SKU-0002', 45_000, 5_000],
    ]);
  });
});

describe('order-line exports without a line amount', () => {
  it("reads a line's net value as its quantity × unit price where the file writes no amount (UCI's Online Retail)", async () => {
    const header = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID'];
    const path = file('online-retail.csv', [
      header,
      ['536365', 'SKU-0001', 'WHITE HANGING HEART T-LIGHT HOLDER', 6, '10/1/2026 8:26', '2.55', 'D001'],
      ['536365', 'SKU-0002', 'WHITE METAL LANTERN', 6, '10/1/2026 8:26', '3.39', 'D001'],
      ['C536379', 'SKU-0001', 'WHITE HANGING HEART T-LIGHT HOLDER', -1, '10/13/2026 9:41', '27.5', 'D001'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.mapping).toMatchObject({ doc_no: 'InvoiceNo', sku: 'StockCode', qty: 'Quantity', rate: 'UnitPrice' });
    expect(r.mapping.net_value).toBeUndefined();
    expect(r.decisions.map((d) => d.decision)).toContain(
      'The file writes no amount: each line\'s net value is its quantity × "UnitPrice"',
    );
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.doc_type, s.qty, s.net_value])).toEqual([
      ['536365', 'invoice', 6000, 1530],
      ['536365', 'invoice', 6000, 2034],
      ['C536379', 'credit_note', -1000, -2750],
    ]);
    expect(r.totals.net_value).toBe('8.14');

    // A product with more than two decimals is refused naming the price the row writes, or rounded when asked.
    const fine = file('fine-price.csv', [
      header,
      ['536999', 'SKU-0001', 'TEA SET', 5, '10/2/2026 9:41', '0.145', 'D001'],
    ]);
    expect((await importFile(ws, fine, { kind: 'sales', dryRun: true, dateOrder: 'mdy' })).errors).toEqual([
      {
        row: 2,
        column: 'UnitPrice',
        value: '0.145',
        message:
          'quantity 5 × 0.145 is 0.725: expected at most 2 decimals (or choose to round half-up to the paisa: --round)',
      },
    ]);
    const rounded = await importFile(ws, fine, { kind: 'sales', dateOrder: 'mdy', round: true });
    expect(storedRows(ws, 'sales', rounded.batch ?? 0).map((s) => s.net_value)).toEqual([73]);

    // A quantity that does not read is the row's one problem; a product too large to store says so, in digits.
    const bad = file('bad-lines.csv', [
      header,
      ['537001', 'SKU-0001', 'TEA SET', '1e2', '10/2/2026 9:41', '2.50', 'D001'],
      ['537002', 'SKU-0001', 'TEA SET', 99999999999, '10/2/2026 9:41', '99999999999', 'D001'],
    ]);
    expect((await importFile(ws, bad, { kind: 'sales', dryRun: true, dateOrder: 'mdy' })).errors).toEqual([
      { row: 2, column: 'Quantity', value: '1e2', message: 'expected a quantity such as 12, 2.5 or 12 Nos' },
      {
        row: 3,
        column: 'UnitPrice',
        value: '99999999999',
        message:
          'quantity 99999999999 × 99999999999 is 9999999999800000000001: 9999999999800000000001 is too large to store exactly',
      },
    ]);
  });

  it("takes a discount column of rates off quantity × price (Northwind's order details)", async () => {
    const header = ['OrderID', 'CustomerID', 'OrderDate', 'ProductID', 'UnitPrice', 'Quantity', 'Discount'];
    const path = file('northwind.csv', [
      header,
      ['10248', 'D001', '2026-10-04', 'SKU-0001', '14.0000', 12, '0'],
      ['10250', 'D001', '2026-10-08', 'SKU-0002', '42.4000', 35, '0.15'],
      ['10251', 'D001', '2026-10-08', 'SKU-0001', '16.8000', 6, '0.05'],
    ]);
    // The dialog's preview reads it so, and its mapping sent back imports the same values.
    const preview = await inspectFile(ws.db, { path, kind: 'sales', locale: 'en-IN' });
    expect(preview.mapping).toMatchObject({ rate: 'UnitPrice', discount: 'Discount' });
    expect(preview.mapping.net_value).toBeUndefined();
    expect(preview.unmappedRequired).toEqual([]);
    expect(preview.decisions).toEqual(
      expect.arrayContaining([
        'The file writes no amount: each line\'s net value is its quantity × "UnitPrice"',
        '"Discount" holds rates (0.15 for 15 %), not amounts: each line\'s net value is its quantity × "UnitPrice" less that share',
      ]),
    );
    const sentBack = await importFile(ws, path, { kind: 'sales', mapping: preview.mapping, dryRun: true });
    expect(sentBack.totals.net_value).toBe('1525.16');
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.mapping.discount).toBeUndefined();
    expect(r.decisions.map((d) => d.decision)).toContain(
      '"Discount" holds rates (0.15 for 15 %), not amounts: each line\'s net value is its quantity × "UnitPrice" less that share',
    );
    // 12 × 14 = 168; 35 × 42.40 less 15 % = 1,261.40; 6 × 16.80 less 5 % = 95.76.
    expect(storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.doc_no, s.net_value, s.discount])).toEqual([
      ['10248', 16800, null],
      ['10250', 126140, null],
      ['10251', 9576, null],
    ]);

    // Percentages written with the sign, as a spreadsheet saves them; one over the whole price is the row's error.
    const percent = file('northwind-percent.csv', [
      ['OrderID', 'CustomerID', 'OrderDate', 'ProductID', 'UnitPrice', 'Quantity', 'Disc %'],
      ['10260', 'D001', '2026-10-19', 'SKU-0001', '7.70', 16, '25%'],
      ['10261', 'D001', '2026-10-19', 'SKU-0001', '7.70', 2, '120%'],
    ]);
    expect((await importFile(ws, percent, { kind: 'sales', dryRun: true })).errors).toEqual([
      { row: 3, column: 'Disc %', value: '120%', message: 'a discount rate of 120% takes off 120 % of the price' },
    ]);
    const valid = await importFile(ws, percent, { kind: 'sales', validOnly: true });
    expect(storedRows(ws, 'sales', valid.batch ?? 0).map((s) => s.net_value)).toEqual([9240]);

    // Rates written as text in a CSV beside a line amount are not read as rupees of discount either.
    const withAmount = file('rates-beside-amount.csv', [
      ['Invoice No', 'Invoice Date', 'Distributor Code', 'SKU', 'Qty', 'Discount', 'Net Value'],
      ['RT-1', '2026-10-05', 'D001', 'SKU-0001', 2, '0.15', '170.00'],
      ['RT-2', '2026-10-06', 'D001', 'SKU-0002', 1, '0', '100.00'],
    ]);
    const beside = await importFile(ws, withAmount, { kind: 'sales' });
    expect(beside.mapping.discount).toBeUndefined();
    expect(storedRows(ws, 'sales', beside.batch ?? 0).map((s) => [s.discount, s.net_value])).toEqual([
      [null, 17000],
      [null, 10000],
    ]);
  });
});

describe("a column of rates beside its amounts under the same name (Vyapar's Discount % and Discount, Tax % and Tax)", () => {
  const vyapar = () =>
    file('vyapar.csv', [
      [
        'Date',
        'Invoice No.',
        'Distributor Code',
        'Item Code',
        'Quantity',
        'Price/Unit',
        'Discount %',
        'Discount',
        'Tax %',
        'Tax',
        'Amount',
      ],
      ['05/10/2026', '101', 'D001', 'SKU-0001', 10, '100', '5', '50', '18', '171', '1121'],
      ['05/10/2026', '101', 'D001', 'SKU-0002', 20, '50', '0', '0', '18', '180', '1180'],
      ['06/10/2026', '102', 'D002', 'SKU-0001', 5, '100', '0', '0', '18', '90', '590'],
    ]);
  const amounts = { discount: '50.00', tax: '441.00', net_value: '2450.00' };

  it('reads the amounts, as proposed, as the dialog sends the mapping back, and as mapped by header', async () => {
    const path = vyapar();
    const preview = await inspectFile(ws.db, { path, kind: 'sales', locale: 'en-IN' });
    expect(preview.mapping).toMatchObject({ discount: 'Discount', tax: 'Tax', with_tax: 'Amount' });
    const proposed = await importFile(ws, path, { kind: 'sales', dryRun: true });
    const sentBack = await importFile(ws, path, { kind: 'sales', mapping: preview.mapping, dryRun: true });
    const mapped = await importFile(ws, path, {
      kind: 'sales',
      map: { discount: 'Discount', tax: 'Tax' },
      dryRun: true,
    });
    for (const r of [proposed, sentBack, mapped]) {
      expect(r.totals).toMatchObject(amounts);
      expect(r.warnings).toEqual([]);
    }
  });

  it('reads the rates where the rates are what the user maps', async () => {
    const r = await importFile(ws, vyapar(), { kind: 'sales', map: { discount: 'Discount %' }, dryRun: true });
    expect([r.mapping.discount, r.totals.discount, r.totals.net_value]).toEqual([undefined, undefined, '2450.00']);
    expect(r.decisions.map((d) => d.decision)).toContain(
      '"Discount %" holds rates (15 for 15 %), not amounts: it is not imported as the discount',
    );
  });
});

describe("a line's gross and no net (Oracle Receivables' Extended Amount, Tax Amount and Total)", () => {
  const header = ['Trx Number', 'Trx Date', 'Customer Number', 'Line Number', 'Item', 'Quantity Invoiced'];

  it('reads the column that is the gross plus the tax as the amount with its tax, and the net as it less the tax', async () => {
    const path = file('oracle-lines.csv', [
      [...header, 'Extended Amount', 'Tax Amount', 'Total'],
      ['50001', '05-OCT-2026', 'D001', 1, 'SKU-0001', 10, '950.00', '171.00', '1121.00'],
      ['50001', '05-OCT-2026', 'D001', 2, 'SKU-0002', 20, '1000.00', '180.00', '1180.00'],
      ['50002', '06-OCT-2026', 'D002', 1, 'SKU-0001', 5, '500.00', '0.00', '500.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.totals).toMatchObject({ gross_value: '2450.00', net_value: '2450.00', tax: '351.00' });
    expect(r.decisions.map((d) => d.decision)).toContain(
      '"Total" is each line\'s amount with its tax: on every line read it is "Extended Amount" plus the tax, so each line\'s net value is it less its tax',
    );
    expect(storedRows(ws, 'sales', r.batch as number).map((l) => [l.doc_no, l.net_value, l.tax])).toEqual([
      ['50001', 95000, 17100],
      ['50001', 100000, 18000],
      ['50002', 50000, 0],
    ]);
  });

  it('reads the column that is the gross less the discount as the net', async () => {
    const path = file('gross-less.csv', [
      [...header, 'Gross Amount', 'Discount', 'Line Value'],
      ['50003', '05-OCT-2026', 'D001', 1, 'SKU-0001', 10, '1000.00', '50.00', '950.00'],
      ['50003', '05-OCT-2026', 'D001', 2, 'SKU-0002', 20, '1000.00', '0.00', '1000.00'],
    ]);
    const r = await importFile(ws, path, { kind: 'sales', dryRun: true });
    expect(r.totals).toMatchObject({ gross_value: '2000.00', discount: '50.00', net_value: '1950.00' });
  });

  it('takes a discount written negative off by its size, as the net beside the gross and in the amount with its tax', async () => {
    // Tally writes a discount ledger's column negative: taken away as written it was added, and
    // no column was the gross less it, or that plus the tax.
    const less = await importFile(
      ws,
      file('negative-discount.csv', [
        [...header, 'Gross Amount', 'Discount', 'Line Value'],
        ['50004', '05-OCT-2026', 'D001', 1, 'SKU-0001', 10, '1000.00', '-50.00', '950.00'],
        ['50004', '05-OCT-2026', 'D001', 2, 'SKU-0002', 20, '1000.00', '0.00', '1000.00'],
      ]),
      { kind: 'sales', dryRun: true },
    );
    expect(less.totals).toMatchObject({ gross_value: '2000.00', discount: '50.00', net_value: '1950.00' });
    const taxed = await importFile(
      ws,
      file('negative-discount-taxed.csv', [
        [...header, 'Gross', 'Disc', 'GST', 'Net'],
        ['50005', '05-OCT-2026', 'D001', 1, 'SKU-0001', 2, '600.00', '-12.00', '105.84', '693.84'],
        ['50005', '05-OCT-2026', 'D001', 2, 'SKU-0002', 1, '100.00', '0.00', '18.00', '118.00'],
      ]),
      { kind: 'sales', dryRun: true },
    );
    expect(taxed.errors).toEqual([]);
    expect(taxed.totals).toMatchObject({
      gross_value: '700.00',
      discount: '12.00',
      net_value: '688.00',
      tax: '123.84',
    });
  });

  it('is refused, saying why, where no column is the line amount', async () => {
    const path = file('no-line-amount.csv', [
      [...header, 'Extended Amount', 'Tax Amount', 'Freight'],
      ['50004', '05-OCT-2026', 'D001', 1, 'SKU-0001', 10, '950.00', '171.00', '40.00'],
      ['50004', '05-OCT-2026', 'D001', 2, 'SKU-0002', 20, '1000.00', '180.00', '0.00'],
    ]);
    await expect(importFile(ws, path, { kind: 'sales', dryRun: true })).rejects.toThrow(
      'no column for Net value ("Extended Amount" is read as the gross, and no column is, on every line of the first rows, it less the discount, or that plus the tax) in header row 1',
    );
  });
});
