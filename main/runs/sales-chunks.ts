import type Database from 'better-sqlite3';
import { CodeList } from '../../engine/sales-columns';

/** A run window: the days whose sales lines a run reads. */
export interface SalesWindow {
  from: string;
  to: string;
}

/**
 * The sales lines of one range of row ids, as columns. Numbers sit in typed arrays, which a
 * worker hands to another thread without copying; codes, which repeat a great deal, are indexes
 * into the reader's word list, of which each chunk carries only the new words.
 */
export interface SalesChunk {
  /** k: the chunk holds the row ids in (k × rows, (k + 1) × rows]. */
  index: number;
  count: number;
  words: string[];
  id: Float64Array;
  /** Days since 1970-01-01. */
  date: Int32Array;
  distributor: Int32Array;
  /** -1 for a primary sale, which has no outlet. */
  outlet: Int32Array;
  sku: Int32Array;
  qty: Float64Array;
  net: Float64Array;
  credit: Uint8Array;
  /**
   * Its lines' document numbers end to end, then the numbers they are against, in line order as
   * read; a chunk narrowed to fewer lines keeps it whole and narrows the spans.
   */
  texts: string;
  docNo: TextSpans;
  against: TextSpans;
  /** Every line of its range is here: none was outside the window. */
  whole: boolean;
}

/** Where each line's text starts in its chunk's `texts`, and how long it is (-1: it has none). */
export interface TextSpans {
  starts: Int32Array;
  lengths: Int32Array;
}

/** The spans of texts of these lengths laid end to end from `at`, and where the next would start. */
export function spansOf(lengths: Int32Array, at: number): { spans: TextSpans; end: number } {
  const starts = new Int32Array(lengths.length);
  for (let i = 0; i < lengths.length; i++) {
    starts[i] = at;
    at += Math.max(lengths[i] as number, 0);
  }
  return { spans: { starts, lengths }, end: at };
}

type SalesRow = [number, number | string, string, 0 | 1, string, string | null, string, number, number, string | null];

/** The typed arrays of a chunk: what postMessage transfers instead of copying. */
export const chunkBuffers = (c: SalesChunk): ArrayBuffer[] =>
  [
    c.id,
    c.date,
    c.distributor,
    c.outlet,
    c.sku,
    c.qty,
    c.net,
    c.credit,
    c.docNo.starts,
    c.docNo.lengths,
    c.against.starts,
    c.against.lengths,
  ].map((a) => a.buffer as ArrayBuffer);

/**
 * Reads chunk k — the lines whose row id is in (k × rows, (k + 1) × rows] and whose date is in
 * the window — on one connection, and tells whether that is every line of the range (then the
 * chunk may be kept: sales-store.ts). Rows come back as arrays (raw), which better-sqlite3
 * returns several times faster than objects.
 */
export class ChunkReader {
  private readonly query: Database.Statement;
  private readonly lines: Database.Statement;
  private readonly words = new CodeList();
  /** How many of the words earlier chunks brought. */
  private sent = 0;

  constructor(
    db: Database.Database,
    private readonly window: SalesWindow,
    private readonly rows: number,
  ) {
    // NOT INDEXED: a run reads most of the table, and a walk in row id order is 2.5× faster than
    // one through the date index (1.5 s against 3.8 s for a million lines). SQLite turns the date
    // into its day number faster than a string reaches JavaScript; a date it cannot read comes
    // as it is written.
    this.query = db
      .prepare(
        `SELECT id, coalesce(unixepoch(doc_date) / 86400, doc_date), doc_no, doc_type = 'credit_note', distributor_code, outlet_code, sku, qty, net_value, against_doc_no
         FROM sales NOT INDEXED WHERE rowid > ? AND rowid <= ? AND doc_date BETWEEN ? AND ?`,
      )
      .raw();
    this.lines = db.prepare('SELECT count(*) FROM sales WHERE rowid > ? AND rowid <= ?').pluck();
  }

  read(k: number): SalesChunk {
    const size = this.rows;
    const c: Omit<SalesChunk, 'texts' | 'docNo' | 'against'> = {
      index: k,
      count: 0,
      words: [],
      id: new Float64Array(size),
      date: new Int32Array(size),
      distributor: new Int32Array(size),
      outlet: new Int32Array(size),
      sku: new Int32Array(size),
      qty: new Float64Array(size),
      net: new Float64Array(size),
      credit: new Uint8Array(size),
      whole: true,
    };
    // all() rather than iterate(): a chunk is at most `rows` lines, and one call into SQLite for
    // them is about 10 % faster than a step per line.
    const rows = this.query.all(k * size, (k + 1) * size, this.window.from, this.window.to) as SalesRow[];
    c.whole = rows.length === this.lines.get(k * size, (k + 1) * size);
    const [docs, againsts]: [string[], string[]] = [[], []];
    const [docLengths, againstLengths] = [new Int32Array(size), new Int32Array(size)];
    let n = 0;
    for (const [id, date, docNo, credit, distributor, outlet, sku, qty, net, against] of rows) {
      if (typeof date !== 'number')
        throw new Error(
          `Sales line ${id} is dated "${date}", which is not a day written YYYY-MM-DD: the run cannot read it`,
        );
      c.id[n] = id;
      c.date[n] = date;
      c.distributor[n] = this.words.code(distributor);
      c.outlet[n] = outlet === null ? -1 : this.words.code(outlet);
      c.sku[n] = this.words.code(sku);
      c.qty[n] = qty;
      c.net[n] = net;
      c.credit[n] = credit;
      docLengths[n] = docNo.length;
      docs.push(docNo);
      againstLengths[n] = against === null ? -1 : against.length;
      if (against !== null) againsts.push(against);
      n++;
    }
    c.count = n;
    c.words = this.words.codes.slice(this.sent);
    this.sent = this.words.codes.length;
    const doc = spansOf(docLengths, 0);
    return {
      ...c,
      texts: docs.join('') + againsts.join(''),
      docNo: doc.spans,
      against: spansOf(againstLengths, doc.end).spans,
    };
  }
}
