import { addDays } from '../../engine/dates';
import type { DatasetKind } from '../datasets/kinds';
import { monthBounds } from './calendar';
import {
  areasByRegion,
  brands,
  distributorChannels,
  firmSuffixes,
  firmWords,
  outletChannels,
  outletSuffixes,
  outletWords,
  packSizes,
  regions,
  stateCodeByRegion,
} from './names';
import { Random } from './random';

/**
 * A deterministic month of distribution data, shaped like what an ERP and a DMS export:
 * money in integer paise, quantities in whole units, dates as ISO days.
 */
export type DemoValue = string | number | null;
export type DemoRow = Record<string, DemoValue>;

export interface DemoFile {
  readonly file: string;
  readonly kind: DatasetKind;
  readonly title: string;
  readonly rows: DemoRow[];
}

export interface DemoOptions {
  seed: number;
  /** YYYY-MM */
  month: string;
  distributors: number;
  outlets: number;
  products: number;
  secondaryLines: number;
}

export const defaultDemoOptions: DemoOptions = {
  seed: 20261031,
  month: '2026-10',
  distributors: 50,
  outlets: 5000,
  products: 200,
  secondaryLines: 100_000,
};

/** The distributor whose month ends in a spike that comes back as returns, and the one with dummy outlets. */
export const SPIKE_DISTRIBUTOR = 'D007';
export const DUMMY_OUTLET_DISTRIBUTOR = 'D013';

const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** round(minor × basisPoints / 10000), half-up, in integers. */
const share = (minor: number, basisPoints: number) => Math.floor((minor * basisPoints + 5000) / 10000);

function gstin(random: Random, stateCode: string): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const l = () => random.pick([...letters]);
  return `${stateCode}${l()}${l()}${l()}P${l()}${pad(random.int(0, 9999), 4)}${l()}1Z${random.int(1, 9)}`;
}

const phone = (random: Random) => `${random.pick(['9', '8', '7'])}${pad(random.int(0, 999_999_999), 9)}`;

interface Distributor extends DemoRow {
  code: string;
  class: string;
  region: string;
}
interface Outlet extends DemoRow {
  code: string;
  distributor_code: string;
  created_on: string;
}
interface Product extends DemoRow {
  sku: string;
  mrp: number;
  unit_cost: number;
  uom: string;
}

function makeDistributors(random: Random, o: DemoOptions, monthStart: string): Distributor[] {
  return withLedgerNames(makeDistributorRows(random, o, monthStart));
}

/**
 * Each distributor's ledger in the company's books. Names repeat (two "Kaveri Enterprises"), but
 * an accounting system's ledgers cannot: the second and later take their area, then their code.
 */
function withLedgerNames(distributors: Distributor[]): Distributor[] {
  const taken = new Set<string>();
  for (const d of distributors) {
    const name = String(d.name);
    const ledger = [name, `${name} (${d.area})`, `${name} (${d.code})`].find((l) => !taken.has(l)) as string;
    taken.add(ledger);
    d.ledger_name = ledger;
  }
  return distributors;
}

function makeDistributorRows(random: Random, o: DemoOptions, monthStart: string): Distributor[] {
  return Array.from({ length: o.distributors }, (_, i) => {
    const region = regions[i % regions.length] ?? 'North';
    const area = random.pick(areasByRegion[region]);
    const cls = i % 5 === 0 ? 'A' : i % 5 < 3 ? 'B' : 'C';
    return {
      code: `D${pad(i + 1, 3)}`,
      name: `${random.pick(firmWords)} ${random.pick(firmSuffixes)}`,
      region,
      area,
      territory: `${area} ${random.int(1, 4)}`,
      channel: distributorChannels[i % distributorChannels.length] ?? 'General Trade',
      class: cls,
      gstin: gstin(random, stateCodeByRegion[region]),
      phone: phone(random),
      address: `${random.int(1, 250)}, Market Road, ${area}`,
      onboarded_on: addDays(monthStart, -random.int(120, 3000)),
      status: 'Active',
    };
  });
}

const streets = [
  'Main Bazaar',
  'Station Road',
  'Gandhi Chowk',
  'MG Road',
  'Nehru Market',
  'Tilak Road',
  'Subhash Nagar',
  'Court Road',
  'Temple Street',
  'Bus Stand Road',
  'Market Yard',
  'Ring Road',
];

