import { describe, expect, it } from 'vitest';
import { createWorkspaceApi } from '../../main/api/handlers';
import { approveRun, rejectRun, reverseRun, submitRun, withdrawRun } from '../../main/review/actions';
import { overrideEach, overrideLines } from '../../main/review/overrides';
import type { Actor } from '../../main/review/workflow';
import { executeRun, recalculateRun } from '../../main/runs/execute';
import { getScheme, saveScheme } from '../../main/schemes/store';
import { openWorkspaceSession } from '../../main/workspace';
import { demoWorkspacePerTest } from '../support/workspace';

const priya: Actor = { name: 'priya', role: 'preparer' };
const arjun: Actor = { name: 'arjun', role: 'approver' };
const asha: Actor = { name: 'admin', role: 'admin' };

describe('review, overrides and approval on a real workspace', () => {
  const demo = demoWorkspacePerTest();
  const db = () => demo.current().ws.db;
  const firstRun = () => (db().prepare('SELECT min(id) AS id FROM runs').get() as { id: number }).id;
  const paidLine = (run: number) =>
    db()
      .prepare(
        `SELECT id, scheme_code AS scheme, payee, final FROM payout_lines WHERE run_id = ? AND kind = 'payout' AND final > 0
         AND adjustments = '[]' ORDER BY id LIMIT 1`,
      )
      .get(run) as { id: number; scheme: string; payee: string; final: number };
  const runRow = (id: number) =>
    db().prepare('SELECT status, total, submitted_by, approved_by, comment FROM runs WHERE id = ?').get(id) as {
      status: string;
      total: number;
      submitted_by: string | null;
      approved_by: string | null;
      comment: string | null;
    };
  const sumOfLines = (run: number) =>
    (
      db()
        .prepare(
          `SELECT sum(coalesce(o.amount, l.final)) AS n FROM payout_lines l LEFT JOIN overrides o ON o.run_id = l.run_id
           AND o.scheme_code = l.scheme_code AND o.payee = l.payee AND o.kind = l.kind AND o.superseded_at IS NULL
           WHERE l.run_id = ?`,
        )
        .get(run) as { n: number }
    ).n;

  it('overrides a line by amount, zero and percentage, each with a reason, and keeps the run total exact', () => {
    const run = firstRun();
    const line = paidLine(run);
    const before = runRow(run).total;
    const set = overrideLines(
      db(),
      { run, lines: [line.id], change: { mode: 'set', amount: '1,234.56' }, reason: 'agreed' },
      priya,
    );
    expect(set.lines).toBe(1);
    // 1,234.56 rupees replace the line's calculated paise; every other line is unchanged.
    expect(runRow(run).total).toBe(before - line.final + 123456);
    overrideLines(db(), { run, lines: [line.id], change: { mode: 'scale', percent: '50' }, reason: 'half' }, priya);
    // 50% of 123456 paise = 61728 paise, exactly.
    expect(runRow(run).total).toBe(before - line.final + 61728);
    overrideLines(db(), { run, lines: [line.id], change: { mode: 'zero' }, reason: 'dummy outlets' }, priya);
    expect(runRow(run).total).toBe(before - line.final);
    overrideLines(db(), { run, lines: [line.id], change: { mode: 'clear' }, reason: 'back to the scheme' }, priya);
    expect(runRow(run).total).toBe(before);
    expect(runRow(run).total).toBe(sumOfLines(run));

    const history = db().prepare('SELECT amount, reason, made_by FROM overrides WHERE run_id = ? ORDER BY id').all(run);
    expect(history).toEqual([
      { amount: 123456, reason: 'agreed', made_by: 'priya' },
      { amount: 61728, reason: 'half', made_by: 'priya' },
      { amount: 0, reason: 'dummy outlets', made_by: 'priya' },
      { amount: null, reason: 'back to the scheme', made_by: 'priya' },
    ]);
    expect(() => overrideLines(db(), { run, lines: [line.id], change: { mode: 'zero' }, reason: '  ' }, priya)).toThrow(
      'An override needs a reason',
    );
    expect(() =>
      overrideLines(db(), { run, lines: [line.id], change: { mode: 'set', amount: '-5' }, reason: 'no' }, priya),
    ).toThrow(/cannot be overridden to a negative amount/);
    expect(() => overrideLines(db(), { run, lines: [line.id], change: { mode: 'zero' }, reason: 'no' }, arjun)).toThrow(
      'arjun is an Approver; overriding a run needs the Preparer or Admin role.',
    );
  });

  it('applies a pasted column of amounts, each with its reason, all or none', () => {
    const run = firstRun();
    const lines = db()
      .prepare("SELECT id, final FROM payout_lines WHERE run_id = ? AND kind = 'payout' ORDER BY id LIMIT 3")
      .all(run) as { id: number; final: number }[];
    const [a, b, c] = lines as [
      { id: number; final: number },
      { id: number; final: number },
      { id: number; final: number },
    ];
    const before = runRow(run).total;
    // One amount that is not an amount: nothing of the paste lands.
    const paste = (items: { line: number; amount: string; reason: string }[]) =>
      overrideEach(db(), { run, items }, priya);
    expect(() =>
      paste([
        { line: a.id, amount: '1,000', reason: 'agreed' },
        { line: b.id, amount: 'twelve', reason: 'agreed' },
      ]),
    ).toThrow('"twelve" is not an amount with at most 2 decimals');
    expect(runRow(run).total).toBe(before);
    expect(() => paste([{ line: a.id, amount: '1', reason: ' ' }])).toThrow('An override needs a reason');
    expect(() =>
      paste([
        { line: a.id, amount: '1', reason: 'x' },
        { line: a.id, amount: '2', reason: 'y' },
      ]),
    ).toThrow('Each line takes one pasted amount');

    const done = paste([
      { line: a.id, amount: '1,000.00', reason: 'Agreed with D001' },
      { line: b.id, amount: '₹2500', reason: 'Regional manager' },
      { line: c.id, amount: '300.5', reason: 'Rounded' },
    ]);
    expect(done.lines).toBe(3);
    expect(runRow(run).total).toBe(before - a.final - b.final - c.final + 100000 + 250000 + 30050);
    const audit = db()
      .prepare("SELECT after FROM audit_log WHERE action = 'override.set' ORDER BY seq DESC LIMIT 1")
      .pluck()
      .get() as string;
    expect(JSON.parse(audit).lines.map((l: { reason: string }) => l.reason)).toEqual([
      'Agreed with D001',
      'Regional manager',
      'Rounded',
    ]);
  });

  it('keeps an override through a recalculation and flags it when the amount beneath it changed', async () => {
    const { ws } = demo.current();
    const run = firstRun();
    const line = paidLine(run);
    overrideLines(
      db(),
      { run, lines: [line.id], change: { mode: 'set', amount: '500' }, reason: 'capped by RSM' },
      priya,
    );
    const same = recalculateRun(db(), { run, actor: priya });
    expect(same.staleOverrides).toBe(0);

    // The scheme is edited afterwards: every slab pays twice the rate, so the line computes more.
    const scheme = getScheme(db(), line.scheme);
    if (!scheme) throw new Error('no scheme');
    const doubled = scheme.slabs.table.map((s) => ({ ...s, rate: String(Number(s.rate) * 2) }));
    saveScheme(db(), { ...scheme, slabs: { ...scheme.slabs, table: doubled } }, 'admin');
    const again = recalculateRun(ws.db, { run, actor: priya });
    expect(again.staleOverrides).toBeGreaterThanOrEqual(1);

    const api = createWorkspaceApi(ws);
    const lines = await api.call('review.lines', {
      run,
      startRow: 0,
      endRow: 10,
      filterModel: { flags: { filterType: 'text', type: 'contains', filter: 'stale-override' } },
    });
    if (!lines.ok) throw new Error(lines.error.message);
    const flagged = lines.value.rows.find((r) => r.payee === line.payee && r.scheme === line.scheme);
    expect(flagged).toMatchObject({ override: '500.00', final: '500.00', override_reason: 'capped by RSM' });
    expect(flagged?.calculated).not.toBe((line.final / 100).toFixed(2));
    expect(runRow(run).total).toBe(sumOfLines(run));
  });

  it('walks the workflow: submit, reject with a comment, resubmit, approve by someone else', () => {
    const run = firstRun();
    expect(() => approveRun(db(), run, arjun)).toThrow('Run 1 cannot be approved: it has not been submitted yet.');
    submitRun(db(), run, priya);
    expect(() => approveRun(db(), run, priya)).toThrow(/priya is a Preparer/);
    expect(() => rejectRun(db(), run, arjun, ' ')).toThrow(/needs a comment/);
    rejectRun(db(), run, arjun, 'D003 looks doubled');
    expect(runRow(run)).toMatchObject({ status: 'rejected', comment: 'D003 looks doubled' });
    submitRun(db(), run, priya);
    const approved = approveRun(db(), run, arjun);
    expect(approved.status).toBe('approved');
    expect(runRow(run)).toMatchObject({
      status: 'approved',
      submitted_by: 'priya',
      approved_by: 'arjun',
      comment: null,
    });
  });

  it('lets the preparer withdraw a submitted run to correct it, audited; never a reversing run, even in SQL', () => {
    const run = firstRun();
    const line = paidLine(run);
    submitRun(db(), run, priya);
    expect(() => withdrawRun(db(), run, arjun, 'typo')).toThrow(/withdrawing a run needs the Preparer or Admin role/);
    expect(() => withdrawRun(db(), run, priya, '  ')).toThrow(/needs a reason/);
    expect(withdrawRun(db(), run, priya, 'D003 needs a correction').status).toBe('calculated');
    // Its lines unlock: the correction is an override like any other, and it is submitted again.
    overrideLines(db(), { run, lines: [line.id], change: { mode: 'zero' }, reason: 'doubled' }, priya);
    const audit = db()
      .prepare("SELECT user, after FROM audit_log WHERE action = 'run.withdraw' AND subject = ?")
      .get(`run ${run}`) as { user: string; after: string };
    expect(audit.user).toBe('priya');
    expect(JSON.parse(audit.after)).toMatchObject({ status: 'calculated', reason: 'D003 needs a correction' });
    submitRun(db(), run, priya);
    approveRun(db(), run, arjun);
    expect(() => withdrawRun(db(), run, priya, 'late')).toThrow(/cannot be withdrawn: it is approved/);

    const reversal = reverseRun(db(), run, arjun).reversal as number;
    expect(() => withdrawRun(db(), reversal, priya, 'no')).toThrow(
      `Run ${reversal} reverses run ${run}: it is approved or rejected, not withdrawn.`,
    );
    expect(() => db().prepare("UPDATE runs SET status = 'calculated' WHERE id = ?").run(reversal)).toThrow(
      'This status change is not a step of the run workflow',
    );
  });

  it('refuses the maker as checker even with the Admin role', () => {
    const run = firstRun();
    submitRun(db(), run, asha);
    expect(() => approveRun(db(), run, asha)).toThrow(
      'Maker-checker: admin submitted run 1, so someone else must approve it.',
    );
    // And in the database itself, for any other client of the file.
    expect(() =>
      db().prepare("UPDATE runs SET status = 'approved', approved_by = 'admin' WHERE id = ?").run(run),
    ).toThrow(/Maker-checker/);
  });

  it('locks an approved run in the database: its lines, its overrides and its facts', () => {
    const run = firstRun();
    const line = paidLine(run);
    submitRun(db(), run, priya);
    approveRun(db(), run, arjun);
    expect(() => db().prepare('UPDATE payout_lines SET final = final + 1 WHERE id = ?').run(line.id)).toThrow(
      'The payout lines of a submitted or approved run cannot change',
    );
    expect(() => db().prepare('DELETE FROM payout_lines WHERE id = ?').run(line.id)).toThrow(/cannot change/);
    expect(() =>
      db()
        .prepare(
          "INSERT INTO overrides (run_id, scheme_code, payee, kind, amount, calculated, reason, made_by, made_at) VALUES (?, ?, ?, 'payout', 0, 0, 'x', 'x', 'x')",
        )
        .run(run, line.scheme, line.payee),
    ).toThrow('A submitted or approved run cannot be overridden');
    expect(() => db().prepare('UPDATE runs SET total = 0 WHERE id = ?').run(run)).toThrow(
      'An approved run cannot be edited; reverse it with a new run',
    );
    expect(() => db().prepare("UPDATE runs SET status = 'calculated' WHERE id = ?").run(run)).toThrow(
      'This status change is not a step of the run workflow',
    );
    expect(() => db().prepare('DELETE FROM runs WHERE id = ?').run(run)).toThrow(/never deleted/);
    expect(() => recalculateRun(db(), { run, actor: priya })).toThrow(/cannot be recalculated: it is approved/);
  });

  it('refuses a status jump the workflow does not have, straight in SQL', () => {
    const run = firstRun();
    expect(() => db().prepare("UPDATE runs SET status = 'exported' WHERE id = ?").run(run)).toThrow(
      'This status change is not a step of the run workflow',
    );
  });

  it('reverses an approved run with a negative run that needs its own approval, and stops clawing back on it', () => {
    const run = firstRun();
    const line = paidLine(run);
    overrideLines(db(), { run, lines: [line.id], change: { mode: 'set', amount: '100' }, reason: 'agreed' }, priya);
    submitRun(db(), run, priya);
    approveRun(db(), run, arjun);
    const paid = runRow(run).total;
    const reversed = reverseRun(db(), run, arjun);
    expect(reversed).toMatchObject({ status: 'reversed', reversal: expect.any(Number) });
    const reversal = reversed.reversal as number;
    expect(runRow(run).status).toBe('reversed');
    expect(runRow(reversal)).toMatchObject({ status: 'submitted', submitted_by: 'arjun', total: -paid });
    expect(sumOfLines(reversal)).toBe(-paid);
    // The overridden amount is what is reversed, not the calculated one.
    const negated = db()
      .prepare('SELECT final FROM payout_lines WHERE run_id = ? AND scheme_code = ? AND payee = ?')
      .get(reversal, line.scheme, line.payee) as { final: number };
    expect(negated.final).toBe(-10000);
    expect(() => approveRun(db(), reversal, arjun)).toThrow(/arjun submitted run/);
    approveRun(db(), reversal, asha);
    expect(() => reverseRun(db(), run, arjun)).toThrow(/it has been reversed/);
    // A fresh run of the same month sees nothing paid, so it claws nothing back.
    const next = executeRun(db(), { from: '2026-10-01', to: '2026-10-31', user: 'priya' });
    const clawbacks = db()
      .prepare("SELECT count(*) AS n FROM payout_lines WHERE run_id = ? AND kind = 'clawback'")
      .get(next.run);
    expect(clawbacks).toEqual({ n: 0 });
  });

  it('reads the review grid in SQL: filters, quick filter, sort, totals and subtotals that add up', async () => {
    const api = createWorkspaceApi(demo.current().ws);
    const run = firstRun();
    const all = await api.call('review.lines', { run, startRow: 0, endRow: 5000 });
    if (!all.ok) throw new Error(all.error.message);
    const region = String(all.value.rows.find((r) => r.region)?.region);
    const north = await api.call('review.lines', {
      run,
      startRow: 0,
      endRow: 5000,
      filterModel: { region: { filterType: 'text', type: 'equals', filter: region } },
      sortModel: [{ colId: 'final', sort: 'desc' }],
    });
    if (!north.ok) throw new Error(north.error.message);
    const rows = north.value.rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.region === region)).toBe(true);
    const paise = rows.map((r) => Math.round(Number(r.final) * 100));
    expect(paise).toEqual([...paise].sort((a, b) => b - a));
    expect(Math.round(Number(north.value.totals?.final) * 100)).toBe(paise.reduce((a, b) => a + b, 0));

    const quick = await api.call('review.lines', {
      run,
      startRow: 0,
      endRow: 5000,
      quickFilter: `${region} ${rows[0]?.scheme}`,
    });
    if (!quick.ok) throw new Error(quick.error.message);
    expect(quick.value.rows.every((r) => r.region === region && r.scheme === rows[0]?.scheme)).toBe(true);

    const groups = await api.call('review.groups', { run, by: 'region' });
    if (!groups.ok) throw new Error(groups.error.message);
    const groupPaise = groups.value.reduce((n, g) => n + Math.round(Number(g.final) * 100), 0);
    expect(groupPaise).toBe(runRow(run).total);
    expect(groups.value.reduce((n, g) => n + g.lines, 0)).toBe(all.value.totals?.lines);
  });

  it('explains a line: steps from measure to final, and its source rows with file, sheet and row', async () => {
    const api = createWorkspaceApi(demo.current().ws);
    const run = firstRun();
    const line = paidLine(run);
    overrideLines(db(), { run, lines: [line.id], change: { mode: 'set', amount: '10' }, reason: 'one-off' }, priya);
    const trace = await api.call('review.trace', { line: line.id });
    if (!trace.ok) throw new Error(trace.error.message);
    const steps = trace.value.steps.map((s) => s.step);
    expect(steps[0]).toBe('Measure');
    expect(steps).toContain('Slab');
    expect(steps).toContain('Slab amount');
    expect(trace.value.steps.find((s) => s.step === 'Override')).toMatchObject({
      amount: '10.00',
      detail: `${priya.name}: one-off`,
    });
    expect(trace.value.steps.find((s) => s.step === 'Final')).toMatchObject({ amount: '10.00' });
    const sources = await api.call('review.sources', { line: line.id, limit: 3 });
    if (!sources.ok) throw new Error(sources.error.message);
    expect(sources.value.total).toBe(trace.value.sourceCount);
    expect(sources.value.rows[0]).toMatchObject({
      document: expect.any(String),
      file: expect.stringMatching(/\.xlsx$/),
      sheet: expect.any(String),
      row: expect.any(Number),
    });
  });

  it('tells the window which steps a run offers and which the signed-in user may take', async () => {
    const window = await openWorkspaceSession(demo.current().ws.dbPath, { requireSignIn: true });
    try {
      const api = createWorkspaceApi(window);
      const run = firstRun();
      await api.call('session.signIn', { name: 'priya', pin: '1111' });
      expect(await api.call('runs.get', { run })).toMatchObject({
        ok: true,
        value: {
          status: 'calculated',
          actions: ['calculate', 'override', 'submit'],
          permitted: ['calculate', 'override', 'submit'],
        },
      });
      await api.call('runs.submit', { run });
      expect(await api.call('runs.get', { run })).toMatchObject({
        value: { actions: ['withdraw', 'approve', 'reject'], permitted: ['withdraw'] },
      });
      // A step the rules refuse is answered with why, and written to the audit log.
      expect(await api.call('runs.approve', { run })).toMatchObject({ ok: false, error: { code: 'refused' } });
      const refused = db()
        .prepare("SELECT user, subject, after FROM audit_log WHERE action = 'action.refused' ORDER BY seq DESC LIMIT 1")
        .get() as { user: string; subject: string; after: string };
      expect(refused).toMatchObject({ user: 'priya', subject: 'runs.approve' });
      expect(JSON.parse(refused.after)).toMatchObject({ role: 'preparer', reason: expect.stringMatching(/Preparer/) });
      await api.call('session.signIn', { name: 'arjun', pin: '2222' });
      expect(await api.call('runs.get', { run })).toMatchObject({ value: { permitted: ['approve', 'reject'] } });
      expect(await api.call('runs.get', { run: 99 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    } finally {
      window.db.close();
    }
  });

  it('lets only an Admin add, re-role, re-PIN and deactivate users, keeping one active Admin, all audited', async () => {
    const { ws } = demo.current();
    const window = await openWorkspaceSession(ws.dbPath, { requireSignIn: true });
    try {
      const api = createWorkspaceApi(window);
      await api.call('session.signIn', { name: 'priya', pin: '1111' });
      expect(await api.call('users.update', { name: 'arjun', active: false })).toMatchObject({
        error: { code: 'forbidden' },
      });
      await api.call('session.signIn', { name: 'admin', pin: '0000' });
      expect(
        await api.call('users.create', { name: 'ravi', fullName: 'Ravi Kumar', role: 'preparer', pin: '4321' }),
      ).toMatchObject({
        ok: true,
        value: { name: 'ravi', role: 'preparer', active: true },
      });
      expect(await api.call('users.update', { name: 'ravi', role: 'approver', pin: '5678' })).toMatchObject({
        ok: true,
        value: { role: 'approver' },
      });
      expect(await api.call('users.update', { name: 'arjun', active: false })).toMatchObject({ ok: true });
      expect(await api.call('session.signIn', { name: 'arjun', pin: '2222' })).toMatchObject({
        error: { message: 'arjun has been deactivated; ask an Admin' },
      });
      expect(await api.call('session.signIn', { name: 'ravi', pin: '4321' })).toMatchObject({ ok: false });
      expect(await api.call('session.signIn', { name: 'ravi', pin: '5678' })).toMatchObject({
        value: { role: 'approver' },
      });
      await api.call('session.signIn', { name: 'admin', pin: '0000' });
      expect(await api.call('users.update', { name: 'admin', role: 'preparer' })).toMatchObject({
        error: { code: 'validation', message: 'The workspace needs at least one active Admin' },
      });
      const trail = db()
        .prepare("SELECT user, action, subject FROM audit_log WHERE action LIKE 'user.%' AND user = 'admin'")
        .all();
      const id = (name: string) => (db().prepare('SELECT id FROM users WHERE name = ?').get(name) as { id: number }).id;
      expect(trail).toEqual([
        { user: 'admin', action: 'user.create', subject: `user #${id('ravi')}` },
        { user: 'admin', action: 'user.update', subject: `user #${id('ravi')}` },
        { user: 'admin', action: 'user.update', subject: `user #${id('arjun')}` },
      ]);
    } finally {
      window.db.close();
    }
  });

  it('asks the window for a profile before anything else, and pauses sign-in after wrong PINs', async () => {
    const { ws } = demo.current();
    const window = await openWorkspaceSession(ws.dbPath, { requireSignIn: true });
    try {
      const api = createWorkspaceApi(window);
      const refused = await api.call('data.datasets', {});
      expect(refused).toMatchObject({ ok: false, error: { code: 'signed_out' } });
      const session = await api.call('session.current', {});
      expect(session.ok && session.value.users.map((u) => u.name)).toEqual(['admin', 'arjun', 'priya']);
      expect(await api.call('session.signIn', { name: 'priya', pin: '9999' })).toMatchObject({
        ok: false,
        error: { code: 'refused', message: 'That user name and PIN do not match' },
      });
      const signedIn = await api.call('session.signIn', { name: 'priya', pin: '1111' });
      expect(signedIn).toMatchObject({ ok: true, value: { name: 'priya', role: 'preparer' } });
      expect((await api.call('data.datasets', {})).ok).toBe(true);
      expect(await api.call('users.create', { name: 'ravi', role: 'preparer', pin: '1234' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      await api.call('session.signOut', {});
      for (let i = 0; i < 4; i++) await api.call('session.signIn', { name: 'arjun', pin: '0000' });
      expect(await api.call('session.signIn', { name: 'arjun', pin: '2222' })).toMatchObject({
        ok: false,
        error: { message: 'Sign-in for arjun is paused after 4 wrong PINs; try again in 30 s' },
      });
      const pin = db().prepare("SELECT pin_hash FROM users WHERE name = 'arjun'").get() as { pin_hash: string };
      expect(pin.pin_hash).toMatch(/^scrypt\$131072\$8\$1\$/);
      expect(pin.pin_hash).not.toContain('2222');
    } finally {
      window.db.close();
    }
  });
});
