import type { Migration } from '../migration';

/**
 * A saved mapping remembers the choices made for its files besides the columns: how their dates
 * are written, what each document type is, whether amounts are rounded to the paisa.
 */
export const mappingChoices: Migration = {
  version: 11,
  name: 'mapping choices',
  up(db) {
    db.exec(`ALTER TABLE mapping_profiles ADD COLUMN choices TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(choices));`);
  },
};
