import type { StoredValue } from '../datasets/insert';
import { cellsText, DigestTable, quickDigester } from './digest-table';

/** A sales line's document, as stored: its type, party, number and date. */
export const documentText = (values: Record<string, StoredValue>) =>
  cellsText([values.doc_type, values.distributor_code, values.doc_no, values.doc_date]);

/**
 * The documents of a sales file, as its lines come: each line's number within its document,
 * where the file gives none, and which line gives a document's round-off. Numbered by the
 * document as stored (its type read as invoice or credit note), so no two lines of the file share
 * an identity. A document's lines mostly come one after another: they are counted as they come,
 * and the table of counts (by `quickDigester`: a digest two documents shared would only leave a
 * gap in the second's numbers) is asked and told only where the document changes.
 */
export class DocumentLines {
  /** Each document's lines so far, should it come back later in the file. */
  readonly counts = new DigestTable();
  private readonly digest: (text: string) => Buffer;
  private last: { text: string; digest: Buffer; lines: number } = { text: '', digest: Buffer.alloc(0), lines: 0 };
  private readonly added = new Set<string>();

  constructor(secret: string) {
    this.digest = quickDigester(secret);
  }

  /** The number of this line within its document: one more than the document's lines before it. */
  next(values: Record<string, StoredValue>): number {
    const text = documentText(values);
    if (text !== this.last.text) {
      if (this.last.lines > 0) this.counts.set(this.last.digest, this.last.lines);
      const digest = this.digest(text);
      this.last = { text, digest, lines: this.counts.get(digest) ?? 0 };
    }
    return ++this.last.lines;
  }

  /**
   * Whether this line is the first of its document to give a round-off or other charges. A file
   * that repeats the document's fields on every item row (Zoho Books) writes them on each too.
   */
  firstAddition(values: Record<string, StoredValue>): boolean {
    const text = documentText(values);
    if (this.added.has(text)) return false;
    this.added.add(text);
    return true;
  }
}
