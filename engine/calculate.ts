import { allocate } from './allocate';
import { type Facts, type IndexedFacts, indexFacts, json, type PayeeFact, remember } from './facts';
import { type MeasureContext, type MeasureResult, measure, netSales, periodSnapshots } from './measures';
import type { Scheme, Slab } from './model';
import { Exact, paiseToRupees, sumPaise } from './money';
import { lateReturns } from './returns';
import { applySlabs, type NearMiss, nearMiss, slabLabel } from './slabs';
import { baselineOver, periodsIn, TargetRowsError, targetFor } from './targets';
import { isEligible } from './validate';

/**
 * Recorded on every run, so a result can be tied to the code that produced it (1.2.0: a reversed
 * receipt pays nothing; 1.3.0: a line billed at nothing counts no units; 1.4.0: numbers reused
 * in a later year — a receipt dated before an invoice is no advance on it where an earlier invoice
 * has its number, and a return is of the latest invoice of its number dated by it; 1.5.0: overdue
 * reduction measured in days, `basis: "days"`; 1.6.0: a day's overdue never below nothing, its
 * credits beyond its overdue bills leaving nothing overdue; 1.7.0: a catch-up span measured
 * against a fixed target once for each period it holds, and under a growth target against as much
 * baseline; a cap as a % of net sales below nothing caps at nothing; 1.8.0: the rate a line pays its
 * sales at, which a later return is clawed back at, is that of what it paid after stacking or a
 * budget cut it, and a catch-up line pays on its span's rows at the rate all the span was paid;
 * 1.9.0: a cap as a % of net sales on a catch-up line is a share of its span's sales, less what
 * was paid in the span before; 1.10.0: an outlet billed before a run's lines begin, and not since
 * the dormancy, is reactivated, and net channel addition's new outlets are those billed for the
 * first time, not those the master says were opened in the period).
 */
export const ENGINE_VERSION = '1.10.0';

/** The steps that change a line's slab amount, in the order they are applied. */
export const adjustmentSteps = ['catch_up', 'gate', 'cap', 'stacking', 'budget'] as const;

export interface Adjustment {
  step: (typeof adjustmentSteps)[number];
  /** Paise before and after this step. */
  before: number;
  after: number;
  note: string;
}

export interface PayoutLine {
  scheme: string;
  payee: string;
  kind: 'payout' | 'clawback';
  /** The measure in its unit (rupees, units or a count), as exact decimal text. */
  measure: string;
  unit: MeasureResult['unit'];
  target: string | null;
  achievementPct: string | null;
  slab: number | null;
  slabLabel: string | null;
  /** Paise from the slabs, rounded once, before gates, caps and cuts. */
  computed: number;
  /** Paise payable after every adjustment. */
  final: number;
  adjustments: Adjustment[];
  nearMiss: NearMiss | null;
  explanation: string;
  sources: MeasureResult['sources'];
  /** Rupees paid per rupee of sales value, as decimal text, for clawing back later returns. */
  effectiveRate: string;
  /**
   * What the rate is worked out from: the sales value (rupees, decimal text) of the rows the line
   * pays on, and the paise approved runs paid on them before (a catch-up's span; else 0). Null on
   * a clawback, whose rate is the paid line's.
   */
  ratedOn: { sales: string; paidBefore: number } | null;
}

/** The rate a line pays on its sales: with what was paid on them before, over their value. */
const rateOf = (final: number, on: NonNullable<PayoutLine['ratedOn']>) =>
  new Exact(on.sales).greaterThan(0)
    ? new Exact(on.paidBefore + final).dividedBy(100).dividedBy(on.sales).toString()
    : '0';

export interface RunOptions {
  onProgress?: (done: number, total: number, scheme: string) => void;
  /** Checked between schemes; true stops the run. */
  cancelled?: () => boolean;
  /** Told of what the reviewer must know about a scheme as a whole (a missing ageing report, say). */
  onNotice?: (scheme: string, message: string) => void;
}

