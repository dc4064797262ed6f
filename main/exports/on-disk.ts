import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { crashPoint } from '../files/crash-points';

/**
 * An export's files on disk, atomically with its record (migration 010): the job is recorded,
 * the files are written and synced in a staging folder beside their destination, the history
 * entry is committed, and only then are the files renamed into place. `recoverExports` on the
 * next start finishes a committed job and rolls back one that never committed.
 */
export interface Move {
  /** A staged file (or statements folder) … */
  from: string;
  /** … and where it goes. */
  to: string;
}

/** The folder staged files are written to: hidden, beside the destination, so a rename never crosses disks. */
export const stagePrefix = '.schemedesk-stage-';

function syncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Records the job before anything is written; returns its id and staging folder. */
export function beginJob(db: Database.Database, run: number, folder: string): { job: number; stage: string } {
  mkdirSync(folder, { recursive: true });
  // Staging folders no job names are leftovers (a worker cancelled mid-file): clear them.
  const named = (db.prepare('SELECT stage FROM export_jobs').all() as { stage: string }[]).map((j) => j.stage);
  removeStaleStages(folder, named);
  const stage = join(folder, `${stagePrefix}${process.pid}-${Date.now()}`);
  const job = Number(
    db
      .prepare("INSERT INTO export_jobs (run_id, stage, folder, moves, started_at) VALUES (?, ?, ?, '[]', ?)")
      .run(run, stage, folder, new Date().toISOString()).lastInsertRowid,
  );
  crashPoint('export-begun');
  return { job, stage };
}

/** Staged files written at once, at most: each is created, written and synced on libuv's threads. */
const STAGING_AT_ONCE = 16;

/**
 * Writes the files of a job into its staging folder and puts each on the disk, on libuv's threads
 * while the export builds the next ones: `write` starts one (waiting while STAGING_AT_ONCE are
 * under way), `done` waits for them all and reports the first that failed. Written on the
 * export's own thread and synced after, as before, each of 2,000 statements was opened twice, and
 * its creating and writing kept the export from building: 6.9 s in all on a machine where a system
 * call is dear.
 */
export function stagedWrites(stage: string) {
  const pending = new Set<Promise<void>>();
  const folders = new Set<string>();
  let failure: { error: unknown } | null = null;
  const failed = () => {
    if (failure) throw failure.error;
  };
  return {
    async write(name: string, content: Buffer): Promise<void> {
      while (pending.size >= STAGING_AT_ONCE) await Promise.race(pending);
      failed();
      const path = join(stage, name);
      if (!folders.has(dirname(path))) mkdirSync(dirname(path), { recursive: true });
      folders.add(dirname(path));
      const written = writeSynced(path, content).then(
        () => crashPoint('export-staged-file'),
        (error: unknown) => {
          failure ??= { error };
        },
      );
      pending.add(written);
      void written.then(() => pending.delete(written));
    },
    /** Every file written and on the disk (or the first failure); nothing left under way either way. */
    async done(): Promise<void> {
      await Promise.all(pending);
      failed();
    },
  };
}

async function writeSynced(path: string, content: Buffer): Promise<void> {
  const file = await open(path, 'w');
  try {
    await file.writeFile(content);
    await file.sync();
  } finally {
    await file.close();
  }
}

/** The moves of a job: statements folders as wholes, single files one by one. */
export function movesOf(stage: string, names: readonly string[], paths: readonly string[], folder: string): Move[] {
  const folders = [...new Set(names.filter((n) => n.includes('/')).map((n) => n.split('/')[0] as string))];
  return [
    ...folders.map((sub) => ({ from: join(stage, sub), to: join(folder, sub) })),
    ...names.flatMap((name, i) => (name.includes('/') ? [] : [{ from: join(stage, name), to: paths[i] as string }])),
  ];
}

/** Inside the transaction that commits the history entry: the job now belongs to it. */
export function commitJob(db: Database.Database, job: number, exportId: number, moves: readonly Move[]): void {
  db.prepare('UPDATE export_jobs SET export_id = ?, moves = ? WHERE id = ?').run(exportId, JSON.stringify(moves), job);
}

/**
 * Puts the staged files into place. A file replaces the old one in one rename; a statements
 * folder is swapped: the old one is renamed aside first and removed only once the new one is
 * in place, so the recorded files are never gone before their replacements are there.
 */
export function moveIntoPlace(moves: readonly Move[]): void {
  for (const { from, to } of moves) {
    if (!existsSync(from)) continue; // already moved before a crash
    const aside = `${dirname(to)}/${stagePrefix}old-${process.pid}-${Date.now()}`;
    const swapFolder = isFolder(from) && existsSync(to);
    if (swapFolder) renameSync(to, aside);
    renameSync(from, to);
    crashPoint('export-moved-one');
    if (swapFolder) rmSync(aside, { recursive: true, force: true });
  }
  const folder = moves[0] ? dirname(moves[0].to) : null;
  if (folder) syncPath(folder);
}

function isFolder(path: string): boolean {
  try {
    readdirSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Forgets a finished job and its (now empty) staging folder. */
export function endJob(db: Database.Database, job: number, stage: string): void {
  rmSync(stage, { recursive: true, force: true });
  db.prepare('DELETE FROM export_jobs WHERE id = ?').run(job);
}

/**
 * On start: every job a crash left behind is finished (its history entry was committed: the
 * staged files go into place) or rolled back (it was not: the staged files are removed). Staging
 * folders no job names (left by an older version, or aside copies) are removed too.
 */
export function recoverExports(
  db: Database.Database,
  otherFolders: readonly string[] = [],
): { finished: number; rolledBack: number } {
  const jobs = db.prepare('SELECT id, stage, folder, moves, export_id FROM export_jobs ORDER BY id').all() as {
    id: number;
    stage: string;
    folder: string;
    moves: string;
    export_id: number | null;
  }[];
  let finished = 0;
  let rolledBack = 0;
  const folders = new Set<string>(otherFolders);
  for (const job of jobs) {
    folders.add(job.folder);
    if (ownerAlive(job.stage)) continue; // another SchemeDesk process is writing it now
    if (job.export_id !== null) {
      moveIntoPlace(JSON.parse(job.moves) as Move[]);
      finished++;
    } else rolledBack++;
    endJob(db, job.id, job.stage);
  }
  const live = jobs.filter((j) => ownerAlive(j.stage)).map((j) => j.stage);
  for (const folder of folders) removeStaleStages(folder, live);
  return { finished, rolledBack };
}

/** Whether the process that staged `stage` (its pid is in the name) still runs, and is not this one. */
function ownerAlive(stage: string): boolean {
  const pid = Number(/-stage-(\d+)-/.exec(stage)?.[1]);
  if (!pid || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Removes staging folders in `folder` that no job in flight names. */
export function removeStaleStages(folder: string, keep: readonly string[] = []): void {
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if ((name.startsWith(stagePrefix) || /^\.run-.*\.partial-\d+$/.test(name)) && !keep.includes(path)) {
      rmSync(path, { recursive: true, force: true });
    }
  }
}
