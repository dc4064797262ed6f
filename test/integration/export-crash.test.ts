import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { approveRun, submitRun } from '../../main/review/actions';
import { openWorkspaceSession } from '../../main/workspace';
import { demoWorkspacePerTest } from '../support/workspace';

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const crashPoints = [
  'export-begun',
  'export-staged-file',
  'export-before-commit',
  'export-committed',
  'export-moved-one',
] as const;

/** Every file under `folder`, hidden ones included, relative to it. */
function tree(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? tree(path).map((f) => `${name}/${f}`) : [name];
  });
}

/**
 * An export killed (SIGKILL, in a child process) at each step between recording its job and
 * removing it: after the next start the files on disk and the export history agree — every
 * recorded file is there with its hash, nothing unrecorded is, no staging is left — and a
 * re-export never leaves the recorded files missing.
 */
describe('exports are atomic on disk', () => {
  const demo = demoWorkspacePerTest();

  for (const format of ['xlsx', 'statements'] as const) {
    for (const point of crashPoints) {
      it(`${format}: killed at ${point}, the next start leaves files and records agreeing`, async () => {
        const { ws, dir } = demo.current();
        submitRun(ws.db, 1, { name: 'priya', role: 'preparer' });
        approveRun(ws.db, 1, { name: 'arjun', role: 'approver' });
        const out = join(dir, 'out');
        const exportOnce = (crashAt?: string) =>
          spawnSync(
            process.execPath,
            ['--import', 'tsx', join(import.meta.dirname, '..', 'support', 'export-child.ts'), ws.dbPath, format, out],
            { env: { ...process.env, ...(crashAt ? { SCHEMEDESK_CRASH_AT: crashAt } : {}) }, encoding: 'utf8' },
          );
        ws.db.close();
        // A first export that completes, then a re-export killed at the point.
        expect(exportOnce().status).toBe(0);
        const before = tree(out);
        const killed = exportOnce(point);
        expect(killed.signal).toBe('SIGKILL');

        const next = await openWorkspaceSession(ws.dbPath);
        try {
          expect(next.db.prepare('SELECT count(*) AS n FROM export_jobs').get()).toEqual({ n: 0 });
          const records = next.db.prepare('SELECT files, folder FROM exports ORDER BY id').all() as {
            files: string;
            folder: string;
          }[];
          const committed = ['export-committed', 'export-moved-one'].includes(point);
          expect(records.length).toBe(committed ? 2 : 1);
          // Every recorded file is where the record says, with the recorded hash.
          for (const record of records) {
            for (const file of JSON.parse(record.files) as { name: string; sha256: string }[]) {
              expect(sha256(join(record.folder, file.name))).toBe(file.sha256);
            }
          }
          // Nothing else: no staging, no copy set aside, exactly the files of the export.
          expect(tree(out)).toEqual(before);
        } finally {
          next.db.close();
        }
      });
    }
  }
});
