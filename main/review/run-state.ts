import type Database from 'better-sqlite3';
import type { RunState, RunStatus } from './workflow';

export class RunNotFoundError extends Error {}

export function runState(db: Database.Database, id: number): RunState {
  const row = db.prepare('SELECT id, status, created_by, submitted_by, reverses_run FROM runs WHERE id = ?').get(id) as
    | { id: number; status: RunStatus; created_by: string; submitted_by: string | null; reverses_run: number | null }
    | undefined;
  if (!row) throw new RunNotFoundError(`There is no run ${id}`);
  const makers = makersOf(db, id).get(id) ?? [];
  return {
    id: row.id,
    status: row.status,
    createdBy: row.created_by,
    submittedBy: row.submitted_by,
    makers,
    reversesRun: row.reverses_run,
  };
}

/** Who took a maker's step on each run (or on run `id`): they never approve it. One query for all runs. */
export function makersOf(db: Database.Database, id?: number): Map<number, number[]> {
  const rows = db
    .prepare(
      `SELECT run_id AS run, user_id AS user FROM run_makers WHERE @id IS NULL OR run_id = @id
       UNION SELECT run_id, made_by_id FROM overrides WHERE made_by_id IS NOT NULL AND (@id IS NULL OR run_id = @id)`,
    )
    .all({ id: id ?? null }) as { run: number; user: number }[];
  const makers = new Map<number, number[]>();
  for (const r of rows) makers.set(r.run, [...(makers.get(r.run) ?? []), r.user]);
  return makers;
}

/** The id of the profile called `name`, or null for an account that has no profile (the CLI's local user). */
export function userIdOf(db: Database.Database, actor: { name: string; id?: number | null }): number | null {
  if (actor.id != null) return actor.id;
  const row = db.prepare('SELECT id FROM users WHERE name = ?').get(actor.name) as { id: number } | undefined;
  return row?.id ?? null;
}

/** Records a maker's step on a run (create, recalculate, override, submit): whoever takes one never approves it. */
export function recordMaker(
  db: Database.Database,
  run: number,
  actor: { name: string; id?: number | null },
  step: string,
) {
  const id = userIdOf(db, actor);
  if (id === null) return;
  db.prepare('INSERT INTO run_makers (run_id, user_id, step, at) VALUES (?, ?, ?, ?)').run(
    run,
    id,
    step,
    new Date().toISOString(),
  );
}

/**
 * The run's total as it will be paid: each line's override where it has one, its calculated
 * amount otherwise. Stored on the run so lists and exports read one number.
 */
export function refreshRunTotal(db: Database.Database, id: number): bigint {
  const total = BigInt(
    (
      db
        .prepare('SELECT CAST(coalesce(sum(payable), 0) AS TEXT) AS total FROM payable_lines WHERE run_id = ?')
        .get(id) as {
        total: string;
      }
    ).total,
  );
  db.prepare('UPDATE runs SET total = ? WHERE id = ? AND total <> ?').run(total, id, total);
  return total;
}

/** The run's stored total, exact (read as text: beyond 2^53 paise a number would lose paise). */
export function runTotal(db: Database.Database, id: number): bigint {
  return BigInt(
    (db.prepare('SELECT CAST(total AS TEXT) AS total FROM runs WHERE id = ?').get(id) as { total: string }).total,
  );
}
