import type { Migration } from '../migration';

/**
 * What an import changed of rows other imports brought into the masters — an outlet moved to
 * the distributor its sales name, a code's fields updated as a masters file writes them now —,
 * each field with its value before and after, so that rolling the import back puts every one
 * back. The values keep their own types (columns without one have no affinity): a units per case
 * stays a number, a code `00123` text.
 */
export const masterChanges: Migration = {
  version: 24,
  name: 'master changes',
  up(db) {
    db.exec(`
      CREATE TABLE master_changes (
        id INTEGER PRIMARY KEY,
        batch_id INTEGER NOT NULL REFERENCES import_batches(id),
        kind TEXT NOT NULL CHECK (kind IN ('distributors', 'outlets', 'products')),
        code TEXT NOT NULL,
        field TEXT NOT NULL,
        before,
        after
      );
      CREATE INDEX master_changes_code ON master_changes (kind, code, field);
      CREATE INDEX master_changes_batch ON master_changes (batch_id);
    `);
  },
};
