import { parentPort, workerData } from 'node:worker_threads';
import { toApiError } from '../api/errors';
import { openWorkspace } from '../store/open';
import { type WorkerMessage, workerInput } from '../workers/run';
import { createDemoWorkspace } from './create';

/** Creates the demo workspace on its own SQLite connection, off the window's thread. */
export interface DemoWorkerInput {
  dbPath: string;
  folder: string;
  user: string;
  nativeBinding?: string;
}

const input = workerInput<DemoWorkerInput>(workerData);
const post = (message: WorkerMessage) => parentPort?.postMessage(message);

const db = await openWorkspace(input.dbPath, { nativeBinding: input.nativeBinding });
try {
  const value = await createDemoWorkspace(db, {
    folder: input.folder,
    user: input.user,
    onProgress: (progress) => post({ type: 'progress', progress }),
  });
  post({ type: 'done', value });
} catch (error) {
  post({ type: 'failed', error: toApiError(error) });
} finally {
  db.close();
}
