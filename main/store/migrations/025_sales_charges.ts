import type { Migration } from '../migration';

/**
 * A document's other charges: freight, packing, insurance and the like, which its bill adds to
 * its lines' value besides their tax (Tally's `Freight Charges` ledger, Zoho Books' `Shipping
 * Charge`). Stored on the document's first line, apart from the net value, so a scheme on net
 * sales pays on no freight, and an invoice's amount for early payment is still the whole bill.
 */
export const salesCharges: Migration = {
  version: 25,
  name: 'sales charges',
  up(db) {
    db.exec('ALTER TABLE sales ADD COLUMN charges INTEGER;');
  },
};
