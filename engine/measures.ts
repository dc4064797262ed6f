import { addDays, daysBetween, previousPeriod, within } from './dates';
import {
  type IndexedFacts,
  json,
  type PayeeFact,
  type PaymentFact,
  payeeRows,
  type ReceivableFact,
  remember,
} from './facts';
import { evaluateFormula } from './formula';
import type { MeasureSpec, Scheme } from './model';
import { Exact } from './money';
import { billedGroups, isBilled, outletGroups, outletsOf, rowsOf } from './outlet-groups';
import { allProducts, schemeSkuMask } from './products';
import { productsKey } from './reach';
import { lateReturns } from './returns';
import { dayNumber, type SalesColumns } from './sales-columns';

/** A measure's outcome for one payee, with the rows behind it. */
export interface MeasureResult {
  unit: 'money' | 'qty' | 'count';
  /** Rupees for money, units for quantities, a count for counts. */
  value: Exact;
  /** The sales value behind the measure, in rupees: what percentage rewards and caps apply to. */
  valueOfSales: Exact;
  /**
   * The rows behind the measure, their ids ascending. A typed array: the memo keeps every
   * measure's ids for the facts' life (millions over a million-line month), and a typed array's
   * elements live outside the collected heap, where an array's were copied by every young
   * collection they survived.
   */
  sources: { table: 'sales' | 'receivables' | 'payments'; ids: Float64Array };
  /** The measure in plain words. */
  detail: string;
}

export interface MeasureContext {
  scheme: Scheme;
  payee: PayeeFact;
  facts: IndexedFacts;
  period: { from: string; to: string };
}

const NO_IDS = new Float64Array(0);
const rupees = (paise: number) => new Exact(paise).dividedBy(100);
const units = (thousandths: number) => new Exact(thousandths).dividedBy(1000);
const fmt = (value: Exact) => value.toFixed(value.isInteger() ? 0 : 2);

/** The rows of the sales columns a measure reads: the payee's lines it counts. */
type Rows = ArrayLike<number>;

/** The index of the first row dated on or after `day` (a day number) in date-sorted rows. */
function firstOnOrAfter(c: SalesColumns, rows: Int32Array, day: number): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((c.day[rows[mid] as number] as number) < day) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The payee's lines of the scheme's source in `period` (inclusive), a view of the sorted rows, not a copy. */
function sourceLines(ctx: MeasureContext, period: { from: string; to: string }): Int32Array {
  const all = payeeRows(ctx.facts, ctx.scheme.salesSource, ctx.payee.code);
  const c = ctx.facts.sales;
  return all.subarray(firstOnOrAfter(c, all, dayNumber(period.from)), firstOnOrAfter(c, all, dayNumber(period.to) + 1));
}

/**
 * What makes two schemes read the same lines: source and products, and — only for a payee with
 * returns of invoices this scheme already paid on — the scheme itself and its period, since those
 * returns are left out of its measures (see returns.ts).
 */
function salesKey(ctx: MeasureContext): string {
  const { scheme } = ctx;
  const own =
    lateReturns(scheme, ctx.payee, ctx.facts).excluded.size > 0
      ? `|${scheme.code}|${scheme.period.from}|${scheme.period.to}`
      : '';
  return `${scheme.salesSource}|${json(scheme.products)}${own}`;
}

/** The payee's sales lines (rows) that the scheme counts in `period`: right source, right products. */
export function schemeSales(ctx: MeasureContext, period = ctx.period): Int32Array {
  const key = `sales|${ctx.payee.code}|${period.from}|${period.to}|${salesKey(ctx)}`;
  return remember(ctx.facts, key, () => filterSales(ctx, period));
}

function filterSales(ctx: MeasureContext, period: { from: string; to: string }): Int32Array {
  const lines = sourceLines(ctx, period);
  const wanted = allProducts(ctx.scheme) ? null : schemeSkuMask(ctx.scheme, ctx.facts);
  const excluded = lateReturns(ctx.scheme, ctx.payee, ctx.facts).excluded;
  if (wanted === null && excluded.size === 0) return lines;
  const { sku, id } = ctx.facts.sales;
  const kept = new Int32Array(lines.length);
  let n = 0;
  for (const r of lines)
    if ((wanted === null || wanted[sku[r] as number] === 1) && !excluded.has(id[r] as number)) kept[n++] = r;
  return kept.slice(0, n);
}

