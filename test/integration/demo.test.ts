import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createDemoWorkspace, isWorkspaceEmpty, WorkspaceNotEmptyError } from '../../main/demo/create';
import { DUMMY_OUTLET_DISTRIBUTOR, generateDemo, SPIKE_DISTRIBUTOR } from '../../main/demo/generate';
import { openWorkspace } from '../../main/store/open';
import { tempDirPerTest } from '../support/temp';
import { smallDemo } from '../support/workspace';

const tempDir = tempDirPerTest();
const small = smallDemo;
const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** Every dataset's rows in id order, without the batch bookkeeping (ids, times differ by run). */
function contents(db: Database.Database) {
  const tables = ['distributors', 'outlets', 'products', 'sales', 'receivables', 'payments', 'targets'];
  return Object.fromEntries(
    tables.map((t) => [
      t,
      (db.prepare(`SELECT * FROM ${t} ORDER BY id`).all() as Record<string, unknown>[]).map(
        ({ batch_id: _b, ...rest }) => rest,
      ),
    ]),
  );
}

describe('demo generator', () => {
  it('gives the same month for the same seed and another for another seed', () => {
    expect(digest(generateDemo(small))).toBe(digest(generateDemo(small)));
    expect(digest(generateDemo({ ...small, seed: small.seed + 1 }))).not.toBe(digest(generateDemo(small)));
  });

  it('has the shape of the issue: 50 distributors in 4 regions and 3 channels, 5,000 outlets, 200 SKUs, 100,000 secondary lines', () => {
    const files = generateDemo();
    const rows = (file: string) => files.find((f) => f.file === file)?.rows ?? [];
    const distributors = rows('distributors.xlsx');
    expect(distributors).toHaveLength(50);
    expect(new Set(distributors.map((d) => d.region)).size).toBe(4);
    expect(new Set(distributors.map((d) => d.channel)).size).toBe(3);
    expect(rows('outlets.xlsx')).toHaveLength(5000);
    expect(rows('products.xlsx')).toHaveLength(200);
    const secondary = rows('secondary-sales.xlsx');
    expect(secondary.filter((r) => r.doc_type === 'Invoice')).toHaveLength(100_000);
    expect(rows('primary-sales.xlsx').length).toBeGreaterThan(1000);
    expect(new Set(rows('receivables-2026-10-01.xlsx').map((r) => r.as_of))).toEqual(new Set(['2026-10-01']));
    expect(rows('receivables-2026-10-31.xlsx').length).toBeGreaterThan(0);
    expect(rows('targets.xlsx').length).toBe(100);

    // Credit notes, some dated after the month end.
    const notes = secondary.filter((r) => r.doc_type === 'Credit Note');
    expect(notes.length).toBeGreaterThan(500);
    expect(notes.some((n) => String(n.doc_date) > '2026-10-31')).toBe(true);
    // Payments both early (≤ 10 days after the invoice) and late.
    const invoiceDates = new Map(rows('primary-sales.xlsx').map((r) => [r.doc_no, String(r.doc_date)]));
    const lags = rows('payments.xlsx')
      .filter((p) => invoiceDates.has(p.against_doc_no))
      .map(
        (p) => (Date.parse(String(p.receipt_date)) - Date.parse(invoiceDates.get(p.against_doc_no) ?? '')) / 86_400_000,
      );
    expect(lags.some((d) => d <= 10)).toBe(true);
    expect(lags.some((d) => d > 10)).toBe(true);
  });

  it('plants the suspicious patterns: outlets sharing a phone, a month-end spike that comes back as returns', () => {
    const files = generateDemo();
    const outlets = files.find((f) => f.kind === 'outlets')?.rows ?? [];
    const byPhone = new Map<unknown, number>();
    for (const o of outlets) byPhone.set(o.phone, (byPhone.get(o.phone) ?? 0) + 1);
    const shared = [...byPhone].filter(([, n]) => n >= 6).map(([phone]) => phone);
    expect(shared).toHaveLength(1);
    expect(new Set(outlets.filter((o) => o.phone === shared[0]).map((o) => o.distributor_code))).toEqual(
      new Set([DUMMY_OUTLET_DISTRIBUTOR]),
    );

    const secondary = files.find((f) => f.file === 'secondary-sales.xlsx')?.rows ?? [];
    const spike = secondary.filter((r) => r.distributor_code === SPIKE_DISTRIBUTOR && r.doc_type === 'Invoice');
    const lastTwoDays = spike.filter((r) => String(r.doc_date) >= '2026-10-29').length / spike.length;
    expect(lastTwoDays).toBeGreaterThan(0.4);
    const returnedAfterMonth = secondary.filter(
      (r) =>
        r.distributor_code === SPIKE_DISTRIBUTOR && r.doc_type === 'Credit Note' && String(r.doc_date) > '2026-10-31',
    );
    expect(returnedAfterMonth.length).toBeGreaterThan(50);
  });
});

