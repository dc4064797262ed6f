import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Exact, paiseToRupees, toScaledInteger } from '../../engine/money';
import { createWorkspaceApi } from '../../main/api/handlers';
import { acknowledgeFlags, runFlags } from '../../main/controls/flags';
import { controlSettingsSchema, saveControlSettings } from '../../main/controls/settings';
import {
  duplicateInvoices,
  lateFirstBills,
  periodEndSpikes,
  type RunScope,
  sharedIdentity,
  tokenBills,
} from '../../main/controls/signals';
import { slabEdges } from '../../main/controls/slab-edge';
import { approveRun, submitRun } from '../../main/review/actions';
import { reviewLines } from '../../main/review/lines';
import { overrideLines } from '../../main/review/overrides';
import { approvalSummary } from '../../main/review/summary';
import type { Actor } from '../../main/review/workflow';
import { executeRun } from '../../main/runs/execute';
import { loadFacts } from '../../main/runs/load-facts';
import { unpackIds } from '../../main/runs/source-ids';
import { getScheme, saveScheme } from '../../main/schemes/store';
import { schemeOf } from '../support/facts';
import { delimited, type FixtureCell, writeText } from '../support/files';
import { handMadeWorkspace, twoSlabVolume } from '../support/hand-made';
import { importFile } from '../support/import';
import { demoWorkspacePerTest } from '../support/workspace';

const priya: Actor = { name: 'priya', role: 'preparer' };
const arjun: Actor = { name: 'arjun', role: 'approver' };

/** What flagRun gives the controls: the period, its payees, and the sales lines a run of it reads. */
const scope = (
  db: Database.Database,
  payees: string[],
  period = { from: '2026-10-01', to: '2026-10-31' },
): RunScope => ({
  run: 0,
  ...period,
  payees: new Set(payees),
  settings: controlSettingsSchema.parse({}),
  money: (paise) => `₹${paiseToRupees(paise)}`,
  sales: loadFacts(db, period).sales,
});
const kindsAndPayees = (flags: { kind: string; payee: string | null }[]) => flags.map((f) => `${f.kind} ${f.payee}`);

