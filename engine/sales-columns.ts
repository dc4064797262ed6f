import { addDays, daysBetween } from './dates';
import type { SaleFact } from './facts';

/**
 * The sales lines as columns: days as numbers, codes (distributors, outlets, SKUs) as numbers
 * into one list, amounts in typed arrays. The engine and the controls pass over a million lines
 * comparing numbers and indexing arrays, where over line objects they compared date strings
 * and looked codes up in Maps. Row i of every column is the same line.
 */
export interface SalesColumns {
  count: number;
  /** Distributor, outlet and SKU codes, by number. */
  codes: readonly string[];
  codeOf: ReadonlyMap<string, number>;
  /** Days since 1970-01-01 (dayNumber). */
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
  docNo: TextColumn<string>;
  /** The document a credit note is against, or null. */
  against: TextColumn<string | null>;
}

/** A column of texts, one per line: an array, or texts packed end to end (PackedTexts). */
export interface TextColumn<T extends string | null> {
  at(i: number): T | undefined;
}

/**
 * Texts laid end to end in one string, each found by where it starts and how long it is (-1: no
 * text, null). A run's million document numbers and returns were a million strings and two arrays
 * of a million slots each, decoded one by one from the lines kept and copied again into the
 * columns, which the collector scanned and moved on every pass while they were young; packed they
 * are one string and four typed arrays, and a text is made only when a check asks for it.
 */
export class PackedTexts<T extends string | null> implements TextColumn<T> {
  constructor(
    readonly text: string,
    readonly starts: Int32Array,
    readonly lengths: Int32Array,
  ) {}

  at(i: number): T {
    const length = this.lengths[i] as number;
    if (length < 0) return null as T;
    const start = this.starts[i] as number;
    return this.text.slice(start, start + length) as T;
  }
}

/** Codes numbered in the order first met: a word's number, and each number's word. */
export class CodeList {
  readonly codes: string[] = [];
  readonly codeOf = new Map<string, number>();

  /** The word's number, numbering it if it is new. */
  code(word: string): number {
    let k = this.codeOf.get(word);
    if (k === undefined) {
      k = this.codes.push(word) - 1;
      this.codeOf.set(word, k);
    }
    return k;
  }
}

/** An ISO day as its number in `day`. */
export const dayNumber = (iso: string): number => daysBetween('1970-01-01', iso);
/** A number in `day` as its ISO day. */
export const isoDay = (day: number): string => addDays('1970-01-01', day);

/** Columns for n lines, to be filled, over a list of codes (the texts are the caller's). */
export function emptyNumbers(n: number, codes: readonly string[], codeOf: ReadonlyMap<string, number>) {
  return {
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
}

/** The columns of lines arrays, by array: worked out once. */
const built = new WeakMap<readonly SaleFact[], SalesColumns>();

/**
 * The columns of lines given as columns (as a run reads them), or worked out once from lines
 * given as objects (as tests and small callers write them).
 */
export function salesColumns(sales: readonly SaleFact[] | SalesColumns): SalesColumns {
  if (!Array.isArray(sales)) return sales as SalesColumns;
  const known = built.get(sales);
  if (known) return known;
  const n = sales.length;
  const list = new CodeList();
  const dayOf = new Map<string, number>();
  const c = {
    ...emptyNumbers(n, list.codes, list.codeOf),
    docNo: new Array<string>(n),
    against: new Array<string | null>(n),
  };
  for (let i = 0; i < n; i++) {
    const s = sales[i] as SaleFact;
    let day = dayOf.get(s.date);
    if (day === undefined) {
      day = dayNumber(s.date);
      dayOf.set(s.date, day);
    }
    c.day[i] = day;
    c.distributor[i] = list.code(s.distributor);
    c.outlet[i] = s.outlet === null ? -1 : list.code(s.outlet);
    c.sku[i] = list.code(s.sku);
    c.invoice[i] = s.docType === 'invoice' ? 1 : 0;
    c.net[i] = s.net;
    c.qty[i] = s.qty;
    c.id[i] = s.id;
    c.docNo[i] = s.docNo;
    c.against[i] = s.against;
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
