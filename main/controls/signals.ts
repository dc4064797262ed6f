import type Database from 'better-sqlite3';
import { addDays, daysBetween } from '../../engine/dates';
import { Exact, toScaledInteger } from '../../engine/money';
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

/** The run a control looks at: its period and the payees it pays. */
export interface RunScope {
  run: number;
  from: string;
  to: string;
  payees: ReadonlySet<string>;
  settings: ControlSettings;
  /** Paise as the workspace writes money: ₹1,23,456.70 under en-IN. */
  money: (paise: number | bigint) => string;
}

const ids = (text: string | null) => (text ? text.split(',').map(Number) : []);
const pctOf = (part: number, whole: number) =>
  whole === 0 ? '0' : new Exact(part).times(100).dividedBy(whole).toDecimalPlaces(1).toString();

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
  const billed = new Set(
    db
      .prepare(
        `SELECT DISTINCT outlet_code FROM sales WHERE doc_date BETWEEN ? AND ? AND outlet_code IS NOT NULL AND doc_type = 'invoice'`,
      )
      .pluck()
      .all(scope.from, scope.to) as string[],
  );
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

/** Outlets whose first bill ever falls in the last `lateFirstBillDays` of the period, from `lateFirstBillOutlets` per distributor. */
export function lateFirstBills(db: Database.Database, scope: RunScope): FlagDraft[] {
  const { lateFirstBillDays: days, lateFirstBillOutlets: minimum } = scope.settings;
  const since = addDays(scope.to, 1 - days);
  const rows = db
    .prepare(
      `WITH first AS (
         SELECT outlet_code, min(doc_date) AS day FROM sales
         WHERE doc_type = 'invoice' AND outlet_code IS NOT NULL AND doc_date <= ? GROUP BY outlet_code)
       SELECT s.distributor_code AS payee, count(DISTINCT s.outlet_code) AS outlets,
         group_concat(DISTINCT s.outlet_code) AS codes, group_concat(s.id) AS ids
       FROM first f JOIN sales s ON s.outlet_code = f.outlet_code AND s.doc_date = f.day AND s.doc_type = 'invoice'
       WHERE f.day BETWEEN ? AND ?
       GROUP BY s.distributor_code HAVING count(DISTINCT s.outlet_code) >= ?`,
    )
    .all(scope.to, since, scope.to, minimum) as { payee: string; outlets: number; codes: string; ids: string }[];
  return rows
    .filter((r) => scope.payees.has(r.payee))
    .map((r) => ({
      kind: 'late-first-bill',
      payee: r.payee,
      scheme: null,
      blocking: false,
      message: `${r.outlets} outlets of ${r.payee} were billed for the first time in the last ${days} days of the period: ${r.codes.split(',').sort().join(', ')}`,
      evidence: { table: 'sales', ids: ids(r.ids) },
    }));
}

/**
 * A period-end spike that came back: the payee's share of its billing in the last `spikeDays`
 * is at least `spikeMinSharePct` and `spikeRatio` times its norm (that share in the period
 * before, of equal length, where it billed then; else the days' share of the period), and
 * returns after the period, within `spikeReturnsWithinDays`, took back at least
 * `spikeMinReturnedPct` of the spike.
 */
