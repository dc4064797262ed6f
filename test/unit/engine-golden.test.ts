import { describe, expect, it } from 'vitest';
import { allocate } from '../../engine/allocate';
import { calculateRun } from '../../engine/calculate';
import { facts, payee, plainProducts, sale, schemeOf } from '../support/facts';

/** Golden tests: every expected number is worked out by hand in the comment beside it. */
const slabs3 = [
  { from: '0', to: '1000', rate: '1' },
  { from: '1000', to: '5000', rate: '2' },
  { from: '5000', to: null, rate: '3' },
];
const one = (lines: ReturnType<typeof calculateRun>, payeeCode = 'D1') => {
  const line = lines.find((l) => l.payee === payeeCode && l.kind === 'payout');
  if (!line) throw new Error(`no line for ${payeeCode}`);
  return line;
};

describe('slab modes (the example of DESIGN.md)', () => {
  const f = facts({ sales: [sale('D1', '2026-10-05', 2500)] });
  it('retro pays the reached slab’s rate on everything', () => {
    // ₹2,500 is in slab 1,000–5,000 @ 2%: 2% × 2,500 = 50.00
    const line = one(calculateRun([schemeOf({ slabs: { basis: 'measure', mode: 'retro', table: slabs3 } })], f));
    expect(line.computed).toBe(5000);
    expect(line.slabLabel).toBe('1000–5000');
  });
  it('marginal pays each slab’s rate on the part inside it', () => {
    // 1% × 1,000 + 2% × 1,500 = 10 + 30 = 40.00
    const line = one(calculateRun([schemeOf({ slabs: { basis: 'measure', mode: 'marginal', table: slabs3 } })], f));
    expect(line.computed).toBe(4000);
  });
  it('interpolated moves the rate from this slab’s to the next in proportion', () => {
    // 2,500 is 37.5% of the way from 1,000 to 5,000: rate 2 + (3 − 2) × 0.375 = 2.375%; × 2,500 = 59.375 → 59.38
    const line = one(calculateRun([schemeOf({ slabs: { basis: 'measure', mode: 'interpolated', table: slabs3 } })], f));
    expect(line.computed).toBe(5938);
  });
  it('tells how far the next slab is and what it would pay', () => {
    // Next slab starts at 5,000: ₹2,500 more; at 5,000 retro pays 3% × 5,000 = 150.00
    const line = one(calculateRun([schemeOf({ slabs: { basis: 'measure', mode: 'retro', table: slabs3 } })], f));
    expect(line.nearMiss).toEqual({ needed: '2500', basis: 'measure', wouldPay: '150.00', nextSlab: 2 });
  });
});