function salesResult(
  c: SalesColumns,
  lines: Rows,
  unit: MeasureResult['unit'],
  value: Exact,
  detail: string,
): MeasureResult {
  let net = 0;
  // Sorted, so the trace does not depend on the order the facts arrived in. A typed array sorts
  // numbers natively, about twice as fast here as Array.prototype.sort with a comparator; lines
  // imported in date order come in id order already, and are not sorted again.
  const ids = new Float64Array(lines.length);
  let ordered = true;
  for (let i = 0; i < lines.length; i++) {
    const r = lines[i] as number;
    net += c.net[r] as number;
    ids[i] = c.id[r] as number;
    if (i > 0 && (ids[i] as number) < (ids[i - 1] as number)) ordered = false;
  }
  if (!ordered) ids.sort();
  return { unit, value, valueOfSales: rupees(net), sources: { table: 'sales', ids }, detail };
}

const freeUnitsNote = (qty: Exact, lines: number) =>
  qty.isZero()
    ? ''
    : `; ${fmt(qty)} ${qty.equals(1) ? 'unit' : 'units'} on ${lines} ${lines === 1 ? 'line' : 'lines'} billed at nothing (given free) not counted`;

const sumNet = (c: SalesColumns, lines: Rows) => {
  let net = 0;
  for (let i = 0; i < lines.length; i++) net += c.net[lines[i] as number] as number;
  return net;
};

type Measurer<K extends MeasureSpec['kind']> = (
  spec: Extract<MeasureSpec, { kind: K }>,
  ctx: MeasureContext,
) => MeasureResult;

const productVolume: Measurer<'product_volume'> = (spec, ctx) => {
  const c = ctx.facts.sales;
  const lines = schemeSales(ctx);
  if (spec.basis === 'qty') {
    // A line billed at nothing is goods given free (a scheme's "10+2" on a line of its own), no
    // sale: its units are not counted, nor are those of such goods returned.
    const sold = lines.some((r) => c.net[r] === 0) ? lines.filter((r) => c.net[r] !== 0) : lines;
    const sum = (rows: Int32Array) => units(rows.reduce((n, r) => n + (c.qty[r] as number), 0));
    const qty = sum(sold);
    const free = sold === lines ? '' : freeUnitsNote(sum(lines).minus(qty), lines.length - sold.length);
    return salesResult(c, sold, 'qty', qty, `${fmt(qty)} units net of returns${free}`);
  }
  const value = rupees(sumNet(c, lines));
  return salesResult(c, lines, 'money', value, `net sales ₹${value.toFixed(2)} after returns`);
};

/** A minimum in rupees as the whole paise that reach it: sales are whole paise, so its paise rounded up. */
const minimumPaise = (rupeesText: string) => new Exact(rupeesText).times(100).ceil().toNumber();

const billedOutletCount: Measurer<'billed_outlets'> = (spec, ctx) => {
  const c = ctx.facts.sales;
  const groups = outletGroups(c, schemeSales(ctx));
  const counted = billedGroups(groups, minimumPaise(spec.minBillValue));
  const minimum = new Exact(spec.minBillValue).greaterThan(0) ? `at least ₹${spec.minBillValue}` : 'above zero';
  return salesResult(
    c,
    rowsOf(groups, counted),
    'count',
    new Exact(counted.length),
    `${counted.length} outlets with net billing ${minimum}`,
  );
};

