import type { Migration } from '../migration';

/** Workspace settings and the import batches every row of data points back to. */
export const workspace: Migration = {
  version: 1,
  name: 'workspace',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
      CREATE TABLE import_batches (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        size_bytes INTEGER NOT NULL,
        sheet TEXT,
        rows_read INTEGER NOT NULL,
        rows_imported INTEGER NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
      INSERT INTO settings (key, value) VALUES ('currency', 'INR'), ('locale', 'en-IN');
    `);
  },
};