describe('measures', () => {
  it('credit notes reduce volume', () => {
    // 3,000 invoiced − 500 returned = 2,500 net; 2% × 2,500 = 50.00
    const f = facts({ sales: [sale('D1', '2026-10-05', 3000), sale('D1', '2026-10-20', -500)] });
    const line = one(calculateRun([schemeOf({ slabs: { basis: 'measure', mode: 'retro', table: slabs3 } })], f));
    expect(line.measure).toBe('2500');
    expect(line.computed).toBe(5000);
  });

  it('counts quantity net of returns for a per-unit reward', () => {
    // 10 + 5 − 3 = 12 units × ₹4 = 48.00
    const f = facts({
      sales: [
        sale('D1', '2026-10-02', 100, { qty: 10 }),
        sale('D1', '2026-10-03', 50, { qty: 5 }),
        sale('D1', '2026-10-09', -30, { qty: -3 }),
      ],
    });
    const s = schemeOf({
      measure: { kind: 'product_volume', basis: 'qty' },
      reward: { type: 'per_unit' },
      slabs: { basis: 'measure', mode: 'retro', table: [{ from: '0', to: null, rate: '4' }] },
    });
    expect(one(calculateRun([s], f)).computed).toBe(4800);
  });

  it('does not count an outlet billed below the monthly minimum', () => {
    // O1 billed 600 (≥ 500) counts; O2 billed 300 + 150 = 450 (< 500) does not; O3 1,000 counts → 2 outlets × ₹100 = 200.00
    const f = facts({
      sales: [
        sale('D1', '2026-10-02', 600, { outlet: 'O1' }),
        sale('D1', '2026-10-03', 300, { outlet: 'O2' }),
        sale('D1', '2026-10-04', 150, { outlet: 'O2' }),
        sale('D1', '2026-10-05', 1000, { outlet: 'O3' }),
      ],
    });
    const s = schemeOf({
      objective: 'penetration',
      measure: { kind: 'billed_outlets', minBillValue: '500' },
      reward: { type: 'per_count' },
      slabs: { basis: 'measure', mode: 'retro', table: [{ from: '0', to: null, rate: '100' }] },
    });
    const line = one(calculateRun([s], f));
    expect(line.measure).toBe('2');
    expect(line.computed).toBe(20000);
  });

  it('counts channels that met their minimum', () => {
    // Grocery 800 ≥ 500 ✓, Chemist 200 < 300 ✗ → 1 of 2 channels; slab 1–2 pays flat ₹1,000, slab 2+ ₹2,500 → 1,000.00
    const f = facts({
      outlets: [
        { code: 'G1', distributor: 'D1', channel: 'Grocery', createdOn: null },
        { code: 'C1', distributor: 'D1', channel: 'Chemist', createdOn: null },
      ],
      sales: [sale('D1', '2026-10-02', 800, { outlet: 'G1' }), sale('D1', '2026-10-02', 200, { outlet: 'C1' })],
    });
    const s = schemeOf({
      objective: 'penetration',
      measure: { kind: 'billed_channels', minimums: { Grocery: '500', Chemist: '300' } },
      reward: { type: 'flat' },
      slabs: {
        basis: 'measure',
        mode: 'retro',
        table: [
          { from: '1', to: '2', rate: '1000' },
          { from: '2', to: null, rate: '2500' },
        ],
      },
    });
    expect(one(calculateRun([s], f)).computed).toBe(100000);
  });

  it('pays early payment on day 10 but not day 11 when N = 10', () => {
    // INV-A dated 1 Oct paid 11 Oct (10 days) ✓ ₹10,000; INV-B dated 1 Oct paid 12 Oct (11 days) ✗ → 1% × 10,000 = 100.00
    const f = facts({
      sales: [
        sale('D1', '2026-10-01', 10000, { docNo: 'INV-A', outlet: null }),
        sale('D1', '2026-10-01', 20000, { docNo: 'INV-B', outlet: null }),
      ],
      payments: [
        { id: 1, date: '2026-10-11', distributor: 'D1', amount: 1000000, against: 'INV-A' },
        { id: 2, date: '2026-10-12', distributor: 'D1', amount: 2000000, against: 'INV-B' },
      ],
    });
    const s = schemeOf({
      objective: 'collections',
      measure: { kind: 'early_payment', withinDays: 10 },
      salesSource: 'primary',
      reward: { type: 'percent_of_invoice' },
    });
    const line = one(calculateRun([s], f));
    expect(line.measure).toBe('10000');
    expect(line.computed).toBe(10000);
    expect(line.sources).toEqual({ table: 'payments', ids: Float64Array.from([1]) });
  });

  it('measures the reduction of overdue receivables over the period', () => {
    // Overdue on 1 Oct: 50,000 + 30,000 = 80,000 (the 20,000 bill is not yet due); on 31 Oct: 30,000 → reduced by 50,000; 2% = 1,000.00
    const r = (id: number, asOf: string, doc: string, due: string, rupees: number) => ({
      id,
      asOf,
      distributor: 'D1',
      docNo: doc,
      docDate: '2026-08-01',
      dueDate: due,
      outstanding: rupees * 100,
    });
    const f = facts({
      receivables: [
        r(1, '2026-10-01', 'A', '2026-09-01', 50000),
        r(2, '2026-10-01', 'B', '2026-09-15', 30000),
        r(3, '2026-10-01', 'C', '2026-10-20', 20000),
        r(4, '2026-10-31', 'B', '2026-09-15', 30000),
      ],
    });
    const s = schemeOf({
      objective: 'collections',
      measure: { kind: 'outstanding_reduction' },
      slabs: { basis: 'measure', mode: 'retro', table: [{ from: '0', to: null, rate: '2' }] },
    });
    const line = one(calculateRun([s], f));
    expect(line.measure).toBe('50000');
    expect(line.computed).toBe(100000);
  });

  it('counts net outlet additions: new outlets billed minus outlets lost', () => {
    // N1, N2 created and billed in October (+2); L1 billed in September, not October (−1) → 1 × ₹500 = 500.00
    const f = facts({
      outlets: [
        { code: 'N1', distributor: 'D1', channel: null, createdOn: '2026-10-03' },
        { code: 'N2', distributor: 'D1', channel: null, createdOn: '2026-10-10' },
        { code: 'L1', distributor: 'D1', channel: null, createdOn: '2024-01-01' },
        { code: 'K1', distributor: 'D1', channel: null, createdOn: '2024-01-01' },
      ],
      sales: [
        sale('D1', '2026-10-05', 100, { outlet: 'N1' }),
        sale('D1', '2026-10-12', 100, { outlet: 'N2' }),
        sale('D1', '2026-09-12', 100, { outlet: 'L1' }),
        sale('D1', '2026-09-12', 100, { outlet: 'K1' }),
        sale('D1', '2026-10-12', 100, { outlet: 'K1' }),
      ],
    });
    const s = schemeOf({
      objective: 'penetration',
      measure: { kind: 'net_channel_addition' },
      reward: { type: 'per_count' },
      slabs: { basis: 'measure', mode: 'retro', table: [{ from: '1', to: null, rate: '500' }] },
    });
    expect(one(calculateRun([s], f)).computed).toBe(50000);
  });

  it('counts outlets that bought the whole bundle', () => {
    // O1 bought P1 and P2 ✓; O2 only P1 ✗ → 1 outlet × ₹250 = 250.00
    const f = facts({
      products: plainProducts('P1', 'P2', 'S1'),
      sales: [
        sale('D1', '2026-10-02', 100, { outlet: 'O1', sku: 'P1' }),
        sale('D1', '2026-10-02', 100, { outlet: 'O1', sku: 'P2' }),
        sale('D1', '2026-10-02', 100, { outlet: 'O2', sku: 'P1' }),
        sale('D1', '2026-10-02', 100, { outlet: 'O2', sku: 'S1' }),
      ],
    });
    const s = schemeOf({
      objective: 'launch',
      measure: { kind: 'upsell', mode: 'all' },
      products: { skus: ['P1', 'P2'], brands: [], categories: [] },
      reward: { type: 'per_count' },
      slabs: { basis: 'measure', mode: 'retro', table: [{ from: '1', to: null, rate: '250' }] },
    });
    expect(one(calculateRun([s], f)).computed).toBe(25000);
  });

  it('counts outlets billed again after the dormancy', () => {
    // R1: billed in June, nothing 3 Jul – 30 Sep, billed in October ✓. A1 billed in August ✗. New1 never billed before ✗ → 1 × ₹300
    const f = facts({
      sales: [
        sale('D1', '2026-06-15', 100, { outlet: 'R1' }),
        sale('D1', '2026-10-05', 100, { outlet: 'R1' }),
        sale('D1', '2026-06-15', 100, { outlet: 'A1' }),
        sale('D1', '2026-08-15', 100, { outlet: 'A1' }),
        sale('D1', '2026-10-05', 100, { outlet: 'A1' }),
        sale('D1', '2026-10-05', 100, { outlet: 'New1' }),
      ],
    });
    const s = schemeOf({
      objective: 'penetration',
      measure: { kind: 'reactivation', dormantDays: 90 },
      reward: { type: 'per_count' },
      slabs: { basis: 'measure', mode: 'retro', table: [{ from: '1', to: null, rate: '300' }] },
    });
    const line = one(calculateRun([s], f));
    expect(line.measure).toBe('1');
    expect(line.computed).toBe(30000);
  });

  it('evaluates a custom formula over named measures in decimals', () => {
    // volume 2,500; outlets 2 → 2500 / 100 + outlets × 5 = 25 + 10 = 35 points × ₹2 = 70.00
    const f = facts({
      sales: [sale('D1', '2026-10-02', 2000, { outlet: 'O1' }), sale('D1', '2026-10-02', 500, { outlet: 'O2' })],
    });
    const s = schemeOf({
      measure: { kind: 'custom', formula: 'volume / 100 + outlets * 5' },
      measures: {
        volume: { kind: 'product_volume', basis: 'value' },
        outlets: { kind: 'billed_outlets', minBillValue: '1' },
      },
      reward: { type: 'per_count' },
      slabs: { basis: 'measure', mode: 'retro', table: [{ from: '0', to: null, rate: '2' }] },
    });
    const line = one(calculateRun([s], f));
    expect(line.measure).toBe('35');
    expect(line.computed).toBe(7000);
    // Its trace lists the rows its named measures read: both invoices.
    expect(line.sources).toEqual({ table: 'sales', ids: Float64Array.from(f.sales, (x) => x.id).sort() });
    expect(line.sources.ids).toHaveLength(2);
  });

  it('traces a formula to every row its named measures read, each once, where neither holds the other', () => {
    // big: outlets billed ≥ ₹1,000 → O1; back: outlets billed again after 90 days without → O3
    // (billed in May, not from 3 July to 30 September). 1 + 1 = 2 points × ₹2 = 4.00
    const f = facts({
      sales: [
        sale('D1', '2026-10-02', 2000, { outlet: 'O1' }),
        sale('D1', '2026-10-03', 500, { outlet: 'O2' }),
        sale('D1', '2026-10-04', 300, { outlet: 'O3' }),
        sale('D1', '2026-05-10', 400, { outlet: 'O3' }),
      ],
    });
    const s = schemeOf({
      measure: { kind: 'custom', formula: 'big + back' },
      measures: {
        big: { kind: 'billed_outlets', minBillValue: '1000' },
        back: { kind: 'reactivation', dormantDays: 90 },
      },
      reward: { type: 'per_count' },
      slabs: { basis: 'measure', mode: 'retro', table: [{ from: '0', to: null, rate: '2' }] },
    });
    const line = one(calculateRun([s], f));
    expect(line.measure).toBe('2');
    expect(line.computed).toBe(400);
    // O1's invoice and O3's October one, in id order: not O2's, not O3's of May.
    const [o1, , o3] = f.sales;
    expect(line.sources).toEqual({ table: 'sales', ids: Float64Array.from([o1?.id ?? 0, o3?.id ?? 0]) });
  });
});

