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
