import type Database from 'better-sqlite3';
import { scaledIntegerToString } from '../../engine/money';
import { type FilterModel, orderClause, type SortModel, whereClause } from './grid-query';
import { type DatasetKind, datasetKinds, datasets } from './kinds';

export type CellValue = string | number | null;
export type DatasetRow = Record<string, CellValue>;

export function countRows(db: Database.Database): Record<DatasetKind, number> {
  const counts = {} as Record<DatasetKind, number>;
  for (const kind of datasetKinds) {
    counts[kind] = (db.prepare(`SELECT count(*) AS n FROM ${kind}`).get() as { n: number }).n;
  }
  return counts;
}

/** Stored integers back to the exact decimal text the user reads (money in major units). */
function present(kind: DatasetKind, row: Record<string, CellValue>): DatasetRow {
  const out: DatasetRow = { id: row.id ?? null };
  for (const field of datasets[kind].fields) {
    const value = row[field.name] ?? null;
    if (typeof value === 'number' && (field.type === 'money' || field.type === 'qty')) {
      out[field.name] = scaledIntegerToString(value, field.type === 'money' ? 2 : 3);
    } else {
      out[field.name] = value;
    }
  }
  return out;
}

export interface RowsQuery {
  kind: DatasetKind;
  startRow: number;
  endRow: number;
  sortModel: SortModel;
  filterModel: FilterModel;
}

export function readRows(db: Database.Database, q: RowsQuery): { rows: DatasetRow[]; total: number } {
  const def = datasets[q.kind];
  const where = whereClause(def, q.filterModel);
  const columns = ['id', ...def.fields.map((f) => `"${f.name}"`)].join(', ');
  const rows = db
    .prepare(`SELECT ${columns} FROM ${q.kind} ${where.sql} ${orderClause(def, q.sortModel)} LIMIT ? OFFSET ?`)
    .all(...where.params, q.endRow - q.startRow, q.startRow) as Record<string, CellValue>[];
  const total = (db.prepare(`SELECT count(*) AS n FROM ${q.kind} ${where.sql}`).get(...where.params) as { n: number })
    .n;
  return { rows: rows.map((r) => present(q.kind, r)), total };
}