describe('anomaly signals, each on data built to raise it and data built not to', () => {
  it('outlets sharing a phone or GSTIN under different names; an address only within one distributor', async () => {
    const { db, make } = await handMadeWorkspace();
    for (const d of ['D1', 'D2', 'D3']) make.distributor(d);
    make.outlet('O1', 'D1', { name: 'Alpha Stores', phone: '+91 98765 43210' });
    make.outlet('O2', 'D2', { name: 'Beta Mart', phone: '098765-43210' });
    // The same phone under the same name is one shop written twice, not two.
    make.outlet('O3', 'D3', { name: 'Gamma', phone: '9123456789' });
    make.outlet('O4', 'D3', { name: 'gamma ', phone: '9123456789' });
    // Three names at one address and town under D1; the same address across distributors is a market.
    for (const [code, d] of [
      ['A1', 'D1'],
      ['A2', 'D1'],
      ['A3', 'D1'],
      ['M1', 'D1'],
      ['M2', 'D2'],
      ['M3', 'D3'],
    ] as const)
      make.outlet(code, d, {
        name: `Shop ${code}`,
        address: code.startsWith('A') ? 'Shop 12, Main Bazaar' : 'Shop 7, Ring Road',
        town: 'Pune',
      });
    for (const code of ['O1', 'O3', 'A1', 'M1']) make.bill('D1', code, '2026-10-10', 500);
    const flags = sharedIdentity(db, scope(db, ['D1', 'D2', 'D3']));
    expect(kindsAndPayees(flags).sort()).toEqual(['shared-identity D1', 'shared-identity D1', 'shared-identity D2']);
    expect(flags.find((f) => f.message.includes('phone'))?.message).toContain('O1 (D1), O2 (D2)');
    expect(flags.find((f) => f.message.includes('address'))?.evidence.ids).toHaveLength(3);
    // Nothing billed in the period among them: nothing to gain, nothing flagged.
    expect(sharedIdentity(db, scope(db, ['D1', 'D2', 'D3'], { from: '2026-11-01', to: '2026-11-30' }))).toEqual([]);
  });

  it('first bills in the last days of the period, from two outlets of a distributor', async () => {
    const { db, make } = await handMadeWorkspace();
    make.distributor('D1');
    for (const o of ['O1', 'O2', 'O3']) make.outlet(o, 'D1');
    make.bill('D1', 'O1', '2026-10-30', 100);
    make.bill('D1', 'O2', '2026-10-31', 100);
    expect(kindsAndPayees(lateFirstBills(db, scope(db, ['D1'])))).toEqual(['late-first-bill D1']);
    // A second distributor flagged beside it: each flag carries its own outlets' bills as evidence.
    make.distributor('D2');
    for (const o of ['O4', 'O5']) make.outlet(o, 'D2');
    make.bill('D2', 'O4', '2026-10-29', 50);
    make.bill('D2', 'O5', '2026-10-31', 50);
    make.bill('D2', 'O4', '2026-10-31', 20);
    const billsOf = (...outlets: string[]) =>
      db
        .prepare(`SELECT id FROM sales WHERE outlet_code IN (${outlets.map(() => '?').join(', ')}) ORDER BY id`)
        .pluck()
        .all(...outlets);
    expect(lateFirstBills(db, scope(db, ['D1', 'D2'])).map((f) => [f.payee, f.evidence.ids])).toEqual([
      ['D1', billsOf('O1', 'O2')],
      ['D2', billsOf('O4', 'O5')],
    ]);
    // O2 had bought before: only one first bill at the end, below the two that raise it.
    make.bill('D1', 'O2', '2026-09-15', 100);
    expect(lateFirstBills(db, scope(db, ['D1']))).toEqual([]);
  });

  it('a period-end spike only when returns take it back after the period, and only above its own norm', async () => {
    const { db, make } = await handMadeWorkspace();
    make.distributor('D1');
    make.outlet('O1', 'D1');
    make.bill('D1', 'O1', '2026-10-05', 1000);
    const spike = make.bill('D1', 'O1', '2026-10-30', 9000);
    expect(periodEndSpikes(db, scope(db, ['D1']))).toEqual([]);
    make.credit('D1', 'O1', '2026-11-03', 2000, spike);
    const [flag] = periodEndSpikes(db, scope(db, ['D1']));
    expect(flag?.kind).toBe('period-end-spike');
    expect(flag?.message).toContain('90% of its period in the last 3 days');
    // A distributor that always bills at month end has that as its norm.
    make.bill('D1', 'O1', '2026-09-05', 1000);
    make.bill('D1', 'O1', '2026-09-29', 9000);
    expect(periodEndSpikes(db, scope(db, ['D1']))).toEqual([]);
  });

  it('duplicate invoices: same outlet, day and lines under two numbers; not on another day', async () => {
    const { db, make } = await handMadeWorkspace();
    make.distributor('D1');
    make.outlet('O1', 'D1');
    make.bill('D1', 'O1', '2026-10-10', 750, 'SI/100');
    make.bill('D1', 'O1', '2026-10-11', 750, 'SI/101');
    expect(duplicateInvoices(db, scope(db, ['D1']))).toEqual([]);
    make.bill('D1', 'O1', '2026-10-10', 750, 'SI/102');
    const [flag] = duplicateInvoices(db, scope(db, ['D1']));
    expect(flag?.message).toContain('SI/100');
    expect(flag?.message).toContain('SI/102');
    expect(flag?.evidence.ids).toHaveLength(2);
  });

  it('duplicate invoices among thousands of bills: every copy found, no other bill flagged', async () => {
    const { db, make } = await handMadeWorkspace();
    make.distributor('D1');
    make.outlet('O1', 'D1');
    // 3,000 bills of distinct amounts over the month, so their keys crowd the table that finds
    // repeated ones, and five of them billed again under a new number on the same day.
    for (let n = 0; n < 3000; n++)
      make.bill('D1', 'O1', `2026-10-${String(1 + (n % 28)).padStart(2, '0')}`, 100 + n, `SI/${n}`);
    const copied = [7, 512, 1499, 2048, 2999];
    for (const n of copied)
      make.bill('D1', 'O1', `2026-10-${String(1 + (n % 28)).padStart(2, '0')}`, 100 + n, `SI/${n}-B`);
    const flags = duplicateInvoices(db, scope(db, ['D1']));
    expect(flags.map((f) => f.message.split(' as ')[1]).sort()).toEqual(copied.map((n) => `SI/${n}, SI/${n}-B`).sort());
  });

  it('outlets counted on one tiny bill each, from three under a distributor', async () => {
    const { db, make } = await handMadeWorkspace();
    make.distributor('D1');
    for (const o of ['O1', 'O2', 'O3']) {
      make.outlet(o, 'D1');
      make.bill('D1', o, '2026-10-20', 120);
    }
    expect(kindsAndPayees(tokenBills(db, scope(db, ['D1'])))).toEqual(['token-bills D1']);
    // Another distributor's bills to one of them are its own billing of the outlet, not D1's.
    make.distributor('D2');
    make.bill('D2', 'O1', '2026-10-21', 120);
    make.bill('D2', 'O1', '2026-10-23', 120);
    expect(kindsAndPayees(tokenBills(db, scope(db, ['D1', 'D2'])))).toEqual(['token-bills D1']);
    make.bill('D1', 'O3', '2026-10-22', 120);
    expect(tokenBills(db, scope(db, ['D1']))).toEqual([]);
  });

  it('measures bunched just above a slab, not when as many fall just short', async () => {
    const { db, make } = await handMadeWorkspace();
    const payees = ['D1', 'D2', 'D3', 'D4'];
    for (const d of payees) {
      make.distributor(d);
      make.outlet(`O-${d}`, d);
    }
    saveScheme(db, twoSlabVolume, 'tester');
    // Every payee bills exactly one outlet, right on this scheme's threshold: a count, not design.
    saveScheme(
      db,
      {
        ...twoSlabVolume,
        code: 'OUT',
        name: 'Outlets',
        measure: { kind: 'billed_outlets' },
        slabs: { basis: 'measure', mode: 'retro', table: [{ from: '1', to: null, rate: '100' }] },
        reward: { type: 'per_count' },
      },
      'tester',
    );
    const measures = { D1: 100_500, D2: 101_000, D3: 100_200, D4: 60_000 };
    for (const [d, rupees] of Object.entries(measures)) make.bill(d, `O-${d}`, '2026-10-10', rupees);
    const bunched = executeRun(db, { from: '2026-10-01', to: '2026-10-31', user: 'tester' }).run;
    expect(kindsAndPayees(slabEdges(db, { ...scope(db, payees), run: bunched }))).toEqual([
      'slab-edge D1',
      'slab-edge D2',
      'slab-edge D3',
    ]);
    // As many just short of the slab as just over it: chance, not design.
    for (const d of ['D5', 'D6', 'D7']) {
      make.distributor(d);
      make.outlet(`O-${d}`, d);
      make.bill(d, `O-${d}`, '2026-10-10', 99_000);
    }
    const spread = executeRun(db, { from: '2026-10-01', to: '2026-10-31', user: 'tester' }).run;
    expect(slabEdges(db, { ...scope(db, [...payees, 'D5', 'D6', 'D7']), run: spread })).toEqual([]);
  });
});

