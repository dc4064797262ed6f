import type Database from 'better-sqlite3';

/**
 * A calculated run of `size` payout lines over the workspace's own distributors and scheme
 * versions, written straight into SQLite (the engine is not what these tests and benchmarks
 * measure): payees in turn, a scheme per block of lines, amounts and measures that vary.
 */
export function syntheticRun(db: Database.Database, size: number): number {
  const run = Number(
    db
      .prepare(
        `INSERT INTO runs (period_from, period_to, status, engine_version, scheme_versions, inputs, line_count, total, created_by, created_at)
         VALUES ('2026-10-01', '2026-10-31', 'draft', '1.0.0', '[]', '[]', ?, 0, 'priya', '2026-11-01T09:00:00Z')`,
      )
      .run(size).lastInsertRowid,
  );
  db.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
     INSERT INTO payout_lines (run_id, scheme_version_id, scheme_code, payee, payee_name, region, channel, class, kind, measure, unit,
       target, achievement, slab, slab_label, computed, final, adjustments, near_miss, explanation, source_table, source_ids, effective_rate)
     SELECT ?, v.id, v.code, d.code, d.name, d.region, d.channel, d.class, 'payout', (i * 37 % 100000) || '.50', 'money',
       NULL, NULL, 1, 'slab 1', i * 7919 % 1000000, i * 7919 % 1000000, '[]',
       '{"needed":"1200.5","basis":"measure","wouldPay":"1500.00","nextSlab":1}', 'synthetic line', 'sales', x'', '0'
     FROM n JOIN distributors d ON d.id = 1 + (i % (SELECT count(*) FROM distributors))
       JOIN scheme_versions v ON v.id = 1 + ((i / (SELECT count(*) FROM distributors)) % (SELECT count(*) FROM scheme_versions))`,
  ).run(size, run);
  db.prepare(
    "UPDATE runs SET status = 'calculated', total = (SELECT sum(final) FROM payout_lines WHERE run_id = ?) WHERE id = ?",
  ).run(run, run);
  return run;
}
