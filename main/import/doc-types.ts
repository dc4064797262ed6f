import type { DatasetKind } from '../datasets/kinds';
import { normalizeHeader, pseudoAliases } from './aliases';
import type { Mapping } from './mapping';

/**
 * What each document type of a file is to us: an invoice, a credit note, or not a sale at all
 * (skipped and counted). Known names are proposed — Tally's Sales and Credit Note, SAP Business
 * One's AR Invoice and AR Credit Memo, QuickBooks' Invoice, Sales Receipt, Credit Memo and Refund
 * Receipt, ERPNext's return flag, the receipts, payments, orders, delivery notes and journals of
 * every Day Book — and a custom type whose name says sale, supply or invoice is read as invoices,
 * said so in the result. Anything else is asked: the import names it and waits for a type map
 * ("GST Supply=invoice", "*=skip" for every other unknown type).
 */
export type DocClass = 'invoice' | 'credit_note' | 'skip';
/**
 * What a user may say a type is: a sales file's document types are invoices, credit notes or
 * skipped; a receipts file's voucher types are receipts or skipped.
 */
export const typeClasses = ['invoice', 'credit_note', 'skip', 'receipt'] as const;
export type TypeClass = (typeof typeClasses)[number];
export type TypeMap = Readonly<Record<string, TypeClass>>;

const words = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);

/** Exact names, compared without case, spaces or punctuation. */
const known: Record<string, DocClass> = {
  sales: 'invoice',
  sale: 'invoice',
  invoice: 'invoice',
  salesinvoice: 'invoice',
  taxinvoice: 'invoice',
  retailinvoice: 'invoice',
  arinvoice: 'invoice',
  arinvoiceandpayment: 'invoice',
  salesreceipt: 'invoice',
  inv: 'invoice',
  // GSTR-1's invoice types (B2B, and its export sheet's): a regular supply, supplies to SEZ units
  // and exports with or without payment of tax (the payment is the tax's, not a receipt), deemed
  // exports, and supplies within a state on which IGST falls.
  regular: 'invoice',
  regularb2b: 'invoice',
  sezsupplieswithpayment: 'invoice',
  sezsupplieswithoutpayment: 'invoice',
  sezwithpayment: 'invoice',
  sezwithoutpayment: 'invoice',
  deemedexp: 'invoice',
  deemedexports: 'invoice',
  intrastatesuppliesattractingigst: 'invoice',
  wpay: 'invoice',
  wopay: 'invoice',
  // SAP's billing types: F1 / F2 invoices, L2 a debit memo, S2 the cancellation of a credit memo,
  // BV a cash sale; F5 / F8 are pro forma (no accounting document), S1 cancels an invoice.
  f1: 'invoice',
  f2: 'invoice',
  l2: 'invoice',
  s2: 'invoice',
  bv: 'invoice',
  f5: 'skip',
  f8: 'skip',
  s1: 'credit_note',
  // SAP's accounting document types of a customer's invoice (RV, billed in SD; DR, entered in FI)
  // and credit memo (DG), as its line items write them.
  rv: 'invoice',
  dr: 'invoice',
  dg: 'credit_note',
  credit: 'credit_note',
  creditnote: 'credit_note',
  creditmemo: 'credit_note',
  arcreditmemo: 'credit_note',
  refundreceipt: 'credit_note',
  // NetSuite's refund of a Cash Sale: the goods come back.
  cashrefund: 'credit_note',
  // India's bill of a cash sale, a retailer's or a distributor's counter sale.
  cashmemo: 'invoice',
  // The types systems write by their codes: Xero's (ACCPAY a supplier's bill), NetSuite's,
  // Odoo's move types (in_ a vendor's bill or refund).
  accrec: 'invoice',
  accreccredit: 'credit_note',
  accpay: 'skip',
  accpaycredit: 'skip',
  custinvc: 'invoice',
  custcred: 'credit_note',
  cashsale: 'invoice',
  cashrfnd: 'credit_note',
  outinvoice: 'invoice',
  outrefund: 'credit_note',
  outreceipt: 'invoice',
  ininvoice: 'skip',
  inrefund: 'skip',
  inreceipt: 'skip',
  salesreturn: 'credit_note',
  return: 'credit_note',
  returns: 'credit_note',
  cn: 'credit_note',
  crnote: 'credit_note',
  g2: 'credit_note',
  re: 'credit_note',
  ro: 'credit_note',
};

