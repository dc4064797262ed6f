import type Database from 'better-sqlite3';
import { groupBy, type ProductFact } from '../../engine/facts';
import type { Scheme } from '../../engine/model';
import { sumPaise } from '../../engine/money';
import { allProducts, filteredSkus, readsProducts } from '../../engine/products';
import { dayNumber, salesColumns } from '../../engine/sales-columns';
import { likelyInvoices } from '../import/bill-numbers';
import { unpackIds } from '../runs/source-ids';
import { earlyPaymentDays, quotedPairs, runSchemes } from './invoice-numbers';
import type { FlagDraft, RunScope } from './signals';

/** A credit note's line naming no invoice of its distributor, at its level (primary or secondary), exactly. */
interface Unpaired {
  id: number;
  note: string;
  payee: string;
  against: string;
  net: number;
  sku: string;
}

/** An invoice of the distributor at a line's level, by the number a credit note names exactly (index `sales_doc`). */
const invoiceSql = `SELECT 1 FROM sales WHERE doc_no = ? AND distributor_code = ? AND doc_type = 'invoice'
  AND (outlet_code IS NULL) = ? LIMIT 1`;

/**
 * Credit notes to distributors dated from `from` on, naming no invoice of theirs exactly: what a
 * run takes off the invoices early payment pays on (through index `sales_primary`).
 */
const laterSql = `SELECT c.id, c.doc_no AS note, c.distributor_code AS payee, c.against_doc_no AS against, c.net_value AS net, c.sku
  FROM sales c
  WHERE c.outlet_code IS NULL AND c.doc_date >= ? AND c.doc_type = 'credit_note' AND c.against_doc_no IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM sales i WHERE i.doc_no = c.against_doc_no AND i.distributor_code = c.distributor_code
      AND i.doc_type = 'invoice' AND i.outlet_code IS NULL)
  ORDER BY c.doc_date, c.id`;

/** What an approved run of the scheme paid the payee on, for a period before `from`: its sales lines' ids. */
const paidSql = `SELECT l.source_ids FROM runs r CROSS JOIN payable_lines l ON l.run_id = r.id
  WHERE r.status IN ('approved', 'exported') AND r.reverses_run IS NULL AND r.period_to < ?
    AND l.kind = 'payout' AND l.payable > 0 AND l.source_table = 'sales' AND l.scheme_code = ? AND l.payee = ?`;

/**
 * Credit notes a run cannot pair with the invoice they return. A return finds its invoice by the
 * number it names, exactly — the import reads a number otherwise written only in other capitals,
 * without leading zeros or among words —, so a credit note naming its payee's invoice otherwise
 * (`SI-D038-1` or `1` for `SI/D038/00001`, a prefix one system writes and the other not) returns
 * no invoice, silently. Flagged where that moves money: for a scheme that claws back, a return
 * dated in the period of an invoice an approved run paid on lowers this period's measure at
 * today's rate instead of being clawed back at the rate paid then; for early payment, a return
 * of an invoice dated in the period is taken off no invoice, which is then paid on as if nothing
 * had been returned (earning on the whole bill, or nothing when it was paid less the return). A
 * signal, not a breach: which number is right is for a person to say.
 */
export function unmatchedReturns(db: Database.Database, scope: RunScope): FlagDraft[] {
  // What the schemes ask, each read once for all of them: the period's unpaired returns at either
  // level (from the lines the run read), those to distributors from the period's start on, the
  // products a filter picks from.
  const period = new Map<boolean, Map<string, Unpaired[]>>();
  let later: Map<string, Unpaired[]> | null = null;
  let products: ProductFact[] | null = null;
  const invoicesOfPeriod = db
    .prepare(
      `SELECT DISTINCT doc_no FROM sales WHERE doc_type = 'invoice' AND outlet_code IS NULL
       AND doc_date BETWEEN ? AND ? AND distributor_code = ?`,
    )
    .pluck();

  // A flag for each payee whose returns `mismatchedOf` pairs with an invoice written otherwise.
  const flagsOf = (
    code: string,
    payees: readonly string[],
    how: Omit<FlagWords, 'mismatched'>,
    mismatchedOf: (payee: string) => Mismatched,
  ) =>
    payees.flatMap((payee) => {
      const mismatched = mismatchedOf(payee);
      return mismatched.length === 0 ? [] : [flagOf(scope, payee, code, { ...how, mismatched })];
    });

  // A return of an invoice an approved run of the scheme paid on, dated in the period, of its products.
  const clawedBack = (code: string, scheme: Scheme, payees: readonly string[]): FlagDraft[] => {
    const primary = scheme.salesSource === 'primary';
    const returns = period.get(primary) ?? groupBy(periodReturns(db, scope, primary), (r) => r.payee);
    period.set(primary, returns);
    if (returns.size === 0) return [];
    products ??= db.prepare('SELECT sku, brand, category FROM products').all() as ProductFact[];
    const inScheme = allProducts(scheme) ? null : filteredSkus(scheme.products, products);
    return flagsOf(code, payees, { dated: `${scope.from} to ${scope.to}`, consequence: notClawedBack }, (payee) => {
      const own = (returns.get(payee) ?? []).filter((r) => inScheme === null || inScheme.has(r.sku));
      return own.length === 0 ? [] : paired(own, paidInvoices(db, scope.from, code, payee));
    });
  };

  // A return to a distributor dated from the period's start on (the run takes every such return
  // off the invoice it names), of an invoice dated in the period.
  const earlyPaid = (code: string, payees: readonly string[]): FlagDraft[] => {
    later ??= groupBy(db.prepare(laterSql).all(scope.from) as Unpaired[], (r) => r.payee);
    const returns = later;
    return flagsOf(code, payees, { dated: `from ${scope.from}`, consequence: paidAsIfKept }, (payee) => {
      const own = returns.get(payee) ?? [];
      return own.length === 0 ? [] : paired(own, invoicesOfPeriod.all(scope.from, scope.to, payee) as string[]);
    });
  };

  return runSchemes(db, scope.run).flatMap(({ code, scheme, payees }) => [
    ...(scheme.clawback && readsProducts(scheme) ? clawedBack(code, scheme, payees) : []),
    ...(earlyPaymentDays(scheme) === null ? [] : earlyPaid(code, payees)),
  ]);
}

