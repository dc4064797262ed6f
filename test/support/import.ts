import { type ImportRequest, runImport } from '../../main/import/importer';
import type { Workspace } from '../../main/workspace';

/** Runs an import in-process against a test workspace, with the defaults a user gets. */
export function importFile(ws: Workspace, path: string, request: Partial<ImportRequest> & Pick<ImportRequest, 'kind'>) {
  return runImport(ws.db, { path, user: 'tester', locale: 'en-IN', ...request });
}

/** Rows of one dataset as stored, without bookkeeping columns, in file order. */
export function storedRows(ws: Workspace, kind: string, batch: number) {
  return (
    ws.db.prepare(`SELECT * FROM ${kind} WHERE batch_id = ? ORDER BY id`).all(batch) as Record<string, unknown>[]
  ).map(({ id: _id, batch_id: _b, source_sheet: _s, source_row: _r, ...rest }) => rest);
}