export class RunCancelled extends Error {}

/** Half-up to the paisa: the one rounding of a payout line. */
export const toPaise = (rupees: Exact) => rupees.times(100).toDecimalPlaces(0, Exact.ROUND_HALF_UP).toNumber();
const inr = (paise: number | bigint) => `₹${paiseToRupees(paise)}`;

/**
 * Achievement as it was compared with the slabs, cut (never rounded) to `places`: 99.99996 % is
 * 99.99 %, below a 100 % slab, and must never read as 100 %.
 */
export const achievementText = (achievement: Exact, places: number) =>
  achievement.toDecimalPlaces(places, Exact.ROUND_DOWN).toFixed(places);

/** The slab table a payee is measured against: its segment's (class, region or channel), else the scheme's. */
export function slabTableFor(scheme: Scheme, payee: Pick<PayeeFact, 'class' | 'region' | 'channel'>): readonly Slab[] {
  const segments = scheme.slabs.segments;
  if (!segments) return scheme.slabs.table;
  const key = payee[segments.by];
  return (key !== null && segments.tables[key]) || scheme.slabs.table;
}

/** The payee's target in the measure's unit, or null; target rows that do not fit the period are refused. */
function resolveTarget(scheme: Scheme, ctx: MeasureContext): Exact | null {
  const t = scheme.target;
  switch (t.type) {
    case 'none':
      return null;
    case 'fixed':
      return new Exact(t.value).times(periodsIn(ctx.period, scheme.period));
    case 'dataset': {
      // Rows that name the scheme come before rows for its measure, which other schemes share.
      const mine = ctx.facts.targetsByPayee.get(ctx.payee.code) ?? [];
      const own = mine.filter((r) => r.schemeCode === scheme.code);
      const rows = own.length > 0 ? own : mine.filter((r) => r.schemeCode === null && r.measure === t.measure);
      const { value, problems } = targetFor(rows, ctx.period, t.prorate, `${scheme.code}, ${ctx.payee.code}`);
      if (problems.length > 0) throw new TargetRowsError(problems);
      return value;
    }
    case 'growth': {
      const base = measure(scheme.measure, {
        ...ctx,
        period: baselineOver(t.baseline, ctx.period, scheme.period),
      }).value;
      return base.times(new Exact(100).plus(t.pct)).dividedBy(100);
    }
  }
}

function quantityFor(scheme: Scheme, m: MeasureResult): Exact {
  const type = scheme.reward.type;
  if (type === 'percent_of_value' || type === 'percent_of_invoice') return m.valueOfSales;
  return type === 'flat' ? new Exact(1) : m.value;
}

interface Evaluated {
  m: MeasureResult;
  target: Exact | null;
  achievement: Exact | null;
  slab: number | null;
  rupees: Exact;
  working: string;
  table: readonly Slab[];
}

function evaluate(scheme: Scheme, ctx: MeasureContext): Evaluated {
  const m = measure(scheme.measure, ctx);
  const target = resolveTarget(scheme, ctx);
  const achievement = target?.greaterThan(0) ? m.value.times(100).dividedBy(target) : null;
  const table = slabTableFor(scheme, ctx.payee);
  const position = scheme.slabs.basis === 'achievement' ? achievement : m.value;
  if (position === null) {
    return { m, target, achievement, slab: null, rupees: new Exact(0), working: 'no target for this payee', table };
  }
  const outcome = applySlabs(table, scheme.slabs.mode, scheme.reward.type, position, quantityFor(scheme, m));
  const rupees = outcome.amount.isNegative() ? new Exact(0) : outcome.amount;
  return { m, target, achievement, slab: outcome.slab, rupees, working: outcome.working, table };
}