/** The credit notes of the period at a level, among the lines the run read, naming no invoice of their distributor exactly. */
function periodReturns(db: Database.Database, scope: RunScope, primary: boolean): Unpaired[] {
  const c = salesColumns(scope.sales);
  const [from, to] = [dayNumber(scope.from), dayNumber(scope.to)];
  const invoiced = db.prepare(invoiceSql).pluck();
  const found: Unpaired[] = [];
  for (let i = 0; i < c.count; i++) {
    const toDistributor = (c.outlet[i] as number) < 0;
    if (c.invoice[i] === 1 || toDistributor !== primary) continue;
    const day = c.day[i] as number;
    const against = day < from || day > to ? null : c.against.at(i);
    if (against == null) continue;
    const payee = c.codes[c.distributor[i] as number] as string;
    if (invoiced.get(against, payee, primary ? 1 : 0) !== undefined) continue;
    const [id, note, net, sku] = [
      c.id[i] as number,
      c.docNo.at(i) as string,
      c.net[i] as number,
      c.codes[c.sku[i] as number],
    ];
    found.push({ id, note, payee, against, net, sku: sku as string });
  }
  return found;
}

/** The numbers of the invoices approved runs of the scheme paid the payee on, for periods before `from`. */
function paidInvoices(db: Database.Database, from: string, scheme: string, payee: string): string[] {
  const ids = (db.prepare(paidSql).pluck().all(from, scheme, payee) as Buffer[]).flatMap((b) => [...unpackIds(b)]);
  if (ids.length === 0) return [];
  return db
    .prepare(`SELECT DISTINCT doc_no FROM sales WHERE doc_type = 'invoice' AND id IN (SELECT value FROM json_each(?))`)
    .pluck()
    .all(JSON.stringify(ids)) as string[];
}

/** The returns that name one of `invoices` otherwise written, each with the invoice it likely means. */
function paired(returns: readonly Unpaired[], invoices: readonly string[]) {
  if (invoices.length === 0) return [];
  const likely = likelyInvoices(invoices);
  return returns.flatMap((r) => {
    const invoice = likely(r.against);
    return invoice === undefined ? [] : [{ ...r, invoice }];
  });
}

type Mismatched = ReturnType<typeof paired>;

/** What a flag says: of which returns, dated when, and what naming their invoices otherwise does to the payout. */
interface FlagWords {
  mismatched: Mismatched;
  dated: string;
  /** By whether one credit note is named or more. */
  consequence: (one: boolean) => string;
}

const notClawedBack = (one: boolean) =>
  `a return of an invoice an approved run paid on is clawed back at the rate paid then only when it names the invoice exactly, so ${one ? 'it lowers' : 'they lower'} this period's measure instead`;

const paidAsIfKept = (one: boolean) =>
  `early payment takes a return off only the invoice it names exactly, so it pays on ${one ? 'that invoice' : 'those invoices'} as if nothing had been returned`;

/** "1 credit note of D001 dated … (₹… returned) names the invoice it returns otherwise than the sales do (…): " and what that does. */
function flagOf(
  scope: RunScope,
  payee: string,
  scheme: string,
  { mismatched, dated, consequence }: FlagWords,
): FlagDraft {
  const notes = new Set(mismatched.map((r) => r.note)).size;
  const returned = -sumPaise(mismatched, (r) => r.net);
  const one = notes === 1;
  return {
    kind: 'unmatched-return',
    payee,
    scheme,
    blocking: false,
    message: `${one ? '1 credit note' : `${notes} credit notes`} of ${payee} dated ${dated} (${scope.money(returned)} returned) ${one ? 'names the invoice it returns' : 'name the invoices they return'} otherwise than the sales do (${quotedPairs(mismatched)}): ${consequence(one)}. Correct the numbers in the file that writes them otherwise and import it again`,
    evidence: { table: 'sales', ids: mismatched.map((r) => r.id) },
  };
}
