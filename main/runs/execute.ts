import type Database from 'better-sqlite3';
import type { PayoutLine } from '../../engine/calculate';
import { calculateRun, ENGINE_VERSION } from '../../engine/calculate';
import type { Facts } from '../../engine/facts';
import { paiseToRupees, sumPaise } from '../../engine/money';
import type { Progress } from '../api/progress';
import { calculatedDigest, runRecordDigest } from '../audit/integrity';
import { appendAudit } from '../audit/log';
import { type RunInputCheck, runInputProblems } from '../audit/run-inputs';
import { ChecksHelper } from '../controls/checks-helper';
import { flagRun } from '../controls/flags';
import { refuseChangedRecord, WorkflowRefusedError } from '../review/actions';
import { recordMaker, refreshRunTotal, runState, userIdOf } from '../review/run-state';
import { type Actor, refusal, workflow } from '../review/workflow';
import { schemesForRun, validScheme } from '../schemes/store';
import { withJournalsInMemory } from '../store/open';
import { type LoadFacts, loadFacts, salesWindowOf, windowFor } from './load-facts';
import { packIdsOnce } from './source-ids';

export class RunRefusedError extends Error {}

export interface RunSummary {
  run: number;
  from: string;
  to: string;
  lines: number;
  /** Exact decimal rupees. */
  total: string;
  schemes: { code: string; version: number; payees: number; total: string }[];
  /** What the reviewer must know about a scheme as a whole (say, no ageing report near the period's end). */
  notices: string[];
  seconds: number;
}

interface Calculated {
  stored: ReturnType<typeof schemesForRun>;
  /** The sales lines read for the run, which the controls look at too. */
  sales: Facts['sales'];
  lines: PayoutLine[];
  payees: Map<string, Facts['payees'][number]>;
  inputs: unknown[];
  notices: string[];
  /** The fact checks being worked out beside the run, where that pays (see ChecksHelper). */
  checks: ChecksHelper | null;
}

/**
 * A run's progress as one bar that only moves forward: each stage fills its own stretch of it
 * (reading the sales, calculating the schemes, saving and checking the lines), in thousandths.
 */
const stages = { read: [0, 450], calculate: [450, 850], save: [850, 950], check: [950, 1000] } as const;
function staged(onProgress: ((p: Progress) => void) | undefined, stage: keyof typeof stages, phase: string) {
  const [from, to] = stages[stage];
  return (done: number, total: number) =>
    onProgress?.({
      phase,
      done: Math.round(from + ((to - from) * (total > 0 ? done : 0)) / Math.max(total, 1)),
      total: 1000,
    });
}

/** The facts of the period, through the engine: everything a run needs before it is stored. */
function calculate(
  db: Database.Database,
  args: {
    from: string;
    to: string;
    schemes?: readonly string[];
    nativeBinding?: string;
    facts?: LoadFacts;
    inputs?: RunInputCheck;
    /** From how many sales lines the fact checks are worked out beside the run (tests set it low). */
    checksBesideFromLines?: number;
  },
  onProgress?: (p: Progress) => void,
  cancelled?: () => boolean,
): Calculated {
  if (args.to < args.from) throw new RunRefusedError(`The run ends (${args.to}) before it starts (${args.from})`);
  const unsaved = (args.inputs ?? runInputProblems)(db);
  if (unsaved.length > 0)
    throw new RunRefusedError(
      `No run is calculated: ${unsaved.join('; ')} (the audit log holds what was saved). Saving them again in the app (importing the masters again) makes them what runs read again; look into who changed the workspace file`,
    );
  const stored = schemesForRun(db, args.from, args.to, args.schemes);
  if (stored.length === 0) throw new RunRefusedError(`No active scheme runs between ${args.from} and ${args.to}`);
  const window = windowFor(
    stored.map((s) => s.scheme),
    args.from,
    args.to,
  );

  const version = db.pragma('data_version', { simple: true }) as number;
  const facts = (args.facts ?? loadFacts)(db, window, {
    nativeBinding: args.nativeBinding,
    onProgress: staged(onProgress, 'read', 'Reading the sales lines'),
  });
  const checks = ChecksHelper.beside(db, version, {
    period: { from: args.from, to: args.to },
    window: salesWindowOf(window),
    sales: facts.sales,
    nativeBinding: args.nativeBinding,
    fromLines: args.checksBesideFromLines,
  });
  const notices: string[] = [];
  let lines: PayoutLine[];
  try {
    lines = calculateRun(
      stored.map((s) => s.scheme),
      facts,
      {
        onProgress: (done, total, code) => staged(onProgress, 'calculate', `Calculated ${code}`)(done, total),
        cancelled,
        onNotice: (_scheme, message) => notices.push(message),
      },
    );
  } catch (error) {
    checks?.stop();
    throw error;
  }
  staged(onProgress, 'save', 'Saving the payout lines')(0, 1);
  const inputs = db
    .prepare("SELECT id, kind, file_name AS file, sha256 FROM import_batches WHERE status = 'imported' ORDER BY id")
    .all();
  const payees = new Map(facts.payees.map((p) => [p.code, p]));
  return { stored, sales: facts.sales, lines, payees, inputs, notices, checks };
}

