import { recordGuards } from '../../audit/integrity';
import type { Migration } from '../migration';

/**
 * The ledger each payee of an approved run posts to, kept as it was when the run was approved:
 * exports read it from here, not from the distributors master, so a ledger name changed afterwards
 * (with SQL, where nothing guards the masters; or by a later import) cannot send an approved
 * payment to another party. Written once, at approval; runs approved before this step keep the
 * ledgers the master names now.
 */
export const runLedgers: Migration = {
  version: 27,
  name: 'ledgers kept at approval',
  up(db) {
    db.exec(`
      CREATE TABLE run_ledgers (
        run_id INTEGER NOT NULL REFERENCES runs(id),
        payee TEXT NOT NULL,
        ledger_name TEXT,
        PRIMARY KEY (run_id, payee)
      ) STRICT;
      INSERT INTO run_ledgers (run_id, payee, ledger_name)
        SELECT DISTINCT l.run_id, l.payee, nullif(trim(d.ledger_name), '')
        FROM runs r JOIN payout_lines l ON l.run_id = r.id LEFT JOIN distributors d ON d.code = l.payee
        WHERE r.status IN ('approved', 'exported', 'reversed');
      CREATE TRIGGER run_ledgers_at_approval BEFORE INSERT ON run_ledgers
        WHEN (SELECT status FROM runs WHERE id = NEW.run_id) IS NOT 'submitted'
      BEGIN SELECT RAISE(ABORT, 'The ledgers a run posts to are kept when it is approved, and only then'); END;
      CREATE TRIGGER run_ledgers_no_update BEFORE UPDATE ON run_ledgers
      BEGIN SELECT RAISE(ABORT, 'The ledgers an approved run posts to are kept as approved'); END;
      CREATE TRIGGER run_ledgers_no_delete BEFORE DELETE ON run_ledgers
      BEGIN SELECT RAISE(ABORT, 'The ledgers an approved run posts to are kept as approved'); END;
    `);
    recordGuards(db);
  },
};
