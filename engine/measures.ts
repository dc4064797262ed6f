import { addDays, daysBetween, within } from './dates';
import { type IndexedFacts, type PayeeFact, remember, type SaleFact } from './facts';
import { evaluateFormula } from './formula';
import type { MeasureSpec, Scheme } from './model';
import { Exact } from './money';

/** A measure's outcome for one payee, with the rows behind it. */
export interface MeasureResult {
  unit: 'money' | 'qty' | 'count';
  /** Rupees for money, units for quantities, a count for counts. */
  value: Exact;
  /** The sales value behind the measure, in rupees: what percentage rewards and caps apply to. */
  valueOfSales: Exact;
  sources: { table: 'sales' | 'receivables' | 'payments'; ids: number[] };
  /** The measure in plain words. */
  detail: string;
}

export interface MeasureContext {
  scheme: Scheme;
  payee: PayeeFact;
  facts: IndexedFacts;
  period: { from: string; to: string };
}

const rupees = (paise: number) => new Exact(paise).dividedBy(100);
const units = (thousandths: number) => new Exact(thousandths).dividedBy(1000);
const fmt = (value: Exact) => value.toFixed(value.isInteger() ? 0 : 2);

/** The index of the first line dated on or after `day` in date-sorted lines. */
function firstOnOrAfter(lines: readonly SaleFact[], day: string): number {
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((lines[mid] as SaleFact).date < day) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The index of the first line dated after `day` in date-sorted lines. */
function firstAfter(lines: readonly SaleFact[], day: string): number {
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((lines[mid] as SaleFact).date <= day) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The payee's lines of the scheme's source in `period` (inclusive), without copying a filter's worth. */
function sourceLines(ctx: MeasureContext, period: { from: string; to: string }): SaleFact[] {
  const all = ctx.facts.salesBySource[ctx.scheme.salesSource].get(ctx.payee.code) ?? [];
  return all.slice(firstOnOrAfter(all, period.from), firstAfter(all, period.to));
}

/** What makes two schemes read the same lines: source and products. */
const salesKey = (scheme: Scheme) => `${scheme.salesSource}|${json(scheme.products)}`;

/** The payee's sales lines that the scheme counts in `period`: right source, right products. */
export function schemeSales(ctx: MeasureContext, period = ctx.period): SaleFact[] {
  const key = `sales|${ctx.payee.code}|${period.from}|${period.to}|${salesKey(ctx.scheme)}`;
  return remember(ctx.facts, key, () => filterSales(ctx, period));
}

function filterSales(ctx: MeasureContext, period: { from: string; to: string }): SaleFact[] {
  const lines = sourceLines(ctx, period);
  const { skus, brands, categories } = ctx.scheme.products;
  if (skus.length + brands.length + categories.length === 0) return lines;
  const wanted = remember(ctx.facts, `skus|${json(ctx.scheme.products)}`, () => productSkus(ctx));
  return lines.filter((s) => wanted.has(s.sku));
}

/** Every SKU a product filter takes in: named, or of a named brand or category. */
function productSkus(ctx: MeasureContext): Set<string> {
  const { skus, brands, categories } = ctx.scheme.products;
  const wanted = new Set(skus);
  for (const p of ctx.facts.products.values()) {
    if ((p.brand && brands.includes(p.brand)) || (p.category && categories.includes(p.category))) wanted.add(p.sku);
  }
  return wanted;
}

function salesResult(
  lines: readonly SaleFact[],
  unit: MeasureResult['unit'],
  value: Exact,
  detail: string,
): MeasureResult {
  let net = 0;
  // Sorted, so the trace does not depend on the order the facts arrived in. A typed array sorts
  // numbers natively, about twice as fast here as Array.prototype.sort with a comparator.
  const ids = new Float64Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as SaleFact;
    net += l.net;
    ids[i] = l.id;
  }
  ids.sort();
  return { unit, value, valueOfSales: rupees(net), sources: { table: 'sales', ids: Array.from(ids) }, detail };
}

/** Lines grouped by outlet; memoized per lines array, which schemeSales itself memoizes. */
const outletGroups = new WeakMap<readonly SaleFact[], Map<string, SaleFact[]>>();

function byOutlet(lines: readonly SaleFact[]): Map<string, SaleFact[]> {
  const known = outletGroups.get(lines);
  if (known) return known;
  const map = new Map<string, SaleFact[]>();
  outletGroups.set(lines, map);
  for (const l of lines) {
    if (l.outlet === null) continue;
    const list = map.get(l.outlet);
    if (list) list.push(l);
    else map.set(l.outlet, [l]);
  }
  return map;
}

const sumNet = (lines: readonly SaleFact[]) => lines.reduce((n, l) => n + l.net, 0);

type Measurer<K extends MeasureSpec['kind']> = (
  spec: Extract<MeasureSpec, { kind: K }>,
  ctx: MeasureContext,
) => MeasureResult;

const productVolume: Measurer<'product_volume'> = (spec, ctx) => {
  const lines = schemeSales(ctx);
  if (spec.basis === 'qty') {
    const qty = units(lines.reduce((n, l) => n + l.qty, 0));
    return salesResult(lines, 'qty', qty, `${fmt(qty)} units net of returns`);
  }
  const value = rupees(sumNet(lines));
  return salesResult(lines, 'money', value, `net sales ₹${value.toFixed(2)} after returns`);
};

/** A minimum in rupees as the whole paise that reach it: sales are whole paise, so its paise rounded up. */
const minimumPaise = (rupeesText: string) => new Exact(rupeesText).times(100).ceil().toNumber();

const billedOutlets: Measurer<'billed_outlets'> = (spec, ctx) => {
  const minimum = minimumPaise(spec.minBillValue);
  const counted: SaleFact[] = [];
  let count = 0;
  for (const lines of byOutlet(schemeSales(ctx)).values()) {
    if (sumNet(lines) < minimum) continue;
    count++;
    counted.push(...lines);
  }
  return salesResult(counted, 'count', new Exact(count), `${count} outlets billed at least ₹${spec.minBillValue}`);
};

const billedChannels: Measurer<'billed_channels'> = (spec, ctx) => {
  const lines = schemeSales(ctx);
  const perChannel = new Map<string, number>();
  for (const [outlet, billed] of byOutlet(lines)) {
    const channel = ctx.facts.outlets.get(outlet)?.channel;
    if (channel) perChannel.set(channel, (perChannel.get(channel) ?? 0) + sumNet(billed));
  }
  const met = Object.entries(spec.minimums).filter(
    ([channel, min]) => (perChannel.get(channel) ?? 0) >= minimumPaise(min),
  );
  const names = met.map(([c]) => c).join(', ') || 'none';
  return salesResult(
    lines,
    'count',
    new Exact(met.length),
    `${met.length} of ${Object.keys(spec.minimums).length} channels met their minimum (${names})`,
  );
};

const outstandingReduction: Measurer<'outstanding_reduction'> = (_spec, ctx) => {
  const rows = ctx.facts.receivablesByPayee.get(ctx.payee.code) ?? [];
  const snapshot = (onOrBefore: string, after = '') => {
    const asOf = rows.reduce(
      (best, r) => (r.asOf <= onOrBefore && r.asOf > after && r.asOf > best ? r.asOf : best),
      '',
    );
    const overdue = rows.filter((r) => r.asOf === asOf && r.dueDate !== null && r.dueDate < asOf);
    return { asOf, overdue, total: overdue.reduce((n, r) => n + r.outstanding, 0) };
  };
  const start = snapshot(ctx.period.from);
  const end = snapshot(ctx.period.to, start.asOf);
  if (!start.asOf || !end.asOf) {
    return {
      unit: 'money',
      value: new Exact(0),
      valueOfSales: new Exact(0),
      sources: { table: 'receivables', ids: [] },
      detail: 'no receivables snapshot at both ends of the period',
    };
  }
  const reduction = rupees(start.total - end.total);
  return {
    unit: 'money',
    value: reduction,
    valueOfSales: reduction,
    sources: { table: 'receivables', ids: [...start.overdue, ...end.overdue].map((r) => r.id).sort((a, b) => a - b) },
    detail: `overdue ₹${rupees(start.total).toFixed(2)} on ${start.asOf}, ₹${rupees(end.total).toFixed(2)} on ${end.asOf}: reduced by ₹${reduction.toFixed(2)}`,
  };
};

const netChannelAddition: Measurer<'net_channel_addition'> = (_spec, ctx) => {
  const length = daysBetween(ctx.period.from, ctx.period.to) + 1;
  const previous = { from: addDays(ctx.period.from, -length), to: addDays(ctx.period.from, -1) };
  const now = byOutlet(schemeSales(ctx));
  const before = byOutlet(schemeSales(ctx, previous));
  const added = [...now.keys()].filter((code) => {
    const created = ctx.facts.outlets.get(code)?.createdOn;
    return created !== null && created !== undefined && within(created, ctx.period.from, ctx.period.to);
  });
  const lost = [...before.keys()].filter((code) => !now.has(code));
  const lines = added.flatMap((code) => now.get(code) ?? []);
  return salesResult(
    lines,
    'count',
    new Exact(added.length - lost.length),
    `${added.length} new outlets billed, ${lost.length} billed in the previous ${length} days and not now`,
  );
};

const upsell: Measurer<'upsell'> = (spec, ctx) => {
  const wanted = ctx.scheme.products.skus;
  const qualifying: SaleFact[] = [];
  let count = 0;
  for (const lines of byOutlet(schemeSales(ctx)).values()) {
    const bought = new Set(lines.filter((l) => l.qty > 0).map((l) => l.sku));
    const ok =
      spec.mode === 'any'
        ? bought.size > 0
        : spec.mode === 'all'
          ? wanted.every((s) => bought.has(s))
          : bought.size >= spec.minLines;
    if (!ok) continue;
    count++;
    qualifying.push(...lines);
  }
  const rule =
    spec.mode === 'any'
      ? 'any of the SKUs'
      : spec.mode === 'all'
        ? 'the whole bundle'
        : `at least ${spec.minLines} of the SKUs`;
  return salesResult(qualifying, 'count', new Exact(count), `${count} outlets bought ${rule}`);
};

const earlyPayment: Measurer<'early_payment'> = (spec, ctx) => {
  const early = (ctx.facts.paymentsByPayee.get(ctx.payee.code) ?? []).filter((p) => {
    if (!within(p.date, ctx.period.from, ctx.period.to) || p.against === null) return false;
    const invoiced = ctx.facts.invoiceDates.get(p.against);
    return invoiced !== undefined && daysBetween(invoiced, p.date) <= spec.withinDays;
  });
  const value = rupees(early.reduce((n, p) => n + p.amount, 0));
  return {
    unit: 'money',
    value,
    valueOfSales: value,
    sources: { table: 'payments', ids: early.map((p) => p.id).sort((a, b) => a - b) },
    detail: `₹${value.toFixed(2)} paid within ${spec.withinDays} days of the invoice (${early.length} receipts)`,
  };
};

const reactivation: Measurer<'reactivation'> = (spec, ctx) => {
  const dormantFrom = addDays(ctx.period.from, -spec.dormantDays);
  const now = byOutlet(schemeSales(ctx));
  const dormancy = byOutlet(schemeSales(ctx, { from: dormantFrom, to: addDays(ctx.period.from, -1) }));
  const earlier = byOutlet(schemeSales(ctx, { from: '0000-01-01', to: addDays(dormantFrom, -1) }));
  const back = [...now.keys()].filter((code) => !dormancy.has(code) && earlier.has(code));
  const lines = back.flatMap((code) => now.get(code) ?? []);
  return salesResult(
    lines,
    'count',
    new Exact(back.length),
    `${back.length} outlets billed again after ${spec.dormantDays} days without billing`,
  );
};

const custom: Measurer<'custom'> = (spec, ctx) => {
  const values: Record<string, Exact> = {};
  for (const [name, named] of Object.entries(ctx.scheme.measures)) values[name] = measure(named, ctx).value;
  const value = evaluateFormula(spec.formula, values);
  return {
    unit: 'count',
    value,
    valueOfSales: value,
    sources: { table: 'sales', ids: [] },
    detail: `${spec.formula} = ${fmt(value)}`,
  };
};

/** JSON of an object, worked out once per object: memo keys are built for every payee. */
const jsonOf = new WeakMap<object, string>();
function json(value: object): string {
  let text = jsonOf.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    jsonOf.set(value, text);
  }
  return text;
}

