import type Database from 'better-sqlite3';
import { type Scheme, scheme as schemeModel } from '../../engine/model';
import { Exact, paiseToRupees } from '../../engine/money';
import { allProducts, filteredSkus } from '../../engine/products';
import { productCosts, sourceCondition, type Window } from './scope';

/** Net sales and the part made under a scheme, exact rupees, with the share as a percentage. */
export interface Share {
  sales: string;
  underSchemes: string;
  /** underSchemes ÷ sales × 100, two decimals; null when nothing was sold. */
  sharePct: string | null;
}

export interface Dependency {
  months: (Share & { month: string })[];
  /** Each payee over the months, most dependent first. */
  payees: (Share & { payee: string })[];
}

/** The twelve calendar months ending with the one `to` falls in (YYYY-MM). */
function monthsEnding(to: string): string[] {
  const year = Number(to.slice(0, 4));
  const month = Number(to.slice(5, 7)) - 1;
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 11 + i, 1));
    return d.toISOString().slice(0, 7);
  });
}

const share = (sales: bigint, under: bigint): Share => ({
  sales: paiseToRupees(sales),
  underSchemes: paiseToRupees(under),
  sharePct: sales === 0n ? null : new Exact(under.toString()).times(100).dividedBy(sales.toString()).toFixed(2),
});

/**
 * Discount dependency: the share of each payee's sales (in the scheme's sales source, every
 * product) made under a scheme, month by month over the year to the period's end. A sale is
 * under a scheme when a run (not reversed) measured the payee for a scheme of the same source
 * whose period holds the sale's date and whose products include its SKU — so who was eligible
 * is what the engine decided, not a guess.
 */
export function dependency(
  db: Database.Database,
  args: { scheme: Scheme; payees: ReadonlySet<string>; period: Window },
): Dependency {
  const months = monthsEnding(args.period.to);
  const window = { from: `${months[0]}-01`, to: args.period.to };
  const products = productCosts(db);
  const covers = new Map<string, { period: Window; skus: Set<string> | null }[]>();
  const measured = db
    .prepare(
      `SELECT DISTINCT l.payee, v.definition FROM payout_lines l
         JOIN runs r ON r.id = l.run_id JOIN scheme_versions v ON v.id = l.scheme_version_id
       WHERE r.status <> 'draft' AND r.reverses_run IS NULL AND r.reversed_by_run IS NULL AND l.kind = 'payout'`,
    )
    .all() as { payee: string; definition: string }[];
  const parsed = new Map<string, Scheme>();
  for (const m of measured) {
    if (!args.payees.has(m.payee)) continue;
    let scheme = parsed.get(m.definition);
    if (!scheme) {
      scheme = schemeModel.parse(JSON.parse(m.definition));
      parsed.set(m.definition, scheme);
    }
    if (scheme.salesSource !== args.scheme.salesSource) continue;
    const list = covers.get(m.payee) ?? [];
    list.push({ period: scheme.period, skus: allProducts(scheme) ? null : filteredSkus(scheme.products, products) });
    covers.set(m.payee, list);
  }
  const rows = db
    .prepare(
      `SELECT distributor_code AS payee, sku, doc_date AS day, sum(net_value) AS net FROM sales
       WHERE ${sourceCondition(args.scheme)} AND doc_date BETWEEN ? AND ? GROUP BY distributor_code, sku, doc_date`,
    )
    .all(window.from, window.to) as { payee: string; sku: string; day: string; net: number }[];
  const byMonth = new Map(months.map((m) => [m, { sales: 0n, under: 0n }]));
  const byPayee = new Map<string, { sales: bigint; under: bigint }>();
  for (const r of rows) {
    if (!args.payees.has(r.payee)) continue;
    const net = BigInt(r.net);
    const under = (covers.get(r.payee) ?? []).some(
      (c) => r.day >= c.period.from && r.day <= c.period.to && (c.skus === null || c.skus.has(r.sku)),
    );
    const month = byMonth.get(r.day.slice(0, 7));
    const payee = byPayee.get(r.payee) ?? { sales: 0n, under: 0n };
    byPayee.set(r.payee, payee);
    for (const sum of month ? [month, payee] : [payee]) {
      sum.sales += net;
      if (under) sum.under += net;
    }
  }
  return {
    months: months.map((month) => {
      const m = byMonth.get(month) ?? { sales: 0n, under: 0n };
      return { month, ...share(m.sales, m.under) };
    }),
    payees: [...byPayee]
      .map(([payee, p]) => ({ payee, ...share(p.sales, p.under) }))
      .sort((a, b) => new Exact(b.sharePct ?? -1).comparedTo(a.sharePct ?? -1) || a.payee.localeCompare(b.payee)),
  };
}
