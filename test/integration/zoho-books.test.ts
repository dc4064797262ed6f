import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkspaceApi } from '../../main/api/handlers';
import { earlyPaymentTotal } from '../support/early-payment';
import { demoWorkspacePerTest } from '../support/workspace';

/**
 * Zoho Books (India) as its exports write a customer's year: Contacts (customers and vendors, each
 * known by its Contact ID), Items (each known by its Item ID), Invoice (a row per item line, its GST in rupees and again in the
 * foreign-currency columns, drafts beside sent invoices) and Customer Payment (Payment Type
 * "Invoice Payment", the TDS the customer withheld beside the money). Headers and values as the
 * real exports have them, cut to the columns that matter.
 */
const contacts = [
  'Display Name,Company Name,Status,GST Treatment,GST Identification Number (GSTIN),Primary Contact ID,Contact ID,Contact Name,Contact Type,Place Of Contact,Contact Address ID',
  'EPACK PREFAB TECHNOLOGIES LIMITED,EPACK PREFAB TECHNOLOGIES LIMITED,Active,business_gst,09AAACE5175D3ZQ,2761566000000183010,2761566000000183009,EPACK PREFAB TECHNOLOGIES LIMITED,customer,UP,2761566000000183009',
  'GS EXPRESS PVT LTD,GS EXPRESS PVT LTD,Inactive,business_gst,09AACCG5655J2Z9,2761566000000032577,2761566000000032575,GS EXPRESS PVT LTD,customer,UP,2761566000000032575',
  'Shree Cables,Shree Cables,Active,business_gst,09AAACS1111A1Z1,2761566000000050002,2761566000000050001,Shree Cables,vendor,UP,2761566000000050001',
];
const items = [
  'Item ID,Item Name,HSN/SAC,Rate,Account,Status,Usage unit,Purchase Rate,Item Type',
  '2761566000000216002,320 kVA DG Set Maintenance & Service,998719,INR 28249.00,Sales,Active,nos,INR 25000.00,Sales and Purchases',
  '2761566000000257001,DG set electrical panel repair and testing,998719,INR 4200.00,Sales,Active,Job,INR 3750.00,Sales and Purchases',
];
const invoices = [
  'Invoice Date,Invoice ID,Invoice Number,Invoice Status,Customer ID,Customer Name,Currency Code,SubTotal,Total,Balance,Adjustment,Adjustment Description,Item Name,Quantity,Discount,Discount Amount,Item Total,Item Price,Product ID,CGST Rate %,SGST Rate %,CGST(FCY),SGST(FCY),IGST(FCY),CGST,SGST,IGST,Account,Account Code,Item Tax Amount',
  '2027-06-16,2761566000000257009,INV-27-009,Draft,2761566000000183009,EPACK PREFAB TECHNOLOGIES LIMITED,INR,3178.00,3750.00,3750.00,-0.04,Round Off,DG set electrical panel repair and testing,1.00,0.00,0.00,3178.00,3178.00,2761566000000257001,9.00,9.00,286.02,286.02,0.00,286.02,286.02,0.00,Sales,,572.04',
  '2027-06-19,2761566000000228003,INV-27-010,Closed,2761566000000183009,EPACK PREFAB TECHNOLOGIES LIMITED,INR,28666.09,33826.00,0.00,0.01,Round Off,320 kVA DG Set Maintenance & Service,1.00,0.00,0.00,28666.09,28666.09,2761566000000216002,9.00,9.00,2579.95,2579.95,0.00,2579.95,2579.95,0.00,Sales,,5159.90',
];
// An invoice of two item lines, its Adjustment (its round-off) written on both rows.
const twoLines = [
  '2027-06-20,2761566000000257010,INV-27-011,Sent,2761566000000183009,EPACK PREFAB TECHNOLOGIES LIMITED,INR,4178.00,4930.00,4930.00,-0.04,Round Off,DG set electrical panel repair and testing,1.00,0.00,0.00,3178.00,3178.00,2761566000000257001,9.00,9.00,286.02,286.02,0.00,286.02,286.02,0.00,Sales,,572.04',
  '2027-06-20,2761566000000257010,INV-27-011,Sent,2761566000000183009,EPACK PREFAB TECHNOLOGIES LIMITED,INR,4178.00,4930.00,4930.00,-0.04,Round Off,320 kVA DG Set Maintenance & Service,1.00,0.00,0.00,1000.00,1000.00,2761566000000216002,9.00,9.00,90.00,90.00,0.00,90.00,90.00,0.00,Sales,,180.00',
];
const payments = [
  'Payment Number,CustomerPayment ID,Mode,CustomerID,Amount,Unused Amount,Bank Charges,Reference Number,Currency Code,Customer Name,Payment Type,Date,Deposit To,Tax Account,Payment Status,InvoicePayment ID,Amount Applied to Invoice,Invoice Payment Applied Date,Withholding Tax Amount,Invoice Number,Invoice Date',
  '10,2761566000000228060,Bank Transfer,2761566000000183009,33487.000,0.000,0.000,AXISP00809861929,INR,EPACK PREFAB TECHNOLOGIES LIMITED,Invoice Payment,2027-06-22,RISHABH AND BROTHERS SERVICES,TDS Receivable,Paid,2761566000000228064,33487.00,2027-06-22,339.000,INV-27-010,2027-06-19',
  '11,2761566000000228070,Bank Transfer,2761566000000183009,4930.000,0.000,0.000,AXISP00809861999,INR,EPACK PREFAB TECHNOLOGIES LIMITED,Invoice Payment,2027-06-25,RISHABH AND BROTHERS SERVICES,,Paid,2761566000000228074,4930.00,2027-06-25,0.000,INV-27-011,2027-06-20',
];