describe('the controls on the demo workspace', () => {
  const demo = demoWorkspacePerTest();
  const db = (): Database.Database => demo.current().ws.db;

  it("flags the demo's dummy outlets and its period-end spike, with their evidence", () => {
    const flags = runFlags(db(), 1);
    const spikes = flags.filter((f) => f.kind === 'period-end-spike');
    expect(spikes.map((f) => f.payee)).toEqual(['D007']);
    expect(spikes[0]?.evidence.table).toBe('sales');
    const dummies = flags.filter((f) => f.kind === 'shared-identity');
    // The small demo has twelve distributors, so its six dummy outlets fall under several.
    expect(dummies.length).toBeGreaterThan(0);
    expect(new Set(dummies.map((f) => f.message)).size).toBe(1);
    expect(dummies[0]?.message).toMatch(/^6 outlets share one phone/);

    // The review grid marks the flagged payees' lines, and filters by the flag.
    const spiked = reviewLines(db(), {
      run: 1,
      startRow: 0,
      endRow: 1000,
      sortModel: [],
      filterModel: { flags: { filterType: 'text', type: 'contains', filter: 'period-end-spike' } },
      withTotals: true,
    });
    const lines = db().prepare("SELECT count(*) FROM payout_lines WHERE run_id = 1 AND payee = 'D007'").pluck().get();
    expect(spiked.rows.length).toBe(lines);
    expect(spiked.rows.every((r) => r.payee === 'D007' && String(r.flags).includes('period-end-spike'))).toBe(true);
    const quick = reviewLines(db(), {
      run: 1,
      startRow: 0,
      endRow: 1000,
      sortModel: [],
      filterModel: {},
      quickFilter: 'spike',
      withTotals: false,
    });
    expect(quick.rows.map((r) => r.id)).toEqual(spiked.rows.map((r) => r.id));
  });

  it('blocks submission on a breach until a preparer acknowledges it; the approver sees why; all audited', () => {
    saveControlSettings(db(), { discountCeilingPct: '0.5' }, 'admin');
    const run = executeRun(db(), { from: '2026-10-01', to: '2026-10-31', user: 'priya' }).run;
    const breaches = runFlags(db(), run).filter((f) => f.blocking);
    expect(breaches.length).toBeGreaterThan(0);
    expect(breaches.every((f) => f.kind === 'over-discount' || f.kind === 'over-budget')).toBe(true);
    expect(() => submitRun(db(), run, priya)).toThrow(
      /breaches policy in .+ \(discount above the ceiling: D\d+.*\); a preparer acknowledges each/,
    );
    expect(() => acknowledgeFlags(db(), { run, flags: breaches.map((f) => f.id), reason: 'agreed' }, arjun)).toThrow(
      /Approver/,
    );
    expect(() => acknowledgeFlags(db(), { run, flags: [breaches[0]?.id ?? 0], reason: ' ' }, priya)).toThrow(
      /needs a reason/,
    );

    // An override that changes what a breached payee is paid makes its breach new again.
    const first = breaches.find((f) => f.kind === 'over-discount');
    acknowledgeFlags(
      db(),
      { run, flags: breaches.map((f) => f.id), reason: 'Festival month, agreed with sales' },
      priya,
    );
    const line = db()
      .prepare("SELECT id FROM payout_lines WHERE run_id = ? AND payee = ? AND kind = 'payout' AND final > 0 LIMIT 1")
      .pluck()
      .get(run, first?.payee) as number;
    overrideLines(db(), { run, lines: [line], change: { mode: 'scale', percent: '99' }, reason: 'trimmed' }, priya);
    const again = runFlags(db(), run).filter((f) => f.blocking && !f.acknowledged);
    expect(again.map((f) => f.payee)).toEqual([first?.payee]);
    acknowledgeFlags(db(), { run, flags: again.map((f) => f.id), reason: 'Still agreed' }, priya);

    expect(submitRun(db(), run, priya).status).toBe('submitted');
    // What the approver sees: every breach, acknowledged, by whom and why; the run is now locked.
    const seen = runFlags(db(), run).filter((f) => f.blocking);
    expect(seen.every((f) => f.acknowledged?.by === 'priya')).toBe(true);
    expect(() => acknowledgeFlags(db(), { run, flags: [seen[0]?.id ?? 0], reason: 'late' }, priya)).toThrow();
    expect(() => db().prepare('DELETE FROM run_flags WHERE run_id = ?').run(run)).toThrow(/cannot change/);
    approveRun(db(), run, arjun);
    const audit = db()
      .prepare("SELECT action FROM audit_log WHERE action IN ('controls.save', 'run.acknowledge') ORDER BY seq")
      .pluck()
      .all();
    expect(audit).toEqual(['controls.save', 'run.acknowledge', 'run.acknowledge']);
  });
});

