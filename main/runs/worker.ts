import { serveWorkspaceJob, type WorkspaceJob } from '../workers/serve';
import { executeRun, previewScheme } from './execute';

/** Calculates a run (or previews a scheme) on its own SQLite connection, off the window's thread. */
export interface RunWorkerInput extends WorkspaceJob {
  from: string;
  to: string;
  schemes: string[];
  user: string;
  /** When set, only preview this scheme definition over [from, to]: nothing is stored. */
  preview?: unknown;
}

await serveWorkspaceJob<RunWorkerInput>((db, input, progress) =>
  input.preview === undefined
    ? executeRun(db, input, progress)
    : previewScheme(db, { definition: input.preview, from: input.from, to: input.to }),
);
