import { type IndexedFacts, json, type PaidFact, type PayeeFact, remember, type SaleFact } from './facts';
import type { Scheme } from './model';
import { allProducts, schemeSkus } from './products';

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
  /** The returns this run claws back, by the approved payout line whose invoices they return. */
  toClaw: { paid: PaidFact; returns: SaleFact[] }[];
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
  const lines = facts.salesBySource[scheme.salesSource].get(payee.code) ?? [];
  const wanted = allProducts(scheme) ? null : schemeSkus(scheme, facts);
  const clawedBefore = new Set(paid.filter((p) => p.kind === 'clawback').flatMap((p) => p.saleIds));
  const returns = lines.filter(
    (l) =>
      l.docType === 'credit_note' &&
      l.against !== null &&
      l.date <= scheme.period.to &&
      (wanted === null || wanted.has(l.sku)),
  );
  if (returns.length === 0) return none;
  const excluded = new Set<number>();
  const toClaw: LateReturns['toClaw'] = [];
  // The latest paid line that paid on the invoice takes the return: with catch-up, later runs
  // paid on the earlier months' invoices again, at the rate of the whole span.
  const payouts = paid.filter((p) => p.kind === 'payout').sort((a, b) => (a.periodTo < b.periodTo ? 1 : -1));
  for (const p of payouts) {
    const paidOn = new Set(p.saleIds);
    const invoices = new Set(lines.filter((l) => l.docType === 'invoice' && paidOn.has(l.id)).map((l) => l.docNo));
    const taken = returns.filter((r) => !excluded.has(r.id) && !paidOn.has(r.id) && invoices.has(r.against as string));
    for (const r of taken) excluded.add(r.id);
    const fresh = taken.filter((r) => !clawedBefore.has(r.id));
    if (fresh.length > 0) toClaw.push({ paid: p, returns: fresh });
  }
  return excluded.size === 0 ? none : { excluded, toClaw };
}
