import { type SalesColumns, salesColumns } from './sales-columns';

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

/**
 * A primary invoice (company → distributor) as the distributor owes it: its lines with tax, and
 * the returns against it (negative). Early payment reads these.
 */
export interface InvoiceFact {
  distributor: string;
  docNo: string;
  date: string;
  /** Paise: the invoice's lines, tax included. */
  amount: number;
  /** Paise (≤ 0): credit notes against it, tax included. */
  returned: number;
  /**
   * The date of the distributor's last invoice of the same number before this one (numbers
   * restart every financial year), if any: receipts against the number dated before this one
   * paid that one, and are no advance on this.
   */
  previous?: string | null;
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

/**
 * A line of an approved earlier run: a payout (what was paid, for catch-up and clawback) or a
 * clawback (the returns it already took back, so none is taken back twice).
 */
export interface PaidFact {
  scheme: string;
  payee: string;
  kind: 'payout' | 'clawback';
  periodTo: string;
  /** Paise paid (negative for a clawback). */
  amount: number;
  /** Rupees paid per rupee of value (as decimal text), for clawing back returned value. */
  effectiveRate: string;
  /** The sales rows (ids) behind the line: those paid on, or the returns clawed back. */
  saleIds: readonly number[];
}

/**
 * An outlet's net billing by a distributor before the first sales line the facts hold, through a
 * scheme's product filter: whether it was ever billed before, for reactivation and net channel
 * addition, where the lines themselves reach back only so far (load-facts.ts).
 */
export interface BilledBeforeFact {
  /** The product filter (a scheme's `products`) as JSON. */
  products: string;
  distributor: string;
  outlet: string;
  /** Paise. */
  net: number;
}

export interface Facts {
  payees: readonly PayeeFact[];
  outlets: readonly OutletFact[];
  products: readonly ProductFact[];
  /** The lines as objects, or as columns (how a run reads a million of them). */
  sales: readonly SaleFact[] | SalesColumns;
  receivables: readonly ReceivableFact[];
  invoices: readonly InvoiceFact[];
  payments: readonly PaymentFact[];
  targets: readonly TargetFact[];
  paid: readonly PaidFact[];
  /** Outlets' billing before the sales lines, through the product filters of the schemes that ask (engine/reach.ts). */
  billedBefore?: readonly BilledBeforeFact[];
  /**
   * The day of the first bill to an outlet the workspace holds, if any: an outlet the master says
   * was opened before it may have been billed before it too, so no bill since does not make it new.
   */
  outletBillsSince?: string | null;
}

/** Facts grouped once per run, so every scheme reads only its payee's rows. */
export interface IndexedFacts {
  facts: Facts;
  /** The sales lines as columns: what the measures read. */
  sales: SalesColumns;
  /**
   * Each payee's lines (their rows in `sales`) by source, primary (no outlet) and secondary (to
   * an outlet), in date order, then id.
   */
  salesBySource: { primary: Map<string, Int32Array>; secondary: Map<string, Int32Array> };
  receivablesByPayee: Map<string, ReceivableFact[]>;
  invoicesByPayee: Map<string, InvoiceFact[]>;
  paymentsByPayee: Map<string, PaymentFact[]>;
  targetsByPayee: Map<string, TargetFact[]>;
  /** The outlet of each code of `sales` that is an outlet's, by the code's number. */
  outletOfCode: (OutletFact | undefined)[];
  products: Map<string, ProductFact>;
  /** The dates the workspace's ageing reports were taken, ascending. */
  snapshotDates: string[];
  /** Approved payout and clawback lines by `scheme|payee`. */
  paidByScheme: Map<string, PaidFact[]>;
  /** Outlets' billing before the sales lines by `products|distributor`. */
  billedBeforeBy: Map<string, BilledBeforeFact[]>;
  /**
   * Results already worked out over these facts (a payee's lines for a period and product filter,
   * a measure's outcome): schemes of one month mostly share them, and they are pure functions of
   * the facts and their key, so each is computed once — in this run and in later jobs over the
   * same facts, where a scheme of the same code may be another variant.
   */
  memo: Map<string, unknown>;
}

/** Rows grouped by a key, each group in the rows' order. */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

type SalesBySource = IndexedFacts['salesBySource'];

const NO_ROWS = new Int32Array(0);
/** A payee's lines of a source: rows of `sales` in date order, none where it has none. */
export const payeeRows = (facts: IndexedFacts, source: keyof SalesBySource, payee: string): Int32Array =>
  facts.salesBySource[source].get(payee) ?? NO_ROWS;

/**
 * Each payee's lines by source, in date order then id, whatever order the facts arrived in.
 * One pass reads every line's day and list; a counting sort over the few hundred days a run
 * spans orders them (linear, where sorting a million lines is not); the lists are then filled
 * from positions, without reading a line again. Lines that arrived out of id order are sorted
 * by id within their day. The loops go by index: run once per facts, this function is seldom
 * optimized before they end, and until then a for-of over a typed array makes an object a step
 * (about 100 MB of garbage over a million lines).
 */
function bySource(c: SalesColumns): SalesBySource {
  const dayOf = new Map<number, number>();
  const days: number[] = [];
  // A list per distributor code and source: primary at 2k, secondary at 2k + 1.
  const listOfCode = new Int32Array(c.codes.length * 2).fill(-1);
  const lists: number[] = [];
  const lineDay = new Int32Array(c.count);
  const lineList = new Int32Array(c.count);
  let idOrder = true;
  for (let i = 0; i < c.count; i++) {
    const date = c.day[i] as number;
    let day = dayOf.get(date);
    if (day === undefined) {
      day = days.push(date) - 1;
      dayOf.set(date, day);
    }
    const slot = (c.distributor[i] as number) * 2 + ((c.outlet[i] as number) < 0 ? 0 : 1);
    let list = listOfCode[slot] as number;
    if (list < 0) {
      list = lists.push(slot) - 1;
      listOfCode[slot] = list;
    }
    lineDay[i] = day;
    lineList[i] = list;
    if (i > 0 && (c.id[i] as number) < (c.id[i - 1] as number)) idOrder = false;
  }

  // Where each day's lines start in date order, then each line's place.
  const perDay = new Int32Array(days.length);
  for (let i = 0; i < lineDay.length; i++) (perDay[lineDay[i] as number] as number)++;
  const ranked = days.map((date, day) => ({ date, day })).sort((a, b) => a.date - b.date);
  const start = new Int32Array(days.length);
  let at = 0;
  for (const { day } of ranked) {
    start[day] = at;
    at += perDay[day] as number;
  }
  const order = new Int32Array(c.count);
  const next = start.slice();
  lineDay.forEach((day, i) => {
    order[(next[day] as number)++] = i;
  });
  if (!idOrder) {
    start.forEach((from, day) => {
      order.subarray(from, next[day]).sort((a, b) => (c.id[a] as number) - (c.id[b] as number));
    });
  }

  const sizes = new Int32Array(lists.length);
  for (let i = 0; i < lineList.length; i++) (sizes[lineList[i] as number] as number)++;
  const filled = lists.map((_, list) => new Int32Array(sizes[list] as number));
  const used = new Int32Array(lists.length);
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    const list = lineList[i] as number;
    (filled[list] as Int32Array)[(used[list] as number)++] = i;
  }
  const result: SalesBySource = { primary: new Map(), secondary: new Map() };
  lists.forEach((slot, list) => {
    result[slot % 2 === 0 ? 'primary' : 'secondary'].set(c.codes[slot >> 1] as string, filled[list] as Int32Array);
  });
  return result;
}

