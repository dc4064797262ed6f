import type Database from 'better-sqlite3';
import { addDays, daysBetween } from '../../engine/dates';
import { groupBy, type SaleFact } from '../../engine/facts';
import { Exact, toScaledInteger } from '../../engine/money';
import { unpackIds } from '../runs/source-ids';
import type { FlagKind } from './kinds';
import type { ControlSettings } from './settings';

/** What a control found: a flag on a payee (or a scheme), with the rows that raised it. */
export interface FlagDraft {
  kind: FlagKind;
  payee: string | null;
  scheme: string | null;
  /** A policy breach: the run is not submitted until a preparer acknowledges it. */
  blocking: boolean;
  message: string;
  evidence: { table: 'sales' | 'outlets' | 'payout_lines'; ids: number[] };
}

/** The run a control looks at: its period, the payees it pays, and the sales lines it read. */
export interface RunScope {
  run: number;
  from: string;
  to: string;
  payees: ReadonlySet<string>;
  settings: ControlSettings;
  /** Paise as the workspace writes money: ₹1,23,456.70 under en-IN. */
  money: (paise: number | bigint) => string;
  /**
   * The sales lines the run read, in memory: the period and the lookback before it (400 days),
   * so no control reads a million lines out of SQLite again.
   */
  sales: readonly SaleFact[];
}

const pctOf = (part: number, whole: number) =>
  whole === 0 ? '0' : new Exact(part).times(100).dividedBy(whole).toDecimalPlaces(1).toString();

/** The invoices to outlets dated in [from, to]. */
const outletInvoices = (scope: RunScope, from = scope.from, to = scope.to) =>
  scope.sales.filter((s) => s.docType === 'invoice' && s.outlet !== null && s.date >= from && s.date <= to);

const sumNet = (lines: readonly SaleFact[]) => lines.reduce((n, l) => n + l.net, 0);

