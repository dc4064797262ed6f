import { existsSync, realpathSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import type Database from 'better-sqlite3';
import packageJson from '../package.json' with { type: 'json' };
import { recoverExports } from './exports/on-disk';
import type { Role } from './review/workflow';
import { openWorkspace } from './store/open';

/** An open workspace file and who is working in it; what every handler works against. */
export interface Workspace {
  db: Database.Database;
  dbPath: string;
  /** Where files SchemeDesk writes for this workspace go (the demo's source files, exports). */
  dataFolder: string;
  /** Who is acting: the signed-in profile, or (CLI, tests) the account that opened the file. */
  user: string;
  /** The signed-in profile's role; null until someone signs in. */
  role: Role | null;
  /** The signed-in profile's id (null until someone signs in, or for the CLI's local account). */
  userId: number | null;
  /**
   * The window and the web server ask for a profile before anything else; the CLI acts as the
   * local account (or `--as USER`), since whoever runs it can open the file directly anyway.
   */
  requireSignIn: boolean;
  /**
   * The browser UI names files only inside the workspace's files folder (uploads, exports): a
   * page cannot make the server read or write anywhere else. The desktop app uses native dialogs.
   */
  confinePaths: boolean;
  appVersion: string;
  nativeBinding?: string;
  /** Chromium's print-to-PDF, where the desktop app provides it (statements as PDF). */
  printPdf?: (html: string) => Promise<Buffer>;
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
  options: { user?: string; nativeBinding?: string; requireSignIn?: boolean; confinePaths?: boolean } = {},
): Promise<Workspace> {
  const db = await openWorkspace(dbPath, { nativeBinding: options.nativeBinding });
  const dataFolder = join(dirname(dbPath), `${basename(dbPath, extname(dbPath))}-files`);
  // An export a crash cut short is finished or rolled back before anything else happens.
  recoverExports(db, [join(dataFolder, 'exports')]);
  return {
    db,
    dbPath,
    dataFolder,
    user: options.user ?? currentOsUser(),
    role: null,
    userId: null,
    requireSignIn: options.requireSignIn ?? false,
    confinePaths: options.confinePaths ?? false,
    appVersion: packageJson.version,
    nativeBinding: options.nativeBinding,
  };
}

export function setting(db: Database.Database, key: string): string | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

/** Refuses a path outside the workspace's files folder when the workspace confines paths (the browser UI). */
export function confinedPath(ws: Workspace, path: string, what: string): string {
  if (!ws.confinePaths) return path;
  const inside = (root: string, full: string) => full === root || full.startsWith(root + sep);
  const root = resolve(ws.dataFolder);
  const full = resolve(root, path);
  // A link inside the folder that points out of it is outside too.
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : p);
  if (!inside(root, full) || !inside(real(root), real(full))) {
    throw new ConfinedPathError(`In the browser, ${what} must be inside the workspace's files folder (${root})`);
  }
  return full;
}

export class ConfinedPathError extends Error {}
