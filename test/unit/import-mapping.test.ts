import { describe, expect, it } from 'vitest';
import { pseudoFieldsOf } from '../../main/import/aliases';
import { findHeaderRow, mappingByHeader, namedFieldsProblem, proposeMapping } from '../../main/import/mapping';
import { monthOfHeader } from '../../main/import/month-columns';
import { isTotalRow } from '../../main/import/total-rows';

const mapped = (kind: Parameters<typeof proposeMapping>[0], headers: string[]) =>
  mappingByHeader(headers, proposeMapping(kind, headers));

describe('header aliases', () => {
  it("maps Infor M3's invoice lines: the rupee as a word, the invoice's number over the voucher's", () => {
    const headers = [
      'Invoice No',
      'Voucher No',
      'Invoice Date',
      'Customer No',
      'Item No',
      'Delivery Invoiced Quantity',
      'Net Invoice Amount FCN',
      'Net Invoice Amount INR',
      'Discount Invoice Amount INR',
      'Invoice Amount INR',
    ];
    expect(mapped('sales', headers)).toMatchObject({
      doc_no: 'Invoice No',
      doc_date: 'Invoice Date',
      distributor_code: 'Customer No',
      sku: 'Item No',
      qty: 'Delivery Invoiced Quantity',
      net_value: 'Net Invoice Amount INR',
      discount: 'Discount Invoice Amount INR',
    });
    expect(mapped('sales', ['Bill No', 'Date', 'Party', 'Item', 'Qty', 'Amount in Rs.'])).toMatchObject({
      net_value: 'Amount in Rs.',
    });
  });

  it('never puts a column of percentages on an amount of money, a unit price included, and keeps a GST ledger at a rate', () => {
    expect(
      mapped('sales', [
        'Bill No',
        'Date',
        'Party',
        'Item',
        'Qty',
        'Rate %',
        'GST%',
        'Dis%',
        'Amount',
        'Output CGST 9%',
      ]),
    ).toEqual({
      doc_no: 'Bill No',
      doc_date: 'Date',
      distributor_code: 'Party',
      sku: 'Item',
      qty: 'Qty',
      net_value: 'Amount',
      tax_cgst: 'Output CGST 9%',
    });
  });

  it('maps SAP ALV billing document headers', () => {
    const headers = [
      'Billing Document',
      'Billing Date',
      'Billing Type',
      'Sold-to party',
      'Material',
      'Billed Quantity',
      'Net Value',
    ];
    expect(mapped('sales', headers)).toEqual({
      doc_no: 'Billing Document',
      doc_date: 'Billing Date',
      doc_type: 'Billing Type',
      distributor_code: 'Sold-to party',
      sku: 'Material',
      qty: 'Billed Quantity',
      net_value: 'Net Value',
    });
  });

  it('maps SAP technical field names', () => {
    expect(mapped('sales', ['VBELN', 'FKDAT', 'FKART', 'KUNAG', 'MATNR', 'FKIMG', 'NETWR'])).toEqual({
      doc_no: 'VBELN',
      doc_date: 'FKDAT',
      doc_type: 'FKART',
      distributor_code: 'KUNAG',
      sku: 'MATNR',
      qty: 'FKIMG',
      net_value: 'NETWR',
    });
  });

  it("maps ERPNext's Item-wise Sales Register", () => {
    const headers = ['Item Code', 'Item Name', 'Invoice', 'Posting Date', 'Customer', 'Customer Name'];
    const rest = ['Stock Qty', 'Stock UOM', 'Rate', 'Amount', 'Total Tax', 'Total'];
    expect(mapped('sales', [...headers, ...rest])).toMatchObject({
      doc_no: 'Invoice',
      doc_date: 'Posting Date',
      distributor_code: 'Customer',
      sku: 'Item Code',
      qty: 'Stock Qty',
      net_value: 'Amount',
      tax: 'Total Tax',
    });
  });

  it("maps a column of units to the quantity it is of, never a stock unit to a line's own quantity or the other way", () => {
    const line = ['Invoice', 'Posting Date', 'Customer', 'Item Code'];
    const unitOf = (headers: string[]) => mapped('sales', [...line, ...headers]).qty_unit;
    expect([
      unitOf(['Qty', 'Unit', 'Amount']),
      unitOf(['Billed Qty', 'SU', 'Net Value']),
      unitOf(['Quantity (Items)', 'UOM (Items)', 'Stock UOM (Items)', 'Amount (Items)']),
      unitOf(['Stock Qty', 'UOM', 'Amount']),
      unitOf(['Stock Qty', 'Stock UOM', 'Amount']),
      unitOf(['Cases', 'Units', 'Net Amount']),
    ]).toEqual(['Unit', 'SU', 'UOM (Items)', undefined, undefined, undefined]);
  });

  it('maps the registers of Busy, Marg, SAP Business One and Odoo, items given by name where they have no code', () => {
    expect(mapped('sales', ['Date', 'Vch/Bill No', 'Particulars', 'Item Details', 'Qty.', 'Amount'])).toEqual({
      doc_date: 'Date',
      doc_no: 'Vch/Bill No',
      distributor_code: 'Particulars',
      sku: 'Item Details',
      qty: 'Qty.',
      net_value: 'Amount',
    });
    expect(mapped('sales', ['Bill No.', 'Bill Date', 'Party Name', 'Product Name', 'Qty', 'Free', 'Net Amt'])).toEqual({
      doc_no: 'Bill No.',
      doc_date: 'Bill Date',
      distributor_code: 'Party Name',
      sku: 'Product Name',
      qty: 'Qty',
      net_value: 'Net Amt',
    });
    const b1 = ['Doc. No.', 'Posting Date', 'Customer/Vendor Code', 'Item No.', 'Item/Service Description', 'Quantity'];
    expect(mapped('sales', [...b1, 'Row Total'])).toEqual({
      doc_no: 'Doc. No.',
      doc_date: 'Posting Date',
      distributor_code: 'Customer/Vendor Code',
      sku: 'Item No.',
      qty: 'Quantity',
      net_value: 'Row Total',
    });
    expect(mapped('sales', ['Number', 'Date', 'Customer', 'Product', 'Quantity', 'Subtotal'])).toEqual({
      doc_no: 'Number',
      doc_date: 'Date',
      distributor_code: 'Customer',
      sku: 'Product',
      qty: 'Quantity',
      net_value: 'Subtotal',
    });
    expect(mapped('payments', ['Date', 'Receipt No', 'Party', 'Amount', 'Against Bill'])).toMatchObject({
      against_doc_no: 'Against Bill',
    });
    // A receipt book writes what was received beside the bill's amount, abridged.
    const book = ['Date', 'Voucher No', 'Party Code', 'Bill No', 'Bill Date', 'Bill Amt'];
    expect(mapped('payments', [...book, 'Received Amt', 'Balance'])).toMatchObject({
      against_doc_no: 'Bill No',
      amount: 'Received Amt',
    });
    expect(mapped('payments', [...book, 'Recd. Amt']).amount).toBe('Recd. Amt');
    // Tally's Sales Register as some export it: the sale before tax beside the invoice's total.
    expect(mapped('sales', ['Date', 'Vch/Bill No', 'Account', 'Total Amount', 'Sale Amount', 'IGST'])).toMatchObject({
      distributor_code: 'Account',
      gross_total: 'Total Amount',
      net_value: 'Sale Amount',
    });
    // A quantity in a unit the header names: pieces before cases, a plain quantity before either, never Free Qty.
    const dms = ['Invoice No', 'Date', 'Distributor Code', 'SKU Code', 'Net Amount'];
    expect(mapped('sales', [...dms, 'Qty (Cases)', 'Free Qty', 'Qty (PCS)'])).toMatchObject({ qty: 'Qty (PCS)' });
    expect(mapped('sales', [...dms, 'Quantity in Kg'])).toMatchObject({ qty: 'Quantity in Kg' });
    expect(mapped('sales', [...dms, 'Qty (PCS)', 'Qty'])).toMatchObject({ qty: 'Qty' });
    expect(mapped('sales', [...dms, 'Free Qty']).qty).toBeUndefined();
    // ERPNext's Accounts Receivable report.
    const ar = ['Posting Date', 'Customer', 'Voucher No', 'Due Date', 'Invoiced Amount', 'Paid Amount'];
    expect(mapped('receivables', [...ar, 'Outstanding Amount'])).toMatchObject({
      amount: 'Invoiced Amount',
      outstanding: 'Outstanding Amount',
    });
    // An ageing report's Total after its ageing columns is what each bill still owes, not its amount.
    const xero = ['Invoice Date', 'Invoice Number', 'Due Date', 'Current', '< 1 Month', '1 Month', 'Older', 'Total'];
    expect(mapped('receivables', xero)).toEqual({
      doc_date: 'Invoice Date',
      doc_no: 'Invoice Number',
      due_date: 'Due Date',
      outstanding: 'Total',
    });
    const days = ['Bill No', 'Bill Date', 'Party', '0-30', '31 - 60 Days', '61 to 90', '> 90', 'Total Due'];
    expect(mapped('receivables', days)).toMatchObject({ outstanding: 'Total Due' });
    expect(mapped('receivables', ['Bill No', 'Bill Date', 'Party', 'Not Due', '90+', 'Total'])).toMatchObject({
      outstanding: 'Total',
    });
    // One ageing column is no ageing report, nor a Total before them; a column of what is outstanding comes first.
    expect(mapped('receivables', ['Bill No', 'Bill Date', 'Party', 'Current', 'Total'])).toMatchObject({
      amount: 'Total',
    });
    expect(mapped('receivables', ['Bill No', 'Total', 'Current', '1 Month']).outstanding).toBeUndefined();
    expect(mapped('receivables', ['Bill No', 'Balance Due', 'Current', '1 Month', 'Total'])).toMatchObject({
      amount: 'Total',
      outstanding: 'Balance Due',
    });
    // SAP Business One's Incoming Payments, in the company's own currency.
    const incoming = [
      'Document Number',
      'Posting Date',
      'Customer Code',
      'Customer Name',
      'Total Amount (LC)',
      'Payment Means',
    ];
    expect(mapped('payments', incoming)).toMatchObject({
      receipt_no: 'Document Number',
      receipt_date: 'Posting Date',
      distributor_code: 'Customer Code',
      amount: 'Total Amount (LC)',
      mode: 'Payment Means',
    });
    expect(mapped('payments', [...incoming.slice(0, 4), 'Total Amount (FC)']).amount).toBeUndefined();
    // Busy's voucher export: the codes beside the names.
    const busy = ['Vch/Bill No', 'Alias', 'Particulars', 'Item Alias', 'Item Details', 'Qty.', 'Amount'];
    expect(mapped('sales', busy)).toMatchObject({ distributor_code: 'Alias', sku: 'Item Alias' });
  });

  it("reads Odoo's paths: a record's key names the record, a named record's other fields name nothing", () => {
    const headers = [
      'Number',
      'Invoice/Bill Date',
      'Partner/Reference',
      'Invoice lines/Product/Display Name',
      'Invoice lines/Product/Product Category/Display Name',
      'Invoice lines/Quantity',
      'Invoice lines/Subtotal',
    ];
    const mapping = mapped('sales', headers);
    expect(mapping).toMatchObject({
      doc_no: 'Number',
      doc_date: 'Invoice/Bill Date',
      distributor_code: 'Partner/Reference',
      sku: 'Invoice lines/Product/Display Name',
      qty: 'Invoice lines/Quantity',
      net_value: 'Invoice lines/Subtotal',
    });
    // The partner's reference is no document a credit note is against, nor its ID the invoice's.
    expect(mapping.against_doc_no).toBeUndefined();
    expect(mapped('sales', ['Partner/ID'])).toEqual({ distributor_code: 'Partner/ID' });
    // A product's category or price is not the line's.
    expect(mapped('sales', ['Product/Product Category', 'Product/Sales Price'])).toEqual({});
    expect(mapped('sales', ['Customer/Vendor Name']).distributor_code).toBe('Customer/Vendor Name');
  });

  it('maps ERPNext child-table headers', () => {
    const headers = ['ID', 'Customer', 'Date', 'Is Return', 'Item Code (Items)', 'Quantity (Items)', 'Amount (Items)'];
    expect(mapped('sales', headers)).toMatchObject({
      distributor_code: 'Customer',
      doc_date: 'Date',
      return_flag: 'Is Return',
      sku: 'Item Code (Items)',
      qty: 'Quantity (Items)',
      net_value: 'Amount (Items)',
    });
  });

  it("maps a master's fields named after the master itself, never after another master", () => {
    const outlets = ['Retailer Code', 'Retailer Name', 'Distributor Code', 'Distributor Name', 'Retailer Class'];
    expect(mapped('outlets', [...outlets, 'Outlet Town', 'Store Pincode'])).toEqual({
      code: 'Retailer Code',
      name: 'Retailer Name',
      distributor_code: 'Distributor Code',
      class: 'Retailer Class',
      town: 'Outlet Town',
    });
    expect(mapped('products', ['Item Code', 'Item Name', 'Item Brand', 'Item UOM', 'Article MRP'])).toEqual({
      sku: 'Item Code',
      name: 'Item Name',
      brand: 'Item Brand',
      uom: 'Item UOM',
      mrp: 'Article MRP',
    });
    expect(mapped('distributors', ['Dealer Code', 'Dealer Name', 'Dealer Region', 'Party GSTIN'])).toEqual({
      code: 'Dealer Code',
      name: 'Dealer Name',
      region: 'Dealer Region',
      gstin: 'Party GSTIN',
    });
  });

  it('maps Tally, Zoho Books, Business Central and QuickBooks exports', () => {
    expect(
      mapped('sales', ['Date', 'Particulars', 'Voucher Type', 'Voucher No.', 'Name of Item', 'Quantity', 'Value']),
    ).toMatchObject({
      doc_date: 'Date',
      doc_type: 'Voucher Type',
      doc_no: 'Voucher No.',
      sku: 'Name of Item',
      qty: 'Quantity',
      net_value: 'Value',
    });
    expect(
      mapped('sales', ['Invoice Date', 'Invoice Number', 'Customer Name', 'Item Name', 'Quantity', 'Item Total']),
    ).toMatchObject({
      doc_date: 'Invoice Date',
      doc_no: 'Invoice Number',
      distributor_code: 'Customer Name',
      sku: 'Item Name',
      net_value: 'Item Total',
    });
    expect(
      mapped('sales', [
        'Document No.',
        'Posting Date',
        'Sell-to Customer No.',
        'No.',
        'Quantity',
        'Line Amount Excl. VAT',
      ]),
    ).toEqual({
      doc_no: 'Document No.',
      doc_date: 'Posting Date',
      distributor_code: 'Sell-to Customer No.',
      sku: 'No.',
      qty: 'Quantity',
      net_value: 'Line Amount Excl. VAT',
    });
    expect(
      mapped('sales', ['Date', 'Transaction Type', 'Num', 'Customer', 'Product/Service', 'Qty', 'Amount']),
    ).toMatchObject({
      doc_type: 'Transaction Type',
      doc_no: 'Num',
      sku: 'Product/Service',
      net_value: 'Amount',
    }); // Zoho Books' Sales by Item: its quantity is the Quantity Sold.
    expect(mapped('sales', ['Item Name', 'SKU', 'Quantity Sold', 'Amount', 'Average Price'])).toMatchObject({
      sku: 'SKU',
      qty: 'Quantity Sold',
      net_value: 'Amount',
    });
  });

  it("maps Indian registers' short forms (Inv Dt, Cust Code, Sale Qty, O/S Amt, Rcpt Dt), collections and Tally Prime's voucher layout", () => {
    expect(mapped('sales', ['Inv No', 'Inv Dt', 'Cust Code', 'Item Cd', 'Sale Qty', 'Taxable Amt'])).toMatchObject({
      doc_no: 'Inv No',
      doc_date: 'Inv Dt',
      distributor_code: 'Cust Code',
      qty: 'Sale Qty',
      net_value: 'Taxable Amt',
    });
    expect(mapped('sales', ['Bill Dt', 'Bill No', 'Cust Name', 'Item', 'Qty', 'Amount'])).toMatchObject({
      doc_date: 'Bill Dt',
      distributor_code: 'Cust Name',
    });
    expect(mapped('receivables', ['Inv No', 'Inv Dt', 'Cust Code', 'Due Dt', 'Inv Amt', 'O/S Amt'])).toMatchObject({
      doc_date: 'Inv Dt',
      distributor_code: 'Cust Code',
      amount: 'Inv Amt',
      outstanding: 'O/S Amt',
    });
    expect(mapped('payments', ['Receipt No', 'Rcpt Dt', 'Cust Code', 'Amount', 'Mode', 'Against Bill'])).toMatchObject({
      receipt_date: 'Rcpt Dt',
      distributor_code: 'Cust Code',
      against_doc_no: 'Against Bill',
    });
    // A distributor management system's collections.
    expect(
      mapped('payments', ['Collection No', 'Collection Date', 'Dealer Code', 'Collected Amount', 'Invoice Ref']),
    ).toEqual({
      receipt_no: 'Collection No',
      receipt_date: 'Collection Date',
      distributor_code: 'Dealer Code',
      amount: 'Collected Amount',
      against_doc_no: 'Invoice Ref',
    });
    const voucher = ['Voucher Date', 'Voucher Type Name', 'Voucher Number', 'Ledger Name', 'Ledger Amount'];
    expect(
      mapped('sales', [...voucher, 'Ledger Amount Dr/Cr', 'Item Name', 'Billed Quantity', 'Item Rate', 'Item Amount']),
    ).toMatchObject({
      doc_date: 'Voucher Date',
      doc_type: 'Voucher Type Name',
      doc_no: 'Voucher Number',
      distributor_code: 'Ledger Name',
      gross_total: 'Ledger Amount',
      sku: 'Item Name',
      qty: 'Billed Quantity',
      rate: 'Item Rate',
      net_value: 'Item Amount',
    });
  });

  it('finds the header row under company, title and period rows', () => {
    const rows = [
      ['Acme Consumer Products Pvt. Ltd.'],
      ['Sales Register'],
      ['1-Oct-2026 to 31-Oct-2026'],
      [],
      ['Voucher No', 'Date', 'Party', 'Item', 'Qty', 'Amount'],
      ['SI/1', '01-10-2026', 'D001', 'SKU-1', 2, 100],
    ];
    expect(findHeaderRow('sales', rows)?.index).toBe(4);
  });
});