/** A phone as its last ten digits; a GSTIN in capitals; an address and town without case, punctuation or extra spaces. */
const keys = {
  phone: (o: OutletRow) => {
    const digits = (o.phone ?? '').replace(/\D/g, '');
    return digits.length >= 8 ? digits.slice(-10) : null;
  },
  GSTIN: (o: OutletRow) => {
    const gstin = (o.gstin ?? '').replace(/\s/g, '').toUpperCase();
    return gstin.length >= 10 ? gstin : null;
  },
  address: (o: OutletRow) => {
    const words = (text: string | null) =>
      (text ?? '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
    const address = words(o.address);
    // An address is shared within one distributor: a market complex holds shops of many.
    return /\d/.test(address) && address.length >= 6 ? `${o.distributor} | ${address} | ${words(o.town)}` : null;
  },
};

interface OutletRow {
  id: number;
  code: string;
  name: string;
  distributor: string;
  phone: string | null;
  gstin: string | null;
  address: string | null;
  town: string | null;
}

/**
 * Possible dummy outlets: outlets that share a phone number or a GSTIN (from `sharedIdOutlets`),
 * or, under one distributor, an address and town (from `sharedAddressOutlets`), under different names, at least one of
 * them billed in the period. Each distributor of the run with such outlets is flagged; the
 * message names every outlet of the group, under whichever distributor it is.
 */
export function sharedIdentity(db: Database.Database, scope: RunScope): FlagDraft[] {
  const billed = new Set(outletInvoices(scope).map((s) => s.outlet));
  const outlets = db
    .prepare('SELECT id, code, name, distributor_code AS distributor, phone, gstin, address, town FROM outlets')
    .all() as OutletRow[];
  const flags: FlagDraft[] = [];
  const flagged = new Set<string>();
  for (const [what, key] of Object.entries(keys)) {
    const minimum = what === 'address' ? scope.settings.sharedAddressOutlets : scope.settings.sharedIdOutlets;
    const groups = new Map<string, OutletRow[]>();
    for (const o of outlets) {
      const k = key(o);
      if (k === null) continue;
      const group = groups.get(k);
      if (group) group.push(o);
      else groups.set(k, [o]);
    }
    for (const group of groups.values()) {
      const names = new Set(group.map((o) => o.name.trim().toLowerCase()));
      if (group.length < minimum || names.size < 2 || !group.some((o) => billed.has(o.code))) continue;
      const codes = group.map((o) => `${o.code} (${o.distributor})`).sort();
      // The same outlets found again by another key say nothing new.
      if (flagged.has(codes.join(','))) continue;
      flagged.add(codes.join(','));
      const shown = what === 'address' ? (group[0]?.address ?? '') : (key(group[0] as OutletRow) ?? '');
      for (const payee of new Set(group.map((o) => o.distributor))) {
        if (!scope.payees.has(payee)) continue;
        flags.push({
          kind: 'shared-identity',
          payee,
          scheme: null,
          blocking: false,
          message: `${group.length} outlets share one ${what} (${shown}) under ${names.size} names: ${codes.join(', ')}`,
          evidence: { table: 'outlets', ids: group.map((o) => o.id).sort((a, b) => a - b) },
        });
      }
    }
  }
  return flags;
}

/**
 * Outlets whose first bill falls in the last `lateFirstBillDays` of the period — the first in
 * all the run read, which reaches 400 days back — from `lateFirstBillOutlets` per distributor.
 */
export function lateFirstBills(_db: Database.Database, scope: RunScope): FlagDraft[] {
  const { lateFirstBillDays: days, lateFirstBillOutlets: minimum } = scope.settings;
  const since = addDays(scope.to, 1 - days);
  const first = new Map<string, SaleFact>();
  for (const s of scope.sales) {
    if (s.docType !== 'invoice' || s.outlet === null || s.date > scope.to) continue;
    const known = first.get(s.outlet);
    if (!known || s.date < known.date) first.set(s.outlet, s);
  }
  const late = [...first.values()].filter((s) => s.date >= since && scope.payees.has(s.distributor));
  const flagged = [...groupBy(late, (s) => s.distributor)].filter(([, bills]) => bills.length >= minimum);
  // The evidence of every flagged payee in one pass over the lines, not one pass per payee: a
  // launch month can flag hundreds of distributors.
  const payeeOf = new Map(flagged.flatMap(([payee, bills]) => bills.map((b) => [b.outlet as string, payee])));
  const evidenceOf = groupBy(
    scope.sales.filter(
      (s) =>
        s.docType === 'invoice' && s.outlet !== null && s.date >= since && s.date <= scope.to && payeeOf.has(s.outlet),
    ),
    (s) => payeeOf.get(s.outlet as string) as string,
  );
  return flagged.map(([payee, bills]) => {
    const outlets = new Set(bills.map((b) => b.outlet as string));
    const evidence = evidenceOf.get(payee) ?? [];
    return {
      kind: 'late-first-bill' as const,
      payee,
      scheme: null,
      blocking: false,
      message: `${outlets.size} outlets of ${payee} were billed for the first time in the last ${days} days of the period: ${[...outlets].sort().join(', ')}`,
      evidence: { table: 'sales' as const, ids: evidence.map((s) => s.id) },
    };
  });
}

/**
 * A period-end spike that came back: the payee's share of its billing in the last `spikeDays`
 * is at least `spikeMinSharePct` and `spikeRatio` times its norm (that share in the period
 * before, of equal length, where it billed then; else the days' share of the period), and
 * returns after the period, within `spikeReturnsWithinDays`, took back at least
 * `spikeMinReturnedPct` of the spike. Those returns come after what the run read, so they alone
 * are read from the store, for the payees whose share already stands out.
 */
export function periodEndSpikes(db: Database.Database, scope: RunScope): FlagDraft[] {
  const s = scope.settings;
  const days = daysBetween(scope.from, scope.to) + 1;
  const tail = Math.min(s.spikeDays, days);
  const lastFrom = addDays(scope.to, 1 - tail);
  const before = { from: addDays(scope.from, -days), to: addDays(scope.from, -1) };
  const beforeLast = addDays(before.to, 1 - tail);
  const shares = (from: string, to: string, last: string) =>
    new Map(
      [...groupBy(outletInvoices(scope, from, to), (l) => l.distributor)].map(([payee, lines]) => [
        payee,
        { total: sumNet(lines), last: sumNet(lines.filter((l) => l.date >= last)), lines },
      ]),
    );
  const now = shares(scope.from, scope.to, lastFrom);
  const then = shares(before.from, before.to, beforeLast);
  const returned = db.prepare(
    `SELECT id, net_value AS net, against_doc_no AS against FROM sales
     WHERE distributor_code = ? AND doc_type = 'credit_note' AND doc_date > ? AND doc_date <= ? AND against_doc_no IS NOT NULL`,
  );
  const flags: FlagDraft[] = [];
  for (const [payee, r] of now) {
    if (!scope.payees.has(payee) || r.total <= 0 || r.last <= 0) continue;
    const shareNow = new Exact(r.last).dividedBy(r.total);
    const past = then.get(payee);
    const norm =
      past && past.total > 0 && past.last > 0
        ? new Exact(past.last).dividedBy(past.total)
        : new Exact(tail).dividedBy(days);
    if (shareNow.times(100).lessThan(s.spikeMinSharePct) || shareNow.lessThan(norm.times(s.spikeRatio))) continue;
    const spike = r.lines.filter((l) => l.date >= lastFrom);
    const spikeDocs = new Set(spike.map((l) => l.docNo));
    const back = (
      returned.all(payee, scope.to, addDays(scope.to, s.spikeReturnsWithinDays)) as {
        id: number;
        net: number;
        against: string;
      }[]
    ).filter((c) => spikeDocs.has(c.against));
    const amount = -back.reduce((n, c) => n + c.net, 0);
    if (new Exact(amount).times(100).lessThan(new Exact(r.last).times(s.spikeMinReturnedPct))) continue;
    flags.push({
      kind: 'period-end-spike',
      payee,
      scheme: null,
      blocking: false,
      message: `${payee} billed ${pctOf(r.last, r.total)}% of its period in the last ${tail} days (its norm ${norm
        .times(100)
        .toDecimalPlaces(
          1,
        )}%), and ${scope.money(amount)} of that ${scope.money(r.last)} came back within ${s.spikeReturnsWithinDays} days after the period`,
      evidence: { table: 'sales', ids: [...spike.map((l) => l.id), ...back.map((c) => c.id)] },
    });
  }
  return flags;
}

/** A map of maps, filled without building a string key per line (a million of them cost seconds). */
function nested<A, B, V>(outer: Map<A, Map<B, V>>, a: A, b: B, make: () => V): V {
  let inner = outer.get(a);
  if (!inner) {
    inner = new Map();
    outer.set(a, inner);
  }
  let value = inner.get(b);
  if (value === undefined) {
    value = make();
    inner.set(b, value);
  }
  return value;
}

interface Doc {
  first: SaleFact;
  lines: SaleFact[];
  amount: number;
}

/**
 * A number that is equal for lines that could be twins — same value, quantity and day — so a
 * million lines are sifted by one Map of numbers before any document is compared. Lines that
 * collide by chance only cost a closer look; twins always collide.
 */
const twinKey = (s: SaleFact) =>
  (s.net * 9973 + (s.qty % 9973)) * 32 + (s.date.charCodeAt(8) - 48) * 10 + (s.date.charCodeAt(9) - 48);

/** Whether an ascending list holds `value` (binary search). */
function sortedIncludes(list: readonly number[], value: number): boolean {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const at = list[mid] as number;
    if (at === value) return true;
    if (at < value) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

/** The invoice lines of the run's payees dated in its period. */
function periodInvoices(scope: RunScope): SaleFact[] {
  return scope.sales.filter(
    (s) => s.docType === 'invoice' && s.date >= scope.from && s.date <= scope.to && scope.payees.has(s.distributor),
  );
}

/**
 * The same outlet billed the same lines (SKU, qty, value) on the same day under different
 * document numbers. A document can only be a copy when each of its lines has a twin (same
 * value, quantity and day) somewhere, so only documents with such lines are gathered, by payee,
 * day and amount; only where two share those are their lines compared.
 */
export function duplicateInvoices(_db: Database.Database, scope: RunScope): FlagDraft[] {
  const invoices = periodInvoices(scope);
  // Sorting a typed array of keys finds the repeated ones far faster than a Map of a million numbers.
  const keys = Float64Array.from(invoices, twinKey);
  const sorted = keys.slice().sort();
  const repeated: number[] = [];
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i] === sorted[i - 1] && repeated[repeated.length - 1] !== sorted[i]) repeated.push(sorted[i] as number);
  const suspect = new Set<string>();
  invoices.forEach((s, i) => {
    if (sortedIncludes(repeated, keys[i] as number)) suspect.add(s.docNo);
  });
  const docs = new Map<string, Map<string, Doc>>();
  for (const s of invoices) {
    if (!suspect.has(s.docNo)) continue;
    const doc = nested(docs, s.distributor, s.docNo, () => ({ first: s, lines: [] as SaleFact[], amount: 0 }));
    doc.lines.push(s);
    doc.amount += s.net;
  }
  const flags: FlagDraft[] = [];
  for (const [payee, byNumber] of docs) {
    const alike = new Map<string, Map<number, Doc[]>>();
    for (const doc of byNumber.values()) nested(alike, doc.first.date, doc.amount, () => [] as Doc[]).push(doc);
    for (const byAmount of alike.values())
      for (const candidates of byAmount.values()) {
        if (candidates.length < 2) continue;
        const what = (d: Doc) =>
          `${d.first.outlet}|${d.lines
            .map((l) => `${l.sku} x ${l.qty} = ${l.net}`)
            .sort()
            .join('; ')}`;
        for (const same of groupBy(candidates, what).values()) {
          if (same.length < 2) continue;
          const { first } = same[0] as Doc;
          flags.push({
            kind: 'duplicate-invoice',
            payee,
            scheme: null,
            blocking: false,
            message: `${payee} billed ${first.outlet ?? 'itself'} the same lines for ${scope.money((same[0] as Doc).amount)} on ${first.date} as ${same
              .map((d) => d.first.docNo)
              .sort()
              .join(', ')}`,
            evidence: { table: 'sales', ids: same.flatMap((d) => d.lines.map((l) => l.id)) },
          });
        }
      }
  }
  return flags;
}