function makeOutlets(random: Random, o: DemoOptions, distributors: Distributor[], monthStart: string): Outlet[] {
  const weights = distributors.map((d) => (d.class === 'A' ? 3 : d.class === 'B' ? 2 : 1));
  const sharedPhone = phone(random);
  return Array.from({ length: o.outlets }, (_, i) => {
    const owner = distributors[i < distributors.length ? i : random.weighted(weights)] as Distributor;
    // Six outlets opened this month under one distributor, all on one phone number: the
    // pattern of dummy outlets created to game a billed-outlets scheme.
    const dummy = i >= o.outlets - 6;
    const distributor = dummy ? (distributors.find((d) => d.code === DUMMY_OUTLET_DISTRIBUTOR) ?? owner) : owner;
    const channel = random.pick(outletChannels);
    const isNew = dummy || random.chance(0.03);
    return {
      code: `O${pad(i + 1, 5)}`,
      name: `${random.pick(outletWords)} ${random.pick(outletSuffixes[channel])}`,
      distributor_code: distributor.code,
      channel,
      class: random.pick(['A', 'B', 'B', 'C', 'C', 'C']),
      town: random.pick(areasByRegion[distributor.region as (typeof regions)[number]]),
      // Shop numbers and streets enough that three outlets of a town share an address only by design.
      address: `Shop ${random.int(1, 999)}, ${random.pick(streets)}`,
      phone: dummy ? sharedPhone : phone(random),
      gstin: random.chance(0.3) ? gstin(random, '27') : null,
      created_on: isNew ? addDays(monthStart, random.int(0, 20)) : addDays(monthStart, -random.int(60, 2000)),
    };
  });
}

function makeProducts(random: Random, o: DemoOptions, monthStart: string): Product[] {
  return Array.from({ length: o.products }, (_, i) => {
    const line = brands[i % brands.length] ?? brands[0];
    const subcategory = random.pick(line.subcategories);
    const pack = random.pick(packSizes);
    const mrp = random.int(10, 600) * 100 + random.pick([0, 50]);
    return {
      sku: `SKU-${pad(i + 1, 4)}`,
      name: `${line.brand} ${subcategory} ${pack}`,
      brand: line.brand,
      category: line.category,
      subcategory,
      uom: random.chance(0.2) ? 'CASE' : 'PCS',
      pack_size: pack,
      mrp,
      unit_cost: share(mrp, 6000),
      launch_date: i % 40 === 39 ? addDays(monthStart, 4) : addDays(monthStart, -random.int(90, 1500)),
    };
  });
}

interface SaleLine extends DemoRow {
  doc_no: string;
  doc_date: string;
  line_no: number;
  distributor_code: string;
  sku: string;
  qty: number;
  gross_value: number;
  discount: number;
  net_value: number;
  tax: number;
}

function priced(product: Product, qty: number, priceBp: number, discountBp: number) {
  const gross = share(product.mrp, priceBp) * qty;
  const discount = share(gross, discountBp);
  const net = gross - discount;
  return { qty, gross_value: gross, discount, net_value: net, tax: share(net, 1800) };
}

