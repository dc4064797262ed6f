import type { Migration } from '../migration';

const lockedRun = "('submitted', 'approved', 'exported', 'reversed')";
const frozenRun = "('approved', 'exported', 'reversed')";
/** The workflow's legal status changes; `main/review/workflow.ts` holds the same table in words. */
const legalMoves = [
  'draft>calculated',
  'calculated>submitted',
  'rejected>submitted',
  'rejected>calculated',
  'submitted>approved',
  'submitted>rejected',
  'approved>exported',
  'approved>reversed',
  'exported>reversed',
]
  .map((m) => `'${m}'`)
  .join(', ');
/** Columns of a run that never change once it is approved; only status (and the reversal link) may. */
const runFacts = [
  'period_from',
  'period_to',
  'engine_version',
  'scheme_versions',
  'inputs',
  'line_count',
  'total',
  'created_by',
  'created_at',
  'submitted_by',
  'submitted_at',
  'approved_by',
  'approved_at',
  'reverses_run',
];

/**
 * Review and approval: user profiles, overrides kept apart from computed values, the
 * workflow columns of a run, saved grid layouts and the hash-chained audit log. The rules
 * that matter for money — approved runs never change, the submitter never approves, the
 * audit log is append-only — are triggers, so they hold for any client of the file.
 */
export const review: Migration = {
  version: 6,
  name: 'review',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        name TEXT PRIMARY KEY COLLATE NOCASE CHECK (length(trim(name)) > 0),
        full_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('preparer', 'approver', 'admin')),
        pin_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;

      ALTER TABLE runs ADD COLUMN submitted_by TEXT;
      ALTER TABLE runs ADD COLUMN submitted_at TEXT;
      ALTER TABLE runs ADD COLUMN approved_by TEXT;
      ALTER TABLE runs ADD COLUMN approved_at TEXT;
      ALTER TABLE runs ADD COLUMN comment TEXT;
      ALTER TABLE runs ADD COLUMN reverses_run INTEGER REFERENCES runs(id);
      ALTER TABLE runs ADD COLUMN reversed_by_run INTEGER REFERENCES runs(id);

      ALTER TABLE payout_lines ADD COLUMN payee_name TEXT;
      ALTER TABLE payout_lines ADD COLUMN region TEXT;
      ALTER TABLE payout_lines ADD COLUMN channel TEXT;
      ALTER TABLE payout_lines ADD COLUMN class TEXT;
      UPDATE payout_lines SET
        payee_name = (SELECT name FROM distributors d WHERE d.code = payout_lines.payee),
        region = (SELECT region FROM distributors d WHERE d.code = payout_lines.payee),
        channel = (SELECT channel FROM distributors d WHERE d.code = payout_lines.payee),
        class = (SELECT class FROM distributors d WHERE d.code = payout_lines.payee);

      CREATE TABLE overrides (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES runs(id),
        scheme_code TEXT NOT NULL,
        payee TEXT NOT NULL,
        kind TEXT NOT NULL,
        amount INTEGER,
        calculated INTEGER NOT NULL,
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        made_by TEXT NOT NULL,
        made_at TEXT NOT NULL,
        superseded_at TEXT
      ) STRICT;
      CREATE UNIQUE INDEX overrides_current ON overrides (run_id, scheme_code, payee, kind) WHERE superseded_at IS NULL;

      CREATE TABLE grid_layouts (
        grid TEXT NOT NULL,
        name TEXT NOT NULL,
        state TEXT NOT NULL,
        saved_by TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        PRIMARY KEY (grid, name)
      ) STRICT;

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT NOT NULL,
        before TEXT,
        after TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_action ON audit_log (action);

      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'The audit log is append-only: an entry cannot be changed'); END;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'The audit log is append-only: an entry cannot be removed'); END;

      CREATE TRIGGER runs_status_flow BEFORE UPDATE OF status ON runs
      WHEN OLD.status <> NEW.status AND (OLD.status || '>' || NEW.status) NOT IN (${legalMoves})
      BEGIN SELECT RAISE(ABORT, 'This status change is not a step of the run workflow'); END;
      CREATE TRIGGER runs_maker_checker BEFORE UPDATE OF status ON runs
      WHEN NEW.status = 'approved' AND OLD.status <> 'approved'
        AND (NEW.approved_by IS NULL OR NEW.approved_by = NEW.submitted_by COLLATE NOCASE
             OR NEW.approved_by = NEW.created_by COLLATE NOCASE)
      BEGIN SELECT RAISE(ABORT, 'Maker-checker: a run is approved by someone who neither prepared nor submitted it'); END;
      CREATE TRIGGER runs_frozen BEFORE UPDATE ON runs
      WHEN OLD.status IN ${frozenRun}
        AND (${runFacts.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ')})
      BEGIN SELECT RAISE(ABORT, 'An approved run cannot be edited; reverse it with a new run'); END;
      CREATE TRIGGER runs_no_delete BEFORE DELETE ON runs
      WHEN OLD.status <> 'draft'
      BEGIN SELECT RAISE(ABORT, 'A calculated run is never deleted'); END;


      -- A line as it will be paid: its current override (if any) beside the computed amount.
      CREATE VIEW payable_lines AS
      SELECT l.*, o.amount AS override, o.calculated AS override_calculated, o.reason AS override_reason,
        o.made_by AS override_by, coalesce(o.amount, l.final) AS payable
      FROM payout_lines l LEFT JOIN overrides o ON o.run_id = l.run_id AND o.scheme_code = l.scheme_code
        AND o.payee = l.payee AND o.kind = l.kind AND o.superseded_at IS NULL AND o.amount IS NOT NULL;
    `);
    // Lines and overrides of a submitted or approved run: no INSERT, UPDATE or DELETE.
    const locks = [
      {
        table: 'payout_lines',
        name: 'lines',
        message: 'The payout lines of a submitted or approved run cannot change',
      },
      { table: 'overrides', name: 'overrides', message: 'A submitted or approved run cannot be overridden' },
    ];
    for (const { table, name, message } of locks) {
      for (const [event, row] of [
        ['INSERT', 'NEW'],
        ['UPDATE', 'OLD'],
        ['DELETE', 'OLD'],
      ] as const) {
        db.exec(`
          CREATE TRIGGER ${name}_locked_${event.toLowerCase()} BEFORE ${event} ON ${table}
          WHEN (SELECT status FROM runs WHERE id = ${row}.run_id) IN ${lockedRun}
          BEGIN SELECT RAISE(ABORT, '${message}'); END;
        `);
      }
    }
  },
};
