import type Database from 'better-sqlite3';
import { controlSettings, controlSettingsSchema } from '../controls/settings';
import { moneyAndDates, startingMoneyAndDates } from '../settings/money-and-dates';

/**
 * The settings that decide what is flagged and how an approved run is posted — the control
 * thresholds, the workspace's currency and locale, the export profiles — against what their
 * audited saves wrote: each is saved only through the app, which writes the change into the
 * chain, so one written with SQL differs from what the chain replays.
 */

/** A setting as the chain's saves of it make it: each save's changed fields over the last. */
function replayed(db: Database.Database, action: string): Record<string, unknown> {
  const saves = db.prepare('SELECT after FROM audit_log WHERE action = ? ORDER BY seq').pluck().all(action) as (
    | string
    | null
  )[];
  return Object.assign({}, ...saves.map((after) => (after === null ? {} : JSON.parse(after))));
}

/**
 * The control thresholds against what their audited saves make them: a ceiling raised with SQL
 * would let a breach through unflagged, with nothing for the approver to acknowledge or see.
 */
export function thresholdProblems(db: Database.Database): string[] {
  const known = Object.keys(controlSettingsSchema.shape);
  const saved = Object.entries(replayed(db, 'controls.save')).filter(([key]) => known.includes(key));
  const logged = JSON.stringify(controlSettingsSchema.parse(Object.fromEntries(saved)));
  return logged === storedThresholds(db) ? [] : ['the control thresholds were changed outside SchemeDesk'];
}

/** The stored thresholds as text, or null where they are no thresholds at all (text SQL wrote that does not parse). */
function storedThresholds(db: Database.Database): string | null {
  try {
    return JSON.stringify(controlSettings(db));
  } catch {
    return null;
  }
}

/** The workspace's currency and locale against what their audited saves make them: every export writes them. */
export function moneyProblems(db: Database.Database): string[] {
  const logged = { ...startingMoneyAndDates, ...replayed(db, 'settings.save') };
  const now = moneyAndDates(db);
  return logged.currency === now.currency && logged.locale === now.locale
    ? []
    : ["the workspace's currency or locale was changed outside SchemeDesk"];
}

/**
 * Each saved export profile (or the one named) against its last audited save: a profile rewritten
 * with SQL would post an approved run to other accounts (its expense account, how parties are named).
 */
export function exportProfileProblems(db: Database.Database, name?: string): string[] {
  const rows = db
    .prepare(
      `SELECT p.name, p.settings, (
         SELECT a.after FROM audit_log a
         WHERE a.action = 'export.profile' AND lower(a.subject) = lower('export profile ' || p.name)
         ORDER BY a.seq DESC LIMIT 1) AS logged
       FROM export_profiles p WHERE @name IS NULL OR p.name = @name ORDER BY p.name`,
    )
    .all({ name: name?.trim() ?? null }) as { name: string; settings: string; logged: string | null }[];
  return rows
    .filter((r) => r.logged !== r.settings)
    .map((r) => `export profile "${r.name}" was changed outside SchemeDesk`);
}
