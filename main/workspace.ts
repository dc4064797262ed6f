import { userInfo } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import type Database from 'better-sqlite3';
import packageJson from '../package.json' with { type: 'json' };
import { openWorkspace } from './store/open';

/** An open workspace file and who is working in it; what every handler works against. */
export interface Workspace {
  db: Database.Database;
  dbPath: string;
  /** Where files SchemeDesk writes for this workspace go (the demo's source files, exports). */
  dataFolder: string;
  user: string;
  appVersion: string;
  nativeBinding?: string;
}

export function currentOsUser(): string {
  try {
    return userInfo().username || 'user';
  } catch {
    return 'user';
  }
}

export async function openWorkspaceSession(
  dbPath: string,
  options: { user?: string; nativeBinding?: string } = {},
): Promise<Workspace> {
  const db = await openWorkspace(dbPath, { nativeBinding: options.nativeBinding });
  return {
    db,
    dbPath,
    dataFolder: join(dirname(dbPath), `${basename(dbPath, extname(dbPath))}-files`),
    user: options.user ?? currentOsUser(),
    appVersion: packageJson.version,
    nativeBinding: options.nativeBinding,
  };
}

export function setting(db: Database.Database, key: string): string | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}
