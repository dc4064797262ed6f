import type Database from 'better-sqlite3';
import { type DatasetKind, datasets } from './kinds';

export type StoredValue = string | number | null;

/** Where a stored row came from, so every number can be traced back to a file row. */
export interface SourceRef {
  batchId: number;
  sheet: string | null;
  row: number | null;
}

export function prepareInsert(db: Database.Database, kind: DatasetKind) {
  const names = datasets[kind].fields.map((f) => f.name);
  const columns = [...names, 'batch_id', 'source_sheet', 'source_row'];
  const statement = db.prepare(
    `INSERT INTO ${kind} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  // One array of parameters, filled afresh for each row (run binds them before it returns): a
  // large import inserts a million rows, and an array and a spread of it each time were garbage.
  const params: StoredValue[] = columns.map(() => null);
  const last = names.length;
  return (values: Record<string, StoredValue>, source: SourceRef) => {
    for (let i = 0; i < last; i++) params[i] = values[names[i] as string] ?? null;
    params[last] = source.batchId;
    params[last + 1] = source.sheet;
    params[last + 2] = source.row;
    return statement.run(params);
  };
}

export interface BatchInfo {
  kind: DatasetKind;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  sheet: string | null;
  user: string;
}

export function createBatch(db: Database.Database, info: BatchInfo, now = new Date()): number {
  const result = db
    .prepare(
      `INSERT INTO import_batches (kind, file_name, sha256, size_bytes, sheet, rows_read, rows_imported, imported_by, imported_at)
       VALUES (?, ?, ?, ?, ?, 0, 0, ?, ?)`,
    )
    .run(info.kind, info.fileName, info.sha256, info.sizeBytes, info.sheet, info.user, now.toISOString());
  return Number(result.lastInsertRowid);
}

export function finishBatch(db: Database.Database, batchId: number, rowsRead: number, rowsImported: number): void {
  db.prepare('UPDATE import_batches SET rows_read = ?, rows_imported = ? WHERE id = ?').run(
    rowsRead,
    rowsImported,
    batchId,
  );
}