function makeSecondarySales(
  random: Random,
  o: DemoOptions,
  distributors: Distributor[],
  outlets: Outlet[],
  products: Product[],
): SaleLine[] {
  const { from, days } = monthBounds(o.month);
  const byDistributor = new Map<string, Outlet[]>();
  for (const outlet of outlets) {
    const list = byDistributor.get(outlet.distributor_code) ?? [];
    list.push(outlet);
    byDistributor.set(outlet.distributor_code, list);
  }
  // A quarter of the outlets buy nothing this month; popular SKUs sell more.
  const active = new Map([...byDistributor].map(([code, list]) => [code, list.filter(() => random.chance(0.78))]));
  const skuWeights = products.map((_, i) => 1 / (1 + i / 20));
  const distWeights = distributors.map((d) => (d.class === 'A' ? 3 : d.class === 'B' ? 2 : 1));
  const lines: SaleLine[] = [];
  const counters = new Map<string, number>();
  while (lines.length < o.secondaryLines) {
    const distributor = distributors[random.weighted(distWeights)] as Distributor;
    const buyers = active.get(distributor.code) ?? [];
    if (buyers.length === 0) continue;
    const outlet = random.pick(buyers);
    const spike = distributor.code === SPIKE_DISTRIBUTOR && random.chance(0.5);
    const earliest = outlet.created_on > from ? Number(outlet.created_on.slice(8, 10)) - 1 : 0;
    const day = spike ? days - random.int(1, 2) : random.int(earliest, days - 1);
    const docCount = (counters.get(distributor.code) ?? 0) + 1;
    counters.set(distributor.code, docCount);
    const docNo = `SI/${distributor.code}/${pad(docCount, 5)}`;
    const lineCount = Math.min(random.int(1, 8), o.secondaryLines - lines.length);
    const discountBp = random.pick([0, 0, 200, 500]);
    for (let l = 1; l <= lineCount; l++) {
      const product = products[random.weighted(skuWeights)] as Product;
      const qty = product.uom === 'CASE' ? random.int(1, 5) : random.int(1, 24) * (spike ? 4 : 1);
      lines.push({
        doc_type: 'Invoice',
        doc_no: docNo,
        doc_date: addDays(from, day),
        line_no: l,
        distributor_code: distributor.code,
        outlet_code: outlet.code,
        sku: product.sku,
        ...priced(product, qty, 8000, discountBp),
        against_doc_no: null,
      });
    }
  }
  return lines;
}

/** Returns: about 1.2% of lines a few days later, and most of the spike back after month end. */
function makeCreditNotes(random: Random, sales: SaleLine[], monthEnd: string): SaleLine[] {
  const notes: SaleLine[] = [];
  const counters = new Map<string, number>();
  for (const line of sales) {
    const spikeLine = line.distributor_code === SPIKE_DISTRIBUTOR && line.doc_date >= addDays(monthEnd, -2);
    if (!(spikeLine ? random.chance(0.4) : random.chance(0.012))) continue;
    const n = (counters.get(line.distributor_code) ?? 0) + 1;
    counters.set(line.distributor_code, n);
    const qty = spikeLine ? line.qty : Math.max(1, Math.floor(line.qty / 2));
    const ratioBp = Math.floor((qty * 10000) / line.qty);
    notes.push({
      ...line,
      doc_type: 'Credit Note',
      doc_no: `CN/${line.distributor_code}/${pad(n, 4)}`,
      doc_date: addDays(line.doc_date, spikeLine ? random.int(3, 7) : random.int(2, 15)),
      line_no: 1,
      qty,
      gross_value: share(line.gross_value, ratioBp),
      discount: share(line.discount, ratioBp),
      net_value: share(line.gross_value, ratioBp) - share(line.discount, ratioBp),
      tax: share(share(line.gross_value, ratioBp) - share(line.discount, ratioBp), 1800),
      against_doc_no: line.doc_no,
    });
  }
  return notes;
}

function makePrimarySales(random: Random, o: DemoOptions, distributors: Distributor[], products: Product[]) {
  const { from, days } = monthBounds(o.month);
  const lines: SaleLine[] = [];
  let docCount = 0;
  for (const distributor of distributors) {
    const invoices = distributor.class === 'A' ? 6 : distributor.class === 'B' ? 4 : 2;
    for (let i = 0; i < invoices; i++) {
      docCount++;
      const docNo = `INV/${o.month.replace('-', '').slice(2)}/${pad(docCount, 5)}`;
      const docDate = addDays(from, Math.min(days - 1, Math.floor((i * days) / invoices) + random.int(0, 3)));
      const lineCount = random.int(6, 14);
      for (let l = 1; l <= lineCount; l++) {
        const product = random.pick(products);
        lines.push({
          doc_type: 'Invoice',
          doc_no: docNo,
          doc_date: docDate,
          line_no: l,
          distributor_code: distributor.code,
          outlet_code: null,
          sku: product.sku,
          ...priced(product, random.int(2, 40) * 12, 7000, 0),
          against_doc_no: null,
        });
      }
    }
  }
  return lines;
}

/**
 * Four months of lighter billing before the demo month, so the kinds that look back have
 * something to see: most of the month's buyers bought before too; a few per distributor bought
 * only in the first of those months and then went quiet (dormant, reactivated in the month);
 * and a few bought last month but not this one (lost outlets).
 */