export function periodEndSpikes(db: Database.Database, scope: RunScope): FlagDraft[] {
  const s = scope.settings;
  const days = daysBetween(scope.from, scope.to) + 1;
  const tail = Math.min(s.spikeDays, days);
  const lastFrom = addDays(scope.to, 1 - tail);
  const before = { from: addDays(scope.from, -days), to: addDays(scope.from, -1) };
  const share = db.prepare(
    `SELECT distributor_code AS payee, sum(net_value) AS total,
       coalesce(sum(CASE WHEN doc_date >= ? THEN net_value END), 0) AS last
     FROM sales WHERE doc_type = 'invoice' AND outlet_code IS NOT NULL AND doc_date BETWEEN ? AND ?
     GROUP BY distributor_code`,
  );
  type Share = { payee: string; total: number; last: number };
  const now = share.all(lastFrom, scope.from, scope.to) as Share[];
  const then = new Map(
    (share.all(addDays(before.to, 1 - tail), before.from, before.to) as Share[]).map((r) => [r.payee, r]),
  );
  const returned = db.prepare(
    `SELECT coalesce(-sum(c.net_value), 0) AS amount, group_concat(c.id) AS ids FROM sales c
     WHERE c.distributor_code = ? AND c.doc_type = 'credit_note' AND c.doc_date > ? AND c.doc_date <= ?
       AND c.against_doc_no IN (SELECT doc_no FROM sales i WHERE i.distributor_code = c.distributor_code
         AND i.doc_type = 'invoice' AND i.doc_date BETWEEN ? AND ?)`,
  );
  const spikeIds = db
    .prepare(
      `SELECT group_concat(id) FROM sales WHERE distributor_code = ? AND doc_type = 'invoice' AND outlet_code IS NOT NULL
         AND doc_date BETWEEN ? AND ?`,
    )
    .pluck();
  const flags: FlagDraft[] = [];
  for (const r of now) {
    if (!scope.payees.has(r.payee) || r.total <= 0 || r.last <= 0) continue;
    const shareNow = new Exact(r.last).dividedBy(r.total);
    const past = then.get(r.payee);
    const norm =
      past && past.total > 0 && past.last > 0
        ? new Exact(past.last).dividedBy(past.total)
        : new Exact(tail).dividedBy(days);
    if (shareNow.times(100).lessThan(s.spikeMinSharePct) || shareNow.lessThan(norm.times(s.spikeRatio))) continue;
    const back = returned.get(r.payee, scope.to, addDays(scope.to, s.spikeReturnsWithinDays), lastFrom, scope.to) as {
      amount: number;
      ids: string | null;
    };
    if (new Exact(back.amount).times(100).lessThan(new Exact(r.last).times(s.spikeMinReturnedPct))) continue;
    flags.push({
      kind: 'period-end-spike',
      payee: r.payee,
      scheme: null,
      blocking: false,
      message: `${r.payee} billed ${pctOf(r.last, r.total)}% of its period in the last ${tail} days (its norm ${norm
        .times(100)
        .toDecimalPlaces(
          1,
        )}%), and ${scope.money(back.amount)} of that ${scope.money(r.last)} came back within ${s.spikeReturnsWithinDays} days after the period`,
      evidence: {
        table: 'sales',
        ids: [...ids(spikeIds.get(r.payee, lastFrom, scope.to) as string | null), ...ids(back.ids)],
      },
    });
  }
  return flags;
}

/** The same outlet billed the same lines (SKU, qty, value) on the same day under different document numbers. */
export function duplicateInvoices(db: Database.Database, scope: RunScope): FlagDraft[] {
  const rows = db
    .prepare(
      `WITH docs AS (
         SELECT distributor_code AS payee, outlet_code AS outlet, doc_no, doc_date, sum(net_value) AS amount,
           group_concat(sku || ' x ' || qty || ' = ' || net_value, '; ' ORDER BY sku, qty, net_value) AS lines,
           group_concat(id) AS ids
         FROM sales WHERE doc_type = 'invoice' AND doc_date BETWEEN ? AND ?
         GROUP BY distributor_code, doc_no, doc_date)
       SELECT payee, outlet, doc_date AS day, amount, group_concat(doc_no, ', ') AS docs, group_concat(ids) AS ids
       FROM docs GROUP BY payee, outlet, doc_date, amount, lines HAVING count(*) >= 2`,
    )
    .all(scope.from, scope.to) as {
    payee: string;
    outlet: string | null;
    day: string;
    amount: number;
    docs: string;
    ids: string;
  }[];
  return rows
    .filter((r) => scope.payees.has(r.payee))
    .map((r) => ({
      kind: 'duplicate-invoice',
      payee: r.payee,
      scheme: null,
      blocking: false,
      message: `${r.payee} billed ${r.outlet ?? 'itself'} the same lines for ${scope.money(r.amount)} on ${r.day} as ${r.docs}`,
      evidence: { table: 'sales', ids: ids(r.ids) },
    }));
}

/** Outlets billed once in the period for at most `tokenBillValue`: just enough to be counted. */
export function tokenBills(db: Database.Database, scope: RunScope): FlagDraft[] {
  const most = toScaledInteger(scope.settings.tokenBillValue, 2);
  const rows = db
    .prepare(
      `WITH outlet AS (
         SELECT distributor_code AS payee, outlet_code, count(DISTINCT doc_no) AS bills, sum(net_value) AS amount,
           group_concat(id) AS ids
         FROM sales WHERE doc_type = 'invoice' AND outlet_code IS NOT NULL AND doc_date BETWEEN ? AND ?
         GROUP BY distributor_code, outlet_code)
       SELECT payee, count(*) AS outlets, group_concat(outlet_code) AS codes, group_concat(ids) AS ids FROM outlet
       WHERE bills = 1 AND amount > 0 AND amount <= ? GROUP BY payee HAVING count(*) >= ?`,
    )
    .all(scope.from, scope.to, most, scope.settings.tokenBillOutlets) as {
    payee: string;
    outlets: number;
    codes: string;
    ids: string;
  }[];
  return rows
    .filter((r) => scope.payees.has(r.payee))
    .map((r) => ({
      kind: 'token-bills',
      payee: r.payee,
      scheme: null,
      blocking: false,
      message: `${r.outlets} outlets of ${r.payee} were billed once in the period, for ${scope.money(toScaledInteger(scope.settings.tokenBillValue, 2))} or less each: ${r.codes.split(',').sort().join(', ')}`,
      evidence: { table: 'sales', ids: ids(r.ids) },
    }));
}
