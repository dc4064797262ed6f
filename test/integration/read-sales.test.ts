import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SaleFact } from '../../engine/facts';
import { isoDay, type SalesColumns, salesColumns } from '../../engine/sales-columns';
import { verifyWorkspace } from '../../main/audit/verify';
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

/** A copy of the first line as a new line, with its own document number (and id, or date). */
const copyLine = (
  db: Database.Database,
  docNo: string,
  { id = null, date = null }: { id?: number | null; date?: string | null } = {},
) =>
  db
    .prepare(
      `INSERT INTO sales (id, doc_type, doc_no, doc_date, distributor_code, outlet_code, sku, qty, net_value, batch_id)
       SELECT ?, doc_type, ?, coalesce(?, doc_date), distributor_code, outlet_code, sku, qty, net_value, batch_id FROM sales LIMIT 1`,
    )
    .run(id, docNo, date);

/** Columns back as the lines they hold, one object each. */
const lines = (c: SalesColumns): SaleFact[] =>
  Array.from({ length: c.count }, (_, i) => ({
    id: c.id[i] as number,
    date: isoDay(c.day[i] as number),
    docNo: c.docNo.at(i) as string,
    docType: c.invoice[i] === 1 ? 'invoice' : 'credit_note',
    distributor: c.codes[c.distributor[i] as number] as string,
    outlet: (c.outlet[i] as number) < 0 ? null : (c.codes[c.outlet[i] as number] as string),
    sku: c.codes[c.sku[i] as number] as string,
    qty: c.qty[i] as number,
    net: c.net[i] as number,
    against: c.against.at(i) as string | null,
  }));

/** Starts a helper for every chunk of the workspace's sales and lets it claim them all. */
async function helperAlone(dbPath: string) {
  const top = ws.db.prepare('SELECT max(rowid) FROM sales').pluck().get() as number;
  const chunks = Math.ceil(top / chunkRows);
  const shared = new Int32Array(new SharedArrayBuffer(SalesHelper.sharedBytes));
  const helper = new SalesHelper({ dbPath, window, chunkRows, todo: [...Array(chunks).keys()] }, shared);
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
    const { lastInsertRowid } = copyLine(ws.db, 'ODD-1', { date: '2026-10-3x' });
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
    let committed = false;
    const sales = readSales(ws.db, window, {
      chunkRows,
      helperFromRows: 2 * chunkRows,
      onProgress: () => {
        if (committed) return;
        copyLine(other, 'LATE-1');
        committed = true;
      },
    });
    other.close();
    // The first reading's snapshot predates the new line; only the second reading has it.
    expect(lines(sales).map((l) => l.docNo)).toContain('LATE-1');
    expect(lines(sales)).toEqual(salesInStore());
  });
});

