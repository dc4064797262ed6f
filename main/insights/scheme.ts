import type Database from 'better-sqlite3';
import { nextPeriod, previousPeriod } from '../../engine/dates';
import { Exact, paiseToRupees } from '../../engine/money';
import type { NearMiss } from '../../engine/slabs';
import { type SlabUnit, slabUnitOf } from '../format/numbers';
import { getScheme } from '../schemes/store';
import { type Dependency, dependency } from './dependency';
import { type OutletReach, outletReach } from './outlets';
import { anySales, scopedSales } from './scope';

export class UnknownSchemeError extends Error {}

/**
 * What a scheme did, from its latest run (approved or exported first): cost against budget,
 * payees reached, achievement, incremental sales over a baseline and the return on the payout,
 * and the payees close to the next slab. Amounts are exact decimal rupees.
 */
export interface SchemeInsights {
  scheme: string;
  name: string;
  period: { from: string; to: string };
  run: number | null;
  paid: string;
  budget: string | null;
  /** paid ÷ budget, as a percentage with two decimals. */
  burnPct: string | null;
  payees: { eligible: number; reached: number };
  /** Payees by achievement against target, or by the slab reached where there is no target. */
  achievement: { bucket: string; payees: number }[];
  /** What the slab labels among the buckets count, for formatting them (formatSlab). */
  slabUnit: SlabUnit;
  /** `data` false: the workspace has no sales at all in the baseline, so nothing incremental is measured. */
  baseline: { from: string; to: string; kind: 'same period last year' | 'previous period'; data: boolean };
  sales: { period: string; baseline: string; incremental: string };
  /** Incremental gross margin (or sales, when products have no cost) per rupee paid; null without a baseline. */
  roi: { value: string | null; on: 'gross margin' | 'sales (no costs known)' };
  outlets: OutletReach;
  /**
   * Sales pulled forward: the scheme's sales before (the previous period), during and after it
   * (the period of equal length after, `data` false while the workspace has no sales there yet).
   */
  dip: {
    before: { from: string; to: string; sales: string };
    during: string;
    after: { from: string; to: string; sales: string; data: boolean };
    /** (after − before) ÷ before × 100, two decimals; null without sales after, or no net sales before. */
    changePct: string | null;
  };
  dependency: Dependency;
  nearMisses: {
    payee: string;
    /** 'money' when the measure and what is needed are rupees; else a count or quantity. */
    unit: string;
    measure: string;
    needed: string;
    neededPct: string;
    wouldPay: string;
  }[];
}

const buckets: [string, number][] = [
  ['below 50%', 50],
  ['50–80%', 80],
  ['80–100%', 100],
  ['100–120%', 120],
];

const lastYear = (p: { from: string; to: string }) => ({
  from: `${Number(p.from.slice(0, 4)) - 1}${p.from.slice(4)}`,
  to: `${Number(p.to.slice(0, 4)) - 1}${p.to.slice(4)}`,
});

