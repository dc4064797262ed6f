import type { Migration } from '../migration';

/**
 * What the importer records about each batch (mapping, options, control totals, decisions,
 * roll-back), named mapping profiles, and the quarantine of rows rejected by a "valid rows
 * only" import, kept for the user to fix and import again.
 */
export const imports: Migration = {
  version: 4,
  name: 'imports',
  up(db) {
    db.exec(`
      ALTER TABLE import_batches ADD COLUMN status TEXT NOT NULL DEFAULT 'imported'
        CHECK (status IN ('imported', 'rolled_back'));
      ALTER TABLE import_batches ADD COLUMN rows_rejected INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE import_batches ADD COLUMN format TEXT;
      ALTER TABLE import_batches ADD COLUMN mapping TEXT;
      ALTER TABLE import_batches ADD COLUMN options TEXT;
      ALTER TABLE import_batches ADD COLUMN totals TEXT;
      ALTER TABLE import_batches ADD COLUMN date_from TEXT;
      ALTER TABLE import_batches ADD COLUMN date_to TEXT;
      ALTER TABLE import_batches ADD COLUMN decisions TEXT;
      ALTER TABLE import_batches ADD COLUMN rolled_back_by TEXT;
      ALTER TABLE import_batches ADD COLUMN rolled_back_at TEXT;
      CREATE INDEX import_batches_sha ON import_batches (sha256, status);
      CREATE INDEX receivables_doc ON receivables (doc_no);
      CREATE INDEX payments_receipt ON payments (receipt_no);
      CREATE INDEX targets_distributor ON targets (distributor_code);
      CREATE INDEX sales_batch ON sales (batch_id);
      CREATE TABLE mapping_profiles (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        header_signature TEXT NOT NULL,
        mapping TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX mapping_profiles_signature ON mapping_profiles (kind, header_signature);
      CREATE TABLE quarantine (
        id INTEGER PRIMARY KEY,
        batch_id INTEGER NOT NULL REFERENCES import_batches(id),
        kind TEXT NOT NULL,
        source_sheet TEXT,
        source_row INTEGER NOT NULL,
        cells TEXT NOT NULL,
        reasons TEXT NOT NULL
      ) STRICT;
    `);
  },
};
