import type { Migration } from '../migration';

/**
 * Schemes as versioned data, and runs with their payout lines. A run records the scheme
 * versions and input batches it used and the engine version, so it can be reproduced.
 */
export const schemes: Migration = {
  version: 5,
  name: 'schemes',
  up(db) {
    db.exec(`
      CREATE TABLE schemes (
        code TEXT PRIMARY KEY,
        current_version INTEGER NOT NULL,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired'))
      ) STRICT;
      CREATE TABLE scheme_versions (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL REFERENCES schemes(code),
        version INTEGER NOT NULL,
        definition TEXT NOT NULL,
        saved_by TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        UNIQUE (code, version)
      ) STRICT;
      CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        period_from TEXT NOT NULL,
        period_to TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'calculated',
        engine_version TEXT NOT NULL,
        scheme_versions TEXT NOT NULL,
        inputs TEXT NOT NULL,
        line_count INTEGER NOT NULL,
        total INTEGER NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE payout_lines (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES runs(id),
        scheme_version_id INTEGER NOT NULL REFERENCES scheme_versions(id),
        scheme_code TEXT NOT NULL,
        payee TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('payout', 'clawback')),
        measure TEXT NOT NULL,
        unit TEXT NOT NULL,
        target TEXT,
        achievement TEXT,
        slab INTEGER,
        slab_label TEXT,
        computed INTEGER NOT NULL,
        final INTEGER NOT NULL,
        adjustments TEXT NOT NULL,
        near_miss TEXT,
        explanation TEXT NOT NULL,
        source_table TEXT NOT NULL,
        source_ids BLOB NOT NULL,
        effective_rate TEXT NOT NULL
      ) STRICT;
      CREATE INDEX payout_lines_run ON payout_lines (run_id, scheme_code, payee);
    `);
  },
};