/**
 * A payee's line of a scheme as payeeLine works it out, once per scheme definition and payee over
 * the same facts: a run again over kept facts (a recalculation, the next what-if) takes it from
 * the memo. The run's own steps after it (stacking, budget) change the final amount, the
 * adjustments and the explanation, so each run gets a copy of those.
 */
function keptPayeeLine(scheme: Scheme, payee: PayeeFact, facts: IndexedFacts): PayoutLine {
  const line = remember(facts, `line|${json(scheme)}|${payee.code}`, () => payeeLine(scheme, payee, facts));
  return { ...line, adjustments: [...line.adjustments] };
}

/** The target and the achievement against it, as a trace says them; null without a target. */
const targetText = (e: Evaluated) =>
  e.target
    ? `target ${e.target.toString()} → achievement ${e.achievement ? achievementText(e.achievement, 2) : '—'}%`
    : null;

function payeeLine(scheme: Scheme, payee: PayeeFact, facts: IndexedFacts): PayoutLine {
  const ctx: MeasureContext = { scheme, payee, facts, period: scheme.period };
  const e = evaluate(scheme, ctx);
  const computed = toPaise(e.rupees);
  const adjustments: Adjustment[] = [];
  let amount = computed;
  // The rows the line pays on: the period's, or with catch-up the span's, some paid on before.
  let paysOn = { sources: e.m.sources, ratedOn: { sales: e.m.valueOfSales.toString(), paidBefore: 0 } };
  // The sales a cap as a share of them reads: the period's, or with catch-up the span's, less what was paid on it before.
  let capOn = { ctx, paidBefore: 0, said: 'net sales' };
  const adjust = (step: Adjustment['step'], after: number, note: string) => {
    if (after === amount) return;
    adjustments.push({ step, before: amount, after, note });
    amount = after;
  };

  if (scheme.catchUp) {
    // Catch-up pays what the whole span earns less what approved runs paid in it, never less
    // than nothing, and never the month alone beside it.
    const since = scheme.catchUp.since;
    const spanCtx = { ...ctx, period: { from: since, to: scheme.period.to } };
    const cumulative = evaluate(scheme, spanCtx);
    const paidBefore = (facts.paidByScheme.get(`${scheme.code}|${payee.code}`) ?? [])
      .filter((p) => p.kind === 'payout' && p.periodTo >= since && p.periodTo < scheme.period.from)
      .reduce((n, p) => n + p.amount, 0);
    const owed = Math.max(0, toPaise(cumulative.rupees) - paidBefore);
    paysOn = { sources: cumulative.m.sources, ratedOn: { sales: cumulative.m.valueOfSales.toString(), paidBefore } };
    capOn = { ctx: spanCtx, paidBefore, said: `net sales since ${since}` };
    adjust(
      'catch_up',
      owed,
      [
        `catch-up since ${since}: ${cumulative.m.detail}`,
        targetText(cumulative),
        cumulative.working,
        `${inr(toPaise(cumulative.rupees))} less ${inr(paidBefore)} already paid = ${inr(owed)}`,
      ]
        .filter((s) => s !== null)
        .join('; '),
    );
  }
  for (const gate of scheme.gates) {
    const spec = scheme.measures[gate.measure];
    if (!spec) continue;
    const g = measure(spec, ctx);
    if (g.value.lessThan(gate.min))
      adjust('gate', 0, `gate "${gate.measure}" not met: ${g.detail} (needs ${gate.min})`);
  }
  if (scheme.caps.perPayee !== undefined) {
    const cap = toPaise(new Exact(scheme.caps.perPayee));
    if (amount > cap) adjust('cap', cap, `capped at ${inr(cap)} per payee`);
  }
  if (scheme.caps.pctOfNetSales !== undefined) {
    // Net sales below nothing (returns beyond the sales) cap the payout at nothing, never below. A
    // catch-up line pays for its span: the span's sales cap all it was paid, this line and before.
    const share = toPaise(netSales(capOn.ctx).times(scheme.caps.pctOfNetSales).dividedBy(100));
    const cap = Math.max(0, share - capOn.paidBefore);
    const less = capOn.paidBefore > 0 ? `${inr(share)} less ${inr(capOn.paidBefore)} already paid = ` : '';
    if (amount > cap)
      adjust('cap', cap, `capped at ${scheme.caps.pctOfNetSales}% of ${capOn.said} (${less}${inr(cap)})`);
  }

  const position = scheme.slabs.basis === 'achievement' ? e.achievement : e.m.value;
  const miss =
    position === null
      ? null
      : nearMiss(
          e.table,
          scheme.slabs.mode,
          scheme.reward.type,
          scheme.slabs.basis,
          position,
          quantityFor(scheme, e.m),
        );
  if (miss && miss.basis === 'achievement' && e.target?.greaterThan(0)) {
    const places = e.m.unit === 'money' ? 2 : e.m.unit === 'qty' ? 3 : 0;
    const short = e.target
      .times(e.table[miss.nextSlab]?.from ?? '0')
      .dividedBy(100)
      .minus(e.m.value);
    miss.neededMeasure = short.toDecimalPlaces(places, Exact.ROUND_UP).toFixed(places);
  }
  const reached = e.slab === null ? null : e.table[e.slab];
  const steps = [
    `${e.m.detail}`,
    targetText(e),
    e.working,
    `slab amount ${inr(computed)}`,
    ...adjustments.map((a) => a.note),
  ].filter((s): s is string => s !== null);
  return {
    scheme: scheme.code,
    payee: payee.code,
    kind: 'payout',
    measure: e.m.value.toString(),
    unit: e.m.unit,
    target: e.target?.toString() ?? null,
    achievementPct: e.achievement ? new Exact(achievementText(e.achievement, 4)).toString() : null,
    slab: e.slab,
    slabLabel: reached ? slabLabel(reached) : null,
    computed,
    final: amount,
    adjustments,
    nearMiss: miss,
    explanation: steps.join('; '),
    sources: paysOn.sources,
    effectiveRate: rateOf(amount, paysOn.ratedOn),
    ratedOn: paysOn.ratedOn,
  };
}

