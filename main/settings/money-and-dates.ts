import type Database from 'better-sqlite3';
import { appendAudit } from '../audit/log';
import { setting } from '../workspace';

/** How the workspace writes money and dates: its currency (ISO 4217) and locale (BCP 47). */
export interface MoneyAndDates {
  currency: string;
  locale: string;
}

export class SettingsError extends Error {}

/** What a workspace starts with (migration 1 writes them), and what a missing setting reads as. */
export const startingMoneyAndDates: MoneyAndDates = { currency: 'INR', locale: 'en-IN' };

export function moneyAndDates(db: Database.Database): MoneyAndDates {
  return {
    currency: setting(db, 'currency') ?? startingMoneyAndDates.currency,
    locale: setting(db, 'locale') ?? startingMoneyAndDates.locale,
  };
}

/** The locale's canonical name, or a refusal naming what was given. */
function checkedLocale(locale: string): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(locale.trim());
    if (canonical && Intl.NumberFormat.supportedLocalesOf(canonical).length > 0) return canonical;
  } catch {
    // refused below
  }
  throw new SettingsError(`"${locale}" is not a locale this machine knows (say en-IN, en-US or hi-IN)`);
}

function checkedCurrency(currency: string): string {
  const code = currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code) || !(Intl.supportedValuesOf?.('currency') ?? [code]).includes(code))
    throw new SettingsError(`"${currency}" is not a currency code (say INR, USD or AED)`);
  return code;
}

/**
 * Changes the workspace's currency and locale (an Admin's decision; audited). Every screen,
 * statement and export writes money and dates this way from then on; amounts themselves are
 * unchanged, since they are stored as integer minor units.
 */
export function saveMoneyAndDates(db: Database.Database, changes: Partial<MoneyAndDates>, user: string): MoneyAndDates {
  const before = moneyAndDates(db);
  const after = {
    currency: changes.currency === undefined ? before.currency : checkedCurrency(changes.currency),
    locale: changes.locale === undefined ? before.locale : checkedLocale(changes.locale),
  };
  db.transaction(() => {
    const put = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    put.run('currency', after.currency);
    put.run('locale', after.locale);
    appendAudit(db, { user, action: 'settings.save', subject: 'money and dates', before, after });
  }).immediate();
  return after;
}
