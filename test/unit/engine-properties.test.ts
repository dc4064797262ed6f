import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from '../../engine/allocate';
import { calculateRun } from '../../engine/calculate';
import type { SaleFact } from '../../engine/facts';
import { facts, payee, schemeOf } from '../support/facts';

/** Properties that must hold for any data, checked on random data by fast-check. */
const payees = ['D1', 'D2', 'D3', 'D4'].map((c) => payee(c));

const saleArb = fc.record({
  distributor: fc.constantFrom('D1', 'D2', 'D3', 'D4'),
  day: fc.integer({ min: 1, max: 31 }),
  paise: fc.integer({ min: -50_000, max: 5_000_000 }),
  outlet: fc.constantFrom('O1', 'O2', 'O3', 'O4', 'O5'),
});
const salesArb = fc.array(saleArb, { maxLength: 60 }).map((rows) =>
  rows.map(
    (r, i): SaleFact => ({
      id: i + 1,
      date: `2026-10-${String(r.day).padStart(2, '0')}`,
      docNo: `DOC-${i}`,
      docType: r.paise < 0 ? 'credit_note' : 'invoice',
      distributor: r.distributor,
      outlet: r.outlet,
      sku: 'S1',
      qty: r.paise < 0 ? -1000 : 1000,
      net: r.paise,
      against: r.paise < 0 ? `DOC-${Math.max(0, i - 1)}` : null,
    }),
  ),
);
const rateArb = fc.integer({ min: 0, max: 1000 }).map((n) => (n / 100).toFixed(2));
/** A slab table with rising thresholds; `rising` makes the rates rise too. */
const tableArb = (rising: boolean) =>
  fc
    .tuple(
      fc.array(fc.integer({ min: 1, max: 20_000 }), { minLength: 1, maxLength: 4 }),
      fc.array(rateArb, { minLength: 5, maxLength: 5 }),
    )
    .map(([cuts, rates]) => {
      const bounds = [...new Set(cuts)].sort((a, b) => a - b);
      const ordered = rising ? [...rates].sort((a, b) => Number(a) - Number(b)) : rates;
      const edges = [0, ...bounds];
      return edges.map((from, i) => ({
        from: String(from),
        to: i + 1 < edges.length ? String(edges[i + 1]) : null,
        rate: ordered[i] ?? '1',
      }));
    });
const modeArb = fc.constantFrom('retro' as const, 'marginal' as const, 'interpolated' as const);

describe('engine properties', () => {
  it('pays no negative amount except on a clawback line, whatever the caps', () => {
    const capArb = fc.option(fc.integer({ min: 0, max: 20 }).map(String), { nil: undefined });
    const countingArb = fc.boolean();
    fc.assert(
      fc.property(
        salesArb,
        tableArb(false),
        modeArb,
        capArb,
        capArb,
        countingArb,
        (sales, table, mode, pct, perPayee, counting) => {
          const s = schemeOf({
            slabs: { basis: 'measure', mode, table },
            caps: { pctOfNetSales: pct, perPayee },
            ...(counting
              ? { measure: { kind: 'billed_outlets', minBillValue: '0' }, reward: { type: 'per_count' } }
              : {}),
          });
          const lines = calculateRun([s], facts({ payees, sales }));
          return lines.every((l) => l.kind === 'clawback' || (l.computed >= 0 && l.final >= 0));
        },
      ),
    );
  });

  it('never exceeds a budget, and a pro-rata cut adds up to it exactly', () => {
    fc.assert(
      fc.property(
        salesArb,
        tableArb(false),
        fc.integer({ min: 0, max: 100_000 }),
        fc.constantFrom('pro_rata' as const, 'rank_order' as const),
        (sales, table, budgetRupees, onOverrun) => {
          const s = schemeOf({
            slabs: { basis: 'measure', mode: 'retro', table },
            budget: { amount: String(budgetRupees), onOverrun },
          });
          const lines = calculateRun([s], facts({ payees, sales }));
          const paid = lines.reduce((n, l) => n + l.final, 0);
          const before = lines.reduce((n, l) => n + l.computed, 0);
          expect(paid).toBeLessThanOrEqual(budgetRupees * 100);
          if (before > budgetRupees * 100) expect(paid).toBe(budgetRupees * 100);
        },
      ),
    );
  });

  it('gives the same lines whatever order the facts arrive in', () => {
    fc.assert(
      fc.property(salesArb, tableArb(false), modeArb, fc.integer(), (sales, table, mode, seed) => {
        const s = schemeOf({
          slabs: { basis: 'measure', mode, table },
          budget: { amount: '700', onOverrun: 'pro_rata' },
        });
        const shuffled = [...sales].sort(
          (a, b) => ((a.id * 2654435761 + seed) % 97) - ((b.id * 2654435761 + seed) % 97),
        );
        const reversedPayees = [...payees].reverse();
        expect(calculateRun([s], facts({ payees: reversedPayees, sales: shuffled }))).toEqual(
          calculateRun([s], facts({ payees, sales })),
        );
      }),
    );
  });

  it('never pays more marginally than retro when rates rise with the slabs', () => {
    fc.assert(
      fc.property(salesArb, tableArb(true), (sales, table) => {
        const run = (mode: 'retro' | 'marginal') =>
          calculateRun([schemeOf({ slabs: { basis: 'measure', mode, table } })], facts({ payees, sales }));
        const retro = run('retro');
        const marginal = run('marginal');
        return marginal.every((l, i) => l.computed <= (retro[i]?.computed ?? 0));
      }),
    );
  });

  it('allocates so the parts always add up to the total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 30 }),
        (total, weights) => {
          const parts = allocate(total, weights);
          const sum = parts.reduce((a, b) => a + b, 0);
          return weights.every((w) => w === 0) ? sum === 0 : sum === total && parts.every((p) => p >= 0);
        },
      ),
    );
  });
});
