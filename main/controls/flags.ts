import type Database from 'better-sqlite3';
import { runRecordDigest } from '../audit/integrity';
import { appendAudit } from '../audit/log';
import { refuseChangedRecord, WorkflowRefusedError } from '../review/actions';
import { recordMaker, runState, userIdOf } from '../review/run-state';
import { type Actor, refusal } from '../review/workflow';
import { type FactChecks, factChecksOf, moneyOf } from './fact-checks';
import type { FlagKind } from './kinds';
import { budgetBurn, inactivePayee, marginFloor, overDiscount } from './policy';
import { controlSettings } from './settings';
import { type FlagDraft, marginBasis, type RunScope } from './signals';
import { slabEdges } from './slab-edge';
import { unmatchedReceipts } from './unmatched-receipts';
import { unmatchedReturns } from './unmatched-returns';

/**
 * The anomaly signals that read what the run pays or how it measured; the others, facts of the
 * period that deserve a look before anyone approves, are the fact checks (fact-checks.ts).
 */
const runSignals = [slabEdges, unmatchedReceipts, unmatchedReturns];
/** The policies: what the run pays against what the business can afford. They move with every override. */
const policies = [overDiscount, budgetBurn, marginFloor, inactivePayee];
const policyKinds: readonly FlagKind[] = [
  'over-discount',
  'over-budget',
  'budget-burn',
  'margin-floor',
  'inactive-payee',
];

export interface RunFlag {
  id: number;
  kind: FlagKind;
  payee: string | null;
  scheme: string | null;
  blocking: boolean;
  message: string;
  evidence: FlagDraft['evidence'];
  acknowledged: { by: string; at: string; reason: string } | null;
}

function scopeOf(db: Database.Database, run: number, sales: RunScope['sales']): RunScope {
  const { from, to } = db
    .prepare('SELECT period_from AS "from", period_to AS "to" FROM runs WHERE id = ?')
    .get(run) as {
    from: string;
    to: string;
  };
  const payees = new Set(
    db.prepare('SELECT DISTINCT payee FROM payout_lines WHERE run_id = ?').pluck().all(run) as string[],
  );
  return { run, from, to, payees, settings: controlSettings(db), money: moneyOf(db), sales };
}

type Acknowledgement = { by: string; byId: number | null; at: string; reason: string };
const sameBreach = (f: Pick<FlagDraft, 'kind' | 'payee' | 'scheme' | 'message'>) =>
  `${f.kind}|${f.payee}|${f.scheme}|${f.message}`;

