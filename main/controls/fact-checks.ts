import type Database from 'better-sqlite3';
import { paiseToRupees } from '../../engine/money';
import { formatMoney } from '../format/numbers';
import { moneyAndDates } from '../settings/money-and-dates';
import { controlSettings } from './settings';
import {
  duplicateInvoices,
  type FactScope,
  type FlagDraft,
  lateFirstBills,
  periodEndSpikes,
  salesBasis,
  sharedIdentity,
  tokenBills,
} from './signals';

/**
 * The anomaly signals that read only the facts (the sales lines, the outlets), not what the run
 * pays. Each looks at every payee on its own, so what they find for all of a workspace's
 * distributors, kept to a run's payees, is what they find for those payees alone.
 */
const factSignals = [sharedIdentity, lateFirstBills, periodEndSpikes, duplicateInvoices, tokenBills];

/** What the fact signals find over a period, and each distributor's sales basis: for every distributor. */
export interface FactChecks {
  flags: FlagDraft[];
  basis: [payee: string, basis: { secondary: number; primary: number }][];
}

/** Paise as the workspace writes money: ₹1,23,456.70 under en-IN. */
export function moneyOf(db: Database.Database): FactScope['money'] {
  const { currency, locale } = moneyAndDates(db);
  return (paise) => formatMoney(paiseToRupees(paise), currency, locale);
}

/** The fact checks of the period over these sales lines, for every distributor of the workspace. */
export function factChecks(
  db: Database.Database,
  period: { from: string; to: string },
  sales: FactScope['sales'],
): FactChecks {
  const scope: FactScope = {
    ...period,
    payees: new Set(db.prepare('SELECT code FROM distributors').pluck().all() as string[]),
    settings: controlSettings(db),
    money: moneyOf(db),
    sales,
  };
  return { flags: factSignals.flatMap((signal) => signal(db, scope)), basis: [...salesBasis(scope)] };
}

/**
 * The fact checks kept with the sales lines they read. A kept run worker hands the same lines to a
 * run and its recalculation while the workspace stands still (facts-cache.ts), and over the same
 * lines, period, settings and money format the answer is the same.
 */
const keptIn = new WeakMap<FactScope['sales'], Map<string, FactChecks>>();
const keyOf = (db: Database.Database, period: { from: string; to: string }) =>
  JSON.stringify([period.from, period.to, controlSettings(db), moneyAndDates(db)]);

/** The fact checks kept for these lines and period, if any. */
export function keptFactChecks(
  db: Database.Database,
  period: { from: string; to: string },
  sales: FactScope['sales'],
): FactChecks | undefined {
  return keptIn.get(sales)?.get(keyOf(db, period));
}

/** The fact checks for these lines and period: kept, else `found` (worked out beside the run), else worked out here. */
export function factChecksOf(
  db: Database.Database,
  period: { from: string; to: string },
  sales: FactScope['sales'],
  found?: FactChecks | null,
): FactChecks {
  const key = keyOf(db, period);
  const kept = keptIn.get(sales) ?? new Map<string, FactChecks>();
  keptIn.set(sales, kept);
  let checks = kept.get(key);
  if (checks === undefined) {
    checks = found ?? factChecks(db, period, sales);
    kept.set(key, checks);
  }
  return checks;
}
