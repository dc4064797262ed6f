import type Database from 'better-sqlite3';
import { prepareInsert, type SourceRef, type StoredValue } from '../datasets/insert';
import { type DatasetKind, isMasterKind } from '../datasets/kinds';
import { deferredIndexes } from './deferred-indexes';
import { DigestTable } from './digest-table';
import type { ImportIssue } from './importer';
import { kindRules } from './kind-rules';
import { type MasterDifference, MasterRows, thereAndHere } from './master-rows';
import { ReceiptRows } from './receipt-rows';
import { storedRows } from './stored-rows';

type Line = Record<string, StoredValue>;

/** What becomes of a row's lines: each stored as a row of its own, or added into an earlier row. */
export interface SortedLines {
  stores: { line: Line; key: Buffer | undefined }[];
  addedInto: { id: number; line: Line }[];
  /** A masters file's row the master holds already, as the file writes it: passed over. */
  unchanged: boolean;
  /** A masters file's row that says otherwise of a code the master holds, when asked to update the masters. */
  update: { code: string; differences: MasterDifference[] } | null;
}

/**
 * Where the lines of an import go. A line is stored as a row of its own; added into the stored
 * row of an earlier line of the same receipt and bill (ReceiptRows); or refused as a repeat of a
 * line of this file, or of a row an earlier import stored, by the identity of its kind (a line
 * the import numbers, by its document's: kindRules' documentIdentity). Holds the identities of
 * the lines stored so far, the kind's prepared insert, and the table's indexes a large import
 * builds at the end (deferredIndexes).
 */
export class LineStore {
  /** Lines stored so far, by identity: the row of the file each came from. */
  readonly seen = new DigestTable();
  readonly indexes: ReturnType<typeof deferredIndexes>;
  readonly receiptRows: ReceiptRows | null;
  /** Lines stored so far, each a row of its own. */
  count = 0;
  /** The ids of the first and last lines the last store() stored (0 where it stored none). */
  firstId = 0;
  lastId = 0;
  private readonly insert: ReturnType<typeof prepareInsert>;
  /** Where the line being stored came from (the batch, the sheet): one object, its row set for each line. */
  private readonly source: SourceRef;
  private readonly stored: ReturnType<typeof storedRows>;
  private readonly identity: readonly string[];
  private readonly masterRows: MasterRows | null;

  constructor(
    db: Database.Database,
    kind: DatasetKind,
    secret: string,
    /** The batch and sheet the lines come from. */
    ref: { batchId: number; sheet: string | null },
    /** Sales lines the import numbers within their document: they cannot repeat one another. */
    private readonly numberLines: boolean,
    /** Whether the file has a line number column (said in the refusal of a repeat). */
    private readonly lineNumbered: boolean,
    /** A masters file's row that says otherwise of a code the master holds updates it (else it is refused). */
    private readonly updateMasters = false,
  ) {
    this.insert = prepareInsert(db, kind);
    this.source = { ...ref, row: null };
    // A line numbered here is found among other imports' by its document: its number is its place in the file.
    const found = numberLines ? kindRules[kind].documentIdentity : undefined;
    this.stored = storedRows(db, kind, secret, ref.batchId, found);
    this.indexes = deferredIndexes(db, kind);
    this.receiptRows = kind === 'payments' ? new ReceiptRows(db) : null;
    this.identity = kindRules[kind].identity;
    this.masterRows = isMasterKind(kind) ? new MasterRows(db, kind) : null;
  }

  /**
   * Sorts the lines of row `row` (none when it has issues already): an issue for each that repeats
   * an earlier one. `repeated` is the row this one repeats in every column, if any.
   */
  sort(lines: readonly Line[], row: number, repeated: number | undefined, issues: ImportIssue[]): SortedLines {
    const sorted: SortedLines = { stores: [], addedInto: [], unchanged: false, update: null };
    for (const line of lines) {
      if (issues.length > 0) break;
      // Lines numbered here cannot repeat one another's identity: only the store may hold one.
      const key = this.numberLines ? undefined : this.stored.key(line);
      const first = key === undefined ? undefined : this.seen.get(key);
      const earlierBatch = first === undefined ? this.stored.batchOf(line, key) : undefined;
      const into =
        key !== undefined && first !== undefined && repeated === undefined
          ? this.receiptRows?.into(key, line)
          : undefined;
      const differences = earlierBatch !== undefined ? this.masterRows?.differences(line) : undefined;
      if (into !== undefined) sorted.addedInto.push({ id: into, line });
      else if (differences?.length === 0) sorted.unchanged = true;
      else if (differences && this.updateMasters && this.masterRows)
        sorted.update = { code: String(line[this.masterRows.code]), differences };
      else if (first !== undefined || earlierBatch !== undefined) {
        const what = this.identity
          .map((f) => line[f])
          .filter((v) => v !== null && v !== undefined)
          .join(' / ');
        issues.push({
          row,
          column: '(row)',
          value: what,
          message:
            first === undefined
              ? differences
                ? `already in the master (batch ${earlierBatch}), which says otherwise: ${differences.map(thereAndHere).join('; ')}. An import adds codes to the masters and changes what they hold, which runs read, only when asked (--update-masters)`
                : `already imported in batch ${earlierBatch}`
              : repeated === undefined && this.lineNumbered
                ? `duplicate of row ${first} of this file, though another column differs: if both are lines of their own, leave the line number out (--map line_no=, or "— not in this file —" in the dialog) and the lines of each document are numbered as they come`
                : `duplicate of row ${first} of this file`,
        });
      } else sorted.stores.push({ line, key });
    }
    return sorted;
  }

  /** Stores what sort() kept of row `row`. */
  store({ stores, addedInto }: SortedLines, row: number): void {
    this.firstId = 0;
    this.lastId = 0;
    for (const { line, key } of stores) {
      this.source.row = row;
      const id = Number(this.insert(line, this.source).lastInsertRowid);
      if (this.firstId === 0) this.firstId = id;
      this.lastId = id;
      if (key !== undefined) {
        this.seen.set(key, row);
        this.receiptRows?.kept(key, id);
      }
      this.count++;
      const dropped = this.indexes.inserted(this.count);
      if (dropped === 'all') this.stored.readHeld();
      else if (dropped === 'ordering') this.stored.readHeldLeads();
    }
    for (const { id, line } of addedInto) this.receiptRows?.add(id, line);
  }
}
