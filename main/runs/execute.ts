import type Database from 'better-sqlite3';
import type { PayoutLine } from '../../engine/calculate';
import { calculateRun, ENGINE_VERSION } from '../../engine/calculate';
import { scaledIntegerToString } from '../../engine/money';
import type { Progress } from '../api/progress';
import { checkScheme, SchemeInvalidError, schemesForRun } from '../schemes/store';
import { loadFacts } from './load-facts';
import { packIds } from './source-ids';

export class RunRefusedError extends Error {}

export interface RunSummary {
  run: number;
  from: string;
  to: string;
  lines: number;
  /** Exact decimal rupees. */
  total: string;
  schemes: { code: string; version: number; payees: number; total: string }[];
  seconds: number;
}

const rupees = (paise: number) => scaledIntegerToString(paise, 2);

/**
 * Calculates a run for [from, to]: the current version of every active scheme overlapping it
 * (or the named ones), over the facts in the store, and stores the run and its lines in one
 * transaction. The run records the scheme versions, the input batches (SHA-256) and the engine.
 */
export function executeRun(
  db: Database.Database,
  args: { from: string; to: string; schemes?: readonly string[]; user: string },
  onProgress?: (p: Progress) => void,
  cancelled?: () => boolean,
): RunSummary {
  const started = Date.now();
  if (args.to < args.from) throw new RunRefusedError(`The run ends (${args.to}) before it starts (${args.from})`);
  const stored = schemesForRun(db, args.from, args.to, args.schemes);
  if (stored.length === 0) throw new RunRefusedError(`No active scheme runs between ${args.from} and ${args.to}`);
  const froms = [args.from, ...stored.map((s) => s.scheme.period.from)].sort();
  const tos = [args.to, ...stored.map((s) => s.scheme.period.to)].sort();
  const window = { from: froms[0] ?? args.from, to: tos.at(-1) ?? args.to };

  onProgress?.({ phase: 'Reading the facts', done: 0, total: stored.length });
  const facts = loadFacts(db, window);
  const lines = calculateRun(
    stored.map((s) => s.scheme),
    facts,
    {
      onProgress: (done, total, code) => onProgress?.({ phase: `Calculated ${code}`, done, total }),
      cancelled,
    },
  );
  onProgress?.({ phase: 'Saving the payout lines', done: stored.length, total: stored.length });
  const versionOf = new Map(stored.map((s) => [s.scheme.code, s]));
  const inputs = db
    .prepare("SELECT id, kind, file_name AS file, sha256 FROM import_batches WHERE status = 'imported' ORDER BY id")
    .all();
  const total = lines.reduce((n, l) => n + l.final, 0);
  const run = db.transaction(() => {
    const runId = Number(
      db
        .prepare(
          `INSERT INTO runs (period_from, period_to, engine_version, scheme_versions, inputs, line_count, total, created_by, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          args.from,
          args.to,
          ENGINE_VERSION,
          JSON.stringify(stored.map((s) => ({ code: s.scheme.code, version: s.version, id: s.versionId }))),
          JSON.stringify(inputs),
          lines.length,
          total,
          args.user,
          new Date().toISOString(),
        ).lastInsertRowid,
    );
    const insert = db.prepare(
      `INSERT INTO payout_lines (run_id, scheme_version_id, scheme_code, payee, kind, measure, unit, target, achievement, slab,
         slab_label, computed, final, adjustments, near_miss, explanation, source_table, source_ids, effective_rate)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const l of lines) {
      insert.run(
        runId,
        versionOf.get(l.scheme)?.versionId ?? 0,
        l.scheme,
        l.payee,
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
        packIds(l.sources.ids),
        l.effectiveRate,
      );
    }
    return runId;
  })();
  const perScheme = stored.map((s) => {
    const mine = lines.filter((l) => l.scheme === s.scheme.code);
    return {
      code: s.scheme.code,
      version: s.version,
      payees: new Set(mine.map((l) => l.payee)).size,
      total: rupees(mine.reduce((n, l) => n + l.final, 0)),
    };
  });
  return {
    run,
    from: args.from,
    to: args.to,
    lines: lines.length,
    total: rupees(total),
    schemes: perScheme,
    seconds: (Date.now() - started) / 1000,
  };
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
  args: { definition: unknown; from: string; to: string },
): { lines: PreviewLine[]; total: string } {
  const { scheme, problems } = checkScheme(db, args.definition);
  if (!scheme || problems.length > 0) throw new SchemeInvalidError(problems);
  const measured = { ...scheme, period: { from: args.from, to: args.to } };
  const lines = calculateRun([measured], loadFacts(db, measured.period));
  return {
    total: rupees(lines.reduce((n, l) => n + l.final, 0)),
    lines: lines.map((l) => ({
      payee: l.payee,
      measure: l.measure,
      unit: l.unit,
      target: l.target,
      achievementPct: l.achievementPct,
      slabLabel: l.slabLabel,
      computed: rupees(l.computed),
      final: rupees(l.final),
      explanation: l.explanation,
    })),
  };
}