describe("Zoho Books' exports, one after another into one workspace", () => {
  const demo = demoWorkspacePerTest();
  /** The workspace, its API, and an import through the API of lines written as the file `name`. */
  const importer = () => {
    const { ws, dir } = demo.current();
    const api = createWorkspaceApi(ws);
    const imported = async (
      name: string,
      lines: string[],
      kind: 'distributors' | 'products' | 'sales' | 'payments',
    ) => {
      const path = join(dir, name);
      writeFileSync(path, `${lines.join('\n')}\n`);
      const result = await api.call('import.run', { path, kind });
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return result.value;
    };
    return { ws, api, imported };
  };
  /** The same, with Contacts and Items imported. */
  const withMasters = async () => {
    const { ws, imported } = importer();
    await imported('Contacts.csv', contacts, 'distributors');
    await imported('Items.csv', items, 'products');
    return { ws, imported };
  };

  it('links invoices and payments to the contacts by Contact ID, counts GST once, and a bill paid less its TDS is paid in full', async () => {
    const { ws, api, imported } = importer();

    const masters = await imported('Contacts.csv', contacts, 'distributors');
    expect(masters).toMatchObject({ rows: 2, skipped: { 'type:vendor': 1 } });
    const code = ws.db.prepare('SELECT code FROM distributors WHERE name = ?').pluck();
    expect(code.get('EPACK PREFAB TECHNOLOGIES LIMITED')).toBe('2761566000000183009');
    expect(code.get('Shree Cables')).toBeUndefined();

    const products = await imported('Items.csv', items, 'products');
    expect(products.rows).toBe(2);
    expect(ws.db.prepare('SELECT sku, mrp, unit_cost FROM products WHERE name LIKE ?').get('320 kVA%')).toEqual({
      sku: '2761566000000216002',
      mrp: 2824900,
      unit_cost: 2500000,
    });

    // No "create missing": the invoice's Customer ID and Product ID must be a contact's and an item's.
    const sales = await imported('Invoice.csv', [...invoices, ...twoLines], 'sales');
    expect(sales).toMatchObject({ rows: 3, rejected: 0, skipped: { draft: 1 } });
    expect(sales.totals).toMatchObject({ net_value: '32844.09', tax: '5911.94' });
    // The round-off once for each invoice, on its first line.
    const roundOffs = ws.db
      .prepare('SELECT doc_no, round_off FROM sales WHERE batch_id = ? ORDER BY id')
      .all(sales.batch);
    expect(roundOffs).toEqual([
      { doc_no: 'INV-27-010', round_off: 1 },
      { doc_no: 'INV-27-011', round_off: -4 },
      { doc_no: 'INV-27-011', round_off: null },
    ]);
    expect(sales.decisions.map((d) => d.decision)).toContain('Tax is the sum of the columns CGST, SGST, IGST');
    expect(sales.mapping).toMatchObject({ distributor_code: 'Customer ID', sku: 'Product ID' });

    const received = await imported('Customer_Payment.csv', payments, 'payments');
    expect(received).toMatchObject({ rows: 2, rejected: 0, skipped: {} });
    expect(received.totals.amount).toBe('38756.00');
    expect(received.decisions.map((d) => d.decision)).toContain(
      'The tax the customer withheld ("Withholding Tax Amount", TDS) is added to what each row pays: it settles the bill as the money does, so a bill paid less its TDS is paid in full',
    );

    // 1% of two invoices settled in full: INV-27-010, 28,666.09 + 5,159.90 of GST + 0.01 of
    // round-off, by 33,487.00 and 339.00 of TDS three days after it; INV-27-011, 4,178.00 + 752.04
    // less 0.04, by 4,930.00: 1% of 38,756.00 is 387.56. Read as 33,487.00 alone the first was not
    // settled, and without its round-off the second was 0.04 short: 0.00 in all.
    expect(await earlyPaymentTotal(api, '2027-06', 10)).toBe('387.56');
  });

  it('takes the tax out of the amounts of the invoices Is Inclusive Tax marks, and only of those; skips one pending approval', async () => {
    const { ws, imported } = await withMasters();
    // One invoice priced with its GST inside (1,180.00 of which 180.00 is GST), one without.
    const header =
      'Invoice Date,Invoice Number,Invoice Status,Customer ID,Is Inclusive Tax,SubTotal,Total,Item Name,Quantity,Item Total,Item Price,Product ID,CGST,SGST,IGST';
    const line = (no: string, inclusive: boolean, itemTotal: string, total: string) =>
      `2027-06-21,${no},Sent,2761566000000183009,${inclusive},${itemTotal},${total},DG set electrical panel repair and testing,1.00,${itemTotal},${itemTotal},2761566000000257001,90.00,90.00,0.00`;
    const sales = await imported(
      'Invoice.csv',
      [
        header,
        line('INV-27-012', true, '1180.00', '1180.00'),
        line('INV-27-013', false, '1000.00', '1180.00'),
        // Awaiting its approver: not yet issued, so no sale.
        line('INV-27-019', false, '5000.00', '5900.00').replace(',Sent,', ',Pending Approval,'),
      ],
      'sales',
    );
    expect(sales).toMatchObject({ rows: 2, rejected: 0, skipped: { 'pending approval': 1 } });
    expect(sales.totals).toMatchObject({ net_value: '2000.00', tax: '360.00' });
    expect(
      ws.db.prepare('SELECT doc_no, net_value, tax FROM sales WHERE batch_id = ? ORDER BY id').all(sales.batch),
    ).toEqual([
      { doc_no: 'INV-27-012', net_value: 100_000, tax: 18_000 },
      { doc_no: 'INV-27-013', net_value: 100_000, tax: 18_000 },
    ]);
    expect(sales.decisions.map((d) => d.decision)).toContain(
      '"Item Total" includes the tax on the rows whose "Is Inclusive Tax" says so: there the net value is it less the tax, elsewhere it as written',
    );
  });

  it('reads its Credit Notes export: negative, a void one skipped by its Credit Note Status, the tax out of an inclusive one', async () => {
    const { ws, imported } = await withMasters();
    const header =
      'Credit Note Date,Credit Note Number,Credit Note Status,Customer ID,Is Inclusive Tax,SubTotal,Total,Item Name,Quantity,Item Total,Product ID,CGST,SGST';
    const note = (no: string, status: string, inclusive: boolean, itemTotal: string) =>
      `2027-06-25,${no},${status},2761566000000183009,${inclusive},${itemTotal},1180.00,DG set electrical panel repair and testing,1.00,${itemTotal},2761566000000257001,90.00,90.00`;
    const notes = await imported(
      'Credit_Note.csv',
      [
        header,
        note('CN-00012', 'Open', false, '1000.00'),
        note('CN-00013', 'Closed', true, '1180.00'),
        note('CN-00014', 'Void', false, '1000.00'),
      ],
      'sales',
    );
    expect(notes).toMatchObject({ rows: 2, rejected: 0, skipped: { void: 1 } });
    const stored = ws.db.prepare('SELECT doc_type, doc_no, net_value, tax FROM sales WHERE batch_id = ? ORDER BY id');
    expect(stored.all(notes.batch)).toEqual([
      { doc_type: 'credit_note', doc_no: 'CN-00012', net_value: -100_000, tax: -18_000 },
      { doc_type: 'credit_note', doc_no: 'CN-00013', net_value: -100_000, tax: -18_000 },
    ]);
  });

  it("spreads a discount on the whole bill (Entity Discount Amount) over the bill's lines by their amounts, to the paisa", async () => {
    const { ws, imported } = await withMasters();
    const header =
      'Invoice Date,Invoice Number,Invoice Status,Customer ID,Discount Type,Entity Discount Percent,Entity Discount Amount,SubTotal,Total,Item Name,Quantity,Discount Amount,Item Total,Item Price,Product ID,CGST,SGST';
    const line = (no: string, off: string, subtotal: string, itemTotal: string) =>
      `2027-06-21,${no},Sent,2761566000000183009,entity_level,10.00,${off},${subtotal},0.00,DG set electrical panel repair and testing,1.00,0.00,${itemTotal},${itemTotal},2761566000000257001,0.00,0.00`;
    // 100.00 off 1,000.00 of three lines: 33.33, 33.34 and 33.33, which add up to it.
    const sales = await imported(
      'Invoice.csv',
      [
        header,
        line('INV-27-014', '100.00', '1000.00', '333.33'),
        line('INV-27-014', '100.00', '1000.00', '333.33'),
        line('INV-27-014', '100.00', '1000.00', '333.34'),
        line('INV-27-015', '0.00', '500.00', '500.00'),
      ],
      'sales',
    );
    expect(sales).toMatchObject({ rows: 4, rejected: 0 });
    expect(sales.totals).toMatchObject({ net_value: '1400.00', discount: '100.00' });
    const stored = ws.db.prepare('SELECT doc_no, net_value, discount FROM sales WHERE batch_id = ? ORDER BY id');
    expect(stored.all(sales.batch)).toEqual([
      { doc_no: 'INV-27-014', net_value: 30_000, discount: 3_333 },
      { doc_no: 'INV-27-014', net_value: 29_999, discount: 3_334 },
      { doc_no: 'INV-27-014', net_value: 30_001, discount: 3_333 },
      { doc_no: 'INV-27-015', net_value: 50_000, discount: 0 },
    ]);
    expect(sales.decisions.map((d) => d.decision)).toContain(
      '"Entity Discount Amount" is a discount on the whole bill: it is spread over the bill\'s lines in proportion to their amounts (their sum is "SubTotal"), to the paisa, and comes off their net values',
    );

    // Without the bill's subtotal beside it the discount cannot be spread: the row is refused, not counted as sales.
    const bare = await imported(
      'Invoice-no-subtotal.csv',
      [
        'Invoice Date,Invoice Number,Customer ID,Entity Discount Amount,Item Name,Quantity,Item Total,Product ID',
        '2027-06-22,INV-27-016,2761566000000183009,10.00,DG set,1.00,100.00,2761566000000257001',
        '2027-06-22,INV-27-017,2761566000000183009,0.00,DG set,1.00,100.00,2761566000000257001',
      ],
      'sales',
    );
    expect(bare).toMatchObject({ batch: null, rejected: 1 });
    expect(bare.errors).toEqual([
      {
        row: 2,
        column: 'Entity Discount Amount',
        value: '10.00',
        message:
          "a discount on the whole bill, which cannot be spread over its lines: the file writes no subtotal of the bill's lines beside it (map it: --map bill_subtotal=HEADER)",
      },
    ]);
  });
  it("reads each line's tax from Item Tax Amount where the export has no CGST and SGST columns, not from the tax's name in Item Tax", async () => {
    const { ws, imported } = await withMasters();
    const header =
      'Invoice Date,Invoice Number,Invoice Status,Customer ID,SubTotal,Total,Item Name,Quantity,Item Total,Product ID,Item Tax,Item Tax %,Item Tax Type,Item Tax Amount';
    const line = (no: string, total: string, itemTotal: string, tax: string, name: string, rate: string) =>
      `2027-06-23,${no},Sent,2761566000000183009,${itemTotal},${total},DG set electrical panel repair and testing,1.00,${itemTotal},2761566000000257001,${name},${rate},Tax Group,${tax}`;
    const sales = await imported(
      'Invoice.csv',
      [
        header,
        line('INV-27-020', '1180.00', '1000.00', '180.00', 'GST18', '18'),
        line('INV-27-021', '560.00', '500.00', '60.00', 'GST12', '12'),
      ],
      'sales',
    );
    expect(sales).toMatchObject({ rows: 2, rejected: 0 });
    expect(sales.totals).toMatchObject({ net_value: '1500.00', tax: '240.00' });
    expect(
      ws.db.prepare('SELECT doc_no, net_value, tax FROM sales WHERE batch_id = ? ORDER BY id').all(sales.batch),
    ).toEqual([
      { doc_no: 'INV-27-020', net_value: 100_000, tax: 18_000 },
      { doc_no: 'INV-27-021', net_value: 50_000, tax: 6_000 },
    ]);
    expect(sales.decisions.map((d) => d.decision)).toContain('Tax is the column Item Tax Amount');
  });
});