export function schemeInsights(
  db: Database.Database,
  code: string,
  options: { nearMissPct?: string } = {},
): SchemeInsights {
  const scheme = getScheme(db, code);
  if (!scheme) throw new UnknownSchemeError(`There is no scheme ${code}`);
  const run = db
    .prepare(
      `SELECT r.id FROM runs r WHERE r.reverses_run IS NULL AND r.reversed_by_run IS NULL AND r.status <> 'draft'
         AND EXISTS (SELECT 1 FROM payout_lines l WHERE l.run_id = r.id AND l.scheme_code = ?)
       ORDER BY r.status IN ('approved', 'exported') DESC, r.id DESC LIMIT 1`,
    )
    .pluck()
    .get(code) as number | undefined;
  const lines = (
    run === undefined
      ? []
      : db
          .prepare(
            `SELECT payee, payable, measure, unit, achievement, slab_label AS slab, near_miss AS nearMiss FROM payable_lines
             WHERE run_id = ? AND scheme_code = ? AND kind = 'payout' ORDER BY payee`,
          )
          .all(run, code)
  ) as {
    payee: string;
    payable: number;
    measure: string;
    unit: string;
    achievement: string | null;
    slab: string | null;
    nearMiss: string | null;
  }[];
  const paid = lines.reduce((n, l) => n + BigInt(l.payable), 0n);
  const budget = scheme.budget ? new Exact(scheme.budget.amount) : null;

  const byTarget = lines.some((l) => l.achievement !== null);
  const counts = new Map<string, number>();
  for (const l of lines) {
    const bucket = byTarget
      ? l.achievement === null
        ? 'no target'
        : (buckets.find(([, below]) => new Exact(l.achievement as string).lessThan(below))?.[0] ?? '120% and above')
      : (l.slab ?? 'below the first slab');
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }

  // The scheme's products and source, over the period and the baseline, for the payees it measured.
  const period = scheme.period;
  const ly = lastYear(period);
  const payees = new Set(lines.map((l) => l.payee));
  const totals = scopedSales(db, scheme, payees);
  const hasLastYear = anySales(db, ly);
  const baseline = hasLastYear
    ? { ...ly, kind: 'same period last year' as const }
    : { ...previousPeriod(period), kind: 'previous period' as const };
  const now = totals(period);
  const then = totals(baseline);
  const costed = now.costed && then.costed;
  const incremental = costed ? now.margin.minus(then.margin) : new Exact((now.net - then.net).toString());
  const data = hasLastYear || anySales(db, baseline);
  const roi = paid > 0n && data ? incremental.dividedBy(paid.toString()).toDecimalPlaces(2).toString() : null;

  const before = previousPeriod(period);
  const after = nextPeriod(period);
  const sold = { before: totals(before).net, after: totals(after).net };
  const afterData = anySales(db, after);

  const within = new Exact(options.nearMissPct ?? '10');
  const nearMisses = lines
    .flatMap((l) => {
      if (!l.nearMiss) return [];
      const miss = JSON.parse(l.nearMiss) as NearMiss;
      const needed = new Exact(miss.neededMeasure ?? miss.needed);
      const next = new Exact(l.measure).plus(needed);
      if (next.lessThanOrEqualTo(0)) return [];
      const pct = needed.times(100).dividedBy(next);
      if (pct.greaterThan(within)) return [];
      return [
        {
          payee: l.payee,
          unit: l.unit,
          measure: l.measure,
          needed: needed.toString(),
          neededPct: pct.toDecimalPlaces(2).toString(),
          wouldPay: miss.wouldPay,
        },
      ];
    })
    .sort((a, b) => new Exact(a.neededPct).comparedTo(b.neededPct));

  return {
    scheme: scheme.code,
    name: scheme.name,
    period,
    run: run ?? null,
    paid: paiseToRupees(paid),
    budget: budget ? budget.toFixed(2) : null,
    burnPct: budget?.greaterThan(0) ? new Exact(paid.toString()).dividedBy(budget).toDecimalPlaces(2).toString() : null,
    payees: { eligible: payees.size, reached: lines.filter((l) => l.payable > 0).length },
    achievement: [...counts].map(([bucket, n]) => ({ bucket, payees: n })),
    slabUnit: slabUnitOf(scheme.slabs.basis, lines[0]?.unit),
    baseline: { from: baseline.from, to: baseline.to, kind: baseline.kind, data },
    sales: {
      period: paiseToRupees(now.net),
      baseline: paiseToRupees(then.net),
      incremental: paiseToRupees(now.net - then.net),
    },
    roi: { value: roi, on: costed ? 'gross margin' : 'sales (no costs known)' },
    outlets: outletReach(db, { scheme, payees, period, baseline, paidPaise: paid }),
    dip: {
      before: { ...before, sales: paiseToRupees(sold.before) },
      during: paiseToRupees(now.net),
      after: { ...after, sales: paiseToRupees(sold.after), data: afterData },
      changePct:
        afterData && sold.before > 0n
          ? new Exact((sold.after - sold.before).toString()).times(100).dividedBy(sold.before.toString()).toFixed(2)
          : null,
    },
    dependency: dependency(db, { scheme, payees, period }),
    nearMisses,
  };
}