/** Words that make a document something other than a sale (payments, stock, journals; receipts and purchases apart). */
const notSales = new Set([
  'payment',
  'payments',
  'payroll',
  'journal',
  'contra',
  'order',
  'delivery',
  'dc',
  'rdc',
  'challan',
  'inward',
  'outward',
  'rejection',
  'rejections',
  'consumption',
  'stock',
  'material',
  'memorandum',
  'memo',
  'quotation',
  'estimate',
  // A pro forma invoice bills nothing: the real invoice follows it.
  'proforma',
  'forma',
  'debit',
  'grn',
  'transfer',
  'deposit',
  'expense',
  'check',
  'cheque',
]);
/** The word receipt, as typed in custom voucher types too: Tally's Day Books hold "Nashik Reciept". */
const receiptWord = /\b(receipts?|reciepts?|recipts?|receits?|recpts?|rcpts?|rcts?)\b/;
/** A document voided ("Cancelled Invoice", "Void Receipt"): it bills, or receives, nothing. */
const voided = /\b(cancell?ed|void|voided)\b/;

/** Whether a text says, among other words, that its document was cancelled or voided ("Bill cancelled, reissued"). */
export const saysVoided = (text: string) => voided.test(text.toLowerCase());

/**
 * A status written in words alone that its document never happened: `Cancelled`, `(cancelled)`
 * (Tally's party of a cancelled voucher), `Cancel`, `Void`, `Voided.`; null for anything else.
 */
export function cancelledOrVoid(text: string): 'cancelled' | 'void' | null {
  const t = text.trim().toLowerCase();
  if (/^\(?(cancell?ed|cancel)\)?\.?$/.test(t)) return 'cancelled';
  if (/^\(?void(ed)?\)?\.?$/.test(t)) return 'void';
  return null;
}
// Busy abridges a purchase: "Purc. Return", "Purc. Order".
const purchaseWords = new Set([
  'purchase',
  'purchases',
  'purc',
  'purch',
  'po',
  'vendor',
  'vendors',
  'supplier',
  'suppliers',
]);
// A type ending in the word credit is one too: Sage 50's "Product Credit" and "Service Credit".
const creditWords = [/\bcredit note\b/, /\bcredit memo\b/, /\bsales? returns?\b/, /\breturns?\b/, /\bcredits?$/];
// "Bill" is asked: an invoice in India, a supplier's bill in QuickBooks.
const saleWords = new Set(['sales', 'sale', 'supply', 'supplies', 'invoice']);

/** How a document type is read, and why: from the user's map, a known name, or the words of its name. */
export function classifyDocType(
  name: string,
  map: TypeMap = {},
): { as: DocClass; why: 'map' | 'known' | 'name' } | null {
  const given = map[name] ?? map[name.trim()];
  if (given && given !== 'receipt') return { as: given, why: 'map' };
  const key = normalizeHeader(name);
  const exact = known[key];
  if (exact) return { as: exact, why: 'known' };
  // A known code in brackets after its description, as SAP lists its billing types: "Inv. Cancellation (S1)".
  const code = name.match(/\(\s*([a-z0-9]{1,4})\s*\)\s*$/i)?.[1];
  const coded = code === undefined ? undefined : known[code.toLowerCase()];
  if (coded) return { as: coded, why: 'known' };
  const list = words(name);
  // A purchase's return, or its credit note, is the supplier's business, not a sale's.
  if (list.some((w) => purchaseWords.has(w))) return { as: 'skip', why: 'name' };
  const text = list.join(' ');
  const credit = creditWords.some((w) => w.test(text));
  // A document voided bills nothing; one that cancels or reverses another takes it back (a
  // credit note's cancellation bills again, as SAP's S2 does).
  if (voided.test(text)) return { as: 'skip', why: 'name' };
  const notSale = receiptWord.test(text) || list.some((w) => notSales.has(w));
  if (!notSale && /\b(cancell?ations?|reversals?)\b/.test(text))
    return { as: credit ? 'invoice' : 'credit_note', why: 'name' };
  if (credit) return { as: 'credit_note', why: 'name' };
  if (notSale) return { as: 'skip', why: 'name' };
  if (list.some((w) => saleWords.has(w))) return { as: 'invoice', why: 'name' };
  const other = map['*'];
  return other && other !== 'receipt' ? { as: other, why: 'map' } : null;
}

/**
 * How a voucher type of a receipts file is read: as the user's map says (QuickBooks calls a
 * customer's payment "Payment", which Tally uses for money paid out), else a receipt when its name
 * says money received, else skipped and counted ("*=receipt" keeps every type the name does not decide).
 */
