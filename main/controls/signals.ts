import type Database from 'better-sqlite3';
import { addDays } from '../../engine/dates';
import { type Facts, groupBy } from '../../engine/facts';
import { Exact, toScaledInteger } from '../../engine/money';
import { codeMask, dayNumber, isoDay, rowOfId, type SalesColumns, salesColumns } from '../../engine/sales-columns';
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
  evidence: { table: 'sales' | 'outlets' | 'payout_lines' | 'payments'; ids: number[] };
}

/** What a fact signal looks at: a period, the payees to flag, and the sales lines a run of it reads. */
export interface FactScope {
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
  sales: Facts['sales'];
}

/** The run a control looks at: its period, the payees it pays, and the sales lines it read. */
export interface RunScope extends FactScope {
  run: number;
}

const pctOf = (part: number, whole: number) =>
  whole === 0 ? '0' : new Exact(part).times(100).dividedBy(whole).toDecimalPlaces(1).toString();

/** Whether row i is an invoice to an outlet dated in [from, to] (day numbers). */
const outletInvoice = (c: SalesColumns, i: number, from: number, to: number) =>
  c.invoice[i] === 1 && (c.outlet[i] as number) >= 0 && (c.day[i] as number) >= from && (c.day[i] as number) <= to;

/** The run's period as day numbers. */
const periodDays = (scope: FactScope) => ({ from: dayNumber(scope.from), to: dayNumber(scope.to) });

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
export function sharedIdentity(db: Database.Database, scope: FactScope): FlagDraft[] {
  const c = salesColumns(scope.sales);
  const { from, to } = periodDays(scope);
  const billedCodes = new Uint8Array(c.codes.length);
  for (let i = 0; i < c.count; i++) if (outletInvoice(c, i, from, to)) billedCodes[c.outlet[i] as number] = 1;
  const billed = { has: (code: string) => billedCodes[c.codeOf.get(code) ?? -1] === 1 };
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
export function lateFirstBills(_db: Database.Database, scope: FactScope): FlagDraft[] {
  const { lateFirstBillDays: days, lateFirstBillOutlets: minimum } = scope.settings;
  const c = salesColumns(scope.sales);
  const to = dayNumber(scope.to);
  const since = to + 1 - days;
  // Each outlet's first bill (its row), and the outlets in the order first billed.
  const first = new Int32Array(c.codes.length).fill(-1);
  const outlets: number[] = [];
  for (let i = 0; i < c.count; i++) {
    if (!outletInvoice(c, i, Number.NEGATIVE_INFINITY, to)) continue;
    const o = c.outlet[i] as number;
    const known = first[o] as number;
    if (known < 0) outlets.push(o);
    if (known < 0 || (c.day[i] as number) < (c.day[known] as number)) first[o] = i;
  }
  const payees = codeMask(c, scope.payees);
  const late = new Map<number, number[]>();
  for (const o of outlets) {
    const row = first[o] as number;
    const payee = c.distributor[row] as number;
    if ((c.day[row] as number) < since || payees[payee] !== 1) continue;
    const list = late.get(payee);
    if (list) list.push(o);
    else late.set(payee, [o]);
  }
  const flagged = [...late].filter(([, bills]) => bills.length >= minimum);
  // The evidence of every flagged payee in one pass over the lines, not one pass per payee: a
  // launch month can flag hundreds of distributors.
  const payeeOf = new Int32Array(c.codes.length).fill(-1);
  for (const [payee, bills] of flagged) for (const o of bills) payeeOf[o] = payee;
  const evidenceOf = new Map<number, number[]>(flagged.map(([payee]) => [payee, []]));
  for (let i = 0; i < c.count; i++) {
    if (!outletInvoice(c, i, since, to)) continue;
    const payee = payeeOf[c.outlet[i] as number] as number;
    if (payee >= 0) evidenceOf.get(payee)?.push(c.id[i] as number);
  }
  return flagged.map(([payee, bills]) => {
    const code = c.codes[payee] as string;
    return {
      kind: 'late-first-bill' as const,
      payee: code,
      scheme: null,
      blocking: false,
      message: `${bills.length} outlets of ${code} were billed for the first time in the last ${days} days of the period: ${bills
        .map((o) => c.codes[o])
        .sort()
        .join(', ')}`,
      evidence: { table: 'sales' as const, ids: evidenceOf.get(payee) ?? [] },
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
export function periodEndSpikes(db: Database.Database, scope: FactScope): FlagDraft[] {
  const s = scope.settings;
  const c = salesColumns(scope.sales);
  const period = periodDays(scope);
  const days = period.to - period.from + 1;
  const tail = Math.min(s.spikeDays, days);
  const lastFrom = period.to + 1 - tail;
  // Each distributor's billing to outlets in a span and in its last `tail` days, and the
  // distributors in the order first seen there.
  const shares = (from: number, to: number) => {
    const total = new Float64Array(c.codes.length);
    const last = new Float64Array(c.codes.length);
    const seen = new Uint8Array(c.codes.length);
    const order: number[] = [];
    for (let i = 0; i < c.count; i++) {
      if (!outletInvoice(c, i, from, to)) continue;
      const d = c.distributor[i] as number;
      if (seen[d] === 0) {
        seen[d] = 1;
        order.push(d);
      }
      total[d] = (total[d] as number) + (c.net[i] as number);
      if ((c.day[i] as number) > to - tail) last[d] = (last[d] as number) + (c.net[i] as number);
    }
    return { total, last, order };
  };
  const now = shares(period.from, period.to);
  const then = shares(period.from - days, period.from - 1);
  const standOut = now.order.flatMap((d) => {
    const [total, last] = [now.total[d] as number, now.last[d] as number];
    if (!scope.payees.has(c.codes[d] as string) || total <= 0 || last <= 0) return [];
    const shareNow = new Exact(last).dividedBy(total);
    const [pastTotal, pastLast] = [then.total[d] as number, then.last[d] as number];
    const norm =
      pastTotal > 0 && pastLast > 0 ? new Exact(pastLast).dividedBy(pastTotal) : new Exact(tail).dividedBy(days);
    if (shareNow.times(100).lessThan(s.spikeMinSharePct) || shareNow.lessThan(norm.times(s.spikeRatio))) return [];
    return [{ d, total, last, norm, spike: [] as number[] }];
  });
  const spikeOf = new Map(standOut.map((p) => [p.d, p.spike]));
  for (let i = 0; i < c.count; i++)
    if (outletInvoice(c, i, lastFrom, period.to)) spikeOf.get(c.distributor[i] as number)?.push(i);
  const returned = db.prepare(
    `SELECT id, net_value AS net, against_doc_no AS against FROM sales
     WHERE distributor_code = ? AND doc_type = 'credit_note' AND doc_date > ? AND doc_date <= ? AND against_doc_no IS NOT NULL`,
  );
  const flags: FlagDraft[] = [];
  for (const { d, total, last, norm, spike } of standOut) {
    const payee = c.codes[d] as string;
    const spikeDocs = new Set(spike.map((i) => c.docNo.at(i) as string));
    const back = (
      returned.all(payee, scope.to, addDays(scope.to, s.spikeReturnsWithinDays)) as {
        id: number;
        net: number;
        against: string;
      }[]
    ).filter((r) => spikeDocs.has(r.against));
    const amount = -back.reduce((n, r) => n + r.net, 0);
    if (new Exact(amount).times(100).lessThan(new Exact(last).times(s.spikeMinReturnedPct))) continue;
    flags.push({
      kind: 'period-end-spike',
      payee,
      scheme: null,
      blocking: false,
      message: `${payee} billed ${pctOf(last, total)}% of its period in the last ${tail} days (its norm ${norm
        .times(100)
        .toDecimalPlaces(
          1,
        )}%), and ${scope.money(amount)} of that ${scope.money(last)} came back within ${s.spikeReturnsWithinDays} days after the period`,
      evidence: { table: 'sales', ids: [...spike.map((i) => c.id[i] as number), ...back.map((r) => r.id)] },
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

/** A document's lines (rows), from its first. */
interface Doc {
  first: number;
  rows: number[];
  amount: number;
}

/**
 * A number that is equal for lines that could be twins — same value, quantity and day — so a
 * million lines are sifted by sorting numbers before any document is compared. Lines that
 * collide by chance only cost a closer look; twins always collide.
 */
const twinKey = (c: SalesColumns, i: number) =>
  ((c.net[i] as number) * 9973 + ((c.qty[i] as number) % 9973)) * 32 + ((c.day[i] as number) & 31);

/**
 * Which keys occur more than once (1 at their places), through a table of the keys addressed by
 * their hash: one pass, where sorting a million keys and then looking each up by halves took
 * two thirds of this check's 0.23 s. Equal keys hash alike, whatever their size.
 */
function repeatedKeys(keys: Float64Array): Uint8Array {
  let bits = 1;
  while (1 << bits < keys.length * 2) bits++;
  const mask = (1 << bits) - 1;
  const firstAt = new Int32Array(1 << bits).fill(-1);
  const slotOf = new Int32Array(keys.length);
  const again = new Uint8Array(1 << bits);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as number;
    let slot = Math.imul((key | 0) ^ Math.imul((key / 4294967296) | 0, 0x85ebca6b), 0x9e3779b1) >>> (32 - bits);
    for (;;) {
      const at = firstAt[slot] as number;
      if (at < 0) {
        firstAt[slot] = k;
        break;
      }
      if (keys[at] === key) {
        again[slot] = 1;
        break;
      }
      slot = (slot + 1) & mask;
    }
    slotOf[k] = slot;
  }
  const repeated = new Uint8Array(keys.length);
  for (let k = 0; k < keys.length; k++) repeated[k] = again[slotOf[k] as number] as number;
  return repeated;
}

/**
 * The same outlet billed the same lines (SKU, qty, value) on the same day under different
 * document numbers. A document can only be a copy when each of its lines has a twin (same
 * value, quantity and day) somewhere, so only documents with such lines are gathered, by payee,
 * day and amount; only where two share those are their lines compared.
 */
export function duplicateInvoices(_db: Database.Database, scope: FactScope): FlagDraft[] {
  const c = salesColumns(scope.sales);
  const { from, to } = periodDays(scope);
  const payees = codeMask(c, scope.payees);
  // The invoice lines of the run's payees dated in its period, by row: typed arrays and plain
  // loops, where an array grown by push and Float64Array.from with a callback took 0.27 s of
  // the 0.65 s this check took over a million lines.
  const { invoice, day, distributor } = c;
  const all = new Int32Array(c.count);
  let count = 0;
  for (let i = 0; i < c.count; i++) {
    const d = day[i] as number;
    if (invoice[i] === 1 && d >= from && d <= to && payees[distributor[i] as number] === 1) all[count++] = i;
  }
  const rows = all.subarray(0, count);
  const keys = new Float64Array(count);
  for (let k = 0; k < count; k++) keys[k] = twinKey(c, rows[k] as number);
  const twins = repeatedKeys(keys);
  const suspect = new Set<string>();
  for (let k = 0; k < count; k++) if (twins[k] === 1) suspect.add(c.docNo.at(rows[k] as number) as string);
  const docs = new Map<number, Map<string, Doc>>();
  for (const row of suspect.size === 0 ? [] : rows) {
    const docNo = c.docNo.at(row) as string;
    if (!suspect.has(docNo)) continue;
    const doc = nested(docs, c.distributor[row] as number, docNo, () => ({
      first: row,
      rows: [] as number[],
      amount: 0,
    }));
    doc.rows.push(row);
    doc.amount += c.net[row] as number;
  }
  const outletOf = (row: number) =>
    (c.outlet[row] as number) < 0 ? null : (c.codes[c.outlet[row] as number] as string);
  const what = (d: Doc) =>
    `${outletOf(d.first)}|${d.rows
      .map((r) => `${c.codes[c.sku[r] as number]} x ${c.qty[r]} = ${c.net[r]}`)
      .sort()
      .join('; ')}`;
  const flags: FlagDraft[] = [];
  for (const [distributor, byNumber] of docs) {
    const payee = c.codes[distributor] as string;
    const alike = new Map<number, Map<number, Doc[]>>();
    for (const doc of byNumber.values())
      nested(alike, c.day[doc.first] as number, doc.amount, () => [] as Doc[]).push(doc);
    for (const byAmount of alike.values())
      for (const candidates of byAmount.values()) {
        if (candidates.length < 2) continue;
        for (const same of groupBy(candidates, what).values()) {
          if (same.length < 2) continue;
          const { first, amount } = same[0] as Doc;
          flags.push({
            kind: 'duplicate-invoice',
            payee,
            scheme: null,
            blocking: false,
            message: `${payee} billed ${outletOf(first) ?? 'itself'} the same lines for ${scope.money(amount)} on ${isoDay(c.day[first] as number)} as ${same
              .map((d) => c.docNo.at(d.first))
              .sort()
              .join(', ')}`,
            evidence: { table: 'sales', ids: same.flatMap((d) => d.rows.map((r) => c.id[r] as number)) },
          });
        }
      }
  }
  return flags;
}

/** What one outlet was billed in the period: the lines (rows) of its only document, while it has one. */
interface OutletBilling {
  distributor: number;
  outlet: number;
  docNo: string;
  rows: number[];
  amount: number;
  once: boolean;
}

/** Outlets billed once in the period for at most `tokenBillValue`: just enough to be counted. */
export function tokenBills(_db: Database.Database, scope: FactScope): FlagDraft[] {
  const most = toScaledInteger(scope.settings.tokenBillValue, 2);
  const c = salesColumns(scope.sales);
  const { from, to } = periodDays(scope);
  const payees = codeMask(c, scope.payees);
  // By outlet alone (an outlet is billed by its own distributor); by distributor too for the rest.
  const billings: OutletBilling[] = [];
  const byOutlet = new Int32Array(c.codes.length).fill(-1);
  const byBoth = new Map<string, number>();
  for (let i = 0; i < c.count; i++) {
    if (!outletInvoice(c, i, from, to) || payees[c.distributor[i] as number] !== 1) continue;
    const [distributor, outlet] = [c.distributor[i] as number, c.outlet[i] as number];
    let at = byOutlet[outlet] as number;
    const other = at >= 0 && (billings[at] as OutletBilling).distributor !== distributor;
    if (other) at = byBoth.get(`${distributor}\u0000${outlet}`) ?? -1;
    const docNo = c.docNo.at(i) as string;
    if (at < 0) {
      at = billings.push({ distributor, outlet, docNo, rows: [i], amount: c.net[i] as number, once: true }) - 1;
      if (other) byBoth.set(`${distributor}\u0000${outlet}`, at);
      else byOutlet[outlet] = at;
      continue;
    }
    const o = billings[at] as OutletBilling;
    if (!o.once) continue;
    if (o.docNo !== docNo) {
      o.once = false;
      o.rows = [];
      continue;
    }
    o.rows.push(i);
    o.amount += c.net[i] as number;
  }
  const byPayee = new Map<number, OutletBilling[]>();
  for (const o of billings) {
    if (!o.once || o.amount <= 0 || o.amount > most) continue;
    const list = byPayee.get(o.distributor);
    if (list) list.push(o);
    else byPayee.set(o.distributor, [o]);
  }
  const flags: FlagDraft[] = [];
  for (const [distributor, token] of byPayee) {
    if (token.length < scope.settings.tokenBillOutlets) continue;
    const payee = c.codes[distributor] as string;
    flags.push({
      kind: 'token-bills',
      payee,
      scheme: null,
      blocking: false,
      message: `${token.length} outlets of ${payee} were billed once in the period, for ${scope.money(most)} or less each: ${token
        .map((o) => c.codes[o.outlet])
        .sort()
        .join(', ')}`,
      evidence: { table: 'sales', ids: token.flatMap((o) => o.rows.map((i) => c.id[i] as number)) },
    });
  }
  return flags;
}

/**
 * Each payee's net sales in the period, to outlets and to itself (paise): the basis of the
 * discount ceiling, kept with the run so an override re-checks it without reading sales again.
 */
export function salesBasis(scope: FactScope): Map<string, { secondary: number; primary: number }> {
  const c = salesColumns(scope.sales);
  const { from, to } = periodDays(scope);
  const payees = codeMask(c, scope.payees);
  const byCode = new Map<number, { secondary: number; primary: number }>();
  for (let i = 0; i < c.count; i++) {
    const d = c.distributor[i] as number;
    if ((c.day[i] as number) < from || (c.day[i] as number) > to || payees[d] !== 1) continue;
    let b = byCode.get(d);
    if (!b) {
      b = { secondary: 0, primary: 0 };
      byCode.set(d, b);
    }
    if ((c.outlet[i] as number) < 0) b.primary += c.net[i] as number;
    else b.secondary += c.net[i] as number;
  }
  return new Map([...byCode].map(([d, b]) => [c.codes[d] as string, b]));
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
  const c = salesColumns(scope.sales);
  const rowOf = rowOfId(c);
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
      const row = rowOf(id);
      const unit = row < 0 ? undefined : costs.get(c.codes[c.sku[row] as number] as string);
      if (unit === undefined) {
        known = false;
        break;
      }
      net += c.net[row] as number;
      // Quantities are thousandths of a unit; the cost is rounded to the paisa once, at the end.
      cost = cost.plus(new Exact(c.qty[row] as number).times(unit).dividedBy(1000));
    }
    if (known && net > 0) basis.push({ payee: line.payee, scheme: line.scheme, net, cost: cost.round().toNumber() });
  }
  return basis;
}