describe("the approver's summary", () => {
  const demo = demoWorkspacePerTest();
  const db = (): Database.Database => demo.current().ws.db;

  it('compares with the approved run of the period before, lists overrides with their net effect, and keeps the approval comment', () => {
    // October approved, with an override; November's run is read against it.
    const line = db()
      .prepare(
        "SELECT id, final FROM payout_lines WHERE run_id = 1 AND kind = 'payout' AND final > 0 ORDER BY id LIMIT 1",
      )
      .get() as { id: number; final: number };
    overrideLines(
      db(),
      { run: 1, lines: [line.id], change: { mode: 'set', amount: '10' }, reason: 'capped by RSM' },
      priya,
    );
    const october = approvalSummary(db(), 1);
    expect(october.previous).toBeNull();
    expect(october.overrides).toEqual([
      expect.objectContaining({
        override: '10.00',
        calculated: paiseToRupees(line.final),
        reason: 'capped by RSM',
        by: 'priya',
      }),
    ]);
    expect(october.overridesNet).toBe(paiseToRupees(1000 - line.final));
    submitRun(db(), 1, priya);
    approveRun(db(), 1, arjun, '  Read the summary; the override is agreed ');
    expect(db().prepare('SELECT approval_comment FROM runs WHERE id = 1').pluck().get()).toBe(
      'Read the summary; the override is agreed',
    );
    const approval = db().prepare("SELECT after FROM audit_log WHERE action = 'run.approve'").pluck().get() as string;
    expect(JSON.parse(approval).comment).toBe('Read the summary; the override is agreed');

    // The same schemes over November (the demo's sales are October's, so little is paid).
    for (const code of db().prepare('SELECT DISTINCT code FROM scheme_versions').pluck().all() as string[]) {
      const scheme = getScheme(db(), code);
      if (!scheme) continue;
      saveScheme(
        db(),
        { ...scheme, code: `${code}-NOV`, period: { from: '2026-11-01', to: '2026-11-30' }, catchUp: undefined },
        'priya',
      );
    }
    const november = executeRun(db(), { from: '2026-11-01', to: '2026-11-30', user: 'priya' }).run;
    const summary = approvalSummary(db(), november);
    const paid = (run: number) =>
      BigInt(db().prepare('SELECT CAST(total AS TEXT) FROM runs WHERE id = ?').pluck().get(run) as string);
    expect(summary.previous).toEqual({
      run: 1,
      from: '2026-10-01',
      to: '2026-10-31',
      total: paiseToRupees(paid(1)),
      change: paiseToRupees(paid(november) - paid(1)),
    });
    const changes = summary.largestChanges.map((c) => Math.abs(Number(c.change)));
    expect(changes.length).toBeGreaterThan(0);
    expect(changes).toEqual([...changes].sort((a, b) => b - a));
    const top = summary.largestChanges[0];
    const paise = (rupees = '0') => toScaledInteger(rupees, 2);
    expect(paise(top?.total) - paise(top?.previous)).toBe(paise(top?.change));
  });
});