describe('targets, gates, caps, segments', () => {
  it('pays on achievement of the payee’s target from the targets dataset', () => {
    // 2,400 against a target of 2,000 = 120% → slab 110–∞ @ 3%: 3% × 2,400 = 72.00
    const f = facts({
      sales: [sale('D1', '2026-10-05', 2400)],
      targets: [
        {
          from: '2026-10-01',
          to: '2026-10-31',
          distributor: 'D1',
          measure: 'secondary_value',
          schemeCode: null,
          value: '2000',
        },
      ],
    });
    const s = schemeOf({
      target: { type: 'dataset', measure: 'secondary_value' },
      slabs: {
        basis: 'achievement',
        mode: 'retro',
        table: [
          { from: '90', to: '110', rate: '1' },
          { from: '110', to: null, rate: '3' },
        ],
      },
    });
    const line = one(calculateRun([s], f));
    expect(line.achievementPct).toBe('120');
    expect(line.computed).toBe(7200);
  });

  it('blocks the payout when a gate is not met', () => {
    // Volume pays 1% × 5,000 = 50.00, but only 1 outlet was billed and the gate needs 2 → 0
    const f = facts({ sales: [sale('D1', '2026-10-05', 5000, { outlet: 'O1' })] });
    const s = schemeOf({
      measures: { outlets: { kind: 'billed_outlets', minBillValue: '0' } },
      gates: [{ measure: 'outlets', min: '2' }],
    });
    const line = one(calculateRun([s], f));
    expect([line.computed, line.final]).toEqual([5000, 0]);
    expect(line.adjustments.map((a) => a.step)).toEqual(['gate']);
  });

  it('caps per payee and as a share of net sales', () => {
    // 3% × 10,000 = 300.00; cap ₹250 → 250.00; 2% of net sales 10,000 = 200.00 → 200.00
    const f = facts({ sales: [sale('D1', '2026-10-05', 10000)] });
    const s = schemeOf({
      slabs: { basis: 'measure', mode: 'retro', table: [{ from: '0', to: null, rate: '3' }] },
      caps: { perPayee: '250', pctOfNetSales: '2' },
    });
    const line = one(calculateRun([s], f));
    expect(line.adjustments.map((a) => [a.step, a.after])).toEqual([
      ['cap', 25000],
      ['cap', 20000],
    ]);
    expect(line.final).toBe(20000);
  });

  it('uses the slab table of the payee’s segment', () => {
    // Class A pays 2%, class C 4%: D1 (A) 2% × 1,000 = 20.00; D2 (C) 4% × 1,000 = 40.00
    const f = facts({
      payees: [payee('D1', { class: 'A' }), payee('D2', { class: 'C' })],
      sales: [sale('D1', '2026-10-05', 1000), sale('D2', '2026-10-05', 1000)],
    });
    const s = schemeOf({
      slabs: {
        basis: 'measure',
        mode: 'retro',
        table: [{ from: '0', to: null, rate: '2' }],
        segments: { by: 'class', tables: { C: [{ from: '0', to: null, rate: '4' }] } },
      },
    });
    const lines = calculateRun([s], f);
    expect([one(lines, 'D1').final, one(lines, 'D2').final]).toEqual([2000, 4000]);
  });
});

