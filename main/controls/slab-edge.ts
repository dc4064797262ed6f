import type Database from 'better-sqlite3';
import { slabTableFor } from '../../engine/calculate';
import type { Scheme } from '../../engine/model';
import { Exact } from '../../engine/money';
import { schemeVersions } from '../schemes/store';
import type { FlagDraft, RunScope } from './signals';

interface LineRow {
  id: number;
  scheme: string;
  payee: string;
  measure: string;
  achievement: string | null;
  unit: string;
  region: string | null;
  channel: string | null;
  class: string | null;
  version: number;
}

/**
 * Measures that sit just above a slab's threshold far more often than chance: per scheme, the
 * payees whose measure (or achievement, for an achievement-based table) lies within
 * `slabEdgeBandPct` above a threshold, against those as close below one. Flagged when at least
 * `slabEdgePayees` sit above and `slabEdgeRatio` times as many as below: by chance, as many
 * would fall just short as just over. Each payee above is flagged on its own line. Counts
 * (outlets, channels) measured against their own thresholds are left out: a whole number lands
 * on a threshold as often as not.
 */
export function slabEdges(db: Database.Database, scope: RunScope): FlagDraft[] {
  // A count (outlets, channels), or its share of a target, sits on a threshold by being a whole
  // number, not by design: count lines are left out.
  const lines = db
    .prepare(
      `SELECT id, scheme_code AS scheme, payee, measure, unit, achievement, region, channel, class,
         scheme_version_id AS version
       FROM payout_lines WHERE run_id = ? AND kind = 'payout' AND unit <> 'count' ORDER BY scheme_code, payee`,
    )
    .all(scope.run) as LineRow[];
  // Each scheme version's definition read and parsed once, not joined onto each of its lines.
  const schemes = schemeVersions(
    db,
    lines.map((l) => l.version),
  );
  const band = new Exact(scope.settings.slabEdgeBandPct).dividedBy(100);
  const byScheme = new Map<string, { above: LineRow[]; below: number; name: string }>();
  for (const line of lines) {
    const scheme = schemes.get(line.version) as Scheme;
    const byMeasure = scheme.slabs.basis === 'measure';
    const value = byMeasure ? line.measure : line.achievement;
    if (value === null || value === '') continue;
    const position = new Exact(value);
    const seen = byScheme.get(line.scheme) ?? { above: [], below: 0, name: scheme.name };
    byScheme.set(line.scheme, seen);
    for (const slab of slabTableFor(scheme, line)) {
      const from = new Exact(slab.from);
      if (from.lessThanOrEqualTo(0)) continue;
      if (position.greaterThanOrEqualTo(from) && position.lessThan(from.times(band.plus(1)))) {
        seen.above.push(line);
        break;
      }
      if (position.lessThan(from) && position.greaterThanOrEqualTo(from.times(new Exact(1).minus(band)))) {
        seen.below++;
        break;
      }
    }
  }
  const s = scope.settings;
  // One flag per payee, so the review grid can mark the very lines; each names how many share it.
  return [...byScheme]
    .filter(
      ([, seen]) =>
        seen.above.length >= s.slabEdgePayees &&
        new Exact(seen.above.length).greaterThanOrEqualTo(new Exact(Math.max(seen.below, 1)).times(s.slabEdgeRatio)),
    )
    .flatMap(([code, seen]) =>
      seen.above.map((line) => ({
        kind: 'slab-edge' as const,
        payee: line.payee,
        scheme: code,
        blocking: false,
        message: `${line.payee}'s measure under ${code} (${seen.name}) sits within ${s.slabEdgeBandPct}% above a slab's threshold, as do ${
          seen.above.length - 1
        } other payees' while ${seen.below} sit as close below one`,
        evidence: { table: 'payout_lines' as const, ids: [line.id] },
      })),
    );
}
