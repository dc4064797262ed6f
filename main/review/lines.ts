import type Database from 'better-sqlite3';
import { adjustmentSteps } from '../../engine/calculate';
import { paiseToRupees } from '../../engine/money';
import { flagKinds } from '../controls/kinds';
import {
  escapeLike,
  type FilterModel,
  filterConditions,
  type GridColumns,
  orderClause,
  type SortModel,
} from '../datasets/grid-query';
import type { FieldDef } from '../datasets/kinds';
import { lineRange } from '../runs/line-range';
import { lineSearchText } from '../store/migrations/013_line_search_index';
import { stepChangeSql, stepLabels } from './adjustments';
import { type Grouping, groupings } from './groupings';

/**
 * A run's payout lines as the review grid reads them: payee attributes as they were when the
 * run was calculated, the calculated amount, the current override and the final amount, and
 * flags. Sorting, filtering, grouping and totals all happen in SQL over the allow-listed
 * columns below, so a run of 100,000 lines never has to travel to the window whole.
 */
const text = (name: string, label: string): FieldDef => ({ name, label, type: 'text' });
const money = (name: string, label: string): FieldDef => ({ name, label, type: 'money' });
const decimal = (name: string, label: string): FieldDef => ({ name, label, type: 'decimal' });

export const reviewColumns: GridColumns = {
  label: 'Payout lines',
  fields: [
    text('payee', 'Payee code'),
    text('payee_name', 'Payee'),
    text('region', 'Region'),
    text('channel', 'Channel'),
    text('class', 'Class'),
    text('scheme', 'Scheme'),
    text('kind', 'Line'),
    decimal('measure', 'Measure'),
    text('unit', 'Unit'),
    decimal('target', 'Target'),
    decimal('achievement', 'Achievement %'),
    text('slab', 'Slab'),
    money('slab_amount', 'Slab amount'),
    ...adjustmentSteps.map((step) => money(step, stepLabels[step])),
    money('reductions', 'Reductions'),
    money('calculated', 'Calculated'),
    money('override', 'Override'),
    money('final', 'Final'),
    text('override_reason', 'Reason'),
    text('override_by', 'Overridden by'),
    text('flags', 'Flags'),
  ],
};

/**
 * The flags a line has of its own, each with the condition on a payable_lines row that gives it
 * and its bit in the line's `own_flags`, which the quick filter reads instead of the flags text.
 */
const lineFlags = [
  { name: 'overridden', when: 'override IS NOT NULL' },
  { name: 'stale-override', when: 'override IS NOT NULL AND override_calculated <> final' },
  { name: 'clawback', when: "kind = 'clawback'" },
  { name: 'adjusted', when: "adjustments <> '[]'" },
  { name: 'near-miss', when: 'near_miss IS NOT NULL' },
].map((flag, i) => ({ ...flag, bit: 1 << i }));
/** A flag the controls found (run_flags f) that concerns `line`: its run, and its payee and scheme or all of them. */
const flagOfLine = (line: string) =>
  `f.run_id = ${line}.run_id AND (f.payee IS NULL OR f.payee = ${line}.payee)
    AND (f.scheme_code IS NULL OR f.scheme_code = ${line}.scheme_code)`;

/**
 * One subquery; SQLite flattens it, so the outer WHERE and ORDER BY see plain columns. It reads
 * the run's lines by their id range (see lineRange); its parameters are `rangeOf(run)`.
 */
const linesSql = `
  SELECT id, payee, payee_name, region, channel, class, scheme_code AS scheme, kind, measure, unit, target, achievement,
    slab_label AS slab, computed AS slab_amount, ${adjustmentSteps.map((step) => `${stepChangeSql(step)} AS ${step}`).join(', ')},
    final AS calculated, computed - final AS reductions, override, payable AS final, override_reason, override_by,
    ${lineFlags.map((f) => `CASE WHEN ${f.when} THEN ${f.bit} ELSE 0 END`).join(' | ')} AS own_flags,
    trim(${lineFlags.map((f) => `CASE WHEN ${f.when} THEN '${f.name} ' ELSE '' END`).join(' || ')} ||
      coalesce((SELECT replace(group_concat(DISTINCT f.kind), ',', ' ') FROM run_flags f WHERE ${flagOfLine('payable_lines')}), '')
    ) AS flags
  FROM payable_lines WHERE id BETWEEN ? AND ? AND +run_id = ?`;

