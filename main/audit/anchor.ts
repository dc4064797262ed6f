import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type Database from 'better-sqlite3';

/**
 * The audit chain's head, kept also in a small file beside the workspace. The head inside the
 * database tells when entries were cut from the end — unless whoever cut them rewrote it too.
 * This copy is written by the app after every call it answers (so only ever a committed head),
 * and `audit verify` checks the log still holds that entry with that hash: cutting the log and
 * rewriting the stored head with SQL alone is found.
 */
export const anchorPath = (dbPath: string) => `${dbPath}.audit-head`;

const headKey = 'audit_head';
/** What this process last wrote for each workspace: most calls change nothing, and then touch no file. */
const written = new Map<string, string>();

export function writeAnchor(db: Database.Database, dbPath: string): void {
  if (dbPath === ':memory:' || !db.open) return;
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(headKey) as { value: string } | undefined;
  if (!row || written.get(dbPath) === row.value) return;
  const path = anchorPath(dbPath);
  if (!existsSync(path) || readFileSync(path, 'utf8') !== row.value) {
    writeFileSync(`${path}.tmp`, row.value);
    renameSync(`${path}.tmp`, path);
  }
  written.set(dbPath, row.value);
}

export function readAnchor(dbPath: string): { seq: number; hash: string } | null {
  const path = anchorPath(dbPath);
  if (dbPath === ':memory:' || !existsSync(path)) return null;
  const [seq, hash] = readFileSync(path, 'utf8').trim().split(':');
  return seq && hash ? { seq: Number(seq), hash } : null;
}
