import type { PayeeFact, ProductFact } from './facts';
import { formulaNames } from './formula';
import type { Scheme, Slab } from './model';
import { Exact } from './money';
import { allProducts, readsProducts } from './products';
import { slabLabel } from './slabs';

/** A problem with a scheme, named by where it is, in words a program administrator acts on. */
export interface SchemeProblem {
  path: string;
  message: string;
}

function slabProblems(table: readonly Slab[], path: string): SchemeProblem[] {
  const problems: SchemeProblem[] = [];
  table.forEach((s, i) => {
    const name = `slab ${i + 1} (${slabLabel(s)})`;
    if (s.to !== null && !new Exact(s.to).greaterThan(s.from)) {
      problems.push({ path: `${path}.${i}`, message: `${name} ends before it starts` });
    }
    if (s.to === null && i < table.length - 1)
      problems.push({ path: `${path}.${i}.to`, message: `${name} is open-ended but is not the last slab` });
    if (new Exact(s.rate).isNegative())
      problems.push({ path: `${path}.${i}.rate`, message: `${name} has a negative rate` });
    const next = table[i + 1];
    if (!next || s.to === null) return;
    const nextName = `slab ${i + 2} (${slabLabel(next)})`;
    const gap = new Exact(next.from).minus(s.to);
    if (gap.greaterThan(0))
      problems.push({
        path: `${path}.${i + 1}.from`,
        message: `${name} and ${nextName} leave a gap from ${s.to} to ${next.from}`,
      });
    if (gap.lessThan(0))
      problems.push({
        path: `${path}.${i + 1}.from`,
        message: `${name} and ${nextName} overlap from ${next.from} to ${s.to}`,
      });
  });
  return problems;
}

/**
 * Everything the zod model cannot say: slab gaps and overlaps, periods that end before they
 * start, negative caps, gates and formulas naming measures the scheme does not compute, and —
 * given the workspace's masters — unknown SKUs, brands, categories and an eligibility no payee meets.
 */