/** The parameters of linesSql: the first and last id of the run's lines, and the run. */
const rangeOf = (db: Database.Database, run: number): [number, number, number] => [...lineRange(db, run), run];

export interface ReviewQuery {
  run: number;
  startRow: number;
  endRow: number;
  sortModel: SortModel;
  filterModel: FilterModel;
  quickFilter?: string;
}

export type ReviewLine = Record<string, string | number | null>;

export interface ReviewTotals {
  lines: number;
  calculated: string;
  override: string;
  final: string;
  overridden: number;
}

/** The quick filter's words (at most five). */
const quickWords = (quickFilter: string | undefined) =>
  (quickFilter ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 5);
/** Every word the flags column can hold: the line's own, and what the controls found (controls/). */
const flagNames = [...lineFlags.map((f) => f.name), ...flagKinds];
/** The flags are a few fixed words: only a word that is part of one needs them looked at. */
const mayBeFlag = (word: string) => flagNames.some((flag) => flag.includes(word.toLowerCase()));

/**
 * The lines whose flags column holds `word` (as LIKE finds it, without case): those with a flag of
 * their own whose name holds it (a bit of `own_flags`), or with a flag of the controls whose name
 * does and which the run has. Neither needs the flags text built for every line of the run.
 */
function withFlag(
  db: Database.Database,
  word: string,
  range: [number, number, number],
): { sql: string; params: unknown[] } {
  const lower = word.toLowerCase();
  const own = lineFlags.filter((f) => f.name.includes(lower)).reduce((mask, f) => mask | f.bit, 0);
  const named = flagKinds.filter((kind) => kind.includes(lower));
  const kinds =
    named.length === 0
      ? []
      : (db
          .prepare(
            `SELECT DISTINCT kind FROM run_flags WHERE run_id = ? AND kind IN (${named.map(() => '?').join(', ')})`,
          )
          .pluck()
          .all(range[2], ...named) as string[]);
  const found = own === 0 ? [] : [`(own_flags & ${own}) <> 0`];
  if (kinds.length > 0)
    found.push(
      `id IN (SELECT l.id FROM payout_lines l WHERE l.id BETWEEN ? AND ? AND +l.run_id = ? AND EXISTS (
         SELECT 1 FROM run_flags f WHERE ${flagOfLine('l')} AND f.kind IN (${kinds.map(() => '?').join(', ')})))`,
    );
  // A word only in the names of flags the run does not have finds no line by its flags.
  return {
    sql: found.length === 0 ? '0' : `(${found.join(' OR ')})`,
    params: kinds.length === 0 ? [] : [...range, ...kinds],
  };
}
const likePattern = (word: string) => `%${escapeLike(word)}%`;
const textLike = `${lineSearchText} LIKE ? ESCAPE '\\'`;

/**
 * The filters and the quick filter as one WHERE clause. Each quick-filter word must appear in
 * the line's text (payee, name, region, channel, class, scheme: read from the narrow index
 * payout_lines_search) or in its flags. The Flags column's "contains" with one word is looked for
 * as the quick filter looks for a flag word.
 */
