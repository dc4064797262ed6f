import { MessageChannel, type MessagePort, receiveMessageOnPort, type Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { salesColumns } from '../../engine/sales-columns';
import type { SalesWindow } from '../runs/sales-chunks';
import { runningFromSource } from '../runtime';
import { startWorker } from '../workers/run';
import { type FactChecks, keptFactChecks } from './fact-checks';
import type { FactScope } from './signals';

/** Below this many sales lines the fact checks take less than a second thread costs to start. */
const CHECKS_BESIDE_FROM_LINES = 200_000;
/**
 * How long a run waits, once its own work is done, for the second thread to start (a thread whose
 * code cannot load never says so: the run's thread is waiting, not listening), and then for its
 * answer. A bundle starts in a tenth of a second; from source, tsx compiles the worker's modules
 * first.
 */
const START_MS = runningFromSource ? 60_000 : 10_000;
const WAIT_MS = 60_000;
/** The second thread's state, in the one Int32 the two threads share. */
export const checksState = { idle: 0, started: 1, answered: 2 } as const;

export interface ChecksInput {
  dbPath: string;
  nativeBinding?: string;
  /** The run's period, and the window of sales lines it read (the period and the lookback). */
  period: { from: string; to: string };
  window: SalesWindow;
  /** One Int32: the thread's state (checksState). */
  shared: SharedArrayBuffer;
  port: MessagePort;
}

export type ChecksMessage = { type: 'done'; checks: FactChecks } | { type: 'failed'; message: string };

/**
 * The fact checks of a run (fact-checks.ts) worked out on a second thread (checks-worker.ts)
 * while the run's own thread calculates: over a million lines they take it about half a second,
 * and the engine leaves the machine's other core idle. The helper reads the run's sales lines on
 * a connection of its own, mostly from the lines the run has just kept (sales-store.ts). What it
 * read is what the run read only if no other connection committed between the run's reading and
 * the answer: SQLite's data_version on the run's connection says so, and otherwise, or when the
 * helper fails or falls silent, the run works the checks out itself.
 */
export class ChecksHelper {
  private readonly port: MessagePort;
  private readonly worker: Worker;
  private readonly state: Int32Array;

  private constructor(
    private readonly db: Database.Database,
    private readonly version: number,
    input: Omit<ChecksInput, 'shared' | 'port'>,
  ) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const shared = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
    this.state = new Int32Array(shared);
    this.worker = startWorker('checks', { ...input, shared, port: port2 } satisfies ChecksInput, [port2]);
    this.worker.on('error', (error) => this.warn(error.message));
  }

  /**
   * A helper for the run's fact checks, or null where one would not pay: few lines, checks kept
   * already, or a connection the helper cannot share a snapshot with (in memory, or inside a
   * transaction whose reads it cannot see). `version` is data_version from before the run read
   * its facts.
   */
  static beside(
    db: Database.Database,
    version: number,
    run: {
      period: { from: string; to: string };
      window: SalesWindow;
      sales: FactScope['sales'];
      nativeBinding?: string;
      fromLines?: number;
    },
  ): ChecksHelper | null {
    if (db.memory || db.inTransaction) return null;
    if (salesColumns(run.sales).count < (run.fromLines ?? CHECKS_BESIDE_FROM_LINES)) return null;
    if (keptFactChecks(db, run.period, run.sales)) return null;
    return new ChecksHelper(db, version, {
      dbPath: db.name,
      nativeBinding: run.nativeBinding,
      period: run.period,
      window: run.window,
    });
  }

  /**
   * The checks the helper found, waiting for them if need be, and the helper is ended; null where
   * the run must work them out itself.
   */
  answer(): FactChecks | null {
    try {
      if (Atomics.wait(this.state, 0, checksState.idle, START_MS) === 'timed-out') {
        this.warn(`did not start in ${START_MS / 1000} s`);
        return null;
      }
      if (Atomics.wait(this.state, 0, checksState.started, WAIT_MS) === 'timed-out') {
        this.warn(`sent nothing for ${WAIT_MS / 1000} s`);
        return null;
      }
      const message = receiveMessageOnPort(this.port)?.message as ChecksMessage | undefined;
      if (message?.type !== 'done') {
        this.warn(message?.message ?? 'no answer');
        return null;
      }
      return this.db.pragma('data_version', { simple: true }) === this.version ? message.checks : null;
    } finally {
      this.stop();
    }
  }

  stop(): void {
    this.port.close();
    void this.worker.terminate();
  }

  private warn(reason: string): void {
    console.warn(`The second thread of the run's controls stopped (${reason}); the run checks the facts itself.`);
  }
}
