import type { Actor } from '../review/workflow';
import { serveWorkspaceJobs, type WorkspaceJob } from '../workers/serve';
import { executeRun, previewScheme, recalculateRun } from './execute';
import { cachedFacts, cachedInputChecks } from './facts-cache';
import { keepAllSales } from './read-sales';
import { whatIf } from './whatif';

/**
 * Calculates runs (and previews schemes) on its own SQLite connection, off the window's thread.
 * The thread is kept between jobs (KeptWorker), and so are the facts of the last period read.
 */
export interface RunWorkerInput extends WorkspaceJob {
  from: string;
  to: string;
  schemes: string[];
  user: string;
  /** When set, only preview this scheme definition over [from, to]: nothing is stored. */
  preview?: unknown;
  /** When set, calculate this existing run again (from, to and schemes are the run's own). */
  recalculate?: { run: number; actor: Actor };
  /** When set, a what-if over [from, to]: this variant against `vs` or the saved scheme. Nothing is stored. */
  whatif?: { definition: unknown; vs?: unknown };
  /** When set, keep every sales line no run has kept yet (keepSalesInBackground): nothing is calculated. */
  keepSales?: true;
}

const facts = cachedFacts();
const inputs = cachedInputChecks();

serveWorkspaceJobs<RunWorkerInput>((db, input, progress) => {
  const { nativeBinding } = input;
  if (input.keepSales) return keepAllSales(db, { nativeBinding });
  if (input.recalculate) return recalculateRun(db, { ...input.recalculate, nativeBinding, facts, inputs }, progress);
  if (input.whatif) return whatIf(db, { ...input.whatif, from: input.from, to: input.to, nativeBinding, facts });
  if (input.preview !== undefined)
    return previewScheme(db, { definition: input.preview, from: input.from, to: input.to, nativeBinding, facts });
  return executeRun(db, { ...input, facts, inputs }, progress);
});
