import { recordGuards } from '../../audit/integrity';
import type { Migration } from '../migration';

const lockedRun = "('submitted', 'approved', 'exported', 'reversed')";

/**
 * What the controls found in a run (controls/): anomaly signals that carry their evidence, and
 * policy breaches that block submission until a preparer acknowledges them with a reason. A
 * run's flags are replaced when it is recalculated, and locked with its lines once it is
 * submitted: no flag of a submitted run is added, changed, acknowledged or removed.
 */
export const runFlags: Migration = {
  version: 14,
  name: 'run flags',
  up(db) {
    db.exec(`
      CREATE TABLE run_flags (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES runs(id),
        kind TEXT NOT NULL,
        payee TEXT,
        scheme_code TEXT,
        blocking INTEGER NOT NULL CHECK (blocking IN (0, 1)),
        message TEXT NOT NULL,
        evidence TEXT NOT NULL,
        acknowledged_by TEXT,
        acknowledged_by_id INTEGER REFERENCES users(id),
        acknowledged_at TEXT,
        acknowledgement TEXT,
        CHECK ((acknowledged_by IS NULL) = (acknowledgement IS NULL))
      ) STRICT;
      CREATE INDEX run_flags_run ON run_flags (run_id, payee);
      -- Each payee's net sales in the run's period (paise): the basis of the discount ceiling,
      -- kept so an override re-checks the ceiling without reading the sales again.
      CREATE TABLE run_sales_basis (
        run_id INTEGER NOT NULL REFERENCES runs(id),
        payee TEXT NOT NULL,
        secondary INTEGER NOT NULL,
        "primary" INTEGER NOT NULL,
        PRIMARY KEY (run_id, payee)
      ) STRICT;
      -- Per payee and scheme, the net value and the cost (paise) of the sales lines the scheme
      -- measured, where products have a unit cost: the basis of the margin floor.
      CREATE TABLE run_margin_basis (
        run_id INTEGER NOT NULL REFERENCES runs(id),
        payee TEXT NOT NULL,
        scheme_code TEXT NOT NULL,
        net INTEGER NOT NULL,
        cost INTEGER NOT NULL,
        PRIMARY KEY (run_id, payee, scheme_code)
      ) STRICT;
    `);
    for (const [event, row] of [
      ['INSERT', 'NEW'],
      ['UPDATE', 'OLD'],
      ['DELETE', 'OLD'],
    ] as const) {
      db.exec(`
        CREATE TRIGGER flags_locked_${event.toLowerCase()} BEFORE ${event} ON run_flags
        WHEN (SELECT status FROM runs WHERE id = ${row}.run_id) IN ${lockedRun}
        BEGIN SELECT RAISE(ABORT, 'The flags of a submitted or approved run cannot change'); END;
      `);
    }
    // The new triggers are guards: `audit verify` must know them as they are now.
    recordGuards(db);
  },
};
