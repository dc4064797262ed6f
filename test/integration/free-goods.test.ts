import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkspaceApi } from '../../main/api/handlers';
import type { Workspace } from '../../main/workspace';
import { demoWorkspacePerTest } from '../support/workspace';

/** An outlet of distributor D001 and a product, from the demo masters. */
const lineParties = (ws: Workspace) => ({
  outlet: String(ws.db.prepare("SELECT min(code) FROM outlets WHERE distributor_code = 'D001'").pluck().get()),
  sku: String(ws.db.prepare('SELECT min(sku) FROM products').pluck().get()),
});

/**
 * Goods a scheme gave free beside the goods sold (Marg's and Busy's registers, pharma's "10+2"):
 * never counted as sold, and the result says how much was left out (`main/import/free-goods.ts`).
 */
describe('sales registers that give goods free beside the goods sold', () => {
  const demo = demoWorkspacePerTest();

  /** The import's result, through the API as the window asks for it. */
  async function run(ws: Workspace, path: string) {
    const result = await createWorkspaceApi(ws).call('import.run', { path, kind: 'sales' });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value;
  }

  async function imported(ws: Workspace, path: string) {
    const result = await run(ws, path);
    const stored = ws.db.prepare('SELECT doc_no, qty FROM sales WHERE batch_id = ? ORDER BY id');
    return { ...result, stored: stored.all(result.batch) as { doc_no: string; qty: number }[] };
  }

  it('leaves a Free column out of the quantities and says how much it held', async () => {
    const { ws, dir } = demo.current();
    const { outlet, sku } = lineParties(ws);
    const path = join(dir, 'Sale Book.csv');
    writeFileSync(
      path,
      [
        'Date,Bill No,Party Code,Outlet Code,Item Code,Qty,Free,Rate,Amount',
        `05-10-2026,A0001,D001,${outlet},${sku},10,2,50.00,500.00`,
        `06-10-2026,A0002,D001,${outlet},${sku},12,1.5,50.00,600.00`,
        `14-10-2026,A0003,D001,${outlet},${sku},5,0,50.00,250.00`,
      ].join('\n'),
    );
    const result = await imported(ws, path);
    expect(result).toMatchObject({ rows: 3, rejected: 0, totals: { qty: '27.000' } });
    expect(result.stored.map((line) => line.qty)).toEqual([10_000, 12_000, 5_000]);
    expect(result.decisions.map((d) => d.decision)).toContain(
      '"Free" is not counted: goods given free are no sale, and the quantities are read from "Qty" alone (2 lines give 3.5 free in all)',
    );
  });

  it('reads a quantity written as billed + free as the billed part, says which lines were billed at nothing, and still refuses a quantity in two units', async () => {
    const { ws, dir } = demo.current();
    const { outlet, sku } = lineParties(ws);
    const path = join(dir, 'Sale Book.csv');
    const line = (bill: string, qty: string) => `2026-10-05,${bill},D001,${outlet},${sku},${qty},50.00,500.00`;
    writeFileSync(
      path,
      [
        'Date,Bill No,Party Code,Outlet Code,Item Code,Qty,Rate,Amount',
        line('A0001', '10+2'),
        line('A0002', '10 + 1'),
        line('A0003', '10+0'),
        line('A0004', '10'),
        `2026-10-05,A0004,D001,${outlet},${sku},2,0.00,0.00`,
      ].join('\n'),
    );
    const result = await imported(ws, path);
    expect(result).toMatchObject({ rows: 5, rejected: 0, totals: { qty: '42.000' } });
    expect(result.stored.map((line) => line.qty)).toEqual([10_000, 10_000, 10_000, 10_000, 2_000]);
    expect(result.decisions.map((d) => d.decision)).toContain(
      'Quantities written as billed + free ("10+2") are read as the billed part: goods given free are no sale (2 lines give 3 free in all)',
    );
    // Goods given free on a line of their own, at ₹0: imported as written, and said so.
    expect(result.decisions.map((d) => d.decision)).toContain(
      '1 line billed at nothing (2 units in all) is imported as written: goods given free, whose units no scheme on quantity counts',
    );

    writeFileSync(
      path,
      ['Date,Bill No,Party Code,Outlet Code,Item Code,Qty,Rate,Amount', line('A0001', '1 Box + 2 Pcs')].join('\n'),
    );
    const refused = await run(ws, path);
    expect(refused).toMatchObject({ batch: null, rows: 0, rejected: 1 });
    expect(refused.errors[0]?.message).toBe('a quantity in two units ("1 Box + 2 Pcs"): write it in one');
  });

  it('reads a line with a quantity and neither price nor amount as billed at nothing, and still refuses a priced line without its amount', async () => {
    const { ws, dir } = demo.current();
    const { outlet, sku } = lineParties(ws);
    const path = join(dir, 'Sales Register.csv');
    const header = 'Date,Voucher No,Party Code,Outlet Code,Item Code,Quantity,Rate,Value';
    writeFileSync(
      path,
      [
        header,
        `2026-10-05,S/1,D001,${outlet},${sku},10,50.00,500.00`,
        // Tally leaves a free item's rate and value blank.
        `2026-10-05,S/1,D001,${outlet},${sku},2,,`,
        `2026-10-06,S/2,D001,${outlet},${sku},3,0,`,
      ].join('\n'),
    );
    const result = await imported(ws, path);
    expect(result).toMatchObject({ rows: 3, rejected: 0, totals: { qty: '15.000', net_value: '500.00' } });
    expect(result.decisions.map((d) => d.decision)).toContain(
      '2 lines have a quantity (5 units in all) and neither "Rate" nor any amount: read as billed at nothing, goods given free, whose units no scheme on quantity counts',
    );
    // A price says the line was sold: its missing amount is a fault, not a gift.
    writeFileSync(path, [header, `2026-10-05,S/1,D001,${outlet},${sku},2,50.00,`].join('\n'));
    const priced = await run(ws, path);
    expect(priced).toMatchObject({ batch: null, rejected: 1 });
    expect(priced.errors[0]).toMatchObject({ row: 2, column: 'Value', message: 'Net value is required' });
    // Without a price column a blank amount says nothing of the goods.
    writeFileSync(
      path,
      [
        'Date,Voucher No,Party Code,Outlet Code,Item Code,Quantity,Value',
        `2026-10-05,S/1,D001,${outlet},${sku},2,`,
      ].join('\n'),
    );
    const unpriced = await run(ws, path);
    expect(unpriced).toMatchObject({ batch: null, rejected: 1 });
  });

  it("never takes a document's total as the amount of a line with no price", async () => {
    const { ws, dir } = demo.current();
    const { outlet, sku } = lineParties(ws);
    const path = join(dir, 'Invoices.csv');
    // Subtotal is the invoice's, on each of its lines: each line's net value is its quantity × price.
    writeFileSync(
      path,
      [
        'Invoice Number,Invoice Date,Distributor Code,Outlet Code,Item Code,Quantity,Item Price,Subtotal',
        `INV-7,2026-10-05,D001,${outlet},${sku},10,50.00,600.00`,
        `INV-7,2026-10-05,D001,${outlet},${sku},4,25.00,600.00`,
        `INV-7,2026-10-05,D001,${outlet},${sku},3,,600.00`,
      ].join('\n'),
    );
    const result = await imported(ws, path);
    expect(result).toMatchObject({ rows: 3, rejected: 0, totals: { net_value: '600.00' } });
    const nets = ws.db.prepare('SELECT net_value FROM sales WHERE batch_id = ? ORDER BY id').pluck();
    expect(nets.all(result.batch)).toEqual([50_000, 10_000, 0]);
  });

  it('reads the quantity billed, not a plain Qty that counts the free goods as well', async () => {
    const { ws, dir } = demo.current();
    const { outlet, sku } = lineParties(ws);
    const path = join(dir, 'Invoices.csv');
    writeFileSync(
      path,
      [
        'Invoice No,Invoice Date,Distributor Code,Outlet Code,Item Code,Qty,Free Qty,Qty Paid,Unit Price,Total Value',
        `INV-1,2026-10-05,D001,${outlet},${sku},12,2,10,50.00,500.00`,
        `INV-2,2026-10-06,D001,${outlet},${sku},6,0,6,50.00,300.00`,
      ].join('\n'),
    );
    const result = await imported(ws, path);
    expect(result.mapping).toMatchObject({ qty: 'Qty Paid' });
    expect(result.stored.map((line) => line.qty)).toEqual([10_000, 6_000]);
    expect(result.decisions.map((d) => d.decision)).toContain(
      '"Free Qty" is not counted: goods given free are no sale, and the quantities are read from "Qty Paid" alone (1 line gives 2 free in all)',
    );

    // Tally's item register: the actual quantity holds the goods given free beyond those billed.
    writeFileSync(
      path,
      [
        'Date,Voucher No,Party Code,Outlet Code,Item Code,Actual Quantity,Billed Quantity,Rate,Value',
        `2026-10-07,S/9,D001,${outlet},${sku},12 Nos,10 Nos,50.00,500.00`,
        `2026-10-07,S/9,D001,${outlet},${sku},5 Nos,5 Nos,50.00,250.00`,
      ].join('\n'),
    );
    const tally = await imported(ws, path);
    expect(tally.mapping).toMatchObject({ qty: 'Billed Quantity' });
    expect(tally.stored.map((line) => line.qty)).toEqual([10_000, 5_000]);
    expect(tally.decisions.map((d) => d.decision)).toContain(
      '"Actual Quantity" is not counted: goods given free are no sale, and the quantities are read from "Billed Quantity" alone (1 line gives 2 free in all)',
    );
  });
});
