import { basename } from 'node:path';
import { startWorker, tooLargeMessage } from '../workers/run';
import { DIGEST_BYTES } from './digest-table';
import { LayoutError } from './layout';
import { UnreadableFileError } from './open-source';
import { DamagedFileError, type Merge, type SourceRow, type SourceSheet } from './readers/types';

/** What the import gives the reader worker, and what the worker posts back. */
export interface ReaderInput {
  path: string;
  sheet: string;
  /** The import's digestSecret, which the rows' digests begin with. */
  secret: string;
  /** The sheet's merged ranges, when the import found them already. */
  merges?: Merge[];
}
export type ReaderMessage =
  | {
      type: 'rows';
      rows: SourceRow[];
      /** Each row's cellsDigest, one after another (DIGEST_BYTES each): one buffer, transferred. */
      digests: Uint8Array;
      totalRows: number | null;
      bytes: number;
    }
  | { type: 'end' }
  | { type: 'failed'; kind: 'damaged' | 'unreadable' | 'layout' | 'other'; message: string };

/** Files this large are read on a thread of their own while the import validates and inserts. */
export const READ_IN_THREAD_FROM_BYTES = 8_000_000;
/** Batches read ahead of the one being imported. */
const AHEAD = 4;

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

/**
 * The named sheet of a file, its rows read by the reader worker (reader-worker.ts). A worker
 * that dies (a file that needed more memory than reading may take) is told as a damaged file.
 */
export function threadedSheet(
  path: string,
  name: string,
  onBytes: (bytes: number) => void,
  secret: string,
  merges?: Merge[],
): SourceSheet {
  let totalRows: number | null = null;
  return {
    name,
    get totalRows() {
      return totalRows;
    },
    async *rows() {
      const worker = startWorker('reader', { path, sheet: name, secret, merges } satisfies ReaderInput);
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
      worker.postMessage({ credit: AHEAD });
      try {
        for (;;) {
          while (inbox.length === 0) await new Promise<void>((resolve) => (wake = resolve));
          const message = inbox.shift() as ReaderMessage | { type: 'died' };
          if (message.type === 'end') return;
          if (message.type === 'failed') throw failure(message);
          if (message.type === 'died') throw new DamagedFileError(tooLargeMessage(basename(path)));
          worker.postMessage({ credit: 1 });
          totalRows = message.totalRows;
          onBytes(message.bytes);
          const { rows, digests } = message;
          for (let i = 0; i < rows.length; i++) {
            const at = digests.byteOffset + i * DIGEST_BYTES;
            (rows[i] as SourceRow).digest = Buffer.from(digests.buffer, at, DIGEST_BYTES);
          }
          yield* rows;
        }
      } finally {
        void worker.terminate();
      }
    },
  };
}
