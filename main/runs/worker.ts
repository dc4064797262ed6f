import type { Actor } from '../review/workflow';
import { serveWorkspaceJob, type WorkspaceJob } from '../workers/serve';
import { executeRun, previewScheme, recalculateRun } from './execute';

/** Calculates a run (or previews a scheme) on its own SQLite connection, off the window's thread. */
export interface RunWorkerInput extends WorkspaceJob {
  from: string;
  to: string;
  schemes: string[];
  user: string;
  /** When set, only preview this scheme definition over [from, to]: nothing is stored. */
  preview?: unknown;
  /** When set, calculate this existing run again (from, to and schemes are the run's own). */
  recalculate?: { run: number; actor: Actor };
}

await serveWorkspaceJob<RunWorkerInput>((db, input, progress) => {
  const { nativeBinding } = input;
  if (input.recalculate) return recalculateRun(db, { ...input.recalculate, nativeBinding }, progress);
  if (input.preview !== undefined)
    return previewScheme(db, { definition: input.preview, from: input.from, to: input.to, nativeBinding });
  return executeRun(db, input, progress);
});
