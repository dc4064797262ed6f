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

interface JobOptions {
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

/**
 * A worker kept between jobs, so what it learns in one (the facts of a period) serves the next.
 * Jobs go one at a time; a second job asked for while one runs goes to a worker of its own,
 * ended when it is done, unless the one running is a job in the background (inBackground),
 * which it waits for. Cancelling ends the thread (and what it kept). While idle the thread
 * does not keep the process alive, and after IDLE_MS it ends.
 */
export class KeptWorker {
  private worker: Worker | null = null;
  private busy = false;
  private idle: ReturnType<typeof setTimeout> | undefined;
  /** The job done in the background (inBackground), while it runs, and what it is doing. */
  private background: { done: Promise<void>; phase: string } | null = null;

  /** `keep` false: a worker for one job, ended when it is done. */
  constructor(
    private readonly name: WorkerName,
    private readonly keep = true,
  ) {}

  run<T>(input: unknown, options: JobOptions = {}): Promise<T> {
    if (this.background) {
      // Someone waits for it now: it holds the process open like any job, and they are told why.
      this.worker?.ref();
      options.onProgress?.({ phase: this.background.phase, done: 0, total: 0 });
      return this.after(this.background.done, () => this.run<T>(input, options), options.signal);
    }
    if (this.busy) return new KeptWorker(this.name, false).run<T>(input, options);
    return this.job<T>(input, options, true);
  }

  /**
   * Does a job nobody waits for (keeping the lines a large import brought, for the next run to
   * find), if the worker is free: the thread then holds no process open (the CLI ends without
   * it, and what it did not commit is not written), and a job asked for meanwhile waits for it
   * in this worker, instead of doing the same work beside it in a second one. Its failure is
   * nobody's: the job after it does the work itself. `phase` is what a job waiting for it is told.
   */
  inBackground(input: unknown, phase: string): void {
    if (this.busy || !this.keep) return;
    const done = this.job(input, {}, false).then(
      () => undefined,
      () => undefined,
    );
    this.background = { done, phase };
    void done.then(() => (this.background = null));
  }

  /** `next` once `first` is done, unless the job is cancelled while it waits. */
  private after<T>(first: Promise<void>, next: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(new ApiFailure('cancelled', 'Cancelled; nothing was changed.'));
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      void first.then(() => {
        if (signal?.aborted) return;
        signal?.removeEventListener('abort', onAbort);
        next().then(resolve, reject);
      });
    });
  }

  private job<T>(input: unknown, options: JobOptions, hold: boolean): Promise<T> {
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
      // Listening for messages holds the process open again: a job nobody waits for lets go after.
      if (!hold) worker.unref();
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