export function classifyVoucher(name: string, map: TypeMap = {}): { as: 'receipt' | 'skip'; why: 'map' | 'name' } {
  const given = map[name] ?? map[name.trim()];
  if (given === 'receipt' || given === 'skip') return { as: given, why: 'map' };
  if (isReceiptType(name) && !givenBackNamed(name)) return { as: 'receipt', why: 'name' };
  const other = map['*'];
  return other === 'receipt' || other === 'skip' ? { as: other, why: 'map' } : { as: 'skip', why: 'name' };
}

/** Why a type map does not fit the dataset (a receipt in a sales file, an invoice among receipts), or null. */
export function typeMapProblem(kind: string, map: TypeMap): string | null {
  const fits: readonly TypeClass[] =
    kind === 'sales' ? ['invoice', 'credit_note', 'skip'] : kind === 'payments' ? ['receipt', 'skip'] : [];
  const wrong = Object.entries(map).filter(([, as]) => !fits.includes(as));
  if (wrong.length === 0) return null;
  const listed = wrong.map(([name, as]) => `"${name}=${as}"`).join(', ');
  return fits.length === 0
    ? `${kind} files have no document types to map (${listed})`
    : `in a ${kind} file a type is read as ${fits.join(', ')}, not ${listed}`;
}

/**
 * A voucher type named as money given back to a customer: a refund, a cheque returned unpaid
 * (bounced, dishonoured), a receipt reversed or cancelled by a voucher of its own. Never a
 * receipt by its name, though it says one ("Receipt Reversal"): against a distributor's own
 * bill it is read as money given back (ReceiptVouchers).
 */
export const givenBackNamed = (name: string) =>
  /\b(refunds?|refunded|reversals?|reversed|cancell?ations?|bounced?|dishono(u)?r(ed)?|returned cheques?|(cheque|check|chq) returns?|(cheque|check|chq) returned)\b/i.test(
    name,
  );

/** A voucher type named as a payment: money paid out in Tally, a customer's payment elsewhere. */
export const paymentNamed = (name: string) => /\bpayments?\b/i.test(name);

/**
 * Whether a file's amounts say which side of the ledger the party is on, read from a Debit /
 * Credit pair: a sale's net value where no column gives one (debit less credit), a receipt's
 * amount from its Credit column beside a Debit one. Then the side decides what a voucher the user
 * did not map is: an invoice-type voucher crediting its party is a return, a payment-named one
 * money received.
 */
export function readsPartySide(kind: string, headers: readonly string[], mapping: Mapping): boolean {
  const debitOrCredit = mapping.debit_amount !== undefined || mapping.credit_amount !== undefined;
  if (kind === 'sales') return mapping.net_value === undefined && debitOrCredit;
  const creditColumn = (column: number | undefined) =>
    column !== undefined && pseudoAliases.credit_amount.includes(normalizeHeader(headers[column] ?? ''));
  return (
    kind === 'payments' &&
    mapping.debit_amount !== undefined &&
    (mapping.credit_amount !== undefined || creditColumn(mapping.amount))
  );
}

/**
 * Goods received, not money: Tally's Receipt Note (a supplier's goods in), a goods receipt note,
 * ERPNext's Purchase Receipt and Material Receipt, a stock receipt.
 */
const goodsReceived = /\b(notes?|goods|grn|mrn|materials?|stock|purchases?|inwards?|items?)\b/;

/**
 * A voucher type that names money received — Receipt, Bank Receipt, BRV / CRV, SAP's DZ, Collection,
 * Customer Payment, Invoice Payment, Payment Received, Receive — and so a payment to import. Any other (Sales,
 * Journal, Tally's Payment, which is money paid out) is not.
 */
export function isReceiptType(name: string): boolean {
  const text = words(name).join(' ');
  // Goods received, or a receipt voided: no money received.
  if (goodsReceived.test(text) || voided.test(text)) return false;
  return (
    receiptWord.test(text) ||
    // SAP's document type of a customer's payment (DZ).
    /\b(brv|crv|dz|collections?|receive|received)\b/.test(text) ||
    // A payment of an invoice (a sales document) is a customer's: Zoho Books' Invoice Payment,
    // and its Retainer Payment, an advance against a retainer invoice; Xero's Receivable Payment
    // (its Payable Payment is a supplier's). A bill's is a supplier's.
    /\b(customer|invoice|retainer|receivable) payments?\b/.test(text)
  );
}

/**
 * Why every row of a sales file without a document type is a credit note, or null: its headers
 * say so (`Credit Note Number`, `Credit Memo`), or its title or its sheet's name names a register
 * of returns (Tally's Credit Note Register, Busy's Sales Return Register, a workbook's "Sales
 * Return" sheet beside its "Sales"), which write them positive.
 */
