import { afterEach, describe, expect, it } from 'vitest';
import { createWorkspaceApi } from '../../main/api/handlers';
import type { Workspace } from '../../main/workspace';
import { tempDirPerTest } from '../support/temp';
import { workspaceIn } from '../support/workspace';

const tempDir = tempDirPerTest();
let open: Workspace[] = [];
afterEach(() => {
  for (const ws of open) ws.db.close();
  open = [];
});
async function api(demo = false) {
  const ws = await workspaceIn(tempDir(), { demo });
  open.push(ws);
  return createWorkspaceApi(ws);
}

describe('the typed API', () => {
  it('answers a bad argument with a validation error naming the field', async () => {
    const a = await api();
    const badKind = await a.callByName('data.rows', { kind: 'invoices', startRow: 0, endRow: 10 });
    expect(badKind).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(!badKind.ok && badKind.error.message).toMatch(/^kind: /);

    const negative = await a.callByName('data.rows', { kind: 'sales', startRow: -1, endRow: 10 });
    expect(!negative.ok && negative.error.message).toMatch(/^startRow: /);

    const huge = await a.callByName('data.rows', { kind: 'sales', startRow: 0, endRow: 1_000_000 });
    expect(!huge.ok && huge.error.message).toMatch(/^endRow: /);

    const notAnObject = await a.callByName('workspace.info', 'please');
    expect(notAnObject).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('answers an unknown method, and a filter on a column that does not exist, without throwing', async () => {
    const a = await api();
    expect(await a.callByName('data.drop', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    const result = await a.call('data.rows', {
      kind: 'sales',
      startRow: 0,
      endRow: 10,
      filterModel: { password: { filterType: 'text', type: 'equals', filter: 'x' } },
    });
    expect(result).toEqual({ ok: false, error: { code: 'validation', message: 'Sales has no column "password"' } });
  });

  it('turns an exception inside a handler into an internal error result', async () => {
    const ws = await workspaceIn(tempDir());
    const a = createWorkspaceApi(ws);
    ws.db.close();
    expect(await a.call('workspace.info', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'The database connection is not open' },
    });
  });

  it('lists the datasets with their row counts and serves sorted, filtered pages', async () => {
    const a = await api(true);
    const datasets = await a.call('data.datasets', {});
    if (!datasets.ok) throw new Error(datasets.error.message);
    expect(datasets.value.map((d) => [d.kind, d.rows > 0])).toEqual([
      ['distributors', true],
      ['outlets', true],
      ['products', true],
      ['sales', true],
      ['receivables', true],
      ['payments', true],
      ['targets', true],
    ]);

    const page = await a.call('data.rows', {
      kind: 'sales',
      startRow: 0,
      endRow: 5,
      sortModel: [{ colId: 'net_value', sort: 'desc' }],
      filterModel: { doc_type: { filterType: 'text', type: 'equals', filter: 'credit_note' } },
    });
    if (!page.ok) throw new Error(page.error.message);
    expect(page.value.rows).toHaveLength(5);
    expect(page.value.total).toBeGreaterThan(5);
    for (const row of page.value.rows) {
      expect(row.doc_type).toBe('credit_note');
      // Money comes back as exact decimal text in rupees, negative for a credit note.
      expect(row.net_value).toMatch(/^-\d+\.\d{2}$/);
    }
    const values = page.value.rows.map((r) => Number(r.net_value));
    expect([...values].sort((x, y) => y - x)).toEqual(values);
  });

  it('cancels the demo part-way through loading and leaves the workspace empty and writable', async () => {
    const ws = await workspaceIn(tempDir());
    open.push(ws);
    const a = createWorkspaceApi(ws);
    let cancelled = false;
    const creating = a.call(
      'demo.create',
      {},
      {
        callId: 'c1',
        onProgress: (p) => {
          if (!cancelled && p.phase.startsWith('Loading secondary')) {
            cancelled = true;
            void a.call('calls.cancel', { callId: 'c1' });
          }
        },
      },
    );
    expect(await creating).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    const info = await a.call('workspace.info', {});
    expect(info.ok && info.value.empty).toBe(true);
    expect(ws.db.prepare('SELECT count(*) AS n FROM distributors').get()).toEqual({ n: 0 });
    // The cancelled worker's write lock is gone: the workspace takes writes again.
    ws.db.prepare("INSERT INTO settings (key, value) VALUES ('after_cancel', 'yes')").run();
  });
});
