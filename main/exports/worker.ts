import { serveWorkspaceJob, type WorkspaceJob } from '../workers/serve';
import { type ExportRequest, exportRun, previewExport } from './export';

/** Builds an export (or its preview) on its own SQLite connection, off the window's thread. */
export interface ExportWorkerInput extends WorkspaceJob {
  request: ExportRequest;
  user: string;
  defaultFolder: string;
  previewOnly: boolean;
}

await serveWorkspaceJob<ExportWorkerInput>((db, input, progress) =>
  input.previewOnly
    ? previewExport(db, input.request, progress)
    : exportRun(db, { ...input.request, user: input.user, defaultFolder: input.defaultFolder }, progress),
);
