import { parentPort, workerData } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { toApiError } from '../api/errors';
import type { Progress } from '../api/progress';
import { openWorkspace } from '../store/open';
import type { JobMessage } from './kept';
import { type WorkerMessage, workerInput } from './run';

/** What every workspace job is given: the workspace file, and Electron's SQLite build if any. */
export interface WorkspaceJob {
  dbPath: string;
  nativeBinding?: string;
}

/**
 * The body of a worker entry: opens the workspace on the worker's own connection, runs `work`
 * with a progress reporter, posts its value or its error as the API shapes it, and closes.
 */
export async function serveWorkspaceJob<I extends WorkspaceJob>(
  work: (db: Database.Database, input: I, progress: (p: Progress) => void) => unknown,
): Promise<void> {
  const input = workerInput<I>(workerData);
  const post = (message: WorkerMessage) => parentPort?.postMessage(message);
  const db = await openWorkspace(input.dbPath, { nativeBinding: input.nativeBinding });
  try {
    const value = await work(db, input, (progress) => post({ type: 'progress', progress }));
    post({ type: 'done', value });
  } catch (error) {
    post({ type: 'failed', error: toApiError(error) });
  } finally {
    db.close();
  }
}

/**
 * The body of a kept worker's entry (see KeptWorker): serves jobs one at a time, each posted by
 * the calling thread, on a connection kept open between them for the workspace they name.
 */
export function serveWorkspaceJobs<I extends WorkspaceJob>(
  work: (db: Database.Database, input: I, progress: (p: Progress) => void) => unknown,
): void {
  const post = (message: WorkerMessage) => parentPort?.postMessage(message);
  let open: { path: string; db: Database.Database } | null = null;
  parentPort?.on('message', async (message: JobMessage) => {
    if (message.type !== 'job') return;
    const input = message.input as I;
    try {
      if (open?.path !== input.dbPath) {
        open?.db.close();
        open = null;
        open = { path: input.dbPath, db: await openWorkspace(input.dbPath, { nativeBinding: input.nativeBinding }) };
      }
      const value = await work(open.db, input, (progress) => post({ type: 'progress', progress }));
      post({ type: 'done', value });
    } catch (error) {
      post({ type: 'failed', error: toApiError(error) });
    }
  });
}
