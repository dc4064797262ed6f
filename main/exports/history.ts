import type Database from 'better-sqlite3';
import { paiseToRupees } from '../../engine/money';

/** One entry of the export history: what was written, where, by whom, and each file's SHA-256. */
export interface ExportRecord {
  id: number;
  run: number;
  format: string;
  profile: string;
  draft: boolean;
  folder: string;
  files: { name: string; bytes: number; rows: number; sha256: string; controlTotal: string }[];
  controlTotal: string;
  madeBy: string;
  madeAt: string;
}

export function exportHistory(db: Database.Database, run?: number): ExportRecord[] {
  const rows = db
    .prepare(
      `SELECT id, run_id AS run, format, profile, draft, folder, files, CAST(control_total AS TEXT) AS controlTotal, made_by AS madeBy,
         made_at AS madeAt FROM exports WHERE ? IS NULL OR run_id = ? ORDER BY id DESC LIMIT 500`,
    )
    .all(run ?? null, run ?? null) as (Omit<ExportRecord, 'draft' | 'files' | 'controlTotal'> & {
    draft: number;
    files: string;
    controlTotal: string;
  })[];
  return rows.map((r) => ({
    ...r,
    draft: r.draft === 1,
    files: JSON.parse(r.files) as ExportRecord['files'],
    controlTotal: paiseToRupees(BigInt(r.controlTotal)),
  }));
}
