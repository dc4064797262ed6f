import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SaleFact } from '../../engine/facts';
import { readSales } from '../../main/runs/read-sales';
import { ChunkReader, FactBuilder, type SalesChunk } from '../../main/runs/sales-chunks';
import { dayNumber, type SalesColumns, salesColumns } from '../../main/runs/sales-columns';
import { helperState, SalesHelper, slot } from '../../main/runs/sales-helper';
import type { Workspace } from '../../main/workspace';
import { demoWorkspacePerTest } from '../support/workspace';

const workspaces = demoWorkspacePerTest();
let ws: Workspace;
beforeEach(() => {
  ({ ws } = workspaces.current());
});

const window = { from: '2000-01-01', to: '2099-12-31' };
const chunkRows = 250;
/** The same lines read on this thread alone, in one statement: what every way of reading must give. */
const salesInStore = () =>
  (
    ws.db
      .prepare(
        `SELECT id, doc_date AS date, doc_no AS docNo, doc_type AS docType, distributor_code AS distributor,
           outlet_code AS outlet, sku, qty, net_value AS net, against_doc_no AS against FROM sales ORDER BY id`,
      )
      .all() as SaleFact[]
  ).map((s) => ({ ...s }));

/** Starts a helper for every chunk of the workspace's sales and lets it claim them all. */
async function helperAlone(dbPath: string) {
  const top = ws.db.prepare('SELECT max(rowid) FROM sales').pluck().get() as number;
  const chunks = Math.ceil(top / chunkRows);
  const shared = new Int32Array(new SharedArrayBuffer(SalesHelper.sharedBytes));
  const helper = new SalesHelper({ dbPath, window, chunkRows, chunks }, shared);
  while (Atomics.load(shared, slot.state) === helperState.idle) await sleep(10);
  const got: SalesChunk[] = [];
  helper.finish((chunk) => got.push(chunk));
  helper.stop();
  return { chunks, got };
}

describe('reading the sales lines of a run on two threads', () => {
  it('gives every line exactly as stored, in id order, with or without the helper thread', () => {
    const expected = salesInStore();
    expect(expected.length).toBeGreaterThan(10 * chunkRows);
    const progress: number[] = [];
    const parallel = readSales(ws.db, window, { chunkRows, helperFrom: 2, onProgress: (done) => progress.push(done) });
    expect(parallel).toEqual(expected);
    expect(readSales(ws.db, window, { chunkRows, helperFrom: Number.POSITIVE_INFINITY })).toEqual(expected);
    expect(ws.db.transaction(() => readSales(ws.db, window, { chunkRows, helperFrom: 2 }))()).toEqual(expected);
    expect(progress).toEqual(progress.map((_, i) => i + 1));
  });

  it('gathers the lines as columns while it reads them: the same lines as those worked out from the facts', () => {
    const decoded = (c: SalesColumns) =>
      Array.from({ length: c.count }, (_, i) => ({
        id: c.id[i],
        day: c.day[i],
        distributor: c.codes[c.distributor[i] as number],
        outlet: (c.outlet[i] as number) < 0 ? null : c.codes[c.outlet[i] as number],
        sku: c.codes[c.sku[i] as number],
        invoice: c.invoice[i] === 1,
        qty: c.qty[i],
        net: c.net[i],
      }));
    const expected = salesInStore().map((s) => ({
      id: s.id,
      day: dayNumber(s.date),
      distributor: s.distributor,
      outlet: s.outlet,
      sku: s.sku,
      invoice: s.docType === 'invoice',
      qty: s.qty,
      net: s.net,
    }));
    expect(expected.some((s) => !s.invoice) && expected.some((s) => s.outlet === null)).toBe(true);
    for (const helperFrom of [2, Number.POSITIVE_INFINITY]) {
      const sales = readSales(ws.db, window, { chunkRows, helperFrom });
      const gathered = salesColumns(sales);
      expect(gathered.sales).toBe(sales);
      expect(decoded(gathered)).toEqual(expected);
      // A copy of the lines was not read here: its columns are worked out from the lines.
      expect(decoded(salesColumns([...sales]))).toEqual(expected);
    }
  });

  it('takes every chunk from the helper when this thread claims none', async () => {
    const { chunks, got } = await helperAlone(ws.dbPath);
    expect(got.map((c) => c.index).sort((a, b) => a - b)).toEqual([...Array(chunks).keys()]);
    const builder = new FactBuilder();
    const fromHelper = got.flatMap((c) => builder.facts(c)).sort((a, b) => a.id - b.id);
    expect(fromHelper).toEqual(salesInStore());
    // The columns the helper sent are the ones this thread reads for the same chunk.
    const here = new ChunkReader(ws.db, window, chunkRows).read(3);
    expect(new FactBuilder().facts(here)).toEqual(
      salesInStore().filter((s) => s.id > 3 * chunkRows && s.id <= 4 * chunkRows),
    );
  });

  it('is left behind with a warning when it cannot open the workspace', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { got } = await helperAlone(`${ws.dbPath}.missing`);
    expect(got).toEqual([]);
    expect(warn.mock.calls.join(' ')).toMatch(/second reader of the sales lines stopped \(.*unable to open/i);
    warn.mockRestore();
  });

  it('reads again on one thread when another connection commits while the helper reads', () => {
    const other = new Database(ws.dbPath);
    const added = other
      .prepare(
        `INSERT INTO sales (doc_type, doc_no, doc_date, distributor_code, outlet_code, sku, qty, net_value, batch_id)
         SELECT doc_type, 'LATE-1', doc_date, distributor_code, outlet_code, sku, qty, net_value, batch_id FROM sales LIMIT 1`,
      )
      .bind();
    let committed = false;
    const sales = readSales(ws.db, window, {
      chunkRows,
      helperFrom: 2,
      onProgress: () => {
        if (committed) return;
        added.run();
        committed = true;
      },
    });
    other.close();
    // The first reading's snapshot predates the new line; only the second reading has it.
    expect(sales.map((s) => s.docNo)).toContain('LATE-1');
    expect(sales).toEqual(salesInStore());
  });
});