function makeHistory(
  random: Random,
  o: DemoOptions,
  secondary: SaleLine[],
  outlets: Outlet[],
  products: Product[],
): SaleLine[] {
  const { from } = monthBounds(o.month);
  const buyers = new Map<string, Set<string>>();
  for (const line of secondary) {
    const set = buyers.get(line.distributor_code) ?? new Set<string>();
    set.add(String(line.outlet_code));
    buyers.set(line.distributor_code, set);
  }
  const lines: SaleLine[] = [];
  let doc = 0;
  const bill = (distributor: string, outlet: string, date: string) => {
    doc++;
    const product = random.pick(products);
    lines.push({
      doc_type: 'Invoice',
      doc_no: `SI/H/${pad(doc, 6)}`,
      doc_date: date,
      line_no: 1,
      distributor_code: distributor,
      outlet_code: outlet,
      sku: product.sku,
      ...priced(product, random.int(1, 12), 8000, 0),
      against_doc_no: null,
    });
  };
  const old = (o2: Outlet) => o2.created_on < addDays(from, -150);
  const outletOf = (code: string) => outlets[Number(code.slice(1)) - 1] as Outlet;
  for (const [distributor, set] of buyers) {
    const current = [...set].sort();
    const dormant = new Set(current.filter((code) => old(outletOf(code))).slice(0, random.int(2, 4)));
    for (const code of current) {
      // An outlet opened in the month (a new outlet) has no bills before it.
      if (outletOf(code).created_on >= from) continue;
      if (dormant.has(code)) {
        bill(distributor, code, addDays(from, -random.int(100, 121)));
        continue;
      }
      for (let month = 1; month <= 3; month++)
        if (random.chance(0.5)) bill(distributor, code, addDays(from, -random.int(30 * month - 29, 30 * month)));
    }
    const lost = outlets
      .filter((x) => x.distributor_code === distributor && !set.has(x.code) && old(x))
      .slice(0, random.int(1, 2));
    for (const x of lost) bill(distributor, x.code, addDays(from, -random.int(1, 25)));
  }
  return lines;
}

interface OpenInvoice {
  distributor_code: string;
  doc_no: string;
  doc_date: string;
  due_date: string;
  amount: number;
}

/** Receivables at month start and end, and the receipts that connect them. */
function makeCollections(random: Random, o: DemoOptions, distributors: Distributor[], primary: SaleLine[]) {
  const { from, to } = monthBounds(o.month);
  const creditDays = (d: Distributor) => (d.class === 'A' ? 30 : d.class === 'B' ? 21 : 15);
  const byCode = new Map(distributors.map((d) => [d.code, d]));
  const opening: OpenInvoice[] = [];
  let prior = 0;
  for (const d of distributors) {
    for (let i = random.int(2, 5); i > 0; i--) {
      prior++;
      const docDate = addDays(from, -random.int(5, 75));
      opening.push({
        distributor_code: d.code,
        doc_no: `INV/PRV/${pad(prior, 5)}`,
        doc_date: docDate,
        due_date: addDays(docDate, creditDays(d)),
        amount: random.int(50_000, 900_000) * 100,
      });
    }
  }
  const monthInvoices = new Map<string, OpenInvoice>();
  for (const line of primary) {
    const d = byCode.get(line.distributor_code) as Distributor;
    const inv = monthInvoices.get(line.doc_no) ?? {
      distributor_code: d.code,
      doc_no: line.doc_no,
      doc_date: line.doc_date,
      due_date: addDays(line.doc_date, creditDays(d)),
      amount: 0,
    };
    inv.amount += line.net_value + line.tax;
    monthInvoices.set(line.doc_no, inv);
  }
  // One distributor in four pays early (within ten days); the rest pay on or after the due date.
  const earlyPayers = new Set(distributors.filter((_, i) => i % 4 === 1).map((d) => d.code));
  const payments: DemoRow[] = [];
  const closing: OpenInvoice[] = [];
  let receipts = 0;
  const settle = (inv: OpenInvoice, paidOn: string | null) => {
    if (paidOn === null || paidOn > to) {
      closing.push(inv);
      return;
    }
    receipts++;
    payments.push({
      receipt_no: `RCPT/${pad(receipts, 5)}`,
      receipt_date: paidOn,
      distributor_code: inv.distributor_code,
      amount: inv.amount,
      against_doc_no: inv.doc_no,
      mode: random.pick(['NEFT', 'RTGS', 'Cheque', 'UPI']),
    });
  };
  for (const inv of opening) {
    settle(inv, random.chance(0.7) ? addDays(from, random.int(0, 27)) : null);
  }
  for (const inv of monthInvoices.values()) {
    const early = earlyPayers.has(inv.distributor_code);
    settle(inv, addDays(inv.doc_date, early ? random.int(1, 10) : random.int(11, 40)));
  }
  const snapshot = (asOf: string, list: OpenInvoice[]): DemoRow[] =>
    list.map((inv) => ({ as_of: asOf, ...inv, outstanding: inv.amount }));
  return { opening: snapshot(from, opening), closing: snapshot(to, closing), payments };
}

