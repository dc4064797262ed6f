import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../engine/calculate';
import { Exact } from '../../engine/money';
import { createWorkspaceApi } from '../../main/api/handlers';
import { approveRun, submitRun } from '../../main/review/actions';
import { unpackIds } from '../../main/runs/source-ids';
import type { Workspace } from '../../main/workspace';
import { demoWorkspacePerTest } from '../support/workspace';

const workspaces = demoWorkspacePerTest();
let ws: Workspace;
let dir: string;
beforeEach(() => {
  ({ ws, dir } = workspaces.current());
});

const volume = (code: string, rate: string) => ({
  code,
  name: `Volume ${code}`,
  objective: 'volume',
  period: { from: '2026-10-01', to: '2026-10-31' },
  measure: { kind: 'product_volume', basis: 'value' },
  slabs: { basis: 'measure', mode: 'retro', table: [{ from: '0', to: null, rate }] },
  reward: { type: 'percent_of_value' },
});

describe('schemes in the store and runs over the workspace', () => {
  it('keeps every save as a new version, validates with named errors, and retires', async () => {
    const api = createWorkspaceApi(ws);
    const first = await api.call('schemes.save', { definition: volume('T1', '1') });
    expect(first).toMatchObject({ ok: true, value: { code: 'T1', version: 1, kind: 'product_volume' } });
    const second = await api.call('schemes.save', { definition: volume('T1', '2') });
    expect(second.ok && second.value.version).toBe(2);
    const older = await api.call('schemes.get', { code: 'T1', version: 1 });
    expect(older.ok && older.value.slabs.table[0]?.rate).toBe('1');

    const broken = {
      ...volume('T2', '1'),
      slabs: {
        basis: 'measure',
        mode: 'retro',
        table: [
          { from: '0', to: '10', rate: '1' },
          { from: '5', to: null, rate: '2' },
        ],
      },
    };
    const check = await api.call('schemes.validate', { definition: broken });
    expect(check.ok && check.value.problems).toEqual([
      { path: 'slabs.table.1.from', message: 'slab 1 (0–10) and slab 2 (5–…) overlap from 5 to 10' },
    ]);
    expect(await api.call('schemes.save', { definition: broken })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    const unknownSku = await api.call('schemes.validate', {
      definition: { ...volume('T3', '1'), products: { skus: ['NOPE'] } },
    });
    expect(unknownSku.ok && unknownSku.value.problems.map((p) => p.message)).toEqual(['unknown SKUs: NOPE']);

    await api.call('schemes.retire', { code: 'T1' });
    const list = await api.call('schemes.list', {});
    expect(list.ok && list.value.find((s) => s.code === 'T1')?.status).toBe('retired');
  });

  it('calculates a run in a worker, records versions, inputs and engine, and reproduces it to the paisa', async () => {
    const api = createWorkspaceApi(ws);
    await api.call('schemes.save', { definition: volume('T1', '1.25') });
    const phases: string[] = [];
    const shares: number[] = [];
    const run = await api.call(
      'runs.create',
      { from: '2026-10-01', to: '2026-10-31', schemes: ['T1'] },
      {
        onProgress: (p) => {
          phases.push(p.phase);
          shares.push(p.done / p.total);
        },
      },
    );
    if (!run.ok) throw new Error(run.error.message);
    expect(phases).toContain('Calculated T1');
    expect(phases.at(-1)).toBe('Checking the run against the controls');
    // One bar across every stage, that never goes back.
    expect(shares.every((share, i) => i === 0 || share >= (shares[i - 1] ?? 0))).toBe(true);
    expect(shares.at(-1)).toBeGreaterThan(0.9);
    const again = await api.call('runs.create', { from: '2026-10-01', to: '2026-10-31', schemes: ['T1'] });
    expect(again.ok && again.value.total).toBe(run.value.total);

    // The total is the sum of lines each rounded once: 1.25% of each distributor's net secondary sales.
    const expected = ws.db
      .prepare(
        `SELECT sum((net * 125 + 5000) / 10000) AS paise FROM (
           SELECT distributor_code, max(sum(net_value), 0) AS net FROM sales
           WHERE outlet_code IS NOT NULL AND doc_date BETWEEN '2026-10-01' AND '2026-10-31' GROUP BY distributor_code)`,
      )
      .get() as { paise: number };
    expect(run.value.total).toBe((expected.paise / 100).toFixed(2));

    const stored = ws.db
      .prepare('SELECT engine_version, scheme_versions, inputs FROM runs WHERE id = ?')
      .get(run.value.run) as {
      engine_version: string;
      scheme_versions: string;
      inputs: string;
    };
    expect(stored.engine_version).toBe(ENGINE_VERSION);
    expect(JSON.parse(stored.scheme_versions)).toEqual([{ code: 'T1', version: 1, id: expect.any(Number) }]);
    expect(JSON.parse(stored.inputs).every((b: { sha256: string }) => /^[0-9a-f]{64}$/.test(b.sha256))).toBe(true);

    const lines = await api.call('review.lines', { run: run.value.run, startRow: 0, endRow: 100 });
    if (!lines.ok) throw new Error(lines.error.message);
    expect(lines.value.totals?.lines).toBe(12);
    const line = lines.value.rows[0];
    const trace = await api.call('review.trace', { line: Number(line?.id) });
    if (!trace.ok) throw new Error(trace.error.message);
    expect(trace.value.explanation).toMatch(/net sales ₹[\d.,]+ after returns; slab 1 \(₹0 and above\): 1.25%/);
    // The trace's source rows are exactly the payee's secondary lines of the month.
    const packed = ws.db.prepare('SELECT source_ids FROM payout_lines WHERE id = ?').get(line?.id) as {
      source_ids: Buffer;
    };
    const ids = ws.db
      .prepare(
        `SELECT id FROM sales WHERE distributor_code = ? AND outlet_code IS NOT NULL AND doc_date BETWEEN '2026-10-01' AND '2026-10-31' ORDER BY id`,
      )
      .all(line?.payee)
      .map((r) => (r as { id: number }).id);
    expect(trace.value.sourceCount).toBe(ids.length);
    const sources = await api.call('review.sources', { line: Number(line?.id), limit: 5000 });
    if (!sources.ok) throw new Error(sources.error.message);
    expect(sources.value.rows.map((r) => r.id)).toEqual(ids);
    expect(sources.value.rows[0]).toMatchObject({ file: expect.stringMatching(/\.xlsx$/), row: expect.any(Number) });
    expect(unpackIds(packed.source_ids)).toEqual(ids);
  });

  it('reads a catch-up span that begins before the lookback, in a run and in a preview', async () => {
    // Last year's July, beyond the 400 days a run reads before October 2026: a catch-up since
    // 1 July 2025 counts it, against a fixed target of ₹1 a month over the sixteen months.
    const file = join(dir, 'july-2025.csv');
    writeFileSync(
      file,
      'doc_type,doc_no,doc_date,distributor_code,outlet_code,sku,qty,net_value\ninvoice,OLD-1,2025-07-15,D001,O00001,SKU-0001,5,123456.78\n',
    );
    const api = createWorkspaceApi(ws);
    const imported = await api.call('import.run', { path: file, kind: 'sales' });
    if (!imported.ok) throw new Error(imported.error.message);
    const scheme = {
      ...volume('CU', '1'),
      target: { type: 'fixed', value: '1' },
      slabs: { basis: 'achievement', mode: 'retro', table: [{ from: '0', to: null, rate: '1' }] },
      catchUp: { since: '2025-07-01' },
    };
    const { paise } = ws.db
      .prepare(
        `SELECT sum(net_value) AS paise FROM sales WHERE distributor_code = 'D001' AND outlet_code IS NOT NULL
           AND doc_date BETWEEN '2025-07-01' AND '2026-10-31'`,
      )
      .get() as { paise: number };
    // 1% of the whole span's net sales, rounded once; nothing paid before.
    const expected = new Exact(paise).dividedBy(100).toDecimalPlaces(0, Exact.ROUND_HALF_UP).toNumber();
    const preview = await api.call('schemes.preview', { definition: scheme, from: '2026-10-01', to: '2026-10-31' });
    if (!preview.ok) throw new Error(preview.error.message);
    const d001 = preview.value.lines.find((l) => l.payee === 'D001');
    expect(d001?.final).toBe(new Exact(expected).dividedBy(100).toFixed(2));
    expect(d001?.explanation).toContain('target 16 →');
    await api.call('schemes.save', { definition: scheme });
    const run = await api.call('runs.create', { from: '2026-10-01', to: '2026-10-31', schemes: ['CU'] });
    if (!run.ok) throw new Error(run.error.message);
    const line = ws.db
      .prepare("SELECT final FROM payout_lines WHERE run_id = ? AND payee = 'D001' AND kind = 'payout'")
      .get(run.value.run) as { final: number };
    expect(line.final).toBe(expected);
  });

  /** The first `n` outlets of D001 the demo never billed. */
  const unbilledOutlets = (n: number) =>
    ws.db
      .prepare(
        `SELECT code FROM outlets o WHERE distributor_code = 'D001'
           AND NOT EXISTS (SELECT 1 FROM sales s WHERE s.outlet_code = o.code) ORDER BY code LIMIT ?`,
      )
      .pluck()
      .all(n) as string[];
  /** Imports one bill of ₹1,500 a line by D001, [doc no, date, outlet, SKU] each. */
  const importBills = async (name: string, bills: [string, string, string, string][]) => {
    const file = join(dir, name);
    const rows = bills.map(([docNo, date, outlet, sku]) => `invoice,${docNo},${date},D001,${outlet},${sku},5,1500.00`);
    writeFileSync(
      file,
      `doc_type,doc_no,doc_date,distributor_code,outlet_code,sku,qty,net_value\n${rows.join('\n')}\n`,
    );
    const imported = await createWorkspaceApi(ws).call('import.run', { path: file, kind: 'sales' });
    if (!imported.ok) throw new Error(imported.error.message);
  };
  const counting = (code: string, measure: object, skus: string[] = []) => ({
    code,
    name: `Outlets ${code}`,
    objective: 'penetration',
    period: { from: '2026-10-01', to: '2026-10-31' },
    measure,
    products: { skus },
    slabs: { basis: 'measure', mode: 'retro', table: [{ from: '0', to: null, rate: '200' }] },
    reward: { type: 'per_count' },
  });
  /** D001's count and payout in October by a preview of `definition`. */
  const d001 = async (definition: object) => {
    const preview = await createWorkspaceApi(ws).call('schemes.preview', {
      definition,
      from: '2026-10-01',
      to: '2026-10-31',
    });
    if (!preview.ok) throw new Error(preview.error.message);
    const line = preview.value.lines.find((l) => l.payee === 'D001');
    return { count: Number(line?.measure ?? 0), final: Number(line?.final ?? 0) };
  };

  it('counts an outlet reactivated whose earlier billing lies before the lookback, through the scheme’s products', async () => {
    // An outlet of D001 never billed in the demo buys SKU-0001 in October 2026; its only earlier
    // bill, of SKU-0002 in July 2025, lies beyond the 400 days a run reads. Dormant for fifteen
    // months, it is reactivated (₹200 more), in a preview and a run; under a scheme of SKU-0001
    // alone it was never billed before, and is not.
    const [outlet] = unbilledOutlets(1) as [string];
    const reactivation = { kind: 'reactivation', dormantDays: 90 };
    await importBills('october.csv', [['BACK-1', '2026-10-12', outlet, 'SKU-0001']]);
    const all = await d001(counting('RA', reactivation));
    const one = await d001(counting('RB', reactivation, ['SKU-0001']));
    await importBills('july-2025.csv', [['OLD-1', '2025-07-15', outlet, 'SKU-0002']]);
    const after = await d001(counting('RA', reactivation));
    expect(after).toEqual({ count: all.count + 1, final: all.final + 200 });
    expect(await d001(counting('RB', reactivation, ['SKU-0001']))).toEqual(one);

    const api = createWorkspaceApi(ws);
    await api.call('schemes.save', { definition: counting('RA', reactivation) });
    const run = await api.call('runs.create', { from: '2026-10-01', to: '2026-10-31', schemes: ['RA'] });
    if (!run.ok) throw new Error(run.error.message);
    const line = ws.db
      .prepare("SELECT final FROM payout_lines WHERE run_id = ? AND payee = 'D001' AND kind = 'payout'")
      .get(run.value.run) as { final: number };
    expect(line.final).toBe(after.final * 100);
  });

  it('counts as new an outlet billed for the first time, opened when it may be, and not one billed before the lookback', async () => {
    // Three outlets of D001 the demo never billed buy in October. The master says A was opened in
    // September (after the demo's first bill, in June): new, where the outlet master's day had
    // counted only outlets opened in October. B was opened in 2020, before any bill the workspace
    // holds: its earlier bills are unknown, not new. C, opened in September too, was billed in July
    // 2025, beyond the 400 days a run reads: not new.
    const [a, b, c] = unbilledOutlets(3) as [string, string, string];
    // The outlets master says when each was opened, imported as a user updates the masters.
    const masters = join(dir, 'outlets-opened.csv');
    const rows = ws.db
      .prepare('SELECT code, name, distributor_code FROM outlets WHERE code IN (?, ?, ?) ORDER BY code')
      .raw()
      .all(a, b, c) as string[][];
    const day = (code: string | undefined) => (code === b ? '2020-01-01' : '2026-09-15');
    writeFileSync(
      masters,
      `Code,Name,Distributor Code,Created On\n${rows.map((r) => `${r.join(',')},${day(r[0])}`).join('\n')}\n`,
    );
    const updated = await createWorkspaceApi(ws).call('import.run', {
      path: masters,
      kind: 'outlets',
      updateMasters: true,
    });
    if (!updated.ok) throw new Error(updated.error.message);
    expect(ws.db.prepare('SELECT created_on FROM outlets WHERE code = ?').pluck().get(b)).toBe('2020-01-01');
    const nca = counting('NA', { kind: 'net_channel_addition' });
    const before = await d001(nca);
    await importBills(
      'october.csv',
      [a, b, c].map((o, i) => [`NEW-${i}`, '2026-10-12', o, 'SKU-0001']),
    );
    await importBills('july-2025.csv', [['OLD-1', '2025-07-15', c, 'SKU-0001']]);
    const after = await d001(nca);
    expect(after.count).toBe(before.count + 1);
    expect(after.final).toBe(Math.max(0, after.count) * 200);
  });

  it('prints the run as JSON from the CLI, with exact amounts per scheme', () => {
    const file = join(dir, 't1.json');
    writeFileSync(file, JSON.stringify(volume('T9', '2')));
    const db = join(dir, 'workspace.sqlite');
    // The CLI opens the same file beside this connection; WAL lets both work.
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['bin/schemedesk.js', ...args, '--db', db, '--json'], { encoding: 'utf8' });
    expect(cli('schemes', 'validate', file).status).toBe(0);
    expect(JSON.parse(cli('schemes', 'add', file).stdout)).toMatchObject({ code: 'T9', version: 1 });
    const run = cli('run', '--from', '2026-10-01', '--to', '2026-10-31', '--scheme', 'T9');
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout);
    expect(printed).toMatchObject({ run: expect.any(Number), lines: 12, total: expect.stringMatching(/^\d+\.\d{2}$/) });
    expect(printed.schemes).toEqual([{ code: 'T9', version: 1, payees: 12, total: printed.total }]);
    const schema = JSON.parse(
      spawnSync(process.execPath, ['bin/schemedesk.js', 'schemes', 'schema'], { encoding: 'utf8' }).stdout,
    );
    expect(schema.properties.slabs.properties.mode.enum).toEqual(['retro', 'marginal', 'interpolated']);
  }, 60_000);

  it('claws back, in the next run, a return against an invoice an approved run paid on', async () => {
    const api = createWorkspaceApi(ws);
    await api.call('schemes.save', { definition: volume('T1', '2') });
    const october = await api.call('runs.create', { from: '2026-10-01', to: '2026-10-31', schemes: ['T1'] });
    if (!october.ok) throw new Error(october.error.message);
    submitRun(ws.db, october.value.run, { name: 'priya', role: 'preparer' });
    approveRun(ws.db, october.value.run, { name: 'arjun', role: 'approver' });
    const invoice = ws.db
      .prepare(
        `SELECT doc_no, sku FROM sales WHERE distributor_code = 'D001' AND doc_type = 'invoice' AND outlet_code IS NOT NULL
         AND doc_date BETWEEN '2026-10-01' AND '2026-10-31' ORDER BY id LIMIT 1`,
      )
      .get() as { doc_no: string; sku: string };
    const returns = join(dir, 'november-returns.csv');
    writeFileSync(
      returns,
      `Document Type,Invoice No,Date,Distributor Code,Outlet Code,SKU,Qty,Net Value,Against Document\nCredit Note,CN/NOV/1,2026-11-04,D001,O00001,${invoice.sku},1,1000.00,${invoice.doc_no}\n`,
    );
    const imported = await api.call('import.run', { path: returns, kind: 'sales' });
    expect(imported.ok && imported.value.rows).toBe(1);

    await api.call('schemes.save', {
      definition: { ...volume('T1', '2'), period: { from: '2026-11-01', to: '2026-11-30' } },
    });
    const november = await api.call('runs.create', { from: '2026-11-01', to: '2026-11-30', schemes: ['T1'] });
    if (!november.ok) throw new Error(november.error.message);
    // Every distributor with returns in November against October invoices gets one clawback line:
    // ours, and the demo's own returns that arrived after the month end.
    const returnedBy = ws.db
      .prepare(
        `SELECT c.distributor_code AS payee, -sum(c.net_value) AS paise FROM sales c
         WHERE c.doc_type = 'credit_note' AND c.doc_date BETWEEN '2026-11-01' AND '2026-11-30'
           AND c.against_doc_no IN (SELECT doc_no FROM sales WHERE doc_type = 'invoice' AND outlet_code IS NOT NULL
                                      AND doc_date BETWEEN '2026-10-01' AND '2026-10-31')
         GROUP BY c.distributor_code ORDER BY c.distributor_code`,
      )
      .all() as { payee: string; paise: number }[];
    const rate = (payee: string) =>
      (
        ws.db
          .prepare('SELECT effective_rate FROM payout_lines WHERE run_id = ? AND payee = ?')
          .get(october.value.run, payee) as {
          effective_rate: string;
        }
      ).effective_rate;
    const claws = ws.db
      .prepare(
        "SELECT payee, final, explanation FROM payout_lines WHERE run_id = ? AND kind = 'clawback' ORDER BY payee",
      )
      .all(november.value.run) as { payee: string; final: number; explanation: string }[];
    // Each: −(returned value × the rate October paid that distributor), rounded half-up to the paisa.
    expect(claws.map((c) => [c.payee, c.final])).toEqual(
      returnedBy.map((r) => [
        r.payee,
        -new Exact(r.paise).times(rate(r.payee)).toDecimalPlaces(0, Exact.ROUND_HALF_UP).toNumber(),
      ]),
    );
    const ours = claws.find((c) => c.payee === 'D001');
    expect(ours?.explanation).toMatch(
      /^clawback: ₹[\d.]+ returned against invoices paid on in the approved run for the period to 2026-10-31/,
    );
    expect(returnedBy.find((r) => r.payee === 'D001')?.paise).toBeGreaterThanOrEqual(100000);
    const expected = ours?.final ?? 0;
    expect(expected).toBeLessThan(0);
  });
});
