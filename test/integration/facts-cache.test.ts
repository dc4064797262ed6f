import { describe, expect, it } from 'vitest';
import { Exact, toScaledInteger } from '../../engine/money';
import { salesColumns } from '../../engine/sales-columns';
import { createWorkspaceApi } from '../../main/api/handlers';
import { runFlags } from '../../main/controls/flags';
import { saveControlSettings } from '../../main/controls/settings';
import { executeRun } from '../../main/runs/execute';
import { cachedFacts, cachedInputChecks } from '../../main/runs/facts-cache';
import { getScheme, saveScheme } from '../../main/schemes/store';
import { openWorkspace } from '../../main/store/open';
import { demoWorkspacePerTest } from '../support/workspace';

const october = { from: '2026-10-01', to: '2026-10-31' };
const volume = {
  code: 'CACHE',
  name: 'Volume, for the cache',
  objective: 'volume',
  period: october,
  measure: { kind: 'product_volume', basis: 'value' },
  slabs: { basis: 'measure', mode: 'retro', table: [{ from: '0', to: null, rate: '1' }] },
  reward: { type: 'percent_of_value' },
};

/**
 * The kept run worker reads a period's facts once while nothing changes: kept across this
 * connection's own runs, dropped when another connection commits (an import, a rollback, a
 * scheme saved), and never kept for two periods at once.
 */
describe('the facts kept between runs', () => {
  const demo = demoWorkspacePerTest();

  it('keeps the facts while only this connection writes, and reads them again after another commits', async () => {
    const { ws } = demo.current();
    const load = cachedFacts();
    const first = load(ws.db, october);
    expect(salesColumns(first.sales).count).toBeGreaterThan(0);
    expect(load(ws.db, october)).toBe(first);
    // A run this connection stores is not a fact until approved elsewhere.
    executeRun(ws.db, { ...october, user: 'priya' });
    expect(load(ws.db, october)).toBe(first);

    // Another connection commits: the facts are read again (and are the same facts).
    const other = await openWorkspace(ws.dbPath);
    saveScheme(other, volume, 'arjun');
    other.close();
    const second = load(ws.db, october);
    expect(second).not.toBe(first);
    expect(second).toEqual(first);

    // One period at a time: asking for another drops the first.
    const november = load(ws.db, { from: '2026-11-01', to: '2026-11-30' });
    expect(november).not.toBe(second);
    expect(load(ws.db, october)).not.toBe(second);
  });

  it('serves a job asking fewer reactivation filters from the facts kept, and reads both filters for another', () => {
    const { ws } = demo.current();
    const load = cachedFacts();
    const [all, one] = [
      JSON.stringify({ skus: [], brands: [], categories: [] }),
      JSON.stringify({ skus: ['SKU-0001'], brands: [], categories: [] }),
    ];
    const run = load(ws.db, { ...october, billedBefore: [all] });
    // A what-if of one volume scheme after the run: the same facts.
    expect(load(ws.db, october)).toBe(run);
    // Another filter: read again, for both, so that either is served after it.
    const both = load(ws.db, { ...october, billedBefore: [one] });
    expect(both).not.toBe(run);
    expect(load(ws.db, { ...october, billedBefore: [all] })).toBe(both);
    // The demo's history begins in June 2026: before the lookback of October there is no billing.
    expect(both.billedBefore).toEqual([]);
  });

  it('checks the saved inputs of a run again only once another connection commits, and finds SQL written there', async () => {
    const { ws } = demo.current();
    const check = cachedInputChecks();
    const first = check(ws.db);
    expect(first).toEqual([]);
    // A run this connection stores changes no input: the answer is kept, the masters not digested again.
    executeRun(ws.db, { ...october, user: 'priya', inputs: check });
    expect(check(ws.db)).toBe(first);
    // Another connection writes a distributor's class with SQL: asked again, and found.
    const other = await openWorkspace(ws.dbPath);
    other.prepare("UPDATE distributors SET class = 'Platinum' WHERE code = 'D001'").run();
    other.close();
    expect(check(ws.db)).toEqual(['the masters were changed outside SchemeDesk since the last import']);
    expect(() => executeRun(ws.db, { ...october, user: 'priya', inputs: check })).toThrow(/No run is calculated/);
  });

  it('flags a second run over kept facts as the first, and again when the thresholds change', () => {
    const { ws } = demo.current();
    const load = cachedFacts();
    const flagsOf = (run: number) => runFlags(ws.db, run).map(({ id: _id, ...flag }) => flag);
    const first = executeRun(ws.db, { ...october, user: 'priya', facts: load }).run;
    const second = executeRun(ws.db, { ...october, user: 'priya', facts: load }).run;
    const found = flagsOf(first);
    expect(found.map((f) => f.kind)).toContain('shared-identity');
    expect(flagsOf(second)).toEqual(found);

    // The demo's dummy outlets are six to a phone: at seven to a phone, none is flagged.
    saveControlSettings(ws.db, { sharedIdOutlets: 7 }, 'admin');
    const third = executeRun(ws.db, { ...october, user: 'priya', facts: load }).run;
    expect(flagsOf(third).map((f) => f.kind)).not.toContain('shared-identity');
    expect(flagsOf(third)).toEqual(found.filter((f) => f.kind !== 'shared-identity'));
  });

  it('answers previews and runs through one kept worker, two at once, and sees a rollback made meanwhile', async () => {
    const { ws } = demo.current();
    const api = createWorkspaceApi(ws);
    const preview = async () => {
      const answer = await api.call('schemes.preview', { definition: volume, ...october });
      if (!answer.ok) throw new Error(answer.error.message);
      return answer.value.total;
    };
    const before = await preview();
    expect(Number(before)).toBeGreaterThan(0);
    expect(await preview()).toBe(before);

    // Two jobs at once: the second goes to a worker of its own; both finish.
    const [run, again] = await Promise.all([
      api.call('runs.create', { ...october, schemes: [] }),
      api.call('schemes.preview', { definition: volume, ...october }),
    ]);
    expect(run.ok && run.value.lines).toBeGreaterThan(0);
    expect(again.ok && again.value.total).toBe(before);

    // The sales are rolled back on the window's connection: the kept facts must not outlive them.
    const batches = await api.call('import.batches', {});
    if (!batches.ok) throw new Error(batches.error.message);
    const sales = batches.value.filter((b) => b.kind === 'sales' && b.status === 'imported');
    expect(sales.length).toBeGreaterThan(0);
    for (const batch of sales) expect((await api.call('import.rollback', { batch: batch.id })).ok).toBe(true);
    expect(ws.db.prepare('SELECT count(*) AS n FROM sales').get()).toEqual({ n: 0 });
    expect(await preview()).toBe('0.00');
  }, 60_000);
});

