import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Workspace } from '../../main/workspace';
import { octoberBills } from '../support/early-payment';
import { delimited, writeText, writeXlsx } from '../support/files';
import { importFile, storedRows } from '../support/import';
import { demoWorkspacePerTest } from '../support/workspace';

const workspaces = demoWorkspacePerTest();
let ws: Workspace;
let dir: string;
beforeEach(() => {
  ({ ws, dir } = workspaces.current());
});

/** An import's lines: document, net value, discount, tax, round-off, other charges (paise). */
const stored = (batch: number | null) =>
  storedRows(ws, 'sales', batch ?? 0).map((r) => [r.doc_no, r.net_value, r.discount, r.tax, r.round_off, r.charges]);

/** Tally's columnar Sales Register: a column per ledger the bills post to, the sales ledger's among them. */
const header = ['Date', 'Particulars', 'Voucher Type', 'Voucher No.', 'Gross Total', 'Sales @ 18%'];
const taxes = ['Output CGST @ 9%', 'Output SGST @ 9%'];

describe("a register's ledgers that are neither sales nor tax", () => {
  it('reads TCS and a recovery the bill adds as other charges, and a claim it takes off as a discount, so the net is the sales ledger', async () => {
    const rows = [
      [...header, ...taxes, 'TCS Payable @ 0.1%', 'Claim Settled', 'Service Charges Recovered', 'Round Off'],
      [
        '01-10-2026',
        'Annapurna Distributors',
        'Sales',
        'S-1',
        '11,744.12',
        '10,000.00',
        '891.00',
        '891.00',
        '11.82',
        '-100.00',
        '50.00',
        '0.30',
      ],
      [
        '02-10-2026',
        'Shiv Shakti Enterprises',
        'Sales',
        'S-2',
        '5,906.00',
        '5,000.00',
        '450.00',
        '450.00',
        '5.90',
        '',
        '',
        '0.10',
      ],
      [
        '03-10-2026',
        'Shiv Shakti Enterprises',
        'Sales',
        'S-3',
        '2,360.00',
        '2,000.00',
        '180.00',
        '180.00',
        '',
        '',
        '',
        '',
      ],
    ];
    const r = await importFile(ws, writeText(join(dir, 'register.csv'), delimited(rows)), { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.mapping).toMatchObject({
      charge_part_1: 'TCS Payable @ 0.1%',
      charge_part_2: 'Service Charges Recovered',
      discount: 'Claim Settled',
    });
    // Before, the net was the Gross Total less the tax and round-off: 10,011.82 for S-1's 9,900.00 of goods.
    expect(stored(r.batch)).toEqual([
      ['S-1', 990000, 10000, 178200, 30, 6182],
      ['S-2', 500000, null, 90000, 10, 590],
      ['S-3', 200000, null, 36000, null, null],
    ]);
    expect(r.totals).toMatchObject({ net_value: '16900.00', charges: '67.72' });
    expect(r.decisions.map((d) => d.decision)).toContain(
      '"TCS Payable @ 0.1%", "Claim Settled" and "Service Charges Recovered" are ledgers of the bills, neither their sales nor their tax: on every bill read "Gross Total" is "Sales @ 18%" plus the tax, the round-off and them, to the paisa, so "TCS Payable @ 0.1%" is read as other charges (part of the bill, not of the net value), "Claim Settled" is read as a discount (taken off the bill) and "Service Charges Recovered" is read as other charges (part of the bill, not of the net value)',
    );
    // The bill is still the whole bill, for early payment.
    expect(octoberBills(ws)).toMatchObject({ 'S-1': 11744.12, 'S-2': 5906, 'S-3': 2360 });
  });

  it('reads the same from an xlsx register of numbers, a ledger of its own the other charges', async () => {
    const rows: (string | number | Date | null)[][] = [
      ['Date', 'Particulars', 'Voucher No.', 'Gross Total', 'Sales @ 18%', ...taxes, 'TCS @ 0.1%'],
      [new Date(Date.UTC(2026, 9, 5)), 'Annapurna Distributors', 'X-1', 11811.8, 10000, 900, 900, 11.8],
      [new Date(Date.UTC(2026, 9, 6)), 'Shiv Shakti Enterprises', 'X-2', 5905.9, 5000, 450, 450, 5.9],
    ];
    const path = await writeXlsx(join(dir, 'register.xlsx'), [{ name: 'Sales Register', rows }]);
    const r = await importFile(ws, path, { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.mapping).toMatchObject({ charges: 'TCS @ 0.1%' });
    expect(stored(r.batch).map(([doc, net, , , , charges]) => [doc, net, charges])).toEqual([
      ['X-1', 1000000, 1180],
      ['X-2', 500000, 590],
    ]);
  });

  it("finds a register's value before discount beside TCS, which had hidden it, and TCS beside a value that is the net", async () => {
    // Tally's register with inventory: `Value` beside its sales ledger's column, a discount ledger's.
    const rows: (string | number | Date | null)[][] = [
      ['Date', 'Particulars', 'Voucher No.', 'Value', 'Trade Discount', 'Gross Total', ...taxes, 'TCS @ 0.1%'],
      [new Date(Date.UTC(2026, 9, 5)), 'Annapurna Distributors', 'X-1', 10000, -200, 11575.8, 882, 882, 11.8],
      [new Date(Date.UTC(2026, 9, 6)), 'Shiv Shakti Enterprises', 'X-2', 5000, null, 5905.9, 450, 450, 5.9],
    ];
    const discounted = await importFile(ws, await writeXlsx(join(dir, 'discounted.xlsx'), [{ name: 'Sales', rows }]), {
      kind: 'sales',
    });
    expect(discounted.errors).toEqual([]);
    expect(discounted.mapping).toMatchObject({ gross_value: 'Value', charges: 'TCS @ 0.1%' });
    // Before, the net was the Value: 10,000.00 of sales for a bill whose goods were 9,800.00.
    expect(stored(discounted.batch).map(([doc, net, discount, , , charges]) => [doc, net, discount, charges])).toEqual([
      ['X-1', 980000, 20000, 1180],
      ['X-2', 500000, null, 590],
    ]);
    expect(octoberBills(ws)).toMatchObject({ 'X-1': 11575.8, 'X-2': 5905.9 });
    // No discount: the Value is the net, and TCS now part of the bill.
    const plain: (string | number | Date | null)[][] = [
      ['Date', 'Particulars', 'Voucher No.', 'Value', 'Trade Discount', 'Gross Total', ...taxes, 'TCS @ 0.1%'],
      [new Date(Date.UTC(2026, 9, 5)), 'Annapurna Distributors', 'Y-X-1', 10000, null, 11811.8, 900, 900, 11.8],
      [new Date(Date.UTC(2026, 9, 6)), 'Shiv Shakti Enterprises', 'Y-X-2', 5000, null, 5905.9, 450, 450, 5.9],
    ];
    const r = await importFile(ws, await writeXlsx(join(dir, 'plain.xlsx'), [{ name: 'Sales', rows: plain }]), {
      kind: 'sales',
    });
    expect(r.errors).toEqual([]);
    expect(r.mapping).toMatchObject({ net_value: 'Value', charges: 'TCS @ 0.1%' });
    expect(stored(r.batch).map(([doc, net, , , , charges]) => [doc, net, charges])).toEqual([
      ['Y-X-1', 1000000, 1180],
      ['Y-X-2', 500000, 590],
    ]);
  });

  it('changes nothing, and says so, where no column makes up what the Gross Total holds beyond its ledgers', async () => {
    const rows = [
      [...header, ...taxes],
      ['01-10-2026', 'Annapurna Distributors', 'Sales', 'S-1', '11,811.80', '10,000.00', '900.00', '900.00'],
      ['02-10-2026', 'Shiv Shakti Enterprises', 'Sales', 'S-2', '5,900.00', '5,000.00', '450.00', '450.00'],
    ];
    const r = await importFile(ws, writeText(join(dir, 'register.csv'), delimited(rows)), { kind: 'sales' });
    expect(r.errors).toEqual([]);
    expect(r.mapping).not.toHaveProperty('charges');
    expect(stored(r.batch).map(([doc, net]) => [doc, net])).toEqual([
      ['S-1', 1001180],
      ['S-2', 500000],
    ]);
    expect(r.decisions.map((d) => d.decision)).toContain(
      'On 1 of 2 bills read, "Gross Total" is not "Sales @ 18%" plus the tax, and no column makes up the difference: the net value is "Gross Total" less the tax, the difference included',
    );
  });

  it('changes nothing where two columns would each make it up, and none where the user mapped the file', async () => {
    const rows = [
      [...header, ...taxes, 'TCS', 'TCS Amount'],
      [
        '01-10-2026',
        'Annapurna Distributors',
        'Sales',
        'S-1',
        '11,811.80',
        '10,000.00',
        '900.00',
        '900.00',
        '11.80',
        '11.80',
      ],
      [
        '02-10-2026',
        'Shiv Shakti Enterprises',
        'Sales',
        'S-2',
        '5,905.90',
        '5,000.00',
        '450.00',
        '450.00',
        '5.90',
        '5.90',
      ],
    ];
    const path = writeText(join(dir, 'register.csv'), delimited(rows));
    const r = await importFile(ws, path, { kind: 'sales', dryRun: true });
    expect(r.mapping).not.toHaveProperty('charges');
    expect(r.totals).toMatchObject({ net_value: '15017.70' });
    expect(r.decisions.map((d) => d.decision).join('\n')).toContain(
      'more than one set of columns makes up the difference',
    );
    // Mapped by the user: the file is read as mapped, whatever its other columns.
    const mapped = await importFile(ws, path, { kind: 'sales', dryRun: true, map: { gross_total: 'Gross Total' } });
    expect(mapped.totals).toMatchObject({ net_value: '15017.70' });
    expect(mapped.mapping).not.toHaveProperty('charge_part_1');
  });
});