const billedChannels: Measurer<'billed_channels'> = (spec, ctx) => {
  const c = ctx.facts.sales;
  const lines = schemeSales(ctx);
  const perChannel = new Map<string, { net: number; outlets: number }>();
  const groups = outletGroups(c, lines);
  for (let g = 0; g < groups.outlets.length; g++) {
    const channel = ctx.facts.outletOfCode[groups.outlets[g] as number]?.channel;
    if (!channel) continue;
    const seen = perChannel.get(channel) ?? { net: 0, outlets: 0 };
    seen.net += groups.net[g] as number;
    if (isBilled(groups.net[g] as number)) seen.outlets++;
    perChannel.set(channel, seen);
  }
  const channels = [...new Set([...Object.keys(spec.minimums), ...Object.keys(spec.minOutlets)])];
  const met = channels.filter((channel) => {
    const seen = perChannel.get(channel) ?? { net: 0, outlets: 0 };
    const value = spec.minimums[channel];
    const outlets = spec.minOutlets[channel];
    const tests = [
      ...(value === undefined ? [] : [seen.net > 0 && seen.net >= minimumPaise(value)]),
      ...(outlets === undefined ? [] : [seen.outlets >= outlets]),
    ];
    return spec.require === 'both' ? tests.every(Boolean) : tests.some(Boolean);
  });
  const names = met.join(', ') || 'none';
  return salesResult(
    c,
    lines,
    'count',
    new Exact(met.length),
    `${met.length} of ${channels.length} channels met their minimum (${names})`,
  );
};

/** How far before a period's edge the workspace's ageing report may be dated and still be its report. */
export const SNAPSHOT_TOLERANCE_DAYS = 7;

/**
 * The workspace's ageing reports at the period's edges: the opening one is the latest dated on or
 * before the first day, the closing one the latest dated on or before the last day (and after the
 * opening one), each within SNAPSHOT_TOLERANCE_DAYS of its edge. A report further back is not
 * reached for: the run says there is none.
 */
export function periodSnapshots(
  facts: IndexedFacts,
  period: { from: string; to: string },
): { opening: string | null; closing: string | null } {
  // The same for every payee of the period: worked out once.
  return remember(facts, `snapshots|${period.from}|${period.to}`, () => {
    const latest = (onOrBefore: string, after: string) =>
      facts.snapshotDates.filter((d) => d <= onOrBefore && d > after).at(-1) ?? null;
    const near = (day: string | null, edge: string) =>
      day !== null && daysBetween(day, edge) <= SNAPSHOT_TOLERANCE_DAYS ? day : null;
    const opening = near(latest(period.from, ''), period.from);
    const closing = near(latest(period.to, opening ?? ''), period.to);
    return { opening, closing };
  });
}

/**
 * The average days a report's overdue bills are past their due date, weighted by what each still
 * owes, rounded half-up to whole days; 0 where none is owed. A credit (an unadjusted credit note)
 * owes nothing and is no weight.
 */
function overdueDays(bills: readonly ReceivableFact[]): Exact {
  let owed = new Exact(0);
  let weighted = new Exact(0);
  for (const b of bills) {
    if (b.outstanding <= 0 || b.dueDate === null) continue;
    owed = owed.plus(b.outstanding);
    weighted = weighted.plus(new Exact(b.outstanding).times(daysBetween(b.dueDate, b.asOf)));
  }
  return owed.isZero() ? owed : weighted.dividedBy(owed).toDecimalPlaces(0, Exact.ROUND_HALF_UP);
}

