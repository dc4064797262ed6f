import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Workspace } from '../../main/workspace';
import { importFile, storedRows } from '../support/import';
import { demoWorkspacePerTest } from '../support/workspace';

/** Tally's XML, as its Export → XML writes a Day Book: an ENVELOPE of TALLYMESSAGEs, each a VOUCHER. */
const workspaces = demoWorkspacePerTest();
let ws: Workspace;
let dir: string;
beforeEach(() => {
  ({ ws, dir } = workspaces.current());
});

/** A ledger entry: a debit is negative; its bill allocations, each [name, type]. */
const ledger = (tag: string, name: string, amount: string, bills: [string, string][] = [], party = false) => `
      <${tag}>
       <LEDGERNAME>${name}</LEDGERNAME>
       <ISDEEMEDPOSITIVE>${amount.startsWith('-') ? 'Yes' : 'No'}</ISDEEMEDPOSITIVE>${party ? '\n       <ISPARTYLEDGER>Yes</ISPARTYLEDGER>' : ''}
       <AMOUNT>${amount}</AMOUNT>${bills
         .map(
           ([bill, type]) => `
       <BILLALLOCATIONS.LIST>
        <NAME>${bill}</NAME>
        <BILLTYPE>${type}</BILLTYPE>
        <AMOUNT>${amount}</AMOUNT>
       </BILLALLOCATIONS.LIST>`,
         )
         .join('')}
      </${tag}>`;

const pieces = (qty: number | string) => (typeof qty === 'number' ? `${qty} pcs` : qty);

/**
 * An item line, with the batch and accounting allocations Tally writes under it (their amounts
 * repeat the line's); its quantity in pieces, or as written (an item's alternate units).
 */
const item = (name: string, qty: number | string, rate: string, amount: string) => `
      <ALLINVENTORYENTRIES.LIST>
       <STOCKITEMNAME>${name}</STOCKITEMNAME>
       <RATE>${rate}/pcs</RATE>
       <AMOUNT>${amount}</AMOUNT>
       <ACTUALQTY> ${pieces(qty)}</ACTUALQTY>
       <BILLEDQTY> ${pieces(qty)}</BILLEDQTY>
       <BATCHALLOCATIONS.LIST>
        <GODOWNNAME>Main Location</GODOWNNAME>
        <AMOUNT>${amount}</AMOUNT>
        <BILLEDQTY> ${pieces(qty)}</BILLEDQTY>
       </BATCHALLOCATIONS.LIST>
       <ACCOUNTINGALLOCATIONS.LIST>
        <LEDGERNAME>Sales Account</LEDGERNAME>
        <AMOUNT>${amount}</AMOUNT>
       </ACCOUNTINGALLOCATIONS.LIST>
      </ALLINVENTORYENTRIES.LIST>`;

const voucher = (type: string, date: string, no: string, body: string, flags = '') => `
    <TALLYMESSAGE xmlns:UDF="TallyUDF">
     <VOUCHER VCHTYPE="${type}" ACTION="Create">
      <DATE>${date}</DATE>
      <NARRATION>&#4; Not Applicable</NARRATION>
      <VOUCHERTYPENAME>${type}</VOUCHERTYPENAME>
      <VOUCHERNUMBER>${no}</VOUCHERNUMBER>
      <PARTYLEDGERNAME>Annapurna Distributors</PARTYLEDGERNAME>${flags}${body}
     </VOUCHER>
    </TALLYMESSAGE>`;

const envelope = (messages: string) => `<ENVELOPE>
 <HEADER>
  <TALLYREQUEST>Import Data</TALLYREQUEST>
 </HEADER>
 <BODY>
  <IMPORTDATA>
   <REQUESTDESC>
    <REPORTNAME>Vouchers</REPORTNAME>
   </REQUESTDESC>
   <REQUESTDATA>${messages}
   </REQUESTDATA>
  </IMPORTDATA>
 </BODY>
</ENVELOPE>
`;

