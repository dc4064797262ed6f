import type { Migration } from '../migration';

/** The file's own header row, kept with its batch, so quarantined rows go back out under it. */
export const batchHeaders: Migration = {
  version: 18,
  name: 'batch headers',
  up(db) {
    db.exec('ALTER TABLE import_batches ADD COLUMN headers TEXT;');
  },
};
