import { type IndexedFacts, json, type PaidFact, type PayeeFact, payeeRows, remember } from './facts';
import type { Scheme } from './model';
import { allProducts, schemeSkuMask } from './products';
import { dayNumber } from './sales-columns';

/**
 * Returns of invoices an approved run already paid on. Such a return is taken off once: it is
 * clawed back at the rate paid then (its own line in the first run after it is known) and left
 * out of every measure of the scheme from then on, so it never also lowers a later period's
 * measure. A return of an invoice no approved run paid on only lowers the measure of its own
 * period. Schemes with `clawback: false` take every return off the measure instead.
 */
export interface LateReturns {
  /** Every such return (clawed back now or by an earlier approved run): out of the measures. */
  excluded: ReadonlySet<number>;
  /** The returns this run claws back (their rows in the sales columns), by the approved payout line whose invoices they return. */
  toClaw: { paid: PaidFact; returns: number[] }[];
}

const none: LateReturns = { excluded: new Set(), toClaw: [] };

export function lateReturns(scheme: Scheme, payee: PayeeFact, facts: IndexedFacts): LateReturns {
  if (!scheme.clawback) return none;
  const paid = (facts.paidByScheme.get(`${scheme.code}|${payee.code}`) ?? []).filter(
    (p) => p.periodTo < scheme.period.from,
  );
  if (paid.length === 0) return none;
  // The scheme's code finds what was paid; source, products and period decide which returns count.
  const key = `late|${scheme.code}|${payee.code}|${scheme.period.from}|${scheme.period.to}|${scheme.salesSource}|${json(scheme.products)}`;
  return remember(facts, key, () => findLateReturns(scheme, payee, facts, paid));
}

function findLateReturns(
  scheme: Scheme,
  payee: PayeeFact,
  facts: IndexedFacts,
  paid: readonly PaidFact[],
): LateReturns {
  const c = facts.sales;
  const lines = payeeRows(facts, scheme.salesSource, payee.code);
  const wanted = allProducts(scheme) ? null : schemeSkuMask(scheme, facts);
  const clawedBefore = new Set(paid.filter((p) => p.kind === 'clawback').flatMap((p) => p.saleIds));
  const to = dayNumber(scheme.period.to);
  const returns: number[] = [];
  for (const r of lines)
    if (
      c.invoice[r] === 0 &&
      c.against.at(r) !== null &&
      (c.day[r] as number) <= to &&
      (wanted === null || wanted[c.sku[r] as number] === 1)
    )
      returns.push(r);
  if (returns.length === 0) return none;
  const excluded = new Set<number>();
  const toClaw: LateReturns['toClaw'] = [];
  // A return is of the latest invoice of its number dated by the return (numbers restart every
  // financial year: last year's INV-1, paid on, is not this year's), else of the first after it:
  // that invoice's number and day, worked out once per return.
  const daysOf = new Map<string, number[]>();
  for (const r of lines)
    if (c.invoice[r] === 1) {
      const no = c.docNo.at(r) as string;
      const days = daysOf.get(no) ?? [];
      if (!days.includes(c.day[r] as number)) days.push(c.day[r] as number);
      daysOf.set(no, days);
    }
  const invoiceOf = new Map<number, string>();
  for (const r of returns) {
    const no = c.against.at(r) as string;
    const days = daysOf.get(no) ?? [];
    const before = days.filter((d) => d <= (c.day[r] as number));
    if (days.length > 0) invoiceOf.set(r, `${no}|${before.length > 0 ? Math.max(...before) : Math.min(...days)}`);
  }
  // The latest paid line that paid on the invoice takes the return: with catch-up, later runs
  // paid on the earlier months' invoices again, at the rate of the whole span.
  const payouts = paid.filter((p) => p.kind === 'payout').sort((a, b) => (a.periodTo < b.periodTo ? 1 : -1));
  for (const p of payouts) {
    const paidOn = new Set(p.saleIds);
    const invoices = new Set<string>();
    for (const r of lines)
      if (c.invoice[r] === 1 && paidOn.has(c.id[r] as number)) invoices.add(`${c.docNo.at(r)}|${c.day[r]}`);
    const id = (r: number) => c.id[r] as number;
    const taken = returns.filter(
      (r) => !excluded.has(id(r)) && !paidOn.has(id(r)) && invoices.has(invoiceOf.get(r) ?? ''),
    );
    for (const r of taken) excluded.add(id(r));
    const fresh = taken.filter((r) => !clawedBefore.has(id(r)));
    if (fresh.length > 0) toClaw.push({ paid: p, returns: fresh });
  }
  return excluded.size === 0 ? none : { excluded, toClaw };
}
