/**
 * The facts a run hands the engine: plain data read from the store. Money is integer paise,
 * quantities integer thousandths; a credit note's amounts are negative. `id` is the stored
 * row's id, so a payout's trace can name the rows behind it.
 */
export interface PayeeFact {
  code: string;
  name: string;
  region: string | null;
  area: string | null;
  channel: string | null;
  class: string | null;
  onboardedOn: string | null;
}

export interface OutletFact {
  code: string;
  distributor: string;
  channel: string | null;
  createdOn: string | null;
}

export interface ProductFact {
  sku: string;
  brand: string | null;
  category: string | null;
}

export interface SaleFact {
  id: number;
  date: string;
  docNo: string;
  docType: 'invoice' | 'credit_note';
  distributor: string;
  outlet: string | null;
  sku: string;
  qty: number;
  net: number;
  against: string | null;
}

export interface ReceivableFact {
  id: number;
  asOf: string;
  distributor: string;
  docNo: string;
  docDate: string;
  dueDate: string | null;
  outstanding: number;
}

export interface PaymentFact {
  id: number;
  date: string;
  distributor: string;
  amount: number;
  against: string | null;
}

export interface TargetFact {
  from: string;
  to: string;
  distributor: string;
  measure: string | null;
  schemeCode: string | null;
  value: string;
}

/** What an approved earlier run paid, for catch-up and clawback. */
export interface PaidFact {
  scheme: string;
  payee: string;
  periodTo: string;
  /** Paise paid. */
  amount: number;
  /** Paise paid per rupee of value (as decimal text), for clawing back returned value. */
  effectiveRate: string;
  /** The sales rows (ids) whose value was paid on: the trace of the paid line. */
  saleIds: readonly number[];
}

export interface Facts {
  payees: readonly PayeeFact[];
  outlets: readonly OutletFact[];
  products: readonly ProductFact[];
  sales: readonly SaleFact[];
  receivables: readonly ReceivableFact[];
  payments: readonly PaymentFact[];
  targets: readonly TargetFact[];
  paid: readonly PaidFact[];
}

/** Facts grouped once per run, so every scheme reads only its payee's rows. */
export interface IndexedFacts {
  facts: Facts;
  salesByPayee: Map<string, SaleFact[]>;
  /** The same lines split by source: primary (no outlet) and secondary (to an outlet). */
  salesBySource: { primary: Map<string, SaleFact[]>; secondary: Map<string, SaleFact[]> };
  receivablesByPayee: Map<string, ReceivableFact[]>;
  paymentsByPayee: Map<string, PaymentFact[]>;
  outlets: Map<string, OutletFact>;
  products: Map<string, ProductFact>;
  /** Invoice date of each primary document, for early payment. */
  invoiceDates: Map<string, string>;
  /**
   * Results already worked out in this run (a payee's lines for a period and product filter, a
   * measure's outcome): schemes of one month mostly share them, and they are pure functions of
   * the facts, so each is computed once.
   */
  memo: Map<string, unknown>;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/** The lines grouped by day, days in order, each day's lines in id order. */
function byDay(sales: readonly SaleFact[]): SaleFact[][] {
  const days = groupBy(sales, (s) => s.date);
  return [...days.keys()].sort().map((day) => {
    const lines = days.get(day) as SaleFact[];
    for (let i = 1; i < lines.length; i++) {
      if ((lines[i] as SaleFact).id < (lines[i - 1] as SaleFact).id) return lines.sort((a, b) => a.id - b.id);
    }
    return lines;
  });
}

export function indexFacts(facts: Facts): IndexedFacts {
  // Payments are made against primary invoices (company → distributor): only those are dated here.
  const invoiceDates = new Map<string, string>();
  for (const s of facts.sales) {
    if (s.outlet === null && s.docType === 'invoice' && !invoiceDates.has(s.docNo)) invoiceDates.set(s.docNo, s.date);
  }
  for (const r of facts.receivables) if (!invoiceDates.has(r.docNo)) invoiceDates.set(r.docNo, r.docDate);
  const salesByPayee = new Map<string, SaleFact[]>();
  const salesBySource = { primary: new Map<string, SaleFact[]>(), secondary: new Map<string, SaleFact[]>() };
  const append = (map: Map<string, SaleFact[]>, s: SaleFact) => {
    const list = map.get(s.distributor);
    if (list) list.push(s);
    else map.set(s.distributor, [s]);
  };
  // Every list in date order, then id, so a measure finds its period by binary search whatever
  // order the facts arrived in: lines are bucketed by day (a run spans a few hundred days), the
  // days sorted, and each list filled day by day — linear, where sorting a million lines is not.
  for (const day of byDay(facts.sales)) {
    for (const s of day) {
      append(salesByPayee, s);
      append(s.outlet === null ? salesBySource.primary : salesBySource.secondary, s);
    }
  }
  return {
    facts,
    salesByPayee,
    salesBySource,
    receivablesByPayee: groupBy(facts.receivables, (r) => r.distributor),
    paymentsByPayee: groupBy(facts.payments, (p) => p.distributor),
    outlets: new Map(facts.outlets.map((o) => [o.code, o])),
    products: new Map(facts.products.map((p) => [p.sku, p])),
    invoiceDates,
    memo: new Map(),
  };
}

/** The memoized value for `key`, computing it on first use. */
export function remember<T>(facts: IndexedFacts, key: string, compute: () => T): T {
  if (facts.memo.has(key)) return facts.memo.get(key) as T;
  const value = compute();
  facts.memo.set(key, value);
  return value;
}