describe('a payee the masters say is not trading', () => {
  const demo = demoWorkspacePerTest();
  const db = (): Database.Database => demo.current().ws.db;

  it('is a breach while the run pays it anything, and not once it is paid nothing', async () => {
    const paid = db()
      .prepare('SELECT payee FROM payout_lines WHERE run_id = 1 AND final > 0 GROUP BY payee ORDER BY payee LIMIT 2')
      .pluck()
      .all() as string[];
    const [blocked, active] = paid as [string, string];
    // The masters file says so, imported as a user updates the masters.
    const names = db().prepare('SELECT code, name FROM distributors WHERE code IN (?, ?) ORDER BY code');
    const statuses = (names.all(blocked, active) as { code: string; name: string }[]).map((d) => [
      d.code,
      d.name,
      d.code === blocked ? 'Blocked' : 'Active',
    ]);
    const file = writeText(
      join(demo.current().dir, 'distributor-statuses.csv'),
      delimited([['Code', 'Name', 'Status'], ...statuses]),
    );
    const updated = await importFile(demo.current().ws, file, { kind: 'distributors', updateMasters: true });
    expect(updated.errors).toEqual([]);
    const run = executeRun(db(), { from: '2026-10-01', to: '2026-10-31', user: 'priya' }).run;
    const flags = runFlags(db(), run).filter((f) => f.kind === 'inactive-payee');
    expect(kindsAndPayees(flags)).toEqual([`inactive-payee ${blocked}`]);
    expect(flags[0]?.blocking).toBe(true);
    expect(flags[0]?.message).toMatch(
      new RegExp(`^The run pays ${blocked} ₹[\\d,.]+, but the distributors master gives its status as "Blocked"`),
    );
    const lines = db()
      .prepare('SELECT id FROM payout_lines WHERE run_id = ? AND payee = ? AND final <> 0')
      .pluck()
      .all(run, blocked) as number[];
    expect(flags[0]?.evidence).toEqual({ table: 'payout_lines', ids: expect.arrayContaining(lines) });
    expect(() => submitRun(db(), run, priya)).toThrow(/not trading/);
    overrideLines(db(), { run, lines, change: { mode: 'zero' }, reason: 'blocked since September' }, priya);
    expect(runFlags(db(), run).filter((f) => f.kind === 'inactive-payee')).toEqual([]);
  });
});

