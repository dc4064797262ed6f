import { type ResourceLimits, type TransferListItem, Worker } from 'node:worker_threads';
import type { Progress } from '../api/progress';
import { type ApiError, ApiFailure } from '../api/result';
import { runningFromSource } from '../runtime';

/** What a worker posts back to the thread that started it. */
export type WorkerMessage =
  | { type: 'progress'; progress: Progress }
  | { type: 'done'; value: unknown }
  | { type: 'failed'; error: ApiError };

// The bundles sit side by side in dist/main, so a worker can start another worker (the run
// starts the sales reader) with the same relative URL the shell uses.
const entries = {
  demo: { source: '../demo/worker.ts', bundled: './worker-demo.mjs' },
  import: { source: '../import/worker.ts', bundled: './worker-import.mjs' },
  reader: { source: '../import/reader-worker.ts', bundled: './worker-reader.mjs' },
  run: { source: '../runs/worker.ts', bundled: './worker-run.mjs' },
  export: { source: '../exports/worker.ts', bundled: './worker-export.mjs' },
  sales: { source: '../runs/sales-worker.ts', bundled: './worker-sales.mjs' },
  checks: { source: '../controls/checks-worker.ts', bundled: './worker-checks.mjs' },
} as const;
export type WorkerName = keyof typeof entries;

/**
 * How much heap an import may take, and what its death means to the user: a hostile or damaged
 * file (a zip bomb, a sheet of a billion blank cells) stops there instead of taking the machine.
 * A run gets twice V8's room for new objects (96 MB): reading a million lines makes garbage fast,
 * and a larger nursery collects it less often (bench:calc's first run in the run worker 5.8 → 5.4 s,
 * for 20–40 MB more). So does an export, whose 100,000 lines, all held until its files are
 * written, were copied by each collection while young: measured again through the worker once the
 * lines were read row by row, the Excel register 4.98–6.50 → 4.24–5.02 s for 30–40 MB more, the
 * statements and the accounting files unchanged (4.95–5.87 against 5.01–6.04 s; SAP 1.86–1.99
 * against 1.94–2.93 s).
 */
const limits: Partial<Record<WorkerName, ResourceLimits>> = {
  import: { maxOldGenerationSizeMb: 384 },
  reader: { maxOldGenerationSizeMb: 160 },
  run: { maxYoungGenerationSizeMb: 96 },
  export: { maxYoungGenerationSizeMb: 96 },
};
/** What the death of an import, or of its reader, tells the user about the file (named when known). */
export const tooLargeMessage = (file = 'The file') =>
  `${file} is too large or damaged to import (reading it needed more memory than an import may take); nothing was imported.`;
const deaths: Partial<Record<WorkerName, string>> = { import: tooLargeMessage() };

/** What the worker entry reads from `workerData`. */
export function workerInput<T>(data: unknown): T {
  return (data as { input: T }).input;
}

/**
 * Starts a worker on `input`. From source (tsx, vitest) the worker loads its .ts entry through
 * tsx (bootstrap.mjs); in the packaged app it loads the bundled .mjs beside the shell.
 * `transfer` lists what `input` hands over rather than copies (a MessagePort, say).
 */
export function startWorker(name: WorkerName, input: unknown, transfer: TransferListItem[] = []): Worker {
  const entry = entries[name];
  const resourceLimits = limits[name];
  return runningFromSource
    ? new Worker(new URL('./bootstrap.mjs', import.meta.url), {
        workerData: { entry: new URL(entry.source, import.meta.url).href, input },
        transferList: transfer,
        resourceLimits,
      })
    : new Worker(new URL(entry.bundled, import.meta.url), {
        workerData: { input },
        transferList: transfer,
        resourceLimits,
      });
}

/**
 * Runs heavy work off the calling thread (see startWorker) and answers with its value.
 * Aborting terminates the worker; its open SQLite transaction is then never committed.
 */
export function runWorker<T>(
  name: WorkerName,
  input: unknown,
  options: { onProgress?: (p: Progress) => void; signal?: AbortSignal } = {},
): Promise<T> {
  const worker = startWorker(name, input);
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      action();
    };
    const onAbort = () => {
      void worker.terminate();
      finish(() => reject(new ApiFailure('cancelled', 'Cancelled; nothing was changed.')));
    };
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort);
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') options.onProgress?.(message.progress);
      else if (message.type === 'done') finish(() => resolve(message.value as T));
      else finish(() => reject(new ApiFailure(message.error.code, message.error.message)));
    });
    // A worker that dies is told in the user's words, never as an engine message.
    const died = () =>
      new ApiFailure('internal', deaths[name] ?? `The ${name} stopped before it finished; nothing was changed.`);
    worker.on('error', () => finish(() => reject(died())));
    worker.on('exit', () => finish(() => reject(died())));
  });
}
