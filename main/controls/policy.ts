import type Database from 'better-sqlite3';
import { daysBetween } from '../../engine/dates';
import type { Scheme } from '../../engine/model';
import { Exact, toScaledInteger } from '../../engine/money';
import { schemeVersions } from '../schemes/store';
import type { FlagDraft, RunScope } from './signals';

const ids = (text: string | null) => (text ? text.split(',').map(Number) : []);
const pct = (value: Exact) => value.toDecimalPlaces(2).toString();

/**
 * Over-discounting: everything the run pays a distributor (overrides included), as a share of
 * its net sales in the period (run_sales_basis, kept by flagRun) — to outlets where it has any,
 * else its own purchases — against
 * the ceiling: the workspace's, or the lowest of those set for its channel and class.
 */
export function overDiscount(db: Database.Database, scope: RunScope): FlagDraft[] {
  const rows = db
    .prepare(
      `WITH paid AS (
         SELECT payee, min(channel) AS channel, min(class) AS class, sum(payable) AS paid, group_concat(id) AS ids
         FROM payable_lines WHERE run_id = ? GROUP BY payee),
       sold AS (SELECT payee, secondary, "primary" FROM run_sales_basis WHERE run_id = ?)
       SELECT p.payee, p.channel, p.class, p.paid, p.ids, coalesce(s.secondary, 0) AS secondary, coalesce(s."primary", 0) AS "primary"
       FROM paid p LEFT JOIN sold s ON s.payee = p.payee WHERE p.paid > 0`,
    )
    .all(scope.run, scope.run) as {
    payee: string;
    channel: string | null;
    class: string | null;
    paid: number;
    ids: string;
    secondary: number;
    primary: number;
  }[];
  const s = scope.settings;
  const flags: FlagDraft[] = [];
  for (const r of rows) {
    const specific = [
      r.channel === null ? undefined : s.discountCeilingByChannel[r.channel],
      r.class === null ? undefined : s.discountCeilingByClass[r.class],
    ].filter((c): c is string => c !== undefined);
    const ceiling = specific.length > 0 ? Exact.min(...specific) : new Exact(s.discountCeilingPct);
    const sales = r.secondary !== 0 ? r.secondary : r.primary;
    const basis = r.secondary !== 0 ? 'sales to outlets' : 'purchases';
    if (sales > 0 && new Exact(r.paid).times(100).lessThanOrEqualTo(ceiling.times(sales))) continue;
    const share = sales > 0 ? `${pct(new Exact(r.paid).times(100).dividedBy(sales))}%` : 'all';
    flags.push({
      kind: 'over-discount',
      payee: r.payee,
      scheme: null,
      blocking: true,
      message: `The run pays ${r.payee} ${scope.money(r.paid)}: ${share} of its net ${basis} of ${scope.money(sales)} in the period, above the ceiling of ${ceiling}%`,
      evidence: { table: 'payout_lines', ids: ids(r.ids) },
    });
  }
  return flags;
}

/**
 * Budget burn per scheme: what the run pays under it against its budget. Paying more than the
 * budget — or, for a run made before the scheme's period ends, heading there at the pace of the
 * days its data covers — is a breach; reaching `budgetWarnPct` of it is a warning.
 */
export function budgetBurn(db: Database.Database, scope: RunScope): FlagDraft[] {
  const rows = db
    .prepare(
      `SELECT scheme_code AS scheme, scheme_version_id AS version, sum(payable) AS paid, group_concat(id) AS ids
       FROM payable_lines WHERE run_id = ? GROUP BY scheme_code, scheme_version_id`,
    )
    .all(scope.run) as { scheme: string; version: number; paid: number; ids: string }[];
  const schemes = schemeVersions(
    db,
    rows.map((r) => r.version),
  );
  const lastSale = db.prepare('SELECT max(doc_date) FROM sales WHERE doc_date BETWEEN ? AND ?').pluck();
  const flags: FlagDraft[] = [];
  for (const r of rows) {
    const scheme = schemes.get(r.version) as Scheme;
    if (!scheme.budget) continue;
    const budget = toScaledInteger(scheme.budget.amount, 2);
    if (budget <= 0) continue;
    const burn = new Exact(r.paid).times(100).dividedBy(budget);
    const through = lastSale.get(scheme.period.from, scheme.period.to) as string | null;
    const days = daysBetween(scheme.period.from, scheme.period.to) + 1;
    const covered = through ? daysBetween(scheme.period.from, through) + 1 : days;
    const forecast = covered < days ? new Exact(r.paid).times(days).dividedBy(covered).round() : null;
    const base = {
      payee: null,
      scheme: r.scheme,
      evidence: { table: 'payout_lines' as const, ids: ids(r.ids) },
    };
    const paid = `The run pays ${scope.money(r.paid)} under ${r.scheme}: ${pct(burn)}% of its budget of ${scope.money(budget)}`;
    if (r.paid > budget) flags.push({ ...base, kind: 'over-budget', blocking: true, message: paid });
    else if (forecast?.greaterThan(budget))
      flags.push({
        ...base,
        kind: 'over-budget',
        blocking: true,
        message: `${paid}, with data through ${through} of a period ending ${scheme.period.to}; at that pace the period would pay ${scope.money(BigInt(forecast.toFixed(0)))}`,
      });
    else if (burn.greaterThanOrEqualTo(scope.settings.budgetWarnPct))
      flags.push({ ...base, kind: 'budget-burn', blocking: false, message: paid });
  }
  return flags;
}

