import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { ChecksHelper } from '../../main/controls/checks-helper';
import { factChecks } from '../../main/controls/fact-checks';
import { executeRun } from '../../main/runs/execute';
import { salesWindowOf } from '../../main/runs/load-facts';
import { readSales } from '../../main/runs/read-sales';
import { getScheme, listSchemes, saveScheme } from '../../main/schemes/store';
import type { Workspace } from '../../main/workspace';
import { demoWorkspacePerTest } from '../support/workspace';

const workspaces = demoWorkspacePerTest();
let ws: Workspace;
let period: { from: string; to: string };
beforeEach(() => {
  ({ ws } = workspaces.current());
  period = ws.db.prepare('SELECT period_from AS "from", period_to AS "to" FROM runs WHERE id = 1').get() as {
    from: string;
    to: string;
  };
});

const version = () => ws.db.pragma('data_version', { simple: true }) as number;
/** What a run stored of its controls: its flags and its payees' sales basis, without ids. */
const stored = (run: number) => ({
  flags: ws.db
    .prepare('SELECT kind, payee, scheme_code, blocking, message, evidence FROM run_flags WHERE run_id = ? ORDER BY id')
    .all(run) as { kind: string; payee: string | null }[],
  basis: ws.db
    .prepare('SELECT payee, secondary, "primary" FROM run_sales_basis WHERE run_id = ? ORDER BY payee')
    .all(run) as { payee: string }[],
});

describe('the fact checks worked out on a second thread beside a run', () => {
  it('are what the run works out itself, over the same lines', () => {
    const before = version();
    const sales = readSales(ws.db, salesWindowOf(period));
    const helper = ChecksHelper.beside(ws.db, before, { period, window: salesWindowOf(period), sales, fromLines: 0 });
    expect(helper).not.toBeNull();
    const found = helper?.answer();
    const here = factChecks(ws.db, period, sales);
    // The demo month raises fact signals (its dummy outlets, its period-end spike) for its payees.
    expect(here.flags.map((f) => f.kind)).toEqual(expect.arrayContaining(['shared-identity', 'period-end-spike']));
    expect(found).toEqual(here);
  });

  it('are not taken when another connection committed after the run read its lines', () => {
    const before = version();
    const sales = readSales(ws.db, salesWindowOf(period));
    const helper = ChecksHelper.beside(ws.db, before, { period, window: salesWindowOf(period), sales, fromLines: 0 });
    const other = new Database(ws.db.name);
    other.exec('CREATE TABLE touched (x); DROP TABLE touched;');
    other.close();
    expect(helper?.answer()).toBeNull();
  });

  it('are not started for fewer lines than pay for a thread, or inside a transaction', () => {
    const sales = readSales(ws.db, salesWindowOf(period));
    const run = { period, window: salesWindowOf(period), sales };
    expect(ChecksHelper.beside(ws.db, version(), run)).toBeNull();
    expect(ws.db.transaction(() => ChecksHelper.beside(ws.db, version(), { ...run, fromLines: 0 }))()).toBeNull();
  });

  it('give a run the flags and sales basis the run gives itself', () => {
    const beside = executeRun(ws.db, { ...period, user: 'tester', checksBesideFromLines: 0 });
    const alone = executeRun(ws.db, { ...period, user: 'tester' });
    expect(stored(beside.run).flags.length).toBeGreaterThan(0);
    expect(stored(beside.run)).toEqual(stored(alone.run));
    expect(stored(beside.run)).toEqual(stored(1));
  });

  it("flag only the run's payees, though they are worked out for every distributor", () => {
    const spiked = 'D007';
    const all = factChecks(ws.db, period, readSales(ws.db, salesWindowOf(period)));
    expect(all.flags.some((f) => f.payee === spiked)).toBe(true);
    const code = listSchemes(ws.db)[0]?.code ?? '';
    const scheme = getScheme(ws.db, code);
    saveScheme(
      ws.db,
      { ...scheme, code: 'WITHOUT-D007', eligibility: { ...scheme?.eligibility, exclude: [spiked] } },
      'tester',
    );
    for (const fromLines of [0, undefined]) {
      const run = executeRun(ws.db, {
        ...period,
        user: 'tester',
        schemes: ['WITHOUT-D007'],
        checksBesideFromLines: fromLines,
      });
      const payees = new Set(
        ws.db.prepare('SELECT DISTINCT payee FROM payout_lines WHERE run_id = ?').pluck().all(run.run) as string[],
      );
      expect(payees.has(spiked)).toBe(false);
      const { flags, basis } = stored(run.run);
      const factKinds = new Set<string>(all.flags.map((f) => f.kind));
      expect(flags.filter((f) => factKinds.has(f.kind)).map((f) => f.payee)).toEqual(
        all.flags.filter((f) => f.payee !== null && payees.has(f.payee)).map((f) => f.payee),
      );
      expect(flags.length).toBeGreaterThan(0);
      expect(basis.map((b) => b.payee)).toEqual(
        all.basis
          .map(([payee]) => payee)
          .filter((payee) => payees.has(payee))
          .sort(),
      );
    }
  });
});
