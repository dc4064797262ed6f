import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSource } from '../../main/import/open-source';
import { writeNearMisses } from '../../main/insights/near-miss-xlsx';
import { schemeInsights } from '../../main/insights/scheme';
import { executeRun } from '../../main/runs/execute';
import { saveScheme } from '../../main/schemes/store';
import { handMadeWorkspace, twoSlabVolume } from '../support/hand-made';

/**
 * A scheme's insights on figures worked by hand. VOL pays 1 % of October's sales, 2 % from
 * ₹1,00,000. D1 sold ₹60,000 in September and ₹1,20,000 in October; D2 ₹40,000 and ₹50,000; D3
 * nothing and ₹95,000 (one unit a line; SKU-1 costs ₹50 a unit).
 *   paid: 2,400 + 500 + 950 = ₹3,850, against a budget of ₹10,000: 38.50 %
 *   sales: 2,65,000 now, 1,00,000 in September (no October last year): +1,65,000
 *   margin: (2,65,000 − 3 × 50) − (1,00,000 − 2 × 50) = 1,64,950; ROI 1,64,950 ÷ 3,850 = 42.84
 *   without costs, on sales: 1,65,000 ÷ 3,850 = 42.86
 *   near miss: D3 needs ₹5,000 of ₹1,00,000 (5 %); D2 needs 50 %, beyond the 10 % asked for.
 */
async function workspace(unitCost?: number) {
  const { db, make, ws } = await handMadeWorkspace({ unitCost });
  for (const d of ['D1', 'D2', 'D3']) {
    make.distributor(d);
    make.outlet(`O-${d}`, d);
  }
  make.bill('D1', 'O-D1', '2026-09-10', 60_000);
  make.bill('D2', 'O-D2', '2026-09-12', 40_000);
  make.bill('D1', 'O-D1', '2026-10-10', 120_000);
  make.bill('D2', 'O-D2', '2026-10-12', 50_000);
  make.bill('D3', 'O-D3', '2026-10-14', 95_000);
  saveScheme(db, { ...twoSlabVolume, budget: { amount: '10000', onOverrun: 'pro_rata' } }, 'tester');
  executeRun(db, { from: '2026-10-01', to: '2026-10-31', user: 'tester' });
  return { db, dir: join(ws.dbPath, '..') };
}

