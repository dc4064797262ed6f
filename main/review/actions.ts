import type Database from 'better-sqlite3';
import { paiseToRupees } from '../../engine/money';
import {
  calculatedDigest,
  calculationProblems,
  partiesDigest,
  recordProblems,
  runLinesDigest,
  runRecordDigest,
} from '../audit/integrity';
import { appendAudit } from '../audit/log';
import { unacknowledgedBreaches } from '../controls/flags';
import { flagLabels } from '../controls/kinds';
import { recordMaker, runState, runTotal, userIdOf } from './run-state';
import { type Actor, nextStatus, type RunAction, type RunState, refusal, workflow } from './workflow';

/** A workflow step the rules forbid; the message says why, in the user's words. */
export class WorkflowRefusedError extends Error {}

export interface WorkflowOutcome {
  run: number;
  status: string;
  /** Exact decimal rupees, as it will be paid. */
  total: string;
  /** The reversing run `reverse` created. */
  reversal?: number;
}

/**
 * Refuses a step on a run whose makers, overrides or acknowledged flags were changed outside the
 * app (see recordProblems): the step would write them into the chain as the app's own.
 */
export function refuseChangedRecord(db: Database.Database, run: number, done: string): void {
  const problems = recordProblems(db, run);
  if (problems.length > 0)
    throw new WorkflowRefusedError(
      `Run ${run} cannot be ${done}: ${problems.join('; ')} (the audit log holds what the app wrote). Look into who changed the workspace file; a new run of the period starts from what the engine works out`,
    );
}

/**
 * Takes one workflow action in an immediate transaction: checks it against the workflow,
 * applies what the action records besides (who, when, why), moves the run to the status the
 * workflow names, and writes the audit entry with the run's state before and after.
 */
function take(
  db: Database.Database,
  id: number,
  action: RunAction,
  actor: Actor,
  apply: (run: RunState, now: string) => { after?: Record<string, unknown>; reversal?: number },
): WorkflowOutcome {
  return db
    .transaction(() => {
      const run = runState(db, id);
      const refused = refusal(run, action, actor);
      if (refused) throw new WorkflowRefusedError(refused);
      // What is submitted or approved is what the engine worked out, and the overrides beside it.
      refuseChangedRecord(db, id, workflow[action].done);
      const changed = action === 'submit' || action === 'approve' ? calculationProblems(db, id) : [];
      if (changed.length > 0)
        throw new WorkflowRefusedError(
          `Run ${id} cannot be ${action === 'submit' ? 'submitted' : 'approved'}: ${changed.join('; ')} (the audit log holds what the calculation wrote). Recalculate it, and look into who changed the workspace file`,
        );
      const now = new Date().toISOString();
      // Kept current by every override and recalculation, so read, not summed again.
      const total = runTotal(db, id);
      const { after, reversal } = apply(run, now);
      const status = nextStatus(run, action);
      db.prepare('UPDATE runs SET status = ? WHERE id = ?').run(status, id);
      appendAudit(db, {
        user: actor.name,
        action: `run.${action}`,
        subject: `run ${id}`,
        before: { status: run.status, total: paiseToRupees(total) },
        after: { status, total: paiseToRupees(total), ...after, recordSha256: runRecordDigest(db, id) },
      });
      return { run: id, status, total: paiseToRupees(total), ...(reversal ? { reversal } : {}) };
    })
    .immediate();
}

/** The first submitter stays on the run; everyone who submits it is one of its makers. */
export function submitRun(db: Database.Database, id: number, actor: Actor): WorkflowOutcome {
  return take(db, id, 'submit', actor, (_run, now) => {
    const breaches = unacknowledgedBreaches(db, id);
    if (breaches.length > 0)
      throw new WorkflowRefusedError(
        `Run ${id} breaches policy in ${breaches.length === 1 ? 'one place' : `${breaches.length} places`} (${breaches
          .map((b) => `${flagLabels[b.kind].toLowerCase()}: ${b.payee ?? b.scheme}`)
          .join('; ')}); a preparer acknowledges each with a reason before the run is submitted.`,
      );
    db.prepare(
      `UPDATE runs SET submitted_by = coalesce(submitted_by, ?), submitted_by_id = coalesce(submitted_by_id, ?),
         submitted_at = ?, comment = NULL WHERE id = ?`,
    ).run(actor.name, userIdOf(db, actor), now, id);
    recordMaker(db, id, actor, 'submit');
    return {};
  });
}

/**
 * A preparer takes a submitted run back to correct it before anyone approves it: it returns to
 * calculated, its lines unlock, and it is submitted again from its summary like any run.
 */
export function withdrawRun(db: Database.Database, id: number, actor: Actor, reason: string): WorkflowOutcome {
  const why = reason.trim();
  if (why === '')
    throw new WorkflowRefusedError('Withdrawing a submitted run needs a reason, for the approver and the audit log');
  return take(db, id, 'withdraw', actor, () => {
    recordMaker(db, id, actor, 'withdraw');
    return { after: { reason: why } };
  });
}

