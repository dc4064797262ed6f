import type Database from 'better-sqlite3';
import { scaledIntegerToString } from '../../engine/money';
import type { RunListItem, StoredPayoutLine } from '../api/contract';

export function listRuns(db: Database.Database): RunListItem[] {
  const rows = db.prepare('SELECT * FROM runs ORDER BY id DESC').all() as {
    id: number;
    period_from: string;
    period_to: string;
    status: string;
    line_count: number;
    total: number;
    created_by: string;
    created_at: string;
    engine_version: string;
    scheme_versions: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    from: r.period_from,
    to: r.period_to,
    status: r.status,
    lines: r.line_count,
    total: scaledIntegerToString(r.total, 2),
    createdBy: r.created_by,
    createdAt: r.created_at,
    engineVersion: r.engine_version,
    schemes: (JSON.parse(r.scheme_versions) as { code: string; version: number }[]).map(({ code, version }) => ({
      code,
      version,
    })),
  }));
}

interface LineRow {
  id: number;
  scheme_code: string;
  version: number;
  payee: string;
  kind: 'payout' | 'clawback';
  measure: string;
  unit: StoredPayoutLine['unit'];
  target: string | null;
  achievement: string | null;
  slab: number | null;
  slab_label: string | null;
  computed: number;
  final: number;
  adjustments: string;
  near_miss: string | null;
  explanation: string;
  source_table: string;
  source_count: number;
}

export function runLines(
  db: Database.Database,
  run: number,
  offset: number,
  limit: number,
): { lines: StoredPayoutLine[]; total: number } {
  const rows = db
    .prepare(
      `SELECT l.id, l.scheme_code, v.version, l.payee, l.kind, l.measure, l.unit, l.target, l.achievement, l.slab, l.slab_label,
         l.computed, l.final, l.adjustments, l.near_miss, l.explanation, l.source_table, length(l.source_ids) AS source_count
       FROM payout_lines l JOIN scheme_versions v ON v.id = l.scheme_version_id
       WHERE l.run_id = ? ORDER BY l.scheme_code, l.payee, l.id LIMIT ? OFFSET ?`,
    )
    .all(run, limit, offset) as LineRow[];
  const total = (db.prepare('SELECT count(*) AS n FROM payout_lines WHERE run_id = ?').get(run) as { n: number }).n;
  return {
    total,
    lines: rows.map((r) => ({
      id: r.id,
      scheme: r.scheme_code,
      schemeVersion: r.version,
      payee: r.payee,
      kind: r.kind,
      measure: r.measure,
      unit: r.unit,
      target: r.target,
      achievementPct: r.achievement,
      slab: r.slab,
      slabLabel: r.slab_label,
      computed: r.computed,
      final: r.final,
      adjustments: JSON.parse(r.adjustments),
      nearMiss: r.near_miss ? JSON.parse(r.near_miss) : null,
      explanation: r.explanation,
      sourceTable: r.source_table,
      sourceCount: r.source_count,
    })),
  };
}