function store(db: Database.Database, run: number, drafts: FlagDraft[], kept = new Map<string, Acknowledgement>()) {
  const insert = db.prepare(
    `INSERT INTO run_flags (run_id, kind, payee, scheme_code, blocking, message, evidence, acknowledged_by,
       acknowledged_by_id, acknowledged_at, acknowledgement)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const f of drafts) {
    const ack = kept.get(sameBreach(f));
    insert.run(
      run,
      f.kind,
      f.payee,
      f.scheme,
      f.blocking ? 1 : 0,
      f.message,
      JSON.stringify(f.evidence),
      ack?.by ?? null,
      ack?.byId ?? null,
      ack?.at ?? null,
      ack?.reason ?? null,
    );
  }
}

/**
 * Every control over a run, stored as its flags in place of any it had, over the sales lines
 * the run read. Called in the transaction that stores (or recalculates) the run's lines, so a
 * run is never seen unflagged.
 */
export function flagRun(db: Database.Database, run: number, sales: RunScope['sales'], found?: FactChecks | null): void {
  const scope = scopeOf(db, run, sales);
  const checks = factChecksOf(db, scope, sales, found);
  const ofRun = (payee: string | null) => payee === null || scope.payees.has(payee);
  db.prepare('DELETE FROM run_flags WHERE run_id = ?').run(run);
  db.prepare('DELETE FROM run_sales_basis WHERE run_id = ?').run(run);
  const basis = db.prepare('INSERT INTO run_sales_basis (run_id, payee, secondary, "primary") VALUES (?, ?, ?, ?)');
  for (const [payee, b] of checks.basis) if (ofRun(payee)) basis.run(run, payee, b.secondary, b.primary);
  db.prepare('DELETE FROM run_margin_basis WHERE run_id = ?').run(run);
  const margin = db.prepare(
    'INSERT INTO run_margin_basis (run_id, payee, scheme_code, net, cost) VALUES (?, ?, ?, ?, ?)',
  );
  for (const m of marginBasis(db, scope)) margin.run(run, m.payee, m.scheme, m.net, m.cost);
  const factFlags = checks.flags.filter((f) => ofRun(f.payee));
  store(db, run, [...factFlags, ...[...runSignals, ...policies].flatMap((control) => control(db, scope))]);
}

/**
 * The policies again, after what the run pays has changed (an override). A breach that stands
 * in the same words keeps its acknowledgement; a breach that changed needs a new one.
 */
export function reviewPolicies(db: Database.Database, run: number): void {
  const kinds = policyKinds.map(() => '?').join(', ');
  const old = db
    .prepare(
      `SELECT kind, payee, scheme_code AS scheme, message, acknowledged_by AS "by", acknowledged_by_id AS byId,
         acknowledged_at AS at, acknowledgement AS reason
       FROM run_flags WHERE run_id = ? AND kind IN (${kinds}) AND acknowledged_by IS NOT NULL`,
    )
    .all(run, ...policyKinds) as (Pick<FlagDraft, 'kind' | 'payee' | 'scheme' | 'message'> & Acknowledgement)[];
  db.prepare(`DELETE FROM run_flags WHERE run_id = ? AND kind IN (${kinds})`).run(run, ...policyKinds);
  // The policies read what the run pays and the sales basis kept with it, not the sales.
  const scope = scopeOf(db, run, []);
  store(
    db,
    run,
    policies.flatMap((control) => control(db, scope)),
    new Map(old.map((a) => [sameBreach(a), a])),
  );
}

export function runFlags(db: Database.Database, run: number): RunFlag[] {
  const rows = db
    .prepare(
      `SELECT id, kind, payee, scheme_code AS scheme, blocking, message, evidence, acknowledged_by AS "by",
         acknowledged_at AS at, acknowledgement AS reason
       FROM run_flags WHERE run_id = ? ORDER BY blocking DESC, kind, payee, scheme_code, id`,
    )
    .all(run) as {
    id: number;
    kind: FlagKind;
    payee: string | null;
    scheme: string | null;
    blocking: number;
    message: string;
    evidence: string;
    by: string | null;
    at: string | null;
    reason: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    payee: r.payee,
    scheme: r.scheme,
    blocking: r.blocking === 1,
    message: r.message,
    evidence: JSON.parse(r.evidence),
    acknowledged: r.by && r.at && r.reason ? { by: r.by, at: r.at, reason: r.reason } : null,
  }));
}

/** The breaches no one has acknowledged: while there are any, the run is not submitted. */
export function unacknowledgedBreaches(db: Database.Database, run: number): RunFlag[] {
  return runFlags(db, run).filter((f) => f.blocking && f.acknowledged === null);
}

/**
 * A preparer acknowledges breaches with a reason: recorded on each flag, in the audit log, and
 * among the run's makers (whoever acknowledges a breach does not approve the run).
 */
export function acknowledgeFlags(
  db: Database.Database,
  args: { run: number; flags: readonly number[]; reason: string },
  actor: Actor,
): RunFlag[] {
  const reason = args.reason.trim();
  if (reason === '') throw new WorkflowRefusedError('An acknowledgement needs a reason');
  return db
    .transaction(() => {
      // Acknowledging is part of preparing the run: the same people, at the same stages, as an override.
      const refused = refusal(runState(db, args.run), 'override', actor);
      if (refused) throw new WorkflowRefusedError(refused.replace(/overrid(e|ing)/g, 'acknowledg$1'));
      refuseChangedRecord(db, args.run, 'acknowledged');
      const flags = runFlags(db, args.run);
      const chosen = args.flags.map((id) => {
        const flag = flags.find((f) => f.id === id);
        if (!flag) throw new WorkflowRefusedError(`Run ${args.run} has no flag ${id}`);
        if (!flag.blocking)
          throw new WorkflowRefusedError(`Flag ${id} is a signal to look at, not a breach to acknowledge`);
        return flag;
      });
      const now = new Date().toISOString();
      const update = db.prepare(
        `UPDATE run_flags SET acknowledged_by = ?, acknowledged_by_id = ?, acknowledged_at = ?, acknowledgement = ?
         WHERE id = ?`,
      );
      for (const flag of chosen) update.run(actor.name, userIdOf(db, actor), now, reason, flag.id);
      recordMaker(db, args.run, actor, 'acknowledge');
      appendAudit(db, {
        user: actor.name,
        action: 'run.acknowledge',
        subject: `run ${args.run}`,
        before: {
          breaches: chosen.map((f) => ({ kind: f.kind, payee: f.payee, scheme: f.scheme, message: f.message })),
        },
        after: { reason, recordSha256: runRecordDigest(db, args.run) },
      });
      return runFlags(db, args.run);
    })
    .immediate();
}