describe('budgets, stacking, catch-up and clawback', () => {
  const three = facts({
    payees: [payee('D1'), payee('D2'), payee('D3')],
    sales: [sale('D1', '2026-10-05', 10000), sale('D2', '2026-10-05', 20000), sale('D3', '2026-10-05', 30001)],
  });

  it('scales every payout down pro rata so the parts add up exactly to the budget', () => {
    // 1% → 100.00 + 200.00 + 300.01 = 600.01 > budget 500.00. Shares of 50,000 paise by 10,000 : 20,000 : 30,001:
    // 8,333.19 → 8,333; 16,666.38 → 16,666; 25,000.41 → 25,000; the 1 paisa left goes to the largest remainder (D3) → 25,001
    const s = schemeOf({ budget: { amount: '500', onOverrun: 'pro_rata' } });
    const lines = calculateRun([s], three);
    expect(lines.map((l) => l.final)).toEqual([8333, 16666, 25001]);
    expect(lines.reduce((n, l) => n + l.final, 0)).toBe(50000);
  });

  it('or pays in rank order until the budget runs out', () => {
    // Highest measure first: D3 300.01 in full, D2 gets the remaining 199.99, D1 nothing
    const s = schemeOf({ budget: { amount: '500', onOverrun: 'rank_order' } });
    const lines = calculateRun([s], three);
    expect(lines.map((l) => [l.payee, l.final])).toEqual([
      ['D1', 0],
      ['D2', 19999],
      ['D3', 30001],
    ]);
  });

  it('holds the schemes of a stacking group to its ceiling per payee', () => {
    // Two schemes pay 3% and 2% of 10,000 = 300 + 200 = 500.00; the group allows 4% of net sales = 400.00 → 240.00 + 160.00
    const f = facts({ sales: [sale('D1', '2026-10-05', 10000)] });
    const a = schemeOf({
      code: 'A',
      slabs: { basis: 'measure', mode: 'retro', table: [{ from: '0', to: null, rate: '3' }] },
      stacking: { group: 'trade', maxPct: '4' },
    });
    const b = schemeOf({
      code: 'B',
      slabs: { basis: 'measure', mode: 'retro', table: [{ from: '0', to: null, rate: '2' }] },
      stacking: { group: 'trade', maxPct: '4' },
    });
    const lines = calculateRun([a, b], f);
    expect(lines.map((l) => [l.scheme, l.computed, l.final])).toEqual([
      ['A', 30000, 24000],
      ['B', 20000, 16000],
    ]);
  });

  it('pays a missed target later once the cumulative target is met (catch-up)', () => {
    // Target 1,000 a month (2,000 over September–October), 5% of value at ≥ 100%. September: 600 (60%), paid nothing.
    const catchUp = (october: number) => {
      const f = facts({
        sales: [sale('D1', '2026-09-10', 600), sale('D1', '2026-10-10', october)],
        targets: [
          { from: '2026-09-01', to: '2026-09-30', distributor: 'D1', measure: 'v', schemeCode: null, value: '1000' },
          { from: '2026-10-01', to: '2026-10-31', distributor: 'D1', measure: 'v', schemeCode: null, value: '1000' },
        ],
      });
      const s = schemeOf({
        target: { type: 'dataset', measure: 'v' },
        reward: { type: 'percent_of_value' },
        slabs: { basis: 'achievement', mode: 'retro', table: [{ from: '100', to: null, rate: '5' }] },
        catchUp: { since: '2026-09-01' },
      });
      return one(calculateRun([s], f));
    };
    // October 900 (90%): this month pays nothing; cumulative 1,500 of 2,000 = 75% pays nothing → 0
    expect(catchUp(900).final).toBe(0);
    // October 1,500 (150%): this month alone 5% × 1,500 = 75.00; cumulative 2,100 of 2,000 = 105% → 5% × 2,100 = 105.00,
    // minus 0 already paid in September = 105.00 > 75.00, so the catch-up pays 105.00
    const line = catchUp(1500);
    expect([line.computed, line.final]).toEqual([7500, 10500]);
    expect(line.adjustments[0]?.step).toBe('catch_up');
  });

  it('claws back returns against invoices paid in an approved run as a negative line', () => {
    // September paid 2% on INV-9 (₹10,000) = ₹200; in October ₹2,500 of it comes back: −2% × 2,500 = −50.00
    const paidInvoice = sale('D1', '2026-09-10', 10000, { docNo: 'INV-9' });
    const f = facts({
      sales: [paidInvoice, sale('D1', '2026-10-07', -2500, { against: 'INV-9' }), sale('D1', '2026-10-08', 1000)],
      paid: [
        {
          scheme: 'S',
          kind: 'payout',
          payee: 'D1',
          periodTo: '2026-09-30',
          amount: 20000,
          effectiveRate: '0.02',
          saleIds: [paidInvoice.id],
        },
      ],
    });
    const lines = calculateRun(
      [schemeOf({ slabs: { basis: 'measure', mode: 'retro', table: [{ from: '0', to: null, rate: '2' }] } })],
      f,
    );
    const claw = lines.find((l) => l.kind === 'clawback');
    expect(claw?.final).toBe(-5000);
    // The return is taken off once, by the clawback: the October payout is on October's own ₹1,000 → 2% = 20.00
    expect(one(lines).final).toBe(2000);
  });
});

