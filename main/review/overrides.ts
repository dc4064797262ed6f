import type Database from 'better-sqlite3';
import { Exact, paiseToRupees, toScaledInteger } from '../../engine/money';
import { appendAudit } from '../audit/log';
import { reviewPolicies } from '../controls/flags';
import { parseAmountText } from '../import/amounts';
import { WorkflowRefusedError } from './actions';
import { recordMaker, refreshRunTotal, runState, runTotal, userIdOf } from './run-state';
import { type Actor, refusal } from './workflow';

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
  const reason = args.reason.trim();
  if (reason === '') throw new WorkflowRefusedError('An override needs a reason');
  if (args.lines.length === 0) throw new WorkflowRefusedError('Choose at least one payout line to override');
  return db
    .transaction(() => {
      const refused = refusal(runState(db, args.run), 'override', actor);
      if (refused) throw new WorkflowRefusedError(refused);
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
      const changes: { scheme: string; payee: string; before: string; after: string }[] = [];
      for (const id of new Set(args.lines)) {
        const line = read.get(args.run, id) as TargetLine | undefined;
        if (!line) throw new WorkflowRefusedError(`Run ${args.run} has no payout line ${id}`);
        const amount = amountOf(args.change, line);
        if (line.kind === 'payout' && amount !== null && amount < 0) {
          throw new WorkflowRefusedError(
            `A payout cannot be overridden to a negative amount (${line.payee}, ${line.scheme_code})`,
          );
        }
        supersede.run(now, args.run, line.scheme_code, line.payee, line.kind);
        insert.run(
          args.run,
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
        });
      }
      recordMaker(db, args.run, actor, 'override');
      const before = runTotal(db, args.run);
      const total = refreshRunTotal(db, args.run);
      reviewPolicies(db, args.run);
      appendAudit(db, {
        user: actor.name,
        action: args.change.mode === 'clear' ? 'override.clear' : 'override.set',
        subject: `run ${args.run}: ${changes.length === 1 ? `${changes[0]?.payee} in ${changes[0]?.scheme}` : `${changes.length} lines`}`,
        before: {
          total: paiseToRupees(before),
          lines: changes.map(({ scheme, payee, before }) => ({ scheme, payee, amount: before })),
        },
        after: {
          total: paiseToRupees(total),
          reason,
          change: args.change,
          lines: changes.map(({ scheme, payee, after }) => ({ scheme, payee, amount: after })),
        },
      });
      return { run: args.run, lines: changes.length, total: paiseToRupees(total) };
    })
    .immediate();
}
