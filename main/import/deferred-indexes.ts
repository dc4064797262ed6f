import type Database from 'better-sqlite3';

/** Rows an import inserts before its table's indexes are dropped, to be built once at the end. */
export const DEFER_INDEXES_AFTER = 50_000;

/**
 * The indexes of a dataset's table that a large import builds after inserting, not line by line.
 * Keeping a B-tree in order as a hundred thousand lines arrive in no particular order costs more
 * than sorting them once: about half of SQLite's insert time for sales. It pays only when the
 * import brings more rows than the table holds. The duplicate check's index goes too: from then
 * on the import asks its own copy of the identities the table held (storedRows.readHeld). Both
 * happen inside the import's transaction: a failed or cancelled import rolls the drop back with
 * everything else.
 */
export function deferredIndexes(db: Database.Database, table: string) {
  let dropped: { name: string; sql: string }[] | null = null;
  let held: number | null = null;
  return {
    /**
     * Called as rows go in: drops the indexes once the import has brought more rows than the
     * table held before it, and says so (true) that once. The table is counted once, at
     * DEFER_INDEXES_AFTER rows, not for every small import.
     */
    inserted(rows: number): boolean {
      if (dropped !== null || rows < DEFER_INDEXES_AFTER) return false;
      held ??= (db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number) - rows;
      if (rows <= held) return false;
      dropped = db
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")
        .all(table) as { name: string; sql: string }[];
      for (const index of dropped) db.exec(`DROP INDEX "${index.name}"`);
      return true;
    },
    /** Whether the table's indexes stand (none dropped, or all built again). */
    standing(): boolean {
      return dropped === null;
    },
    /** Builds again whatever was dropped: before the import commits. */
    rebuild(): void {
      for (const index of dropped ?? []) db.exec(index.sql);
      dropped = null;
    },
  };
}