describe('scheme insights', () => {
  it('cost against budget, payees reached, incremental sales, ROI on margin and the near misses, by hand', async () => {
    const { db, dir } = await workspace(5000);
    const insights = schemeInsights(db, 'VOL');
    expect(insights).toMatchObject({
      paid: '3850.00',
      budget: '10000.00',
      burnPct: '38.5',
      payees: { eligible: 3, reached: 3 },
      baseline: { from: '2026-09-01', to: '2026-09-30', kind: 'previous period', data: true },
      sales: { period: '265000.00', baseline: '100000.00', incremental: '165000.00' },
      roi: { value: '42.84', on: 'gross margin' },
    });
    expect(insights.achievement.reduce((n, b) => n + b.payees, 0)).toBe(3);
    expect(insights.nearMisses.map((m) => [m.payee, m.neededPct])).toEqual([['D3', '5']]);

    const file = join(dir, 'near-misses.xlsx');
    await writeNearMisses(file, insights);
    const source = await openSource(file);
    const rows: unknown[][] = [];
    for await (const sheet of source.sheets()) for await (const row of sheet.rows()) rows.push(row.cells);
    source.close?.();
    expect(rows[1]).toEqual(['Payee', 'Measure', 'Still needed', 'Needed %', 'Would pay']);
    expect(rows[2]?.slice(0, 4)).toEqual(['D3', 95000, 5000, 5]);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  });

  it('measures the return on sales, and says so, when products have no cost', async () => {
    const { db } = await workspace();
    expect(schemeInsights(db, 'VOL').roi).toEqual({ value: '42.86', on: 'sales (no costs known)' });
    expect(() => schemeInsights(db, 'NOPE')).toThrow('There is no scheme NOPE');
    // Without a single sale in the baseline, nothing incremental is measured, and no return.
    db.prepare("DELETE FROM sales WHERE doc_date < '2026-10-01'").run();
    expect(schemeInsights(db, 'VOL')).toMatchObject({ baseline: { data: false }, roi: { value: null } });
  });

  /**
   * Outlets, the dip and dependency, by hand. D1 has outlets A, B and R; D2 has C, M and N.
   *   May: R 10,000 (D1). September: A 50,000 on the 10th, B 30,000 on the 11th (D1), C 20,000
   *   on the 20th (D2). October: A 80,000, R 20,000 (D1); C 40,000, M 5,000, N 10,000 (D2).
   *   November: A 30,000 (D1), C 20,000 (D2).
   * SEPT (1–15 September) and VOL (October) each have a run. VOL pays D1 2 % of 1,00,000 and D2
   * 1 % of 55,000: ₹2,550.
   *   outlets billed: October A R C M N = 5, September A B C = 3: net new 2, ₹1,275 each;
   *   first billed: M and N; reactivated: R alone (last bill 5 May, before the 90 days from 3 July).
   *   dip: September 1,00,000, October 1,55,000, November 50,000: −50.00 %.
   *   dependency: September 80,000 of 1,00,000 under SEPT (C's sale on the 20th is not): 80.00 %;
   *   October all: 100.00 %; May none: 0.00 %; D1 1,80,000 of 1,90,000 = 94.74 %, D2 55,000 of
   *   75,000 = 73.33 %.
   */
  it('outlets reactivated and net new, the post-scheme dip and discount dependency, by hand', async () => {
    const { db, make } = await handMadeWorkspace();
    make.distributor('D1');
    make.distributor('D2');
    for (const o of ['A', 'B', 'R']) make.outlet(o, 'D1');
    for (const o of ['C', 'M', 'N']) make.outlet(o, 'D2');
    make.bill('D1', 'R', '2026-05-05', 10_000);
    make.bill('D1', 'A', '2026-09-10', 50_000);
    make.bill('D1', 'B', '2026-09-11', 30_000);
    make.bill('D2', 'C', '2026-09-20', 20_000);
    make.bill('D1', 'A', '2026-10-10', 80_000);
    make.bill('D1', 'R', '2026-10-11', 20_000);
    make.bill('D2', 'C', '2026-10-12', 40_000);
    make.bill('D2', 'M', '2026-10-20', 5_000);
    make.bill('D2', 'N', '2026-10-30', 10_000);
    make.bill('D1', 'A', '2026-11-05', 30_000);
    make.bill('D2', 'C', '2026-11-06', 20_000);
    saveScheme(db, { ...twoSlabVolume, code: 'SEPT', period: { from: '2026-09-01', to: '2026-09-15' } }, 'tester');
    saveScheme(db, twoSlabVolume, 'tester');
    executeRun(db, { from: '2026-09-01', to: '2026-09-15', user: 'tester' });
    executeRun(db, { from: '2026-10-01', to: '2026-10-31', user: 'tester' });

    const insights = schemeInsights(db, 'VOL');
    expect(insights.paid).toBe('2550.00');
    expect(insights.outlets).toEqual({
      billed: { period: 5, baseline: 3 },
      firstBilled: 2,
      reactivated: 1,
      dormantDays: 90,
      netNew: 2,
      costPerReactivated: '2550.00',
      costPerNetNew: '1275.00',
    });
    expect(insights.dip).toEqual({
      before: { from: '2026-09-01', to: '2026-09-30', sales: '100000.00' },
      during: '155000.00',
      after: { from: '2026-11-01', to: '2026-11-30', sales: '50000.00', data: true },
      changePct: '-50.00',
    });
    const months = insights.dependency.months;
    expect(months).toHaveLength(12);
    expect([months[0]?.month, months[11]?.month]).toEqual(['2025-11', '2026-10']);
    const month = (m: string) => months.find((x) => x.month === m);
    expect(month('2026-05')).toEqual({ month: '2026-05', sales: '10000.00', underSchemes: '0.00', sharePct: '0.00' });
    expect(month('2026-09')).toMatchObject({ sales: '100000.00', underSchemes: '80000.00', sharePct: '80.00' });
    expect(month('2026-10')).toMatchObject({ sales: '155000.00', underSchemes: '155000.00', sharePct: '100.00' });
    expect(month('2026-08')).toMatchObject({ sales: '0.00', sharePct: null });
    expect(insights.dependency.payees).toEqual([
      { payee: 'D1', sales: '190000.00', underSchemes: '180000.00', sharePct: '94.74' },
      { payee: 'D2', sales: '75000.00', underSchemes: '55000.00', sharePct: '73.33' },
    ]);

    // Before November's sales land, the period after has no data and no dip is claimed.
    db.prepare("DELETE FROM sales WHERE doc_date >= '2026-11-01'").run();
    expect(schemeInsights(db, 'VOL').dip).toMatchObject({ after: { data: false }, changePct: null });

    // A September whose returns outweigh its sales is no base for a percentage either way.
    make.bill('D1', 'A', '2026-11-05', 30_000);
    make.credit('D1', 'B', '2026-09-25', 1_50_000, 'SI/3');
    expect(schemeInsights(db, 'VOL').dip).toMatchObject({
      before: { sales: '-50000.00' },
      after: { sales: '30000.00', data: true },
      changePct: null,
    });
  });
});
