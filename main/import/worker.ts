import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { toApiError } from '../api/errors';
import { openWorkspace } from '../store/open';
import { type WorkerMessage, workerInput } from '../workers/run';
import { type ImportRequest, runImport } from './importer';
import { writeRejectsWorkbook } from './rejects';

/** Runs one import on its own SQLite connection, off the window's thread. */
export interface ImportWorkerInput {
  dbPath: string;
  nativeBinding?: string;
  rejectsFolder: string;
  request: ImportRequest;
}

const input = workerInput<ImportWorkerInput>(workerData);
const post = (message: WorkerMessage) => parentPort?.postMessage(message);

const db = await openWorkspace(input.dbPath, { nativeBinding: input.nativeBinding });
try {
  const { rejectedRows, ...result } = await runImport(db, input.request, (progress) =>
    post({ type: 'progress', progress }),
  );
  let rejectsFile: string | null = null;
  if (rejectedRows.length > 0) {
    mkdirSync(input.rejectsFolder, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    rejectsFile = join(input.rejectsFolder, `${stamp} ${result.file.replace(/[\\/:*?"<>|]/g, '_')} rejected rows.xlsx`);
    await writeRejectsWorkbook(rejectsFile, {
      file: result.file,
      sheet: result.sheet,
      headers: result.headers,
      rows: rejectedRows,
    });
  }
  post({ type: 'done', value: { ...result, rejectsFile } });
} catch (error) {
  post({ type: 'failed', error: toApiError(error) });
} finally {
  db.close();
}