function insertLines(db: Database.Database, runId: number, c: Calculated): void {
  const versionOf = new Map(c.stored.map((s) => [s.scheme.code, s]));
  const insert = db.prepare(
    `INSERT INTO payout_lines (run_id, scheme_version_id, scheme_code, payee, payee_name, region, channel, class, kind, measure,
       unit, target, achievement, slab, slab_label, computed, final, adjustments, near_miss, explanation, source_table,
       source_ids, effective_rate)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const l of c.lines) {
    const payee = c.payees.get(l.payee);
    insert.run(
      runId,
      versionOf.get(l.scheme)?.versionId ?? 0,
      l.scheme,
      l.payee,
      payee?.name ?? null,
      payee?.region ?? null,
      payee?.channel ?? null,
      payee?.class ?? null,
      l.kind,
      l.measure,
      l.unit,
      l.target,
      l.achievementPct,
      l.slab,
      l.slabLabel,
      l.computed,
      l.final,
      JSON.stringify(l.adjustments),
      l.nearMiss ? JSON.stringify(l.nearMiss) : null,
      l.explanation,
      l.sources.table,
      packIdsOnce(l.sources.ids),
      l.effectiveRate,
    );
  }
}

const versionsOf = (c: Calculated) =>
  JSON.stringify(c.stored.map((s) => ({ code: s.scheme.code, version: s.version, id: s.versionId })));

/** What a stored run pays, per scheme and in all, overrides included: read back from the store. */
function summaryOf(
  db: Database.Database,
  run: number,
  args: { from: string; to: string },
  c: Calculated,
  started: number,
): RunSummary {
  const stored = new Map(
    (
      db
        .prepare(
          'SELECT scheme_code AS code, count(DISTINCT payee) AS payees, CAST(sum(payable) AS TEXT) AS total FROM payable_lines WHERE run_id = ? GROUP BY scheme_code',
        )
        .all(run) as { code: string; payees: number; total: string }[]
    ).map((r) => [r.code, { ...r, total: BigInt(r.total) }]),
  );
  const total = sumPaise(stored.values(), (r) => r.total);
  return {
    run,
    from: args.from,
    to: args.to,
    lines: c.lines.length,
    total: paiseToRupees(total),
    schemes: c.stored.map((s) => ({
      code: s.scheme.code,
      version: s.version,
      payees: stored.get(s.scheme.code)?.payees ?? 0,
      total: paiseToRupees(stored.get(s.scheme.code)?.total ?? 0n),
    })),
    notices: c.notices,
    seconds: (Date.now() - started) / 1000,
  };
}

/**
 * Calculates a run for [from, to]: the current version of every active scheme overlapping it
 * (or the named ones), over the facts in the store, and stores the run and its lines in one
 * transaction. The run records the scheme versions, the input batches (SHA-256) and the engine.
 */
export function executeRun(
  db: Database.Database,
  args: {
    from: string;
    to: string;
    schemes?: readonly string[];
    user: string;
    nativeBinding?: string;
    /** How the facts are read (a kept worker keeps them between jobs); loadFacts by default. */
    facts?: LoadFacts;
    /** How the run's saved inputs are checked (a kept worker keeps the answer too); runInputProblems by default. */
    inputs?: RunInputCheck;
    /** From how many sales lines the fact checks are worked out beside the run (tests set it low). */
    checksBesideFromLines?: number;
  },
  onProgress?: (p: Progress) => void,
  cancelled?: () => boolean,
): RunSummary {
  const started = Date.now();
  const c = calculate(db, args, onProgress, cancelled);
  const found = c.checks?.answer();
  const total = sumPaise(c.lines, (l) => l.final);
  const store = db.transaction(() => {
    const runId = Number(
      db
        .prepare(
          `INSERT INTO runs (period_from, period_to, status, engine_version, scheme_versions, inputs, line_count, total, created_by,
               created_by_id, created_at, notices)
             VALUES (?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          args.from,
          args.to,
          ENGINE_VERSION,
          versionsOf(c),
          JSON.stringify(c.inputs),
          c.lines.length,
          total,
          args.user,
          userIdOf(db, { name: args.user }),
          new Date().toISOString(),
          JSON.stringify(c.notices),
        ).lastInsertRowid,
    );
    insertLines(db, runId, c);
    staged(onProgress, 'check', 'Checking the run against the controls')(0, 1);
    flagRun(db, runId, c.sales, found);
    recordMaker(db, runId, { name: args.user }, 'create');
    db.prepare("UPDATE runs SET status = 'calculated' WHERE id = ?").run(runId);
    appendAudit(db, {
      user: args.user,
      action: 'run.create',
      subject: `run ${runId}`,
      after: {
        from: args.from,
        to: args.to,
        status: 'calculated',
        lines: c.lines.length,
        total: paiseToRupees(total),
        schemes: JSON.parse(versionsOf(c)),
        ...(c.notices.length > 0 ? { notices: c.notices } : {}),
        linesSha256: calculatedDigest(db, runId).sha256,
        recordSha256: runRecordDigest(db, runId),
      },
    });
    return runId;
  });
  const run = withJournalsInMemory(db, () => store.immediate());
  return summaryOf(db, run, args, c, started);
}

