import type { Migration } from '../migration';

/**
 * A distributor's claims against a run (controls/claims.ts): what each payee claims under each
 * scheme, as the claim file gave it, reconciled with what the run pays whenever it is read.
 */
export const runClaims: Migration = {
  version: 16,
  name: 'run claims',
  up(db) {
    db.exec(`
      CREATE TABLE run_claims (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES runs(id),
        file TEXT NOT NULL,
        row INTEGER NOT NULL,
        payee TEXT NOT NULL,
        scheme_code TEXT NOT NULL,
        claimed TEXT NOT NULL,
        claimed_measure TEXT,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX run_claims_run ON run_claims (run_id, payee);
    `);
  },
};
