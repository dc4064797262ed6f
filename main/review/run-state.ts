import type Database from 'better-sqlite3';
import type { RunState, RunStatus } from './workflow';

export class RunNotFoundError extends Error {}

export function runState(db: Database.Database, id: number): RunState {
  const row = db.prepare('SELECT id, status, created_by, submitted_by FROM runs WHERE id = ?').get(id) as
    | { id: number; status: RunStatus; created_by: string; submitted_by: string | null }
    | undefined;
  if (!row) throw new RunNotFoundError(`There is no run ${id}`);
  return { id: row.id, status: row.status, createdBy: row.created_by, submittedBy: row.submitted_by };
}

/**
 * The run's total as it will be paid: each line's override where it has one, its calculated
 * amount otherwise. Stored on the run so lists and exports read one number.
 */
export function refreshRunTotal(db: Database.Database, id: number): number {
  const { total } = db
    .prepare('SELECT coalesce(sum(payable), 0) AS total FROM payable_lines WHERE run_id = ?')
    .get(id) as { total: number };
  db.prepare('UPDATE runs SET total = ? WHERE id = ? AND total <> ?').run(total, id, total);
  return total;
}