describe('the sales lines kept for the next run', () => {
  const read = () => readSales(ws.db, window, { chunkRows, helperFromRows: Number.POSITIVE_INFINITY });
  const keptChunks = () => ws.db.prepare('SELECT count(*) FROM sales_store').pluck().get() as number;
  const top = () => ws.db.prepare('SELECT max(rowid) FROM sales').pluck().get() as number;
  it('are read instead of the table by the runs after, which see every change made to the lines since, by any connection', () => {
    expect(lines(read())).toEqual(salesInStore());
    expect(keptChunks()).toBe(Math.ceil(top() / chunkRows));
    // What is read comes from the kept chunks: with the triggers gone, a change by hand is not seen.
    const triggers = ws.db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'sales'")
      .all() as {
      name: string;
      sql: string;
    }[];
    expect(triggers.map((t) => t.name).sort()).toEqual([
      'sales_store_delete',
      'sales_store_insert',
      'sales_store_update',
    ]);
    for (const t of triggers) ws.db.exec(`DROP TRIGGER ${t.name}`);
    // Since what is paid rests on them, the audit log finds them gone.
    expect(verifyWorkspace(ws.db, ws.dbPath).problems).toContain(
      'the triggers or views that guard money were changed outside SchemeDesk',
    );
    ws.db.prepare('UPDATE sales SET net_value = net_value + 1 WHERE id = 7').run();
    expect(lines(read()).find((s) => s.id === 7)?.net).toBe(
      (salesInStore().find((s) => s.id === 7)?.net as number) - 1,
    );
    ws.db.prepare('UPDATE sales SET net_value = net_value - 1 WHERE id = 7').run();
    for (const t of triggers) ws.db.exec(t.sql);
    expect(verifyWorkspace(ws.db, ws.dbPath)).toMatchObject({ ok: true, problems: [] });

    const other = new Database(ws.dbPath);
    const changes: [string, () => unknown][] = [
      [
        'a line changed',
        () => other.prepare('UPDATE sales SET net_value = net_value + 100, sku = ? WHERE id = 300').run('SKU-0002'),
      ],
      ['a line removed', () => other.prepare('DELETE FROM sales WHERE id = 600').run()],
      ['a line added after the last', () => copyLine(other, 'NEW-1')],
      // SQLite gives the highest id out again once its line is gone: the new line lands in a kept chunk.
      [
        'the last line replaced',
        () => {
          const last = top();
          other.prepare('DELETE FROM sales WHERE id = ?').run(last);
          expect(copyLine(other, 'NEW-2').lastInsertRowid).toBe(last);
        },
      ],
      ['a line put back into a gap', () => copyLine(other, 'NEW-3', { id: 600 })],
    ];
    for (const [what, change] of changes) {
      change();
      expect(lines(read()), what).toEqual(salesInStore());
      expect(keptChunks(), what).toBe(Math.ceil(top() / chunkRows));
    }
    other.close();
  });

  it('give the lines of a narrower window, as the table does, which keeps only the chunks wholly in it', () => {
    read();
    const dates = salesInStore()
      .map((s) => s.date)
      .sort();
    const narrow = {
      from: dates[Math.floor(dates.length / 3)] as string,
      to: dates[Math.floor((2 * dates.length) / 3)] as string,
    };
    const expected = salesInStore().filter((s) => s.date >= narrow.from && s.date <= narrow.to);
    expect(expected.length).toBeLessThan(dates.length / 2);
    expect(lines(readSales(ws.db, narrow, { chunkRows }))).toEqual(expected);
    // Read from the table, only the chunks whose every line is in the window are kept.
    ws.db.exec('DELETE FROM sales_store');
    expect(lines(readSales(ws.db, narrow, { chunkRows }))).toEqual(expected);
    expect(keptChunks()).toBeLessThan(Math.ceil(top() / chunkRows));
    expect(lines(read())).toEqual(salesInStore());
    expect(keptChunks()).toBe(Math.ceil(top() / chunkRows));
  });

  it('give back document numbers of any script and length, and returns against them, from the table and kept', () => {
    // Texts of two-unit characters, empty and long, in a chunk read whole and in one narrowed.
    const credit = ws.db
      .prepare('SELECT id, against_doc_no AS against FROM sales WHERE against_doc_no IS NOT NULL LIMIT 1')
      .get() as { id: number; against: string };
    const renamed = ['बिल/१२३', '請求書-７', '😀/INV/𝟘𝟙', '', 'X'.repeat(300)];
    const rename = ws.db.prepare('UPDATE sales SET doc_no = ? WHERE id = ?');
    for (const [i, docNo] of renamed.entries()) rename.run(docNo, i + 1);
    ws.db.prepare('UPDATE sales SET doc_no = ? WHERE doc_no = ?').run('😀/INV/𝟘𝟙', credit.against);
    ws.db.prepare('UPDATE sales SET against_doc_no = ? WHERE id = ?').run('😀/INV/𝟘𝟙', credit.id);
    const all = salesInStore();
    expect(lines(read())).toEqual(all);
    expect(lines(read())).toEqual(all);
    const narrow = { from: all[0]?.date as string, to: all[0]?.date as string };
    const expected = all.filter((s) => s.date === narrow.from);
    expect(lines(readSales(ws.db, narrow, { chunkRows }))).toEqual(expected);
    expect(lines(read()).filter((s) => renamed.includes(s.docNo)).length).toBeGreaterThanOrEqual(renamed.length);
  });

  it('are kept only when read outside a transaction, on a connection that may write', () => {
    ws.db.exec('DELETE FROM sales_store');
    ws.db.transaction(() => read())();
    expect(keptChunks()).toBe(0);
    const readOnly = new Database(ws.dbPath, { readonly: true });
    expect(lines(readSales(readOnly, window, { chunkRows }))).toEqual(salesInStore());
    readOnly.close();
    expect(keptChunks()).toBe(0);
    read();
    expect(keptChunks()).toBe(Math.ceil(top() / chunkRows));
  });

  it('give way to the chunks of another size a later read keeps over them', () => {
    read();
    const sizes = () => ws.db.prepare('SELECT DISTINCT last_id - first_id FROM sales_store').pluck().all() as number[];
    expect(sizes()).toEqual([chunkRows]);
    // Kept in chunks of another size, none of these is taken; each is read and kept in their place.
    const half = chunkRows / 2;
    expect(lines(readSales(ws.db, window, { chunkRows: half }))).toEqual(salesInStore());
    expect(sizes()).toEqual([half]);
    expect(keptChunks()).toBe(Math.ceil(top() / half));
    expect(lines(readSales(ws.db, window, { chunkRows: half }))).toEqual(salesInStore());
  });

  it('leave out a chunk holding a line dated no day outside the window, and read it from the table each time', () => {
    ws.db.prepare("UPDATE sales SET doc_date = '1999-13-45' WHERE id = 10").run();
    const expected = salesInStore().filter((s) => s.id !== 10);
    expect(lines(read())).toEqual(expected);
    const kept = ws.db.prepare('SELECT first_id FROM sales_store').pluck().all() as number[];
    expect(kept).not.toContain(0);
    expect(kept).toHaveLength(Math.ceil(top() / chunkRows) - 1);
    expect(lines(read())).toEqual(expected);
  });
});
