import type { DatasetKind } from '../datasets/kinds';
import { scalePhrase } from './header-scale';

/**
 * Header texts that name each canonical field, as Tally Prime, SAP (English ALV headers and
 * technical names), ERPNext (`Field (Child Table)`), Zoho Books, Business Central, QuickBooks
 * and plain spreadsheets write them. Compared after `normalizeHeader`, so case, spaces and
 * punctuation do not matter. Besides the fields, `dr_cr` is a column saying Dr or Cr for the
 * row's amounts, and `return_flag` one marking a row as a return.
 */
export const pseudoFields = [
  'dr_cr',
  'return_flag',
  // Tally's Day Book pair: the party debited (a sale) or credited (a credit note); one signed amount.
  'debit_amount',
  'credit_amount',
  // GST split over several columns: the tax is their sum when no single tax column is mapped.
  'tax_cgst',
  'tax_sgst',
  'tax_utgst',
  'tax_igst',
  'tax_cess',
  // GST in one column beside no CGST or SGST ("Output GST 18%"): found by its name (mapping.ts).
  'tax_gst',
  // A document's status: cancelled, void and draft documents are skipped and counted.
  'status',
  // A unit price, for files whose only amount is a document total (net = qty × price).
  'rate',
  // A receipts file's voucher type: only receipts are payments (a Day Book holds every voucher).
  'voucher_type',
  // A receipt spread over the bills it settles: what each row allocates to its bill.
  'allocated',
  // A document's total, tax included (Tally's Gross Total): the net value is it less the tax,
  // when the file writes no net value of its own.
  'gross_total',
  // A general ledger's account, beside its party: each ledger line of a voucher names one.
  'ledger',
  // Tax the customer withheld from a receipt (TDS): it settles the bill as the money does.
  'withheld',
  // A document's adjustment to its total beside its round-off (Zoho Books' Adjustment, where it
  // keeps the rounding): part of what the distributor was billed.
  'adjustment',
  // A document's total before and after its rounding (ERPNext's Sales Register: Grand Total and
  // Rounded Total), where it writes no round-off: the round-off is between them.
  'grand_total',
  'rounded_total',
  // Busy's GST type ("L/GST-18%"), found by its values in a column named as a document type: the
  // rate of the tax inside a bill's total where no tax column is written (gst-types.ts).
  'gst_type',
  // A line's amount with its tax (a bill register's Net Amt where it writes no taxable value),
  // found by the rows: the net value is it less the tax (amounts-from-rows.ts).
  'with_tax',
  // Whether a row's amounts include its tax (Zoho Books' Is Inclusive Tax, QuickBooks' Amounts
  // are): where they do, the net value is the amount less the tax, row by row.
  'tax_inclusive',
  // A discount on the whole bill on each of its rows (Zoho Books' Entity Discount Amount), and the
  // bill's subtotal it is spread in proportion to, found by the rows (bill-discount.ts).
  'bill_discount',
  'bill_subtotal',
  // A bill's total with its tax on each of its rows beside the lines' amounts (Xero's Total), found
  // by the rows: a bill whose lines add up to it alone wrote them with their tax (bill-totals.ts).
  'bill_total',
  // The days a bill is overdue on the as-of date, where an ageing report writes no due date: the
  // due date is the as-of date less them (due-dates.ts).
  'overdue_days',
  // A bill's credit days, where an ageing report writes neither a due date nor days overdue: the
  // due date is the bill's date plus them (due-dates.ts).
  'credit_days',
  // A summary's returns beside its sales on the same row (a DMS's Sales Qty, Return Qty, Sales
  // Value, Return Value): taken off the quantity and the value named for sales (returns-beside.ts).
  'returned_qty',
  'returned_value',
  // The currency a row's amounts are written in (Zoho's Currency Code, SAP's Document Currency):
  // a row in another than the workspace's is refused (currency-column.ts).
  'currency',
  // An open-items list's clearing document and date (SAP's FBL5N: Clrng doc., Clearing): an item
  // cleared on or before the as-of date was owed nothing that day (cleared-items.ts).
  'clearing_doc',
  'cleared_on',
  'period',
  // The unit of each line's quantity in a column of its own (Tally's and Busy's Unit, SAP's SU, the
  // GST returns' UQC): checked against its product's unit as a quantity written "12 Nos" is.
  'qty_unit',
] as const;

export type PseudoField = (typeof pseudoFields)[number];