export function allCreditNotes(
  kind: string,
  headers: readonly string[],
  mapping: Mapping,
  /** What names the file a register of returns ("the title"), or null. */
  returnsNamedBy: string | null,
): string | null {
  if (kind !== 'sales' || mapping.doc_type !== undefined) return null;
  if (headers.some((h) => /^creditnote(date|number|no)$|^creditmemo/.test(normalizeHeader(h))))
    return 'Every row is a credit note: the headers say so; stored negative';
  return returnsNamedBy ? `Every row is a credit note: ${returnsNamedBy} says so; stored negative` : null;
}

/**
 * Statuses of documents that never happened: skipped, counted by status. ERPNext's `docstatus`
 * numbers them: 0 a draft, 1 submitted, 2 cancelled; the GST portal's e-invoices write CNL for one
 * whose IRN was cancelled; Zoho Books' Pending Approval is an invoice not yet issued. A receipt
 * whose cheque bounced (was dishonoured, returned unpaid) or whose transfer failed, was rejected or
 * reversed brought no money: it is skipped too, as is one whose cheque has not cleared yet.
 */
export function deadStatus(status: string | number, docstatus = false, kind?: DatasetKind): string | null {
  const t = String(status).trim().toLowerCase();
  if (docstatus && t === '0') return 'draft';
  // CNL: an e-invoice whose IRN was cancelled, as the GST portal writes it.
  if (/^cnl$|^2$/.test(t)) return 'cancelled';
  const worded = cancelledOrVoid(t);
  if (worded) return worded;
  if (/^draft$/.test(t)) return 'draft';
  // Zoho Books' approval: an invoice awaiting its approver is not yet issued.
  if (/^(pending|awaiting) approval$/.test(t)) return 'pending approval';
  if (kind !== 'payments') return null;
  if (/^((cheque|chq|check)\s+)?(bounced?|dishono(u)?red|returned( unpaid)?)$/.test(t)) return 'bounced';
  if (/^(failed|rejected|reversed)$/.test(t)) return t;
  // A cheque not yet cleared, or one dated ahead (a post-dated cheque): no money yet. Counted on
  // its receipt date, it paid early payment on money that might never come; exported again once
  // it clears, it is imported then.
  if (
    /^(pending|uncleared|not cleared|unreali[sz]ed|not reali[sz]ed|(awaiting|pending) (clearance|clearing|realisation|realization)|under clearing|pdc|post[- ]?dated( cheque)?)$/.test(
      t,
    )
  )
    return 'not yet cleared';
  return null;
}

/** `"GST Supply=invoice"` → ["GST Supply", "invoice"]; the CLI's and the dialog's way of saying it. */
export function parseTypeMap(entries: readonly string[]): Record<string, TypeClass> {
  const map: Record<string, TypeClass> = {};
  for (const entry of entries) {
    const at = entry.lastIndexOf('=');
    const name = entry.slice(0, at).trim();
    const as = entry
      .slice(at + 1)
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    if (at < 1 || !name)
      throw new Error(`"${entry}" is not TYPE=invoice, TYPE=credit_note, TYPE=skip or (receipts) TYPE=receipt`);
    const known = typeClasses.find((c) => c === as);
    if (!known)
      throw new Error(
        `"${entry}": a type is read as invoice, credit_note or skip (sales), or receipt or skip (receipts)`,
      );
    map[name] = known;
  }
  return map;
}

/** The kinds of a document's lines, as Business Central's and Dynamics NAV's `Type` writes them. */
const lineKinds = /^(item|g\/l account|resource|fixed asset|charge \(item\)|allocation account|comment)$/i;

/**
 * What to say where the unknown document types are the kinds of a document's lines (Business
 * Central's `Type`: Item, G/L Account), which say nothing of whether the document is an invoice
 * or a credit memo; null where they are not.
 */
export function lineTypesHint(names: readonly string[], header = 'Type'): string | null {
  if (names.length === 0 || !names.every((n) => lineKinds.test(n.trim()))) return null;
  return `"${header}" gives each line's kind, as Business Central writes it, not whether its document is an invoice or a credit memo, which its export of posted invoice lines or of credit memo lines says instead. For invoice lines: --type-map "Item=invoice" "G/L Account=skip" (a G/L Account line is a charge such as freight, no sale of a product); for credit memo lines, "Item=credit_note" instead (or the same in the import dialog).`;
}