describe('allocate', () => {
  it('always adds back up to the total', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(0, [5, 5])).toEqual([0, 0]);
    // Nothing to share onto: no part gets anything.
    expect(allocate(7, [0, 0])).toEqual([0, 0]);
  });
});

describe('eligibility', () => {
  it('counts tenure in days from onboarding to the period’s first day, and pays no one onboarded on an unknown day', () => {
    // Period from 1 Oct 2026. D1 onboarded 1 Sep: 30 days, eligible at 30. D2 onboarded 2 Sep: 29 days, not.
    // D3 has no onboarding date. D1 sells ₹1,000 at 1% → 10.00; D2 and D3 sell too and get nothing.
    const f = facts({
      payees: [
        payee('D1', { onboardedOn: '2026-09-01' }),
        payee('D2', { onboardedOn: '2026-09-02' }),
        payee('D3', { onboardedOn: null }),
      ],
      sales: [sale('D1', '2026-10-05', 1000), sale('D2', '2026-10-05', 1000), sale('D3', '2026-10-05', 1000)],
    });
    const s = schemeOf({ eligibility: { minTenureDays: 30 } });
    const lines = calculateRun([s], f).filter((l) => l.kind === 'payout');
    expect(lines.map((l) => [l.payee, l.final])).toEqual([['D1', 1000]]);
  });
});