/**
 * A cut of a line's final amount after the line was worked out (stacking, budget), said in its
 * trace. The rate paid on its sales comes down with it: a later return is clawed back at the rate
 * the line paid, not at the rate it earned before the cut.
 */
function cutLine(line: PayoutLine, step: Adjustment['step'], after: number, note: string) {
  line.adjustments.push({ step, before: line.final, after, note });
  line.explanation += `; ${note}`;
  line.final = after;
  if (line.ratedOn) line.effectiveRate = rateOf(after, line.ratedOn);
}

function reduceTo(lines: PayoutLine[], limit: number, step: Adjustment['step'], note: string) {
  const cut = allocate(
    limit,
    lines.map((l) => l.final),
  );
  lines.forEach((line, i) => {
    const after = cut[i] ?? 0;
    if (after !== line.final) cutLine(line, step, after, note);
  });
}

/** Keeps each payee's combined payout in a stacking group within maxPct of their net sales. */
function applyStacking(schemes: readonly Scheme[], lines: PayoutLine[], facts: IndexedFacts) {
  const groups = new Map<string, Scheme[]>();
  for (const s of schemes) if (s.stacking) groups.set(s.stacking.group, [...(groups.get(s.stacking.group) ?? []), s]);
  const payeesByCode = new Map(facts.facts.payees.map((p) => [p.code, p]));
  for (const [group, members] of groups) {
    const first = members[0];
    if (!first?.stacking) continue;
    const maxPct = members.reduce((m, s) => Exact.min(m, s.stacking?.maxPct ?? m), new Exact(first.stacking.maxPct));
    const period = {
      from: members.map((s) => s.period.from).sort()[0] ?? first.period.from,
      to:
        members
          .map((s) => s.period.to)
          .sort()
          .at(-1) ?? first.period.to,
    };
    const codes = new Set(members.map((s) => s.code));
    const byPayee = new Map<string, PayoutLine[]>();
    for (const l of lines)
      if (codes.has(l.scheme) && l.kind === 'payout') byPayee.set(l.payee, [...(byPayee.get(l.payee) ?? []), l]);
    for (const [payee, payeeLines] of byPayee) {
      const payeeFact = payeesByCode.get(payee);
      if (!payeeFact) continue;
      const sales = netSales({ scheme: first, payee: payeeFact, facts, period });
      const limit = Math.max(0, toPaise(sales.times(maxPct).dividedBy(100)));
      const total = sumPaise(payeeLines, (l) => l.final);
      if (total > BigInt(limit))
        reduceTo(
          payeeLines,
          limit,
          'stacking',
          `stacking group "${group}": all its schemes together held to ${maxPct.toString()}% of net sales (${inr(limit)})`,
        );
    }
  }
}