describe('what-if before launch', () => {
  const demo = demoWorkspacePerTest();

  it('prices a changed scheme against the saved one and two drafts side by side, and leaves nothing behind', async () => {
    const { ws } = demo.current();
    const api = createWorkspaceApi(ws);
    const counts = () =>
      ws.db
        .prepare(
          'SELECT (SELECT count(*) FROM runs) AS runs, (SELECT count(*) FROM payout_lines) AS lines, (SELECT count(*) FROM audit_log) AS audit',
        )
        .get();
    const before = counts();
    const saved = getScheme(ws.db, 'VOL-BEV-202610');
    if (!saved) throw new Error('the demo has no VOL-BEV-202610');
    const richer = {
      ...saved,
      budget: undefined,
      slabs: {
        ...saved.slabs,
        table: saved.slabs.table.map((s) => ({ ...s, rate: new Exact(s.rate).times(2).toString() })),
      },
    };
    const answer = await api.call('schemes.whatif', { definition: richer, ...october });
    if (!answer.ok) throw new Error(answer.error.message);
    const w = answer.value;
    expect(w.against).toMatchObject({ code: 'VOL-BEV-202610', saved: true });
    const paise = (rupees = '0') => BigInt(toScaledInteger(rupees, 2));
    expect(paise(w.change?.total)).toBe(paise(w.variant.total) - paise(w.against?.total));
    expect(paise(w.variant.total)).toBeGreaterThan(paise(w.against?.total));
    expect(w.variant.payees).toBe(w.variant.lines.filter((l) => paise(l.final) > 0n).length);

    // Two drafts side by side: the new code has no saved scheme, so it is compared only with --vs.
    const draft = { ...richer, code: 'VOL-DRAFT' };
    const alone = await api.call('schemes.whatif', { definition: draft, ...october });
    expect(alone.ok && alone.value.against).toBeNull();
    const sideBySide = await api.call('schemes.whatif', { definition: draft, vs: saved, ...october });
    expect(sideBySide.ok && sideBySide.value.change?.total).toBe(w.change?.total);
    expect(counts()).toEqual(before);
  }, 60_000);
});
