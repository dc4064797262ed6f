import { allocate } from './allocate';
import { type Facts, type IndexedFacts, indexFacts, type PayeeFact } from './facts';
import { type MeasureContext, type MeasureResult, measure, netSales } from './measures';
import type { Scheme, Slab } from './model';
import { Exact } from './money';
import { applySlabs, type NearMiss, nearMiss, slabLabel } from './slabs';
import { isEligible } from './validate';

/** Recorded on every run, so a result can be tied to the code that produced it. */
export const ENGINE_VERSION = '1.0.0';

export interface Adjustment {
  step: 'gate' | 'cap' | 'catch_up' | 'stacking' | 'budget';
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
}

export interface RunOptions {
  onProgress?: (done: number, total: number, scheme: string) => void;
  /** Checked between schemes; true stops the run. */
  cancelled?: () => boolean;
}

export class RunCancelled extends Error {}

/** Half-up to the paisa: the one rounding of a payout line. */
export const toPaise = (rupees: Exact) => rupees.times(100).toDecimalPlaces(0, Exact.ROUND_HALF_UP).toNumber();
const inr = (paise: number) => `₹${new Exact(paise).dividedBy(100).toFixed(2)}`;

function slabTableFor(scheme: Scheme, payee: PayeeFact): readonly Slab[] {
  const segments = scheme.slabs.segments;
  if (!segments) return scheme.slabs.table;
  const key = payee[segments.by];
  return (key !== null && segments.tables[key]) || scheme.slabs.table;
}

