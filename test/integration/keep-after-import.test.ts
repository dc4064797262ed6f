import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkspaceApi } from '../../main/api/handlers';
import { KEEP_SALES_FROM_LINES } from '../../main/runs/calculator';
import { delimited } from '../support/files';
import { demoWorkspacePerTest } from '../support/workspace';

/**
 * A large sales import leaves the workspace's run worker to read and keep its lines in the
 * background (keepAllSales), so the first run after it finds them kept; a run asked for
 * meanwhile waits for that work in the same worker, and can be cancelled while it waits.
 */
const workspaces = demoWorkspacePerTest();
const october = { from: '2026-10-01', to: '2026-10-31' };

/**
 * Lines dated in November: an October run, which keeps only the ranges of row ids it read whole,
 * keeps none of them, and reads them (from the table) faster than they are kept.
 */
function largeSalesFile(dir: string): string {
  const path = join(dir, 'large sales.csv');
  const rows: (string | number)[][] = [['Invoice No', 'Invoice Date', 'Distributor Code', 'SKU', 'Qty', 'Net Value']];
  for (let i = 0; i < KEEP_SALES_FROM_LINES; i++) rows.push([`K/${i}`, '15-11-2026', 'D001', 'SKU-0001', 1, '100.00']);
  writeFileSync(path, delimited(rows));
  return path;
}

describe('the lines of a large import, kept for the next run', () => {
  it('are kept in the background, and the run after the import waits for them', async () => {
    const { ws, dir } = workspaces.current();
    const api = createWorkspaceApi(ws);
    const imported = await api.call('import.run', { path: largeSalesFile(dir), kind: 'sales' });
    expect(imported).toMatchObject({ ok: true, value: { rows: KEEP_SALES_FROM_LINES, rejected: 0 } });
    const phases: string[] = [];
    const run = await api.call('runs.create', { ...october, schemes: [] }, { onProgress: (p) => phases.push(p.phase) });
    expect(run.ok && run.value.lines).toBeGreaterThan(0);
    // Told why it waits before it begins.
    expect(phases[0]).toBe('Waiting for the sales lines to be read and kept for runs');
    expect(phases.at(-1)).not.toBe(phases[0]);
    // Every line of the workspace is kept once the run is done: the run alone would have kept none
    // of the imported ranges, and had it gone ahead beside the keeping, it would have finished first.
    const kept = ws.db.prepare('SELECT sum(count) FROM sales_store').pluck().get();
    expect(kept).toBe(ws.db.prepare('SELECT count(*) FROM sales').pluck().get());
  }, 120_000);

  it('are kept again after a roll-back dropped them', async () => {
    const { ws, dir } = workspaces.current();
    const api = createWorkspaceApi(ws);
    const kept = () => ws.db.prepare('SELECT coalesce(sum(count), 0) FROM sales_store').pluck().get();
    const lines = () => ws.db.prepare('SELECT count(*) FROM sales').pluck().get();
    expect((await api.call('import.run', { path: largeSalesFile(dir), kind: 'sales' })).ok).toBe(true);
    expect((await api.call('runs.create', { ...october, schemes: [] })).ok).toBe(true);
    expect(kept()).toBe(lines());
    // The demo's own sales came first: rolling them back drops every line kept above them.
    const demoSales = ws.db.prepare("SELECT min(id) FROM import_batches WHERE kind = 'sales'").pluck().get() as number;
    expect(await api.call('import.rollback', { batch: demoSales })).toMatchObject({ ok: true });
    expect(kept()).toBe(0);
    const phases: string[] = [];
    const run = await api.call('runs.create', { ...october, schemes: [] }, { onProgress: (p) => phases.push(p.phase) });
    expect(run.ok).toBe(true);
    expect(phases[0]).toBe('Waiting for the sales lines to be read and kept for runs');
    expect(kept()).toBe(lines());
  }, 120_000);

  it('lets a run waiting for the keeping be cancelled, and the next run then goes ahead', async () => {
    const { ws, dir } = workspaces.current();
    const api = createWorkspaceApi(ws);
    const imported = await api.call('import.run', { path: largeSalesFile(dir), kind: 'sales' });
    expect(imported.ok).toBe(true);
    const waiting = api.call('runs.create', { ...october, schemes: [] }, { callId: 'waits' });
    expect(await api.call('calls.cancel', { callId: 'waits' })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    // Answered at once, not when the keeping is done (it has not even read the lines yet).
    expect(ws.db.prepare('SELECT count(*) FROM sales_store').pluck().get()).toBe(0);
    expect(ws.db.prepare('SELECT count(*) FROM runs').pluck().get()).toBe(1);
    const run = await api.call('runs.create', { ...october, schemes: [] });
    expect(run.ok && run.value.lines).toBeGreaterThan(0);
    expect(ws.db.prepare('SELECT count(*) FROM runs').pluck().get()).toBe(2);
  }, 120_000);

  it('are not waited for by the CLI, whose process ends with its import, and are kept when the web UI opens', async () => {
    const { ws, dir } = workspaces.current();
    const imported = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'main/cli/main.ts', 'import', largeSalesFile(dir), '--kind', 'sales', '--db', ws.dbPath],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    expect(ws.db.prepare("SELECT count(*) FROM sales WHERE doc_no LIKE 'K/%'").pluck().get()).toBe(
      KEEP_SALES_FROM_LINES,
    );
    // The keeping began on a thread that held nothing open: it ended with the process, unwritten.
    expect(ws.db.prepare('SELECT count(*) FROM sales_store').pluck().get()).toBe(0);
    expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok');

    // The web UI opened over that workspace keeps them, before anyone signs in or runs anything.
    const web = spawn(
      process.execPath,
      ['--import', 'tsx', 'main/web/start.ts', '--db', ws.dbPath, '--port', '0', '--no-open'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      await expect
        .poll(() => ws.db.prepare('SELECT coalesce(sum(count), 0) FROM sales_store').pluck().get(), {
          timeout: 60_000,
          interval: 200,
        })
        .toBe(ws.db.prepare('SELECT count(*) FROM sales').pluck().get());
    } finally {
      web.kill();
    }
  }, 120_000);
});
