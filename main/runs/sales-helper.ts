import { MessageChannel, type MessagePort, receiveMessageOnPort, type Worker } from 'node:worker_threads';
import { startWorker } from '../workers/run';
import type { SalesChunk, SalesWindow } from './sales-chunks';

/** The slots of the Int32Array the reader and its helper share. */
export const slot = { next: 0, posted: 1, state: 2 } as const;
/** The helper's state: not started yet, reading, or too late (every chunk was claimed first). */
export const helperState = { idle: 0, running: 1, closed: 2 } as const;
/** How long the reader waits for the helper's next message before it stops waiting. */
const SILENCE_MS = 10_000;

/** The next of the chunks to read that nobody has claimed, or -1 when all are taken. */
export function claimChunk(shared: Int32Array, todo: readonly number[]): number {
  return todo[Atomics.add(shared, slot.next, 1)] ?? -1;
}

export interface HelperInput {
  dbPath: string;
  nativeBinding?: string;
  window: SalesWindow;
  chunkRows: number;
  /** The chunks to read (those not kept: see sales-store.ts), in order. */
  todo: number[];
  shared: SharedArrayBuffer;
  port: MessagePort;
}

export type HelperMessage =
  | { type: 'chunk'; chunk: SalesChunk }
  | { type: 'failed'; message: string }
  | { type: 'end' };

/**
 * A second thread reading chunks of sales lines (sales-worker.ts) for a reader that stays
 * synchronous. Both claim chunks from a shared counter until none are left; the helper posts
 * each chunk as columns and bumps `posted`, and the reader takes them with receiveMessageOnPort,
 * waiting on `posted` only once it has claimed its last chunk. A helper that starts too late
 * finds the door closed and reads nothing. A helper that fails or falls silent is left behind:
 * the chunks it claimed and never delivered are missing, and the reader reads them itself.
 */
export class SalesHelper {
  static readonly sharedBytes = Object.keys(slot).length * Int32Array.BYTES_PER_ELEMENT;
  private readonly port: MessagePort;
  private readonly worker: Worker;
  private ended = false;

  constructor(
    input: Omit<HelperInput, 'shared' | 'port'>,
    private readonly shared: Int32Array,
  ) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const full: HelperInput = { ...input, shared: shared.buffer as SharedArrayBuffer, port: port2 };
    this.worker = startWorker('sales', full, [port2]);
    this.worker.on('error', (error) => this.warn(error.message));
  }

  /** Hands over every chunk the helper has posted so far. */
  take(keep: (chunk: SalesChunk) => void): void {
    for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) {
      const message = m.message as HelperMessage;
      if (message.type === 'chunk') keep(message.chunk);
      else {
        if (message.type === 'failed') this.warn(message.message);
        this.ended = true;
      }
    }
  }

  /** Once every chunk is claimed: waits for the helper's chunks in flight. */
  finish(keep: (chunk: SalesChunk) => void): void {
    const state = Atomics.compareExchange(this.shared, slot.state, helperState.idle, helperState.closed);
    if (state !== helperState.running) return;
    while (!this.ended) {
      const seen = Atomics.load(this.shared, slot.posted);
      this.take(keep);
      if (this.ended) return;
      if (Atomics.wait(this.shared, slot.posted, seen, SILENCE_MS) === 'timed-out') {
        this.warn(`sent nothing for ${SILENCE_MS / 1000} s`);
        return;
      }
    }
  }

  stop(): void {
    this.port.close();
    void this.worker.terminate();
  }

  private warn(reason: string): void {
    console.warn(`The second reader of the sales lines stopped (${reason}); the run reads its share itself.`);
  }
}