/** The payee's target in the measure's unit, or null. */
function resolveTarget(scheme: Scheme, ctx: MeasureContext): Exact | null {
  const t = scheme.target;
  switch (t.type) {
    case 'none':
      return null;
    case 'fixed':
      return new Exact(t.value);
    case 'dataset': {
      const rows = (ctx.facts.targetsByPayee.get(ctx.payee.code) ?? []).filter(
        (r) =>
          (r.schemeCode === scheme.code || (r.schemeCode === null && r.measure === t.measure)) &&
          r.from <= ctx.period.to &&
          r.to >= ctx.period.from,
      );
      return rows.length === 0 ? null : rows.reduce((sum, r) => sum.plus(r.value), new Exact(0));
    }
    case 'growth': {
      const base = measure(scheme.measure, { ...ctx, period: t.baseline }).value;
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

function payeeLine(scheme: Scheme, payee: PayeeFact, facts: IndexedFacts): PayoutLine {
  const ctx: MeasureContext = { scheme, payee, facts, period: scheme.period };
  const e = evaluate(scheme, ctx);
  const computed = toPaise(e.rupees);
  const adjustments: Adjustment[] = [];
  let amount = computed;
  const adjust = (step: Adjustment['step'], after: number, note: string) => {
    if (after === amount) return;
    adjustments.push({ step, before: amount, after, note });
    amount = after;
  };

  if (scheme.catchUp) {
    const cumulative = evaluate(scheme, { ...ctx, period: { from: scheme.catchUp.since, to: scheme.period.to } });
    const paidBefore = facts.facts.paid
      .filter((p) => p.scheme === scheme.code && p.payee === payee.code && p.periodTo < scheme.period.from)
      .reduce((n, p) => n + p.amount, 0);
    const owed = Math.max(0, toPaise(cumulative.rupees) - paidBefore);
    if (owed > amount) {
      adjust(
        'catch_up',
        owed,
        `cumulative since ${scheme.catchUp.since}: ${cumulative.working}; ${inr(toPaise(cumulative.rupees))} less ${inr(paidBefore)} already paid`,
      );
    }
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
    const cap = toPaise(netSales(ctx).times(scheme.caps.pctOfNetSales).dividedBy(100));
    if (amount > cap) adjust('cap', cap, `capped at ${scheme.caps.pctOfNetSales}% of net sales (${inr(cap)})`);
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
  const reached = e.slab === null ? null : e.table[e.slab];
  const steps = [
    `${e.m.detail}`,
    e.target
      ? `target ${e.target.toString()} → achievement ${e.achievement?.toDecimalPlaces(2).toString() ?? '—'}%`
      : null,
    e.working,
    `computed ${inr(computed)}`,
    ...adjustments.map((a) => a.note),
  ].filter((s): s is string => s !== null);
  return {
    scheme: scheme.code,
    payee: payee.code,
    kind: 'payout',
    measure: e.m.value.toString(),
    unit: e.m.unit,
    target: e.target?.toString() ?? null,
    achievementPct: e.achievement?.toDecimalPlaces(4).toString() ?? null,
    slab: e.slab,
    slabLabel: reached ? slabLabel(reached) : null,
    computed,
    final: amount,
    adjustments,
    nearMiss: miss,
    explanation: steps.join('; '),
    sources: e.m.sources,
    effectiveRate: e.m.valueOfSales.greaterThan(0)
      ? new Exact(amount).dividedBy(100).dividedBy(e.m.valueOfSales).toString()
      : '0',
  };
}

function reduceTo(lines: PayoutLine[], limit: number, step: Adjustment['step'], note: string) {
  const cut = allocate(
    limit,
    lines.map((l) => l.final),
  );
  lines.forEach((line, i) => {
    const after = cut[i] ?? 0;
    if (after === line.final) return;
    line.adjustments.push({ step, before: line.final, after, note });
    line.explanation += `; ${note}`;
    line.final = after;
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
      const total = payeeLines.reduce((n, l) => n + l.final, 0);
      if (total > limit)
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
  const total = lines.reduce((n, l) => n + l.final, 0);
  if (total <= budget) return;
  if (scheme.budget.onOverrun === 'pro_rata') {
    reduceTo(
      lines,
      budget,
      'budget',
      `budget ${inr(budget)} overrun by ${inr(total - budget)}: every payout scaled to ${new Exact(budget).times(100).dividedBy(total).toDecimalPlaces(4).toString()}%`,
    );
    return;
  }
  // Rank order: the highest measure first, each paid in full while the budget lasts.
  const ranked = [...lines].sort(
    (a, b) => new Exact(b.measure).comparedTo(a.measure) || a.payee.localeCompare(b.payee),
  );
  let left = budget;
  ranked.forEach((line, rank) => {
    const after = Math.min(line.final, left);
    left -= after;
    if (after === line.final) return;
    const note = `budget ${inr(budget)} paid in rank order; rank ${rank + 1} ${after === 0 ? 'got nothing' : `got the last ${inr(after)}`}`;
    line.adjustments.push({ step: 'budget', before: line.final, after, note });
    line.explanation += `; ${note}`;
    line.final = after;
  });
}

/** Returns in this period against invoices an approved earlier run paid on: one negative line each. */
function clawbacks(scheme: Scheme, facts: IndexedFacts): PayoutLine[] {
  if (!scheme.clawback) return [];
  const lines: PayoutLine[] = [];
  for (const paid of facts.facts.paid) {
    if (paid.scheme !== scheme.code || paid.periodTo >= scheme.period.from) continue;
    // The invoices paid on are those among the paid line's source rows.
    const paidOn = new Set(paid.saleIds);
    const { primary, secondary } = facts.salesBySource;
    const sales = [...(primary.get(paid.payee) ?? []), ...(secondary.get(paid.payee) ?? [])];
    const docs = new Set(sales.filter((s) => s.docType === 'invoice' && paidOn.has(s.id)).map((s) => s.docNo));
    const returns = sales.filter(
      (s) =>
        s.docType === 'credit_note' &&
        s.against !== null &&
        docs.has(s.against) &&
        s.date > paid.periodTo &&
        s.date <= scheme.period.to,
    );
    if (returns.length === 0) continue;
    const returned = new Exact(-returns.reduce((n, s) => n + s.net, 0)).dividedBy(100);
    const amount = -toPaise(returned.times(paid.effectiveRate));
    if (amount === 0) continue;
    lines.push({
      scheme: scheme.code,
      payee: paid.payee,
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
      explanation: `clawback: ₹${returned.toFixed(2)} returned after ${paid.periodTo} against invoices paid on in an approved run, at the ${new Exact(paid.effectiveRate).times(100).toDecimalPlaces(4).toString()}% paid then = ${inr(amount)}`,
      sources: { table: 'sales', ids: returns.map((r) => r.id).sort((a, b) => a - b) },
      effectiveRate: paid.effectiveRate,
    });
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
  schemes.forEach((scheme, i) => {
    if (options.cancelled?.()) throw new RunCancelled('The run was cancelled');
    for (const payee of payees) if (isEligible(scheme, payee)) lines.push(payeeLine(scheme, payee, indexed));
    options.onProgress?.(i + 1, schemes.length, scheme.code);
  });
  applyStacking(schemes, lines, indexed);
  for (const scheme of schemes)
    applyBudget(
      scheme,
      lines.filter((l) => l.scheme === scheme.code && l.kind === 'payout'),
    );
  for (const scheme of schemes) lines.push(...clawbacks(scheme, indexed));
  return lines;
}
