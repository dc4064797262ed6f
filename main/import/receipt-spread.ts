import type Database from 'better-sqlite3';
import { scaledIntegerToString } from '../../engine/money';
import { billedValue } from '../datasets/billed-value';
import type { StoredValue } from '../datasets/insert';
import { counted } from '../format/numbers';
import { type BillNumbers, partyKey } from './bill-numbers';

/** One part of a receipt spread over bills: the bill (null: on account, against none) and its paise. */
export interface ReceiptPart {
  bill: string | null;
  amount: number;
}

/** What a receipts row pays each bill, and the cell it was spread from (null: it named one bill). */
export interface ReceiptPaid {
  party: string;
  parts: ReceiptPart[];
  spreadFrom: string | null;
}

/**
 * The lines a receipts row lands as, and what it pays each bill (for the spread of the rows
 * below; none where it names no bill or pays no amount). A row naming several bills in one cell
 * is a line for each bill it settles, when `spread` can spread it; any other row is one line, its
 * bill read as the bills write it (`values` changed in place).
 */
export function receiptLines(
  values: Record<string, StoredValue>,
  bills: BillNumbers,
  spread: ReceiptSpread | null,
): { lines: Record<string, StoredValue>[]; paid: ReceiptPaid | null } {
  const { distributor_code: party, against_doc_no: text, amount } = values;
  if (typeof text !== 'string' || typeof party !== 'string') return { lines: [values], paid: null };
  const listed = spread ? bills.listed(party, text) : null;
  const spreadOver = listed && typeof amount === 'number' ? spread?.spread(party, listed, amount) : null;
  if (spreadOver)
    return {
      lines: spreadOver.map((p) => ({ ...values, against_doc_no: p.bill, amount: p.amount })),
      paid: { party, parts: spreadOver, spreadFrom: text },
    };
  values.against_doc_no = bills.read(party, text);
  const paid =
    typeof amount === 'number' ? { party, parts: [{ bill: values.against_doc_no, amount }], spreadFrom: null } : null;
  return { lines: [values], paid };
}

/**
 * Receipts that name several bills in one cell ("INV-1, INV-2") and one amount, spread over the
 * bills as an accountant applies an unallocated receipt: the oldest bill first, each up to what is
 * still due on it — its amount with tax and round-off, less its returns and the receipts already
 * against it (earlier imports and the rows above in this file) — and what is left once every bill
 * named is settled stays on account, against no bill. Early payment finds a bill by its number
 * alone: kept whole against the cell's text, such a receipt paid on none of its bills. Only bills
 * the sales hold as invoices to the distributor are spread over: of a bill known only from an
 * ageing report, nothing says what was due.
 */
export class ReceiptSpread {
  /** Each bill's date and what was due on it before this file (by party and bill), once looked up. */
  private readonly dues = new Map<string, { date: string; due: number } | null>();
  /** What the rows of this file applied to each bill so far. */
  private readonly applied = new Map<string, number>();
  private readonly invoice: Database.Statement;
  /** What was returned of and received against each bill (by party and bill), read once when first asked. */
  private taken: Map<string, number> | null = null;
  private receipts = 0;
  private onAccount = 0;
  private readonly examples: string[] = [];

  /**
   * `batch`: the receipts file's own batch, whose rows are counted as this file applies them; null
   * where receipts already stored are spread, and every stored receipt counts.
   */
  constructor(
    private readonly db: Database.Database,
    private readonly batch: number | null,
  ) {
    this.invoice = db.prepare(
      `SELECT min(doc_date) AS date, sum(${billedValue}) AS amount FROM sales
       WHERE doc_no = ? AND distributor_code = ? AND doc_type = 'invoice' AND outlet_code IS NULL`,
    );
  }

