import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** A name any file system takes: the characters Windows refuses become underscores. */
export const safeFileName = (name: string): string => name.replace(/[\\/:*?"<>|]/g, '_');

/** A moment as part of a file name, sorting in time order: 2026-12-01T21-44-05-123Z. */
export const fileStamp = (at: Date): string => at.toISOString().replace(/[:.]/g, '-');

/**
 * Where a file SchemeDesk writes for the user goes (rejected rows, a quarantine, a near-miss
 * list): in `folder`, made if missing, named by the moment first so the newest sorts last.
 */
export function stampedPath(folder: string, name: string, at = new Date()): string {
  mkdirSync(folder, { recursive: true });
  return join(folder, `${fileStamp(at)} ${safeFileName(name)}`);
}
