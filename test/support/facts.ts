import type { Facts, InvoiceFact, PayeeFact, SaleFact } from '../../engine/facts';
import { type SchemeInput, scheme } from '../../engine/model';

/** Small, hand-checkable facts for the engine's golden tests. Amounts are given in rupees. */
let nextId = 1;
const paise = (rupees: number | string) => Math.round(Number(rupees) * 100);

export function payee(code: string, extra: Partial<PayeeFact> = {}): PayeeFact {
  return {
    code,
    name: `Distributor ${code}`,
    region: 'North',
    area: null,
    channel: 'General Trade',
    class: 'A',
    onboardedOn: '2020-01-01',
    ...extra,
  };
}

export function sale(
  distributor: string,
  date: string,
  rupees: number | string,
  extra: Partial<Omit<SaleFact, 'net'>> & { qty?: number } = {},
): SaleFact {
  const id = nextId++;
  const net = paise(rupees);
  const credit = net < 0;
  return {
    id,
    date,
    docNo: extra.docNo ?? `${credit ? 'CN' : 'INV'}-${id}`,
    docType: credit ? 'credit_note' : 'invoice',
    distributor,
    outlet: extra.outlet === undefined ? 'O1' : extra.outlet,
    sku: extra.sku ?? 'S1',
    qty: (extra.qty ?? (credit ? -1 : 1)) * 1000,
    net,
    against: extra.against ?? null,
  };
}

/** The primary invoices of the sales lines (no tax), as the store reads them for early payment. */
function invoicesOf(sales: readonly SaleFact[]): InvoiceFact[] {
  const invoices = new Map<string, InvoiceFact>();
  for (const s of sales) {
    if (s.outlet !== null || s.docType !== 'invoice') continue;
    const known = invoices.get(s.docNo) ?? {
      distributor: s.distributor,
      docNo: s.docNo,
      date: s.date,
      amount: 0,
      returned: 0,
    };
    known.amount += s.net;
    invoices.set(s.docNo, known);
  }
  for (const s of sales) {
    const invoice = s.outlet === null && s.docType === 'credit_note' && s.against ? invoices.get(s.against) : undefined;
    if (invoice) invoice.returned += s.net;
  }
  return [...invoices.values()];
}

/** Products of no brand or category, by their SKUs. */
export const plainProducts = (...skus: string[]) => skus.map((sku) => ({ sku, brand: null, category: null }));

/** Facts whose sales lines are objects, as tests write them (a run reads them as columns). */
type ObjectFacts = Omit<Facts, 'sales'> & { sales: readonly SaleFact[] };

export function facts(partial: Partial<ObjectFacts>): ObjectFacts {
  const sales = partial.sales ?? [];
  return {
    payees: [payee('D1')],
    outlets: [],
    products: [{ sku: 'S1', brand: 'B', category: 'C' }],
    sales,
    receivables: [],
    invoices: invoicesOf(sales),
    payments: [],
    targets: [],
    paid: [],
    ...partial,
  };
}

/** A scheme with sensible defaults, overridden by the test. */
export function schemeOf(input: Partial<SchemeInput>) {
  return scheme.parse({
    code: 'S',
    name: 'Test scheme',
    objective: 'volume',
    period: { from: '2026-10-01', to: '2026-10-31' },
    measure: { kind: 'product_volume', basis: 'value' },
    slabs: { basis: 'measure', mode: 'retro', table: [{ from: '0', to: null, rate: '1' }] },
    reward: { type: 'percent_of_value' },
    ...input,
  });
}

export { paise };