describe('demo workspace', () => {
  it('loads the files it writes, row for row and paisa for paisa', async () => {
    const dir = tempDir();
    const db = await openWorkspace(join(dir, 'w.sqlite'));
    const result = await createDemoWorkspace(db, { folder: join(dir, 'files'), user: 'tester', options: small });
    const files = generateDemo(small);
    const expected = (kind: string) => files.filter((f) => f.kind === kind).reduce((n, f) => n + f.rows.length, 0);
    for (const kind of Object.keys(result.tables)) expect(result.tables[kind as 'sales']).toBe(expected(kind));

    // Credit notes arrive with positive amounts and are stored negative; the net is exact.
    const sales = files.filter((f) => f.kind === 'sales').flatMap((f) => f.rows);
    const net = sales.reduce((sum, r) => sum + (r.doc_type === 'Credit Note' ? -1 : 1) * Number(r.net_value), 0);
    expect(db.prepare('SELECT sum(net_value) AS net FROM sales').get()).toEqual({ net });
    expect(
      db.prepare("SELECT count(*) AS n FROM sales WHERE doc_type = 'credit_note' AND net_value > 0").get(),
    ).toEqual({
      n: 0,
    });
    // Every row points back to its file and row.
    const traced = db.prepare(
      `SELECT b.file_name, s.source_row FROM sales s JOIN import_batches b ON b.id = s.batch_id WHERE s.doc_no = ? AND s.line_no = 1`,
    );
    const first = sales.find((r) => r.doc_type === 'Invoice');
    expect(traced.get(first?.doc_no)).toMatchObject({ file_name: expect.stringMatching(/sales\.xlsx$/) });
    const batches = db.prepare('SELECT file_name, sha256, rows_imported FROM import_batches ORDER BY id').all();
    expect(batches).toHaveLength(files.length);
    db.close();
  });

  it('loads the same content into two workspaces', async () => {
    const load = async () => {
      const dir = tempDir();
      const db = await openWorkspace(join(dir, 'w.sqlite'));
      await createDemoWorkspace(db, { folder: join(dir, 'files'), user: 'tester', options: small });
      const data = contents(db);
      db.close();
      return digest(data);
    };
    expect(await load()).toBe(await load());
  });

  it('leaves the workspace empty when loading fails part-way', async () => {
    const dir = tempDir();
    const db = await openWorkspace(join(dir, 'w.sqlite'));
    const failing = createDemoWorkspace(db, {
      folder: join(dir, 'files'),
      user: 'tester',
      options: small,
      onProgress: (p) => {
        if (p.phase.startsWith('Loading secondary')) throw new Error('disk full');
      },
    });
    await expect(failing).rejects.toThrow('disk full');
    expect(isWorkspaceEmpty(db)).toBe(true);
    expect(db.prepare('SELECT count(*) AS n FROM distributors').get()).toEqual({ n: 0 });
    db.close();
  });

  it('is only created in an empty workspace', async () => {
    const dir = tempDir();
    const db = await openWorkspace(join(dir, 'w.sqlite'));
    await createDemoWorkspace(db, { folder: join(dir, 'files'), user: 'tester', options: small });
    await expect(
      createDemoWorkspace(db, { folder: join(dir, 'files'), user: 'tester', options: small }),
    ).rejects.toThrow(WorkspaceNotEmptyError);
    db.close();
  });
});
