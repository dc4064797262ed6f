import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { type Migration, NewerWorkspaceError, WorkspaceHistoryError } from '../../main/store/migration';
import { migrations } from '../../main/store/migrations';
import { openWorkspace, schemaVersion, withJournalsInMemory } from '../../main/store/open';
import { tempDirPerTest } from '../support/temp';

const tempDir = tempDirPerTest();
const all = migrations.map((m) => m.version);
const latest = migrations.length;
const versions = (db: Database.Database) =>
  (db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map(
    (r) => r.version,
  );

describe('opening a workspace', () => {
  it('creates a new file with every migration applied, WAL and foreign keys on', async () => {
    const path = join(tempDir(), 'new.sqlite');
    const db = await openWorkspace(path);
    expect(versions(db)).toEqual(migrations.map((m) => m.version));
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // Temporary storage on file, where SQLite's sorter builds indexes and groups fastest.
    expect(db.pragma('temp_store', { simple: true })).toBe(0);
    db.close();
    // A brand-new file has nothing worth backing up.
    expect(existsSync(`${path}.before-v${migrations.length}.bak`)).toBe(false);
  });

  it('opens an up-to-date file again without touching it', async () => {
    const path = join(tempDir(), 'again.sqlite');
    (await openWorkspace(path)).close();
    const db = await openWorkspace(path);
    expect(versions(db)).toEqual(migrations.map((m) => m.version));
    db.close();
  });

  it('backs an existing file up online before migrating it, and the backup keeps the old schema', async () => {
    const path = join(tempDir(), 'old.sqlite');
    const older = migrations.slice(0, 2);
    const db1 = await openWorkspace(path, { migrations: older });
    db1.prepare("INSERT INTO settings (key, value) VALUES ('marker', 'kept')").run();
    db1.close();

    const db2 = await openWorkspace(path);
    expect(versions(db2)).toEqual(all);
    db2.close();

    const backupPath = `${path}.before-v${latest}.bak`;
    expect(existsSync(backupPath)).toBe(true);
    const backup = new Database(backupPath, { readonly: true });
    expect(versions(backup)).toEqual([1, 2]);
    expect(backup.prepare("SELECT value FROM settings WHERE key = 'marker'").get()).toEqual({ value: 'kept' });
    backup.close();
  });

  it('refuses a file written by a newer SchemeDesk, with a message that says so', async () => {
    const path = join(tempDir(), 'newer.sqlite');
    const db = await openWorkspace(path);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from the future', 'x')").run();
    db.close();
    await expect(openWorkspace(path)).rejects.toThrow(NewerWorkspaceError);
    await expect(openWorkspace(path)).rejects.toThrow(
      `newer version of SchemeDesk (schema version 99; this version knows up to ${latest})`,
    );
  });

  it('refuses a file whose applied steps do not match ours', async () => {
    const path = join(tempDir(), 'foreign.sqlite');
    const db = await openWorkspace(path);
    db.prepare("UPDATE schema_migrations SET name = 'something else' WHERE version = 2").run();
    db.close();
    await expect(openWorkspace(path)).rejects.toThrow(WorkspaceHistoryError);
  });

  it('runs each migration in a transaction: a failing step leaves no trace', async () => {
    const path = join(tempDir(), 'failing.sqlite');
    const broken: Migration = {
      version: latest + 1,
      name: 'broken',
      up(db) {
        db.exec('CREATE TABLE half_done (id INTEGER)');
        throw new Error('the last step failed');
      },
    };
    await expect(openWorkspace(path, { migrations: [...migrations, broken] })).rejects.toThrow('the last step failed');
    const db = new Database(path);
    expect(versions(db)).toEqual(all);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    db.close();
  });

  it('keeps statement journals in memory only for the work asked, and puts the connection back after a failure too', async () => {
    const db = await openWorkspace(join(tempDir(), 'journals.sqlite'));
    db.exec('CREATE TABLE lines (id INTEGER PRIMARY KEY, run INTEGER NOT NULL CHECK (run > 0), note TEXT)');
    const insert = db.prepare('INSERT INTO lines (run, note) VALUES (?, ?)');
    const during = withJournalsInMemory(db, () =>
      db.transaction(() => {
        for (let i = 0; i < 5_000; i++) insert.run(1, 'x'.repeat(200));
        return db.pragma('temp_store', { simple: true });
      })(),
    );
    expect(during).toBe(2);
    expect(db.pragma('temp_store', { simple: true })).toBe(0);
    expect(db.prepare('SELECT count(*) AS n FROM lines').get()).toEqual({ n: 5_000 });
    expect(() =>
      withJournalsInMemory(db, () =>
        db.transaction(() => {
          insert.run(2, 'kept only if the transaction commits');
          insert.run(0, 'refused by the check');
        })(),
      ),
    ).toThrow(/CHECK constraint/);
    expect(db.pragma('temp_store', { simple: true })).toBe(0);
    expect(db.prepare('SELECT count(*) AS n FROM lines').get()).toEqual({ n: 5_000 });
    db.close();
  });
});
