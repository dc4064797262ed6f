import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SaleFact } from '../../engine/facts';
import { isoDay, type SalesColumns, salesColumns } from '../../engine/sales-columns';
import { readSales } from '../../main/runs/read-sales';
import { ChunkReader, type SalesChunk } from '../../main/runs/sales-chunks';
import { ColumnCollector } from '../../main/runs/sales-columns';
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

/** Columns back as the lines they hold, one object each. */
const lines = (c: SalesColumns): SaleFact[] =>
  Array.from({ length: c.count }, (_, i) => ({
    id: c.id[i] as number,
    date: isoDay(c.day[i] as number),
    docNo: c.docNo[i] as string,
    docType: c.invoice[i] === 1 ? 'invoice' : 'credit_note',
    distributor: c.codes[c.distributor[i] as number] as string,
    outlet: (c.outlet[i] as number) < 0 ? null : (c.codes[c.outlet[i] as number] as string),
    sku: c.codes[c.sku[i] as number] as string,
    qty: c.qty[i] as number,
    net: c.net[i] as number,
    against: c.against[i] as string | null,
  }));

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
    const parallel = readSales(ws.db, window, {
      chunkRows,
      helperFromRows: 2 * chunkRows,
      onProgress: (done) => progress.push(done),
    });
    expect(lines(parallel)).toEqual(expected);
    expect(lines(readSales(ws.db, window, { chunkRows, helperFromRows: Number.POSITIVE_INFINITY }))).toEqual(expected);
    expect(
      lines(ws.db.transaction(() => readSales(ws.db, window, { chunkRows, helperFromRows: 2 * chunkRows }))()),
    ).toEqual(expected);
    expect(progress).toEqual(progress.map((_, i) => i + 1));
  });

  it('works the same lines out as columns from lines given as objects', () => {
    const expected = salesInStore();
    expect(expected.some((s) => s.docType === 'credit_note') && expected.some((s) => s.outlet === null)).toBe(true);
    expect(lines(salesColumns(expected))).toEqual(expected);
  });

  it('refuses a line whose stored date is not a day, naming it', () => {
    const { lastInsertRowid } = ws.db
      .prepare(
        `INSERT INTO sales (doc_type, doc_no, doc_date, distributor_code, outlet_code, sku, qty, net_value, batch_id)
         SELECT doc_type, 'ODD-1', '2026-10-3x', distributor_code, outlet_code, sku, qty, net_value, batch_id FROM sales LIMIT 1`,
      )
      .run();
    expect(() => readSales(ws.db, window, { chunkRows, helperFromRows: 2 * chunkRows })).toThrow(
      `Sales line ${lastInsertRowid} is dated "2026-10-3x", which is not a day written YYYY-MM-DD`,
    );
  });

  it('takes every chunk from the helper when this thread claims none', async () => {
    const { chunks, got } = await helperAlone(ws.dbPath);
    expect(got.map((c) => c.index).sort((a, b) => a - b)).toEqual([...Array(chunks).keys()]);
    const fromHelper = new ColumnCollector();
    got.forEach(fromHelper.reader());
    expect(lines(fromHelper.columns())).toEqual(salesInStore());
    // The columns the helper sent are the ones this thread reads for the same chunk.
    const here = new ChunkReader(ws.db, window, chunkRows).read(3);
    const hereAlone = new ColumnCollector();
    hereAlone.reader()(here);
    expect(lines(hereAlone.columns())).toEqual(
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
      helperFromRows: 2 * chunkRows,
      onProgress: () => {
        if (committed) return;
        added.run();
        committed = true;
      },
    });
    other.close();
    // The first reading's snapshot predates the new line; only the second reading has it.
    expect(sales.docNo).toContain('LATE-1');
    expect(lines(sales)).toEqual(salesInStore());
  });
});
