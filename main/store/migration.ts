import type Database from 'better-sqlite3';

/** One numbered step of the workspace schema. `up` runs inside a transaction. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database.Database): void;
}

export class NewerWorkspaceError extends Error {
  constructor(found: number, known: number) {
    super(
      `This workspace was written by a newer version of SchemeDesk (schema version ${found}; ` +
        `this version knows up to ${known}). Open it with the newer SchemeDesk, or restore a backup.`,
    );
    this.name = 'NewerWorkspaceError';
  }
}

export class WorkspaceHistoryError extends Error {
  constructor(version: number, applied: string, expected: string) {
    super(
      `This workspace's schema history does not match this version of SchemeDesk: step ${version} ` +
        `was applied as "${applied}" but this version calls it "${expected}". It was not opened, to keep it safe.`,
    );
    this.name = 'WorkspaceHistoryError';
  }
}

interface AppliedRow {
  version: number;
  name: string;
}

export function appliedMigrations(db: Database.Database): AppliedRow[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  return db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as AppliedRow[];
}

/** The migrations not yet applied, after refusing a database whose history we do not know. */
export function pendingMigrations(db: Database.Database, migrations: readonly Migration[]): Migration[] {
  const known = new Map(migrations.map((m) => [m.version, m]));
  const latest = Math.max(0, ...migrations.map((m) => m.version));
  const applied = appliedMigrations(db);
  for (const row of applied) {
    if (row.version > latest) throw new NewerWorkspaceError(Math.max(...applied.map((a) => a.version)), latest);
    const expected = known.get(row.version);
    if (!expected || expected.name !== row.name) {
      throw new WorkspaceHistoryError(row.version, row.name, expected?.name ?? '(none)');
    }
  }
  const done = new Set(applied.map((a) => a.version));
  return migrations.filter((m) => !done.has(m.version)).sort((a, b) => a.version - b.version);
}

export function applyMigrations(db: Database.Database, pending: readonly Migration[], now = () => new Date()): void {
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of pending) {
    db.transaction(() => {
      migration.up(db);
      record.run(migration.version, migration.name, now().toISOString());
    })();
  }
}
