import { describe, expect, it } from 'vitest';
import { calculateRun } from '../../engine/calculate';
import { indexFacts, MEMO_LIMIT, type PaidFact } from '../../engine/facts';
import type { SchemeInput } from '../../engine/model';
import { facts, sale, schemeOf } from '../support/facts';

/**
 * A kept run worker hands the same facts to a run, its recalculation, previews and what-ifs,
 * and the engine keeps what it worked out over them. A what-if runs variants of one scheme code
 * one after another over those facts: each must pay exactly what it pays over facts of its own.
 */
const rate2 = {
  slabs: { basis: 'measure' as const, mode: 'retro' as const, table: [{ from: '0', to: null, rate: '2' }] },
};

// D1 sold P1 and P2 in September (paid at 2% by an approved run) and October; part of
// September's P1 invoice comes back late, in October; outlet O9 was billed in June, nothing
// from July to September, and again in October.
const septP1 = sale('D1', '2026-09-10', 10000, { docNo: 'INV-9', sku: 'P1' });
const septP2 = sale('D1', '2026-09-12', 4000, { docNo: 'INV-9B', sku: 'P2' });
const sales = [
  sale('D1', '2026-06-15', 700, { outlet: 'O9', sku: 'P2' }),
  septP1,
  septP2,
  sale('D1', '2026-09-28', -1500, { against: 'INV-9', sku: 'P1' }),
  sale('D1', '2026-10-05', 2000, { sku: 'P1' }),
  sale('D1', '2026-10-06', 3000, { sku: 'P2' }),
  sale('D1', '2026-10-07', 900, { outlet: 'O9', sku: 'P2' }),
  sale('D1', '2026-10-20', -2500, { against: 'INV-9B', sku: 'P2' }),
  sale('D1', '2026-11-04', 1200, { sku: 'P1' }),
];
const paid: PaidFact[] = [
  {
    scheme: 'S',
    payee: 'D1',
    kind: 'payout',
    periodTo: '2026-09-30',
    amount: 28000,
    effectiveRate: '0.02',
    saleIds: [septP1.id, septP2.id],
  },
];
const shared = () =>
  facts({
    products: [
      { sku: 'P1', brand: 'Alpha', category: 'Foods' },
      { sku: 'P2', brand: 'Beta', category: 'Foods' },
    ],
    sales,
    paid,
  });

const variants: Partial<SchemeInput>[] = [
  rate2,
  { ...rate2, products: { skus: ['P1'], brands: [], categories: [] } },
  { ...rate2, products: { skus: [], brands: ['Beta'], categories: [] } },
  { ...rate2, period: { from: '2026-11-01', to: '2026-11-30' } },
  { ...rate2, period: { from: '2026-10-01', to: '2026-11-30' } },
  { ...rate2, clawback: false },
  // A budget cuts the line after it is worked out: the next run must start from the line as worked out.
  { ...rate2, budget: { amount: '10', onOverrun: 'pro_rata' } },
  { ...rate2, slabs: { basis: 'measure', mode: 'retro', table: [{ from: '0', to: null, rate: '3' }] } },
  {
    measure: { kind: 'reactivation', dormantDays: 90 },
    reward: { type: 'per_count' },
    slabs: { basis: 'measure', mode: 'retro', table: [{ from: '0', to: null, rate: '500' }] },
  },
  {
    measure: { kind: 'reactivation', dormantDays: 120 },
    reward: { type: 'per_count' },
    slabs: { basis: 'measure', mode: 'retro', table: [{ from: '0', to: null, rate: '500' }] },
  },
];

describe('variants of one scheme over kept facts', () => {
  it('each pays over the shared facts what it pays over facts of its own, whatever ran before it, every time', () => {
    const alone = variants.map((v) => calculateRun([schemeOf(v)], shared()));
    // The variants differ: otherwise the test could not tell a leak from a match.
    expect(new Set(alone.map((lines) => JSON.stringify(lines))).size).toBe(variants.length);
    for (const order of [variants.map((_, i) => i), variants.map((_, i) => variants.length - 1 - i)]) {
      const kept = shared();
      for (const i of [...order, ...order]) {
        expect(calculateRun([schemeOf(variants[i] ?? {})], kept), `variant ${i}`).toEqual(alone[i]);
      }
    }
  });

  it('a scheme cut by stacking beside another pays in full when it runs alone next', () => {
    // Two 2% schemes in one group capped at 3% of net sales are cut together; alone, each pays its 2%.
    const stacked = { ...rate2, stacking: { group: 'trade', maxPct: '3' } };
    const a = schemeOf({ ...stacked, code: 'A' });
    const b = schemeOf({ ...stacked, code: 'B' });
    const kept = shared();
    const together = calculateRun([a, b], kept);
    expect(together.some((l) => l.adjustments.some((x) => x.step === 'stacking'))).toBe(true);
    expect(calculateRun([a], kept)).toEqual(calculateRun([a], shared()));
    expect(calculateRun([a, b], kept)).toEqual(together);
  });
});

describe('the memo kept with the facts', () => {
  it('starts again past its limit instead of growing, and the results stay the same', () => {
    const kept = shared();
    const first = calculateRun([schemeOf(rate2)], kept);
    const memo = indexFacts(kept).memo;
    expect(memo.size).toBeGreaterThan(0);
    // Fill it to the limit with results of no consequence: the next new result starts it again.
    for (let i = memo.size; i < MEMO_LIMIT; i++) memo.set(`filler|${i}`, i);
    const other = schemeOf({ ...rate2, products: { skus: ['P1'], brands: [], categories: [] } });
    expect(calculateRun([other], kept)).toEqual(calculateRun([other], shared()));
    expect(memo.size).toBeLessThan(1_000);
    expect(calculateRun([schemeOf(rate2)], kept)).toEqual(first);
  });
});
