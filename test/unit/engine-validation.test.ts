import { describe, expect, it } from 'vitest';
import { evaluateFormula, FormulaError } from '../../engine/formula';
import type { SchemeInput } from '../../engine/model';
import { Exact } from '../../engine/money';
import { validateScheme } from '../../engine/validate';
import { payee, schemeOf } from '../support/facts';

const messages = (s: ReturnType<typeof schemeOf>, workspace?: Parameters<typeof validateScheme>[1]) =>
  validateScheme(s, workspace).map((p) => `${p.path}: ${p.message}`);

describe('scheme validation', () => {
  it('names the slabs that leave a gap or overlap', () => {
    const gap = schemeOf({
      slabs: {
        basis: 'measure',
        mode: 'retro',
        table: [
          { from: '0', to: '1000', rate: '1' },
          { from: '1200', to: null, rate: '2' },
        ],
      },
    });
    expect(messages(gap)).toEqual([
      'slabs.table.1.from: slab 1 (0–1000) and slab 2 (1200–…) leave a gap from 1000 to 1200',
    ]);
    const overlap = schemeOf({
      slabs: {
        basis: 'measure',
        mode: 'retro',
        table: [
          { from: '0', to: '1000', rate: '1' },
          { from: '900', to: null, rate: '2' },
        ],
      },
    });
    expect(messages(overlap)).toEqual([
      'slabs.table.1.from: slab 1 (0–1000) and slab 2 (900–…) overlap from 900 to 1000',
    ]);
  });

  it('refuses periods that end before they start, negative caps and gates on measures not computed', () => {
    const s = schemeOf({
      period: { from: '2026-10-31', to: '2026-10-01' },
      caps: { perPayee: '-5' },
      gates: [{ measure: 'outlets', min: '3' }],
    });
    expect(messages(s)).toEqual([
      'period.to: the period ends (2026-10-01) before it starts (2026-10-31)',
      'caps.perPayee: the cap per payee is negative',
      'gates.0.measure: the gate refers to "outlets", which the scheme does not compute (add it under measures)',
    ]);
  });

  it('names unknown SKUs, brands and categories, and an eligibility nobody meets', () => {
    const s = schemeOf({
      products: { skus: ['SKU-1', 'NOPE'], brands: ['Ghost'], categories: [] },
      eligibility: { regions: ['Antarctica'] },
    });
    const workspace = { payees: [payee('D1')], products: [{ sku: 'SKU-1', brand: 'Glow', category: 'Care' }] };
    expect(messages(s, workspace)).toEqual([
      'products.skus: unknown SKUs: NOPE',
      'products.brands: unknown brands: Ghost',
      'eligibility: no distributor meets this eligibility',
    ]);
  });

  it('refuses a product filter on a scheme that measures overdue or early payment alone, which would pay on every product', () => {
    const brands = { skus: [], brands: ['Glow'], categories: [] };
    const refused =
      'products: this scheme measures overdue or early payment, on whole invoices and ageing reports, never on products: its product filter would be passed over and every product paid on, so remove it';
    for (const measure of [{ kind: 'outstanding_reduction' }, { kind: 'early_payment', withinDays: 10 }] as const) {
      expect(messages(schemeOf({ measure, products: brands }))).toEqual([refused]);
      expect(messages(schemeOf({ measure }))).toEqual([]);
      // A gate on the brand's volume reads its lines, so the filter has work to do.
      const gated = schemeOf({
        measure,
        products: brands,
        measures: { volume: { kind: 'product_volume', basis: 'value' } },
        gates: [{ measure: 'volume', min: '1000' }],
      });
      expect(messages(gated)).toEqual([]);
    }
    const formula = schemeOf({
      measure: { kind: 'custom', formula: 'overdue * 2' },
      measures: { overdue: { kind: 'outstanding_reduction' } },
      products: brands,
    });
    expect(messages(formula)).toEqual([refused]);
  });

  it('refuses a reward per unit or per outlet on a measure in rupees, which would pay its rate on every rupee', () => {
    const perRupee = (measure: SchemeInput['measure'], type: 'per_unit' | 'per_count') =>
      messages(schemeOf({ measure, reward: { type } }));
    expect(perRupee({ kind: 'product_volume', basis: 'value' }, 'per_unit')).toEqual([
      'reward.type: this scheme measures net sales in rupees, and a reward ₹ per unit or per outlet would pay its rate on every rupee of it: pay a % of the value, or measure the quantity',
    ]);
    expect(perRupee({ kind: 'early_payment', withinDays: 10 }, 'per_count')).toHaveLength(1);
    expect(perRupee({ kind: 'outstanding_reduction', basis: 'amount' }, 'per_unit')[0]).toContain(
      'measures the overdue collected in rupees',
    );
    // Quantities, counts and days are what these rewards pay on.
    expect(perRupee({ kind: 'product_volume', basis: 'qty' }, 'per_unit')).toEqual([]);
    expect(perRupee({ kind: 'billed_outlets', minBillValue: '0' }, 'per_count')).toEqual([]);
    expect(perRupee({ kind: 'outstanding_reduction', basis: 'days' }, 'per_unit')).toEqual([]);
    expect(messages(schemeOf({ measure: { kind: 'product_volume', basis: 'value' } }))).toEqual([]);
  });

  it('needs a target for achievement slabs and the measures a formula uses', () => {
    const s = schemeOf({
      measure: { kind: 'custom', formula: 'volume * 2 + ghost' },
      measures: { volume: { kind: 'product_volume', basis: 'value' } },
      slabs: { basis: 'achievement', mode: 'retro', table: [{ from: '0', to: null, rate: '1' }] },
    });
    expect(messages(s)).toEqual([
      'target: slabs on achievement % need a target',
      'measure.formula: the formula uses "ghost", which the scheme does not compute',
    ]);
  });
});

describe('the formula evaluator', () => {
  it('computes in decimals with precedence, parentheses, min and max', () => {
    const values = { a: new Exact('0.1'), b: new Exact('0.2') };
    expect(evaluateFormula('a + b', values).toString()).toBe('0.3');
    expect(evaluateFormula('(a + b) * 10 - max(a, b) / 2', values).toString()).toBe('2.9');
    expect(evaluateFormula('-min(a, 5)', values).toString()).toBe('-0.1');
  });

  it('refuses anything that is not arithmetic on measures', () => {
    for (const bad of ['process.exit()', 'a +', 'a / 0', 'constructor', '1; 2']) {
      expect(() => evaluateFormula(bad, { a: new Exact(1) }), bad).toThrow(FormulaError);
    }
  });
});