describe('receipts naming their bills otherwise than the sales register', () => {
  const demo = demoWorkspacePerTest();
  const db = (): Database.Database => demo.current().ws.db;
  const earlyPayment = (run: number) =>
    db()
      .prepare("SELECT final FROM payout_lines WHERE run_id = ? AND payee = 'D002' AND source_table = 'payments'")
      .pluck()
      .get(run) as number;

  it('are a signal on the early-payment line they earn nothing for, where receipts naming bills from before the sales are not', () => {
    // The demo's receipts of last period's bills (INV/PRV/…) name bills the workspace has nothing like.
    expect(runFlags(db(), 1).filter((f) => f.kind === 'unmatched-receipt')).toEqual([]);
    const receipts = db()
      .prepare(
        "SELECT id, against_doc_no AS against FROM payments WHERE distributor_code = 'D002' AND against_doc_no LIKE 'INV/2610/%' ORDER BY id",
      )
      .all() as { id: number; against: string }[];
    const [padded, prefixed] = receipts as [(typeof receipts)[0], (typeof receipts)[0]];
    const rename = db().prepare('UPDATE payments SET against_doc_no = ? WHERE id = ?');
    // INV/2610/00007 written INV-2610-7, and INV/2610/00008 without its INV/.
    rename.run(padded.against.replace(/\//g, '-').replace(/-0+/g, '-'), padded.id);
    rename.run(prefixed.against.replace(/^INV\//, ''), prefixed.id);
    const run = executeRun(db(), { from: '2026-10-01', to: '2026-10-31', user: 'priya' }).run;
    expect(earlyPayment(run)).toBeLessThan(earlyPayment(1));
    const flags = runFlags(db(), run).filter((f) => f.kind === 'unmatched-receipt');
    expect(flags.map((f) => [f.payee, f.scheme, f.blocking])).toEqual([['D002', 'EPD-202610', false]]);
    expect(flags[0]?.message).toMatch(
      new RegExp(
        `^2 receipts of D002 dated 2026-10-01 to 2026-11-10 \\(₹[\\d,.]+\\) name their bills otherwise than the sales register does \\("INV-2610-7" for "${padded.against}", "2610/00008" for "${prefixed.against}"\\): early payment counts a receipt only against the bill it names exactly`,
      ),
    );
    expect(flags[0]?.evidence).toEqual({ table: 'payments', ids: [padded.id, prefixed.id] });
  });
});

describe('credit notes naming the invoice they return otherwise than the sales', () => {
  const demo = demoWorkspacePerTest();
  const db = (): Database.Database => demo.current().ws.db;
  const returnsFile = (name: string, rows: FixtureCell[][]) => {
    const path = join(demo.current().dir, name);
    writeText(
      path,
      delimited([
        [
          'Document Type',
          'Invoice No',
          'Date',
          'Distributor Code',
          'Outlet Code',
          'SKU',
          'Qty',
          'Net Value',
          'Against Document',
        ],
        ...rows,
      ]),
    );
    return path;
  };
  const importReturns = async (name: string, rows: FixtureCell[][]) => {
    const imported = await createWorkspaceApi(demo.current().ws).call('import.run', {
      path: returnsFile(name, rows),
      kind: 'sales',
    });
    if (!imported.ok) throw new Error(imported.error.message);
    expect(imported.value.rows).toBe(rows.length);
  };
  const returnFlags = (run: number) => runFlags(db(), run).filter((f) => f.kind === 'unmatched-return');

  it('are a signal where a return of an invoice an approved run paid on is not clawed back, and none once it names the invoice', async () => {
    // 2% of October's secondary value.
    const volume = schemeOf({
      code: 'T1',
      slabs: { basis: 'measure', mode: 'retro', table: [{ from: '0', to: null, rate: '2' }] },
    });
    const api = createWorkspaceApi(demo.current().ws);
    await api.call('schemes.save', { definition: volume });
    const october = executeRun(db(), { from: '2026-10-01', to: '2026-10-31', schemes: ['T1'], user: 'priya' }).run;
    submitRun(db(), october, priya);
    approveRun(db(), october, arjun);
    const invoice = db()
      .prepare(
        `SELECT doc_no, sku FROM sales WHERE distributor_code = 'D001' AND doc_type = 'invoice' AND outlet_code IS NOT NULL
         AND doc_date BETWEEN '2026-10-01' AND '2026-10-31' ORDER BY id LIMIT 1`,
      )
      .get() as { doc_no: string; sku: string };
    // SI/D001/00003 written D001-3; another return names the invoice as written; a third names a
    // bill the workspace has nothing like (one from before its first import).
    const otherwise = invoice.doc_no.replace(/^SI\//, '').replace(/\/0+/, '-');
    await importReturns('november-returns.csv', [
      ['Credit Note', 'CN/NOV/1', '2026-11-04', 'D001', 'O00001', invoice.sku, 1, '1000.00', otherwise],
      ['Credit Note', 'CN/NOV/2', '2026-11-05', 'D001', 'O00001', invoice.sku, 1, '500.00', invoice.doc_no],
      ['Credit Note', 'CN/NOV/3', '2026-11-06', 'D001', 'O00001', invoice.sku, 1, '700.00', 'OLD/9'],
    ]);
    await api.call('schemes.save', { definition: { ...volume, period: { from: '2026-11-01', to: '2026-11-30' } } });
    const clawback = (run: number) =>
      db()
        .prepare("SELECT final FROM payout_lines WHERE run_id = ? AND payee = 'D001' AND kind = 'clawback'")
        .pluck()
        .get(run) as number;
    const november = executeRun(db(), { from: '2026-11-01', to: '2026-11-30', schemes: ['T1'], user: 'priya' }).run;
    const flags = returnFlags(november);
    expect(flags.map((f) => [f.payee, f.scheme, f.blocking])).toEqual([['D001', 'T1', false]]);
    expect(flags[0]?.message).toBe(
      `1 credit note of D001 dated 2026-11-01 to 2026-11-30 (₹1,000.00 returned) names the invoice it returns otherwise than the sales do ("${otherwise}" for "${invoice.doc_no}"): a return of an invoice an approved run paid on is clawed back at the rate paid then only when it names the invoice exactly, so it lowers this period's measure instead. Correct the numbers in the file that writes them otherwise and import it again`,
    );
    const note = db().prepare("SELECT id FROM sales WHERE doc_no = 'CN/NOV/1'").pluck().get() as number;
    expect(flags[0]?.evidence).toEqual({ table: 'sales', ids: [note] });

    // A scheme that takes every return off the measure pays the same whichever invoice it names.
    await api.call('schemes.save', {
      definition: { ...volume, period: { from: '2026-11-01', to: '2026-11-30' }, clawback: false },
    });
    const noClawback = executeRun(db(), { from: '2026-11-01', to: '2026-11-30', schemes: ['T1'], user: 'priya' }).run;
    expect(returnFlags(noClawback)).toEqual([]);
    await api.call('schemes.save', { definition: { ...volume, period: { from: '2026-11-01', to: '2026-11-30' } } });

    // Named as the sales write it, the return is clawed back at October's 2%: ₹20 more, and no flag.
    db().prepare('UPDATE sales SET against_doc_no = ? WHERE id = ?').run(invoice.doc_no, note);
    const corrected = executeRun(db(), { from: '2026-11-01', to: '2026-11-30', schemes: ['T1'], user: 'priya' }).run;
    expect(clawback(corrected) - clawback(november)).toBe(-2000);
    expect(returnFlags(corrected)).toEqual([]);
  });

  it('are a signal where early payment pays on an invoice as if nothing had been returned', async () => {
    const earlyPayment = (run: number) =>
      db()
        .prepare("SELECT final FROM payout_lines WHERE run_id = ? AND payee = 'D002' AND source_table = 'payments'")
        .pluck()
        .get(run) as number;
    // The demo's own returns all name their invoices as written.
    expect(returnFlags(1)).toEqual([]);
    const invoice = db()
      .prepare(
        `SELECT doc_no, sku FROM sales WHERE distributor_code = 'D002' AND doc_type = 'invoice' AND outlet_code IS NULL
         AND doc_date BETWEEN '2026-10-01' AND '2026-10-31' ORDER BY id LIMIT 1`,
      )
      .get() as { doc_no: string; sku: string };
    // INV/2610/00007 written 2610-7, without its INV and its zeros.
    const otherwise = invoice.doc_no.replace(/^INV\//, '').replace(/\/0+/, '-');
    await importReturns('october-returns.csv', [
      ['Credit Note', 'CN/D002/OCT/1', '2026-10-20', 'D002', null, invoice.sku, 1, '1000.00', otherwise],
    ]);
    const run = executeRun(db(), { from: '2026-10-01', to: '2026-10-31', user: 'priya' }).run;
    expect(earlyPayment(run)).toBe(earlyPayment(1));
    const flags = returnFlags(run);
    expect(flags.map((f) => [f.payee, f.scheme])).toEqual([['D002', 'EPD-202610']]);
    expect(flags[0]?.message).toBe(
      `1 credit note of D002 dated from 2026-10-01 (₹1,000.00 returned) names the invoice it returns otherwise than the sales do ("${otherwise}" for "${invoice.doc_no}"): early payment takes a return off only the invoice it names exactly, so it pays on that invoice as if nothing had been returned. Correct the numbers in the file that writes them otherwise and import it again`,
    );
    db().prepare("UPDATE sales SET against_doc_no = ? WHERE doc_no = 'CN/D002/OCT/1'").run(invoice.doc_no);
    const corrected = executeRun(db(), { from: '2026-10-01', to: '2026-10-31', user: 'priya' }).run;
    expect(earlyPayment(corrected)).toBeLessThan(earlyPayment(run));
    expect(returnFlags(corrected)).toEqual([]);
  });
});

describe('the margin floor', () => {
  const demo = demoWorkspacePerTest();
  const db = (): Database.Database => demo.current().ws.db;

  it("flags a payout that leaves the distributor less margin on the scheme's products than the floor, costed line by line", () => {
    expect(runFlags(db(), 1).filter((f) => f.kind === 'margin-floor')).toEqual([]);
    saveControlSettings(db(), { marginFloorPct: '45' }, 'admin');
    const run = executeRun(db(), { from: '2026-10-01', to: '2026-10-31', user: 'priya' }).run;
    const floors = runFlags(db(), run).filter((f) => f.kind === 'margin-floor');
    expect(floors.length).toBeGreaterThan(0);
    expect(floors.every((f) => f.blocking)).toBe(true);

    // One worked by hand: the measured lines' net value and cost at the products' unit cost.
    const flag = floors[0];
    const line = db()
      .prepare(
        "SELECT source_ids, payable FROM payable_lines WHERE run_id = ? AND payee = ? AND scheme_code = ? AND kind = 'payout'",
      )
      .get(run, flag?.payee, flag?.scheme) as { source_ids: Buffer; payable: number };
    const sale = db().prepare(
      'SELECT s.net_value AS net, s.qty, p.unit_cost AS cost FROM sales s JOIN products p ON p.sku = s.sku WHERE s.id = ?',
    );
    let net = 0;
    let cost = new Exact(0);
    for (const id of unpackIds(line.source_ids)) {
      const s = sale.get(id) as { net: number; qty: number; cost: number };
      net += s.net;
      cost = cost.plus(new Exact(s.qty).times(s.cost).dividedBy(1000));
    }
    const kept = new Exact(net - cost.round().toNumber() - line.payable).times(100).dividedBy(net);
    expect(kept.lessThan(45)).toBe(true);
    expect(flag?.message).toContain(`keeps ${kept.toDecimalPlaces(2).toString()}%`);

    // Paying nothing under the scheme takes nothing from the margin: the breach goes.
    const lineId = db()
      .prepare("SELECT id FROM payout_lines WHERE run_id = ? AND payee = ? AND scheme_code = ? AND kind = 'payout'")
      .pluck()
      .get(run, flag?.payee, flag?.scheme) as number;
    overrideLines(db(), { run, lines: [lineId], change: { mode: 'zero' }, reason: 'margin' }, priya);
    const left = runFlags(db(), run).filter((f) => f.kind === 'margin-floor');
    expect(left.some((f) => f.payee === flag?.payee && f.scheme === flag?.scheme)).toBe(false);
    expect(left.length).toBe(floors.length - 1);
  });
});
