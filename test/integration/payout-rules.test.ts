import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkspaceApi } from '../../main/api/handlers';
import { approveRun, submitRun } from '../../main/review/actions';
import { earlyPaymentTotal } from '../support/early-payment';
import { demoWorkspacePerTest } from '../support/workspace';

const priya = { name: 'priya', role: 'preparer' as const };
const arjun = { name: 'arjun', role: 'approver' as const };

/** The payout rules of docs/schemes.md ("Edge cases") through the store, the API and the export writers. */
describe('payout rules on a real workspace', () => {
  const demo = demoWorkspacePerTest();
  const ws = () => demo.current().ws;

  it('money lands on the right party: two distributors sharing a name are refused unless parties are named by code or ledger name', async () => {
    const api = createWorkspaceApi(ws());
    const db = ws().db;
    // The demo has two "Kaveri Enterprises", each with its own ledger name in the distributors master.
    const twins = db
      .prepare(
        `SELECT code, ledger_name FROM distributors WHERE name IN
           (SELECT name FROM distributors GROUP BY name HAVING count(*) > 1) ORDER BY code`,
      )
      .all() as { code: string; ledger_name: string }[];
    expect(twins.length).toBeGreaterThanOrEqual(2);
    expect(new Set(twins.map((t) => t.ledger_name)).size).toBe(twins.length);
    submitRun(db, 1, priya);
    approveRun(db, 1, arjun);
    const out = join(demo.current().dir, 'out');

    const byName = await api.call('exports.saveProfile', { profile: { name: 'By name', partyBy: 'name' } });
    expect(byName.ok).toBe(true);
    const preview = await api.call('exports.preview', {
      run: 1,
      format: 'tally-xml',
      profile: 'By name',
      draft: false,
    });
    if (!preview.ok) throw new Error(preview.error.message);
    const [first, second] = twins;
    expect(preview.value.warnings.join('\n')).toContain(`${first?.code} and ${second?.code}`);
    const refused = await api.call('exports.run', { run: 1, format: 'tally-xml', profile: 'By name', out });
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/would all post to the party ledger/);
    // A statement or a register posts to no ledger: no clash there.
    const register = await api.call('exports.preview', { run: 1, format: 'xlsx', profile: 'By name', draft: false });
    expect(register.ok && register.value.warnings).toEqual([]);

    await api.call('exports.saveProfile', { profile: { name: 'By code', partyBy: 'code' } });
    for (const profile of ['By code', 'Default']) {
      const written = await api.call('exports.run', { run: 1, format: 'tally-xml', profile, out: join(out, profile) });
      if (!written.ok) throw new Error(written.error.message);
    }
  });

  it('a run refuses target rows it cannot match to the period, naming them, and stores nothing', async () => {
    const api = createWorkspaceApi(ws());
    const db = ws().db;
    const quarter = join(demo.current().dir, 'quarter-targets.csv');
    writeFileSync(
      quarter,
      'Period From,Period To,Distributor Code,Scheme Code,Target\n2026-10-01,2026-12-31,D001,QT,90000\n',
    );
    const imported = await api.call('import.run', { path: quarter, kind: 'targets' });
    expect(imported.ok).toBe(true);
    const scheme = {
      code: 'QT',
      name: 'Quarter target',
      objective: 'volume',
      period: { from: '2026-10-01', to: '2026-10-31' },
      measure: { kind: 'product_volume', basis: 'value' },
      target: { type: 'dataset', measure: 'secondary_value' },
      slabs: { basis: 'achievement', mode: 'retro', table: [{ from: '100', to: null, rate: '1' }] },
      reward: { type: 'percent_of_value' },
    };
    await api.call('schemes.save', { definition: scheme });
    const runs = () => (db.prepare('SELECT count(*) AS n FROM runs').get() as { n: number }).n;
    const before = runs();
    const refused = await api.call('runs.create', { from: '2026-10-01', to: '2026-10-31', schemes: ['QT'] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!refused.ok)
      expect(refused.error.message).toMatch(
        /QT, D001: the target row for 2026-10-01 to 2026-12-31 covers a longer period.*prorate/,
      );
    expect(runs()).toBe(before);

    // With prorate the quarter gives October 31/92 of it: 90,000 × 31 / 92.
    await api.call('schemes.save', { definition: { ...scheme, target: { ...scheme.target, prorate: true } } });
    const run = await api.call('runs.create', { from: '2026-10-01', to: '2026-10-31', schemes: ['QT'] });
    if (!run.ok) throw new Error(run.error.message);
    const line = db
      .prepare("SELECT target FROM payout_lines WHERE run_id = ? AND payee = 'D001'")
      .get(run.value.run) as {
      target: string;
    };
    expect(Number(line.target)).toBeCloseTo((90000 * 31) / 92, 6);
    expect(line.target.startsWith('30326.0869565217391304347')).toBe(true);
  });

  it('early payment pays on what a receipt applied to each bill, not on the whole receipt against every bill it names', async () => {
    const api = createWorkspaceApi(ws());
    const dir = demo.current().dir;
    const write = (name: string, lines: string[]) => {
      const path = join(dir, name);
      writeFileSync(path, lines.join('\n'));
      return path;
    };
    const sales = write('primary.csv', [
      'Invoice No,Invoice Date,Distributor Code,SKU,Qty,Net Value',
      'EP-1,2027-03-01,D001,SKU-0001,10,10000.00',
      'EP-2,2027-03-01,D001,SKU-0001,5,5000.00',
    ]);
    // One cheque of 12,000 applied 10,000 to EP-1 and 2,000 to EP-2, written once per bill (Zoho).
    const receipts = write('Customer Payment.csv', [
      'Payment Number,Date,Customer Name,Mode,Amount,Invoice Number,Amount Applied to Invoice',
      'PAY-1,2027-03-05,D001,Cheque,12000.00,EP-1,10000.00',
      'PAY-1,2027-03-05,D001,Cheque,12000.00,EP-2,2000.00',
    ]);
    for (const [path, kind] of [
      [sales, 'sales'],
      [receipts, 'payments'],
    ] as const) {
      const imported = await api.call('import.run', { path, kind });
      if (!imported.ok || imported.value.batch === null) throw new Error(JSON.stringify(imported));
    }
    // 1% × (10,000 received on EP-1 + 2,000 of EP-2's 5,000) = 120.00. Read as 12,000 against each
    // bill, the receipt would have settled both: 1% × 15,000 = 150.00.
    expect(await earlyPaymentTotal(api, '2027-03', 10, 'pro_rata')).toBe('120.00');
  });

  it('an overdue-reduction run with no ageing report near its end pays nothing, says so and keeps the notice with the run', async () => {
    const api = createWorkspaceApi(ws());
    const db = ws().db;
    // November has the demo's 31 October report at its start, but none near its end.
    const rod = {
      code: 'ROD-NOV',
      name: 'November collections',
      objective: 'collections',
      period: { from: '2026-11-01', to: '2026-11-30' },
      measure: { kind: 'outstanding_reduction' },
      slabs: { basis: 'measure', mode: 'retro', table: [{ from: '0', to: null, rate: '1' }] },
      reward: { type: 'percent_of_value' },
    };
    await api.call('schemes.save', { definition: rod });
    const run = await api.call('runs.create', { from: '2026-11-01', to: '2026-11-30', schemes: ['ROD-NOV'] });
    if (!run.ok) throw new Error(run.error.message);
    expect(run.value.total).toBe('0.00');
    expect(run.value.notices).toEqual([
      expect.stringMatching(/no ageing report was imported near the period's end \(2026-11-30\)/),
    ]);
    const got = await api.call('runs.get', { run: run.value.run });
    expect(got.ok && got.value.notices).toEqual(run.value.notices);
    const audit = db
      .prepare("SELECT after FROM audit_log WHERE action = 'run.create' ORDER BY seq DESC LIMIT 1")
      .get() as {
      after: string;
    };
    expect(JSON.parse(audit.after).notices).toEqual(run.value.notices);
  });

  it('the review grid and the register show the slab amount, each adjustment and the calculated amount apart', async () => {
    const api = createWorkspaceApi(ws());
    // 1% of secondary value, capped at ₹50 a payee, within a ₹200 budget shared pro rata.
    await api.call('schemes.save', {
      definition: {
        code: 'CUT',
        name: 'Capped and cut',
        objective: 'volume',
        period: { from: '2026-10-01', to: '2026-10-31' },
        measure: { kind: 'product_volume', basis: 'value' },
        slabs: { basis: 'measure', mode: 'retro', table: [{ from: '0', to: null, rate: '1' }] },
        reward: { type: 'percent_of_value' },
        caps: { perPayee: '50' },
        budget: { amount: '200', onOverrun: 'pro_rata' },
      },
    });
    const run = await api.call('runs.create', { from: '2026-10-01', to: '2026-10-31', schemes: ['CUT'] });
    if (!run.ok) throw new Error(run.error.message);
    const page = await api.call('review.lines', {
      run: run.value.run,
      startRow: 0,
      endRow: 100,
      sortModel: [{ colId: 'payee', sort: 'asc' }],
      filterModel: { cap: { filterType: 'number', type: 'lessThan', filter: 0 } },
      withTotals: true,
    });
    if (!page.ok) throw new Error(page.error.message);
    const rows = page.value.rows as Record<string, string | null>[];
    expect(rows.length).toBeGreaterThan(4);
    const paise = (v: string | null | undefined) => Math.round(Number(v ?? 0) * 100);
    for (const row of rows) {
      // Every line the cap cut: ₹50 − slab amount, then the budget's share; slab amount + changes = calculated.
      expect(paise(row.cap)).toBe(5000 - paise(row.slab_amount));
      expect(paise(row.budget)).toBeLessThan(0);
      const changes = ['catch_up', 'gate', 'cap', 'stacking', 'budget'].reduce((n, s) => n + paise(row[s]), 0);
      expect(paise(row.slab_amount) + changes).toBe(paise(row.calculated));
    }
    const total = await api.call('runs.get', { run: run.value.run });
    expect(total.ok && total.value.total).toBe('200.00');

    // The register carries the same columns, in the same order, each line adding up.
    const preview = await api.call('exports.preview', {
      run: run.value.run,
      format: 'csv',
      profile: 'Default',
      draft: true,
    });
    if (!preview.ok) throw new Error(preview.error.message);
    const { columns, rows: cells } = preview.value.preview;
    expect(columns.slice(columns.indexOf('Slab amount'), columns.indexOf('Override'))).toEqual([
      'Slab amount',
      'Catch-up',
      'Gate',
      'Cap',
      'Stacking',
      'Budget',
      'Calculated',
    ]);
    for (const line of cells) {
      const at = (name: string) => paise(line[columns.indexOf(name)]);
      const changes = ['Catch-up', 'Gate', 'Cap', 'Stacking', 'Budget'].reduce((n, c) => n + at(c), 0);
      expect(at('Slab amount') + changes).toBe(at('Calculated'));
    }
  });
});

describe('exact totals all the way', () => {
  const demo = demoWorkspacePerTest();
  const ws = () => demo.current().ws;

  it('keeps the last paisa of a total above ₹90 trillion (2^53 paise) in the import, the run, the review and the export', async () => {
    const api = createWorkspaceApi(ws());
    const db = ws().db;
    // Receipts of ₹50,00,00,00,00,000.01 and .02: ₹1,00,00,00,00,00,000.03 together, past 2^53 paise, where a
    // double holds only even numbers of paise.
    const huge = join(demo.current().dir, 'huge-receipts.csv');
    writeFileSync(
      huge,
      'Receipt No,Receipt Date,Distributor Code,Amount\nR-1,2026-10-05,D001,50000000000000.01\nR-2,2026-10-06,D002,50000000000000.02\n',
    );
    const imported = await api.call('import.run', { path: huge, kind: 'payments' });
    if (!imported.ok) throw new Error(imported.error.message);
    expect(imported.value.totals.amount).toBe('100000000000000.03');

    // Two payout lines of the calculated demo run made that large.
    db.prepare(
      'UPDATE payout_lines SET final = 5000000000000001 WHERE id IN (SELECT id FROM payout_lines WHERE run_id = 1 ORDER BY id LIMIT 2)',
    ).run();
    const finals = db.prepare('SELECT CAST(final AS TEXT) AS f FROM payout_lines WHERE run_id = 1').all() as {
      f: string;
    }[];
    const expected = finals.reduce((n, r) => n + BigInt(r.f), 0n);
    expect(expected > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    const rupees = `${expected / 100n}.${String(expected % 100n).padStart(2, '0')}`;
    // An override that keeps the amount refreshes the stored total through the app.
    ws().user = 'priya';
    ws().role = 'preparer';
    const line = db.prepare('SELECT id FROM payout_lines WHERE run_id = 1 ORDER BY id DESC LIMIT 1').get() as {
      id: number;
    };
    const last = db.prepare('SELECT CAST(final AS TEXT) AS f FROM payout_lines WHERE id = ?').get(line.id) as {
      f: string;
    };
    const overridden = await api.call('review.override', {
      run: 1,
      lines: [line.id],
      change: { mode: 'set', amount: (Number(last.f) / 100).toFixed(2) },
      reason: 'unchanged, to store the total',
    });
    if (!overridden.ok) throw new Error(overridden.error.message);
    expect(overridden.value.total).toBe(rupees);
    const run = await api.call('runs.get', { run: 1 });
    expect(run.ok && run.value.total).toBe(rupees);
    const review = await api.call('review.lines', {
      run: 1,
      startRow: 0,
      endRow: 1,
      sortModel: [],
      filterModel: {},
      withTotals: true,
    });
    expect(review.ok && review.value.totals?.final).toBe(rupees);
    const preview = await api.call('exports.preview', { run: 1, format: 'csv', profile: 'Default', draft: true });
    expect(preview.ok && preview.value.controlTotal).toBe(rupees);
  });
});