function filtered(
  db: Database.Database,
  q: Pick<ReviewQuery, 'run' | 'filterModel' | 'quickFilter'>,
  range: [number, number, number],
): { sql: string; params: unknown[] } {
  const { flags, ...others } = q.filterModel;
  const flagWord = flags && !('conditions' in flags) && flags.type === 'contains' ? String(flags.filter ?? '') : '';
  const byWord = /^\S+$/.test(flagWord);
  const columns = filterConditions(reviewColumns, byWord ? others : q.filterModel);
  const parts = columns.parts;
  const params: unknown[] = [...range, ...columns.params];
  if (byWord) {
    const flagged = withFlag(db, flagWord, range);
    parts.push(flagged.sql);
    params.push(...flagged.params);
  }
  const inText = `id IN (SELECT id FROM payout_lines WHERE run_id = ? AND ${textLike})`;
  for (const w of quickWords(q.quickFilter)) {
    params.push(q.run, likePattern(w));
    if (!mayBeFlag(w)) {
      parts.push(inText);
      continue;
    }
    const flagged = withFlag(db, w, range);
    params.push(...flagged.params);
    parts.push(`(${inText} OR ${flagged.sql})`);
  }
  return { sql: parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '', params };
}

type Sums = { lines: number; calculated: string; override: string; final: string; overridden: number };

/**
 * The totals of the lines a quick filter alone finds, when none of its words can be a flag:
 * counted and summed from the search index (which holds each line's final amount), and the
 * few current overrides among them added on top, where the general query reads every line it
 * finds with its override. A line pays its override where it has one, else its final amount.
 */
function quickTotals(db: Database.Database, run: number, words: readonly string[]): Sums {
  const likes = words.map(() => textLike).join(' AND ');
  // An overridden line's text, read in a subquery of its own: there the override's payee and
  // scheme columns cannot be taken for the line's.
  const overriddenLikes = words
    .map(() => `(SELECT ${lineSearchText} FROM payout_lines x WHERE x.id = l.id) LIKE ? ESCAPE '\\'`)
    .join(' AND ');
  const patterns = words.map(likePattern);
  const lines = db
    .prepare(
      `SELECT count(*) AS lines, CAST(coalesce(sum(final), 0) AS TEXT) AS calculated
       FROM payout_lines WHERE run_id = ? AND ${likes}`,
    )
    .get(run, ...patterns) as { lines: number; calculated: string };
  // A line's current override as the payable_lines view joins it, read from the overrides' side:
  // CROSS JOIN keeps SQLite to this order, the run's few current overrides, then each one's line.
  // Left to itself it walks every line of the run (100 ms for 100,000 of them).
  const overrides = db
    .prepare(
      `SELECT count(*) AS overridden, CAST(coalesce(sum(o.amount), 0) AS TEXT) AS override,
         CAST(coalesce(sum(o.amount - l.final), 0) AS TEXT) AS change
       FROM overrides o CROSS JOIN payout_lines l ON l.run_id = o.run_id AND l.scheme_code = o.scheme_code
         AND l.payee = o.payee AND l.kind = o.kind
       WHERE o.run_id = ? AND o.superseded_at IS NULL AND o.amount IS NOT NULL AND ${overriddenLikes}`,
    )
    .get(run, ...patterns) as { overridden: number; override: string; change: string };
  return {
    lines: lines.lines,
    calculated: lines.calculated,
    override: overrides.override,
    final: String(BigInt(lines.calculated) + BigInt(overrides.change)),
    overridden: overrides.overridden,
  };
}

/** The totals of lines as linesSql reads them (amounts in paise), summed exactly. */
function blockTotals(lines: readonly ReviewLine[]): Sums {
  const sum = (field: string) => String(lines.reduce((n, line) => n + BigInt((line[field] as number | null) ?? 0), 0n));
  return {
    lines: lines.length,
    calculated: sum('calculated'),
    override: sum('override'),
    final: sum('final'),
    overridden: lines.filter((line) => line.override !== null).length,
  };
}

const rupeesOrNull = (paise: number | null) => (paise === null ? null : paiseToRupees(paise));

/**
 * A block of lines, and (when asked — the grid asks once per filter and sort, not for every
 * block it scrolls to) the totals of every line the filters let through.
 */