/**
 * Approval by an active Approver or Admin who took no maker's step on the run (the trigger of
 * migration 009 holds the same rule for any client). Its audit entry seals the run: the approver's
 * id and a digest of every line as it will be paid, which `audit verify` checks the lines against,
 * and the comment the approver wrote on reading the run's summary (the window asks for one).
 */
export function approveRun(db: Database.Database, id: number, actor: Actor, comment?: string): WorkflowOutcome {
  const said = comment?.trim() || null;
  return take(db, id, 'approve', actor, (run, now) => {
    const approverId = userIdOf(db, actor);
    if (approverId === null) throw new WorkflowRefusedError(`${actor.name} has no user profile, so cannot approve`);
    db.prepare(
      'UPDATE runs SET approved_by = ?, approved_by_id = ?, approved_at = ?, approval_comment = ? WHERE id = ?',
    ).run(actor.name, approverId, now, said, id);
    keepLedgers(db, id, run.reversesRun ?? null);
    const sealed = runLinesDigest(db, id);
    return {
      after: {
        approverId,
        linesSha256: sealed.sha256,
        lines: sealed.lines,
        partiesSha256: partiesDigest(db, id),
        ...(said ? { comment: said } : {}),
      },
    };
  });
}

/**
 * Keeps the ledger each payee of the run posts to, as the distributors master names it now; a
 * reversing run posts to the ledgers the run it reverses was approved with (migration 027).
 */
function keepLedgers(db: Database.Database, run: number, reverses: number | null): void {
  db.prepare(
    `INSERT INTO run_ledgers (run_id, payee, ledger_name)
     SELECT DISTINCT l.run_id, l.payee, CASE WHEN o.run_id IS NULL THEN nullif(trim(d.ledger_name), '') ELSE o.ledger_name END
     FROM payout_lines l
       LEFT JOIN run_ledgers o ON o.run_id = @reverses AND o.payee = l.payee
       LEFT JOIN distributors d ON d.code = l.payee
     WHERE l.run_id = @run`,
  ).run({ run, reverses });
}

export function rejectRun(db: Database.Database, id: number, actor: Actor, comment: string): WorkflowOutcome {
  const why = comment.trim();
  if (why === '') throw new WorkflowRefusedError('A rejection needs a comment that tells the preparer what to fix');
  return take(db, id, 'reject', actor, () => {
    db.prepare('UPDATE runs SET comment = ? WHERE id = ?').run(why, id);
    return { after: { comment: why } };
  });
}

/**
 * Undoes an approved run the only way the workflow allows: a new run whose lines are the
 * negatives of what the original pays (overrides included). The reversing run arrives
 * submitted by whoever reversed, so a second person approves it before it can be exported.
 */
export function reverseRun(db: Database.Database, id: number, actor: Actor): WorkflowOutcome {
  return take(db, id, 'reverse', actor, (_run, now) => {
    const reversal = Number(
      db
        .prepare(
          `INSERT INTO runs (period_from, period_to, status, engine_version, scheme_versions, inputs, line_count, total,
             created_by, created_by_id, created_at, reverses_run)
           SELECT period_from, period_to, 'calculated', engine_version, scheme_versions, inputs, line_count, -total, ?, ?, ?, id
           FROM runs WHERE id = ?`,
        )
        .run(actor.name, userIdOf(db, actor), now, id).lastInsertRowid,
    );
    db.prepare(
      `INSERT INTO payout_lines (run_id, scheme_version_id, scheme_code, payee, payee_name, region, channel, class, kind, measure,
         unit, target, achievement, slab, slab_label, computed, final, adjustments, near_miss, explanation, source_table,
         source_ids, effective_rate)
       SELECT ?, scheme_version_id, scheme_code, payee, payee_name, region, channel, class, kind, measure, unit, target,
         achievement, slab, slab_label, -payable, -payable, '[]', NULL, 'Reverses run ' || run_id || ': ' || explanation,
         source_table, source_ids, effective_rate
       FROM payable_lines WHERE run_id = ? ORDER BY id`,
    ).run(reversal, id);
    db.prepare(
      "UPDATE runs SET status = 'submitted', submitted_by = ?, submitted_by_id = ?, submitted_at = ? WHERE id = ?",
    ).run(actor.name, userIdOf(db, actor), now, reversal);
    recordMaker(db, reversal, actor, 'reverse');
    db.prepare('UPDATE runs SET reversed_by_run = ? WHERE id = ?').run(reversal, id);
    appendAudit(db, {
      user: actor.name,
      action: 'run.create',
      subject: `run ${reversal}`,
      after: {
        reverses: id,
        status: 'submitted',
        linesSha256: calculatedDigest(db, reversal).sha256,
        recordSha256: runRecordDigest(db, reversal),
      },
    });
    return { after: { reversedBy: reversal }, reversal };
  });
}