/** What one outlet was billed in the period: the lines of its only document, while it has one. */
interface OutletBilling {
  distributor: string;
  docNo: string;
  lines: SaleFact[];
  amount: number;
  once: boolean;
}

/** Outlets billed once in the period for at most `tokenBillValue`: just enough to be counted. */
export function tokenBills(_db: Database.Database, scope: RunScope): FlagDraft[] {
  const most = toScaledInteger(scope.settings.tokenBillValue, 2);
  // By outlet alone (an outlet is billed by its own distributor); by distributor too for the rest.
  const outlets = new Map<string, OutletBilling>();
  for (const s of scope.sales) {
    if (s.docType !== 'invoice' || s.outlet === null || s.date < scope.from || s.date > scope.to) continue;
    if (!scope.payees.has(s.distributor)) continue;
    let key = s.outlet;
    let o = outlets.get(key);
    if (o && o.distributor !== s.distributor) {
      key = `${s.distributor}\u0000${s.outlet}`;
      o = outlets.get(key);
    }
    if (!o) {
      outlets.set(key, { distributor: s.distributor, docNo: s.docNo, lines: [s], amount: s.net, once: true });
      continue;
    }
    if (!o.once) continue;
    if (o.docNo !== s.docNo) {
      o.once = false;
      o.lines = [];
      continue;
    }
    o.lines.push(s);
    o.amount += s.net;
  }
  const byPayee = new Map<string, [string, OutletBilling][]>();
  for (const [key, o] of outlets) {
    if (!o.once || o.amount <= 0 || o.amount > most) continue;
    const outlet = o.lines[0]?.outlet ?? key;
    const list = byPayee.get(o.distributor);
    if (list) list.push([outlet, o]);
    else byPayee.set(o.distributor, [[outlet, o]]);
  }
  const flags: FlagDraft[] = [];
  for (const [payee, token] of byPayee) {
    if (token.length < scope.settings.tokenBillOutlets) continue;
    flags.push({
      kind: 'token-bills',
      payee,
      scheme: null,
      blocking: false,
      message: `${token.length} outlets of ${payee} were billed once in the period, for ${scope.money(most)} or less each: ${token
        .map(([outlet]) => outlet)
        .sort()
        .join(', ')}`,
      evidence: { table: 'sales', ids: token.flatMap(([, o]) => o.lines.map((l) => l.id)) },
    });
  }
  return flags;
}