/** How the dialog names each pseudo field, and whether its column holds money (or words: a flag, a type). */
export const pseudoFieldDefs: Record<PseudoField, { label: string; type: 'money' | 'flag' | 'date' | 'int' }> = {
  dr_cr: { label: 'Dr/Cr indicator', type: 'flag' },
  return_flag: { label: 'Return flag', type: 'flag' },
  debit_amount: { label: 'Debit amount (Tally)', type: 'money' },
  credit_amount: { label: 'Credit amount (Tally)', type: 'money' },
  tax_cgst: { label: 'CGST', type: 'money' },
  tax_sgst: { label: 'SGST', type: 'money' },
  tax_utgst: { label: 'UTGST', type: 'money' },
  tax_igst: { label: 'IGST', type: 'money' },
  tax_cess: { label: 'Cess', type: 'money' },
  tax_gst: { label: 'GST (one column)', type: 'money' },
  status: { label: 'Document status', type: 'flag' },
  rate: { label: 'Unit price', type: 'money' },
  voucher_type: { label: 'Voucher type (receipts only)', type: 'flag' },
  allocated: { label: 'Allocated to the bill', type: 'money' },
  gross_total: { label: 'Document total, tax included', type: 'money' },
  ledger: { label: 'Account (general ledger)', type: 'flag' },
  withheld: { label: 'Tax withheld (TDS)', type: 'money' },
  adjustment: { label: 'Adjustment to the total', type: 'money' },
  grand_total: { label: 'Total before rounding', type: 'money' },
  rounded_total: { label: 'Total after rounding', type: 'money' },
  gst_type: { label: 'GST type or rate', type: 'flag' },
  with_tax: { label: 'Line amount, tax included', type: 'money' },
  tax_inclusive: { label: 'Amounts include tax (yes / no)', type: 'flag' },
  bill_discount: { label: 'Discount on the whole bill', type: 'money' },
  bill_subtotal: { label: "Bill's subtotal (its lines summed)", type: 'money' },
  bill_total: { label: "Bill's total, tax included (beside its lines)", type: 'money' },
  overdue_days: { label: 'Overdue by days (due date = as of less them)', type: 'int' },
  credit_days: { label: "Credit days (due date = the bill's date plus them)", type: 'int' },
  returned_qty: { label: 'Quantity returned (taken off)', type: 'money' },
  returned_value: { label: 'Value returned (taken off)', type: 'money' },
  currency: { label: 'Currency of the amounts', type: 'flag' },
  clearing_doc: { label: 'Clearing document', type: 'flag' },
  cleared_on: { label: 'Clearing date', type: 'date' },
  period: { label: 'Month or quarter of the target', type: 'flag' },
  qty_unit: { label: "Unit of the line's quantity", type: 'flag' },
};

/**
 * The datasets whose import reads each pseudo field. Only these are proposed, offered in the
 * dialog and taken by --map.
 */
const pseudoKinds: Record<PseudoField, readonly DatasetKind[]> = {
  // A Dr/Cr column signs the amounts of a file of transactions: masters and targets have none.
  dr_cr: ['sales', 'receivables', 'payments'],
  return_flag: ['sales'],
  debit_amount: ['sales', 'payments'],
  credit_amount: ['sales', 'payments'],
  tax_cgst: ['sales'],
  tax_sgst: ['sales'],
  tax_utgst: ['sales'],
  tax_igst: ['sales'],
  tax_cess: ['sales'],
  tax_gst: ['sales'],
  status: ['sales', 'payments', 'receivables'],
  rate: ['sales'],
  voucher_type: ['payments'],
  allocated: ['payments'],
  withheld: ['payments'],
  adjustment: ['sales'],
  grand_total: ['sales'],
  rounded_total: ['sales'],
  gst_type: ['sales'],
  with_tax: ['sales'],
  tax_inclusive: ['sales'],
  bill_discount: ['sales'],
  bill_subtotal: ['sales'],
  bill_total: ['sales'],
  overdue_days: ['receivables'],
  credit_days: ['receivables'],
  returned_qty: ['sales'],
  returned_value: ['sales'],
  currency: ['sales', 'payments', 'receivables'],
  clearing_doc: ['receivables'],
  cleared_on: ['receivables'],
  period: ['targets'],
  qty_unit: ['sales'],
  gross_total: ['sales'],
  ledger: ['sales', 'payments'],
};

/** The pseudo fields a dataset's import reads, in the order the dialog offers them. */
export const pseudoFieldsOf = (kind: DatasetKind): readonly PseudoField[] =>
  pseudoFields.filter((f) => pseudoKinds[f].includes(kind));

/**
 * The most characters a header is written in for its words to be read: ERPNext's longest run to
 * about 60. A longer cell names no field; its letters and digits are compared as they are, never
 * given to the patterns below, whose backtracking over a hostile cell would take minutes.
 */
const LONGEST_HEADER = 200;

