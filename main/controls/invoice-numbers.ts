import type Database from 'better-sqlite3';
import { groupBy } from '../../engine/facts';
import type { Scheme } from '../../engine/model';
import { likelyShown } from '../import/bill-numbers';
import { schemeVersions } from '../schemes/store';

/** How many of the numbers a flag's message quotes. */
const QUOTED = 3;

/** The most days an early-payment measure of the scheme gives (its own, or one its formula reads), or null. */
export function earlyPaymentDays(scheme: Scheme): number | null {
  const days = [scheme.measure, ...Object.values(scheme.measures ?? {})].flatMap((m) =>
    m.kind === 'early_payment' ? [m.withinDays] : [],
  );
  return days.length === 0 ? null : Math.max(...days);
}

/** The numbers a flag quotes, as written and as the invoice writes them: `"123" for "INV/00123", … and 2 more`. */
export function quotedPairs(mismatched: readonly { against: string; invoice: string }[]): string {
  const pairs = [...new Map(mismatched.map((r) => [r.against, r.invoice])).entries()];
  const quoted = pairs
    .slice(0, QUOTED)
    .map(([text, as]) => likelyShown({ text, as }))
    .join(', ');
  return pairs.length > QUOTED ? `${quoted} and ${pairs.length - QUOTED} more` : quoted;
}

/**
 * The schemes a run pays on, each with its payees: of every line, or of the lines measured on one
 * table (`payments`: early payment's). A run holds one version of each scheme.
 */
export function runSchemes(
  db: Database.Database,
  run: number,
  table?: 'sales' | 'payments',
): { code: string; scheme: Scheme; payees: string[] }[] {
  const lines = db
    .prepare(
      `SELECT scheme_code AS code, scheme_version_id AS version, payee FROM payout_lines
       WHERE run_id = ? AND (? IS NULL OR source_table = ?) GROUP BY scheme_code, scheme_version_id, payee`,
    )
    .all(run, table ?? null, table ?? null) as { code: string; version: number; payee: string }[];
  const schemes = schemeVersions(
    db,
    lines.map((l) => l.version),
  );
  return [...groupBy(lines, (l) => l.code)].map(([code, own]) => ({
    code,
    scheme: schemes.get((own[0] as (typeof lines)[number]).version) as Scheme,
    payees: [...new Set(own.map((l) => l.payee))],
  }));
}
