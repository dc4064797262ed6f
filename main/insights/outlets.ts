import type Database from 'better-sqlite3';
import { addDays } from '../../engine/dates';
import type { Scheme } from '../../engine/model';
import { Exact, paiseToRupees } from '../../engine/money';
import type { Window } from './scope';

/** Outlets a scheme's payees billed, and what each reactivated or net new outlet cost. */
export interface OutletReach {
  /** Outlets billed in the period and in the baseline. */
  billed: { period: number; baseline: number };
  /** Outlets whose first bill ever falls in the period. */
  firstBilled: number;
  /** Billed in the period after `dormantDays` or more without a bill (and billed at some time before). */
  reactivated: number;
  dormantDays: number;
  /** Billed outlets in the period less those in the baseline. */
  netNew: number;
  /** Paid ÷ outlets, exact rupees with two decimals; null where there are none to divide by. */
  costPerReactivated: string | null;
  costPerNetNew: string | null;
}

/**
 * Outlets reached under a scheme, from its payees' invoices to outlets (the only sales that name
 * an outlet): how many were billed, first billed, reactivated after a dormancy (the scheme's own
 * when it rewards reactivation, else 90 days) and gained net of those lost against the baseline.
 */
export function outletReach(
  db: Database.Database,
  args: { scheme: Scheme; payees: ReadonlySet<string>; period: Window; baseline: Window; paidPaise: bigint },
): OutletReach {
  const { scheme, payees, period } = args;
  const dormantDays = scheme.measure.kind === 'reactivation' ? scheme.measure.dormantDays : 90;
  const billedIn = db.prepare(
    `SELECT DISTINCT outlet_code AS outlet, distributor_code AS payee FROM sales
     WHERE outlet_code IS NOT NULL AND doc_type = 'invoice' AND doc_date BETWEEN ? AND ?`,
  );
  const billed = (w: Window) =>
    new Set(
      (billedIn.all(w.from, w.to) as { outlet: string; payee: string }[])
        .filter((r) => payees.has(r.payee))
        .map((r) => r.outlet),
    );
  const now = billed(period);
  const then = billed(args.baseline);
  const history = db.prepare(
    `SELECT outlet_code AS outlet, min(doc_date) AS first, max(doc_date) AS lastBefore FROM sales
     WHERE outlet_code IS NOT NULL AND doc_type = 'invoice' AND doc_date < ? GROUP BY outlet_code`,
  );
  const before = new Map(
    (history.all(period.from) as { outlet: string; lastBefore: string }[]).map((r) => [r.outlet, r.lastBefore]),
  );
  const dormantSince = addDays(period.from, -dormantDays);
  let firstBilled = 0;
  let reactivated = 0;
  for (const outlet of now) {
    const last = before.get(outlet);
    if (last === undefined) firstBilled += 1;
    else if (last < dormantSince) reactivated += 1;
  }
  const netNew = now.size - then.size;
  const per = (n: number) => (n > 0 ? new Exact(paiseToRupees(args.paidPaise)).dividedBy(n).toFixed(2) : null);
  return {
    billed: { period: now.size, baseline: then.size },
    firstBilled,
    reactivated,
    dormantDays,
    netNew,
    costPerReactivated: per(reactivated),
    costPerNetNew: per(netNew),
  };
}