/** Two products whose names are their own: Tally writes items by name. */
function twoProducts() {
  const [a, b] = ws.db
    .prepare('SELECT min(sku) AS sku, name FROM products GROUP BY name HAVING count(*) = 1 ORDER BY 1 LIMIT 2')
    .all() as { sku: string; name: string }[];
  if (!a || !b) throw new Error('the demo has no two products of names of their own');
  return [a, b] as const;
}

function dayBook(): string {
  const [a, b] = twoProducts();
  const party = (amount: string, bills: [string, string][]) =>
    ledger('LEDGERENTRIES.LIST', 'Annapurna Distributors', amount, bills, true);
  const tax = (amount: string) =>
    ledger('LEDGERENTRIES.LIST', 'Output CGST 9%', amount) + ledger('LEDGERENTRIES.LIST', 'Output SGST 9%', amount);
  return envelope(
    voucher(
      'Sales',
      '20261005',
      'TX/1',
      party('-708.00', [['TX/1', 'New Ref']]) +
        tax('54.00') +
        item(a.name, 10, '50.00', '500.00') +
        item(b.name, 4, '25.00', '100.00'),
    ) +
      voucher(
        'Credit Note',
        '20261007',
        'CN/1',
        party('118.00', [['TX/1', 'Agst Ref']]) + tax('-9.00') + item(a.name, '1 Box = 2 pcs', '50.00', '-100.00'),
      ) +
      voucher(
        'Sales',
        '20261008',
        'TX/2',
        party('-118.00', []) + tax('9.00') + item(b.name, 4, '25.00', '100.00'),
        '\n      <ISCANCELLED>Yes</ISCANCELLED>',
      ) +
      voucher(
        'Receipt',
        '20261009',
        'R/1',
        ledger('ALLLEDGERENTRIES.LIST', 'Annapurna Distributors', '590.00', [['TX/1', 'Agst Ref']], true) +
          ledger('ALLLEDGERENTRIES.LIST', 'HDFC Bank', '-590.00'),
      ),
  );
}

