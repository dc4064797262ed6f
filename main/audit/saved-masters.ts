import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/**
 * The masters as the columns that decide who is paid and how: a distributor's class, region or
 * channel picks its slab table and eligibility, an outlet's channel and creation day what it counts
 * for, a product's brand and category which schemes read it. Named columns, not `*`: a column a
 * later migration adds changes no digest the chain already holds.
 */
const mastersSql = [
  `SELECT code, name, region, area, territory, channel, class, gstin, phone, address, onboarded_on, status,
     ledger_name, batch_id FROM distributors ORDER BY code`,
  `SELECT code, name, distributor_code, channel, class, town, address, phone, gstin, created_on, batch_id
   FROM outlets ORDER BY code`,
  `SELECT sku, name, brand, category, subcategory, uom, pack_size, mrp, unit_cost, launch_date, case_units, batch_id
   FROM products ORDER BY sku`,
];

/** One digest of the distributors, outlets and products as they are now. */
export function mastersDigest(db: Database.Database): string {
  const hash = createHash('sha256');
  for (const sql of mastersSql) {
    // Fields apart by a unit separator, a missing one as NUL (text never holds either).
    for (const row of db.prepare(sql).raw(true).iterate() as IterableIterator<unknown[]>)
      hash.update(`${row.map((v) => (v === null ? '\u0000' : v)).join('\u001f')}\u001e`);
    hash.update('\u001d');
  }
  return hash.digest('hex');
}

/**
 * The masters against the chain: every import and rollback writes their digest before and after
 * it, so a change made with SQL shows as the masters differing from the last step's, or — once a
 * later import has run over it — as a step beginning from other masters than the one before it
 * left. Steps written before the digest cannot be told, and pass. `current` asks only whether the
 * masters are still those the last step left: what a run would read.
 */
export function mastersProblems(db: Database.Database, scope: 'all' | 'current' = 'all'): string[] {
  const steps = db
    .prepare(
      `SELECT subject, json_extract(after, '$.masters.before') AS before, json_extract(after, '$.masters.after') AS after
       FROM audit_log WHERE action IN ('import.run', 'import.rollback') AND json_valid(after)
         AND json_extract(after, '$.masters') IS NOT NULL ORDER BY seq`,
    )
    .all() as { subject: string; before: string; after: string }[];
  const problems: string[] = [];
  steps.forEach((step, i) => {
    const previous = steps[i - 1];
    if (scope === 'all' && previous && previous.after !== step.before)
      problems.push(
        `the masters were changed outside SchemeDesk before ${step.subject.replace(/:.*/, '')} was imported or rolled back`,
      );
  });
  const last = steps.at(-1);
  if (last && last.after !== mastersDigest(db))
    problems.push('the masters were changed outside SchemeDesk since the last import');
  return problems;
}
