import { stampedPath } from '../files/names';
import { serveWorkspaceJob, type WorkspaceJob } from '../workers/serve';
import { type ImportRequest, runImport } from './importer';
import { writeRejectsWorkbook } from './rejects';

/** Runs one import on its own SQLite connection, off the window's thread. */
export interface ImportWorkerInput extends WorkspaceJob {
  rejectsFolder: string;
  request: ImportRequest;
}

await serveWorkspaceJob<ImportWorkerInput>(async (db, input, progress) => {
  const { rejectedRows, ...result } = await runImport(db, input.request, progress);
  let rejectsFile: string | null = null;
  if (rejectedRows.length > 0) {
    rejectsFile = stampedPath(input.rejectsFolder, `${result.file} rejected rows.xlsx`);
    await writeRejectsWorkbook(rejectsFile, {
      file: result.file,
      sheet: result.sheet,
      headers: result.headers,
      rows: rejectedRows,
    });
  }
  return { ...result, rejectsFile };
});
