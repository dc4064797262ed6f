import type Database from 'better-sqlite3';
import { Exact, paiseToRupees, toScaledInteger } from '../../engine/money';
import { runRecordDigest } from '../audit/integrity';
import { appendAudit } from '../audit/log';
import { reviewPolicies } from '../controls/flags';
import { parseAmountText } from '../import/amounts';
import { refuseChangedRecord, WorkflowRefusedError } from './actions';
import { recordMaker, refreshRunTotal, runState, runTotal, userIdOf } from './run-state';
import { type Actor, refusal, workflow } from './workflow';

/**
 * Overrides live apart from the calculated amounts: a row per change, keyed by the line's
 * scheme, payee and kind (not its id) so it survives a recalculation, with the calculated
 * amount it was made against so the grid can flag it when that amount later changes.
 * Clearing an override is itself a row (amount NULL), so the history stays whole.
 */
export type OverrideChange =
  | { mode: 'set'; amount: string }
  | { mode: 'zero' }
  | { mode: 'scale'; percent: string }
  | { mode: 'clear' };

export interface OverrideOutcome {
  run: number;
  lines: number;
  /** Exact decimal rupees: the run's total after the change. */
  total: string;
}

interface TargetLine {
  id: number;
  scheme_code: string;
  payee: string;
  kind: string;
  calculated: number;
  current: number;
}

function amountOf(change: OverrideChange, line: TargetLine): number | null {
  switch (change.mode) {
    case 'clear':
      return null;
    case 'zero':
      return 0;
    case 'set':
      try {
        // As the user types it: "1,23,456.50", "₹500", "(200)".
        return toScaledInteger(parseAmountText(change.amount), 2);
      } catch {
        throw new WorkflowRefusedError(`"${change.amount}" is not an amount with at most 2 decimals`);
      }
    case 'scale': {
      let percent: Exact;
      try {
        percent = new Exact(change.percent);
      } catch {
        throw new WorkflowRefusedError(`"${change.percent}" is not a percentage`);
      }
      if (percent.isNegative()) throw new WorkflowRefusedError('Scale by a percentage of 0 or more');
      // Rounded once, half up, like every payout line.
      return percent.times(line.current).dividedBy(100).toDecimalPlaces(0).toNumber();
    }
  }
}

export function overrideLines(
  db: Database.Database,
  args: { run: number; lines: readonly number[]; change: OverrideChange; reason: string },
  actor: Actor,
): OverrideOutcome {
  return applyOverrides(
    db,
    args.run,
    [...new Set(args.lines)].map((line) => ({ line, change: args.change, reason: args.reason })),
    actor,
  );
}

/**
 * A column of amounts pasted from Excel over as many lines, each with its own reason (or the
 * one given for all): checked and applied like any override, all or none, in one transaction.
 */
export function overrideEach(
  db: Database.Database,
  args: { run: number; items: readonly { line: number; amount: string; reason: string }[] },
  actor: Actor,
): OverrideOutcome {
  const lines = args.items.map((i) => i.line);
  if (new Set(lines).size !== lines.length) throw new WorkflowRefusedError('Each line takes one pasted amount');
  return applyOverrides(
    db,
    args.run,
    args.items.map((i) => ({ line: i.line, change: { mode: 'set', amount: i.amount }, reason: i.reason })),
    actor,
  );
}

function applyOverrides(
  db: Database.Database,
  run: number,
  items: readonly { line: number; change: OverrideChange; reason: string }[],
  actor: Actor,
): OverrideOutcome {
  if (items.length === 0) throw new WorkflowRefusedError('Choose at least one payout line to override');
  const blank = items.find((i) => i.reason.trim() === '');
  if (blank)
    throw new WorkflowRefusedError(
      items.length === 1 ? 'An override needs a reason' : `An override needs a reason (line ${blank.line})`,
    );
  return db
    .transaction(() => {
      const refused = refusal(runState(db, run), 'override', actor);
      if (refused) throw new WorkflowRefusedError(refused);
      refuseChangedRecord(db, run, workflow.override.done);
      const now = new Date().toISOString();
      const read = db.prepare(
        `SELECT id, scheme_code, payee, kind, final AS calculated, payable AS current
         FROM payable_lines WHERE run_id = ? AND id = ?`,
      );
      const supersede = db.prepare(
        `UPDATE overrides SET superseded_at = ?
         WHERE run_id = ? AND scheme_code = ? AND payee = ? AND kind = ? AND superseded_at IS NULL`,
      );
      const insert = db.prepare(
        `INSERT INTO overrides (run_id, scheme_code, payee, kind, amount, calculated, reason, made_by, made_by_id, made_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const madeById = userIdOf(db, actor);
      const changes: { scheme: string; payee: string; before: string; after: string; reason: string }[] = [];
      for (const item of items) {
        const line = read.get(run, item.line) as TargetLine | undefined;
        if (!line) throw new WorkflowRefusedError(`Run ${run} has no payout line ${item.line}`);
        const amount = amountOf(item.change, line);
        if (line.kind === 'payout' && amount !== null && amount < 0) {
          throw new WorkflowRefusedError(
            `A payout cannot be overridden to a negative amount (${line.payee}, ${line.scheme_code})`,
          );
        }
        const reason = item.reason.trim();
        supersede.run(now, run, line.scheme_code, line.payee, line.kind);
        insert.run(
          run,
          line.scheme_code,
          line.payee,
          line.kind,
          amount,
          line.calculated,
          reason,
          actor.name,
          madeById,
          now,
        );
        changes.push({
          scheme: line.scheme_code,
          payee: line.payee,
          before: paiseToRupees(line.current),
          after: paiseToRupees(amount ?? line.calculated),
          reason,
        });
      }
      recordMaker(db, run, actor, 'override');
      const before = runTotal(db, run);
      const total = refreshRunTotal(db, run);
      reviewPolicies(db, run);
      const reasons = new Set(changes.map((c) => c.reason));
      const modes = new Set(items.map((i) => i.change.mode));
      // One change for every line (a single line, or the same amount over many), or pasted amounts.
      const single = new Set(items.map((i) => JSON.stringify(i.change))).size === 1;
      appendAudit(db, {
        user: actor.name,
        action: modes.size === 1 && modes.has('clear') ? 'override.clear' : 'override.set',
        subject: `run ${run}: ${changes.length === 1 ? `${changes[0]?.payee} in ${changes[0]?.scheme}` : `${changes.length} lines`}`,
        before: {
          total: paiseToRupees(before),
          lines: changes.map(({ scheme, payee, before }) => ({ scheme, payee, amount: before })),
        },
        after: {
          total: paiseToRupees(total),
          ...(reasons.size === 1 ? { reason: changes[0]?.reason } : {}),
          ...(single ? { change: items[0]?.change } : { change: 'pasted amounts' }),
          lines: changes.map(({ scheme, payee, after, reason }) =>
            reasons.size === 1 ? { scheme, payee, amount: after } : { scheme, payee, amount: after, reason },
          ),
          recordSha256: runRecordDigest(db, run),
        },
      });
      return { run, lines: changes.length, total: paiseToRupees(total) };
    })
    .immediate();
}
