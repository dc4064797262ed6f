import type Database from 'better-sqlite3';
import type { DatasetKind } from '../datasets/kinds';
import { kindRules } from './kind-rules';

/** Rows an import inserts before its table's indexes are dropped, to be built once at the end. */
export const DEFER_INDEXES_AFTER = 50_000;

/**
 * An import foreseen to bring at least a third as many rows as its table holds drops the indexes
 * that order rows by what they hold (by date and party). Each row it inserts would otherwise be
 * put in place in B-trees far larger than the cache, at a random page: a million sales lines into
 * a table of a million took 17.6 s with them kept and 15.8–16.1 s with them built again at the
 * end; 500,000 lines 9.2–9.4 s against 8.7 s; but 200,000 lines 4.2 s against 4.4–4.6 s.
 */
const SPARE_FROM_SHARE = 3;

interface Index {
  name: string;
  sql: string;
}

/**
 * The indexes of a dataset's table that a large import builds after inserting, not line by line.
 * Keeping a B-tree in order as a hundred thousand lines arrive in no particular order costs more
 * than sorting them once: about half of SQLite's insert time for sales. In two steps:
 * - from a third of the rows the table holds (foreseen for the whole file, or inserted so far),
 *   the indexes that order rows by what they hold go; those that find rows by number stay (the
 *   duplicate check's, which leads with the kind's `lookup` field, and the batch's, which only
 *   grows at its end);
 * - once the import has brought more rows than the table held, those go too: from then on the
 *   import asks its own copy of the identities the table held (storedRows.readHeld).
 * Both happen inside the import's transaction: a failed or cancelled import rolls the drops back
 * with everything else.
 */
export function deferredIndexes(db: Database.Database, table: DatasetKind) {
  const numberedBy = new Set([kindRules[table].lookup[0], 'batch_id']);
  const dropped: Index[] = [];
  let spared = false;
  let allDropped = false;
  let held: number | null = null;
  let foreseen = 0;
  const standingIndexes = () =>
    db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")
      .all(table) as Index[];
  const findsByNumber = (index: Index) =>
    numberedBy.has((db.pragma(`index_info("${index.name}")`) as { name: string | null }[])[0]?.name ?? undefined);
  const drop = (indexes: Index[]) => {
    for (const index of indexes) {
      db.exec(`DROP INDEX "${index.name}"`);
      dropped.push(index);
    }
  };
  return {
    /** How many rows the whole file is foreseen to bring, once the import has read enough of it to say. */
    foresee(rows: number): void {
      foreseen = rows;
    },
    /**
     * Called as rows go in: drops the indexes that order rows by what they hold once the import is
     * large beside the table, and the rest once it has brought more rows than the table held
     * before it. Says which it dropped, the one time it does: 'ordering', or 'all' (when both go
     * at once too). The table is counted once, at DEFER_INDEXES_AFTER rows, not for every small
     * import.
     */
    inserted(rows: number): 'ordering' | 'all' | null {
      if (allDropped || rows < DEFER_INDEXES_AFTER) return null;
      held ??= (db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number) - rows;
      let dropping: 'ordering' | null = null;
      if (!spared && Math.max(rows, foreseen) * SPARE_FROM_SHARE > held) {
        spared = true;
        dropping = 'ordering';
        drop(standingIndexes().filter((index) => !findsByNumber(index)));
      }
      if (rows <= held) return dropping;
      allDropped = true;
      drop(standingIndexes());
      return 'all';
    },
    /** Whether the indexes that find rows by number stand (none dropped, or all built again). */
    standing(): boolean {
      return !allDropped;
    },
    /** Builds again whatever was dropped: before the import commits. */
    rebuild(): void {
      for (const index of dropped.splice(0)) db.exec(index.sql);
      allDropped = false;
    },
  };
}