function applyBudget(scheme: Scheme, lines: PayoutLine[]) {
  if (!scheme.budget) return;
  const budget = toPaise(new Exact(scheme.budget.amount));
  // Sums of paise are bigints: past 2^53 a number would lose paise.
  const total = sumPaise(lines, (l) => l.final);
  if (total <= BigInt(budget)) return;
  if (scheme.budget.onOverrun === 'pro_rata') {
    reduceTo(
      lines,
      budget,
      'budget',
      `budget ${inr(budget)} overrun by ${inr(total - BigInt(budget))}: every payout scaled to ${new Exact(budget).times(100).dividedBy(total.toString()).toDecimalPlaces(4).toString()}%`,
    );
    return;
  }
  // Rank order: the highest measure first, each paid in full while the budget lasts; payees
  // whose measures tie share what is left for their rank equally (largest remainder, capped at
  // what each would have been paid).
  const ranks = new Map<string, PayoutLine[]>();
  for (const line of lines)
    ranks.set(new Exact(line.measure).toString(), [...(ranks.get(new Exact(line.measure).toString()) ?? []), line]);
  const ordered = [...ranks.entries()].sort(([a], [b]) => new Exact(b).comparedTo(a));
  let left = budget;
  let rank = 1;
  for (const [, tied] of ordered) {
    const shares = shareEqually(
      left,
      tied.map((l) => l.final),
    );
    tied.forEach((line, i) => {
      const after = shares[i] ?? 0;
      left -= after;
      if (after === line.final) return;
      const tie = tied.length > 1 ? ` shared by ${tied.length} tied payees` : '';
      const note = `budget ${inr(budget)} paid in rank order; rank ${rank}${tie} ${after === 0 ? 'got nothing' : `got ${inr(after)}`}`;
      cutLine(line, 'budget', after, note);
    });
    rank += tied.length;
  }
}

/**
 * Up to `total` paise shared equally among claims, none getting more than its claim: claims
 * smaller than an equal share are paid in full and the rest shared again; the last equal split
 * is by largest remainder, so the shares add up exactly.
 */
function shareEqually(total: number, claims: readonly number[]): number[] {
  const shares = claims.map(() => 0);
  let open = claims.map((_, i) => i).filter((i) => (claims[i] ?? 0) > 0);
  let left = Math.min(
    total,
    claims.reduce((n, c) => n + c, 0),
  );
  while (open.length > 0 && left > 0) {
    const equal = Math.floor(left / open.length);
    const small = open.filter((i) => (claims[i] ?? 0) <= equal);
    if (small.length === 0) {
      const parts = allocate(
        left,
        open.map(() => 1),
      );
      open.forEach((i, k) => {
        shares[i] = parts[k] ?? 0;
      });
      break;
    }
    for (const i of small) {
      shares[i] = claims[i] ?? 0;
      left -= shares[i] ?? 0;
    }
    open = open.filter((i) => !small.includes(i));
  }
  return shares;
}

