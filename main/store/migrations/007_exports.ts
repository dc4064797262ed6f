import type { Migration } from '../migration';

/**
 * Exports: the saved profiles that say how a run becomes an accounting system's import file
 * (ledger names, account codes, company code, document and voucher types, narration, date
 * format), and the history of every file written, with its SHA-256. The history is
 * append-only, like the audit log it mirrors.
 */
export const exportsMigration: Migration = {
  version: 7,
  name: 'exports',
  up(db) {
    db.exec(`
      CREATE TABLE export_profiles (
        name TEXT PRIMARY KEY COLLATE NOCASE,
        settings TEXT NOT NULL,
        saved_by TEXT NOT NULL,
        saved_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE exports (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES runs(id),
        format TEXT NOT NULL,
        profile TEXT NOT NULL,
        draft INTEGER NOT NULL CHECK (draft IN (0, 1)),
        folder TEXT NOT NULL,
        files TEXT NOT NULL,
        control_total INTEGER NOT NULL,
        made_by TEXT NOT NULL,
        made_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX exports_run ON exports (run_id);

      CREATE TRIGGER exports_no_update BEFORE UPDATE ON exports
      BEGIN SELECT RAISE(ABORT, 'The export history is append-only: an entry cannot be changed'); END;
      CREATE TRIGGER exports_no_delete BEFORE DELETE ON exports
      BEGIN SELECT RAISE(ABORT, 'The export history is append-only: an entry cannot be removed'); END;
      CREATE TRIGGER exports_approved_only BEFORE INSERT ON exports
      WHEN NEW.draft = 0 AND (SELECT status FROM runs WHERE id = NEW.run_id) NOT IN ('approved', 'exported')
      BEGIN SELECT RAISE(ABORT, 'Only an approved run is exported; anything else is a draft preview'); END;
    `);
  },
};
