import type Database from 'better-sqlite3';
import { dayNumber, type SalesColumns } from '../../engine/sales-columns';
import { ChunkReader, type SalesChunk, type SalesWindow } from './sales-chunks';
import { ColumnCollector } from './sales-columns';
import { claimChunk, SalesHelper } from './sales-helper';
import { keepChunks, keptChunks } from './sales-store';

/**
 * Row ids per chunk: the unit of work the two readers take turns at, and what one call into
 * SQLite brings back. Every row of a call lives until the call's rows are taken apart, so large
 * calls make the collector copy rows that are about to die: reading a million lines took 3.2 s
 * in chunks of 50,000 and 2.0 s in chunks of 5,000.
 */
const CHUNK_ROWS = 5_000;
/** Below this many row ids to read from the table one thread reads faster than it can start a second. */
const HELPER_FROM_ROWS = 200_000;

export interface ReadSalesOptions {
  /** Electron's build of SQLite, for the helper thread's connection. */
  nativeBinding?: string;
  /** Chunks read so far, of all. */
  onProgress?: (done: number, total: number) => void;
  /** Row ids per chunk (tests make them small to cross many chunks). */
  chunkRows?: number;
  /** From how many row ids on a helper thread reads beside this one. */
  helperFromRows?: number;
}

/**
 * Reads the sales lines dated in the window, in id order. The chunks a run before it kept
 * (sales-store.ts) come from there; the others are read from the table and kept for the runs
 * after. Reading a million lines out of the table takes one core about two seconds, so from
 * HELPER_FROM_ROWS row ids to read on a helper thread reads beside this one (see SalesHelper). The
 * helper reads its own snapshot: if anything was committed meanwhile the two might differ, so
 * then the lines are read again here alone.
 */
export function readSales(db: Database.Database, window: SalesWindow, options: ReadSalesOptions = {}): SalesColumns {
  const version = () => db.pragma('data_version', { simple: true }) as number;
  const attempt = (parallel: boolean) => {
    const before = version();
    return { before, ...db.transaction(() => readInSnapshot(db, window, options, parallel))() };
  };
  // Inside a caller's transaction this thread's snapshot may be older than any the helper could
  // take, and data_version would not show it: read alone there (and in memory, which no other
  // connection can open).
  let read = attempt(!db.memory && !db.inTransaction);
  if (read.helped && version() !== read.before) read = attempt(false);
  const { collector, fromTable, before } = read;
  const whole = fromTable.flatMap((k) => {
    const part = collector.part(k);
    return part?.whole ? [part] : [];
  });
  // A caller's transaction may yet be rolled back, and a read-only connection keeps nothing.
  if (whole.length > 0 && !db.inTransaction && !db.readonly)
    keepChunks(db, before, whole, collector.codes, options.chunkRows ?? CHUNK_ROWS);
  return collector.columns();
}

/**
 * Reads every sales line no run has kept yet, and keeps it (see sales-store.ts): what the run
 * worker does in the background after a large import (see keepSalesInBackground), so that the next
 * run of any period finds its lines kept instead of reading them from the table. How many lines
 * were read.
 */
export function keepAllSales(db: Database.Database, options: ReadSalesOptions = {}): number {
  const span = db.prepare('SELECT min(doc_date) AS "from", max(doc_date) AS "to" FROM sales').get() as {
    from: string | null;
    to: string | null;
  };
  if (span.from === null || span.to === null) return 0;
  return readSales(db, { from: span.from, to: span.to }, options).count;
}

function readInSnapshot(
  db: Database.Database,
  window: SalesWindow,
  options: ReadSalesOptions,
  parallel: boolean,
): { collector: ColumnCollector; fromTable: number[]; helped: boolean } {
  const chunkRows = options.chunkRows ?? CHUNK_ROWS;
  const top = (db.prepare('SELECT max(rowid) FROM sales').pluck().get() as number | null) ?? 0;
  const chunks = Math.ceil(top / chunkRows);
  const { codes, kept } = keptChunks(db, chunkRows, chunks, { from: dayNumber(window.from), to: dayNumber(window.to) });
  // Each chunk's lines in their own slot, so the lines come back in id order whoever read them.
  const collector = new ColumnCollector(codes);
  let done = 0;
  for (const chunk of kept.values()) {
    collector.keepNumbered(chunk);
    options.onProgress?.(++done, chunks);
  }
  const todo = [...Array(chunks).keys()].filter((k) => !kept.has(k));
  const keeper = () => {
    const collect = collector.reader();
    return (chunk: SalesChunk) => {
      // Taken even when the chunk is here already: its new words belong to the reader's list.
      const fresh = !collector.has(chunk.index);
      collect(chunk);
      if (fresh) options.onProgress?.(++done, chunks);
    };
  };
  const reader = new ChunkReader(db, window, chunkRows);
  const keepMine = keeper();
  const readHere = (k: number) => keepMine(reader.read(k));

  const shared = new Int32Array(new SharedArrayBuffer(SalesHelper.sharedBytes));
  const helper =
    parallel && todo.length * chunkRows >= (options.helperFromRows ?? HELPER_FROM_ROWS)
      ? new SalesHelper({ dbPath: db.name, nativeBinding: options.nativeBinding, window, chunkRows, todo }, shared)
      : undefined;
  try {
    const keepTheirs = keeper();
    for (let k = claimChunk(shared, todo); k >= 0; k = claimChunk(shared, todo)) {
      readHere(k);
      helper?.take(keepTheirs);
    }
    helper?.finish(keepTheirs);
  } finally {
    helper?.stop();
  }
  // Whatever a failed helper claimed and never delivered is read here.
  for (const k of todo) if (!collector.has(k)) readHere(k);
  return { collector, fromTable: todo, helped: helper !== undefined };
}
