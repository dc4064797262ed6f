import { describe, expect, it } from 'vitest';
import { paiseToRupees, toScaledInteger } from '../../engine/money';
import { type ReviewLine, type ReviewQuery, reviewLines } from '../../main/review/lines';
import { overrideLines } from '../../main/review/overrides';
import type { Actor } from '../../main/review/workflow';
import { executeRun, recalculateRun } from '../../main/runs/execute';
import { lineSearchText } from '../../main/store/migrations/013_line_search_index';
import { demoWorkspacePerTest } from '../support/workspace';

const priya: Actor = { name: 'priya', role: 'preparer' };

/**
 * The review grid reads a run's lines by their id range and searches them through the narrow
 * index payout_lines_search: the answers must be the run's own lines, whatever other runs hold,
 * in the asked order, block after block, and after a recalculation moved the run's ids.
 */
describe('review grid queries over a workspace of several runs', () => {
  const demo = demoWorkspacePerTest();
  const db = () => demo.current().ws.db;
  type Ask = Partial<ReviewQuery> & { run: number; withTotals?: boolean };
  const ask = (q: Ask) =>
    reviewLines(db(), { startRow: 0, endRow: 100_000, sortModel: [], filterModel: {}, withTotals: true, ...q });
  const idsOf = (q: Ask) => ask(q).rows.map((r) => r.id);

  it('answers each run with its own lines, block after block in the asked order, and after a recalculation', () => {
    const first = (db().prepare('SELECT min(id) AS id FROM runs').get() as { id: number }).id;
    const second = executeRun(db(), { from: '2026-10-01', to: '2026-10-31', user: 'priya' }).run;
    const lineIds = (run: number) =>
      db().prepare('SELECT id FROM payout_lines WHERE run_id = ? ORDER BY id').pluck().all(run) as number[];
    expect(idsOf({ run: first })).toEqual(lineIds(first));
    expect(idsOf({ run: second })).toEqual(lineIds(second));
    expect(ask({ run: second }).totals?.lines).toBe(lineIds(second).length);

    // Sorted by final amount, largest first: blocks of 7 read in turn give the whole order.
    const sortModel = [{ colId: 'final', sort: 'desc' as const }];
    const whole = ask({ run: second, sortModel }).rows;
    const finals = whole.map((r) => Math.round(Number(r.final) * 100));
    expect(finals).toEqual([...finals].sort((a, b) => b - a));
    const blocks: unknown[] = [];
    for (let start = 0; start < whole.length; start += 7)
      blocks.push(...ask({ run: second, sortModel, startRow: start, endRow: start + 7, withTotals: false }).rows);
    expect(blocks).toEqual(whole);

    // A recalculation replaces the lines: new ids, the same answers.
    const before = ask({ run: second }).totals;
    recalculateRun(db(), { run: second, actor: priya });
    const moved = lineIds(second);
    expect(moved[0]).toBeGreaterThan(Math.max(...lineIds(first)));
    expect(idsOf({ run: second })).toEqual(moved);
    expect(ask({ run: second }).totals).toEqual(before);
    expect(idsOf({ run: first })).toEqual(lineIds(first));
  });

  it('quick-filters on payee, region, channel, class, scheme and flags, every word, and only literally', () => {
    const run = (db().prepare('SELECT min(id) AS id FROM runs').get() as { id: number }).id;
    const all = ask({ run }).rows;
    const sample = all.find((r) => r.region && r.channel && r.kind === 'payout') ?? {};
    const words = `${String(sample.region).toLowerCase()} ${sample.scheme} ${sample.payee}`;
    const found = ask({ run, quickFilter: words }).rows;
    expect(found.length).toBeGreaterThan(0);
    expect(
      found.every((r) => r.region === sample.region && r.scheme === sample.scheme && r.payee === sample.payee),
    ).toBe(true);
    expect(found.length).toBe(
      all.filter((r) => r.region === sample.region && r.scheme === sample.scheme && r.payee === sample.payee).length,
    );

    // A flag is found by its word, alone or beside a payee's words.
    overrideLines(
      db(),
      { run, lines: [Number(sample.id)], change: { mode: 'set', amount: '1' }, reason: 'agreed' },
      priya,
    );
    expect(idsOf({ run, quickFilter: 'overridden' })).toEqual([sample.id]);
    expect(idsOf({ run, quickFilter: `OVERRID ${sample.payee}` })).toEqual([sample.id]);
    const nearMiss = all.filter((r) => String(r.flags).includes('near-miss')).map((r) => r.id);
    expect(nearMiss.length).toBeGreaterThan(0);
    expect(idsOf({ run, quickFilter: 'near-miss' })).toEqual(nearMiss);

    // % and _ are letters here, not patterns.
    expect(ask({ run, quickFilter: '%' }).rows).toEqual([]);
    expect(ask({ run, quickFilter: '_' }).rows).toEqual([]);
  });

  it('finds by any part of a flag name exactly the lines whose Flags column holds it, besides those whose text does', () => {
    const run = (db().prepare('SELECT min(id) AS id FROM runs').get() as { id: number }).id;
    const payout = ask({ run }).rows.find((r) => r.kind === 'payout') ?? {};
    overrideLines(
      db(),
      { run, lines: [Number(payout.id)], change: { mode: 'set', amount: '1' }, reason: 'agreed' },
      priya,
    );
    const all = ask({ run }).rows;
    const text = (r: ReviewLine) =>
      [r.payee, r.payee_name, r.region, r.channel, r.class, r.scheme]
        .map((v) => v ?? '')
        .join(' ')
        .toLowerCase();
    const words = [
      'over',
      'OVERRID',
      'stale',
      'claw',
      'adjust',
      'near',
      'miss',
      'edge',
      'spike',
      'bill',
      'dup',
      'e',
      'budget',
    ];
    for (const word of words) {
      const lower = word.toLowerCase();
      const expected = all
        .filter((r) => String(r.flags).toLowerCase().includes(lower) || text(r).includes(lower))
        .map((r) => r.id);
      expect(idsOf({ run, quickFilter: word }), word).toEqual(expected);
      // The Flags column's own filter reads the flags text: the same lines, less those found by their text.
      const byColumn = idsOf({ run, filterModel: { flags: { filterType: 'text', type: 'contains', filter: word } } });
      expect(byColumn, word).toEqual(all.filter((r) => String(r.flags).toLowerCase().includes(lower)).map((r) => r.id));
    }
    // The demo's run holds flags of the line's own and of the controls, so these words find something.
    const found = new Set(all.flatMap((r) => String(r.flags).split(' ').filter(Boolean)));
    expect([...found].filter((f) => ['overridden', 'near-miss'].includes(f))).toHaveLength(2);
    expect([...found].length).toBeGreaterThanOrEqual(4);
  });

  it("totals what a quick filter finds, each line at its override where it has one, this run's only", () => {
    const [run, other] = [
      (db().prepare('SELECT min(id) AS id FROM runs').get() as { id: number }).id,
      executeRun(db(), { from: '2026-10-01', to: '2026-10-31', user: 'priya' }).run,
    ];
    const all = ask({ run }).rows;
    const payouts = all.filter((r) => r.kind === 'payout' && r.region);
    const [a, b, c] = [payouts[0], payouts[1], payouts.at(-1)].map((r) => Number(r?.id)) as [number, number, number];
    const override = (on: number, lines: number[], amount: string) =>
      overrideLines(db(), { run: on, lines, change: { mode: 'set', amount }, reason: 'agreed' }, priya);
    override(run, [a, b], '1234.56');
    // A second override of a line supersedes its first; another run's override is its own.
    override(run, [b], '0');
    override(run, [c], '99999.99');
    const twin = ask({ run: other }).rows.find((r) => r.payee === payouts[0]?.payee && r.scheme === payouts[0]?.scheme);
    override(other, [Number(twin?.id)], '777.77');

    const paise = (rupees: unknown) => (rupees === null ? 0 : toScaledInteger(String(rupees), 2));
    const sum = (rows: ReviewLine[], field: string) => paiseToRupees(rows.reduce((n, r) => n + paise(r[field]), 0));
    const sample = payouts[0] ?? {};
    const words = [
      String(sample.region).toLowerCase(),
      `${sample.region} ${sample.scheme}`,
      String(sample.payee),
      String(sample.scheme),
      'no-such-word',
    ];
    for (const quickFilter of [...words, 'near-miss', 'over']) {
      const { rows, totals } = ask({ run, quickFilter });
      const expected = {
        lines: rows.length,
        calculated: sum(rows, 'calculated'),
        override: sum(rows, 'override'),
        final: sum(rows, 'final'),
        overridden: rows.filter((r) => r.override !== null).length,
      };
      // All the lines found fit in the block asked for, so they are totalled as read; with a
      // shorter block, from the search index or by the general query (words that may be flags).
      expect(totals, quickFilter).toEqual(expected);
      if (rows.length > 2) expect(ask({ run, quickFilter, endRow: 2 }).totals, quickFilter).toEqual(expected);
    }
    expect(ask({ run, quickFilter: String(sample.region) }).totals?.overridden).toBeGreaterThan(0);
  });

  it('searches the narrow index, not the lines (the grid must spell its expression)', () => {
    const planOf = (sql: string) =>
      (db().prepare(`EXPLAIN QUERY PLAN ${sql}`).all(1, '%x%') as { detail: string }[])
        .map((p) => p.detail)
        .join(' | ');
    expect(planOf(`SELECT id FROM payout_lines WHERE run_id = ? AND ${lineSearchText} LIKE ?`)).toContain(
      'COVERING INDEX payout_lines_search',
    );
    // The quick filter's totals are summed from it too: it holds each line's final amount.
    expect(
      planOf(`SELECT count(*), sum(final) FROM payout_lines WHERE run_id = ? AND ${lineSearchText} LIKE ?`),
    ).toContain('COVERING INDEX payout_lines_search');
  });
});
