import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkspaceApi } from '../../main/api/handlers';
import { runSealProblems } from '../../main/audit/integrity';
import { verifyWorkspace } from '../../main/audit/verify';
import type { Role } from '../../main/review/workflow';
import { applyMigrations } from '../../main/store/migration';
import { runLedgers } from '../../main/store/migrations/027_run_ledgers';
import { demoWorkspacePerTest } from '../support/workspace';

/**
 * An approved run attacked with plain SQL on the workspace file, as someone with the file and a
 * database browser would: every attack is refused by a trigger, or found by `audit verify`.
 */
describe('an approved run stays sealed, whatever the SQL', () => {
  const demo = demoWorkspacePerTest();
  const ws = () => demo.current().ws;
  const db = () => ws().db;
  const api = () => createWorkspaceApi(ws());
  const as = (name: string, role: Role) => {
    ws().user = name;
    ws().role = role;
    ws().userId = (db().prepare('SELECT id FROM users WHERE name = ?').get(name) as { id: number }).id;
  };
  const id = (name: string) => (db().prepare('SELECT id FROM users WHERE name = ?').get(name) as { id: number }).id;
  const verify = () => verifyWorkspace(db(), ws().dbPath);
  const sql =
    (text: string, ...params: unknown[]) =>
    () =>
      db()
        .prepare(text)
        .run(...params);

  /** `text` run with SQL while the trigger `guard` is dropped, and the trigger put back as it was. */
  const underDroppedGuard = (guard: string, text: string, ...params: unknown[]) => {
    const definition = db().prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(guard) as string;
    db().exec(`DROP TRIGGER ${guard}`);
    const done = db()
      .prepare(text)
      .run(...params);
    db().exec(definition);
    return done;
  };

  /** October's run asked for through the API, refused for `problem`. */
  async function refusesRuns(problem: string) {
    const refused = await api().call('runs.create', { from: '2026-10-01', to: '2026-10-31' });
    expect(!refused.ok && refused.error.message).toContain(`No run is calculated: ${problem}`);
  }

  /** Run 1 approved through the API (priya submits, arjun approves); run 2 calculated beside it. */
  async function approvedAndOpen() {
    as('priya', 'preparer');
    expect((await api().call('runs.submit', { run: 1 })).ok).toBe(true);
    as('arjun', 'approver');
    expect((await api().call('runs.approve', { run: 1 })).ok).toBe(true);
    as('priya', 'preparer');
    const second = await api().call('runs.create', { from: '2026-10-01', to: '2026-10-31' });
    if (!second.ok) throw new Error(second.error.message);
    expect(verify()).toMatchObject({ ok: true, problems: [] });
    return second.value.run;
  }

  /** One line of `run` set to ₹5 through the API, as a reviewer overrides it; the line's id. */
  async function overrideOneLine(run: number, reason: string) {
    const line = db().prepare('SELECT id FROM payout_lines WHERE run_id = ? LIMIT 1').pluck().get(run) as number;
    const overridden = await api().call('review.override', {
      run,
      lines: [line],
      change: { mode: 'set', amount: '5' },
      reason,
    });
    expect(overridden.ok).toBe(true);
    return line;
  }

  it('refuses changing, moving in and moving out lines and overrides of an approved run', async () => {
    const open = await approvedAndOpen();
    expect(sql('UPDATE payout_lines SET final = final + 100 WHERE run_id = 1')).toThrow(/cannot change/);
    expect(sql('UPDATE payout_lines SET run_id = 1 WHERE run_id = ?', open)).toThrow(/cannot change/);
    expect(sql('UPDATE payout_lines SET run_id = ? WHERE run_id = 1', open)).toThrow(/cannot change/);
    expect(sql('DELETE FROM payout_lines WHERE run_id = 1')).toThrow(/cannot change/);
    as('priya', 'preparer');
    await overrideOneLine(open, 'test');
    expect(sql('UPDATE overrides SET run_id = 1 WHERE run_id = ?', open)).toThrow(/cannot be overridden/);
    expect(
      sql(
        `INSERT INTO overrides (run_id, scheme_code, payee, kind, amount, calculated, reason, made_by, made_at)
         SELECT 1, scheme_code, payee, kind, 0, final, 'x', 'priya', 'now' FROM payout_lines WHERE run_id = 1 LIMIT 1`,
      ),
    ).toThrow(/cannot be overridden/);
    expect(verify().ok).toBe(true);
  });

  it('submits and approves only the lines the calculation wrote, overrides apart', async () => {
    const open = await approvedAndOpen();
    const first = db().prepare('SELECT min(id) FROM payout_lines WHERE run_id = ?').pluck().get(open) as number;
    // The preparer's own copy of the file: a line raised with SQL, no override to show for it.
    sql('UPDATE payout_lines SET final = final + 500000 WHERE id = ?', first)();
    as('priya', 'preparer');
    const submitted = await api().call('runs.submit', { run: open });
    expect(!submitted.ok && submitted.error.message).toContain(
      `Run ${open} cannot be submitted: the payout lines of run ${open} were changed outside SchemeDesk after it was calculated`,
    );
    expect(verify().problems).toEqual([
      `the payout lines of run ${open} were changed outside SchemeDesk after it was calculated`,
    ]);
    // Recalculating writes them again; an override is the app's way to change one, and passes.
    expect((await api().call('runs.recalculate', { run: open })).ok).toBe(true);
    const line = await overrideOneLine(open, 'agreed with the distributor');
    expect((await api().call('runs.submit', { run: open })).ok).toBe(true);
    // Changed once submitted (its lock dropped): the approval is refused too.
    db().exec('DROP TRIGGER lines_locked_update');
    sql('UPDATE payout_lines SET final = final + 100 WHERE id = ?', line)();
    as('arjun', 'approver');
    const approved = await api().call('runs.approve', { run: open });
    expect(!approved.ok && approved.error.message).toContain(`Run ${open} cannot be approved`);
  });

  it('refuses any step on a run whose overrides, makers or acknowledgements were written with SQL', async () => {
    const open = await approvedAndOpen();
    const changed = `the makers, overrides or acknowledged flags of run ${open} were changed outside SchemeDesk after its last step in the app`;
    // The approver's own copy of the file: an override in the preparer's name, so it is not theirs to be barred by.
    sql(
      `INSERT INTO overrides (run_id, scheme_code, payee, kind, amount, calculated, reason, made_by, made_by_id, made_at)
       SELECT run_id, scheme_code, payee, kind, 0, final, 'agreed', 'priya', ?, '2026-11-02T10:00:00.000Z'
       FROM payout_lines WHERE run_id = ? AND final > 0 LIMIT 1`,
      id('priya'),
      open,
    )();
    expect(verify().problems).toEqual([changed]);
    as('priya', 'preparer');
    for (const [method, done] of [
      ['runs.submit', 'submitted'],
      ['runs.recalculate', 'recalculated'],
    ] as const) {
      const refused = await api().call(method, { run: open });
      expect(!refused.ok && refused.error.message).toContain(`Run ${open} cannot be ${done}: ${changed}`);
    }
    // Not laundered by a later step in the app either: every one refuses.
    const another = db().prepare('SELECT max(id) FROM payout_lines WHERE run_id = ?').pluck().get(open) as number;
    const overridden = await api().call('review.override', {
      run: open,
      lines: [another],
      change: { mode: 'set', amount: '1' },
      reason: 'x',
    });
    expect(!overridden.ok && overridden.error.message).toContain(changed);
    expect(verify().problems).toEqual([changed]);

    // A maker's step deleted, its trigger dropped and put back, so the submitter could approve.
    sql('DELETE FROM overrides WHERE run_id = ?', open)();
    expect(verify()).toMatchObject({ ok: true, problems: [] });
    expect((await api().call('runs.submit', { run: open })).ok).toBe(true);
    underDroppedGuard(
      'run_makers_no_delete',
      'DELETE FROM run_makers WHERE run_id = ? AND user_id = ?',
      open,
      id('priya'),
    );
    expect(verify().problems).toEqual([changed]);
    as('admin', 'admin');
    const approved = await api().call('runs.approve', { run: open });
    expect(!approved.ok && approved.error.message).toContain(`Run ${open} cannot be approved: ${changed}`);
  });

  it('refuses a submission past a flag acknowledged with SQL, and finds one acknowledged after approval', async () => {
    const open = await approvedAndOpen();
    const changed = (run: number) =>
      `the makers, overrides or acknowledged flags of run ${run} were changed outside SchemeDesk after its last step in the app`;
    const acknowledgement = `UPDATE run_flags SET acknowledged_by = 'priya', acknowledged_by_id = ?,
        acknowledged_at = '2026-11-02', acknowledgement = 'seen' WHERE id = (SELECT min(id) FROM run_flags WHERE run_id = ?)`;
    const acknowledge = (run: number) => sql(acknowledgement, id('priya'), run)();
    expect(acknowledge(open).changes).toBe(1);
    as('priya', 'preparer');
    const submitted = await api().call('runs.submit', { run: open });
    expect(!submitted.ok && submitted.error.message).toContain(`Run ${open} cannot be submitted: ${changed(open)}`);
    // Run 1's record was sealed by its approval (what an export checks, and `audit verify`): its
    // flags' lock dropped and put back around the change.
    expect(() => acknowledge(1)).toThrow(/cannot change/);
    expect(underDroppedGuard('flags_locked_update', acknowledgement, id('priya'), 1).changes).toBe(1);
    expect(runSealProblems(db(), 1)).toEqual([changed(1)]);
    expect(verify().problems).toEqual([changed(1), changed(open)]);
  });

  it('never rewrites or deletes a scheme version a run was calculated with', async () => {
    await approvedAndOpen();
    const used = db().prepare('SELECT id FROM scheme_versions LIMIT 1').pluck().get() as number;
    expect(
      sql(
        "UPDATE scheme_versions SET definition = json_set(definition, '$.slabs.table[0].rate', '99') WHERE id = ?",
        used,
      ),
    ).toThrow(/A saved scheme version cannot change/);
    expect(sql('DELETE FROM scheme_versions WHERE id = ?', used)).toThrow(/cannot be deleted/);
    // A change is a new version, as the app saves it.
    const scheme = await api().call('schemes.get', { code: 'MBC-202610' });
    if (!scheme.ok) throw new Error(scheme.error.message);
    expect((await api().call('schemes.save', { definition: { ...scheme.value, name: 'Renamed' } })).ok).toBe(true);
    expect(verify()).toMatchObject({ ok: true, problems: [] });
  });

  it('never rewrites who prepared, submitted or approved a run', async () => {
    await approvedAndOpen();
    expect(sql("UPDATE runs SET created_by = 'arjun' WHERE id = 1")).toThrow(/written once/);
    expect(sql('UPDATE runs SET approved_by_id = ? WHERE id = 1', id('admin'))).toThrow(/written once/);
    expect(sql("UPDATE runs SET submitted_by = 'admin' WHERE id = 1")).toThrow(/written once/);
  });

  it('refuses an approval by a maker, an overrider, an inactive user or a Preparer, and finds a forged one', async () => {
    const open = await approvedAndOpen();
    as('priya', 'preparer');
    expect((await api().call('runs.submit', { run: open })).ok).toBe(true);
    const approve = (name: string) =>
      sql(
        "UPDATE runs SET status = 'approved', approved_by = ?, approved_by_id = ? WHERE id = ?",
        name,
        id(name),
        open,
      );
    // The submitter, or a Preparer, cannot approve whatever the SQL says.
    expect(approve('priya')).toThrow(/Maker-checker/);
    // An approver deactivated (through the app) cannot approve.
    as('admin', 'admin');
    expect((await api().call('users.update', { name: 'arjun', active: false })).ok).toBe(true);
    expect(approve('arjun')).toThrow(/Maker-checker/);
    expect((await api().call('users.update', { name: 'arjun', active: true })).ok).toBe(true);
    // Whoever overrode a line of the run cannot approve it, whatever their role.
    as('admin', 'admin');
    const rejected = await api().call('runs.reject', { run: open, comment: 'fix' });
    expect(rejected.ok).toBe(true);
    await overrideOneLine(open, 'x');
    as('priya', 'preparer');
    expect((await api().call('runs.submit', { run: open })).ok).toBe(true);
    as('admin', 'admin');
    // The window does not offer the overrider an Approve button to begin with.
    const offered = await api().call('runs.get', { run: open });
    expect(offered.ok && offered.value.permitted).not.toContain('approve');
    const byOverrider = await api().call('runs.approve', { run: open });
    expect(byOverrider).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(approve('admin')).toThrow(/Maker-checker/);
    // A legitimate approver's id written with SQL passes the trigger — but the log holds no approval.
    approve('arjun')();
    expect(verify()).toMatchObject({
      ok: false,
      problems: [`run ${open} is approved but the log holds no approval of it`],
    });
  });

  it('lets no Approver create a run, through the API or SQL', async () => {
    as('arjun', 'approver');
    const refused = await api().call('runs.create', { from: '2026-10-01', to: '2026-10-31' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      sql(
        `INSERT INTO runs (period_from, period_to, engine_version, scheme_versions, inputs, line_count, total, created_by, created_by_id, created_at)
         VALUES ('2026-10-01', '2026-10-31', '1', '[]', '[]', 0, 0, 'arjun', ?, 'now')`,
        id('arjun'),
      ),
    ).toThrow(/An Approver cannot create a run/);
  });

  it('finds lines changed with a guard dropped and put back, and guards changed', async () => {
    await approvedAndOpen();
    underDroppedGuard(
      'lines_locked_update',
      'UPDATE payout_lines SET final = final + 100000 WHERE id = (SELECT min(id) FROM payout_lines WHERE run_id = 1)',
    );
    expect(verify()).toMatchObject({
      ok: false,
      problems: ['the payout lines of approved run 1 were changed after its approval'],
    });
    db().exec('DROP TRIGGER runs_maker_checker');
    expect(verify().problems).toContain('the triggers or views that guard money were changed outside SchemeDesk');
  });

  it('exports no file of a run whose lines and total were changed together after its approval', async () => {
    await approvedAndOpen();
    // Lines and total changed alike, the guards dropped: the control total agrees, the seal does not.
    db().exec('DROP TRIGGER lines_locked_update; DROP TRIGGER runs_frozen');
    const out = join(demo.current().dir, 'out');
    // A payee's name changed with the guard dropped: refused for the guard, and for the seal of whom it pays.
    sql("UPDATE payout_lines SET payee_name = 'Someone Else' WHERE run_id = 1 AND payee = 'D001'")();
    const renamed = await api().call('exports.run', { run: 1, format: 'csv', profile: 'Default', out });
    expect(!renamed.ok && renamed.error.message).toMatch(
      /^Run 1 is not exported: the triggers or views that guard money were changed outside SchemeDesk; the payees' names or ledgers of approved run 1 were changed after its approval \(/,
    );
    sql(
      'UPDATE payout_lines SET final = final + 100000 WHERE id = (SELECT min(id) FROM payout_lines WHERE run_id = 1)',
    )();
    sql('UPDATE runs SET total = total + 100000 WHERE id = 1')();
    const refused = await api().call('exports.run', { run: 1, format: 'csv', profile: 'Default', out });
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(!refused.ok && refused.error.message).toContain(
      'Run 1 is not exported: the triggers or views that guard money were changed outside SchemeDesk; the payout lines of approved run 1 were changed after its approval',
    );
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    // A draft, marked as one, still shows what the lines now say.
    const draft = await api().call('exports.run', { run: 1, format: 'csv', profile: 'Default', out, draft: true });
    expect(draft.ok).toBe(true);
  });

  it('posts an approved run, and its reversal, to the ledgers it was approved with', async () => {
    const open = await approvedAndOpen();
    const out = join(demo.current().dir, 'out');
    const exported = async (run: number, draft = false) => {
      const done = await api().call('exports.run', { run, format: 'tally-xml', profile: 'Default', out, draft });
      if (!done.ok) throw new Error(done.error.message);
      return readFileSync(done.value.files[0]?.path ?? '', 'utf8');
    };
    // The master's ledger for D001 changed with SQL after the approval (what `audit verify` names,
    // and runs refuse to read; an export of an approved run reads what its approval kept).
    sql("UPDATE distributors SET ledger_name = 'Suspense - Mallory' WHERE code = 'D001'")();
    const masters = 'the masters were changed outside SchemeDesk since the last import';
    const approved = await exported(1);
    expect(approved).toContain('Annapurna Distributors');
    expect(approved).not.toContain('Mallory');
    // A run not yet approved posts where the master says now.
    expect(await exported(open, true)).toContain('Suspense - Mallory');
    expect(verify().problems).toEqual([masters]);

    // What approval kept is kept: no change, no deletion, no row added afterwards.
    expect(sql("UPDATE run_ledgers SET ledger_name = 'X' WHERE run_id = 1")).toThrow(/kept as approved/);
    expect(sql('DELETE FROM run_ledgers WHERE run_id = 1')).toThrow(/kept as approved/);
    expect(sql("INSERT INTO run_ledgers VALUES (1, 'D999', 'X')")).toThrow(/kept when it is approved/);

    // The reversal posts back to the ledgers the run it reverses posted to.
    as('admin', 'admin');
    const reversed = await api().call('runs.reverse', { run: 1 });
    if (!reversed.ok) throw new Error(reversed.error.message);
    const reversal = reversed.value.reversal as number;
    as('arjun', 'approver');
    expect((await api().call('runs.approve', { run: reversal })).ok).toBe(true);
    const back = await exported(reversal);
    expect(back).toContain('Annapurna Distributors');
    expect(back).not.toContain('Mallory');

    // Changed under a dropped guard, put back: found, and no file written.
    underDroppedGuard(
      'run_ledgers_no_update',
      "UPDATE run_ledgers SET ledger_name = 'Suspense - Mallory' WHERE run_id = ? AND payee = 'D001'",
      reversal,
    );
    const problem = `the payees' names or ledgers of approved run ${reversal} were changed after its approval`;
    expect(verify().problems).toEqual([masters, problem]);
    const refused = await api().call('exports.run', { run: reversal, format: 'csv', profile: 'Default', out });
    expect(!refused.ok && refused.error.message).toContain(`Run ${reversal} is not exported: ${problem}`);
  });

  it('keeps, as it opens a workspace made before it, the ledgers of the runs approved there', async () => {
    const open = await approvedAndOpen();
    // The workspace as it was before migration 27, run 1 approved in it.
    db().exec('DROP TABLE run_ledgers');
    sql('DELETE FROM schema_migrations WHERE version = ?', runLedgers.version)();
    applyMigrations(db(), [runLedgers]);
    const kept = db().prepare('SELECT run_id, count(*) AS payees FROM run_ledgers GROUP BY run_id').all();
    const payees = db().prepare('SELECT count(DISTINCT payee) FROM payout_lines WHERE run_id = 1').pluck().get();
    expect(kept).toEqual([{ run_id: 1, payees }]);
    expect(db().prepare('SELECT count(*) FROM run_ledgers WHERE run_id = ?').pluck().get(open)).toBe(0);
    expect(verify()).toMatchObject({ ok: true, problems: [] });
  });

  it('calculates no run against control thresholds written with SQL, and exports none in a currency so written', async () => {
    await approvedAndOpen();
    // The discount ceiling raised past any payout: no breach would be flagged for anyone to acknowledge.
    sql(
      `INSERT INTO settings (key, value) VALUES ('controls', '{"discountCeilingPct":"100"}')
       ON CONFLICT (key) DO UPDATE SET value = json_set(value, '$.discountCeilingPct', '100')`,
    )();
    const thresholds = 'the control thresholds were changed outside SchemeDesk';
    expect(verify().problems).toEqual([thresholds]);
    as('priya', 'preparer');
    await refusesRuns(thresholds);
    // An Admin saving the thresholds in Settings (every field, as the screen does) makes them the thresholds again.
    as('admin', 'admin');
    const shown = await api().call('controls.settings', {});
    if (!shown.ok) throw new Error(shown.error.message);
    expect(shown.value.discountCeilingPct).toBe('100');
    expect((await api().call('controls.save', { settings: { ...shown.value, discountCeilingPct: '5' } })).ok).toBe(
      true,
    );
    expect(verify()).toMatchObject({ ok: true, problems: [] });
    as('priya', 'preparer');
    expect((await api().call('runs.create', { from: '2026-10-01', to: '2026-10-31' })).ok).toBe(true);
    // Text that is no thresholds at all is named the same way, not thrown at the user.
    const saved = db().prepare("SELECT value FROM settings WHERE key = 'controls'").pluck().get() as string;
    sql("UPDATE settings SET value = '{not json' WHERE key = 'controls'")();
    expect(verify().problems).toEqual([thresholds]);
    sql("UPDATE settings SET value = ? WHERE key = 'controls'", saved)();

    // Every amount of an export written in dollars.
    sql("UPDATE settings SET value = 'USD' WHERE key = 'currency'")();
    const currency = "the workspace's currency or locale was changed outside SchemeDesk";
    expect(verify().problems).toEqual([currency]);
    const out = join(demo.current().dir, 'out');
    const exported = await api().call('exports.run', { run: 1, format: 'csv', profile: 'Default', out });
    expect(!exported.ok && exported.error.message).toContain(`Run 1 is not exported: ${currency}`);
  });

  it('exports no approved run through an export profile rewritten with SQL', async () => {
    await approvedAndOpen();
    // Parties named by code, not by their ledgers: the accounting system's postings land elsewhere.
    sql(`UPDATE export_profiles SET settings = json_set(settings, '$.partyBy', 'code') WHERE name = 'Default'`)();
    const problem = 'export profile "Default" was changed outside SchemeDesk';
    expect(verify().problems).toEqual([problem]);
    const out = join(demo.current().dir, 'out');
    const refused = await api().call('exports.run', { run: 1, format: 'tally-xml', profile: 'default', out });
    expect(!refused.ok && refused.error.message).toContain(`Run 1 is not exported: ${problem}`);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    // Saved again through the app, it is the profile again.
    const profiles = await api().call('exports.profiles', {});
    if (!profiles.ok) throw new Error(profiles.error.message);
    const saved = profiles.value.find((p) => p.profile.name === 'Default')?.profile;
    if (!saved) throw new Error('no Default profile');
    expect(saved.partyBy).toBe('code');
    expect((await api().call('exports.saveProfile', { profile: { ...saved, partyBy: 'ledger_name' } })).ok).toBe(true);
    expect(verify()).toMatchObject({ ok: true, problems: [] });
    expect((await api().call('exports.run', { run: 1, format: 'tally-xml', profile: 'Default', out })).ok).toBe(true);
  });

  it('calculates no run by schemes moved, retired or rewritten with SQL', async () => {
    await approvedAndOpen();
    const scheme = await api().call('schemes.get', { code: 'VOL-BEV-202610' });
    if (!scheme.ok) throw new Error(scheme.error.message);
    // A second version saved in the app, then the current one moved back to the first with SQL.
    const doubled = { ...scheme.value, name: 'Volume, revised' };
    expect((await api().call('schemes.save', { definition: doubled })).ok).toBe(true);
    expect(verify()).toMatchObject({ ok: true, problems: [] });
    sql("UPDATE schemes SET current_version = 1 WHERE code = 'VOL-BEV-202610'")();
    const moved = "scheme VOL-BEV-202610's current version or status was changed outside SchemeDesk";
    expect(verify().problems).toEqual([moved]);
    as('priya', 'preparer');
    await refusesRuns(moved);
    // Saved again in the app, it is a third version, after every version saved: runs read it.
    expect(await api().call('schemes.save', { definition: doubled })).toMatchObject({
      ok: true,
      value: { version: 3 },
    });
    expect((await api().call('runs.create', { from: '2026-10-01', to: '2026-10-31' })).ok).toBe(true);
    // Retired with SQL, the scheme would drop out of the run unsaid.
    sql("UPDATE schemes SET status = 'retired' WHERE code = 'MBO-202610'")();
    expect(verify().problems).toEqual(["scheme MBO-202610's current version or status was changed outside SchemeDesk"]);
    sql("UPDATE schemes SET status = 'active' WHERE code = 'MBO-202610'")();
    // The current version's rules rewritten under its dropped trigger, put back.
    underDroppedGuard(
      'scheme_versions_no_update',
      `UPDATE scheme_versions SET definition = json_set(definition, '$.slabs.table[0].rate', '9')
       WHERE code = 'VOL-BEV-202610' AND version = 3`,
    );
    const rewritten = 'version 3 of scheme VOL-BEV-202610 was changed outside SchemeDesk';
    expect(verify().problems).toEqual([rewritten]);
    await refusesRuns(rewritten);
    // Saved again in the app, the rewritten version is history: runs are calculated, verify still names it.
    as('priya', 'preparer');
    expect((await api().call('schemes.save', { definition: doubled })).ok).toBe(true);
    expect((await api().call('runs.create', { from: '2026-10-01', to: '2026-10-31' })).ok).toBe(true);
    expect(verify().problems).toEqual([rewritten]);
  });

  it('calculates no run over masters changed with SQL, and keeps naming the change after a later import', async () => {
    await approvedAndOpen();
    // A distributor moved to a class whose slab table pays more.
    sql("UPDATE distributors SET class = 'Platinum' WHERE code = 'D002'")();
    const since = 'the masters were changed outside SchemeDesk since the last import';
    expect(verify().problems).toEqual([since]);
    as('priya', 'preparer');
    await refusesRuns(since);
    // An import after it: runs are calculated again, and the gap stays on record for `audit verify`.
    const returns = join(demo.current().dir, 'returns.csv');
    writeFileSync(
      returns,
      'Document Type,Invoice No,Date,Distributor Code,Outlet Code,SKU,Qty,Net Value,Against Document\nCredit Note,CN/X/1,2026-11-04,D001,O00001,SKU-0001,1,10.00,\n',
    );
    const imported = await api().call('import.run', { path: returns, kind: 'sales' });
    if (!imported.ok) throw new Error(imported.error.message);
    expect(imported.value.rows).toBe(1);
    expect((await api().call('runs.create', { from: '2026-10-01', to: '2026-10-31' })).ok).toBe(true);
    expect(verify().problems).toEqual([
      `the masters were changed outside SchemeDesk before batch ${imported.value.batch} was imported or rolled back`,
    ]);
  });

  it('finds a view that decides what is paid, rewritten', async () => {
    await approvedAndOpen();
    const view = (db().prepare("SELECT sql FROM sqlite_master WHERE name = 'payable_lines'").get() as { sql: string })
      .sql;
    db().exec(`DROP VIEW payable_lines; ${view.replace('coalesce(o.amount, l.final)', 'l.final * 2')}`);
    expect(verify().problems).toEqual(
      expect.arrayContaining([
        'the triggers or views that guard money were changed outside SchemeDesk',
        'the payout lines of approved run 1 were changed after its approval',
      ]),
    );
  });

  it("finds users' roles and PIN hashes changed outside the app", async () => {
    await approvedAndOpen();
    sql("UPDATE users SET role = 'admin' WHERE name = 'priya'")();
    sql("UPDATE users SET pin_hash = (SELECT pin_hash FROM users WHERE name = 'priya') WHERE name = 'arjun'")();
    sql(
      "INSERT INTO users (name, full_name, role, pin_hash, created_at) VALUES ('mallory', 'M', 'admin', 'scrypt$1$1$1$a$b', 'now')",
    )();
    expect([...verify().problems].sort()).toEqual([
      "user arjun's name, role, status or PIN was changed outside SchemeDesk",
      'user mallory was added outside SchemeDesk',
      "user priya's name, role, status or PIN was changed outside SchemeDesk",
    ]);
  });

  it('lets no profile added or re-roled with SQL sign in, or act through the CLI', async () => {
    as('priya', 'preparer');
    expect((await api().call('runs.submit', { run: 1 })).ok).toBe(true);
    // An Approver added with arjun's PIN hash copied, and the preparer made an Approver.
    sql(
      "INSERT INTO users (name, full_name, role, pin_hash, created_at) SELECT 'mallory', 'M', 'approver', pin_hash, created_at FROM users WHERE name = 'arjun'",
    )();
    sql("UPDATE users SET role = 'approver' WHERE name = 'priya'")();
    const signIn = (name: string, pin: string) => api().call('session.signIn', { name, pin });
    expect(await signIn('mallory', '2222')).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('The user mallory was added outside SchemeDesk, so it cannot act') },
    });
    expect(await signIn('priya', '1111')).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining("The user priya's name, role, status or PIN was changed outside") },
    });
    expect((await signIn('arjun', '2222')).ok).toBe(true);
    // The CLI trusts --as without a PIN, but not to a profile the chain does not vouch for.
    ws().db.close();
    const cli = (name: string) =>
      spawnSync(
        process.execPath,
        ['--import', 'tsx', 'main/cli/main.ts', 'approve', '1', '--as', name, '--db', ws().dbPath],
        {
          encoding: 'utf8',
          timeout: 120_000,
        },
      );
    const refused = cli('mallory');
    expect([refused.status, refused.stderr]).toEqual([
      2,
      expect.stringContaining('mallory was added outside SchemeDesk'),
    ]);
    const approved = cli('arjun');
    expect([approved.status, approved.stdout]).toEqual([0, expect.stringContaining('status: approved')]);
  });

  it("finds the log's end cut off, with its stored head deleted or rewritten to match", async () => {
    await approvedAndOpen();
    const entries = (db().prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    db().exec('DROP TRIGGER audit_no_delete');
    sql('DELETE FROM audit_log WHERE seq > ?', entries - 2)();
    sql("DELETE FROM settings WHERE key = 'audit_head'")();
    expect(verify()).toMatchObject({ ok: false, problem: expect.stringMatching(/stored head was removed/) });
    const last = db().prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
      seq: number;
      hash: string;
    };
    sql("INSERT INTO settings (key, value) VALUES ('audit_head', ?)", `${last.seq}:${last.hash}`)();
    // Consistent inside the file now; the head kept beside it still names the entries cut.
    expect(verify().problems).toContain(
      `the log ends at entry ${entries - 2} but entry ${entries} was written (the head kept beside the workspace): entries were removed from the end`,
    );
  });
});
