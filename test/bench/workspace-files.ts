import { rmSync } from 'node:fs';

/** Removes a workspace file and the journal files SQLite keeps beside it, where there are any. */
export function removeWorkspace(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}