describe("Tally's XML", () => {
  it('reads its sales vouchers item by item, a credit note against its invoice in alternate units, a cancelled voucher skipped', async () => {
    const [a, b] = twoProducts();
    const path = join(dir, 'DayBook.xml');
    writeFileSync(path, dayBook());
    const result = await importFile(ws, path, { kind: 'sales' });
    expect(result.errors).toEqual([]);
    expect(result.sheet).toBe('Vouchers');
    expect(result.skipped).toMatchObject({ cancelled: 1, 'type:Receipt': 1 });
    expect(
      storedRows(ws, 'sales', result.batch ?? 0).map((r) => [
        r.doc_type,
        r.doc_no,
        r.doc_date,
        r.distributor_code,
        r.sku,
        r.qty,
        r.net_value,
        r.against_doc_no,
      ]),
    ).toEqual([
      ['invoice', 'TX/1', '2026-10-05', 'D001', a.sku, 10_000, 50_000, null],
      ['invoice', 'TX/1', '2026-10-05', 'D001', b.sku, 4_000, 10_000, null],
      ['credit_note', 'CN/1', '2026-10-07', 'D001', a.sku, -2_000, -10_000, 'TX/1'],
    ]);
  });

  it('reads its receipts against the bills they settle, written in UTF-16 as Tally writes its files', async () => {
    const path = join(dir, 'DayBook-utf16.xml');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(dayBook(), 'utf16le')]));
    const result = await importFile(ws, path, { kind: 'payments' });
    expect(result.errors).toEqual([]);
    expect(
      storedRows(ws, 'payments', result.batch ?? 0).map((r) => [
        r.receipt_no,
        r.receipt_date,
        r.distributor_code,
        r.amount,
        r.against_doc_no,
      ]),
    ).toEqual([['R/1', '2026-10-09', 'D001', 59_000, 'TX/1']]);
  });

  it('reads its ledgers and stock items as the distributors and products masters, each alias a code', async () => {
    const master = (tag: string, name: string, parent: string, aliases: string[], more = '') => `
    <TALLYMESSAGE xmlns:UDF="TallyUDF">
     <${tag} NAME="${name}" RESERVEDNAME="">${more}
      <PARENT>${parent}</PARENT>
      <LANGUAGENAME.LIST>
       <NAME.LIST TYPE="String">${[name, ...aliases].map((n) => `<NAME>${n}</NAME>`).join('')}</NAME.LIST>
       <LANGUAGEID> 1033</LANGUAGEID>
      </LANGUAGENAME.LIST>
     </${tag}>
    </TALLYMESSAGE>`;
    const path = join(dir, 'Masters.xml');
    writeFileSync(
      path,
      envelope(
        master(
          'LEDGER',
          'Sai Agencies',
          'Sundry Debtors',
          ['D950'],
          `
      <ADDRESS.LIST TYPE="String"><ADDRESS>12 MG Road</ADDRESS><ADDRESS>Pune</ADDRESS></ADDRESS.LIST>
      <PARTYGSTIN>27AAECS1234F1Z5</PARTYGSTIN>`,
        ) +
          master('LEDGER', 'HDFC Bank', 'Bank Accounts', []) +
          master(
            'STOCKITEM',
            'Morning Tea 250 g',
            'Beverages',
            ['SKU-9001'],
            '\n      <CATEGORY>&#4; Not Applicable</CATEGORY>\n      <BASEUNITS>pcs</BASEUNITS>',
          ),
      ),
    );
    const ledgers = await importFile(ws, path, { kind: 'distributors' });
    expect(ledgers.errors).toEqual([]);
    expect(ledgers.sheet).toBe('Ledgers');
    expect(ledgers.skipped).toEqual({ 'type:Bank Accounts': 1 });
    expect(storedRows(ws, 'distributors', ledgers.batch ?? 0).map((d) => [d.code, d.name, d.gstin, d.address])).toEqual(
      [['D950', 'Sai Agencies', '27AAECS1234F1Z5', '12 MG Road, Pune']],
    );
    const items = await importFile(ws, path, { kind: 'products' });
    expect(items.errors).toEqual([]);
    expect(items.sheet).toBe('Stock Items');
    expect(storedRows(ws, 'products', items.batch ?? 0).map((p) => [p.sku, p.name, p.category, p.uom])).toEqual([
      ['SKU-9001', 'Morning Tea 250 g', null, 'pcs'],
    ]);
  });

  it('refuses a file that holds no voucher, ledger or stock item, and a report as Tally displays it, saying what to export', async () => {
    const path = join(dir, 'Groups.xml');
    writeFileSync(
      path,
      envelope(
        '\n    <TALLYMESSAGE><GROUP NAME="Sundry Debtors"><PARENT>Current Assets</PARENT></GROUP></TALLYMESSAGE>',
      ),
    );
    await expect(importFile(ws, path, { kind: 'sales' })).rejects.toThrow(/holds no voucher, ledger or stock item/);
    // A report as Tally displays it, written as XML: its columns' values, no voucher.
    const report = join(dir, 'DayBookReport.xml');
    writeFileSync(
      report,
      '<ENVELOPE>\r\n <DSPVCHDATE>5-Oct-26</DSPVCHDATE>\r\n <DSPVCHLEDACCOUNT>Annapurna Distributors</DSPVCHLEDACCOUNT>\r\n <DSPVCHTYPE>Sale</DSPVCHTYPE>\r\n <DSPVCHDRAMT>-708.00</DSPVCHDRAMT>\r\n <DSPVCHCRAMT></DSPVCHCRAMT>\r\n</ENVELOPE>\r\n',
    );
    await expect(importFile(ws, report, { kind: 'sales' })).rejects.toThrow(
      'DayBookReport.xml is a report Tally displayed, written as XML',
    );
  });
});
