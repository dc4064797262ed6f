import type { StoredValue } from '../datasets/insert';
import type { DocClass } from './doc-types';

/** A sample line: what its type reads as, and its values. */
interface TypedLine {
  as: DocClass | null;
  values: Readonly<Record<string, StoredValue>>;
}

/** A sale's amounts and a receipt's: the fields whose sign a journal turns. */
const AMOUNTS = ['gross_value', 'discount', 'net_value', 'tax', 'round_off', 'amount'] as const;

const signOf = (v: StoredValue | undefined) => (typeof v === 'number' ? Math.sign(v) : 0);

/**
 * Whether, among the lines read, `field` is negative on invoices and positive on credit notes:
 * on some of each, and never the other way.
 */
function booksAsCredit(lines: readonly TypedLine[], field: string): boolean {
  const invoices = lines.filter((l) => l.as === 'invoice').map((l) => signOf(l.values[field]));
  const credits = lines.filter((l) => l.as === 'credit_note').map((l) => signOf(l.values[field]));
  return invoices.includes(-1) && !invoices.includes(1) && credits.includes(1) && !credits.includes(-1);
}

/**
 * Whether a sales file with a document type writes its amounts as a journal books them: revenue
 * is a credit, so every invoice line read is negative and every credit note positive, and there
 * are both (SAP's revenue line items, Odoo's Amount in Currency beside its Type). Read as written,
 * every invoice line was refused for its sign. Negative invoices with no credit note beside them
 * show nothing of the kind, and stay refused. Answers whether to turn the amounts' signs, and the
 * quantities' (which some such files write as the journal does, and some do not).
 */
export function journalSigns(lines: readonly TypedLine[]): { amounts: boolean; qty: boolean } {
  const amounts = booksAsCredit(lines, 'net_value');
  return { amounts, qty: amounts && booksAsCredit(lines, 'qty') };
}

/** A line's values with the signs a journal gave them turned. */
export function turnSigns(values: Record<string, StoredValue>, signs: { amounts: boolean; qty: boolean }): void {
  if (!signs.amounts) return;
  for (const field of [...AMOUNTS, ...(signs.qty ? ['qty'] : [])]) {
    const v = values[field];
    if (typeof v === 'number' && v !== 0) values[field] = -v;
  }
}

/** A receipts file's row: whether its type names money received (every row where the file has no type), a sale, or neither. */
interface ReceiptLine {
  names: 'received' | 'sale' | 'other';
  amount: StoredValue | undefined;
}

/**
 * Whether a receipts file writes its amounts as the customer's ledger books them: money received
 * credits the party, so it is negative, and an invoice beside it positive (SAP's customer line
 * items, Business Central's customer ledger entries). Read as written, every receipt was a
 * reversal of one. Decided by the rows that name money received: more negative than positive,
 * and at least two of them or a sale written positive beside them; never where a sale is negative.
 */
export function receiptsAsCredits(lines: readonly ReceiptLine[]): boolean {
  const signs = (names: ReceiptLine['names']) => lines.filter((l) => l.names === names).map((l) => signOf(l.amount));
  const received = signs('received');
  const sales = signs('sale');
  const negative = received.filter((s) => s < 0).length;
  const positive = received.filter((s) => s > 0).length;
  return negative > positive && (negative > 1 || sales.includes(1)) && !sales.includes(-1);
}

/**
 * The warning of a sales file with no document type whose lines are mostly negative, each read
 * as a credit note: a revenue account's line items write sales negative and returns positive, so
 * every sale would count as a return. `negative` of `signed` lines (those with a value); `first`:
 * of the first lines only, as the import dialog reads them. Null where most are not negative.
 */
export function mostlyNegative(negative: number, signed: number, first = false): string | null {
  if (negative <= 1 || negative * 2 <= signed) return null;
  const lines = `${first ? 'first ' : ''}${signed} lines`;
  return `${negative === signed ? `Every one of the ${lines} has a negative amount, so every one is` : `${negative} of the ${lines} have a negative amount, more than are positive, so each is`} a credit note (a return): if the file writes sales as negative, as a journal books revenue (Odoo's Amount in Currency, SAP's line items), its sales count as returns; put their signs right, or give the file's document types, before a run reads them`;
}
