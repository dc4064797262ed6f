import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { applyMigrations, type Migration, pendingMigrations } from './migration';
import { migrations as allMigrations } from './migrations';

export interface OpenOptions {
  /** Path of an alternative better_sqlite3.node, used by the Electron shell (Electron's ABI). */
  nativeBinding?: string;
  migrations?: readonly Migration[];
}

/**
 * Opens (creating if needed) the workspace database, refuses one written by a newer version,
 * takes an online backup of an existing file before changing its schema, then migrates.
 */
export async function openWorkspace(path: string, options: OpenOptions = {}): Promise<Database.Database> {
  const migrations = options.migrations ?? allMigrations;
  mkdirSync(dirname(path), { recursive: true });
  const existed = existsSync(path);
  const db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const pending = pendingMigrations(db, migrations);
    const hadSchema = existed && pending.length < migrations.length;
    if (pending.length > 0 && hadSchema) {
      const target = pending[pending.length - 1]?.version;
      await db.backup(`${path}.before-v${target}.bak`);
    }
    applyMigrations(db, pending);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function schemaVersion(db: Database.Database): number {
  const row = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/**
 * Does `work` (a transaction of many inserts) with statement journals kept in memory, then puts
 * the connection back as it was. Inside a transaction every insert that may abort (foreign
 * keys, checks, triggers) keeps a journal of the pages it touches; past 64 KiB SQLite spills it
 * to a temporary file, and from then on each insert writes its pages there: 267,857 pwrite calls
 * to store a run's 40,000 payout lines, 0.4 s of a 1.4 s second run. Not for the whole
 * connection: with temporary storage in memory SQLite's sorter gives up its arena, and a sort
 * over a million rows (building an index, a GROUP BY) takes 20–40 % longer.
 */
export function withJournalsInMemory<T>(db: Database.Database, work: () => T): T {
  const journals = journalsInMemory(db);
  try {
    return work();
  } finally {
    journals.restore();
  }
}

/**
 * Statement journals in memory from now until `restore` (see withJournalsInMemory), for work whose
 * transaction ends elsewhere, as an import's: a million sales lines into a table of a million
 * made 4.9 million writes, nearly all to the spilled journal (207,000 with it in memory), 28–29 s
 * → 18 s on a machine where a system call is dear. Inside a transaction SQLite refuses to change
 * temporary storage once the connection's temporary database is open: then the connection is left
 * as it is, and `restore` puts it back when it next can.
 */
export function journalsInMemory(db: Database.Database): { restore(): void } {
  const before = db.pragma('temp_store', { simple: true }) as number;
  let changed = changeTempStore(db, 2);
  return {
    restore() {
      if (changed && changeTempStore(db, before)) changed = false;
    },
  };
}

/** Sets temp_store where SQLite allows it now; whether it did. */
function changeTempStore(db: Database.Database, to: number): boolean {
  const tempOpen = () => (db.pragma('database_list') as { name: string }[]).some((d) => d.name === 'temp');
  if (db.inTransaction && tempOpen()) return false;
  db.pragma(`temp_store = ${to}`);
  return true;
}