export function normalizeHeader(text: string): string {
  if (text.length > LONGEST_HEADER) return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return (
    text
      .toLowerCase()
      // "Target (₹ in Lakhs)" names the target: its scale is read apart (header-scale.ts).
      .replace(scalePhrase, ' ')
      // The rupee: ₹, in brackets ("(Rs.)", "(in INR)"), or as a word after the header's own
      // words (Infor M3's "Invoice Amount INR").
      .replace(/₹|\((?:in\s+)?(?:rs\.?|inr)\)|(?<=\S)\s+(?:in\s+)?(?:inr|rs\.?)$/g, '')
      // Tally's "Party's Name": a possessive names what the plain word does.
      .replace(/['’]s\b/g, '')
      // SAP Business One's "Total Amount (LC)": in the company's own (local) currency.
      .replace(/\(lc\)/g, '')
      .replace(/[^a-z0-9]+/g, '')
  );
}

/**
 * A header that names an amount in a foreign currency: Zoho Books' "CGST(FCY)", Infor M3's
 * "… FCN", SAP's "(FC)". Beside the same amount in the company's currency, it is never a part of
 * it, and comes after it.
 */
export const inForeignCurrency = (header: string) => /(fc|fcn|fcy|foreign|forex)$/.test(normalizeHeader(header));

const party = [
  // Busy's party code beside its name in Particulars.
  'partyalias',
  'alias',
  'party',
  'particulars',
  'account',
  'partyname',
  'partycode',
  'partyledger',
  'ledger',
  'ledgercode',
  'ledgername',
  // Xero's invoice export: the customer is its ContactName; its AccountCode is a revenue account.
  'contactname',
  'accountcode',
  'customer',
  'customercode',
  'customerid',
  'customerno',
  'customernumber',
  'custcode',
  'custid',
  'custno',
  'custname',
  // An e-invoice's buyer.
  'buyer',
  'buyercode',
  'buyername',
  // Microsoft's AdventureWorks warehouse (FactInternetSales) and Power BI models built like it.
  'customerkey',
  // Odoo: the invoice's partner, and its display name in an export of invoice lines.
  'partner',
  'invoicepartnerdisplayname',
  // Dynamics 365 Finance and Operations: the customer's account, and the account it invoices.
  'customeraccount',
  'invoiceaccount',
  'soldtoparty',
  // SAP's medium label of the sold-to party (Sold-to pt), in an ALV list's narrower column.
  'soldtopt',
  'soldto',
  'kunag',
  'kunnr',
  'payer',
  'billtocustomerno',
  'selltocustomerno',
  'customername',
  // Sage 50: the customer's account reference (A/C Ref).
  'accountreference',
  'accountref',
  'acref',
  // MYOB AccountRight: a customer's card, by its Card ID over its Co./Last Name.
  'cardid',
  'colastname',
  // GSTR-1's B2B sheet (the GST portal's offline tool): the recipient's GSTIN, which the masters
  // hold, over its name beside it.
  'gstinuinofrecipient',
  'gstinofrecipient',
  'recipientgstin',
  'receivername',
  'recipientname',
  'buyername',
  'name',
  // Xero's payments and ageing reports name the customer its Contact: last, being a person's
  // name or number in masters.
  'contact',
];
/** A distributor's name where a code would go (read through the distributors master). */
const distributorNames = ['distributorname', 'distname', 'stockistname', 'dealername'];
const distributor = [
  'distributor',
  // SAP Business One's business partner.
  'customervendorcode',
  'customervendorname',
  'customervendor',
  'bpcode',
  'distributorcode',
  'distributorid',
  'distcode',
  'dbcode',
  'stockist',
  'stockistcode',
  'superstockist',
  'dealer',
  'dealercode',
  'distributorcodeitems',
  // A distributor by its name, read through the distributors master: after every code.
  ...distributorNames,
];
/**
 * SAP's line items (FBL5N, FAGLL03): the amount in the company's currency, by its long and shorter
 * labels (FBL5N's default layout: "Amount in local cur."), then in the document's.
 */
const sapLineItemAmount = [
  'amountinlocalcurrency',
  'amountinlocalcurr',
  'amountinlocalcur',
  'amtinloccur',
  'amountinlc',
  'amountindoccurr',
  'amountindocumentcurrency',
];
const docNo = [
  'docno',
  'id',
  'documentno',
  'documentnumber',
  'doc',
  // An invoice's own number before a voucher's: Infor M3 writes both, its Voucher No the
  // accounting entry's.
  'invoiceno',
  'invoicenumber',
  'voucherno',
  'vouchernumber',
  'vchno',
  'invoice',
  'invno',
  'billno',
  'billnumber',
  'billingdocument',
  // SAP's medium and short labels of the billing document (VF05, an ALV list's narrower columns).
  'billingdoc',
  'billdoc',
  'vbeln',
  'belnr',
  // An order's id (Superstore's Order ID, a DMS's Order Id): after an invoice's own number, which
  // a DMS writes beside it once the order is billed; before a bare Name or No.
  'orderid',
  'orderreference',
  'name',
  'no',
  'creditnoteno',
  'creditnotenumber',
  // GSTR-1's credit and debit notes (its CDNR sheet): Note Number, Note Date.
  'noteno',
  'notenumber',
  'transactionno',
  // Zoho Books' reports: Transaction#.
  'transaction',
  // Oracle Receivables' transaction number and date (Trx Number, Trx Date).
  'trxnumber',
  'trxno',
  'num',
  'referenceno',
  // Tally's Bills Receivable.
  'refno',
  // Busy's Vch/Bill No; Odoo's Number.
  'vchbillno',
  'billvchno',
  'number',
  // SAP Business One's internal number: the Bill No. beside it is the invoice's own.
  'docnum',
  // Odoo's journal items: the entry a line belongs to (INV/2026/00041).
  'journalentry',
  // An order's number, last: where a file has an invoice's too, the invoice's is the document.
  'orderno',
  'ordernumber',
  'salesorderno',
  'salesordernumber',
  'salesorderid',
];
const docDate = [
  'date',
  'docdate',
  'documentdate',
  'voucherdate',
  'vchdate',
  'invoicedate',
  'invdate',
  'billdate',
  // Odoo's label for a customer invoice's or a vendor bill's date.
  'invoicebilldate',
  'billingdate',
  'fkdat',
  'bldat',
  'postingdate',
  'budat',
  'transactiondate',
  'trxdate',
  'creditnotedate',
  'notedate',
  'orderdate',
  // Salesforce's label for an order's date (its EffectiveDate).
  'orderstartdate',
  'entrydate',
  // Indian registers' short forms: Inv Dt, Bill Dt, Doc Dt.
  'invdt',
  'invoicedt',
  'billdt',
  'docdt',
  'vchdt',
];
const sku = [
  'sku',
  'skucode',
  'itemcodegl',
  'itemitems',
  'item',
  'itemcode',
  // Busy's item code beside its name in Item Details.
  'itemalias',
  'itemno',
  'itemnumber',
  // UCI's Online Retail.
  'stockcode',
  // AdventureWorks' warehouse.
  'productkey',
  // Odoo's code of a product (its default code), beside the product's display name.
  'internalreference',
  'productinternalreference',
  // A code before a name where a file has both: Zoho Books' invoices give the item's Product ID
  // (its Items export's Item ID) beside its Item Name.
  'productcode',
  'productid',
  'itemid',
  'itemname',
  'stockitem',
  'nameofitem',
  'product',
  'material',
  'materialno',
  'materialnumber',
  'matnr',
  'itemcodeitems',
  'articlecode',
  // Xero.
  'inventoryitemcode',
  'no',
  'productservice',
  'productorservice',
  // Names where a file has no code (Busy's Item Details, Marg's Product Name): read as the
  // product of that name.
  'productname',
  'itemdetails',
  'skuname',
  'itemdescription',
];
/**
 * Headers of the quantity billed, which a plain quantity beside it may exceed by the goods given
 * free (a Qty beside its Free Qty and Qty Paid; Tally's Actual Quantity beside its Billed Quantity).
 */
export const billedQuantityHeaders: readonly string[] = [
  'billquantity',
  'billedquantity',
  'fkimg',
  'billedqty',
  'billqty',
  'paidqty',
  'qtypaid',
  'paidquantity',
];
/** Headers of the quantity a scheme gave free beside the one sold (Marg's and Busy's "Free", "Free Qty", "FOC", "Sch Qty"). */
const freeHeaders = new Set([
  'free',
  'freeqty',
  'freequantity',
  'freeqnty',
  'freeunits',
  'freepcs',
  'freegoods',
  'freeissue',
  'foc',
  'focqty',
  'focquantity',
  'bonusqty',
  'bonusquantity',
  'schqty',
  'schemeqty',
  'schemequantity',
  'schemefreeqty',
  'freeschemeqty',
]);

/** Whether a header names a column of goods given free beside the quantity ("Free Qty", "FOC"). */
export const isFreeGoodsHeader = (header: string): boolean => freeHeaders.has(normalizeHeader(header));

/**
 * Headers of the quantity ordered: a sale's only where the file has no other, for a DMS writes
 * its Order Qty beside the Invoice Qty (PCS) billed (ranked after quantities in a unit).
 */
export const orderedQuantityHeaders: ReadonlySet<string> = new Set([
  'quantityordered',
  'orderedquantity',
  'orderquantity',
  'orderqty',
]);

const qty = [
  // A quantity net of the returns beside it (Sales Qty, Return Qty, Net Qty).
  'netqty',
  'netquantity',
  'netsalesqty',
  'netsaleqty',
  // What was billed, before a plain quantity that may hold the goods given free as well.
  ...billedQuantityHeaders,
  'qty',
  'quantity',
  'deliveryinvoicedquantity',
  'actualquantity',
  'quantityitems',
  'qtyitems',
  // A DMS's line quantity in pieces, beside its Cases and the loose Units beyond them.
  'totalunits',
  'totalqty',
  'totalquantity',
  'totalpcs',
  'totalpieces',
  'units',
  'salesqty',
  'saleqty',
  'invoicedquantity',
  'quantityinvoiced',
  // A DMS's or distributor's line quantity named by its document (Invoice Qty beside Order Qty):
  // what was billed or sent, before what was ordered.
  'invoiceqty',
  'invoicedqty',
  'invoicequantity',
  'invqty',
  'billingqty',
  'billingquantity',
  'dispatchqty',
  'dispatchedqty',
  'dispatchquantity',
  'dispatchedquantity',
  'deliveredqty',
  'deliveredquantity',
  'deliveryqty',
  'shippedqty',
  'shippedquantity',
  'suppliedqty',
  'suppliedquantity',
  // ERPNext's Item-wise Sales Register.
  'stockqty',
  'qtyasperstockuom',
  'qtysold',
  'soldqty',
  'quantitysold',
  // Order lines: Kaggle's sales_data_sample (QUANTITYORDERED) and its like.
  ...orderedQuantityHeaders,
];
/**
 * An invoice's total before tax, where no line amount is written: ERPNext's Sales Register, Odoo's
 * invoice list (Tax Excluded; Untaxed Amount in its older versions).
 */
const documentNetValue = [
  'nettotal',
  'nettotalcompanycurrency',
  'taxexcluded',
  'untaxedamount',
  'amountuntaxed',
  // Odoo's export of invoices: in the company's currency, negative for a credit note.
  'untaxedamountsigned',
];

/**
 * In order of preference: when several columns fit, the line's own amount wins over a document's
 * (Item Total over SubTotal, Net Amount (Items) over Amount (Items)), whatever the column order.
 */
const netValue = [
  'netamountitems',
  'itemtotal',
  // Tally Prime's voucher layout (the Excel it imports vouchers from): an item line's amount.
  'itemamount',
  'itemvalue',
  'linetotal',
  'lineamount',
  'lineamountexclvat',
  'netvalue',
  'netamount',
  'netamt',
  'taxablevalue',
  'taxableamount',
  'taxableamt',
  'netwr',
  'amountexcltax',
  'basicval',
  'basicvalue',
  'netinvoiceamount',
  'amountitems',
  // SAP Business One's line total.
  'rowtotal',
  'amount',
  'sales',
  'salesvalue',
  // Tally's Sales Register as some export it: the sale before tax, beside its Total Amount.
  'saleamount',
  'salesamount',
  'salevalue',
  'value',
  'subtotal',
  ...documentNetValue,
];

/**
 * Aliases that name a document's amount, not a line's: taken only where no other column names the
 * field, a column named by its path included (Odoo's Untaxed Amount, the invoice's, beside its
 * Invoice lines/Subtotal, the line's, which a path ranks after any header known whole).
 */
export const documentAliases: Readonly<Record<string, ReadonlySet<string>>> = {
  net_value: new Set(documentNetValue),
};

export const aliases: Record<DatasetKind, Record<string, readonly string[]>> = {
  distributors: {
    code: [
      // The master's own names are its name's, never its code's.
      ...distributor.filter((alias) => !distributorNames.includes(alias)),
      'code',
      'customercode',
      'customerid',
      'customerno',
      'kunnr',
      // Zoho Books' Contacts: the number its invoices and payments give as the Customer ID.
      'contactid',
      'no',
      'ledgercode',
      'accountcode',
      'partycode',
      // Tally's alias of a ledger, which many keep its code in (its List of Ledgers, its XML).
      'alias',
    ],
    name: [
      'name',
      ...distributorNames,
      'customername',
      'partyname',
      'ledgername',
      'ledger',
      'name1',
      'displayname',
      'companyname',
      'customer',
    ],
    region: ['region', 'zone', 'regio', 'salesregion'],
    area: ['area', 'state', 'statename', 'salesarea', 'bezirk'],
    territory: ['territory', 'salesterritory', 'beat', 'route', 'territorycode'],
    channel: ['channel', 'distributionchannel', 'vtweg', 'customergroup', 'customertype', 'tradechannel'],
    class: ['class', 'category', 'customerclass', 'classification', 'tier', 'grade', 'segment'],
    gstin: ['gstin', 'gstinuin', 'gstno', 'gstnumber', 'taxid', 'stcd3', 'vatregistrationno'],
    phone: ['phone', 'phoneno', 'mobile', 'mobileno', 'contactno', 'telephone', 'phonenumber', 'telf1'],
    address: ['address', 'billingaddress', 'address1', 'addressline1', 'street', 'stras'],
    onboarded_on: [
      'onboardedon',
      'onboardingdate',
      'createdon',
      'erdat',
      'dateofjoining',
      'appointmentdate',
      'startdate',
      'since',
    ],
    // A status, or a yes/no question about it (ERPNext's Disabled, a DMS's Is Active): status-column.ts.
    status: [
      'status',
      'customerstatus',
      'active',
      'isactive',
      'enabled',
      'blocked',
      'isblocked',
      'disabled',
      'isdisabled',
      'inactive',
      'suspended',
    ],
    // The party's ledger in the accounting system, where it differs from the name (a header that
    // could also be the name is the name unless the file has a name column of its own).
    ledger_name: ['ledgername', 'accountingledger', 'tallyledger', 'partyledger', 'ledgeraccount'],
  },
  outlets: {
    code: [
      'code',
      'outletcode',
      'outletid',
      'retailercode',
      'retailerid',
      'storecode',
      'shopcode',
      'counterscode',
      'countercode',
    ],
    name: ['name', 'outletname', 'retailername', 'storename', 'shopname', 'countername'],
    distributor_code: [...distributor, 'parentcode', 'parentdistributor'],
    channel: ['channel', 'outletchannel', 'outlettype', 'retailertype', 'storetype', 'channeltype'],
    class: ['class', 'outletclass', 'category', 'grade', 'tier', 'segment'],
    town: ['town', 'city', 'village', 'location', 'locality', 'ort01'],
    address: ['address', 'outletaddress', 'address1', 'street'],
    phone: ['phone', 'phoneno', 'mobile', 'mobileno', 'contactno', 'phonenumber'],
    gstin: ['gstin', 'gstno', 'gstnumber', 'taxid'],
    created_on: [
      'createdon',
      'createddate',
      'creationdate',
      'onboardedon',
      'registrationdate',
      'opendate',
      'dateadded',
    ],
  },
  products: {
    sku: [
      'sku',
      'skucode',
      'itemcode',
      'itemno',
      'productcode',
      'productid',
      'material',
      'materialno',
      'matnr',
      'code',
      'articlecode',
      'no',
      'stockitemcode',
      'stockcode',
      'itemid',
      // Tally's alias of a stock item, which many keep its code in.
      'alias',
    ],
    name: [
      'name',
      'itemname',
      'productname',
      'description',
      'materialdescription',
      'maktx',
      'stockitem',
      'nameofitem',
      'skuname',
      'itemdescription',
      // SAP Business One's documents: the item's description beside its Item No.
      'itemservicedescription',
    ],
    brand: ['brand', 'brandname', 'make', 'itembrand'],
    category: [
      'category',
      'itemgroup',
      'productcategory',
      'stockgroup',
      'materialgroup',
      'matkl',
      'itemcategorycode',
      'productgroup',
    ],
    subcategory: ['subcategory', 'subgroup', 'stockcategory', 'subitemgroup', 'productsubcategory'],
    uom: ['uom', 'unit', 'units', 'stockuom', 'baseunit', 'meins', 'baseunitofmeasure', 'unitofmeasure'],
    pack_size: ['packsize', 'pack', 'size', 'netweight', 'packing'],
    case_units: [
      'unitspercase',
      'pcspercase',
      'piecespercase',
      'nospercase',
      'caseqty',
      'casesize',
      'casepack',
      'unitspercarton',
      'pcspercarton',
      'unitsperbox',
      'pcsperbox',
      'conversionfactor',
    ],
    mrp: ['mrp', 'maximumretailprice', 'listprice', 'retailprice', 'standardrate', 'rate'],
    unit_cost: ['unitcost', 'cost', 'standardcost', 'valuationrate', 'purchaseprice', 'costprice', 'purchaserate'],
    launch_date: ['launchdate', 'launchedon', 'introductiondate', 'createdon', 'erdat'],
  },
  sales: {
    doc_type: [
      'doctype',
      'documenttype',
      'vouchertype',
      // Tally Prime's voucher layout.
      'vouchertypename',
      'vchtype',
      'billingtype',
      // SAP's short label of the billing type (an ALV list's narrow column), and S/4HANA's long one.
      'billt',
      'billingdocumenttype',
      'fkart',
      'transactiontype',
      'type',
      'invoicetype',
      'notetype',
    ],
    doc_no: docNo,
    doc_date: docDate,
    line_no: [
      'lineno',
      'line',
      'linenumber',
      'item',
      'posnr',
      'srno',
      'slno',
      'sno',
      'idx',
      'idxitems',
      'rowno',
      'orderlinenumber',
      'orderlineno',
      'invoicelinenumber',
      'invoicelineno',
      'salesorderlinenumber',
      'salesorderdetailid',
    ],
    distributor_code: [...distributor, ...party],
    outlet_code: [
      'outlet',
      'outletcode',
      'outletid',
      'retailer',
      'retailercode',
      'retailerid',
      'storecode',
      'shipto',
      'shiptoparty',
      'kunwe',
      'counter',
      'countercode',
    ],
    sku,
    qty,
    gross_value: [
      'grossvalue',
      'grossamount',
      'gross',
      'grossamt',
      'amountbeforediscount',
      'grossrevenue',
      'brtwr',
      // AdventureWorks: quantity × price, before its DiscountAmount.
      'extendedamount',
    ],
    discount: [
      'discountamount',
      'discounts',
      'discount',
      'discountamt',
      'discamt',
      'discamount',
      'disc',
      'tradediscount',
      'schemediscount',
      'linediscountamount',
      'discountamountitems',
      // Infor M3.
      'discountinvoiceamount',
    ],
    net_value: netValue,
    tax: [
      'tax',
      'taxamount',
      'gst',
      'gstamount',
      'gstamt',
      'totalgst',
      'totaltax',
      'mwsbp',
      'totaltaxesandcharges',
      'vatamount',
      'taxamt',
      // Dynamics 365's invoice journal.
      'salestaxamount',
      'salestax',
      // Odoo's export of invoices, beside its Untaxed Amount Signed.
      'taxsigned',
    ],
    // A document's round-off to its total: Tally's and Zoho Books' Round Off, ERPNext's Rounding
    // Adjustment.
    round_off: [
      'roundoff',
      'roundingoff',
      'roundedoff',
      'roundoffamount',
      'roundingadjustment',
      'roundingadjustmentcompanycurrency',
    ],
    against_doc_no: [
      'againstdocno',
      'againstdocument',
      'againstinvoice',
      'returnagainst',
      // ERPNext's General Ledger: the invoice a return's entry is against (an invoice's, itself).
      'againstvoucher',
      'originalinvoice',
      'refinvoice',
      'referenceinvoice',
      'reference',
      'vgbel',
      'appliestodocno',
      'originalinvoiceno',
    ],
  },
  receivables: {
    as_of: ['asof', 'asondate', 'ason', 'snapshotdate', 'reportdate', 'keydate', 'asat'],
    distributor_code: [...distributor, ...party],
    doc_no: docNo,
    doc_date: docDate,
    due_date: [
      'duedate',
      'duedt',
      'netduedate',
      'netduedt',
      'paymentduedate',
      'duedatefornetpayment',
      'faedt',
      'dueon',
    ],
    amount: [
      'amount',
      'invoiceamount',
      'billamount',
      'originalamount',
      'invoicevalue',
      'grandtotal',
      'total',
      'openingamount',
      // ERPNext's Accounts Receivable report.
      'invoicedamount',
      'billedamount',
      // Short forms of Indian outstanding reports.
      'invamt',
      'invoiceamt',
      'billamt',
    ],
    outstanding: [
      'outstanding',
      'outstandingamount',
      'pendingamount',
      'balance',
      'balancedue',
      // What is still due on the bill (Odoo's and Xero's Amount Due), never what it was for.
      'amountdue',
      'openamount',
      // QuickBooks' A/R Aging Detail.
      'openbalance',
      'remainingamount',
      // Oracle Receivables' aging: what remains of the transaction's amount due.
      'amountdueremaining',
      'amountremaining',
      'dueamount',
      'closingbalance',
      'pending',
      'outstandingamt',
      // O/S Amt, Bal Amt: the short forms of Indian outstanding reports.
      'osamt',
      'osamount',
      'balanceamount',
      'balanceamt',
      'balamt',
      ...sapLineItemAmount,
    ],
  },
  payments: {
    receipt_no: [
      'receiptno',
      'receiptnumber',
      'receipt',
      'voucherno',
      'vchno',
      'paymentno',
      'paymententry',
      'name',
      'documentno',
      'paymentnumber',
      'belnr',
      'referencenumber',
      // ERPNext's Data Export names a document by its ID.
      'id',
      // QuickBooks' Num; a plain Number or No.
      'num',
      'number',
      'no',
      'transactionno',
      // SAP Business One's Incoming Payments.
      'documentnumber',
      // Xero's payments.
      'paymentref',
      'paymentreference',
      // Short forms, and a distributor management system's collections.
      'rcptno',
      'collectionno',
      'collectionnumber',
      // TallyPrime's voucher layout.
      'vouchernumber',
    ],
    receipt_date: [
      'receiptdate',
      'date',
      'voucherdate',
      'paymentdate',
      'postingdate',
      'budat',
      'transactiondate',
      'rcptdate',
      'rcptdt',
      'receiptdt',
      'collectiondate',
    ],
    distributor_code: [...distributor, ...party],
    amount: [
      'amount',
      'receiptamount',
      'paidamount',
      'paymentamount',
      'amountreceived',
      'credit',
      'receivedamount',
      'wrbtr',
      'dmbtr',
      // TallyPrime's voucher layout: the party's ledger's amount.
      'ledgeramount',
      ...sapLineItemAmount,
      // Tally's columnar Receipt Register: a Value and a Gross Total beside a column per bank.
      'value',
      'grosstotal',
      // SAP Business One's Incoming Payments: Total Amount (LC).
      'totalamount',
      // Odoo's payments: in the company's currency, positive for money received.
      'amountsigned',
      'amountpaid',
      // Abridged, as a receipt book writes the amount received beside the bill's ("Received Amt", "Recd. Amt").
      'receivedamt',
      'amtreceived',
      'recdamt',
      'recdamount',
      'receiptamt',
      'paidamt',
      'rcptamt',
      'collectedamount',
      'collectionamount',
      'collectedamt',
    ],
    against_doc_no: [
      'againstdocno',
      'againstinvoice',
      'againstbill',
      'againstref',
      'invoiceno',
      'invoicenumber',
      'referencename',
      // ERPNext's Payment References child table.
      'namepaymentreferences',
      // ERPNext's General Ledger: the invoice a payment's entry settles.
      'againstvoucher',
      'reference',
      'appliestodocno',
      'billno',
      // Tally's bill-wise details: the reference a receipt is made against.
      'billref',
      'billreference',
      'appliedtoinvoice',
      'invoiceref',
      'invoicereference',
      'invref',
      'invno',
    ],
    mode: ['mode', 'paymentmode', 'modeofpayment', 'paymentmethod', 'instrument', 'instrumenttype', 'paymentmeans'],
  },
  targets: {
    period_from: ['periodfrom', 'from', 'fromdate', 'startdate', 'validfrom', 'periodstart'],
    period_to: ['periodto', 'to', 'todate', 'enddate', 'validto', 'periodend'],
    distributor_code: [...distributor, ...party],
    measure: ['measure', 'kpi', 'metric', 'targettype', 'parameter'],
    scheme_code: ['schemecode', 'scheme', 'program', 'programcode', 'schemeid'],
    value: [
      'value',
      'target',
      'targetvalue',
      'targetamount',
      'targetqty',
      'goal',
      'tgt',
      'tgtamt',
      'tgtvalue',
      'targetamt',
    ],
  },
};

export const pseudoAliases: Record<PseudoField, readonly string[]> = {
  // TallyPrime's voucher layout writes each ledger's side beside its amount.
  dr_cr: ['drcr', 'debitcredit', 'drcrindicator', 'shkzg', 'sign', 'crdr', 'ledgeramountdrcr'],
  return_flag: ['return', 'isreturn', 'isreturncreditnote', 'returnflag', 'returned', 'salesreturn'],
  debit_amount: ['debitamount', 'debit', 'dramount', 'debitamt'],
  credit_amount: ['creditamount', 'credit', 'cramount', 'creditamt'],
  tax_cgst: ['cgst', 'cgstamount', 'centraltax', 'cgstamt'],
  tax_sgst: ['sgst', 'sgstamount', 'statetax', 'sgstamt'],
  tax_utgst: ['utgst', 'utgstamount', 'uttax'],
  tax_igst: ['igst', 'igstamount', 'integratedtax', 'igstamt'],
  tax_cess: ['cess', 'cessamount', 'gstcess'],
  tax_gst: [],
  status: [
    'status',
    'invoicestatus',
    // A DMS's bill: Delivered, Pending, Cancelled.
    'billstatus',
    'invstatus',
    'transactionstatus',
    'txnstatus',
    // Zoho Books' credit notes: Open, Closed, Void, Draft.
    'creditnotestatus',
    'creditmemostatus',
    'documentstatus',
    'docstatus',
    'voucherstatus',
    'orderstatus',
    // An e-invoice's IRN as the GST portal lists it: ACT (active) or CNL (cancelled).
    'irnstatus',
    'einvoicestatus',
    // A receipt's cheque or transfer: Cleared, Bounced, Dishonoured, Failed.
    'chequestatus',
    'chqstatus',
    'instrumentstatus',
    'receiptstatus',
    'realisationstatus',
    'realizationstatus',
    'clearingstatus',
  ],
  // SAP's line items: Clrng doc. (AUGBL) and its date, headed Clearing (AUGDT).
  clearing_doc: ['clrngdoc', 'clearingdoc', 'clearingdocument', 'clearingdocno', 'augbl'],
  cleared_on: ['clearing', 'clearingdate', 'clrngdate', 'clearedon', 'augdt'],
  // A target sheet's row per distributor and month: the month (Oct-26) or quarter (Q3 FY26-27) it is for.
  period: ['month', 'period', 'targetmonth', 'targetperiod', 'monthyear', 'yearmonth', 'quarter'],
  rate: [
    'rate',
    'itemprice',
    'itemrate',
    'unitprice',
    'price',
    'rateitems',
    'sellingprice',
    'priceeach',
    'priceperunit',
    'unitamount',
  ],
  gross_total: [
    'grosstotal',
    // Tally Prime's voucher layout: the party's ledger line is the document's total, the other
    // ledgers' lines under it (sales, GST, round-off) its parts.
    'ledgeramount',
    'invoicetotal',
    'totalinvoicevalue',
    'invoicevalue',
    'billamount',
    'billvalue',
    'totalamount',
  ],
  // An account column that the party column beside it leaves over (ERPNext's General Ledger).
  ledger: ['account', 'ledger', 'ledgername', 'accountname', 'accounthead', 'glaccount'],
  // ERPNext's Allocated (Payment References), Zoho's Amount Applied to Invoice, Tally's bill-wise Adjusted.
  allocated: [
    'allocated',
    'allocatedamount',
    'amountallocated',
    'allocatedpaymentreferences',
    'amountapplied',
    'appliedamount',
    'amountappliedtoinvoice',
    'invoiceamountapplied',
    'adjustedamount',
    'amountadjusted',
  ],
  adjustment: ['adjustment', 'adjustmentamount', 'invoiceadjustment'],
  grand_total: ['grandtotal', 'grandtotalcompanycurrency', 'basegrandtotal'],
  rounded_total: ['roundedtotal', 'roundedtotalcompanycurrency', 'baseroundedtotal'],
  // Never proposed by its header: found by the values of a document-type column.
  gst_type: [],
  // A line's amount whose header says it holds the tax: "Amount (Incl. Tax)", "Value incl. GST".
  with_tax: (['amount', 'lineamount', 'value', 'linevalue', 'itemamount'] as const).flatMap((amount) =>
    [
      'incltax',
      'inclusiveoftax',
      'includingtax',
      'withtax',
      'inclgst',
      'inclusiveofgst',
      'includinggst',
      'withgst',
      // Business Central's Amount Including VAT, the field's name in its Indian edition too.
      'inclvat',
      'includingvat',
      'inclusiveofvat',
      'withvat',
    ].map((tax) => `${amount}${tax}`),
  ),
  // Zoho Books' Is Inclusive Tax, QuickBooks' Amounts are, Xero's LineAmountTypes.
  tax_inclusive: [
    'isinclusivetax',
    'istaxinclusive',
    'taxinclusive',
    'inclusiveoftax',
    'inclusivetax',
    'amountsare',
    'lineamounttypes',
    'pricesincludetax',
    'priceincludestax',
    'amountsincludetax',
    'taxincluded',
    'gstinclusive',
    'isgstinclusive',
    'inclusiveofgst',
  ],
  // Not ERPNext's Additional Discount Amount: its items' Net Amount is after it already.
  bill_discount: [
    'entitydiscountamount',
    'invoicediscountamount',
    // Business Central's: each line's share of the invoice's discount (lineDiscountShares).
    'invdiscountamount',
    'transactiondiscountamount',
    'billdiscountamount',
    'documentdiscountamount',
    'invoicediscount',
    'billdiscount',
  ],
  bill_subtotal: [],
  bill_total: [],
  // Days past the due date, never a bill's age (ERPNext's Age (Days) counts from the bill's date).
  overdue_days: [
    'overduebydays',
    'overduedays',
    'daysoverdue',
    'dayspastdue',
    'pastduedays',
    'pastdue',
    'daysinarrears',
    'arrearsafternetduedate',
    'delaydays',
    'daysdelayed',
  ],
  credit_days: [
    'creditdays',
    'creditperiod',
    'creditperioddays',
    'creditperiodindays',
    'credittermdays',
    'credittermsdays',
    'paymenttermsdays',
    'paymentdays',
    'termsdays',
  ],
  returned_qty: [
    'returnqty',
    'returnquantity',
    'returnedqty',
    'returnedquantity',
    'returnsqty',
    'salesreturnqty',
    'salereturnqty',
    'srqty',
    'retqty',
    'qtyreturned',
  ],
  // Not "Units", a DMS's count of pieces, nor a base or stock unit, which another quantity is in.
  qty_unit: [
    'unit',
    'uom',
    'unitofmeasure',
    'unitofmeasurement',
    'qtyunit',
    'quantityunit',
    'salesunit',
    'uqc',
    // ERPNext's Sales Invoice export: the UOM of its Quantity (Items).
    'uomitems',
    // SAP's sales unit (VRKME): SU its short label; S/4HANA's Billing Quantity Unit.
    'su',
    'vrkme',
    'billingquantityunit',
  ],
  currency: [
    'currency',
    'currencycode',
    'curr',
    'waers',
    'waerk',
    'documentcurrency',
    'transactioncurrency',
    'invoicecurrency',
    'billingcurrency',
    'currencyid',
  ],
  returned_value: [
    'returnvalue',
    'returnamount',
    'returnamt',
    'returnedvalue',
    'returnedamount',
    'returnsvalue',
    'returnsamount',
    'salesreturnvalue',
    'salesreturnamount',
    'salereturnvalue',
    'salereturnamount',
    'srvalue',
    'sramount',
    'retvalue',
    'retamount',
    'valuereturned',
    'amountreturned',
  ],
  // Zoho Books' Withholding Tax Amount; the TDS a customer deducted, as Indian exports name it.
  withheld: [
    'withholdingtaxamount',
    'withholdingtax',
    'withholdingamount',
    'taxwithheld',
    'tdsamount',
    'tdsdeducted',
    'taxdeducted',
    'taxdeductedatsource',
  ],
  voucher_type: [
    'vouchertype',
    'vouchertypename',
    'vchtype',
    'transactiontype',
    'documenttype',
    'doctype',
    'type',
    'entrytype',
    'paymenttype',
  ],
};
