import type { Migration } from '../migration';

/**
 * Exports in flight. An export is recorded here before its files are written; once its files are
 * staged and synced, its history entry is committed and the job marked with it; then the files are
 * renamed into place and the job is removed. A job left behind by a crash is finished (committed:
 * its staged files go into place) or rolled back (not committed: its staged files are removed) on
 * the next start, so the files on disk and the export history always agree.
 */
export const exportJobs: Migration = {
  version: 10,
  name: 'export jobs',
  up(db) {
    db.exec(`
      CREATE TABLE export_jobs (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES runs(id),
        stage TEXT NOT NULL,
        folder TEXT NOT NULL,
        moves TEXT NOT NULL CHECK (json_valid(moves)),
        export_id INTEGER REFERENCES exports(id),
        started_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
