import type Database from 'better-sqlite3';
import { type SalesChunk, spansOf } from './sales-chunks';

/**
 * The chunks of sales lines a run read from the table, kept in `sales_store` (migration 22) for
 * the runs after it: a chunk comes back as the columns it was, without a row of the table read or
 * a line made an object. Each kept chunk holds every line of its range of row ids; distributors,
 * outlets and SKUs are numbers into one list of codes, `sales_store_codes`, which only grows. The
 * table's triggers drop a chunk as soon as any line of it changes.
 *
 * One row per chunk, with the first and last day of its lines (a run skips a chunk outside its
 * window unread): `columns` holds its numbers end to end (ids, quantities and amounts as 8-byte
 * floats, then days, distributors, outlets and SKUs as 4-byte integers, then the length of each
 * text, then a byte for each line's credit mark), in the machine's byte order; `texts` holds its
 * document numbers, then the numbers returned against, one after another (a line against nothing
 * has the length -1).
 */

type StoredRow = [first: number, last: number, count: number, columns: Buffer | null, texts: string | null];

/**
 * The kept codes, by number, and the kept chunks of `rows` row ids each among the first `chunks`,
 * by index, holding their lines dated from day `from` to day `to` (day numbers). A chunk with no
 * line in them is not even fetched: it comes back empty.
 */
export function keptChunks(
  db: Database.Database,
  rows: number,
  chunks: number,
  days: { from: number; to: number },
): { codes: string[]; kept: Map<number, SalesChunk> } {
  const codes = db.prepare('SELECT word FROM sales_store_codes ORDER BY code').pluck().all() as string[];
  const kept = new Map<number, SalesChunk>();
  const stored = db
    .prepare(
      `SELECT first_id, last_id, count,
         CASE WHEN last_day >= @from AND first_day <= @to THEN columns END,
         CASE WHEN last_day >= @from AND first_day <= @to THEN texts END
       FROM sales_store WHERE last_id <= @last`,
    )
    .raw()
    .all({ ...days, last: rows * chunks }) as StoredRow[];
  for (const [first, last, count, columns, texts] of stored) {
    if (last - first !== rows || first % rows !== 0) continue;
    const index = first / rows;
    // Outside the window (its blob not fetched): a chunk of no lines.
    const chunk = columns === null ? decode(index, 0, Buffer.alloc(0), '') : decode(index, count, columns, texts ?? '');
    kept.set(index, within(chunk, days.from, days.to));
  }
  return { codes, kept };
}

function decode(index: number, n: number, columns: Buffer, texts: string): SalesChunk {
  // Typed arrays need their elements aligned. better-sqlite3 gives each blob a buffer of its own
  // (offset 0); one inside a larger buffer, at an odd offset, would be copied into one.
  const bytes = columns.byteOffset % Float64Array.BYTES_PER_ELEMENT === 0 ? columns : new Uint8Array(columns);
  let at = bytes.byteOffset;
  const floats = () => {
    const column = new Float64Array(bytes.buffer, at, n);
    at += column.byteLength;
    return column;
  };
  const ints = (length = n) => {
    const column = new Int32Array(bytes.buffer, at, length);
    at += column.byteLength;
    return column;
  };
  const [id, qty, net] = [floats(), floats(), floats()];
  const [date, distributor, outlet, sku] = [ints(), ints(), ints(), ints()];
  const lengths = ints(2 * n);
  const credit = new Uint8Array(bytes.buffer, at, n);
  const doc = spansOf(lengths.subarray(0, n), 0);
  const against = spansOf(lengths.subarray(n), doc.end).spans;
  return {
    index,
    count: n,
    words: [],
    id,
    date,
    distributor,
    outlet,
    sku,
    qty,
    net,
    credit,
    texts,
    docNo: doc.spans,
    against,
    whole: true,
  };
}

/**
 * Keeps chunks read from the table, whose codes are numbers into `codes` (the kept codes first,
 * then those the table brought), if nothing was committed to the workspace since `version` (its
 * data_version before they were read): then they are the table's lines now, and the kept codes
 * those read, and they stay so until a trigger drops them. Keeping is only a saving: when the
 * workspace is busy or the disk refuses, the run goes on and the next one reads the table again.
 */
export function keepChunks(
  db: Database.Database,
  version: number,
  parts: readonly SalesChunk[],
  codes: readonly string[],
  rows: number,
): void {
  const newCode = db.prepare('INSERT INTO sales_store_codes (code, word) VALUES (?, ?)');
  // Any kept range the chunk overlaps (one kept in chunks of another size) gives way to it.
  const remove = db.prepare('DELETE FROM sales_store WHERE last_id > ? AND first_id < ?');
  const insert = db.prepare(
    'INSERT INTO sales_store (last_id, first_id, count, first_day, last_day, columns, texts) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const keep = db.transaction(() => {
    if (db.pragma('data_version', { simple: true }) !== version) return;
    const known = db.prepare('SELECT count(*) FROM sales_store_codes').pluck().get() as number;
    for (let code = known; code < codes.length; code++) newCode.run(code, codes[code]);
    for (const part of parts) {
      const first = part.index * rows;
      remove.run(first, first + rows);
      insert.run(first + rows, first, part.count, ...encode(part));
    }
  });
  try {
    keep.immediate();
  } catch (error) {
    console.warn(`The sales lines read were not kept for the next run (${(error as Error).message}).`);
  }
}

function encode(part: SalesChunk): [number | null, number | null, Buffer, string] {
  const n = part.count;
  let [first, last]: [number | null, number | null] = [null, null];
  for (const day of part.date.subarray(0, n)) {
    if (first === null || day < first) first = day;
    if (last === null || day > last) last = day;
  }
  const view = (a: Float64Array | Int32Array | Uint8Array) =>
    Buffer.from(a.buffer, a.byteOffset, n * a.BYTES_PER_ELEMENT);
  const columns = Buffer.concat([
    view(part.id),
    view(part.qty),
    view(part.net),
    view(part.date),
    view(part.distributor),
    view(part.outlet),
    view(part.sku),
    view(part.docNo.lengths),
    view(part.against.lengths),
    view(part.credit),
  ]);
  // A chunk kept is one read whole from the table: its texts are its own lines', in their order.
  return [first, last, columns, part.texts];
}

/** A chunk's lines dated from day `from` to day `to`: the chunk itself when they all are. */
function within(part: SalesChunk, from: number, to: number): SalesChunk {
  const { date, count } = part;
  const rows: number[] = [];
  for (let i = 0; i < count; i++) if ((date[i] as number) >= from && (date[i] as number) <= to) rows.push(i);
  if (rows.length === count) return part;
  const pick = <T extends Int32Array | Float64Array | Uint8Array>(column: T): T => {
    const out = new (column.constructor as new (n: number) => T)(rows.length);
    for (let j = 0; j < rows.length; j++) out[j] = column[rows[j] as number] as number;
    return out;
  };
  return {
    ...part,
    count: rows.length,
    id: pick(part.id),
    date: pick(part.date),
    distributor: pick(part.distributor),
    outlet: pick(part.outlet),
    sku: pick(part.sku),
    qty: pick(part.qty),
    net: pick(part.net),
    credit: pick(part.credit),
    docNo: { starts: pick(part.docNo.starts), lengths: pick(part.docNo.lengths) },
    against: { starts: pick(part.against.starts), lengths: pick(part.against.lengths) },
  };
}