describe('eligibility lists', () => {
  it('filters by region and area; include lets a payee in whatever the filters say; exclude keeps one out, even an included one', () => {
    // North, area N1 only. D1 North/N1 ✓; D2 South ✗; D3 North/N2 ✗; D4 South but included ✓;
    // D5 North/N1 but excluded ✗; D6 included and excluded ✗. Each sells ₹1,000 at 1% → 10.00.
    const codes = ['D1', 'D2', 'D3', 'D4', 'D5', 'D6'];
    const where: Record<string, [string, string]> = {
      D1: ['North', 'N1'],
      D2: ['South', 'S1'],
      D3: ['North', 'N2'],
      D4: ['South', 'S1'],
      D5: ['North', 'N1'],
      D6: ['North', 'N1'],
    };
    const f = facts({
      payees: codes.map((code) => payee(code, { region: where[code]?.[0], area: where[code]?.[1] })),
      sales: codes.map((code) => sale(code, '2026-10-05', 1000)),
    });
    const s = schemeOf({
      eligibility: { regions: ['North'], areas: ['N1'], include: ['D4', 'D6'], exclude: ['D5', 'D6'] },
    });
    const paid = calculateRun([s], f).filter((l) => l.kind === 'payout' && l.final > 0);
    expect(paid.map((l) => l.payee)).toEqual(['D1', 'D4']);
  });
});