/**
 * The margin floor: what a distributor keeps on a scheme's products — their net sales, less
 * their cost at the products' unit cost, less what the run pays under the scheme — as a share of
 * those sales, against `marginFloorPct`. Off until a floor is set; pairs whose cost is not known
 * (run_margin_basis, kept by flagRun) are not checked.
 */
export function marginFloor(db: Database.Database, scope: RunScope): FlagDraft[] {
  const floor = scope.settings.marginFloorPct;
  if (floor === null) return [];
  const rows = db
    .prepare(
      `SELECT b.payee, b.scheme_code AS scheme, b.net, b.cost, sum(l.payable) AS paid, group_concat(l.id) AS ids
       FROM run_margin_basis b JOIN payable_lines l ON l.run_id = b.run_id AND l.payee = b.payee AND l.scheme_code = b.scheme_code
       WHERE b.run_id = ? GROUP BY b.payee, b.scheme_code`,
    )
    .all(scope.run) as { payee: string; scheme: string; net: number; cost: number; paid: number; ids: string }[];
  const flags: FlagDraft[] = [];
  for (const r of rows) {
    const kept = new Exact(r.net - r.cost - r.paid).times(100).dividedBy(r.net);
    if (r.paid <= 0 || kept.greaterThanOrEqualTo(floor)) continue;
    flags.push({
      kind: 'margin-floor',
      payee: r.payee,
      scheme: r.scheme,
      blocking: true,
      message: `After ${scope.money(r.paid)} under ${r.scheme}, ${r.payee} keeps ${pct(kept)}% on the scheme's sales of ${scope.money(
        r.net,
      )} (cost ${scope.money(r.cost)}), under the floor of ${floor}%`,
      evidence: { table: 'payout_lines', ids: ids(r.ids) },
    });
  }
  return flags;
}

/** A status that says a distributor is not trading: inactive, blocked, suspended, terminated and the like. */
export const notTrading = (status: string | null): boolean =>
  status !== null &&
  /\b(inactive|in active|not active|non[- ]?active|blocked?|blacklisted|suspended|terminated|closed|discontinued|dormant|disabled|deactivated|on hold|frozen|exited|delisted|cancell?ed|stopped)\b/i.test(
    status,
  );

/**
 * A payee the distributors master says is not trading (its status Inactive, Blocked, Suspended,
 * Terminated …) paid anything by the run: it may have earned it before it stopped, or be the
 * wrong party to pay, which only a person can tell. A breach, acknowledged with the reason.
 */
export function inactivePayee(db: Database.Database, scope: RunScope): FlagDraft[] {
  const rows = db
    .prepare(
      `SELECT p.payee, d.status, sum(p.payable) AS paid, group_concat(p.id) AS ids
       FROM payable_lines p JOIN distributors d ON d.code = p.payee
       WHERE p.run_id = ? AND d.status IS NOT NULL GROUP BY p.payee, d.status HAVING sum(p.payable) > 0`,
    )
    .all(scope.run) as { payee: string; status: string; paid: number; ids: string }[];
  return rows
    .filter((r) => notTrading(r.status))
    .map((r) => ({
      kind: 'inactive-payee' as const,
      payee: r.payee,
      scheme: null,
      blocking: true,
      message: `The run pays ${r.payee} ${scope.money(r.paid)}, but the distributors master gives its status as "${r.status}": pay it only what it earned while it traded`,
      evidence: { table: 'payout_lines' as const, ids: ids(r.ids) },
    }));
}
