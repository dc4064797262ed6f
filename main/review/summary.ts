import type Database from 'better-sqlite3';
import { previousPeriod } from '../../engine/dates';
import { paiseToRupees } from '../../engine/money';
import { type RunFlag, runFlags } from '../controls/flags';
import { type FlagKind, flagLabels } from '../controls/kinds';
import { RunNotFoundError } from './run-state';

/**
 * What a preparer reads before submitting and an approver before approving: the run against the
 * last approved run of the period before, its overrides with their reasons and net effect, what
 * the controls found and who acknowledged each breach, and the payees whose pay moved most.
 * Amounts are exact decimal rupees.
 */
export interface ApprovalSummary {
  run: number;
  from: string;
  to: string;
  total: string;
  payees: number;
  /** The latest approved (or exported) run of the period just before, where there is one. */
  previous: { run: number; from: string; to: string; total: string; change: string } | null;
  overrides: { payee: string; scheme: string; calculated: string; override: string; reason: string; by: string }[];
  /** What the overrides add to (or take from) the calculated amounts. */
  overridesNet: string;
  breaches: RunFlag[];
  signals: { kind: FlagKind; label: string; count: number }[];
  /** Payees by the size of the change against the previous run (the largest first), at most ten. */
  largestChanges: { payee: string; name: string; total: string; previous: string; change: string }[];
}

const paidByPayee = (db: Database.Database, run: number) =>
  new Map(
    (
      db
        .prepare(
          'SELECT payee, min(payee_name) AS name, CAST(sum(payable) AS TEXT) AS paid FROM payable_lines WHERE run_id = ? GROUP BY payee',
        )
        .all(run) as { payee: string; name: string | null; paid: string }[]
    ).map((r) => [r.payee, { name: r.name ?? r.payee, paid: BigInt(r.paid) }]),
  );

export function approvalSummary(db: Database.Database, run: number): ApprovalSummary {
  const row = db
    .prepare('SELECT id, period_from AS "from", period_to AS "to", CAST(total AS TEXT) AS total FROM runs WHERE id = ?')
    .get(run) as { id: number; from: string; to: string; total: string } | undefined;
  if (!row) throw new RunNotFoundError(`There is no run ${run}`);
  const before = previousPeriod(row);
  const previous = db
    .prepare(
      `SELECT id, period_from AS "from", period_to AS "to", CAST(total AS TEXT) AS total FROM runs
       WHERE status IN ('approved', 'exported') AND reverses_run IS NULL AND period_from = ? AND period_to = ?
       ORDER BY id DESC LIMIT 1`,
    )
    .get(before.from, before.to) as { id: number; from: string; to: string; total: string } | undefined;

  const overrides = db
    .prepare(
      `SELECT payee, scheme_code AS scheme, final AS calculated, override, override_reason AS reason, override_by AS "by"
       FROM payable_lines WHERE run_id = ? AND override IS NOT NULL ORDER BY payee, scheme_code`,
    )
    .all(run) as { payee: string; scheme: string; calculated: number; override: number; reason: string; by: string }[];
  const net = overrides.reduce((sum, o) => sum + BigInt(o.override) - BigInt(o.calculated), 0n);

  const flags = runFlags(db, run);
  const counts = new Map<FlagKind, number>();
  for (const f of flags) if (!f.blocking) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);

  const now = paidByPayee(db, run);
  const then = previous ? paidByPayee(db, previous.id) : new Map<string, { name: string; paid: bigint }>();
  const abs = (n: bigint) => (n < 0n ? -n : n);
  const largestChanges = previous
    ? [...new Set([...now.keys(), ...then.keys()])]
        .map((payee) => {
          const a = now.get(payee)?.paid ?? 0n;
          const b = then.get(payee)?.paid ?? 0n;
          return { payee, name: now.get(payee)?.name ?? then.get(payee)?.name ?? payee, a, b, change: a - b };
        })
        .sort((x, y) =>
          abs(y.change) > abs(x.change) ? 1 : abs(y.change) < abs(x.change) ? -1 : x.payee < y.payee ? -1 : 1,
        )
        .slice(0, 10)
        .map((c) => ({
          payee: c.payee,
          name: c.name,
          total: paiseToRupees(c.a),
          previous: paiseToRupees(c.b),
          change: paiseToRupees(c.change),
        }))
    : [];

  return {
    run,
    from: row.from,
    to: row.to,
    total: paiseToRupees(BigInt(row.total)),
    payees: now.size,
    previous: previous
      ? {
          run: previous.id,
          from: previous.from,
          to: previous.to,
          total: paiseToRupees(BigInt(previous.total)),
          change: paiseToRupees(BigInt(row.total) - BigInt(previous.total)),
        }
      : null,
    overrides: overrides.map((o) => ({
      payee: o.payee,
      scheme: o.scheme,
      calculated: paiseToRupees(o.calculated),
      override: paiseToRupees(o.override),
      reason: o.reason,
      by: o.by,
    })),
    overridesNet: paiseToRupees(net),
    breaches: flags.filter((f) => f.blocking),
    signals: [...counts].map(([kind, count]) => ({ kind, label: flagLabels[kind], count })),
    largestChanges,
  };
}
