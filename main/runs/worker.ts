import { parentPort, workerData } from 'node:worker_threads';
import { toApiError } from '../api/errors';
import { openWorkspace } from '../store/open';
import { type WorkerMessage, workerInput } from '../workers/run';
import { executeRun, previewScheme } from './execute';

/** Calculates a run on its own SQLite connection, off the window's thread. */
export interface RunWorkerInput {
  dbPath: string;
  nativeBinding?: string;
  from: string;
  to: string;
  schemes: string[];
  user: string;
  /** When set, only preview this scheme definition over [from, to]: nothing is stored. */
  preview?: unknown;
}

const input = workerInput<RunWorkerInput>(workerData);
const post = (message: WorkerMessage) => parentPort?.postMessage(message);
const db = await openWorkspace(input.dbPath, { nativeBinding: input.nativeBinding });
try {
  const value =
    input.preview === undefined
      ? executeRun(db, input, (progress) => post({ type: 'progress', progress }))
      : previewScheme(db, { definition: input.preview, from: input.from, to: input.to });
  post({ type: 'done', value });
} catch (error) {
  post({ type: 'failed', error: toApiError(error) });
} finally {
  db.close();
}
