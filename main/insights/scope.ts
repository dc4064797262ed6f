import type Database from 'better-sqlite3';
import type { ProductFact } from '../../engine/facts';
import type { Scheme } from '../../engine/model';
import { Exact } from '../../engine/money';
import { allProducts, filteredSkus } from '../../engine/products';

export interface Window {
  from: string;
  to: string;
}

/** Net sales (paise) and gross margin (exact paise) of a scheme's products to its payees over a window. */
export interface ScopedSales {
  net: bigint;
  margin: Exact;
  /** False when some product sold has no unit cost, so the margin is not known. */
  costed: boolean;
}

/** The products of the workspace with their unit costs (paise a unit), for scoping and margins. */
export function productCosts(db: Database.Database): (ProductFact & { cost: number | null })[] {
  return db.prepare('SELECT sku, brand, category, unit_cost AS cost FROM products').all() as (ProductFact & {
    cost: number | null;
  })[];
}

/** The SQL condition that picks a scheme's sales source: sales to outlets, or to distributors. */
export const sourceCondition = (scheme: Scheme): string =>
  scheme.salesSource === 'primary' ? 'outlet_code IS NULL' : 'outlet_code IS NOT NULL';

/**
 * What a scheme's payees sold of its products, in its sales source, over any window: the one
 * scope every insight compares (period, baseline, the period after).
 */
export function scopedSales(db: Database.Database, scheme: Scheme, payees: ReadonlySet<string>) {
  const products = productCosts(db);
  const costOf = new Map(products.map((p) => [p.sku, p.cost]));
  const everything = allProducts(scheme);
  const skus = filteredSkus(scheme.products, products);
  const salesIn = db.prepare(
    `SELECT distributor_code AS payee, sku, sum(qty) AS qty, sum(net_value) AS net FROM sales
     WHERE ${sourceCondition(scheme)} AND doc_date BETWEEN ? AND ? GROUP BY distributor_code, sku`,
  );
  return (window: Window): ScopedSales => {
    let net = 0n;
    let margin = new Exact(0);
    let costed = true;
    for (const r of salesIn.all(window.from, window.to) as { payee: string; sku: string; qty: number; net: number }[]) {
      if (!payees.has(r.payee) || (!everything && !skus.has(r.sku))) continue;
      net += BigInt(r.net);
      const cost = costOf.get(r.sku);
      if (cost === null || cost === undefined) costed = false;
      else margin = margin.plus(r.net).minus(new Exact(r.qty).times(cost).dividedBy(1000));
    }
    return { net, margin, costed };
  };
}

/** True when the workspace holds any sales at all in the window (so a zero there is a real zero). */
export const anySales = (db: Database.Database, w: Window): boolean =>
  db.prepare('SELECT 1 FROM sales WHERE doc_date BETWEEN ? AND ? LIMIT 1').get(w.from, w.to) !== undefined;
