import type Database from 'better-sqlite3';
import type { StoredValue } from '../datasets/insert';
import type { Master } from '../datasets/kinds';

/** The column that holds each master's code. */
const codeColumn: Record<Master, string> = { distributors: 'code', outlets: 'code', products: 'sku' };

/** Sets a field of a master's row of a code, a statement prepared once per master and field. */
function masterSetter(db: Database.Database) {
  const statements = new Map<string, Database.Statement>();
  return (kind: Master, code: string, field: string, value: StoredValue): number => {
    const key = `${kind}.${field}`;
    let update = statements.get(key);
    if (!update) {
      update = db.prepare(`UPDATE ${kind} SET "${field}" = ? WHERE "${codeColumn[kind]}" = ?`);
      statements.set(key, update);
    }
    return update.run(value, code).changes;
  };
}

/**
 * Changes an import makes to master rows that other imports brought (an outlet moved, a code's
 * fields updated), each recorded with the value it replaces (master_changes), for the roll-back.
 */
export class MasterChanges {
  private readonly record: Database.Statement;
  private readonly set: ReturnType<typeof masterSetter>;

  constructor(
    db: Database.Database,
    private readonly batch: number,
  ) {
    this.record = db.prepare(
      'INSERT INTO master_changes (batch_id, kind, code, field, before, after) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.set = masterSetter(db);
  }

  /** Sets `field` of the master's row of `code` from `before` to `after`. */
  change(kind: Master, code: string, field: string, before: StoredValue, after: StoredValue): void {
    this.set(kind, code, field, after);
    this.record.run(this.batch, kind, code, field, before, after);
  }
}

/** The later imports that changed again a field this batch changed of a master row: the batch's roll-back waits for theirs. */
export function laterMasterChanges(db: Database.Database, batch: number): number[] {
  return db
    .prepare(
      `SELECT DISTINCT l.batch_id FROM master_changes m JOIN master_changes l
         ON l.kind = m.kind AND l.code = m.code AND l.field = m.field AND l.id > m.id AND l.batch_id <> m.batch_id
       WHERE m.batch_id = ? ORDER BY l.batch_id`,
    )
    .pluck()
    .all(batch) as number[];
}

/**
 * Puts back, latest first, every value the batch changed of the master rows (of those still
 * there: a row its own import's roll-back removed has nothing to put back), and forgets the
 * changes. Answers how many it put back. Call inside the roll-back's transaction, before the
 * batch's own rows go (an outlet moved to a distributor the batch created goes back first).
 */
export function undoMasterChanges(db: Database.Database, batch: number): number {
  const changes = db
    .prepare('SELECT kind, code, field, before FROM master_changes WHERE batch_id = ? ORDER BY id DESC')
    .all(batch) as { kind: Master; code: string; field: string; before: StoredValue }[];
  const set = masterSetter(db);
  let restored = 0;
  for (const { kind, code, field, before } of changes) restored += set(kind, code, field, before);
  db.prepare('DELETE FROM master_changes WHERE batch_id = ?').run(batch);
  return restored;
}