/** What makes two measures the same given the lines: the spec, and a formula's named measures. */
const specKey = (spec: MeasureSpec, scheme: Scheme) =>
  spec.kind === 'custom' ? `${json(spec)}|${json(scheme.measures)}` : json(spec);

/** A measure for one payee; computed once per run for the same spec, period, source and products. */
export function measure(spec: MeasureSpec, ctx: MeasureContext): MeasureResult {
  const key = `measure|${ctx.payee.code}|${ctx.period.from}|${ctx.period.to}|${salesKey(ctx.scheme)}|${specKey(spec, ctx.scheme)}`;
  return remember(ctx.facts, key, () => computeMeasure(spec, ctx));
}

function computeMeasure(spec: MeasureSpec, ctx: MeasureContext): MeasureResult {
  switch (spec.kind) {
    case 'product_volume':
      return productVolume(spec, ctx);
    case 'billed_outlets':
      return billedOutlets(spec, ctx);
    case 'billed_channels':
      return billedChannels(spec, ctx);
    case 'outstanding_reduction':
      return outstandingReduction(spec, ctx);
    case 'net_channel_addition':
      return netChannelAddition(spec, ctx);
    case 'upsell':
      return upsell(spec, ctx);
    case 'early_payment':
      return earlyPayment(spec, ctx);
    case 'reactivation':
      return reactivation(spec, ctx);
    case 'custom':
      return custom(spec, ctx);
  }
}

/** The payee's net sales (all products, the scheme's source) in the period, in rupees: the base of a %-of-sales cap. */
export function netSales(ctx: MeasureContext): Exact {
  const key = `net|${ctx.payee.code}|${ctx.period.from}|${ctx.period.to}|${ctx.scheme.salesSource}`;
  return remember(ctx.facts, key, () => sumNetSales(ctx));
}

function sumNetSales(ctx: MeasureContext): Exact {
  return rupees(sumNet(sourceLines(ctx, ctx.period)));
}
