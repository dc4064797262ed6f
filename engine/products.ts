import { type IndexedFacts, json, type ProductFact, remember } from './facts';
import type { MeasureSpec, Scheme } from './model';
import { codeMask } from './sales-columns';

/** True when the scheme names no product, so every product counts. */
export const allProducts = (scheme: Scheme): boolean => {
  const { skus, brands, categories } = scheme.products;
  return skus.length + brands.length + categories.length === 0;
};

/** The measures that read no product's lines: overdue is a party's ageing report, early payment whole invoices. */
const productless: ReadonlySet<MeasureSpec['kind']> = new Set(['outstanding_reduction', 'early_payment']);

/**
 * Whether any measure of the scheme reads sales lines, which a product filter narrows: its own
 * measure, or a named one (a gate's, a formula's). A filter on a scheme that reads none would be
 * passed over, and the scheme pay on every product.
 */
export function readsProducts(scheme: {
  measure: Pick<MeasureSpec, 'kind'>;
  measures?: Readonly<Record<string, Pick<MeasureSpec, 'kind'>>>;
}): boolean {
  return [scheme.measure, ...Object.values(scheme.measures ?? {})].some(
    (m) => m.kind !== 'custom' && !productless.has(m.kind),
  );
}

/** Every SKU a product filter takes in, among `products`: named, or of a named brand or category. */
export function filteredSkus(filter: Scheme['products'], products: Iterable<ProductFact>): Set<string> {
  const { skus, brands, categories } = filter;
  const wanted = new Set(skus);
  for (const p of products) {
    if ((p.brand && brands.includes(p.brand)) || (p.category && categories.includes(p.category))) wanted.add(p.sku);
  }
  return wanted;
}

/** filteredSkus for a scheme over the run's products, worked out once per filter. */
export function schemeSkus(scheme: Scheme, facts: IndexedFacts): Set<string> {
  return remember(facts, `skus|${json(scheme.products)}`, () => filteredSkus(scheme.products, facts.products.values()));
}

/** schemeSkus as a mask over the numbers of the sales columns' codes. */
export function schemeSkuMask(scheme: Scheme, facts: IndexedFacts): Uint8Array {
  return remember(facts, `skumask|${json(scheme.products)}`, () => codeMask(facts.sales, schemeSkus(scheme, facts)));
}
