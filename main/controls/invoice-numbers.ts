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

/** The numbers a flag quotes, as written and as the invoice writes them: `"123" for "INV/00123", … and 2 more`. */
export function quotedPairs(mismatched: readonly { against: string; invoice: string }[]): string {
  const pairs = [...new Map(mismatched.map((r) => [r.against, r.invoice])).entries()];
  const quoted = pairs
    .slice(0, QUOTED)
    .map(([against, invoice]) => `"${against}" for "${invoice}"`)
    .join(', ');
  return pairs.length > QUOTED ? `${quoted} and ${pairs.length - QUOTED} more` : quoted;
}
