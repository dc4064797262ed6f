import { recordGuards, runLinesDigest, userDigest } from '../../audit/integrity';
import { appendAudit } from '../../audit/log';
import type { Migration } from '../migration';

const lockedRun = "('submitted', 'approved', 'exported', 'reversed')";
const statusOf = (row: 'NEW' | 'OLD') => `(SELECT status FROM runs WHERE id = ${row}.run_id)`;

/**
 * Sealed runs. Users get a stable id, and a run records by id who prepared, submitted and
 * approved it, each written once. Everyone who takes a maker's step on a run (creates,
 * recalculates, overrides, submits) is kept in run_makers; none of them, and no one who is not an
 * active Approver or Admin, can approve it. The lines and overrides of a locked run can neither
 * change nor be moved in or out of it. The guards, every user and every run already approved are
 * written into the audit chain, so `audit verify` can tell when any of them is changed with SQL.
 */
export const sealedRuns: Migration = {
  version: 9,
  name: 'sealed runs',
  up(db) {
    db.exec(`
      CREATE TABLE users_by_id (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
        full_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('preparer', 'approver', 'admin')),
        pin_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;
      INSERT INTO users_by_id (name, full_name, role, pin_hash, active, created_at)
        SELECT name, full_name, role, pin_hash, active, created_at FROM users ORDER BY created_at, name;
      DROP TABLE users;
      ALTER TABLE users_by_id RENAME TO users;

      CREATE TABLE sign_in_failures (
        user_id INTEGER PRIMARY KEY REFERENCES users(id),
        failures INTEGER NOT NULL,
        paused_until TEXT
      ) STRICT;

      ALTER TABLE runs ADD COLUMN created_by_id INTEGER REFERENCES users(id);
      ALTER TABLE runs ADD COLUMN submitted_by_id INTEGER REFERENCES users(id);
      ALTER TABLE runs ADD COLUMN approved_by_id INTEGER REFERENCES users(id);
      ALTER TABLE overrides ADD COLUMN made_by_id INTEGER REFERENCES users(id);

      DROP TRIGGER runs_maker_checker;
      DROP TRIGGER lines_locked_insert;
      DROP TRIGGER lines_locked_update;
      DROP TRIGGER lines_locked_delete;
      DROP TRIGGER overrides_locked_insert;
      DROP TRIGGER overrides_locked_update;
      DROP TRIGGER overrides_locked_delete;

      UPDATE runs SET created_by_id = (SELECT id FROM users u WHERE u.name = runs.created_by),
        submitted_by_id = (SELECT id FROM users u WHERE u.name = runs.submitted_by),
        approved_by_id = (SELECT id FROM users u WHERE u.name = runs.approved_by);
      UPDATE overrides SET made_by_id = (SELECT id FROM users u WHERE u.name = overrides.made_by);

      CREATE TABLE run_makers (
        run_id INTEGER NOT NULL REFERENCES runs(id),
        user_id INTEGER NOT NULL REFERENCES users(id),
        step TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX run_makers_run ON run_makers (run_id, user_id);
      INSERT INTO run_makers (run_id, user_id, step, at)
        SELECT id, created_by_id, 'create', created_at FROM runs WHERE created_by_id IS NOT NULL;
      INSERT INTO run_makers (run_id, user_id, step, at)
        SELECT id, submitted_by_id, 'submit', coalesce(submitted_at, created_at) FROM runs WHERE submitted_by_id IS NOT NULL;
      INSERT INTO run_makers (run_id, user_id, step, at)
        SELECT DISTINCT run_id, made_by_id, 'override', made_at FROM overrides WHERE made_by_id IS NOT NULL;
      CREATE TRIGGER run_makers_no_update BEFORE UPDATE ON run_makers
      BEGIN SELECT RAISE(ABORT, 'Who prepared a run is kept as written'); END;
      CREATE TRIGGER run_makers_no_delete BEFORE DELETE ON run_makers
      BEGIN SELECT RAISE(ABORT, 'Who prepared a run is kept as written'); END;

      CREATE TRIGGER runs_people_written_once BEFORE UPDATE ON runs
      WHEN (OLD.created_by_id IS NOT NULL AND NEW.created_by_id IS NOT OLD.created_by_id)
        OR (OLD.submitted_by_id IS NOT NULL AND NEW.submitted_by_id IS NOT OLD.submitted_by_id)
        OR (OLD.approved_by_id IS NOT NULL AND NEW.approved_by_id IS NOT OLD.approved_by_id)
        OR NEW.created_by IS NOT OLD.created_by
        OR (OLD.submitted_by IS NOT NULL AND NEW.submitted_by IS NOT OLD.submitted_by)
        OR (OLD.approved_by IS NOT NULL AND NEW.approved_by IS NOT OLD.approved_by)
        OR (OLD.status IN ('approved', 'exported', 'reversed') AND NEW.notices IS NOT OLD.notices)
      BEGIN SELECT RAISE(ABORT, 'Who prepared, submitted and approved a run is written once and never rewritten'); END;

      CREATE TRIGGER runs_no_approver_creates BEFORE INSERT ON runs
      WHEN NEW.reverses_run IS NULL AND (SELECT role FROM users WHERE id = NEW.created_by_id) = 'approver'
      BEGIN SELECT RAISE(ABORT, 'An Approver cannot create a run'); END;

      CREATE TRIGGER runs_maker_checker BEFORE UPDATE OF status ON runs
      WHEN NEW.status = 'approved' AND OLD.status <> 'approved' AND (
        NEW.approved_by_id IS NULL
        OR NOT EXISTS (SELECT 1 FROM users u WHERE u.id = NEW.approved_by_id AND u.active = 1
                         AND u.role IN ('approver', 'admin') AND u.name = NEW.approved_by)
        OR NEW.approved_by_id IS NEW.created_by_id OR NEW.approved_by_id IS NEW.submitted_by_id
        OR NEW.approved_by = NEW.created_by COLLATE NOCASE OR NEW.approved_by = NEW.submitted_by COLLATE NOCASE
        OR EXISTS (SELECT 1 FROM run_makers m WHERE m.run_id = NEW.id AND m.user_id = NEW.approved_by_id)
        OR EXISTS (SELECT 1 FROM overrides o WHERE o.run_id = NEW.id
                     AND (o.made_by_id = NEW.approved_by_id OR o.made_by = NEW.approved_by COLLATE NOCASE)))
      BEGIN SELECT RAISE(ABORT, 'Maker-checker: a run is approved by an active Approver or Admin who did not prepare, submit or override it'); END;
    `);
    const locks = [
      {
        table: 'payout_lines',
        name: 'lines',
        message: 'The payout lines of a submitted or approved run cannot change',
      },
      { table: 'overrides', name: 'overrides', message: 'A submitted or approved run cannot be overridden' },
    ];
    for (const { table, name, message } of locks) {
      db.exec(`
        CREATE TRIGGER ${name}_locked_insert BEFORE INSERT ON ${table}
        WHEN ${statusOf('NEW')} IN ${lockedRun}
        BEGIN SELECT RAISE(ABORT, '${message}'); END;
        CREATE TRIGGER ${name}_locked_update BEFORE UPDATE ON ${table}
        WHEN NEW.run_id IS NOT OLD.run_id OR ${statusOf('OLD')} IN ${lockedRun} OR ${statusOf('NEW')} IN ${lockedRun}
        BEGIN SELECT RAISE(ABORT, '${message}, and nothing moves from one run to another'); END;
        CREATE TRIGGER ${name}_locked_delete BEFORE DELETE ON ${table}
        WHEN ${statusOf('OLD')} IN ${lockedRun}
        BEGIN SELECT RAISE(ABORT, '${message}'); END;
      `);
    }

    // What the chain vouches for from now on: the guards, every user, every run already approved.
    recordGuards(db);
    const users = db.prepare('SELECT id, name, role, active, pin_hash FROM users ORDER BY id').all() as {
      id: number;
      name: string;
      role: string;
      active: number;
      pin_hash: string;
    }[];
    for (const u of users) {
      appendAudit(db, {
        user: 'SchemeDesk',
        action: 'user.baseline',
        subject: `user #${u.id}`,
        after: { name: u.name, role: u.role, active: u.active === 1, digest: userDigest(u) },
      });
    }
    const approved = db
      .prepare("SELECT id, approved_by_id FROM runs WHERE status IN ('approved', 'exported', 'reversed') ORDER BY id")
      .all() as { id: number; approved_by_id: number | null }[];
    for (const run of approved) {
      const sealed = runLinesDigest(db, run.id);
      appendAudit(db, {
        user: 'SchemeDesk',
        action: 'run.seal',
        subject: `run ${run.id}`,
        after: { approverId: run.approved_by_id, linesSha256: sealed.sha256, lines: sealed.lines, total: sealed.total },
      });
    }
  },
};