const outstandingReduction: Measurer<'outstanding_reduction'> = (spec, ctx) => {
  const { opening, closing } = periodSnapshots(ctx.facts, ctx.period);
  if (opening === null || closing === null) {
    const missing = [
      opening === null ? `on or within ${SNAPSHOT_TOLERANCE_DAYS} days before ${ctx.period.from}` : null,
      closing === null ? `within the last ${SNAPSHOT_TOLERANCE_DAYS} days up to ${ctx.period.to}` : null,
    ].filter(Boolean);
    return {
      unit: 'money',
      value: new Exact(0),
      valueOfSales: new Exact(0),
      sources: { table: 'receivables', ids: NO_IDS },
      detail: `no ageing report imported dated ${missing.join(', nor ')}: nothing is paid`,
    };
  }
  const rows = ctx.facts.receivablesByPayee.get(ctx.payee.code) ?? [];
  // A distributor absent from a report owed nothing that day.
  const overdueOn = (asOf: string) => rows.filter((r) => r.asOf === asOf && r.dueDate !== null && r.dueDate < asOf);
  const start = overdueOn(opening);
  const end = overdueOn(closing);
  // A day's overdue is what the overdue bills owe less the credits beside them (an advance, a
  // credit note not yet adjusted), never below nothing: credits beyond the bills leave nothing
  // overdue, and counted below zero they paid on more than was ever overdue.
  const owed = (bills: readonly ReceivableFact[]) => bills.reduce((n, r) => n + r.outstanding, 0);
  const [startOwed, endOwed] = [owed(start), owed(end)];
  const [startTotal, endTotal] = [Math.max(0, startOwed), Math.max(0, endOwed)];
  const reduction = rupees(startTotal - endTotal);
  const sources = { table: 'receivables' as const, ids: Float64Array.from([...start, ...end], (r) => r.id).sort() };
  const onDay = (total: number, owed: number, day: string) =>
    `₹${rupees(total).toFixed(2)} on ${day}${owed < 0 ? ` (its credits exceed its overdue bills by ₹${rupees(-owed).toFixed(2)}: nothing overdue)` : ''}`;
  const overdue = `overdue ${onDay(startTotal, startOwed, opening)}, ${onDay(endTotal, endOwed, closing)}`;
  if (spec.basis === 'days') {
    // The days the overdue came down by; a reward on value is on the rupees it came down by.
    const [before, after] = [overdueDays(start), overdueDays(end)];
    const fewer = before.minus(after);
    return {
      unit: 'count',
      value: fewer,
      valueOfSales: reduction,
      sources,
      detail: `${overdue}, on average ${fmt(before)} and ${fmt(after)} days past due (weighted by what each bill owes): ${fewer.isNegative() ? `${fmt(fewer.negated())} days more` : `${fmt(fewer)} days fewer`}`,
    };
  }
  return {
    unit: 'money',
    value: reduction,
    valueOfSales: reduction,
    sources,
    detail: `${overdue}: ${reduction.isNegative() ? `increased by ₹${reduction.negated().toFixed(2)}` : `reduced by ₹${reduction.toFixed(2)}`}`,
  };
};

/**
 * Each outlet's net billing by the payee through the scheme's products up to `lastDay`: by the
 * lines the facts hold, and before them (what the store summed apart, `billedBefore`), since the
 * lines reach back only so far. Whether an outlet was ever billed before, by its code.
 */
function netBillingThrough(ctx: MeasureContext, lastDay: string): Map<string, number> {
  const c = ctx.facts.sales;
  const net = new Map<string, number>();
  for (const b of ctx.facts.billedBeforeBy.get(`${productsKey(ctx.scheme)}|${ctx.payee.code}`) ?? [])
    net.set(b.outlet, b.net);
  const groups = outletGroups(c, schemeSales(ctx, { from: '0000-01-01', to: lastDay }));
  for (let g = 0; g < groups.outlets.length; g++) {
    const code = c.codes[groups.outlets[g] as number] as string;
    net.set(code, (net.get(code) ?? 0) + (groups.net[g] as number));
  }
  return net;
}

const netChannelAddition: Measurer<'net_channel_addition'> = (_spec, ctx) => {
  const c = ctx.facts.sales;
  const previous = previousPeriod(ctx.period);
  const groups = outletGroups(c, schemeSales(ctx));
  const now = billedGroups(groups);
  const before = outletGroups(c, schemeSales(ctx, previous));
  // New: billed for the first time (an outlet opened last month and first billed now is new now,
  // and so is one the master gives no opening day) — unless the master says it was opened before
  // the first bill the workspace holds, when bills before that are unknown.
  const earlier = netBillingThrough(ctx, addDays(ctx.period.from, -1));
  const since = ctx.facts.facts.outletBillsSince;
  const added = now.filter((g) => {
    const outlet = groups.outlets[g] as number;
    const opened = ctx.facts.outletOfCode[outlet]?.createdOn;
    if (opened && since && opened < since) return false;
    return !isBilled(earlier.get(c.codes[outlet] as string) ?? 0);
  });
  const billedNow = outletsOf(groups, now);
  const lost = billedGroups(before).filter((g) => !billedNow.has(before.outlets[g] as number));
  return salesResult(
    c,
    rowsOf(groups, added),
    'count',
    new Exact(added.length - lost.length),
    `${added.length} new outlets billed, ${lost.length} billed from ${previous.from} to ${previous.to} and not now`,
  );
};

