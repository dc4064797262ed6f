import type Database from 'better-sqlite3';
import type { StoredValue } from '../datasets/insert';
import type { DatasetKind } from '../datasets/kinds';
import { cellsDigest, DigestTable } from './digest-table';
import { kindRules } from './kind-rules';
import { LeadFilter } from './lead-filter';

/** The duplicate check's query. Unary + keeps a column out of index selection: only `lookup` is searched. */
export function existingRowSql(kind: DatasetKind): string {
  const { identity, lookup } = kindRules[kind];
  const where = identity.map((f) => `${lookup.includes(f) ? '' : '+'}"${f}" IS ?`).join(' AND ');
  return `SELECT batch_id AS batch FROM ${kind} WHERE ${where} LIMIT 1`;
}

/**
 * Which earlier import stored a row of this identity, if one did. Asked of SQLite row by row,
 * through the index that leads with the kind's `lookup` fields (from a third of the table on,
 * only for rows whose first `lookup` value the table may hold: readHeldLeads), until the import
 * has brought more rows than the table held before it (when deferredIndexes drops the table's
 * indexes): then the identities of the rows held before are read once, each as a digest beside
 * its batch, and asked in memory. Reading them costs less than the rows already imported, and saves both the lookup
 * and keeping its index in order for every row after. A row whose first `lookup` value (a
 * document or receipt number) no held row has cannot be one of them, so its digest is not even
 * worked out: most rows of a new month's file. Those values are kept as a LeadFilter, off the
 * heap. Rows of this import are not looked for: the import finds repeats among its own rows
 * itself, by the same `key`.
 */
export function storedRows(db: Database.Database, kind: DatasetKind, secret: string) {
  const { identity, lookup } = kindRules[kind];
  const identityOf = (values: Record<string, StoredValue>) => identity.map((f) => values[f] ?? null);
  /** The digest of a row's identity. */
  const key = (values: Record<string, StoredValue>) => cellsDigest(secret, identityOf(values));
  const statement = db.prepare(existingRowSql(kind));
  const lead = lookup[0] as string;
  const leadAt = identity.indexOf(lead);
  if (leadAt < 0) throw new Error(`${kind}: the duplicate check's lookup must lead with an identity field`);
  let held: { digests: DigestTable; leads: LeadFilter } | null = null;
  /** The `lookup` values the table held when the import grew large beside it (readHeldLeads). */
  let heldLeads: LeadFilter | null = null;
  return {
    key,
    /** `known` is the row's key, when the caller worked it out already. */
    batchOf(values: Record<string, StoredValue>, known?: Buffer): number | undefined {
      const leadValue = values[lead] ?? null;
      if (held) return held.leads.mayHave(leadValue) ? held.digests.get(known ?? key(values)) : undefined;
      // A text no held row has (as the table holds it) cannot be asked of the table: every lookup
      // field is text. Other values are asked, however SQLite compares them.
      if (heldLeads && (typeof leadValue === 'string' || leadValue === null) && !heldLeads.mayHave(leadValue))
        return undefined;
      return (statement.get(...identityOf(values)) as { batch: number } | undefined)?.batch;
    },
    /**
     * Reads the first `lookup` value of every row the table holds (through the index that leads
     * with it, as it stands), so that a row whose value none has is not asked of SQLite: most rows
     * of a new month's file. Called when the import is foreseen to bring a third of the table or
     * more (deferredIndexes' first step), where reading a million values costs less than asking
     * the table row by row: a million lines into a million, 1.4 s of lookups.
     */
    readHeldLeads(): void {
      heldLeads = new LeadFilter(db.prepare(`SELECT max(rowid) FROM ${kind}`).pluck().get() as number);
      for (const value of db
        .prepare(`SELECT "${lead}" FROM ${kind}`)
        .pluck()
        .iterate() as IterableIterator<StoredValue>)
        heldLeads.add(value ?? null);
    },
    /** Reads the identities of the rows other imports stored; the lookup index is not needed after. */
    readHeld(batchId: number): void {
      const digests = new DigestTable();
      // Sized by the highest row id: no fewer than the rows held, and this import's so far.
      const leads = new LeadFilter(db.prepare(`SELECT max(rowid) FROM ${kind}`).pluck().get() as number);
      const rows = db
        .prepare(`SELECT ${[...identity, 'batch_id'].map((f) => `"${f}"`).join(', ')} FROM ${kind} WHERE batch_id <> ?`)
        .raw()
        .iterate(batchId) as IterableIterator<StoredValue[]>;
      for (const row of rows) {
        leads.add(row[leadAt] ?? null);
        const digest = cellsDigest(secret, row.slice(0, identity.length));
        if (digests.get(digest) === undefined) digests.set(digest, row[identity.length] as number);
      }
      held = { digests, leads };
    },
  };
}
