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
  return (values: Record<string, StoredValue>, source: SourceRef) =>
    statement.run(...names.map((n) => values[n] ?? null), source.batchId, source.sheet, source.row);
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
