import type Database from 'better-sqlite3';
import type { QuarantinedRow } from '../api/contract';
import { appendAudit } from '../audit/log';
import { mastersDigest } from '../audit/saved-masters';
import { type DatasetKind, datasetKinds } from '../datasets/kinds';
import type { ImportRequest, ImportResult } from './importer';
import { laterMasterChanges, undoMasterChanges } from './master-changes';
import type { Cell } from './readers/types';
import { writeRejectsWorkbook } from './rejects';

export class BatchError extends Error {}

export interface BatchSummary {
  id: number;
  kind: string;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  sheet: string | null;
  format: string | null;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  dateFrom: string | null;
  dateTo: string | null;
  totals: Record<string, string>;
  importedBy: string;
  importedAt: string;
  status: 'imported' | 'rolled_back';
  rolledBackBy: string | null;
  rolledBackAt: string | null;
}

interface BatchRow {
  id: number;
  kind: string;
  file_name: string;
  sha256: string;
  size_bytes: number;
  sheet: string | null;
  format: string | null;
  rows_read: number;
  rows_imported: number;
  rows_rejected: number;
  date_from: string | null;
  date_to: string | null;
  totals: string | null;
  imported_by: string;
  imported_at: string;
  status: 'imported' | 'rolled_back';
  rolled_back_by: string | null;
  rolled_back_at: string | null;
}

const summary = (r: BatchRow): BatchSummary => ({
  id: r.id,
  kind: r.kind,
  fileName: r.file_name,
  sha256: r.sha256,
  sizeBytes: r.size_bytes,
  sheet: r.sheet,
  format: r.format,
  rowsRead: r.rows_read,
  rowsImported: r.rows_imported,
  rowsRejected: r.rows_rejected,
  dateFrom: r.date_from,
  dateTo: r.date_to,
  totals: r.totals ? (JSON.parse(r.totals) as Record<string, string>) : {},
  importedBy: r.imported_by,
  importedAt: r.imported_at,
  status: r.status,
  rolledBackBy: r.rolled_back_by,
  rolledBackAt: r.rolled_back_at,
});

export function listBatches(db: Database.Database): BatchSummary[] {
  return (db.prepare('SELECT * FROM import_batches ORDER BY id DESC').all() as BatchRow[]).map(summary);
}

export function findBatch(db: Database.Database, id: number): BatchSummary | null {
  const row = db.prepare('SELECT * FROM import_batches WHERE id = ?').get(id) as BatchRow | undefined;
  return row ? summary(row) : null;
}

/** The import still standing of this sheet of this file (by its SHA-256) as this kind: another sheet, or the same file read as another kind (a Day Book holds invoices and receipts), is not it. */
export function importedBatchWithHash(
  db: Database.Database,
  sha256: string,
  table: { kind: DatasetKind; sheet: string },
): BatchSummary | null {
  const row = db
    .prepare(
      "SELECT * FROM import_batches WHERE sha256 = ? AND kind = ? AND sheet = ? AND status = 'imported' ORDER BY id DESC LIMIT 1",
    )
    .get(sha256, table.kind, table.sheet) as BatchRow | undefined;
  return row ? summary(row) : null;
}

/**
 * Removes every row a batch brought in (its own rows and any masters it created), puts back what
 * it changed of other master rows (outlets moved, codes updated), and marks it rolled back; the
 * batch record stays for the history. Call inside a transaction. Refused when rows of other
 * batches still point at masters this batch brought, or a later import changed again a master
 * field this one changed.
 */
export function rollBackBatchRows(
  db: Database.Database,
  id: number,
  user: string,
  now = new Date(),
): { rowsRemoved: number; mastersRestored: number } {
  const batch = findBatch(db, id);
  if (!batch) throw new BatchError(`There is no import batch ${id}`);
  if (batch.status === 'rolled_back') throw new BatchError(`Batch ${id} was already rolled back`);
  const later = laterMasterChanges(db, id);
  if (later.length > 0)
    throw new BatchError(
      `Batch ${later.join(', ')} changed again what batch ${id} changed in the masters; roll ${later.length === 1 ? 'it' : 'them'} back first`,
    );
  // What the batch changed of other imports' master rows goes back before its own rows go.
  const mastersRestored = undoMasterChanges(db, id);
  let removed = 0;
  // Children before parents, so the foreign keys hold at every step.
  for (const kind of [...datasetKinds].reverse()) {
    try {
      removed += db.prepare(`DELETE FROM ${kind} WHERE batch_id = ?`).run(id).changes;
    } catch (error) {
      if (!/FOREIGN KEY/.test((error as Error).message)) throw error;
      const users = db
        .prepare(
          `SELECT DISTINCT s.batch_id AS id FROM sales s JOIN ${kind} m ON ${kind === 'products' ? 's.sku = m.sku' : kind === 'outlets' ? 's.outlet_code = m.code' : 's.distributor_code = m.code'}
           WHERE m.batch_id = ? AND s.batch_id <> ? LIMIT 5`,
        )
        .all(id, id) as { id: number }[];
      const which = users.length > 0 ? ` (batch ${users.map((u) => u.id).join(', ')})` : '';
      throw new BatchError(`Batch ${id}'s ${kind} are used by rows of other imports${which}; roll those back first`);
    }
  }
  db.prepare('DELETE FROM quarantine WHERE batch_id = ?').run(id);
  db.prepare(
    "UPDATE import_batches SET status = 'rolled_back', rolled_back_by = ?, rolled_back_at = ? WHERE id = ?",
  ).run(user, now.toISOString(), id);
  return { rowsRemoved: removed, mastersRestored };
}

