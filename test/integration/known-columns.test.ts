import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkspaceApi } from '../../main/api/handlers';
import type { Workspace } from '../../main/workspace';
import { demoWorkspacePerTest } from '../support/workspace';

/** A product of the demo masters whose name no other product has, and a distributor's name. */
const uniqueProduct = (ws: Workspace) =>
  ws.db.prepare('SELECT min(sku) AS sku, name FROM products GROUP BY name HAVING count(*) = 1 ORDER BY 1').get() as {
    sku: string;
    name: string;
  };
const distributorName = (ws: Workspace, code: string) =>
  String(ws.db.prepare('SELECT name FROM distributors WHERE code = ?').pluck().get(code));

/**
 * Exports that give a party or an item by the ERP's own ID beside its name, imported into a
 * workspace whose masters came from elsewhere (the demo's): the column of IDs gives way to the
 * column of names the masters know (`main/import/known-columns.ts`).
 */
describe("Zoho Books' exports into a workspace whose masters came from elsewhere", () => {
  const demo = demoWorkspacePerTest();
  const header =
    'Invoice Date,Invoice Number,Invoice Status,Customer ID,Customer Name,Item Name,Product ID,Quantity,Item Total';
  const line = (customerId: string, customer: string, item = 'Sunrise Coffee 50 g') =>
    `2026-10-03,INV-000101,Sent,${customerId},${customer},${item},4587000000301,10.00,455.00`;

  it("reads the party and the item by the names the masters know, where Zoho's internal IDs are unknown to them", async () => {
    const { ws, dir } = demo.current();
    const api = createWorkspaceApi(ws);
    const distributor = (code: string) => distributorName(ws, code);
    const { sku, name: item } = uniqueProduct(ws);
    const path = join(dir, 'Invoice.csv');
    writeFileSync(
      path,
      [header, line('4587000000011', distributor('D001'), item), line('4587000000012', distributor('D002'), item)].join(
        '\n',
      ),
    );
    const result = await api.call('import.run', { path, kind: 'sales' });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value).toMatchObject({ rows: 2, rejected: 0, errors: [] });
    expect(result.value.mapping).toMatchObject({ distributor_code: 'Customer Name', sku: 'Item Name' });
    expect(result.value.decisions.map((d) => d.decision)).toContain(
      'Distributor is read from "Customer Name": the distributors master knows none of the 2 values of "Customer ID" in the first rows, and every one of "Customer Name"',
    );
    const stored = ws.db
      .prepare('SELECT distributor_code, sku, net_value FROM sales WHERE batch_id = ? ORDER BY id')
      .all(result.value.batch);
    expect(stored).toEqual([
      { distributor_code: 'D001', sku, net_value: 45500 },
      { distributor_code: 'D002', sku, net_value: 45500 },
    ]);
    // The import dialog sends the proposed mapping back whole: the result still says why.
    const again = await api.call('import.run', {
      path,
      kind: 'sales',
      mapping: result.value.mapping,
      replace: true,
      dryRun: true,
    });
    if (!again.ok) throw new Error(JSON.stringify(again.error));
    expect(again.value.decisions).toEqual(result.value.decisions);
  });

  it('keeps the ID column where the masters know one of its values, or where no other column is known either', async () => {
    const { ws, dir } = demo.current();
    const api = createWorkspaceApi(ws);
    // D001 is a code the master knows: the Customer ID column is the party, and the unknown one is refused.
    const path = join(dir, 'Invoice.csv');
    writeFileSync(
      path,
      [header, line('D001', distributorName(ws, 'D001')), line('4587000000012', distributorName(ws, 'D002'))].join(
        '\n',
      ),
    );
    const result = await api.call('import.run', { path, kind: 'sales', validOnly: true });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.mapping).toMatchObject({ distributor_code: 'Customer ID' });
    expect(result.value.errors).toEqual([
      expect.objectContaining({ row: 3, column: 'Customer ID', message: 'unknown distributor "4587000000012"' }),
    ]);
    // Neither column known: the best-named one stays, and its values are refused as unknown.
    const none = join(dir, 'None.csv');
    writeFileSync(none, [header, line('4587000000011', 'Nobody Traders')].join('\n'));
    const refused = await api.call('import.run', { path: none, kind: 'sales' });
    if (!refused.ok) throw new Error(JSON.stringify(refused.error));
    expect(refused.value.batch).toBeNull();
    expect(refused.value.errors).toEqual([
      expect.objectContaining({ row: 2, column: 'Customer ID', message: 'unknown distributor "4587000000011"' }),
    ]);
  });
});