describe('pseudo fields', () => {
  it('are proposed, offered and taken by --map only for the datasets whose import reads them', () => {
    expect(pseudoFieldsOf('receivables')).toEqual([
      'dr_cr',
      'status',
      'overdue_days',
      'credit_days',
      'currency',
      'clearing_doc',
      'cleared_on',
    ]);
    expect(pseudoFieldsOf('payments')).toEqual([
      'dr_cr',
      'debit_amount',
      'credit_amount',
      'status',
      'voucher_type',
      'allocated',
      'ledger',
      'withheld',
      'currency',
    ]);
    expect(pseudoFieldsOf('sales')).toContain('tax_cgst');
    // Masters and targets have no amounts for a Dr/Cr column to sign, so none is read for them.
    expect(pseudoFieldsOf('sales')).toContain('dr_cr');
    expect((['distributors', 'outlets', 'products'] as const).map(pseudoFieldsOf)).toEqual([[], [], []]);
    expect(pseudoFieldsOf('targets')).toEqual(['period']);
    const headers = ['Receipt No', 'Date', 'Party', 'Amount', 'CGST'];
    expect(mapped('payments', headers)).not.toHaveProperty('tax_cgst');
    expect(mapped('sales', headers)).toHaveProperty('tax_cgst', 'CGST');
    expect(namedFieldsProblem('payments', { tax_cgst: 'CGST' }, {})).toContain('no column can be mapped to "tax_cgst"');
    expect(namedFieldsProblem('sales', { tax_cgst: 'CGST' }, {})).toBeNull();
  });

  it('take a total before rounding and one after only as a pair, and only where no round-off is written', () => {
    const headers = ['Invoice', 'Posting Date', 'Customer', 'Net Total', 'Total Tax', 'Grand Total'];
    expect(mapped('sales', [...headers, 'Rounded Total'])).toMatchObject({
      grand_total: 'Grand Total',
      rounded_total: 'Rounded Total',
    });
    // Alone, a Grand Total stays free for a bill's total found by the rows.
    expect(mapped('sales', headers)).not.toHaveProperty('grand_total');
    const adjusted = mapped('sales', [...headers, 'Rounding Adjustment', 'Rounded Total']);
    expect(adjusted).toHaveProperty('round_off', 'Rounding Adjustment');
    expect(adjusted).not.toHaveProperty('grand_total');
    expect(adjusted).not.toHaveProperty('rounded_total');
  });
});

