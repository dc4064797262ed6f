import type Database from 'better-sqlite3';
import type { StoredValue } from '../datasets/insert';
import type { DatasetKind } from '../datasets/kinds';
import { cellsDigest, DigestTable } from './digest-table';
import { kindRules } from './kind-rules';
import { LeadFilter } from './lead-filter';

/**
 * The duplicate check's query, by `fields` (the kind's identity, or its document's), in batches
 * other than the one given. Unary + keeps a column out of index selection: only `lookup` is searched.
 */
export function existingRowSql(kind: DatasetKind, fields: readonly string[] = kindRules[kind].identity): string {
  const { lookup } = kindRules[kind];
  const where = fields.map((f) => `${lookup.includes(f) ? '' : '+'}"${f}" IS ?`).join(' AND ');
  return `SELECT batch_id AS batch FROM ${kind} WHERE ${where} AND +batch_id <> ? LIMIT 1`;
}

/**
 * Which earlier import stored a row of this identity, if one did. Asked of SQLite row by row,
 * through the index that leads with the kind's `lookup` fields, until the import grows large
 * beside the table. From a third of the table on (deferredIndexes' first step) the first `lookup`
 * value of every row it holds (a document or receipt number) is read once into a LeadFilter, off
 * the heap: a row whose value none has cannot be one of them and is not asked, which is most rows
 * of a new month's file. Once the import has brought more rows than the table held before it
 * (when deferredIndexes drops the rest of the indexes) the identities of the rows held before are
 * read once too, each as a digest beside its batch, and the rest are asked in memory: reading
 * them costs less than the rows already imported, and saves both the lookup and keeping its index
 * in order for every row after. Rows of this import are not looked for: the import finds repeats
 * among its own rows itself, by the same `key`.
 */
export function storedRows(
  db: Database.Database,
  kind: DatasetKind,
  secret: string,
  /** This import's batch, whose rows are never looked for. */
  batchId: number,
  /** What a row is found by: its identity, or its document's (kindRules' documentIdentity). */
  identity: readonly string[] = kindRules[kind].identity,
) {
  const { lookup } = kindRules[kind];
  const identityOf = (values: Record<string, StoredValue>) => identity.map((f) => values[f] ?? null);
  /** The digest of a row's identity. */
  const key = (values: Record<string, StoredValue>) => cellsDigest(secret, identityOf(values));
  const statement = db.prepare(existingRowSql(kind, identity));
  const lead = lookup[0] as string;
  const leadAt = identity.indexOf(lead);
  if (leadAt < 0) throw new Error(`${kind}: the duplicate check's lookup must lead with an identity field`);
  /** The first `lookup` values the table held, once read. */
  let leads: LeadFilter | null = null;
  /** The identities the table held, once the import has outgrown it. */
  let held: DigestTable | null = null;
  /** A filter sized by the highest row id: no fewer than the rows held, and this import's so far. */
  const leadFilter = () => new LeadFilter(db.prepare(`SELECT max(rowid) FROM ${kind}`).pluck().get() as number);
  return {
    key,
    /** `known` is the row's key, when the caller worked it out already. */
    batchOf(values: Record<string, StoredValue>, known?: Buffer): number | undefined {
      const leadValue = values[lead] ?? null;
      // A text no held row has (as the table holds it) is no held row's: every lookup field is
      // text. A value of another type is asked, however SQLite or the digests compare it.
      if (leads && (typeof leadValue === 'string' || leadValue === null) && !leads.mayHave(leadValue)) return undefined;
      if (held) return held.get(known ?? key(values));
      return (statement.get(...identityOf(values), batchId) as { batch: number } | undefined)?.batch;
    },
    /**
     * Reads the first `lookup` value of every row the table holds (through the index that leads
     * with it): reading a million costs less than asking the table for a million rows (1.4 s of
     * lookups for a million lines into a million).
     */
    readHeldLeads(): void {
      const filter = leadFilter();
      for (const value of db
        .prepare(`SELECT "${lead}" FROM ${kind}`)
        .pluck()
        .iterate() as IterableIterator<StoredValue>)
        filter.add(value ?? null);
      leads = filter;
    },
    /**
     * Reads the identities of the rows other imports stored, and their first `lookup` values unless
     * read already; the lookup index is not needed after.
     */
    readHeld(): void {
      const digests = new DigestTable();
      const filter = leads === null ? leadFilter() : null;
      const rows = db
        .prepare(`SELECT ${[...identity, 'batch_id'].map((f) => `"${f}"`).join(', ')} FROM ${kind} WHERE batch_id <> ?`)
        .raw()
        .iterate(batchId) as IterableIterator<StoredValue[]>;
      for (const row of rows) {
        filter?.add(row[leadAt] ?? null);
        const digest = cellsDigest(secret, row.slice(0, identity.length));
        if (digests.get(digest) === undefined) digests.set(digest, row[identity.length] as number);
      }
      leads ??= filter;
      held = digests;
    },
  };
}
