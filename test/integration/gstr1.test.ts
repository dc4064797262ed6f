import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Workspace } from '../../main/workspace';
import { delimited, writeText } from '../support/files';
import { importFile, storedRows } from '../support/import';
import { demoWorkspacePerTest } from '../support/workspace';

/** GSTR-1's B2B sheet, as the GST portal's offline tool writes it: a summary above the header, recipients by GSTIN. */
const workspaces = demoWorkspacePerTest();
let ws: Workspace;
let dir: string;
beforeEach(() => {
  ({ ws, dir } = workspaces.current());
});

const header = [
  ...['GSTIN/UIN of Recipient', 'Receiver Name', 'Invoice Number', 'Invoice date', 'Invoice Value'],
  ...['Place Of Supply', 'Reverse Charge', 'Applicable % of Tax Rate', 'Invoice Type', 'E-Commerce GSTIN'],
  ...['Rate', 'Taxable Value', 'Cess Amount'],
];
/** A row of one invoice at one tax rate, to the recipient `gstin` (named otherwise than its master). */
const line = (gstin: string, no: string, date: string, value: string, type: string, rate: number, taxable: string) => [
  ...[gstin, 'ANNAPURNA DISTRIBUTORS PVT LTD', no, date, value, '07-Delhi', 'N', null, type, null],
  ...[rate, taxable, '0'],
];

describe('GSTR-1 B2B', () => {
  it('reads each invoice-and-rate row as a line, its recipient found by GSTIN, SEZ and regular supplies as invoices', async () => {
    const gstin = (ws.db.prepare("SELECT gstin FROM distributors WHERE code = 'D001'").pluck().get() as string) ?? '';
    expect(gstin).toMatch(/^\d{2}[A-Z]{5}\d{4}[A-Z]/);
    const path = writeText(
      join(dir, 'gstr1-b2b.csv'),
      delimited([
        ['Summary For B2B(4)'],
        [
          'No. of Recipients',
          null,
          'No. of Invoices',
          null,
          'Total Invoice Value',
          null,
          null,
          null,
          null,
          null,
          null,
          'Total Taxable Value',
          'Total Cess',
        ],
        ['1', null, '3', null, '30,280.00', null, null, null, null, null, null, '26,000.00', '0.00'],
        header,
        // The name differs from the master's: the GSTIN decides.
        line(gstin, 'INV-001', '01-Oct-26', '11800', 'Regular B2B', 18, '10000'),
        line(gstin, 'INV-002', '05-Oct-26', '12580', 'SEZ supplies with payment', 12, '5000'),
        line(gstin, 'INV-002', '05-Oct-26', '12580', 'SEZ supplies with payment', 18, '6000'),
        line(gstin, 'INV-003', '09-Oct-26', '5900', 'Intra-State supplies attracting IGST', 18, '5000'),
      ]),
    );
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    // "with payment" is the tax's: an SEZ supply is a sale, not skipped as a payment voucher.
    expect(r.skipped).toEqual({});
    expect(r.mapping).toMatchObject({
      distributor_code: 'GSTIN/UIN of Recipient',
      doc_no: 'Invoice Number',
      doc_type: 'Invoice Type',
      net_value: 'Taxable Value',
    });
    expect(r.decisions.map((d) => d.decision)).toContain(
      `4 lines name their distributor rather than give its code: each is read as the one of that name in the distributors master ("${gstin}" is D001)`,
    );
    expect(
      storedRows(ws, 'sales', r.batch ?? 0).map((s) => [s.distributor_code, s.doc_no, s.doc_type, s.net_value]),
    ).toEqual([
      ['D001', 'INV-001', 'invoice', 1000000],
      ['D001', 'INV-002', 'invoice', 500000],
      ['D001', 'INV-002', 'invoice', 600000],
      ['D001', 'INV-003', 'invoice', 500000],
    ]);
  });
});