const upsell: Measurer<'upsell'> = (spec, ctx) => {
  const c = ctx.facts.sales;
  // A SKU no line carries has no number, and is never bought.
  const wanted = ctx.scheme.products.skus.map((sku) => c.codeOf.get(sku) ?? -1);
  const qualifying: number[] = [];
  const groups = outletGroups(c, schemeSales(ctx));
  for (let g = 0; g < groups.outlets.length; g++) {
    const lines = groups.rows.subarray(groups.start[g] as number, groups.start[g + 1] as number);
    // A SKU is bought when its net billing at the outlet is above zero: a bundle partly
    // returned is no longer a bundle.
    const bySku = new Map<number, number>();
    for (const r of lines) {
      const sku = c.sku[r] as number;
      bySku.set(sku, (bySku.get(sku) ?? 0) + (c.net[r] as number));
    }
    const bought = new Set([...bySku].filter(([, net]) => net > 0).map(([sku]) => sku));
    const ok =
      spec.mode === 'any'
        ? bought.size > 0
        : spec.mode === 'all'
          ? wanted.every((s) => bought.has(s))
          : bought.size >= spec.minLines;
    if (ok) qualifying.push(g);
  }
  const rule =
    spec.mode === 'any'
      ? 'any of the SKUs'
      : spec.mode === 'all'
        ? 'the whole bundle'
        : `at least ${spec.minLines} of the SKUs`;
  const count = qualifying.length;
  return salesResult(
    c,
    rowsOf(groups, qualifying),
    'count',
    new Exact(count),
    `${count} outlets bought ${rule} (net of returns)`,
  );
};

const earlyPayment: Measurer<'early_payment'> = (spec, ctx) => {
  // The invoice date decides the period: invoices dated in it, paid whenever.
  const invoices = (ctx.facts.invoicesByPayee.get(ctx.payee.code) ?? []).filter((i) =>
    within(i.date, ctx.period.from, ctx.period.to),
  );
  const receipts = new Map<string, PaymentFact[]>();
  for (const p of ctx.facts.paymentsByPayee.get(ctx.payee.code) ?? []) {
    if (p.against !== null) receipts.set(p.against, [...(receipts.get(p.against) ?? []), p]);
  }
  let base = 0;
  let earning = 0;
  const used: number[] = [];
  for (const invoice of invoices) {
    const due = invoice.amount + invoice.returned;
    if (due <= 0) continue;
    // Receipts dated before the invoice count as on time (paid in advance), unless the payee has
    // an earlier invoice of the same number (last year's, where numbers restart): they paid that
    // one. A receipt reversed (a cheque returned unpaid, written as a negative receipt against the
    // bill) paid nothing, whenever the reversal is dated: after the N days too, it takes back
    // what the cheque had counted for.
    const lastDay = addDays(invoice.date, spec.withinDays);
    const since = invoice.previous ? invoice.date : '';
    const onTime = (receipts.get(invoice.docNo) ?? []).filter(
      (p) => p.date >= since && (p.amount < 0 || p.date <= lastDay),
    );
    const received = onTime.reduce((n, p) => n + p.amount, 0);
    // Never more than the invoice, whatever the receipts add up to.
    const earns = spec.partPayments === 'pro_rata' ? Math.min(received, due) : received >= due ? due : 0;
    if (earns <= 0) continue;
    base += earns;
    earning++;
    used.push(...onTime.map((p) => p.id));
  }
  const value = rupees(base);
  const rule = spec.partPayments === 'pro_rata' ? 'received' : 'settled in full';
  return {
    unit: 'money',
    value,
    valueOfSales: value,
    sources: { table: 'payments', ids: Float64Array.from(used).sort() },
    detail: `₹${value.toFixed(2)} of ${earning} invoices dated in the period ${rule} within ${spec.withinDays} days of the invoice`,
  };
};

