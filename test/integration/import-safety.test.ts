import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createWorkspaceApi } from '../../main/api/handlers';
import { datasetKinds, datasets } from '../../main/datasets/kinds';
import { readRows } from '../../main/datasets/read';
import { DEFER_INDEXES_AFTER } from '../../main/import/deferred-indexes';
import { runImport } from '../../main/import/importer';
import type { Workspace } from '../../main/workspace';
import { delimited } from '../support/files';
import { importFile } from '../support/import';
import { demoWorkspacePerTest, workspaceIn } from '../support/workspace';

const workspaces = demoWorkspacePerTest();
const tempDir = workspaces.tempDir;
let ws: Workspace;
let dir: string;
beforeEach(() => {
  ({ ws, dir } = workspaces.current());
});

/** A digest of everything in the workspace's tables: equal digests, identical databases. */
function workspaceDigest(w: Workspace): string {
  const hash = createHash('sha256');
  const tables = w.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
    name: string;
  }[];
  for (const { name } of tables) {
    hash.update(name);
    for (const row of w.db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).iterate())
      hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

/** `lines` one-line invoices numbered PREFIX/0, PREFIX/1 …; `repeat` puts another number at one line. */
function bigSalesFile(lines: number, prefix = 'BIG', repeat?: { at: number; line: string }): string {
  const rows: (string | number)[][] = [
    ['Invoice No', 'Invoice Date', 'Distributor Code', 'Outlet Code', 'SKU', 'Qty', 'Net Value'],
  ];
  for (let i = 0; i < lines; i++)
    rows.push([
      i === repeat?.at ? repeat.line : `${prefix}/${i}`,
      '15-10-2026',
      'D001',
      'O00001',
      'SKU-0001',
      1,
      '10.00',
    ]);
  const path = join(dir, `${prefix.toLowerCase()}.csv`);
  writeFileSync(path, delimited(rows));
  return path;
}

describe('an import interrupted part-way', () => {
  it('leaves the database exactly as it was when cancelled in its worker', async () => {
    const before = workspaceDigest(ws);
    const api = createWorkspaceApi(ws);
    const path = bigSalesFile(150_000);
    let cancelled = false;
    const result = await api.call(
      'import.run',
      { path, kind: 'sales' },
      {
        callId: 'big',
        onProgress: (p) => {
          if (!cancelled && (p.rows ?? 0) >= 20_000) {
            cancelled = true;
            void api.call('calls.cancel', { callId: 'big' });
          }
        },
      },
    );
    expect(cancelled).toBe(true);
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(workspaceDigest(ws)).toBe(before);
  });

  it('leaves the database exactly as it was when the import fails in the middle', async () => {
    const before = workspaceDigest(ws);
    const path = bigSalesFile(30_000);
    const dying = runImport(ws.db, { path, kind: 'sales', user: 'tester', locale: 'en-IN' }, (p) => {
      if ((p.rows ?? 0) >= 10_000) throw new Error('power cut');
    });
    await expect(dying).rejects.toThrow('power cut');
    expect(ws.db.inTransaction).toBe(false);
    expect(workspaceDigest(ws)).toBe(before);
  });
});

