import { daysBetween } from '../../engine/dates';
import type { SaleFact } from '../../engine/facts';
import type { SalesChunk } from './sales-chunks';

/**
 * The sales lines a run read, as columns: days as numbers, codes (distributors, outlets, SKUs)
 * as numbers into one list, amounts in typed arrays. A control then passes over a million lines
 * comparing numbers and indexing arrays, where over the line objects it compared date strings
 * and looked codes up in Maps: the five fact signals took 1.7 s over a million lines that way.
 * Row i is `sales[i]`, for what only a few lines need (the document number).
 */
export interface SalesColumns {
  sales: readonly SaleFact[];
  count: number;
  /** Distributor, outlet and SKU codes, by number. */
  codes: string[];
  codeOf: ReadonlyMap<string, number>;
  /** Days since 1970-01-01. */
  day: Int32Array;
  distributor: Int32Array;
  /** -1 for a primary sale, which has no outlet. */
  outlet: Int32Array;
  sku: Int32Array;
  /** 1 for an invoice, 0 for a credit note. */
  invoice: Uint8Array;
  net: Float64Array;
  qty: Float64Array;
  id: Float64Array;
}

/** An ISO day as its number in `day`. */
export const dayNumber = (iso: string): number => daysBetween('1970-01-01', iso);

/** The columns of lines arrays, by array: worked out once (a kept run worker hands the same one again). */
const built = new WeakMap<readonly SaleFact[], SalesColumns>();

/**
 * The columns of a run's lines: those gathered as they were read (ColumnCollector), else worked
 * out from the lines — which takes half a second for a million of them, mostly in looking codes up.
 */
export function salesColumns(sales: readonly SaleFact[]): SalesColumns {
  const known = built.get(sales);
  if (known) return known;
  const n = sales.length;
  const codeOf = new Map<string, number>();
  const codes: string[] = [];
  const code = (word: string) => {
    let k = codeOf.get(word);
    if (k === undefined) {
      k = codes.push(word) - 1;
      codeOf.set(word, k);
    }
    return k;
  };
  const dayOf = new Map<string, number>();
  const c: SalesColumns = {
    sales,
    count: n,
    codes,
    codeOf,
    day: new Int32Array(n),
    distributor: new Int32Array(n),
    outlet: new Int32Array(n),
    sku: new Int32Array(n),
    invoice: new Uint8Array(n),
    net: new Float64Array(n),
    qty: new Float64Array(n),
    id: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const s = sales[i] as SaleFact;
    let day = dayOf.get(s.date);
    if (day === undefined) {
      day = dayNumber(s.date);
      dayOf.set(s.date, day);
    }
    c.day[i] = day;
    c.distributor[i] = code(s.distributor);
    c.outlet[i] = s.outlet === null ? -1 : code(s.outlet);
    c.sku[i] = code(s.sku);
    c.invoice[i] = s.docType === 'invoice' ? 1 : 0;
    c.net[i] = s.net;
    c.qty[i] = s.qty;
    c.id[i] = s.id;
  }
  built.set(sales, c);
  return c;
}

/** Which codes are among `wanted`, as a mask over the columns' codes. */
export function codeMask(c: SalesColumns, wanted: Iterable<string>): Uint8Array {
  const mask = new Uint8Array(c.codes.length);
  for (const w of wanted) {
    const k = c.codeOf.get(w);
    if (k !== undefined) mask[k] = 1;
  }
  return mask;
}

/** Where an ascending list holds `value` (by halves), or -1. */
export function sortedIndexOf(list: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const at = list[mid] as number;
    if (at === value) return mid;
    if (at < value) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** The row of the line with stored id `id`, or -1: by halves when the lines are in id order, as read. */
export function rowOfId(c: SalesColumns): (id: number) => number {
  for (let i = 1; i < c.count; i++)
    if ((c.id[i] as number) < (c.id[i - 1] as number)) {
      const rows = new Map(Array.from(c.id, (id, row) => [id, row]));
      return (id) => rows.get(id) ?? -1;
    }
  return (id) => sortedIndexOf(c.id, id);
}

/**
 * The columns of the lines as readSales reads them, chunk by chunk, from the columns each chunk
 * already is: each reader's words (codes and dates) are mapped once onto one list of codes and
 * onto day numbers, and each chunk's columns through them, after its facts were built.
 */
export class ColumnCollector {
  private readonly codes: string[] = [];
  private readonly codeOf = new Map<string, number>();
  private readonly parts: SalesChunk[] = [];

  /** What takes the chunks of one reader, in the order it read them, and keeps chunk k once. */
  reader(): (chunk: SalesChunk) => void {
    const codeOfWord: number[] = [];
    const dayOfWord: number[] = [];
    return (chunk) => {
      for (const word of chunk.words) {
        let k = this.codeOf.get(word);
        if (k === undefined) {
          k = this.codes.push(word) - 1;
          this.codeOf.set(word, k);
        }
        codeOfWord.push(k);
      }
      if (this.parts[chunk.index]) return;
      const code = (w: number) => codeOfWord[w] as number;
      for (let i = 0; i < chunk.count; i++) {
        const w = chunk.date[i] as number;
        let day = dayOfWord[w];
        if (day === undefined) {
          day = dayNumber(this.codes[code(w)] as string);
          dayOfWord[w] = day;
        }
        chunk.date[i] = day;
        chunk.distributor[i] = code(chunk.distributor[i] as number);
        const outlet = chunk.outlet[i] as number;
        chunk.outlet[i] = outlet < 0 ? -1 : code(outlet);
        chunk.sku[i] = code(chunk.sku[i] as number);
      }
      this.parts[chunk.index] = chunk;
    };
  }

  /** The columns of `sales`, the lines of every chunk in chunk order; remembered for salesColumns. */
  columns(sales: readonly SaleFact[]): SalesColumns {
    const n = sales.length;
    const c: SalesColumns = {
      sales,
      count: n,
      codes: this.codes,
      codeOf: this.codeOf,
      day: new Int32Array(n),
      distributor: new Int32Array(n),
      outlet: new Int32Array(n),
      sku: new Int32Array(n),
      invoice: new Uint8Array(n),
      net: new Float64Array(n),
      qty: new Float64Array(n),
      id: new Float64Array(n),
    };
    let at = 0;
    for (const part of this.parts) {
      if (!part) continue;
      const end = part.count;
      c.day.set(part.date.subarray(0, end), at);
      c.distributor.set(part.distributor.subarray(0, end), at);
      c.outlet.set(part.outlet.subarray(0, end), at);
      c.sku.set(part.sku.subarray(0, end), at);
      for (let i = 0; i < end; i++) c.invoice[at + i] = part.credit[i] ? 0 : 1;
      c.net.set(part.net.subarray(0, end), at);
      c.qty.set(part.qty.subarray(0, end), at);
      c.id.set(part.id.subarray(0, end), at);
      at += end;
    }
    if (at !== n) throw new Error(`The columns hold ${at} lines of ${n}`);
    built.set(sales, c);
    return c;
  }
}