/**
 * Each payee's net sales in the period, to outlets and to itself (paise): the basis of the
 * discount ceiling, kept with the run so an override re-checks it without reading sales again.
 */
export function salesBasis(scope: RunScope): Map<string, { secondary: number; primary: number }> {
  const basis = new Map<string, { secondary: number; primary: number }>();
  for (const s of scope.sales) {
    if (s.date < scope.from || s.date > scope.to || !scope.payees.has(s.distributor)) continue;
    const b = basis.get(s.distributor) ?? { secondary: 0, primary: 0 };
    if (s.outlet === null) b.primary += s.net;
    else b.secondary += s.net;
    basis.set(s.distributor, b);
  }
  return basis;
}

/**
 * Per payee and scheme, the net value and the cost of the sales lines each payout line measured
 * (its trace's source rows), costed at the products' unit cost: the basis of the margin floor.
 * Lines of products without a unit cost leave the cost unknown, and the pair out.
 */
export function marginBasis(
  db: Database.Database,
  scope: RunScope,
): { payee: string; scheme: string; net: number; cost: number }[] {
  const costs = new Map(
    db
      .prepare('SELECT sku, unit_cost FROM products WHERE unit_cost IS NOT NULL')
      .all()
      .map((p) => [(p as { sku: string }).sku, (p as { unit_cost: number }).unit_cost]),
  );
  if (costs.size === 0) return [];
  const byId = new Map(scope.sales.map((s) => [s.id, s]));
  const lines = db
    .prepare(
      `SELECT payee, scheme_code AS scheme, source_ids AS ids FROM payout_lines
       WHERE run_id = ? AND kind = 'payout' AND source_table = 'sales'`,
    )
    .all(scope.run) as { payee: string; scheme: string; ids: Buffer }[];
  const basis: { payee: string; scheme: string; net: number; cost: number }[] = [];
  for (const line of lines) {
    let net = 0;
    let cost = new Exact(0);
    let known = true;
    for (const id of unpackIds(line.ids)) {
      const sale = byId.get(id);
      const unit = sale ? costs.get(sale.sku) : undefined;
      if (!sale || unit === undefined) {
        known = false;
        break;
      }
      net += sale.net;
      // Quantities are thousandths of a unit; the cost is rounded to the paisa once, at the end.
      cost = cost.plus(new Exact(sale.qty).times(unit).dividedBy(1000));
    }
    if (known && net > 0) basis.push({ payee: line.payee, scheme: line.scheme, net, cost: cost.round().toNumber() });
  }
  return basis;
}
