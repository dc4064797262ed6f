import type Database from 'better-sqlite3';
import { addDays } from '../../engine/dates';
import type { BilledBeforeFact, Facts, PaidFact, ProductFact } from '../../engine/facts';
import type { Scheme } from '../../engine/model';
import { Exact } from '../../engine/money';
import { filteredSkus } from '../../engine/products';
import { billedBeforeFilter, firstDayRead } from '../../engine/reach';
import { billedValue } from '../datasets/billed-value';
import { type ReadSalesOptions, readSales } from './read-sales';
import { unpackIds } from './source-ids';

/** How far before a run's period the facts reach: enough for dormancy, catch-up and baselines. */
export const LOOKBACK_DAYS = 400;
/** Receipts are read this far past the period: an invoice near its end may be paid within N ≤ 365 days. */
const RECEIPTS_AFTER_DAYS = 366;

/**
 * Invoices to distributors dated in the period, tax and round-off included (what the distributor
 * was billed), with the date of the last invoice of the same number before each (by index
 * `sales_doc`) and what was returned against each (by index `sales_primary`): where there is such
 * an earlier invoice (last year's, numbers restarting), only the returns dated from this one on.
 */
export const invoicesSql = `WITH invoice AS (
    SELECT distributor_code, doc_no, doc_date, sum(${billedValue}) AS amount FROM sales
    WHERE doc_type = 'invoice' AND outlet_code IS NULL AND doc_date BETWEEN @from AND @to
    GROUP BY distributor_code, doc_no, doc_date),
  dated AS (
    SELECT i.*, (SELECT max(p.doc_date) FROM sales p WHERE p.doc_no = i.doc_no AND p.distributor_code = i.distributor_code
       AND p.doc_type = 'invoice' AND p.outlet_code IS NULL AND p.doc_date < i.doc_date) AS previous
    FROM invoice i),
  returned AS (
    SELECT distributor_code, against_doc_no AS doc_no, doc_date, sum(${billedValue}) AS amount FROM sales
    WHERE doc_type = 'credit_note' AND outlet_code IS NULL AND against_doc_no IS NOT NULL AND doc_date >= @from
    GROUP BY distributor_code, against_doc_no, doc_date)
  SELECT d.distributor_code AS distributor, d.doc_no AS docNo, d.doc_date AS date, d.amount,
    coalesce(sum(r.amount), 0) AS returned, d.previous
  FROM dated d LEFT JOIN returned r ON r.distributor_code = d.distributor_code AND r.doc_no = d.doc_no
    AND (d.previous IS NULL OR r.doc_date >= d.doc_date)
  GROUP BY d.distributor_code, d.doc_no, d.doc_date`;

export type LoadFacts = typeof loadFacts;

/**
 * A run's window: its period and its schemes', and `reach`, the first day its schemes read where
 * that is before the lookback (engine/reach.ts: a catch-up span, a growth target's baseline).
 */
export interface RunWindow {
  from: string;
  to: string;
  reach?: string;
  /** The product filters (JSON) of its schemes that ask who was billed before its lines (engine/reach.ts). */
  billedBefore?: readonly string[];
}

/** The sales lines the facts of a run window hold: the window and the lookback before it, or from its reach. */
export const salesWindowOf = (window: RunWindow) => {
  const lookback = addDays(window.from, -LOOKBACK_DAYS);
  return { from: window.reach !== undefined && window.reach < lookback ? window.reach : lookback, to: window.to };
};

/** The window that reads what `schemes` read over the period from `from` to `to`. */
export const windowFor = (schemes: readonly Scheme[], from: string, to: string): RunWindow => ({
  from: [from, ...schemes.map((s) => s.period.from)].sort()[0] ?? from,
  to: [to, ...schemes.map((s) => s.period.to)].sort().at(-1) ?? to,
  reach: schemes.map(firstDayRead).sort()[0],
  billedBefore: [...new Set(schemes.map(billedBeforeFilter).filter((f) => f !== null))].sort(),
});

/**
 * Each outlet's net billing by each distributor before `day`, through each product filter: one
 * pass over the lines before the run's, by the date index, per filter (a run mostly has one).
 */