/**
 * The facts indexed, once per facts object: a kept run worker hands the same facts to every job
 * while the workspace stands still, so a run, its recalculation, previews and what-ifs share the
 * indexes and every result already worked out (the memo), not only the lines read. The memo's
 * keys therefore name everything a result depends on beyond the facts, whatever the job.
 */
const indexedOf = new WeakMap<Facts, IndexedFacts>();

export function indexFacts(facts: Facts): IndexedFacts {
  let indexed = indexedOf.get(facts);
  if (indexed === undefined) {
    indexed = index(facts);
    indexedOf.set(facts, indexed);
  }
  return indexed;
}

function index(facts: Facts): IndexedFacts {
  const sales = salesColumns(facts.sales);
  const outlets = new Map(facts.outlets.map((o) => [o.code, o]));
  return {
    facts,
    sales,
    salesBySource: bySource(sales),
    snapshotDates: [...new Set(facts.receivables.map((r) => r.asOf))].sort(),
    paidByScheme: groupBy(facts.paid, (p) => `${p.scheme}|${p.payee}`),
    billedBeforeBy: groupBy(facts.billedBefore ?? [], (b) => `${b.products}|${b.distributor}`),
    receivablesByPayee: groupBy(facts.receivables, (r) => r.distributor),
    invoicesByPayee: groupBy(facts.invoices, (i) => i.distributor),
    paymentsByPayee: groupBy(facts.payments, (p) => p.distributor),
    targetsByPayee: groupBy(facts.targets, (t) => t.distributor),
    outletOfCode: sales.codes.map((code) => outlets.get(code)),
    products: new Map(facts.products.map((p) => [p.sku, p])),
    memo: new Map(),
  };
}

/**
 * An object's content as a short token for memo keys: `#n`, the same for every object with the
 * same JSON, in this job and the next. Keys are built for every payee; a key holding a scheme's
 * whole JSON made the memo hash a kilobyte or two at each lookup.
 */
const tokenOf = new WeakMap<object, string>();
const tokenOfJson = new Map<string, string>();
export function json(value: object): string {
  let token = tokenOf.get(value);
  if (token === undefined) {
    const text = JSON.stringify(value);
    token = tokenOfJson.get(text);
    if (token === undefined) {
      token = `#${tokenOfJson.size}`;
      tokenOfJson.set(text, token);
    }
    tokenOf.set(value, token);
  }
  return token;
}

/**
 * Results the memo holds at most: a run of 20 schemes over 2,000 payees keeps about 100,000, so
 * this is some ten runs' or what-ifs' worth. Past it the memo starts again, which costs only the
 * working out again: kept facts serve a long what-if session without growing without bound.
 */
export const MEMO_LIMIT = 1_000_000;

/** The memoized value for `key`, computing it on first use. */
export function remember<T>(facts: IndexedFacts, key: string, compute: () => T): T {
  const known = facts.memo.get(key);
  if (known !== undefined) return known as T;
  const value = compute();
  if (facts.memo.size >= MEMO_LIMIT) facts.memo.clear();
  facts.memo.set(key, value);
  return value;
}
