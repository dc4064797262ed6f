import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { escapeLike } from '../datasets/grid-query';

/**
 * The audit log: append-only (triggers refuse UPDATE and DELETE) and hash-chained — each
 * entry's hash covers its own fields and the previous entry's hash, so changing, removing or
 * reordering any entry breaks the chain at that entry. The newest entry's number and hash are
 * also kept in settings, so removing entries from the end is caught too.
 */
export interface AuditEntry {
  seq: number;
  at: string;
  user: string;
  action: string;
  subject: string;
  before: unknown;
  after: unknown;
  hash: string;
}

export interface AuditRecord {
  user: string;
  /** What happened, as `area.verb`: `import.run`, `run.approve`, `override.set`. */
  action: string;
  /** What it happened to, in words a reader can search: `run 12`, `scheme VOL-01`. */
  subject: string;
  before?: unknown;
  after?: unknown;
}

export const genesisHash = '0'.repeat(64);
const headKey = 'audit_head';

interface StoredEntry {
  seq: number;
  at: string;
  user: string;
  action: string;
  subject: string;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

function hashOf(e: Omit<StoredEntry, 'hash'>): string {
  const fields = [e.seq, e.at, e.user, e.action, e.subject, e.before, e.after, e.prev_hash];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

const asText = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/** Appends one entry. Call it inside the transaction that makes the change it records. */
export function appendAudit(db: Database.Database, record: AuditRecord, now = new Date()): number {
  const append = () => {
    const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
      | { seq: number; hash: string }
      | undefined;
    const entry = {
      seq: (last?.seq ?? 0) + 1,
      at: now.toISOString(),
      user: record.user,
      action: record.action,
      subject: record.subject,
      before: asText(record.before),
      after: asText(record.after),
      prev_hash: last?.hash ?? genesisHash,
    };
    const hash = hashOf(entry);
    db.prepare(
      `INSERT INTO audit_log (seq, at, user, action, subject, before, after, prev_hash, hash)
       VALUES (@seq, @at, @user, @action, @subject, @before, @after, @prev_hash, @hash)`,
    ).run({ ...entry, hash });
    db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(headKey, `${entry.seq}:${hash}`);
    return entry.seq;
  };
  return db.inTransaction ? append() : db.transaction(append).immediate();
}

export interface AuditVerdict {
  ok: boolean;
  entries: number;
  /** The newest entry's hash: note it down elsewhere to prove later that nothing was cut off. */
  head: string;
  /** The first entry found altered, removed or out of order, and what is wrong with it. */
  brokenAt: number | null;
  problem: string | null;
}

export function verifyAudit(db: Database.Database): AuditVerdict {
  let previous = genesisHash;
  let expected = 1;
  let count = 0;
  const broken = (seq: number, problem: string): AuditVerdict => ({
    ok: false,
    entries: count,
    head: previous,
    brokenAt: seq,
    problem,
  });
  for (const e of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<StoredEntry>) {
    if (e.seq !== expected) {
      return broken(expected, `entry ${expected} is missing: it was removed (the next entry is ${e.seq})`);
    }
    if (e.prev_hash !== previous) {
      return broken(
        e.seq,
        `entry ${e.seq} does not follow entry ${e.seq - 1}: an entry was removed, reordered or replaced`,
      );
    }
    if (hashOf(e) !== e.hash) return broken(e.seq, `entry ${e.seq} was altered after it was written`);
    previous = e.hash;
    expected += 1;
    count += 1;
  }
  const head = db.prepare('SELECT value FROM settings WHERE key = ?').get(headKey) as { value: string } | undefined;
  if (!head && count > 0) {
    return broken(count + 1, `the log's stored head was removed: whether entries were cut from the end cannot be told`);
  }
  if (head && head.value !== `${count}:${previous}`) {
    const [seq] = head.value.split(':');
    return broken(
      count + 1,
      `the log ends at entry ${count} but entry ${seq} was written: entries were removed from the end`,
    );
  }
  return { ok: true, entries: count, head: previous, brokenAt: null, problem: null };
}

export interface AuditQuery {
  action?: string;
  user?: string;
  text?: string;
  /** The first instant listed (ISO). */
  from?: string;
  /** The first instant not listed (ISO). */
  to?: string;
  offset: number;
  limit: number;
}

/** Newest first, filtered by action prefix, user, any text, and a span of time [from, to). */
export function listAudit(db: Database.Database, q: AuditQuery): { entries: AuditEntry[]; total: number } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.action) {
    where.push("action LIKE ? ESCAPE '\\'");
    params.push(`${escapeLike(q.action)}%`);
  }
  if (q.user) {
    where.push('user = ? COLLATE NOCASE');
    params.push(q.user);
  }
  if (q.text) {
    where.push("(subject || ' ' || coalesce(before, '') || ' ' || coalesce(after, '')) LIKE ? ESCAPE '\\'");
    params.push(`%${escapeLike(q.text)}%`);
  }
  // Written as toISOString writes `at`, so the text compares as the instants do.
  if (q.from) {
    where.push('at >= ?');
    params.push(new Date(q.from).toISOString());
  }
  if (q.to) {
    where.push('at < ?');
    params.push(new Date(q.to).toISOString());
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const rows = db
    .prepare(`SELECT * FROM audit_log ${clause} ORDER BY seq DESC LIMIT ? OFFSET ?`)
    .all(...params, q.limit, q.offset) as StoredEntry[];
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_log ${clause}`).get(...params) as { n: number }).n;
  return {
    total,
    entries: rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      user: r.user,
      action: r.action,
      subject: r.subject,
      before: r.before === null ? null : JSON.parse(r.before),
      after: r.after === null ? null : JSON.parse(r.after),
      hash: r.hash,
    })),
  };
}
