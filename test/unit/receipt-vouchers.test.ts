import { describe, expect, it } from 'vitest';
import { ReceiptVouchers } from '../../main/import/receipt-vouchers';

const row = (amount: number | null, bill: string | null) => () => ({ amount, against_doc_no: bill });

describe("a receipts file's voucher types", () => {
  it("reads a payment-named type by the party's side, where the amounts are a Debit / Credit pair and the user did not map it", () => {
    const bySide = new ReceiptVouchers({}, true);
    expect(bySide.read('Receipt', row(-100, null))).toBe('receipt');
    expect(bySide.read('Payment', row(100, null))).toBe('receipt');
    expect(bySide.read('Payment', row(-100, 'INV/1'))).toBe('given back');
    expect(bySide.read('Payment', row(-100, null))).toBe('skip');
    expect(bySide.read('Journal', row(-100, 'INV/1'))).toBe('skip');
    // Named as money given back: never money received, though the name says receipt.
    expect(bySide.read('Receipt Reversal', row(-100, 'INV/1'))).toBe('given back');
    expect(bySide.read('Cheque Returned', row(-100, 'INV/1'))).toBe('given back');
    expect(bySide.read('Payment Refund', row(100, 'INV/1'))).toBe('skip');
    const mapped = new ReceiptVouchers({ Payment: 'skip' }, true);
    expect(mapped.read('Payment', row(100, 'INV/1'))).toBe('skip');
  });

  it('reads a type named as money given back against a bill where one column gives every amount, whatever its sign', () => {
    const oneAmount = new ReceiptVouchers({}, false);
    expect(oneAmount.read('Receipt Reversal', row(100, 'INV/1'))).toBe('given back');
    expect(oneAmount.read('Cheque Bounce', row(-100, 'INV/1'))).toBe('given back');
    expect(oneAmount.read('Refund', row(100, null))).toBe('skip');
    expect(oneAmount.read('Refund', row(0, 'INV/1'))).toBe('skip');
    // Named as a payment only: money paid out, as Tally means it.
    expect(oneAmount.read('Payment', row(100, 'INV/1'))).toBe('skip');
    // The user's map decides before the name.
    const mapped = new ReceiptVouchers({ Refund: 'skip' }, false);
    expect(mapped.read('Refund', row(100, 'INV/1'))).toBe('skip');
    expect(mapped.decisions({ 'type:Refund': 1 })).toEqual([]);
    oneAmount.gaveBack('Receipt Reversal');
    expect(oneAmount.decisions({ 'type:Refund': 2, 'type:Payment': 1 }).map((d) => d.decision)).toEqual([
      '1 "Receipt Reversal" voucher is against a distributor\'s own bill: money given back (a cheque returned unpaid, a refund), each imported as a negative receipt against its bill, so early payment does not count what was given back',
      '2 "Refund" vouchers are named as money given back but against no bill of a distributor\'s own: skipped, as early payment reads what was given back by its bill',
      '"Payment" vouchers are skipped as money paid out (Tally\'s meaning); if they are payments received, as in QuickBooks, import them with --type-map "Payment=receipt" or in the import dialog',
    ]);
  });

  it('says what it made of each payment-named type', () => {
    const vouchers = new ReceiptVouchers({}, true);
    vouchers.read('Payment', row(100, null));
    vouchers.read('Payment Entry', row(-100, 'INV/1'));
    vouchers.gaveBack('Payment Entry');
    vouchers.read('Payment Voucher', row(-100, null));
    expect(vouchers.decisions({ 'type:Payment': 2, 'type:Payment Voucher': 1 }).map((d) => d.decision)).toEqual([
      '1 "Payment" voucher credits its party: money received, imported as receipts; 2 that debit their party are skipped as money paid out',
      '1 "Payment Entry" voucher debits a distributor against one of its bills: money given back (a cheque returned unpaid, a refund), each imported as a negative receipt against its bill, so early payment does not count what was given back',
      '"Payment Voucher" vouchers are skipped as money paid out (Tally\'s meaning); if they are payments received, as in QuickBooks, import them with --type-map "Payment Voucher=receipt" or in the import dialog',
    ]);
  });

  it("keeps money given back only against the distributor's own bill, made negative whatever sign it came with", () => {
    const vouchers = new ReceiptVouchers({}, false);
    const own = (party: string, bill: string) => party === 'D001' && bill === 'INV/1';
    const row = (party: string, bill: string | null, amount: number) => ({
      distributor_code: party,
      against_doc_no: bill,
      amount,
    });
    const unsigned = row('D001', 'INV/1', 100);
    expect(vouchers.givesBack(unsigned, own)).toBe(true);
    expect(unsigned.amount).toBe(-100);
    const signed = row('D001', 'INV/1', -100);
    expect(vouchers.givesBack(signed, own)).toBe(true);
    expect(signed.amount).toBe(-100);
    const others = row('D002', 'INV/1', 100);
    expect(vouchers.givesBack(others, own)).toBe(false);
    expect(others.amount).toBe(100);
    expect(vouchers.givesBack(row('D001', null, 100), own)).toBe(false);
  });
});
