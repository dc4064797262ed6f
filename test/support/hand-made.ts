import { createBatch, prepareInsert } from '../../main/datasets/insert';
import { tempDirPerTest } from './temp';
import { workspaceIn } from './workspace';

const tempDir = tempDirPerTest();

/**
 * A workspace of hand-made rows, for tests whose figures are worked by hand: distributors,
 * outlets, one product (SKU-1, at `unitCost` paise a unit if given) and invoice and credit note
 * lines of one unit at the rupees given.
 */
export async function handMadeWorkspace(options: { unitCost?: number } = {}) {
  const ws = await workspaceIn(tempDir());
  const db = ws.db;
  const batch = createBatch(db, {
    kind: 'sales',
    fileName: 'fixture',
    sha256: '0'.repeat(64),
    sizeBytes: 0,
    sheet: null,
    user: 'tester',
  });
  const ref = { batchId: batch, sheet: null, row: null };
  const insert = {
    distributors: prepareInsert(db, 'distributors'),
    outlets: prepareInsert(db, 'outlets'),
    products: prepareInsert(db, 'products'),
    sales: prepareInsert(db, 'sales'),
  };
  insert.products({ sku: 'SKU-1', name: 'Tea', unit_cost: options.unitCost ?? null }, ref);
  let doc = 0;
  const make = {
    distributor: (code: string) =>
      insert.distributors({ code, name: `Distributor ${code}`, region: 'North', onboarded_on: '2020-01-01' }, ref),
    outlet: (code: string, distributor: string, extra: Record<string, string> = {}) =>
      insert.outlets(
        { code, name: `Outlet ${code}`, distributor_code: distributor, created_on: '2024-01-01', ...extra },
        ref,
      ),
    /** One invoice line (rupees); its document number. */
    bill: (distributor: string, outlet: string, date: string, rupees: number, docNo = `SI/${++doc}`) => {
      insert.sales(
        {
          doc_type: 'invoice',
          doc_no: docNo,
          doc_date: date,
          line_no: 1,
          distributor_code: distributor,
          outlet_code: outlet,
          sku: 'SKU-1',
          qty: 1000,
          net_value: rupees * 100,
        },
        ref,
      );
      return docNo;
    },
    credit: (distributor: string, outlet: string, date: string, rupees: number, against: string) =>
      insert.sales(
        {
          doc_type: 'credit_note',
          doc_no: `CN/${++doc}`,
          doc_date: date,
          line_no: 1,
          distributor_code: distributor,
          outlet_code: outlet,
          sku: 'SKU-1',
          qty: -1000,
          net_value: -rupees * 100,
          against_doc_no: against,
        },
        ref,
      ),
  };
  return { ws, db, make };
}

/** VOL: 1 % of October's net sales to outlets, 2 % from ₹1,00,000 (retro), on every product. */
export const twoSlabVolume = {
  code: 'VOL',
  name: 'Volume',
  objective: 'volume',
  period: { from: '2026-10-01', to: '2026-10-31' },
  measure: { kind: 'product_volume', basis: 'value' },
  slabs: {
    basis: 'measure',
    mode: 'retro',
    table: [
      { from: '0', to: '100000', rate: '1' },
      { from: '100000', to: null, rate: '2' },
    ],
  },
  reward: { type: 'percent_of_value' },
} as const;
