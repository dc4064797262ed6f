import type { StoredValue } from '../datasets/insert';
import { counted } from '../format/numbers';
import { classifyVoucher, givenBackNamed, paymentNamed, type TypeMap } from './doc-types';

/** How one row's voucher type is read: a receipt, skipped, or money given back if its party and bill say so. */
export type VoucherRead = 'receipt' | 'skip' | 'given back';

/**
 * The voucher types of a receipts file, each read once (`classifyVoucher`), and what the party's
 * side made of those named as payments — money paid out in Tally, a customer's payment in
 * QuickBooks and ERPNext. Where the amounts are a Debit / Credit pair and the user did not map
 * the type, a payment that credits its party is money received (ERPNext's Payment Entry of a
 * customer); one that debits its party against a bill may be money given back against that bill
 * (a cheque returned unpaid, a refund), which the import keeps only when the party is a
 * distributor and the bill one of its own (`givesBack`, once the party is read). With one amount
 * column, a type named as money given back is read so against such a bill, whatever its sign.
 */
export class ReceiptVouchers {
  private readonly readings = new Map<string, ReturnType<typeof classifyVoucher>>();
  private readonly credited = new Map<string, number>();
  private readonly givenBack = new Map<string, number>();

  constructor(
    private readonly typeMap: TypeMap | undefined,
    private readonly bySide: boolean,
    /** Whether the file's one amount column writes money received negative, as the party's ledger does. */
    private readonly turned = false,
  ) {}

  /** How a row of voucher type `name` is read; `values` gives the row's values, asked only where the row decides. */
  read(name: string, values: () => Record<string, StoredValue>): VoucherRead {
    let reading = this.readings.get(name);
    if (reading === undefined) {
      reading = classifyVoucher(name, this.typeMap);
      this.readings.set(name, reading);
    }
    if (reading.as === 'receipt') return 'receipt';
    if (readByRow(name, reading.why, this.bySide) === null) return 'skip';
    const { amount, against_doc_no: bill } = values();
    if (typeof amount !== 'number' || amount === 0) return 'skip';
    // Credited to its party: money received, unless its name says given back.
    if (this.bySide && (this.turned ? -amount : amount) > 0) {
      if (givenBackNamed(name)) return 'skip';
      this.credited.set(name, (this.credited.get(name) ?? 0) + 1);
      return 'receipt';
    }
    // Debited to its party, or in one amount column and named as given back: against a bill, given back.
    return typeof bill === 'string' ? 'given back' : 'skip';
  }

  /**
   * Whether a row read as money given back is kept as that: its party a distributor and its bill
   * one of that distributor's own (`ownBill`). Money paid out to anyone else, or against no bill
   * of the party's, stays skipped. A kept row's amount is made negative: one amount column gives
   * what was given back unsigned, as it gives receipts.
   */
  givesBack(values: Record<string, StoredValue>, ownBill: (party: string, bill: string) => boolean): boolean {
    const { distributor_code: party, against_doc_no: bill, amount } = values;
    if (typeof party !== 'string' || typeof bill !== 'string' || !ownBill(party, bill)) return false;
    if (typeof amount === 'number' && amount > 0) values.amount = -amount;
    return true;
  }

  /** Counts a row of voucher type `name` imported as money given back. */
  gaveBack(name: string): void {
    this.givenBack.set(name, (this.givenBack.get(name) ?? 0) + 1);
  }

  /** What the import says of the payment-named types, given the rows it skipped by type. */
  decisions(skipped: Readonly<Record<string, number>>): { field: string; decision: string }[] {
    const out: { field: string; decision: string }[] = [];
    const say = (decision: string) => out.push({ field: 'voucher_type', decision });
    for (const [name, { as, why }] of this.readings) {
      if (as !== 'skip' || !(paymentNamed(name) || givenBackNamed(name))) continue;
      const received = this.credited.get(name) ?? 0;
      const givenBack = this.givenBack.get(name) ?? 0;
      const paidOut = skipped[`type:${name}`] ?? 0;
      const asNegative =
        'each imported as a negative receipt against its bill, so early payment does not count what was given back';
      if (givenBack > 0 && this.bySide)
        say(
          `${counted(givenBack, `"${name}" voucher debits a distributor`, `"${name}" vouchers debit a distributor`)} against one of its bills: money given back (a cheque returned unpaid, a refund), ${asNegative}`,
        );
      else if (givenBack > 0)
        say(
          `${counted(givenBack, `"${name}" voucher is`, `"${name}" vouchers are`)} against a distributor's own bill: money given back (a cheque returned unpaid, a refund), ${asNegative}${paidOut > 0 ? `; ${paidOut} against no bill of their party's are skipped` : ''}`,
        );
      else if (paidOut > 0 && why === 'name' && !paymentNamed(name))
        say(
          `${counted(paidOut, `"${name}" voucher is`, `"${name}" vouchers are`)} named as money given back but against no bill of a distributor's own: skipped, as early payment reads what was given back by its bill`,
        );
      if (!paymentNamed(name)) continue;
      if (received > 0)
        say(
          `${counted(received, `"${name}" voucher credits its party`, `"${name}" vouchers credit their party`)}: money received, imported as receipts${paidOut > 0 ? `; ${counted(paidOut, 'that debits its party is', 'that debit their party are')} skipped as money paid out` : ''}`,
        );
      else if (paidOut > 0 || givenBack === 0)
        say(
          `"${name}" vouchers are skipped as money paid out (Tally's meaning); if they are payments received, as in QuickBooks, import them with --type-map "${name}=receipt" or in the import dialog`,
        );
    }
    return out;
  }
}

/**
 * What decides a voucher type the user did not map, row by row, or null where its name alone
 * does. Where the amounts are a Debit / Credit pair, the party's side decides one named as a
 * payment or as money given back ('side': credited, a receipt; debited against a bill, money
 * given back). With one amount column, which says no side, one named as money given back is
 * that against a bill of the distributor's own, and skipped otherwise ('given back').
 */
export function readByRow(name: string, why: string, bySide: boolean): 'side' | 'given back' | null {
  if (why !== 'name') return null;
  if (bySide) return paymentNamed(name) || givenBackNamed(name) ? 'side' : null;
  return givenBackNamed(name) ? 'given back' : null;
}