describe("a large import builds the table's other indexes once, at the end", () => {
  const indexes = () =>
    ws.db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sales' ORDER BY name")
      .all();

  it('drops them once it outgrows the table, and a failure after that brings them back with everything else', async () => {
    const before = workspaceDigest(ws);
    const kept = indexes();
    expect(kept.map((i) => (i as { name: string }).name)).toContain('sales_period');
    let seen: unknown[] = [];
    const dying = runImport(
      ws.db,
      { path: bigSalesFile(80_000), kind: 'sales', user: 'tester', locale: 'en-IN' },
      (p) => {
        if ((p.rows ?? 0) < DEFER_INDEXES_AFTER + 4_000) return;
        seen = indexes();
        throw new Error('power cut');
      },
    );
    await expect(dying).rejects.toThrow('power cut');
    // Mid-import no index was left: the duplicate check asks its own copy of the rows held before.
    expect(seen).toEqual([]);
    expect(indexes()).toEqual(kept);
    expect(workspaceDigest(ws)).toBe(before);
  });

  it('finds rows other imports stored, before it outgrows the table and after', async () => {
    // Two lines of the big file, stored already by an import of their own.
    const path = join(dir, 'earlier.csv');
    const earlierLines = [10, DEFER_INDEXES_AFTER + 5_000].map((i) => [
      `BIG/${i}`,
      '15-10-2026',
      'D001',
      'O00001',
      'SKU-0001',
      1,
      '10.00',
    ]);
    writeFileSync(
      path,
      delimited([
        ['Invoice No', 'Invoice Date', 'Distributor Code', 'Outlet Code', 'SKU', 'Qty', 'Net Value'],
        ...earlierLines,
      ]),
    );
    const earlier = await importFile(ws, path, { kind: 'sales' });
    expect(earlier.rows).toBe(2);
    const big = await runImport(ws.db, { path: bigSalesFile(80_000), kind: 'sales', user: 'tester', locale: 'en-IN' });
    expect(big).toMatchObject({ batch: null, rejected: 2 });
    expect(big.errors.map((e) => [e.row, e.message])).toEqual([
      [12, `already imported in batch ${earlier.batch}`],
      [DEFER_INDEXES_AFTER + 5_002, `already imported in batch ${earlier.batch}`],
    ]);
  });

  it('from a third of the rows the table holds, foreseen, builds the ordering indexes at the end and keeps those that find rows by number', async () => {
    // A table of 240,000 lines, then a file of 120,000: at 67,000 rows in, the import has not
    // brought a third of the table (80,000) but the whole file, foreseen from the bytes read, will.
    const held = await runImport(ws.db, {
      path: bigSalesFile(240_000, 'HELD'),
      kind: 'sales',
      user: 'tester',
      locale: 'en-IN',
    });
    expect(held.rows).toBe(240_000);
    const kept = indexes();
    const path = bigSalesFile(120_000, 'NEW', { at: 70_000, line: 'HELD/5' });
    let seen: { name: string }[] = [];
    const result = await runImport(
      ws.db,
      { path, kind: 'sales', user: 'tester', locale: 'en-IN', validOnly: true },
      (p) => {
        if (seen.length === 0 && (p.rows ?? 0) >= 67_000) seen = indexes() as { name: string }[];
      },
    );
    expect(seen.map((i) => i.name)).toEqual(['sales_batch', 'sales_doc']);
    // The duplicate check still asks the table, after the others went: for a row whose document
    // number it held (the rest are answered by the numbers it read once).
    expect(result.errors.map((e) => [e.row, e.message])).toEqual([[70_002, `already imported in batch ${held.batch}`]]);
    expect(result.rows).toBe(119_999);
    expect(indexes()).toEqual(kept);
    expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('keeps statement journals in memory while the lines go in, and gives the connection back as it was', async () => {
    const standard = ws.db.pragma('temp_store', { simple: true });
    let during: unknown;
    const result = await runImport(
      ws.db,
      { path: bigSalesFile(60_000), kind: 'sales', user: 'tester', locale: 'en-IN' },
      (p) => {
        if ((p.rows ?? 0) >= 10_000) during ??= ws.db.pragma('temp_store', { simple: true });
      },
    );
    expect(result.rows).toBe(60_000);
    expect(during).toBe(2);
    expect(ws.db.pragma('temp_store', { simple: true })).toBe(standard);
    // Inside a caller's transaction whose temporary database is open, SQLite refuses the change:
    // the import goes on with the connection as it is.
    ws.db.exec('CREATE TEMP TABLE scratch (x)');
    ws.db.exec('BEGIN');
    const nested = await runImport(ws.db, {
      path: bigSalesFile(1_000, 'NESTED'),
      kind: 'sales',
      user: 'tester',
      locale: 'en-IN',
    });
    ws.db.exec('COMMIT');
    expect(nested.rows).toBe(1_000);
    expect(ws.db.pragma('temp_store', { simple: true })).toBe(standard);
  });

  it('leaves every index as it was, over the new rows too', async () => {
    const kept = indexes();
    const result = await runImport(ws.db, {
      path: bigSalesFile(60_000),
      kind: 'sales',
      user: 'tester',
      locale: 'en-IN',
    });
    expect(result.rows).toBe(60_000);
    expect(indexes()).toEqual(kept);
    expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const plan = ws.db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT count(*) FROM sales WHERE doc_date = '2026-10-15' AND distributor_code = 'D001'",
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/sales_period|sales_primary/);
  });
});

describe('round trip of every canonical dataset', () => {
  it.each(datasetKinds)(
    '%s: rows written to a file and imported into a new workspace come back the same',
    async (kind) => {
      const fields = datasets[kind].fields;
      const source = readRows(ws.db, { kind, startRow: 0, endRow: 400, sortModel: [], filterModel: {} }).rows;
      const rows = [fields.map((f) => f.label), ...source.map((r) => fields.map((f) => r[f.name] ?? null))];
      const path = join(dir, `${kind}.csv`);
      writeFileSync(path, delimited(rows as (string | number | null)[][]));

      const target = await workspaceIn(tempDir());
      try {
        // Masters first, as a user would load them, so references resolve.
        for (const master of ['distributors', 'outlets', 'products'] as const) {
          if (master === kind) break;
          const all = readRows(ws.db, { kind: master, startRow: 0, endRow: 5000, sortModel: [], filterModel: {} }).rows;
          const masterPath = join(dir, `${kind}-${master}.csv`);
          const masterFields = datasets[master].fields;
          writeFileSync(
            masterPath,
            delimited([
              masterFields.map((f) => f.label),
              ...all.map((r) => masterFields.map((f) => r[f.name] ?? null)),
            ] as (string | number | null)[][]),
          );
          await importFile(target, masterPath, { kind: master });
        }
        const result = await importFile(target, path, { kind });
        expect(result.errors).toEqual([]);
        const back = readRows(target.db, { kind, startRow: 0, endRow: 400, sortModel: [], filterModel: {} }).rows;
        const strip = (r: Record<string, unknown>) =>
          Object.fromEntries(fields.map((f) => [f.name, r[f.name] ?? null]));
        expect(back.map(strip)).toEqual(source.map(strip));
      } finally {
        target.db.close();
      }
    },
  );
});
