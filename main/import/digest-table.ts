import { hash, randomBytes } from 'node:crypto';

/**
 * A secret of one import's own, which its digests begin with: whoever writes a file cannot know
 * it, so cannot make two different rows share a digest (and one pass for a duplicate or an exact
 * repeat of the other), however much they compute beforehand.
 */
export const digestSecret = (): string => randomBytes(16).toString('base64');

/**
 * The SHA-1 of the import's secret and a text, of which a DigestTable keeps 96 bits: among a
 * billion rows the chance of two sharing them is about one in 10^11.
 */
export const rowDigest = (secret: string, text: string): Buffer =>
  hash('sha1', secret + text, 'buffer') as unknown as Buffer;

/**
 * A digest for keys whose collision costs nothing but a gap: the documents an import numbers
 * lines within. Two documents sharing it share one count, so the second numbers its lines on from
 * the first's: every line still has a number of its own within its document. So no SHA-1 is
 * needed, whose call cost about 1.9 s of a million single-line invoices. Three 32-bit lanes,
 * each its own multiply-and-rotate over the text's UTF-16 units, begun from the import's secret
 * (so a file cannot be written to make them collide), each mixed at the end as MurmurHash3 does.
 */
export function quickDigester(secret: string): (text: string) => Buffer {
  // The lanes' seeds: read from the bytes themselves, never from `.buffer`, which a Buffer may
  // share with others at an offset of its own.
  const seeds = rowDigest(secret, '');
  const [a, b, c] = [0, 4, 8].map((at) => seeds.readInt32LE(at)) as [number, number, number];
  return (text) => {
    let h1 = a;
    let h2 = b;
    let h3 = c;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ unit, 0x01000193);
      h2 = (Math.imul((h2 << 13) | (h2 >>> 19), 5) + Math.imul(unit, 0xcc9e2d51)) | 0;
      h3 = Math.imul(h3 + unit, 0x27d4eb2f);
      h3 = (h3 << 11) | (h3 >>> 21);
    }
    const digest = Buffer.allocUnsafe(DIGEST_BYTES);
    digest.writeInt32LE(mix(h1 ^ text.length), 0);
    digest.writeInt32LE(mix(h2 ^ h1), 4);
    digest.writeInt32LE(mix(h3 ^ h2), 8);
    return digest;
  };
}

/** MurmurHash3's finalizer: every bit of the lane moves every bit of the result. */
function mix(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
}

/**
 * A row's cells as one text that no other row's cells make: each cell by its type, and a text
 * by its length first, so no content can pass for a boundary. Five times faster than
 * JSON.stringify, which turns each date through toJSON.
 */
export function cellsText(cells: readonly unknown[]): string {
  let text = '';
  for (const cell of cells) {
    if (typeof cell === 'string') text += `s${cell.length}:${cell}`;
    else if (typeof cell === 'number') text += `n${cell};`;
    else if (cell instanceof Date) text += `d${cell.getTime()};`;
    else if (typeof cell === 'boolean') text += cell ? 't' : 'f';
    else text += '-';
  }
  return text;
}

/** The digest of a row's cells, which finds a row repeated exactly, in every column. */
export const cellsDigest = (secret: string, cells: readonly unknown[]): Buffer => rowDigest(secret, cellsText(cells));

/** Bytes of a digest a DigestTable keeps. */
export const DIGEST_BYTES = 12;

const WORDS = DIGEST_BYTES / 4;
const MAX_VALUE = 0xffff_ffff;

/**
 * A positive whole number (a row number, a count) for each text seen, keyed by 96 bits of the
 * text's SHA-1 (rowDigest), in typed arrays: what an import keeps for every row it reads (its
 * cells, its identity, its document's lines so far). Maps of a million digest strings held some
 * 240 MB of heap for the collector to walk; this holds 16 bytes a slot, none of them objects.
 * Open addressing with linear probing, doubled before it is half full; 0 marks an empty slot.
 */
export class DigestTable {
  private keys: Int32Array;
  private values: Uint32Array;
  private mask: number;
  private count = 0;

  constructor(capacity = 1 << 12) {
    const slots = 2 ** Math.ceil(Math.log2(Math.max(capacity, 2)));
    this.keys = new Int32Array(slots * WORDS);
    this.values = new Uint32Array(slots);
    this.mask = slots - 1;
  }

  /** The slot holding this digest, or the empty slot where it belongs. */
  private slot(digest: Buffer): number {
    const a = digest.readInt32LE(0);
    const b = digest.readInt32LE(4);
    const c = digest.readInt32LE(8);
    const { keys, values, mask } = this;
    for (let at = a & mask; ; at = (at + 1) & mask) {
      if (values[at] === 0) return at;
      const k = at * WORDS;
      if (keys[k] === a && keys[k + 1] === b && keys[k + 2] === c) return at;
    }
  }

  /** How many digests the table holds. */
  get size(): number {
    return this.count;
  }

  get(digest: Buffer): number | undefined {
    const value = this.values[this.slot(digest)];
    return value === 0 ? undefined : value;
  }

  set(digest: Buffer, value: number): void {
    checked(value);
    const at = this.slot(digest);
    if (this.values[at] === 0) this.fill(at, digest, value);
    else this.values[at] = value;
  }

  /**
   * The number kept for this digest; or, when none is, undefined, after keeping `value` for it.
   * One probe of the table where a get and then a set take two: a slot far in memory each.
   */
  setIfNew(digest: Buffer, value: number): number | undefined {
    checked(value);
    const at = this.slot(digest);
    const held = this.values[at];
    if (held !== 0) return held;
    this.fill(at, digest, value);
    return undefined;
  }

  /** Puts a digest not yet held in its empty slot `at`, first doubling the table if it is half full. */
  private fill(at: number, digest: Buffer, value: number): void {
    let slot = at;
    if ((this.count + 1) * 2 > this.values.length) {
      this.grow();
      slot = this.slot(digest);
    }
    for (let word = 0; word < WORDS; word++) this.keys[slot * WORDS + word] = digest.readInt32LE(word * 4);
    this.count++;
    this.values[slot] = value;
  }

  /**
   * Makes room for `count` digests at once. A table that will hold a million digests would
   * otherwise be doubled nine times from its first size, moving every digest each time: about
   * 0.5 s of a million-line import.
   */
  reserve(count: number): void {
    const slots = 2 ** Math.ceil(Math.log2(Math.max(count * 2, 2)));
    if (slots > this.values.length) this.rehash(slots);
  }

  private grow(): void {
    this.rehash(this.values.length * 2);
  }

  private rehash(slots: number): void {
    const { keys, values } = this;
    this.keys = new Int32Array(slots * WORDS);
    this.values = new Uint32Array(slots);
    this.mask = slots - 1;
    for (let from = 0; from < values.length; from++) {
      if (values[from] === 0) continue;
      const k = from * WORDS;
      let at = (keys[k] as number) & this.mask;
      while (this.values[at] !== 0) at = (at + 1) & this.mask;
      this.keys.set(keys.subarray(k, k + WORDS), at * WORDS);
      this.values[at] = values[from] as number;
    }
  }
}

function checked(value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > MAX_VALUE)
    throw new RangeError(`DigestTable holds whole numbers from 1 to ${MAX_VALUE}, not ${value}`);
}