export function rollBackBatch(
  db: Database.Database,
  id: number,
  user: string,
): { batch: number; rowsRemoved: number; mastersRestored: number } {
  const undone = db
    .transaction(() => {
      const before = mastersDigest(db);
      const rolled = rollBackBatchRows(db, id, user);
      appendAudit(db, {
        user,
        action: 'import.rollback',
        subject: `batch ${id}`,
        after: { ...rolled, masters: { before, after: mastersDigest(db) } },
      });
      return rolled;
    })
    .immediate();
  return { batch: id, ...undone };
}

/** The rows a "valid rows only" import kept back, with why, for the user to fix and import again. */
export function listQuarantine(db: Database.Database, batch: number): QuarantinedRow[] {
  const rows = db
    .prepare(
      'SELECT id, batch_id, source_sheet, source_row, cells, reasons FROM quarantine WHERE batch_id = ? ORDER BY source_row',
    )
    .all(batch) as {
    id: number;
    batch_id: number;
    source_sheet: string | null;
    source_row: number;
    cells: string;
    reasons: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    batch: r.batch_id,
    sheet: r.source_sheet,
    row: r.source_row,
    cells: JSON.parse(r.cells),
    reasons: JSON.parse(r.reasons),
  }));
}

/**
 * A batch's quarantined rows as the workbook an import writes for its rejected rows: the file's
 * header (or Column 1, 2 … for a batch imported before headers were kept) and why each was refused.
 */
export async function writeQuarantineWorkbook(db: Database.Database, batch: number, path: string): Promise<void> {
  const info = db.prepare('SELECT file_name, sheet, headers FROM import_batches WHERE id = ?').get(batch) as
    | { file_name: string; sheet: string | null; headers: string | null }
    | undefined;
  if (!info) throw new BatchError(`There is no import batch ${batch}`);
  const rows = listQuarantine(db, batch);
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  const headers: string[] = info.headers
    ? JSON.parse(info.headers)
    : Array.from({ length: width }, (_, i) => `Column ${i + 1}`);
  await writeRejectsWorkbook(path, {
    file: info.file_name,
    sheet: info.sheet ?? '',
    headers,
    rows: rows.map((r) => ({ row: r.row, cells: r.cells as Cell[], reasons: r.reasons })),
  });
}

/**
 * Records an import in the batch `createBatch` opened for it: its counts, mapping, options,
 * totals, dates and decisions; its rejected rows in quarantine; and the import in the audit log,
 * with the batch it replaced and what it changed of earlier batches' lines. Inside the import's
 * transaction.
 */
export function recordImport(
  db: Database.Database,
  batchId: number,
  done: {
    request: ImportRequest;
    result: ImportResult;
    sha256: string;
    replaced: number | null;
    /** What the batch's invoices changed of earlier lines, in words, if anything. */
    earlierLines: string | null;
    /** The masters' digest before the import wrote anything (saved-masters.ts). */
    mastersBefore: string;
  },
): void {
  const { request, result, sha256, replaced, earlierLines } = done;
  db.prepare(
    `UPDATE import_batches SET rows_read = ?, rows_imported = ?, rows_rejected = ?, format = ?, mapping = ?, options = ?,
       totals = ?, date_from = ?, date_to = ?, decisions = ?, headers = ? WHERE id = ?`,
  ).run(
    result.rowsRead,
    result.rows,
    result.rejected,
    result.format,
    JSON.stringify(result.mapping),
    JSON.stringify({
      validOnly: !!request.validOnly,
      createMissing: !!request.createMissing,
      replace: !!request.replace,
      defaults: request.defaults ?? {},
      map: request.map ?? {},
      dateOrder: request.dateOrder ?? null,
      typeMap: request.typeMap ?? {},
      round: !!request.round,
      skipExactRepeats: !!request.skipExactRepeats,
      fillDown: !!request.fillDown,
      moveOutlets: !!request.moveOutlets,
      updateMasters: !!request.updateMasters,
    }),
    JSON.stringify(result.totals),
    result.dateRange?.[0] ?? null,
    result.dateRange?.[1] ?? null,
    JSON.stringify(result.decisions),
    JSON.stringify(result.headers),
    batchId,
  );
  const quarantine = db.prepare(
    'INSERT INTO quarantine (batch_id, kind, source_sheet, source_row, cells, reasons) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const r of result.rejectedRows) {
    quarantine.run(batchId, request.kind, result.sheet, r.row, JSON.stringify(r.cells), JSON.stringify(r.reasons));
  }
  appendAudit(db, {
    user: request.user,
    action: 'import.run',
    subject: `batch ${batchId}: ${request.kind} from ${result.file}`,
    after: {
      file: result.file,
      sha256,
      sheet: result.sheet,
      rows: result.rows,
      rejected: result.rejected,
      totals: result.totals,
      replaced,
      // Lines of earlier batches this import changed: what they name now.
      ...(earlierLines ? { earlierLines } : {}),
      // Master rows of earlier batches it changed (rolling it back puts them back).
      ...(result.movedOutlets.length > 0 ? { movedOutlets: result.movedOutlets } : {}),
      ...(result.updatedMasters.length > 0 ? { updatedMasters: result.updatedMasters } : {}),
      masters: { before: done.mastersBefore, after: mastersDigest(db) },
    },
  });
}
