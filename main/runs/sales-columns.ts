import { CodeList, emptyNumbers, PackedTexts, type SalesColumns } from '../../engine/sales-columns';
import type { SalesChunk } from './sales-chunks';

/**
 * The columns of the lines as readSales reads them, chunk by chunk, from the columns each chunk
 * already is: each reader's words (codes) are mapped once onto one list of codes, and each
 * chunk's columns through them. No line becomes an object: a million of them cost the collector
 * about a second over a run.
 */
export class ColumnCollector {
  private readonly list = new CodeList();
  private readonly parts: SalesChunk[] = [];

  /** Codes numbered in advance, 0 on: the kept chunks' (sales-store.ts). */
  constructor(codes: readonly string[] = []) {
    for (const code of codes) this.list.code(code);
  }

  /** Keeps chunk k, whose codes are numbered as this collector's already. */
  keepNumbered(chunk: SalesChunk): void {
    this.parts[chunk.index] = chunk;
  }

  /** Whether chunk k is kept already. */
  has(k: number): boolean {
    return this.parts[k] !== undefined;
  }

  /** Chunk k as kept: its codes are numbers into `codes`. */
  part(k: number): SalesChunk | undefined {
    return this.parts[k];
  }

  /** The codes the kept chunks' numbers stand for. */
  get codes(): readonly string[] {
    return this.list.codes;
  }

  /**
   * What takes the chunks of one reader, in the order it read them (each brings the words new to
   * that reader), and keeps chunk k once.
   */
  reader(): (chunk: SalesChunk) => void {
    const codeOfWord: number[] = [];
    return (chunk) => {
      for (const word of chunk.words) codeOfWord.push(this.list.code(word));
      if (this.parts[chunk.index]) return;
      const code = (w: number) => codeOfWord[w] as number;
      for (let i = 0; i < chunk.count; i++) {
        chunk.distributor[i] = code(chunk.distributor[i] as number);
        const outlet = chunk.outlet[i] as number;
        chunk.outlet[i] = outlet < 0 ? -1 : code(outlet);
        chunk.sku[i] = code(chunk.sku[i] as number);
      }
      this.parts[chunk.index] = chunk;
    };
  }

  /** The lines of every chunk kept, in chunk order. */
  columns(): SalesColumns {
    const n = this.parts.reduce((sum, part) => sum + (part?.count ?? 0), 0);
    const c = emptyNumbers(n, this.list.codes, this.list.codeOf);
    const docNo = { starts: new Int32Array(n), lengths: new Int32Array(n) };
    const against = { starts: new Int32Array(n), lengths: new Int32Array(n) };
    // The chunks' texts end to end, each chunk's spans moved by where its text now starts.
    const texts: string[] = [];
    let [at, offset] = [0, 0];
    for (const part of this.parts) {
      if (!part) continue;
      const end = part.count;
      c.day.set(part.date.subarray(0, end), at);
      c.distributor.set(part.distributor.subarray(0, end), at);
      c.outlet.set(part.outlet.subarray(0, end), at);
      c.sku.set(part.sku.subarray(0, end), at);
      c.net.set(part.net.subarray(0, end), at);
      c.qty.set(part.qty.subarray(0, end), at);
      c.id.set(part.id.subarray(0, end), at);
      docNo.lengths.set(part.docNo.lengths.subarray(0, end), at);
      against.lengths.set(part.against.lengths.subarray(0, end), at);
      for (let i = 0; i < end; i++) {
        c.invoice[at + i] = part.credit[i] ? 0 : 1;
        docNo.starts[at + i] = offset + (part.docNo.starts[i] as number);
        against.starts[at + i] = offset + (part.against.starts[i] as number);
      }
      texts.push(part.texts);
      offset += part.texts.length;
      at += end;
    }
    const text = texts.join('');
    return {
      ...c,
      docNo: new PackedTexts<string>(text, docNo.starts, docNo.lengths),
      against: new PackedTexts<string | null>(text, against.starts, against.lengths),
    };
  }
}
