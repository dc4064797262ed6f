import type Database from 'better-sqlite3';
import { paiseToRupees } from '../../engine/money';
import type { RunListItem } from '../api/contract';
import { makersOf } from '../review/run-state';
import { type Actor, type RunStatus, refusal, runActions, statusRefusal } from '../review/workflow';

interface RunRow {
  id: number;
  period_from: string;
  period_to: string;
  status: RunStatus;
  line_count: number;
  payees: number;
  /** Paise as text: exact beyond 2^53. */
  total: string;
  created_by: string;
  created_at: string;
  submitted_by: string | null;
  submitted_at: string | null;
  approved_by: string | null;
  approved_at: string | null;
  comment: string | null;
  reverses_run: number | null;
  reversed_by_run: number | null;
  engine_version: string;
  scheme_versions: string;
  notices: string;
}

/**
 * Runs newest first (or just run `id`), each with the workflow steps its status allows and
 * those `actor` may take now, so the window offers what the rules offer without restating them.
 */
export function listRuns(db: Database.Database, actor: Actor, id?: number): RunListItem[] {
  const rows = db
    .prepare(
      `SELECT r.*, CAST(r.total AS TEXT) AS total, (SELECT count(DISTINCT payee) FROM payout_lines l WHERE l.run_id = r.id) AS payees
       FROM runs r WHERE r.status <> 'draft' ${id === undefined ? '' : 'AND r.id = ?'} ORDER BY r.id DESC`,
    )
    .all(...(id === undefined ? [] : [id])) as RunRow[];
  const makers = makersOf(db, id);
  const basisOf = db
    .prepare("SELECT json_extract(definition, '$.slabs.basis') FROM scheme_versions WHERE code = ? AND version = ?")
    .pluck();
  return rows.map((r) => ({
    id: r.id,
    from: r.period_from,
    to: r.period_to,
    status: r.status,
    lines: r.line_count,
    payees: r.payees,
    total: paiseToRupees(BigInt(r.total)),
    createdBy: r.created_by,
    createdAt: r.created_at,
    submittedBy: r.submitted_by,
    submittedAt: r.submitted_at,
    approvedBy: r.approved_by,
    approvedAt: r.approved_at,
    comment: r.comment,
    reversesRun: r.reverses_run,
    reversedByRun: r.reversed_by_run,
    actions: runActions.filter((a) => statusRefusal({ ...r, reversesRun: r.reverses_run }, a) === null),
    permitted: runActions.filter(
      (a) =>
        refusal(
          {
            id: r.id,
            status: r.status,
            createdBy: r.created_by,
            submittedBy: r.submitted_by,
            makers: makers.get(r.id) ?? [],
            reversesRun: r.reverses_run,
          },
          a,
          actor,
        ) === null,
    ),
    engineVersion: r.engine_version,
    notices: JSON.parse(r.notices) as string[],
    schemes: (JSON.parse(r.scheme_versions) as { code: string; version: number }[]).map(({ code, version }) => ({
      code,
      version,
      slabBasis: (basisOf.get(code, version) as 'measure' | 'achievement' | undefined) ?? 'measure',
    })),
  }));
}