function billedBefore(
  db: Database.Database,
  day: string,
  filters: readonly string[],
  products: readonly ProductFact[],
): BilledBeforeFact[] {
  const read = db.prepare(
    `SELECT distributor_code AS distributor, outlet_code AS outlet, sum(net_value) AS net FROM sales
     WHERE doc_date < @day AND outlet_code IS NOT NULL AND (@all OR sku IN (SELECT value FROM json_each(@skus)))
     GROUP BY distributor_code, outlet_code HAVING sum(net_value) <> 0`,
  );
  return filters.flatMap((filter) => {
    const wanted: Scheme['products'] = JSON.parse(filter);
    const all = wanted.skus.length + wanted.brands.length + wanted.categories.length === 0 ? 1 : 0;
    const skus = JSON.stringify([...filteredSkus(wanted, products)]);
    const rows = read.all({ day, all, skus }) as Omit<BilledBeforeFact, 'products'>[];
    return rows.map((r) => ({ products: filter, ...r }));
  });
}

/** Reads the facts of a run window from SQLite into the plain data the engine takes. */
export function loadFacts(db: Database.Database, window: RunWindow, options: ReadSalesOptions = {}): Facts {
  const sold = salesWindowOf(window);
  const earliest = sold.from;
  const sales = readSales(db, sold, options);
  const products = db.prepare('SELECT sku, brand, category FROM products').all() as ProductFact[];
  // CROSS JOIN keeps SQLite to this order: the few approved runs, then their lines by index. Left
  // to itself it walks every stored line, which grows with every run the workspace keeps.
  const paid = db
    .prepare(
      `SELECT l.scheme_code AS scheme, l.payee, l.kind, r.period_to AS periodTo, l.payable AS amount, l.final,
         l.effective_rate AS effectiveRate, l.source_table AS sourceTable, l.source_ids AS sourceIds
       FROM runs r CROSS JOIN payable_lines l ON l.run_id = r.id
       WHERE r.status IN ('approved', 'exported') AND r.reverses_run IS NULL
         AND ((l.kind = 'payout' AND l.payable > 0) OR (l.kind = 'clawback' AND l.payable < 0))
       ORDER BY l.run_id, l.id`,
    )
    .all() as (Omit<PaidFact, 'saleIds'> & { final: number; sourceTable: string; sourceIds: Buffer })[];
  return {
    payees: db
      .prepare('SELECT code, name, region, area, channel, class, onboarded_on AS onboardedOn FROM distributors')
      .all() as Facts['payees'],
    outlets: db
      .prepare('SELECT code, distributor_code AS distributor, channel, created_on AS createdOn FROM outlets')
      .all() as Facts['outlets'],
    products,
    sales,
    receivables: db
      .prepare(
        `SELECT id, as_of AS asOf, distributor_code AS distributor, doc_no AS docNo, doc_date AS docDate, due_date AS dueDate, outstanding
         FROM receivables WHERE as_of BETWEEN ? AND ?`,
      )
      .all(earliest, window.to) as Facts['receivables'],
    invoices: db.prepare(invoicesSql).all({ from: window.from, to: window.to }) as Facts['invoices'],
    payments: db
      .prepare(
        `SELECT id, receipt_date AS date, distributor_code AS distributor, amount, against_doc_no AS against
         FROM payments WHERE receipt_date BETWEEN ? AND ?`,
      )
      .all(earliest, addDays(window.to, RECEIPTS_AFTER_DAYS)) as Facts['payments'],
    targets: db
      .prepare(
        `SELECT period_from AS "from", period_to AS "to", distributor_code AS distributor, measure, scheme_code AS schemeCode, value
         FROM targets WHERE period_to >= ? AND period_from <= ?`,
      )
      .all(earliest, window.to) as Facts['targets'],
    paid: paid.map((p) => ({
      scheme: p.scheme,
      payee: p.payee,
      kind: p.kind,
      periodTo: p.periodTo,
      amount: p.amount,
      // The rate paid then is the rate of what was paid: an override changes it in proportion.
      effectiveRate:
        p.amount === p.final || p.final === 0
          ? p.effectiveRate
          : new Exact(p.effectiveRate).times(p.amount).dividedBy(p.final).toString(),
      saleIds: p.sourceTable === 'sales' ? unpackIds(p.sourceIds) : [],
    })),
    billedBefore: billedBefore(db, sold.from, window.billedBefore ?? [], products),
    outletBillsSince: db.prepare('SELECT min(doc_date) FROM sales WHERE outlet_code IS NOT NULL').pluck().get() as
      | string
      | null,
  };
}
