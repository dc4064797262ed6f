import { KeptWorker } from '../workers/kept';

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