  /**
   * The parts of a receipt of `amount` paise naming `bills` (as the bills write them), oldest bill
   * first, or null where a bill is no invoice of the sales or the amount is not a payment. Changes
   * nothing: `took` counts the parts of a row that lands.
   */
  spread(party: string, bills: readonly string[], amount: number): ReceiptPart[] | null {
    if (amount <= 0) return null;
    const dues: { bill: string; order: number; date: string; due: number }[] = [];
    for (const [order, bill] of [...new Set(bills)].entries()) {
      const known = this.bill(party, bill);
      if (known === null) return null;
      dues.push({ bill, order, ...known });
    }
    dues.sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order);
    const parts: ReceiptPart[] = [];
    let left = amount;
    for (const { bill, due } of dues) {
      const stillDue = due - (this.applied.get(partyKey(party, bill)) ?? 0);
      const applied = Math.min(left, Math.max(0, stillDue));
      if (applied <= 0) continue;
      parts.push({ bill, amount: applied });
      left -= applied;
    }
    if (left > 0) parts.push({ bill: null, amount: left });
    return parts;
  }

  /**
   * A row of this file that landed, paying `parts`: less is due on their bills for the rows below
   * (counted, not looked up: a receipts file names a bill on most rows). `text`: the cell it was
   * spread from, where it was.
   */
  took(party: string, parts: readonly ReceiptPart[], text: string | null): void {
    for (const { bill, amount } of parts) {
      if (bill === null) continue;
      const key = partyKey(party, bill);
      this.applied.set(key, (this.applied.get(key) ?? 0) + amount);
    }
    if (text === null) return;
    this.receipts++;
    this.onAccount += parts.reduce((n, p) => n + (p.bill === null ? p.amount : 0), 0);
    if (this.examples.length < 3) this.examples.push(`"${text}"`);
  }

  /**
   * What the result says of the receipts spread, if any were: of a receipts file's own rows, or
   * (`earlier`) of receipts imported before a sales file brought their bills.
   */
  decision(earlier = false): string | null {
    if (this.receipts === 0) return null;
    const rest =
      this.onAccount > 0
        ? `; ₹${scaledIntegerToString(this.onAccount, 2)} beyond what their bills were due stays on account, against no bill`
        : '';
    const shown = `${this.examples.join(', ')}${this.receipts > 3 ? ', …' : ''}`;
    const how = `the oldest first, each up to what is still due on it (its amount with tax, less its returns and the receipts ${earlier ? 'against it' : 'before'})${rest}`;
    return earlier
      ? `${counted(this.receipts, 'receipt', 'receipts')} imported earlier ${this.receipts === 1 ? 'names' : 'name'} several bills in one cell, among them invoices of this file (${shown}): each is now spread over its bills, ${how}, as it would have been had the invoices come first`
      : `${counted(this.receipts, 'receipt names', 'receipts name')} several bills in one cell (${shown}): each is spread over its bills, ${how}`;
  }

  private bill(party: string, bill: string): { date: string; due: number } | null {
    const key = partyKey(party, bill);
    if (this.dues.has(key)) return this.dues.get(key) ?? null;
    const invoice = this.invoice.get(bill, party) as { date: string | null; amount: number | null };
    const known =
      invoice.date === null
        ? null
        : { date: invoice.date, due: (invoice.amount ?? 0) + (this.takenOff().get(key) ?? 0) };
    this.dues.set(key, known);
    return known;
  }

  /**
   * Returns (negative) less receipts, by party and bill: the distributor's credit notes against
   * its bills, and the receipts of other batches. One pass each: looked up bill by bill, a return
   * walks every primary sale (no index leads with the bill it is against).
   */
  private takenOff(): Map<string, number> {
    if (this.taken) return this.taken;
    const rows = this.db
      .prepare(
        `SELECT distributor_code AS party, against_doc_no AS bill, sum(${billedValue}) AS amount FROM sales
         WHERE doc_type = 'credit_note' AND outlet_code IS NULL AND against_doc_no IS NOT NULL GROUP BY 1, 2
         UNION ALL
         SELECT distributor_code, against_doc_no, -sum(amount) FROM payments
         WHERE against_doc_no IS NOT NULL AND batch_id IS NOT ? GROUP BY 1, 2`,
      )
      .all(this.batch) as { party: string; bill: string; amount: number }[];
    const taken = new Map<string, number>();
    for (const r of rows) {
      const key = partyKey(r.party, r.bill);
      taken.set(key, (taken.get(key) ?? 0) + r.amount);
    }
    this.taken = taken;
    return taken;
  }
}
