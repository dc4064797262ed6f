import type { Migration } from '../migration';

/**
 * How many pieces a product's case (box, carton) holds: a distributor system writes a line's
 * quantity as whole cases in one column and the pieces beyond them in another, which add up to
 * the line's pieces only by it.
 */
export const caseUnits: Migration = {
  version: 23,
  name: 'case units',
  up(db) {
    db.exec('ALTER TABLE products ADD COLUMN case_units INTEGER;');
  },
};