/**
 * Returns of invoices an approved run paid on, not yet clawed back: one negative line per paid
 * line, at the rate paid then (see returns.ts; the same returns are left out of the measures).
 */
function clawbacks(scheme: Scheme, payees: readonly PayeeFact[], facts: IndexedFacts): PayoutLine[] {
  const lines: PayoutLine[] = [];
  for (const payee of payees) {
    for (const { paid, returns } of lateReturns(scheme, payee, facts).toClaw) {
      const { net, id } = facts.sales;
      const returned = new Exact(-returns.reduce((n, r) => n + (net[r] as number), 0)).dividedBy(100);
      const amount = -toPaise(returned.times(paid.effectiveRate));
      if (amount === 0) continue;
      lines.push({
        scheme: scheme.code,
        payee: payee.code,
        kind: 'clawback',
        measure: returned.toString(),
        unit: 'money',
        target: null,
        achievementPct: null,
        slab: null,
        slabLabel: null,
        computed: amount,
        final: amount,
        adjustments: [],
        nearMiss: null,
        explanation: `clawback: ₹${returned.toFixed(2)} returned against invoices paid on in the approved run for the period to ${paid.periodTo}, at the ${new Exact(paid.effectiveRate).times(100).toDecimalPlaces(4).toString()}% paid then = ${inr(amount)}`,
        sources: { table: 'sales', ids: Float64Array.from(returns, (r) => id[r] as number).sort() },
        effectiveRate: paid.effectiveRate,
        ratedOn: null,
      });
    }
  }
  return lines;
}

/**
 * A run: every eligible payee × scheme gives one payout line (plus clawback lines), with
 * stacking limits applied across schemes and then each scheme's budget. Pure: the same schemes
 * and facts always give the same lines, whatever order the facts arrive in.
 */
export function calculateRun(schemes: readonly Scheme[], facts: Facts, options: RunOptions = {}): PayoutLine[] {
  const indexed = indexFacts(facts);
  const payees = [...facts.payees].sort((a, b) => a.code.localeCompare(b.code));
  const lines: PayoutLine[] = [];
  const targetProblems: string[] = [];
  schemes.forEach((scheme, i) => {
    if (options.cancelled?.()) throw new RunCancelled('The run was cancelled');
    noticeMissingSnapshots(scheme, indexed, options);
    for (const payee of payees) {
      if (!isEligible(scheme, payee)) continue;
      try {
        lines.push(keptPayeeLine(scheme, payee, indexed));
      } catch (error) {
        if (!(error instanceof TargetRowsError)) throw error;
        targetProblems.push(...error.problems);
      }
    }
    options.onProgress?.(i + 1, schemes.length, scheme.code);
  });
  if (targetProblems.length > 0) throw new TargetRowsError([...new Set(targetProblems)]);
  applyStacking(schemes, lines, indexed);
  for (const scheme of schemes)
    applyBudget(
      scheme,
      lines.filter((l) => l.scheme === scheme.code && l.kind === 'payout'),
    );
  for (const scheme of schemes) lines.push(...clawbacks(scheme, payees, indexed));
  return lines;
}

/** An overdue-reduction scheme with no ageing report near an edge of its period pays nothing, and says so. */
function noticeMissingSnapshots(scheme: Scheme, facts: IndexedFacts, options: RunOptions) {
  const kinds = [scheme.measure, ...Object.values(scheme.measures)].map((m) => m.kind);
  if (!kinds.includes('outstanding_reduction')) return;
  const { opening, closing } = periodSnapshots(facts, scheme.period);
  if (opening !== null && closing !== null) return;
  const edge = opening === null ? `start (${scheme.period.from})` : `end (${scheme.period.to})`;
  options.onNotice?.(
    scheme.code,
    `no ageing report was imported near the period's ${edge}: ${scheme.code} pays nothing for overdue reduction until one is`,
  );
}
