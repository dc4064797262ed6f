import { workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { workerInput } from '../workers/run';
import { ChunkReader, chunkBuffers } from './sales-chunks';
import { claimChunk, type HelperInput, type HelperMessage, helperState, slot } from './sales-helper';

/**
 * The helper of readSales: claims chunks of sales lines from the shared counter, reads them on
 * its own read-only connection in one snapshot, and posts each as columns. After every message
 * it wakes the reader, which may be waiting on the counter.
 */
const input = workerInput<HelperInput>(workerData);
const shared = new Int32Array(input.shared);
const post = (message: HelperMessage, transfer: ArrayBuffer[] = []) => {
  input.port.postMessage(message, transfer);
  Atomics.add(shared, slot.posted, 1);
  Atomics.notify(shared, slot.posted);
};

if (Atomics.compareExchange(shared, slot.state, helperState.idle, helperState.running) === helperState.idle) {
  try {
    const db = new Database(input.dbPath, { readonly: true, fileMustExist: true, nativeBinding: input.nativeBinding });
    try {
      db.transaction(() => {
        const reader = new ChunkReader(db, input.window, input.chunkRows);
        for (let k = claimChunk(shared, input.todo); k >= 0; k = claimChunk(shared, input.todo)) {
          const chunk = reader.read(k);
          post({ type: 'chunk', chunk }, chunkBuffers(chunk));
        }
      })();
    } finally {
      db.close();
    }
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
  post({ type: 'end' });
}
input.port.close();