describe('growth target', () => {
  it('is the baseline period’s measure grown by the percentage; a payee with nothing in the baseline has none', () => {
    // D1: September ₹1,000 → target 1,000 × 110% = 1,100; October ₹1,210 → achievement 110%,
    // slab 100+ at 2% of value → 2% × 1,210 = 24.20. D2 sold nothing in September: no target, nothing paid.
    const f = facts({
      payees: [payee('D1'), payee('D2')],
      sales: [sale('D1', '2026-09-10', 1000), sale('D1', '2026-10-10', 1210), sale('D2', '2026-10-10', 5000)],
    });
    const s = schemeOf({
      target: { type: 'growth', pct: '10', baseline: { from: '2026-09-01', to: '2026-09-30' } },
      slabs: {
        basis: 'achievement',
        mode: 'retro',
        table: [
          { from: '0', to: '100', rate: '0' },
          { from: '100', to: null, rate: '2' },
        ],
      },
    });
    const lines = calculateRun([s], f);
    expect(one(lines)).toMatchObject({ target: '1100', final: 2420 });
    expect(one(lines, 'D2').final).toBe(0);
  });
});

describe('upsell by any SKU, or by a number of them', () => {
  // Bundle P1, P2, P3. O1 bought P1; O2 bought P1 and P3; O3 bought only S1 (not in the bundle);
  // O4 bought P2 and returned all of it (net 0: not bought).
  const f = facts({
    products: plainProducts('P1', 'P2', 'P3', 'S1'),
    sales: [
      sale('D1', '2026-10-02', 100, { outlet: 'O1', sku: 'P1' }),
      sale('D1', '2026-10-02', 100, { outlet: 'O2', sku: 'P1' }),
      sale('D1', '2026-10-03', 100, { outlet: 'O2', sku: 'P3' }),
      sale('D1', '2026-10-02', 100, { outlet: 'O3', sku: 'S1' }),
      sale('D1', '2026-10-02', 100, { outlet: 'O4', sku: 'P2' }),
      sale('D1', '2026-10-09', -100, { outlet: 'O4', sku: 'P2' }),
    ],
  });
  const upsell = (measure: { mode: 'any' } | { mode: 'lines'; minLines: number }) =>
    schemeOf({
      objective: 'launch',
      measure: { kind: 'upsell', ...measure },
      products: { skus: ['P1', 'P2', 'P3'], brands: [], categories: [] },
      reward: { type: 'per_count' },
      slabs: { basis: 'measure', mode: 'retro', table: [{ from: '1', to: null, rate: '250' }] },
    });
  it('any: O1 and O2 bought one of the bundle → 2 × ₹250 = 500.00', () => {
    expect(one(calculateRun([upsell({ mode: 'any' })], f)).computed).toBe(50000);
  });
  it('lines with minLines 2: only O2 bought two of it → 1 × ₹250 = 250.00', () => {
    expect(one(calculateRun([upsell({ mode: 'lines', minLines: 2 })], f)).computed).toBe(25000);
  });
});

