import type { StoredValue } from '../datasets/insert';
import type { DocClass } from './doc-types';

/** A sample line: what its type reads as, and its values. */
interface TypedLine {
  as: DocClass | null;
  values: Readonly<Record<string, StoredValue>>;
}

/** A sale's amounts: the fields whose sign a journal turns. */
const AMOUNTS = ['gross_value', 'discount', 'net_value', 'tax', 'round_off'] as const;

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