/**
 * Calculates an existing run again over today's facts and the schemes' current versions, in
 * place: its lines are replaced, its overrides kept (they are keyed by scheme and payee), and
 * the run goes back to Calculated. Refused once the run is submitted or approved.
 */
export function recalculateRun(
  db: Database.Database,
  args: { run: number; actor: Actor; nativeBinding?: string; facts?: LoadFacts; inputs?: RunInputCheck },
  onProgress?: (p: Progress) => void,
  cancelled?: () => boolean,
): RunSummary & { staleOverrides: number } {
  const started = Date.now();
  const before = runState(db, args.run);
  const refused = refusal(before, 'calculate', args.actor);
  if (refused) throw new WorkflowRefusedError(refused);
  const row = db
    .prepare(
      'SELECT period_from, period_to, scheme_versions, CAST(total AS TEXT) AS total, line_count FROM runs WHERE id = ?',
    )
    .get(args.run) as {
    period_from: string;
    period_to: string;
    scheme_versions: string;
    total: string;
    line_count: number;
  };
  const period = { from: row.period_from, to: row.period_to };
  const codes = (JSON.parse(row.scheme_versions) as { code: string }[]).map((s) => s.code);
  const c = calculate(
    db,
    { ...period, schemes: codes, nativeBinding: args.nativeBinding, facts: args.facts, inputs: args.inputs },
    onProgress,
    cancelled,
  );
  const found = c.checks?.answer();
  const store = db.transaction(() => {
    const now = runState(db, args.run);
    const refusedNow = refusal(now, 'calculate', args.actor);
    if (refusedNow) throw new WorkflowRefusedError(refusedNow);
    refuseChangedRecord(db, args.run, workflow.calculate.done);
    db.prepare('DELETE FROM payout_lines WHERE run_id = ?').run(args.run);
    insertLines(db, args.run, c);
    staged(onProgress, 'check', 'Checking the run against the controls')(0, 1);
    flagRun(db, args.run, c.sales, found);
    db.prepare(
      `UPDATE runs SET status = 'calculated', engine_version = ?, scheme_versions = ?, inputs = ?, line_count = ?,
           comment = NULL, notices = ? WHERE id = ?`,
    ).run(ENGINE_VERSION, versionsOf(c), JSON.stringify(c.inputs), c.lines.length, JSON.stringify(c.notices), args.run);
    // Who first prepared the run stays its preparer; whoever recalculates it is one of its makers too.
    recordMaker(db, args.run, args.actor, 'recalculate');
    const total = refreshRunTotal(db, args.run);
    const { stale } = db
      .prepare(
        'SELECT count(*) AS stale FROM payable_lines WHERE run_id = ? AND override IS NOT NULL AND override_calculated <> final',
      )
      .get(args.run) as { stale: number };
    appendAudit(db, {
      user: args.actor.name,
      action: 'run.calculate',
      subject: `run ${args.run}`,
      before: { status: now.status, lines: row.line_count, total: paiseToRupees(BigInt(row.total)) },
      after: {
        status: 'calculated',
        lines: c.lines.length,
        total: paiseToRupees(total),
        staleOverrides: stale,
        schemes: JSON.parse(versionsOf(c)),
        ...(c.notices.length > 0 ? { notices: c.notices } : {}),
        linesSha256: calculatedDigest(db, args.run).sha256,
        recordSha256: runRecordDigest(db, args.run),
      },
    });
    return { ...summaryOf(db, args.run, period, c, started), staleOverrides: stale };
  });
  return withJournalsInMemory(db, () => store.immediate());
}

export interface PreviewLine {
  payee: string;
  measure: string;
  unit: PayoutLine['unit'];
  target: string | null;
  achievementPct: string | null;
  slabLabel: string | null;
  /** Exact decimal rupees. */
  computed: string;
  final: string;
  explanation: string;
}

/**
 * What a scheme (saved or not) would pay, payee by payee, over a past period of the workspace —
 * calculated exactly as a run would, but nothing is stored.
 */
export function previewScheme(
  db: Database.Database,
  args: { definition: unknown; from: string; to: string; nativeBinding?: string; facts?: LoadFacts },
): { lines: PreviewLine[]; total: string } {
  const scheme = validScheme(db, args.definition);
  const measured = { ...scheme, period: { from: args.from, to: args.to } };
  const lines = calculateRun(
    [measured],
    (args.facts ?? loadFacts)(db, windowFor([measured], args.from, args.to), { nativeBinding: args.nativeBinding }),
  );
  return {
    total: paiseToRupees(sumPaise(lines, (l) => l.final)),
    lines: lines.map((l) => ({
      payee: l.payee,
      measure: l.measure,
      unit: l.unit,
      target: l.target,
      achievementPct: l.achievementPct,
      slabLabel: l.slabLabel,
      computed: paiseToRupees(l.computed),
      final: paiseToRupees(l.final),
      explanation: l.explanation,
    })),
  };
}