const reactivation: Measurer<'reactivation'> = (spec, ctx) => {
  const c = ctx.facts.sales;
  const dormantFrom = addDays(ctx.period.from, -spec.dormantDays);
  const billedIn = (period: { from: string; to: string }) => {
    const groups = outletGroups(c, schemeSales(ctx, period));
    return outletsOf(groups, billedGroups(groups));
  };
  const groups = outletGroups(c, schemeSales(ctx));
  const dormancy = billedIn({ from: dormantFrom, to: addDays(ctx.period.from, -1) });
  const earlierNet = netBillingThrough(ctx, addDays(dormantFrom, -1));
  const back = billedGroups(groups).filter((g) => {
    const outlet = groups.outlets[g] as number;
    return !dormancy.has(outlet) && isBilled(earlierNet.get(c.codes[outlet] as string) ?? 0);
  });
  return salesResult(
    c,
    rowsOf(groups, back),
    'count',
    new Exact(back.length),
    `${back.length} outlets billed again after ${spec.dormantDays} days without net billing`,
  );
};

/**
 * The ids of sorted id lists, each once and in order. Where one list holds all the others' ids
 * (a formula over a volume and the outlets within it), that list itself, not a copy: lines that
 * share it share its packed trace. A typed array sorts a million ids natively, where a Set of them
 * spread and sorted with a comparator took most of a formula's time.
 */
function unionOfSorted(lists: readonly Float64Array[]): Float64Array {
  const longest = lists.reduce((a, b) => (b.length > a.length ? b : a), NO_IDS);
  if (lists.every((l) => l === longest || l.length === 0)) return longest;
  const all = new Float64Array(lists.reduce((n, l) => n + l.length, 0));
  let at = 0;
  for (const l of lists) {
    all.set(l, at);
    at += l.length;
  }
  all.sort();
  let unique = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[unique++] = all[i] as number;
  return unique === longest.length ? longest : all.slice(0, unique);
}

/**
 * A formula over the scheme's named measures. Its source rows are those of the measures it
 * reads (of the table most of them come from), so its trace shows what it was worked out from.
 */
const custom: Measurer<'custom'> = (spec, ctx) => {
  const values: Record<string, Exact> = {};
  const byTable = new Map<MeasureResult['sources']['table'], Float64Array[]>();
  for (const [name, named] of Object.entries(ctx.scheme.measures)) {
    const result = measure(named, ctx);
    values[name] = result.value;
    byTable.set(result.sources.table, [...(byTable.get(result.sources.table) ?? []), result.sources.ids]);
  }
  const value = evaluateFormula(spec.formula, values);
  const unions = [...byTable].map(([table, lists]) => [table, unionOfSorted(lists)] as const);
  const [table, ids] = unions.sort((a, b) => b[1].length - a[1].length)[0] ?? ['sales', NO_IDS];
  return {
    unit: 'count',
    value,
    valueOfSales: value,
    sources: { table, ids },
    detail: `${spec.formula} = ${fmt(value)}`,
  };
};

/** What makes two measures the same given the lines: the spec, and a formula's named measures. */
const specKey = (spec: MeasureSpec, scheme: Scheme) =>
  spec.kind === 'custom' ? `${json(spec)}|${json(scheme.measures)}` : json(spec);

/** A measure for one payee; computed once per run for the same spec, period, source and products. */
export function measure(spec: MeasureSpec, ctx: MeasureContext): MeasureResult {
  const key = `measure|${ctx.payee.code}|${ctx.period.from}|${ctx.period.to}|${salesKey(ctx)}|${specKey(spec, ctx.scheme)}`;
  return remember(ctx.facts, key, () => computeMeasure(spec, ctx));
}

function computeMeasure(spec: MeasureSpec, ctx: MeasureContext): MeasureResult {
  switch (spec.kind) {
    case 'product_volume':
      return productVolume(spec, ctx);
    case 'billed_outlets':
      return billedOutletCount(spec, ctx);
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
  return rupees(sumNet(ctx.facts.sales, sourceLines(ctx, ctx.period)));
}
