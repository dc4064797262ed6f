import type { Migration } from '../migration';

/**
 * Payout rules of the edge cases: a distributor's ledger name in the accounting system (so two
 * distributors sharing a name still land on their own ledgers), and the notices a run carries for
 * its reviewer (a scheme that paid nothing because no ageing report was imported near its period).
 */
export const payoutRules: Migration = {
  version: 8,
  name: 'payout rules',
  up(db) {
    db.exec(`
      ALTER TABLE distributors ADD COLUMN ledger_name TEXT;
      ALTER TABLE runs ADD COLUMN notices TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(notices));
    `);
  },
};