describe("SAP Business One's sales register into a workspace whose masters came from elsewhere", () => {
  const demo = demoWorkspacePerTest();

  it("reads the customer by its name and the item by its description, where SAP's codes are unknown", async () => {
    const { ws, dir } = demo.current();
    const api = createWorkspaceApi(ws);
    const { sku, name: item } = uniqueProduct(ws);
    const customer = distributorName(ws, 'D002');
    const path = join(dir, 'Sales Register.csv');
    writeFileSync(
      path,
      [
        'Document Number,Posting Date,Customer/Vendor Code,Customer/Vendor Name,Item No.,Item/Service Description,Quantity,Row Total',
        `1001,2026-10-03,C20001,${customer},A00001,${item},10,455.00`,
        `1002,2026-10-04,C20001,${customer},A00001,${item},4,180.00`,
      ].join('\n'),
    );
    const result = await api.call('import.run', { path, kind: 'sales' });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value).toMatchObject({ rows: 2, rejected: 0, errors: [] });
    expect(result.value.mapping).toMatchObject({
      distributor_code: 'Customer/Vendor Name',
      sku: 'Item/Service Description',
    });
    expect(result.value.decisions.map((d) => d.decision)).toContain(
      'SKU is read from "Item/Service Description": the products master knows none of the 2 values of "Item No." in the first rows, and every one of "Item/Service Description"',
    );
    const stored = ws.db.prepare(
      'SELECT distributor_code, sku, qty, net_value FROM sales WHERE batch_id = ? ORDER BY id',
    );
    expect(stored.all(result.value.batch)).toEqual([
      { distributor_code: 'D002', sku, qty: 10000, net_value: 45500 },
      { distributor_code: 'D002', sku, qty: 4000, net_value: 18000 },
    ]);
  });
});