export function validateScheme(
  scheme: Scheme,
  workspace?: { payees: readonly PayeeFact[]; products: readonly ProductFact[] },
): SchemeProblem[] {
  const problems: SchemeProblem[] = [];
  if (scheme.period.to < scheme.period.from) {
    problems.push({
      path: 'period.to',
      message: `the period ends (${scheme.period.to}) before it starts (${scheme.period.from})`,
    });
  }
  problems.push(...slabProblems(scheme.slabs.table, 'slabs.table'));
  for (const [segment, table] of Object.entries(scheme.slabs.segments?.tables ?? {})) {
    problems.push(
      ...slabProblems(table, `slabs.segments.tables.${segment}`).map((p) => ({
        ...p,
        message: `${segment}: ${p.message}`,
      })),
    );
  }
  if (scheme.slabs.basis === 'achievement' && scheme.target.type === 'none') {
    problems.push({ path: 'target', message: 'slabs on achievement % need a target' });
  }
  if (scheme.caps.perPayee !== undefined && new Exact(scheme.caps.perPayee).isNegative()) {
    problems.push({ path: 'caps.perPayee', message: 'the cap per payee is negative' });
  }
  if (scheme.caps.pctOfNetSales !== undefined && new Exact(scheme.caps.pctOfNetSales).isNegative()) {
    problems.push({ path: 'caps.pctOfNetSales', message: 'the cap as % of net sales is negative' });
  }
  if (scheme.budget && new Exact(scheme.budget.amount).isNegative())
    problems.push({ path: 'budget.amount', message: 'the budget is negative' });
  const computed = new Set(Object.keys(scheme.measures));
  scheme.gates.forEach((g, i) => {
    if (!computed.has(g.measure)) {
      problems.push({
        path: `gates.${i}.measure`,
        message: `the gate refers to "${g.measure}", which the scheme does not compute (add it under measures)`,
      });
    }
  });
  const formulas = [scheme.measure, ...Object.values(scheme.measures)].flatMap((m) =>
    m.kind === 'custom' ? [m.formula] : [],
  );
  for (const formula of formulas) {
    try {
      for (const name of formulaNames(formula)) {
        if (!computed.has(name))
          problems.push({
            path: 'measure.formula',
            message: `the formula uses "${name}", which the scheme does not compute`,
          });
      }
    } catch (error) {
      problems.push({ path: 'measure.formula', message: `the formula cannot be read: ${(error as Error).message}` });
    }
  }
  if (scheme.measure.kind === 'upsell' && scheme.measure.mode === 'all' && scheme.products.skus.length === 0) {
    problems.push({ path: 'products.skus', message: 'a bundle upsell needs the SKUs of the bundle' });
  }
  if (!allProducts(scheme) && !readsProducts(scheme)) {
    problems.push({
      path: 'products',
      message:
        'this scheme measures overdue or early payment, on whole invoices and ageing reports, never on products: its product filter would be passed over and every product paid on, so remove it',
    });
  }
  const rupeesMeasured = rupeesMeasure(scheme.measure);
  if ((scheme.reward.type === 'per_unit' || scheme.reward.type === 'per_count') && rupeesMeasured) {
    problems.push({
      path: 'reward.type',
      message: `this scheme measures ${rupeesMeasured} in rupees, and a reward ₹ per unit or per outlet would pay its rate on every rupee of it: pay a % of the value, or measure ${scheme.measure.kind === 'product_volume' ? 'the quantity' : 'something counted'}`,
    });
  }
  if (scheme.catchUp && scheme.catchUp.since > scheme.period.from) {
    problems.push({ path: 'catchUp.since', message: 'catch-up must start on or before the period' });
  }
  if (workspace) {
    const skus = new Set(workspace.products.map((p) => p.sku));
    const brands = new Set(workspace.products.map((p) => p.brand));
    const categories = new Set(workspace.products.map((p) => p.category));
    const unknown = (list: readonly string[], known: Set<string | null>, what: string, path: string) => {
      const missing = list.filter((x) => !known.has(x));
      if (missing.length > 0) problems.push({ path, message: `unknown ${what}: ${missing.join(', ')}` });
    };
    unknown(scheme.products.skus, skus, 'SKUs', 'products.skus');
    unknown(scheme.products.brands, brands, 'brands', 'products.brands');
    unknown(scheme.products.categories, categories, 'categories', 'products.categories');
    if (workspace.payees.length > 0 && !workspace.payees.some((p) => isEligible(scheme, p))) {
      problems.push({ path: 'eligibility', message: 'no distributor meets this eligibility' });
    }
  }
  return problems;
}

/** What a measure in rupees measures, in words; null for a quantity or a count. */
function rupeesMeasure(m: Scheme['measure']): string | null {
  if (m.kind === 'product_volume' && m.basis === 'value') return 'net sales';
  if (m.kind === 'outstanding_reduction' && m.basis === 'amount') return 'the overdue collected';
  if (m.kind === 'early_payment') return 'the invoices paid early';
  return null;
}

/** Include codes are eligible whatever the filters say; exclude codes never are. */
export function isEligible(scheme: Scheme, payee: PayeeFact): boolean {
  const e = scheme.eligibility;
  if (e.exclude.includes(payee.code)) return false;
  if (e.include.includes(payee.code)) return true;
  const matches = (list: readonly string[], value: string | null) =>
    list.length === 0 || (value !== null && list.includes(value));
  if (
    !matches(e.regions, payee.region) ||
    !matches(e.areas, payee.area) ||
    !matches(e.channels, payee.channel) ||
    !matches(e.classes, payee.class)
  ) {
    return false;
  }
  if (e.minTenureDays > 0) {
    if (!payee.onboardedOn) return false;
    const tenure = (Date.parse(scheme.period.from) - Date.parse(payee.onboardedOn)) / 86_400_000;
    if (tenure < e.minTenureDays) return false;
  }
  return true;
}