function makeTargets(o: DemoOptions, distributors: Distributor[], secondary: SaleLine[]): DemoRow[] {
  const { from, to } = monthBounds(o.month);
  const value = new Map<string, number>();
  const outlets = new Map<string, Set<string>>();
  for (const line of secondary) {
    value.set(line.distributor_code, (value.get(line.distributor_code) ?? 0) + line.net_value);
    const set = outlets.get(line.distributor_code) ?? new Set<string>();
    set.add(String(line.outlet_code));
    outlets.set(line.distributor_code, set);
  }
  return distributors.flatMap((d, i) => {
    // Targets set before the month from last month's run rate: some will be beaten, some missed.
    const stretchPct = 85 + ((i * 7) % 30);
    const valueTarget = Math.round(((value.get(d.code) ?? 0) * stretchPct) / 100 / 100_000) * 1000;
    const outletTarget = Math.round(((outlets.get(d.code)?.size ?? 0) * stretchPct) / 100);
    return [
      {
        period_from: from,
        period_to: to,
        distributor_code: d.code,
        measure: 'secondary_value',
        scheme_code: null,
        value: String(valueTarget),
      },
      {
        period_from: from,
        period_to: to,
        distributor_code: d.code,
        measure: 'billed_outlets',
        scheme_code: null,
        value: String(outletTarget),
      },
    ];
  });
}

export function generateDemo(options: DemoOptions = defaultDemoOptions): DemoFile[] {
  const random = new Random(options.seed);
  const { from, to } = monthBounds(options.month);
  const distributors = makeDistributors(random, options, from);
  const outlets = makeOutlets(random, options, distributors, from);
  const products = makeProducts(random, options, from);
  const secondary = makeSecondarySales(random, options, distributors, outlets, products);
  const credits = makeCreditNotes(random, secondary, to);
  const history = makeHistory(random, options, secondary, outlets, products);
  const primary = makePrimarySales(random, options, distributors, products);
  const collections = makeCollections(random, options, distributors, primary);
  return [
    { file: 'distributors.xlsx', kind: 'distributors', title: 'Customer Master', rows: distributors },
    { file: 'outlets.xlsx', kind: 'outlets', title: 'Retailer Master', rows: outlets },
    { file: 'products.xlsx', kind: 'products', title: 'Item Master', rows: products },
    { file: 'primary-sales.xlsx', kind: 'sales', title: 'Sales Register (Primary)', rows: primary },
    { file: 'secondary-sales.xlsx', kind: 'sales', title: 'Secondary Sales (DMS)', rows: [...secondary, ...credits] },
    {
      file: 'secondary-sales-history.xlsx',
      kind: 'sales',
      title: 'Secondary Sales (DMS), earlier months',
      rows: history,
    },
    {
      file: `receivables-${from}.xlsx`,
      kind: 'receivables',
      title: `Outstanding as on ${from}`,
      rows: collections.opening,
    },
    {
      file: `receivables-${to}.xlsx`,
      kind: 'receivables',
      title: `Outstanding as on ${to}`,
      rows: collections.closing,
    },
    { file: 'payments.xlsx', kind: 'payments', title: 'Receipt Register', rows: collections.payments },
    {
      file: 'targets.xlsx',
      kind: 'targets',
      title: 'Distributor Targets',
      rows: makeTargets(options, distributors, secondary),
    },
  ];
}
