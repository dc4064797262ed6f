import { recordGuards } from '../../audit/integrity';
import type { Migration } from '../migration';

/**
 * The sales lines kept as a run reads them: each range of row ids (first_id, last_id] as columns
 * of numbers (days, codes, amounts) and its texts, written by the run that read it from the table
 * (main/runs/sales-store.ts), with the distributor, outlet and SKU codes numbered once for all. A later run of any period reads the ranges kept instead of the
 * table's rows: a million lines in a fraction of the time.
 *
 * A kept range must never outlive a change to its lines, whoever makes it (an import, a roll-back,
 * sqlite3 by hand): every insert, update or delete of a line at or below the highest range kept
 * drops the ranges from that line up. An import appending above every range fires nothing but the
 * guard (a lookup of the highest range); a line put into an old id (SQLite gives a deleted top id
 * out again) is caught as well. Since what is paid rests on them, the triggers are among the
 * guards the audit log vouches for: `audit verify` finds them dropped or changed. A later step
 * that rebuilds the sales table (which drops its triggers) must empty sales_store and create them
 * again.
 */
export const salesStore: Migration = {
  version: 22,
  name: 'sales store',
  up(db) {
    const drop = (id: string) =>
      `WHEN ${id} <= (SELECT max(last_id) FROM sales_store) BEGIN DELETE FROM sales_store WHERE last_id >= ${id}; END;`;
    db.exec(`
      CREATE TABLE sales_store (
        last_id INTEGER PRIMARY KEY,
        first_id INTEGER NOT NULL,
        count INTEGER NOT NULL,
        first_day INTEGER,
        last_day INTEGER,
        columns BLOB NOT NULL,
        texts TEXT NOT NULL
      ) STRICT;
      CREATE TABLE sales_store_codes (code INTEGER PRIMARY KEY, word TEXT NOT NULL UNIQUE) STRICT;
      CREATE TRIGGER sales_store_insert AFTER INSERT ON sales ${drop('NEW.id')}
      CREATE TRIGGER sales_store_delete AFTER DELETE ON sales ${drop('OLD.id')}
      CREATE TRIGGER sales_store_update AFTER UPDATE ON sales ${drop('min(OLD.id, NEW.id)')}
    `);
    recordGuards(db);
  },
};
