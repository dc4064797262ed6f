import type { Worker } from 'node:worker_threads';
import type { Progress } from '../api/progress';
import { ApiFailure } from '../api/result';
import { startWorker, type WorkerMessage, type WorkerName } from './run';

/** How long a kept worker waits for its next job before it ends, and frees what it keeps. */
const IDLE_MS = 5 * 60_000;

/** What the calling thread posts to a kept worker: one job. */
export interface JobMessage {
  type: 'job';
  input: unknown;
}

/**
 * A worker kept between jobs, so what it learns in one (the facts of a period) serves the next.
 * Jobs go one at a time; a second job asked for while one runs goes to a worker of its own,
 * ended when it is done. Cancelling ends the thread (and what it kept). While idle the thread
 * does not keep the process alive, and after IDLE_MS it ends.
 */
export class KeptWorker {
  private worker: Worker | null = null;
  private busy = false;
  private idle: ReturnType<typeof setTimeout> | undefined;

  /** `keep` false: a worker for one job, ended when it is done. */
  constructor(
    private readonly name: WorkerName,
    private readonly keep = true,
  ) {}

  run<T>(input: unknown, options: { onProgress?: (p: Progress) => void; signal?: AbortSignal } = {}): Promise<T> {
    if (this.busy) return new KeptWorker(this.name, false).run<T>(input, options);
    this.busy = true;
    clearTimeout(this.idle);
    const worker = this.worker ?? this.start();
    worker.ref();
    return new Promise<T>((resolve, reject) => {
      const finish = (settle: () => void, keep = true) => {
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        options.signal?.removeEventListener('abort', onAbort);
        this.busy = false;
        if (keep && this.keep && this.worker === worker) this.rest(worker);
        else this.end(worker);
        settle();
      };
      const onMessage = (message: WorkerMessage) => {
        if (message.type === 'progress') options.onProgress?.(message.progress);
        else if (message.type === 'done') finish(() => resolve(message.value as T));
        else finish(() => reject(new ApiFailure(message.error.code, message.error.message)));
      };
      const onExit = () =>
        finish(
          () => reject(new ApiFailure('internal', `The ${this.name} stopped before it finished; nothing was changed.`)),
          false,
        );
      const onAbort = () => finish(() => reject(new ApiFailure('cancelled', 'Cancelled; nothing was changed.')), false);
      if (options.signal?.aborted) return onAbort();
      options.signal?.addEventListener('abort', onAbort);
      worker.on('message', onMessage);
      worker.on('exit', onExit);
      worker.postMessage({ type: 'job', input } satisfies JobMessage);
    });
  }

  private start(): Worker {
    const worker = startWorker(this.name, null);
    // An error ends the thread, and its exit rejects the job it was doing.
    worker.on('error', () => undefined);
    this.worker = worker;
    return worker;
  }

  private rest(worker: Worker): void {
    worker.unref();
    this.idle = setTimeout(() => this.end(worker), IDLE_MS);
    this.idle.unref();
  }

  private end(worker: Worker): void {
    if (this.worker === worker) this.worker = null;
    clearTimeout(this.idle);
    void worker.terminate();
  }
}
