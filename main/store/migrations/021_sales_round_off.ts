import type { Migration } from '../migration';

/**
 * A document's round-off (or other adjustment) to its total: Zoho Books' Adjustment, ERPNext's
 * Rounding Adjustment, Tally's Round Off. Stored on the document's first line; an invoice's amount
 * for early payment is its lines, their tax and this, so a bill paid at its rounded total is paid
 * in full.
 */
export const salesRoundOff: Migration = {
  version: 21,
  name: 'sales round-off',
  up(db) {
    db.exec('ALTER TABLE sales ADD COLUMN round_off INTEGER;');
  },
};
