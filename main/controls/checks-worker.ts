import { workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { readSales } from '../runs/read-sales';
import { workerInput } from '../workers/run';
import { type ChecksInput, type ChecksMessage, checksState } from './checks-helper';
import { factChecks } from './fact-checks';

/**
 * The helper of a run's controls (checks-helper.ts): reads the run's sales lines on a read-only
 * connection of its own, alone (no reading thread of its own beside it), works out the fact
 * checks, posts them and wakes the run.
 */
const input = workerInput<ChecksInput>(workerData);
const state = new Int32Array(input.shared);
const tell = (now: number) => {
  Atomics.store(state, 0, now);
  Atomics.notify(state, 0);
};
tell(checksState.started);
let message: ChecksMessage;
try {
  const db = new Database(input.dbPath, { readonly: true, fileMustExist: true, nativeBinding: input.nativeBinding });
  try {
    const sales = readSales(db, input.window, { helperFromRows: Number.POSITIVE_INFINITY });
    message = { type: 'done', checks: factChecks(db, input.period, sales) };
  } finally {
    db.close();
  }
} catch (error) {
  message = { type: 'failed', message: error instanceof Error ? error.message : String(error) };
}
input.port.postMessage(message);
input.port.close();
tell(checksState.answered);
