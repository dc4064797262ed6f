import type { ExportInput } from '../../main/exports/format';
import type { ExportLine, RunForExport } from '../../main/exports/payouts';
import { vouchersFor } from '../../main/exports/postings';
import { exportProfileSchema } from '../../main/exports/profiles';

/**
 * A small approved run written by hand, with what every writer must get right: an override with
 * its reason, a scheme with a ledger of its own, a payee whose clawback exceeds its payout (a
 * debit note), a payee paid nothing (no voucher), XML-special characters in a name, and names
 * that start like spreadsheet formulas.
 */
const line = (
  fields: Partial<ExportLine> & Pick<ExportLine, 'id' | 'payee' | 'payeeName' | 'scheme' | 'payable'>,
): ExportLine => ({
  schemeName: fields.scheme === 'VOL-1' ? 'Beverage volume' : 'Billed outlets',
  ledgerName: null,
  region: 'North',
  kind: 'payout',
  measure: '0',
  unit: 'money',
  target: null,
  achievement: null,
  slab: null,
  slabAmount: fields.calculated ?? fields.payable,
  changes: { catch_up: null, gate: null, cap: null, stacking: null, budget: null },
  calculated: fields.payable,
  override: null,
  overrideReason: null,
  overrideBy: null,
  explanation: 'hand-written line',
  nearMiss: null,
  ...fields,
});

export const goldenLines: ExportLine[] = [
  line({
    id: 1,
    payee: 'D001',
    payeeName: 'Sharma & Sons <Wholesale>',
    scheme: 'VOL-1',
    measure: '123456.70',
    slab: '1,00,000–2,00,000',
    payable: 1234567,
    explanation: 'net value 123456.70; slab 1 (100000–200000): 10% = 12345.67',
    nearMiss: { needed: '76543.30', basis: 'measure', wouldPay: '30000.00', nextSlab: 1 },
  }),
  line({
    id: 2,
    payee: 'D001',
    payeeName: 'Sharma & Sons <Wholesale>',
    scheme: 'MBO-1',
    measure: '42',
    unit: 'count',
    target: '50',
    achievement: '84',
    slab: '80–100',
    slabUnit: 'percent',
    slabAmount: 60000,
    changes: { catch_up: null, gate: null, cap: -10000, stacking: null, budget: null },
    calculated: 50000,
    override: 45000,
    overrideReason: 'Two dummy outlets removed',
    overrideBy: 'priya',
    payable: 45000,
    nearMiss: { needed: '16', basis: 'achievement', wouldPay: '750.00', nextSlab: 2 },
  }),
  line({
    id: 3,
    payee: 'D002',
    payeeName: '=HYPERLINK("http://evil.example")',
    region: 'South',
    scheme: 'VOL-1',
    payable: 20000,
  }),
  line({
    id: 4,
    payee: 'D002',
    payeeName: '=HYPERLINK("http://evil.example")',
    region: 'South',
    scheme: 'VOL-1',
    kind: 'clawback',
    payable: -35000,
    explanation: 'returns against run 3, already paid',
  }),
  line({ id: 5, payee: 'D003', payeeName: '@Trade Co', region: 'East', scheme: 'MBO-1', payable: 0 }),
];

export const goldenRun: RunForExport = {
  id: 7,
  from: '2026-10-01',
  to: '2026-10-31',
  status: 'approved',
  createdBy: 'priya',
  approvedBy: 'arjun',
  approvedAt: '2026-11-02T10:00:00.000Z',
  reversesRun: null,
  // 12,345.67 + 450.00 + 200.00 − 350.00 + 0 = 12,645.67
  total: 1264567n,
  currency: 'INR',
  locale: 'en-IN',
};

export const goldenProfile = exportProfileSchema.parse({
  name: 'Default',
  companyName: 'Acme Consumer Products Pvt. Ltd.',
  schemeAccounts: { 'MBO-1': { name: 'Outlet Incentive', code: '4420' } },
});

export function goldenInput(format: string, draft = false): ExportInput {
  return {
    run: goldenRun,
    lines: goldenLines,
    vouchers: vouchersFor(goldenRun, goldenLines, goldenProfile, draft),
    profile: goldenProfile,
    draft,
    base: `run-7-${format}${draft ? '-DRAFT' : ''}`,
    claims: [],
    progress: () => {},
  };
}