describe('total rows', () => {
  it("reads a target sheet's month columns, and only where no column gives a period or a value", () => {
    expect(mapped('targets', ['Distributor Code', 'Name', 'Oct-26', 'November 2026', 'Target Dec-26'])).toEqual({
      distributor_code: 'Distributor Code',
      month_1: 'Oct-26',
      month_2: 'November 2026',
      month_3: 'Target Dec-26',
    });
    expect(mapped('targets', ['From', 'To', 'Distributor', 'Value', 'Oct-26'])).not.toHaveProperty('month_1');
    expect(monthOfHeader('Sept 2026')).toEqual({ from: '2026-09-01', to: '2026-09-30' });
    expect(monthOfHeader("Feb'28")).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    // An Excel date cell heading the column, as the header reads it.
    expect(monthOfHeader('2026-12-01')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    // A quarter written as its months: from the first one's first day to the last one's last.
    expect(monthOfHeader('Apr-Jun 2026')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(monthOfHeader("Q3 Oct to Dec'26")).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(monthOfHeader('Target Jan–Mar 2028')).toEqual({ from: '2028-01-01', to: '2028-03-31' });
    // India's financial year, April to March: the year, a quarter or a half of it.
    const fiscal = (from: string, to: string) => ({ from, to });
    expect(monthOfHeader('Q3 FY26-27 Target')).toEqual(fiscal('2026-10-01', '2026-12-31'));
    expect(monthOfHeader('FY27 Q4')).toEqual(fiscal('2027-01-01', '2027-03-31'));
    expect(monthOfHeader('Q1 2026-27')).toEqual(fiscal('2026-04-01', '2026-06-30'));
    expect(monthOfHeader('FY 2026-27')).toEqual(fiscal('2026-04-01', '2027-03-31'));
    expect(monthOfHeader('H2 FY2027')).toEqual(fiscal('2026-10-01', '2027-03-31'));
    for (const text of ['Q5 FY27', 'H3 FY27', 'Q3 FY26-28', 'Q3 2026-28']) expect(monthOfHeader(text)).toBeNull();
    // A span that runs backwards or over the year's end names no year of its own: not read.
    for (const text of [
      'Octopus 26',
      '2026-12-15',
      'Q3 2026',
      'Value',
      'Oct-1890',
      '2026-13',
      'Nov-Jan 2027',
      'Jun-Apr 26',
    ])
      expect(monthOfHeader(text)).toBeNull();
  });

  it("proposes a target sheet's further target columns as measures of their own, and no column of its dates, achievement or rates", () => {
    const proposed = (headers: string[]) => proposeMapping('targets', headers);
    expect(proposed(['Distributor', 'Month', 'Target Value', 'Target Qty', 'Tgt Outlets', 'Spend Target'])).toEqual({
      distributor_code: 0,
      period: 1,
      value: 2,
      measure_1: 3,
      measure_2: 4,
      measure_3: 5,
    });
    const others = ['TargetDate', 'Target_Month', 'Target Achieved', 'Target %', 'Target Growth', 'Target Remarks'];
    expect(proposed(['Distributor', 'Month', 'Target Value', ...others])).toEqual({
      distributor_code: 0,
      period: 1,
      value: 2,
    });
    // A sheet that names its measure in a column of its own reads one target a row.
    expect(proposed(['Distributor', 'Measure', 'Target Value', 'Target Qty']).measure_1).toBeUndefined();
  });

  it('skips totals and subtotals but keeps a party whose name starts with Total', () => {
    expect(isTotalRow(['Total', null, 100])).toBe(true);
    expect(isTotalRow([null, 'Grand Total', 100])).toBe(true);
    expect(isTotalRow(['Sub Total', 100])).toBe(true);
    // ERPNext's General Ledger writes its total in quotes.
    expect(isTotalRow([null, "'Total'", 100])).toBe(true);
    // SAP marks a list's subtotals and totals so.
    expect(isTotalRow(['*', null, 'D001', 1500])).toBe(true);
    expect(isTotalRow(['**', null, null, 1500])).toBe(true);
    expect(isTotalRow(['Σ', 1500])).toBe(true);
    expect(isTotalRow(['*Special', 1500])).toBe(false);
    expect(isTotalRow(['Total for D001', 100])).toBe(true);
    expect(isTotalRow(['Total:', 100])).toBe(true);
    expect(isTotalRow([null, 'Totals', 17, 1500])).toBe(true);
    expect(isTotalRow(['Total Solutions Pvt Ltd', 'D009'])).toBe(false);
    expect(isTotalRow(['Totally Fresh Mart', 'D010'])).toBe(false);
  });
});
