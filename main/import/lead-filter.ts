/** Bits a LeadFilter sets aside for each value it may be given. */
const BITS_PER_VALUE = 16;

/**
 * Which values (the document numbers of the rows a workspace holds) have been added, as bits in
 * a typed array: a value it says no to was never added; one it says yes to may have been (about
 * one in a hundred by chance, at the size it was made for), so the caller goes on to ask the
 * question exactly. Two bytes a value, none of them on the heap, where a Set of a few million
 * document numbers would hold some hundred megabytes there, under the import worker's limit.
 * Each value sets two bits, both from one FNV-1a hash of its UTF-16 code units.
 */
export class LeadFilter {
  private readonly bits: Uint32Array;
  private readonly mask: number;

  /** A filter for up to `values` values (more only raise the chance of a yes by chance). */
  constructor(values: number) {
    const size = 2 ** Math.max(5, Math.ceil(Math.log2(Math.max(values, 1) * BITS_PER_VALUE)));
    this.bits = new Uint32Array(size / 32);
    this.mask = size - 1;
  }

  add(value: unknown): void {
    const h = hash(value);
    this.set(h & this.mask);
    this.set(spread(h) & this.mask);
  }

  /** False when `value` was never added; true when it was, or by chance. */
  mayHave(value: unknown): boolean {
    const h = hash(value);
    return this.has(h & this.mask) && this.has(spread(h) & this.mask);
  }

  private set(bit: number): void {
    this.bits[bit >>> 5] = (this.bits[bit >>> 5] as number) | (1 << (bit & 31));
  }

  private has(bit: number): boolean {
    return ((this.bits[bit >>> 5] as number) & (1 << (bit & 31))) !== 0;
  }
}

/** FNV-1a, 32 bits, over a value's text (null and numbers by their text: a false yes at worst). */
function hash(value: unknown): number {
  const text = typeof value === 'string' ? value : String(value);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A second bit position from the same hash: its halves mixed (MurmurHash3's finaliser). */
function spread(h: number): number {
  let x = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}
