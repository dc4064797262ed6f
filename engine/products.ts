import { type IndexedFacts, json, remember } from './facts';
import type { Scheme } from './model';

/** True when the scheme names no product, so every product counts. */
export const allProducts = (scheme: Scheme): boolean => {
  const { skus, brands, categories } = scheme.products;
  return skus.length + brands.length + categories.length === 0;
};

/** Every SKU a scheme's product filter takes in: named, or of a named brand or category (once per filter). */
export function schemeSkus(scheme: Scheme, facts: IndexedFacts): Set<string> {
  return remember(facts, `skus|${json(scheme.products)}`, () => {
    const { skus, brands, categories } = scheme.products;
    const wanted = new Set(skus);
    for (const p of facts.products.values()) {
      if ((p.brand && brands.includes(p.brand)) || (p.category && categories.includes(p.category))) wanted.add(p.sku);
    }
    return wanted;
  });
}
