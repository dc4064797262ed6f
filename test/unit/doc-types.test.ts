import { describe, expect, it } from 'vitest';
import {
  classifyDocType,
  classifyVoucher,
  givenBackNamed,
  parseTypeMap,
  typeMapProblem,
} from '../../main/import/doc-types';

/** What a document type is read as: invoice, credit_note, skip, or undefined when not known. */
const as = (name: string) => classifyDocType(name)?.as;

describe('voucher types of a receipts file', () => {
  it('reads a type whose name says money received as a receipt, and any other as skipped', () => {
    expect(classifyVoucher('Bank Receipt')).toEqual({ as: 'receipt', why: 'name' });
    expect(classifyVoucher('Customer Payment')).toEqual({ as: 'receipt', why: 'name' });
    // Zoho Books' Payment Type: an invoice's (or a retainer invoice's) payment is a customer's; a bill's is a supplier's.
    expect(classifyVoucher('Invoice Payment')).toEqual({ as: 'receipt', why: 'name' });
    expect(classifyVoucher('Retainer Payment')).toEqual({ as: 'receipt', why: 'name' });
    expect(classifyVoucher('Bill Payment')).toEqual({ as: 'skip', why: 'name' });
    expect(classifyVoucher('Receivable Payment')).toEqual({ as: 'receipt', why: 'name' });
    expect(classifyVoucher('Payable Payment')).toEqual({ as: 'skip', why: 'name' });
    // A custom type as typed in a Tally Day Book (its sales side reads it as no sale).
    expect(classifyVoucher('Nashik Reciept')).toEqual({ as: 'receipt', why: 'name' });
    expect(classifyVoucher('Recipt')).toEqual({ as: 'receipt', why: 'name' });
    // A receipt voided is no money received; one cancelled by a voucher of its own is money given back.
    expect(
      ['Cancelled Receipt', 'Void Receipt', 'Receipt (Cancelled)'].map((name) => classifyVoucher(name).as),
    ).toEqual(['skip', 'skip', 'skip']);
    expect(givenBackNamed('Receipt Cancellation')).toBe(true);
    // Goods received, not money: Tally's Receipt Note, ERPNext's Purchase and Material Receipts.
    const goods = ['Receipt Note', 'Goods Receipt Note', 'Purchase Receipt', 'Material Receipt', 'Stock Receipt'];
    expect(goods.map((name) => classifyVoucher(name).as)).toEqual(['skip', 'skip', 'skip', 'skip', 'skip']);
    // Tally's Payment is money paid out.
    expect(classifyVoucher('Payment')).toEqual({ as: 'skip', why: 'name' });
    expect(classifyVoucher('Sales')).toEqual({ as: 'skip', why: 'name' });
  });

  it('takes the user’s word first, then their "*" for what the name does not decide', () => {
    expect(classifyVoucher('Payment', { Payment: 'receipt' })).toEqual({ as: 'receipt', why: 'map' });
    expect(classifyVoucher('Receipt', { Receipt: 'skip' })).toEqual({ as: 'skip', why: 'map' });
    expect(classifyVoucher('Payment', { '*': 'receipt' })).toEqual({ as: 'receipt', why: 'map' });
    expect(classifyVoucher('Receipt', { '*': 'skip' })).toEqual({ as: 'receipt', why: 'name' });
  });
});

describe('document types of a sales file', () => {
  it("reads SAP's billing types: pro formas bill nothing, a cancellation takes its invoice back", () => {
    expect(['F2', 'F1', 'L2', 'S2', 'BV'].map(as)).toEqual(['invoice', 'invoice', 'invoice', 'invoice', 'invoice']);
    expect(['G2', 'RE', 'S1'].map(as)).toEqual(['credit_note', 'credit_note', 'credit_note']);
    expect(['F5', 'F8'].map(as)).toEqual(['skip', 'skip']);
    // A pro forma by its name, however written, is no sale, though it says invoice.
    expect(['Proforma Invoice', 'Pro Forma Invoice', 'Pro-forma Invoice'].map(as)).toEqual(['skip', 'skip', 'skip']);
    expect(as('Tax Invoice')).toBe('invoice');
    // Written as their descriptions with the code in brackets, the code decides.
    expect(['Inv. Cancellation (S1)', 'Pro Forma Inv. (F8)', 'Debit Memo (L2)', 'Invoice (F2)'].map(as)).toEqual([
      'credit_note',
      'skip',
      'invoice',
      'invoice',
    ]);
  });

  it("reads Tally's voucher types: a purchase's return is the supplier's, a cash memo a sale", () => {
    expect(['Purchase Return', 'Purc. Return', 'Purchase Credit Note', 'Sales Return', 'Return'].map(as)).toEqual([
      'skip',
      'skip',
      'skip',
      'credit_note',
      'credit_note',
    ]);
    expect(['Cash Memo', 'Memorandum', 'Receipt Note', 'Rejections In'].map(as)).toEqual([
      'invoice',
      'skip',
      'skip',
      'skip',
    ]);
    // A receipt, however typed, is no sale: the receipts file reads the same spellings as money received.
    expect(['Nashik Reciept', 'Recipt'].map(as)).toEqual(['skip', 'skip']);
  });

  it('skips a document voided, and takes one that cancels or reverses an invoice as its return', () => {
    expect(['Cancelled Invoice', 'Void Invoice', 'Sales (cancelled)'].map(as)).toEqual(['skip', 'skip', 'skip']);
    expect(['Invoice Cancellation', 'Sales Reversal', 'Credit Note Cancellation'].map(as)).toEqual([
      'credit_note',
      'credit_note',
      'invoice',
    ]);
    // Reversing what is no sale is no sale either.
    expect(['Receipt Reversal', 'Journal Reversal'].map(as)).toEqual(['skip', 'skip']);
  });

  it("reads the types systems write by their codes, and leaves a supplier's documents out", () => {
    // Xero, NetSuite, Odoo.
    expect(['ACCREC', 'ACCRECCREDIT', 'ACCPAY', 'CustInvc', 'CustCred', 'CashRfnd'].map(as)).toEqual([
      'invoice',
      'credit_note',
      'skip',
      'invoice',
      'credit_note',
      'credit_note',
    ]);
    expect(['out_invoice', 'out_refund', 'in_invoice', 'in_refund'].map(as)).toEqual([
      'invoice',
      'credit_note',
      'skip',
      'skip',
    ]);
    expect(['Supplier Invoice', 'Vendor Bill', 'Vendor Credit Note'].map(as)).toEqual(['skip', 'skip', 'skip']);
  });
});

describe('type maps', () => {
  it('parses receipt beside the sales classes, and refuses any other word', () => {
    expect(parseTypeMap(['Payment=receipt', 'GST Supply = Invoice', 'Memo=credit-note'])).toEqual({
      Payment: 'receipt',
      'GST Supply': 'invoice',
      Memo: 'credit_note',
    });
    expect(() => parseTypeMap(['Payment=paid'])).toThrow('"Payment=paid": a type is read as');
  });

  it('says when a map does not fit its dataset', () => {
    expect(typeMapProblem('sales', { Sales: 'invoice', Memo: 'skip' })).toBeNull();
    expect(typeMapProblem('payments', { Payment: 'receipt' })).toBeNull();
    expect(typeMapProblem('sales', { Payment: 'receipt' })).toBe(
      'in a sales file a type is read as invoice, credit_note, skip, not "Payment=receipt"',
    );
    expect(typeMapProblem('outlets', { X: 'skip' })).toBe('outlets files have no document types to map ("X=skip")');
  });
});
