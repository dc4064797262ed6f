import { KeptWorker } from '../workers/kept';
import type { Workspace } from '../workspace';
import type { RunWorkerInput } from './worker';

const calculators = new Map<string, KeptWorker>();

/**
 * The run worker of a workspace file, kept between its runs, recalculations and previews, so
 * the facts of a period are read once while nothing changes (see facts-cache.ts).
 */
export function runCalculator(dbPath: string): KeptWorker {
  let calculator = calculators.get(dbPath);
  if (!calculator) {
    calculator = new KeptWorker('run');
    calculators.set(dbPath, calculator);
  }
  return calculator;
}

/**
 * From this many sales lines not kept (after an import, a roll-back that dropped the kept lines
 * above its own, or imports by the CLI when the window opens the workspace), the run worker reads and keeps them in the background (keepAllSales), so the
 * next run finds them kept: a run reads a million lines from the table in about 1.4 s and from
 * those kept in about 0.2 s. Below it a run reads them quickly enough itself.
 */
export const KEEP_SALES_FROM_LINES = 100_000;

/**
 * Leaves the workspace's run worker to keep the sales lines no run has kept, when there are
 * KEEP_SALES_FROM_LINES of them or more: after the workspace's sales have changed, or when a
 * window or the web server opens it. They are counted by row id, the highest less those kept, on
 * the caller's thread: a count(*) of a million lines took 200 ms there on its first reading of
 * the table. A rolled-back batch's ids count too, and then the keeping finds little to read.
 */
export function keepSalesInBackground(ws: Pick<Workspace, 'db' | 'dbPath' | 'nativeBinding' | 'user'>): void {
  const notKept = ws.db
    .prepare('SELECT coalesce((SELECT max(rowid) FROM sales), 0) - coalesce((SELECT sum(count) FROM sales_store), 0)')
    .pluck()
    .get() as number;
  if (notKept >= KEEP_SALES_FROM_LINES)
    runCalculator(ws.dbPath).inBackground(
      runJob(ws, { keepSales: true }),
      'Waiting for the sales lines to be read and kept for runs',
    );
}

/** A job for the run worker of the workspace, as its signed-in user: a run unless `fields` say otherwise. */
export function runJob(
  ws: Pick<Workspace, 'dbPath' | 'nativeBinding' | 'user'>,
  fields: Partial<RunWorkerInput>,
): RunWorkerInput {
  return {
    dbPath: ws.dbPath,
    nativeBinding: ws.nativeBinding,
    from: '',
    to: '',
    schemes: [],
    user: ws.user,
    ...fields,
  };
}
