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
});
