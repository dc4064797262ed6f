import { basename } from 'node:path';
import type { DatasetKind } from '../datasets/kinds';
import { startWorker, tooLargeMessage } from '../workers/run';
import { DIGEST_BYTES } from './digest-table';
import { LayoutError, type SkippedLayoutRow } from './layout';
import type { Mapping } from './mapping';
import { type PackedRows, unpackRows } from './packed-rows';
import type { TextReading } from './readers/text';
import { type Cell, DamagedFileError, type SheetTail, type SourceRow, UnreadableFileError } from './readers/types';
import type { ConvertedRow, Decisions } from './row-values';

/** What the import gives the reader worker, and what the worker posts back. */
export interface ReaderInput {
  path: string;
  sheet: string;
  /** The import's digestSecret, which the rows' digests begin with. */
  secret: string;
  /** The sheet's merged ranges and conditional formats, when the import found them already. */
  tail?: SheetTail;
  /** How a text file is read, as the import's own opening judged it over the whole file. */
  text?: TextReading;
  /** How the import lays out and converts the rows (decided from the first ones): the worker lays out, and converts when it has time. */
  prepare: Preparation;
}

/** What `dataRows` and `convertRow` need, as the import worked it out before the worker starts. */
export interface Preparation {
  kind: DatasetKind;
  headerRow: number;
  headers: string[];
  mapping: Mapping;
  decisions: Decisions;
  defaults: Record<string, Cell>;
  /** Whether a blank cell a report shows once takes the value above it (filled-down.ts). */
  fillDown: boolean;
}

/** A row as the worker hands it on: laid out, and, when the worker had time, digested and converted. */
export interface PreparedRow extends SourceRow {
  /** The cells' digest (`cellsDigest`). */
  digest?: Buffer;
  converted?: ConvertedRow;
}

export type ReaderMessage =
  | {
      type: 'rows';
      /** The rows, and each row's values when the worker had time to convert them. */
      batch: PackedRows;
      /**
       * When the worker had time: each row's cellsDigest, one after another (DIGEST_BYTES each; one
       * buffer, transferred).
       */
      digests?: Uint8Array;
      /** The rows `dataRows` left out, each before row `at` of the batch. */
      skips: { at: number; why: SkippedLayoutRow }[];
      /** The rows found hidden in the workbook since the batch before. */
      hidden: number[];
      totalRows: number | null;
      bytes: number;
    }
  | { type: 'end' }
  | { type: 'failed'; kind: 'damaged' | 'unreadable' | 'layout' | 'other'; message: string };

/** Files this large are read on a thread of their own while the import validates and inserts. */
export const READ_IN_THREAD_FROM_BYTES = 8_000_000;
/** Batches read ahead of the one being imported: in flight at most. */
export const AHEAD = 8;
/**
 * From how many batches waiting for the import's thread the reader converts and digests the rows
 * of its next batch itself (see the reader worker's postRows).
 */
export const CONVERT_FROM_WAITING = AHEAD / 2;

/** What the reader worker starts from: the import's input, and how many batches the import has taken. */
export interface ReaderStart extends ReaderInput {
  /**
   * One Int32: the batches the import's thread has taken so far, counted up as it takes each (and
   * a message posted, to wake the reader if it waits for room: a wait on the count itself does not
   * keep a worker alive).
   */
  taken: SharedArrayBuffer;
}

function failure(message: Extract<ReaderMessage, { type: 'failed' }>): Error {
  switch (message.kind) {
    case 'damaged':
      return new DamagedFileError(message.message);
    case 'unreadable':
      return new UnreadableFileError(message.message);
    case 'layout':
      return new LayoutError(message.message);
    default:
      return new Error(message.message);
  }
}

/** What the import learns from the worker besides the rows. */
export interface ReaderHooks {
  onBytes(bytes: number): void;
  /** A row the worker's `dataRows` left out, told just before the row that followed it. */
  onSkip(why: SkippedLayoutRow): void;
}

/**
 * The data rows of the named sheet, read and laid out by the reader worker (reader-worker.ts)
 * from the sheet's first row, and converted there when it has time. A worker that dies
 * (a file that needed more memory than reading may take) is told as a damaged file. The rows come
 * a batch at a time, each batch's rows taken one by one without waiting (an await a row cost the
 * import's thread about 0.5 µs); a batch must be taken whole before the next is asked for.
 */
export function threadedDataRows(
  input: ReaderInput,
  hooks: ReaderHooks,
): {
  readonly totalRows: number | null;
  readonly hiddenRows: readonly number[];
  batches(): AsyncIterable<Iterable<PreparedRow>>;
} {
  let totalRows: number | null = null;
  const hiddenRows: number[] = [];
  return {
    get totalRows() {
      return totalRows;
    },
    hiddenRows,
    async *batches() {
      const taken = new Int32Array(new SharedArrayBuffer(4));
      const worker = startWorker('reader', { ...input, taken: taken.buffer } satisfies ReaderStart);
      const inbox: (ReaderMessage | { type: 'died' })[] = [];
      let wake: (() => void) | null = null;
      const deliver = (message: ReaderMessage | { type: 'died' }) => {
        inbox.push(message);
        wake?.();
        wake = null;
      };
      worker.on('message', deliver);
      worker.on('error', () => deliver({ type: 'died' }));
      worker.on('exit', () => deliver({ type: 'died' }));
      try {
        for (;;) {
          while (inbox.length === 0) await new Promise<void>((resolve) => (wake = resolve));
          const message = inbox.shift() as ReaderMessage | { type: 'died' };
          if (message.type === 'end') return;
          if (message.type === 'failed') throw failure(message);
          if (message.type === 'died') throw new DamagedFileError(tooLargeMessage(basename(input.path)));
          Atomics.add(taken, 0, 1);
          worker.postMessage('taken');
          totalRows = message.totalRows;
          for (const row of message.hidden) hiddenRows.push(row);
          hooks.onBytes(message.bytes);
          yield preparedRows(message, hooks);
        }
      } finally {
        void worker.terminate();
      }
    },
  };
}

/** A batch's rows as the import takes them, each told after the rows the reader left out before it. */
function* preparedRows(message: Extract<ReaderMessage, { type: 'rows' }>, hooks: ReaderHooks): Generator<PreparedRow> {
  const { digests, skips } = message;
  let skipped = 0;
  /** Tells the rows left out before row `at` of the batch. */
  const skipsBefore = (at: number) => {
    for (let next = skips[skipped]; next && next.at <= at; next = skips[++skipped]) hooks.onSkip(next.why);
  };
  let i = 0;
  for (const { row, converted } of unpackRows(message.batch)) {
    const prepared: PreparedRow = row;
    if (digests) prepared.digest = Buffer.from(digests.buffer, digests.byteOffset + i * DIGEST_BYTES, DIGEST_BYTES);
    if (converted) prepared.converted = converted;
    skipsBefore(i++);
    yield prepared;
  }
  skipsBefore(i);
}