describe('marginal slabs on achievement', () => {
  it('pays each slab’s rate on the part of the measure its band of achievement covers', () => {
    // Target 10,000 (fixed); sold 12,000 = 120%. Bands: 0–80% nothing, 80–100% at 2%, 100%+ at 3%.
    // 80–100% is 8,000–10,000 of the measure: 2% × 2,000 = 40; 100–120% is 10,000–12,000: 3% × 2,000 = 60 → 100.00
    const f = facts({ sales: [sale('D1', '2026-10-05', 12000)] });
    const s = schemeOf({
      target: { type: 'fixed', value: '10000' },
      slabs: {
        basis: 'achievement',
        mode: 'marginal',
        table: [
          { from: '0', to: '80', rate: '0' },
          { from: '80', to: '100', rate: '2' },
          { from: '100', to: null, rate: '3' },
        ],
      },
    });
    expect(one(calculateRun([s], f)).computed).toBe(10000);
  });
});

describe('cap on a share of net sales', () => {
  it('cuts a payout to its percentage of the payee’s net sales in the period, of every product', () => {
    // The scheme is on S1: 5% of ₹10,000 = 500.00. Net sales of every product: 10,000 + S2's 2,000 = 12,000;
    // capped at 3% of it = 360.00 (not 3% of the scheme's own 10,000).
    const f = facts({
      products: plainProducts('S1', 'S2'),
      sales: [sale('D1', '2026-10-05', 10000), sale('D1', '2026-10-06', 2000, { sku: 'S2' })],
    });
    const s = schemeOf({
      products: { skus: ['S1'], brands: [], categories: [] },
      slabs: { basis: 'measure', mode: 'retro', table: [{ from: '0', to: null, rate: '5' }] },
      caps: { pctOfNetSales: '3' },
    });
    const line = one(calculateRun([s], f));
    expect([line.computed, line.final]).toEqual([50000, 36000]);
  });
});