describe('a party or product no header names', () => {
  const demo = demoWorkspacePerTest();

  it('is read from the column whose every value the masters know: a blank header, or one SchemeDesk does not know', async () => {
    const { ws, dir } = demo.current();
    const api = createWorkspaceApi(ws);
    const { sku, name: item } = uniqueProduct(ws);
    const party = distributorName(ws, 'D002');
    const path = join(dir, 'Register.csv');
    writeFileSync(
      path,
      [
        'Vch No,Date,,Godown,Qty,Value,Line Ref',
        `S/1,2026-10-03,D001,Main,2,150.00,${item}`,
        `S/2,2026-10-04,${party},Main,1,250.00,${item}`,
      ].join('\n'),
    );
    const result = await api.call('import.run', { path, kind: 'sales', dryRun: true });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value).toMatchObject({ rows: 2, rejected: 0, totals: { net_value: '400.00' } });
    expect(result.value.mapping).toMatchObject({ distributor_code: '', sku: 'Line Ref' });
    expect(result.value.decisions.map((d) => d.decision)).toEqual(
      expect.arrayContaining([
        'Distributor is read from column 3 (it has no header): no header names it, and every value of that column in the first rows is one of the distributors master',
        'SKU is read from "Line Ref": no header names it, and every value of that column in the first rows is one of the products master',
      ]),
    );
    // The dialog's mapping sent back reads the same columns.
    const again = await api.call('import.run', { path, kind: 'sales', mapping: result.value.mapping });
    if (!again.ok) throw new Error(JSON.stringify(again.error));
    const stored = ws.db.prepare('SELECT doc_no, distributor_code, sku FROM sales WHERE batch_id = ? ORDER BY id');
    expect(stored.all(again.value.batch)).toEqual([
      { doc_no: 'S/1', distributor_code: 'D001', sku },
      { doc_no: 'S/2', distributor_code: 'D002', sku },
    ]);
  });

  it("is read from any column the masters know where the one its header took names none of them, and a journal's account then reads as its ledger", async () => {
    const { ws, dir } = demo.current();
    const api = createWorkspaceApi(ws);
    const [first, second] = [distributorName(ws, 'D001'), distributorName(ws, 'D002')];
    // Zoho Books' journal report: each entry's Account (the party's alias took it) and the
    // customer in Transaction Details, a header SchemeDesk does not know.
    const path = join(dir, 'Journal.csv');
    writeFileSync(
      path,
      [
        'Date,Account,Transaction Details,Transaction Type,Transaction#,Debit,Credit',
        `2026-10-05,Accounts Receivable,${first},Invoice,ZJ-1,1180.00,`,
        `2026-10-05,Sales,${first},Invoice,ZJ-1,,1000.00`,
        `2026-10-05,Output CGST,${first},Invoice,ZJ-1,,90.00`,
        `2026-10-05,Output SGST,${first},Invoice,ZJ-1,,90.00`,
        `2026-10-06,Accounts Receivable,${second},Invoice,ZJ-2,525.00,`,
        `2026-10-06,Sales,${second},Invoice,ZJ-2,,500.00`,
        `2026-10-06,Output IGST,${second},Invoice,ZJ-2,,25.00`,
      ].join('\n'),
    );
    const result = await api.call('import.run', { path, kind: 'sales' });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value).toMatchObject({ rows: 2, rejected: 0, skipped: { 'ledger lines': 5 } });
    expect(result.value.mapping).toMatchObject({ distributor_code: 'Transaction Details', ledger: 'Account' });
    const stored = ws.db.prepare(
      'SELECT doc_no, distributor_code, net_value, tax FROM sales WHERE batch_id = ? ORDER BY id',
    );
    expect(stored.all(result.value.batch)).toEqual([
      { doc_no: 'ZJ-1', distributor_code: 'D001', net_value: 100_000, tax: 18_000 },
      { doc_no: 'ZJ-2', distributor_code: 'D002', net_value: 50_000, tax: 2_500 },
    ]);
  });

  it('is never a column of small numbers, nor one of which the masters miss a value', async () => {
    const { ws, dir } = demo.current();
    const api = createWorkspaceApi(ws);
    // Distributors coded 1 and 2: a quantity's 2 and 1 are their codes too, and no evidence.
    ws.db
      .prepare(
        "INSERT INTO distributors (code, name, batch_id) SELECT code, name, (SELECT min(batch_id) FROM distributors) FROM (SELECT '1' AS code, 'One Traders' AS name UNION ALL SELECT '2', 'Two Traders')",
      )
      .run();
    const small = join(dir, 'Small.csv');
    writeFileSync(
      small,
      ['Vch No,Date,Slab,Qty,Value', 'S/1,2026-10-03,2,2,150.00', 'S/2,2026-10-04,1,1,250.00'].join('\n'),
    );
    const numbers = await api.call('import.run', { path: small, kind: 'sales', dryRun: true });
    expect(numbers.ok).toBe(false);
    if (!numbers.ok) expect(numbers.error.message).toContain('no column for Distributor');
    const path = join(dir, 'Unknown.csv');
    writeFileSync(
      path,
      ['Vch No,Date,Party Ref,Qty,Value', 'S/1,2026-10-03,D001,2,150.00', 'S/2,2026-10-04,X999,1,250.00'].join('\n'),
    );
    const result = await api.call('import.run', { path, kind: 'sales', dryRun: true });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('no column for Distributor');
  });
});
