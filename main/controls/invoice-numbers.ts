import type { Scheme } from '../../engine/model';

/** How many of the numbers a flag's message quotes. */
const QUOTED = 3;

/** The most days an early-payment measure of the scheme gives (its own, or one its formula reads), or null. */
export function earlyPaymentDays(scheme: Scheme): number | null {
  const days = [scheme.measure, ...Object.values(scheme.measures ?? {})].flatMap((m) =>
    m.kind === 'early_payment' ? [m.withinDays] : [],
  );
  return days.length === 0 ? null : Math.max(...days);
}

/**
 * A document number as the words and numbers it is written with, whatever joins them and without
 * leading zeros: `INV/00123`, `inv-123` and `INV 123` are one, `123` another.
 */
const tokensOf = (number: string) =>
  (number.toUpperCase().match(/[A-Z]+|[0-9]+/g) ?? []).map((t) => t.replace(/^0+(?=\d)/, ''));
const keyOf = (tokens: readonly string[]) => tokens.join(' ');

/**
 * The invoice a number another document gives (a receipt's, a credit note's) most likely means,
 * where it is not written as the invoice is: the same words and numbers otherwise joined or
 * padded (`INV-123` for `INV/00123`), or the one with a prefix the other lacks (`123` or
 * `SI/123` for `SI/2610/123`, `SI/2610/123` for `123`). Only a whole number against the end of
 * the other, and only one holding a digit, so `INV/PRV/2` is not taken for `INV/2610/2`.
 */
export function likelyInvoices(invoices: readonly string[]) {
  const byEnd = new Map<string, string>();
  const whole = new Map<string, string>();
  for (const invoice of invoices) {
    const tokens = tokensOf(invoice);
    whole.set(keyOf(tokens), invoice);
    for (let i = 0; i < tokens.length; i++) {
      const end = keyOf(tokens.slice(i));
      if (!byEnd.has(end)) byEnd.set(end, invoice);
    }
  }
  return (against: string): string | undefined => {
    if (!/\d/.test(against)) return undefined;
    const tokens = tokensOf(against);
    const found = byEnd.get(keyOf(tokens));
    if (found !== undefined) return found;
    for (let i = 1; i < tokens.length; i++) {
      const end = tokens.slice(i);
      if (!end.some((t) => /\d/.test(t))) break;
      const invoice = whole.get(keyOf(end));
      if (invoice !== undefined) return invoice;
    }
    return undefined;
  };
}

/** The numbers a flag quotes, as written and as the invoice writes them: `"123" for "INV/00123", … and 2 more`. */
export function quotedPairs(mismatched: readonly { against: string; invoice: string }[]): string {
  const pairs = [...new Map(mismatched.map((r) => [r.against, r.invoice])).entries()];
  const quoted = pairs
    .slice(0, QUOTED)
    .map(([against, invoice]) => `"${against}" for "${invoice}"`)
    .join(', ');
  return pairs.length > QUOTED ? `${quoted} and ${pairs.length - QUOTED} more` : quoted;
}