export function reviewLines(
  db: Database.Database,
  q: ReviewQuery & { withTotals: boolean },
): { rows: ReviewLine[]; totals: ReviewTotals | null } {
  const range = rangeOf(db, q.run);
  const where = filtered(db, q, range);
  // The block's ids first, then their lines: sorting ids alone keeps a block deep in a sorted run
  // from carrying every column of the lines before it through the sort.
  const ids = db
    .prepare(`SELECT id FROM (${linesSql}) ${where.sql} ${orderClause(reviewColumns, q.sortModel)} LIMIT ? OFFSET ?`)
    .pluck()
    .all(...where.params, q.endRow - q.startRow, q.startRow) as number[];
  const byId = new Map(
    (
      db
        .prepare(`SELECT * FROM (${linesSql}) WHERE id IN (SELECT value FROM json_each(?))`)
        .all(...range, JSON.stringify(ids)) as ReviewLine[]
    ).map((r) => [r.id, r]),
  );
  const block = ids.map((id) => byId.get(id) as ReviewLine);
  const rows = block.map(({ own_flags: _, ...r }) => ({
    ...r,
    slab_amount: paiseToRupees(r.slab_amount as number),
    ...Object.fromEntries(adjustmentSteps.map((step) => [step, rupeesOrNull(r[step] as number | null)])),
    calculated: paiseToRupees(r.calculated as number),
    reductions: paiseToRupees(r.reductions as number),
    override: rupeesOrNull(r.override as number | null),
    final: paiseToRupees(r.final as number),
  }));
  if (!q.withTotals) return { rows, totals: null };
  const words = quickWords(q.quickFilter);
  // A first block shorter than asked holds every line the filters let through: its totals are theirs.
  const whole = q.startRow === 0 && ids.length < q.endRow - q.startRow;
  const sums = whole
    ? blockTotals(block)
    : words.length > 0 && Object.keys(q.filterModel).length === 0 && !words.some(mayBeFlag)
      ? quickTotals(db, q.run, words)
      : (db
          .prepare(
            `SELECT count(*) AS lines, CAST(coalesce(sum(calculated), 0) AS TEXT) AS calculated,
               CAST(coalesce(sum(override), 0) AS TEXT) AS override, CAST(coalesce(sum(final), 0) AS TEXT) AS final,
               count(override) AS overridden
             FROM (${linesSql}) ${where.sql}`,
          )
          .get(...where.params) as Sums);
  // Sums arrive as text, so a total beyond 2^53 paise keeps its last paisa.
  return {
    rows,
    totals: {
      lines: sums.lines,
      calculated: paiseToRupees(BigInt(sums.calculated)),
      override: paiseToRupees(BigInt(sums.override)),
      final: paiseToRupees(BigInt(sums.final)),
      overridden: sums.overridden,
    },
  };
}

export interface ReviewGroup {
  key: string | null;
  lines: number;
  calculated: string;
  final: string;
  overridden: number;
}

/** Subtotals per scheme, region or distributor over the lines the filters let through. */
export function reviewGroups(
  db: Database.Database,
  q: Pick<ReviewQuery, 'run' | 'filterModel' | 'quickFilter'> & { by: Grouping },
): ReviewGroup[] {
  const where = filtered(db, q, rangeOf(db, q.run));
  const column = groupings[q.by];
  const rows = db
    .prepare(
      `SELECT ${column} AS key, count(*) AS lines, CAST(sum(calculated) AS TEXT) AS calculated, CAST(sum(final) AS TEXT) AS final,
         count(override) AS overridden
       FROM (${linesSql}) ${where.sql} GROUP BY ${column} ORDER BY ${column}`,
    )
    .all(...where.params) as {
    key: string | null;
    lines: number;
    calculated: string;
    final: string;
    overridden: number;
  }[];
  return rows.map((r) => ({
    ...r,
    calculated: paiseToRupees(BigInt(r.calculated)),
    final: paiseToRupees(BigInt(r.final)),
  }));
}
