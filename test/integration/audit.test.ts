import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { appendAudit, listAudit, verifyAudit } from '../../main/audit/log';
import { dayEnd, dayStart, today } from '../../main/format/days';
import { demoWorkspacePerTest } from '../support/workspace';

/** The CLI as a user runs it, on the test's workspace file. */
function cli(db: string, ...args: string[]) {
  const out = spawnSync(process.execPath, ['bin/schemedesk.js', ...args, '--db', db, '--json'], { encoding: 'utf8' });
  return { status: out.status, json: out.stdout.trim() ? JSON.parse(out.stdout) : null, stderr: out.stderr };
}

describe('the audit log', () => {
  const demo = demoWorkspacePerTest();
  const db = () => demo.current().ws.db;
  /** What someone editing the file with another tool could do: drop the append-only triggers. */
  const tamper = (sql: string, ...params: unknown[]) => {
    db().exec('DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete;');
    db()
      .prepare(sql)
      .run(...params);
  };

  it('records every step of the demo and refuses to be changed or cut through SQL', () => {
    const actions = db().prepare('SELECT action, count(*) AS n FROM audit_log GROUP BY action ORDER BY action').all();
    expect(actions).toEqual([
      { action: 'export.profile', n: 1 },
      { action: 'import.run', n: 10 },
      { action: 'run.create', n: 1 },
      { action: 'schema.guards', n: 6 },
      { action: 'scheme.save', n: 9 },
      { action: 'user.create', n: 3 },
    ]);
    expect(verifyAudit(db())).toMatchObject({ ok: true, entries: 30, brokenAt: null });
    expect(() => db().prepare("UPDATE audit_log SET user = 'someone' WHERE seq = 3").run()).toThrow(/append-only/);
    expect(() => db().prepare('DELETE FROM audit_log WHERE seq = 3').run()).toThrow(/append-only/);
  });

  it('is listed newest first and filtered by area, user, text (wildcards taken literally) and date', () => {
    const all = listAudit(db(), { offset: 0, limit: 5 });
    expect(all.total).toBe(30);
    expect(all.entries.map((e) => e.seq)).toEqual([30, 29, 28, 27, 26]);
    expect(listAudit(db(), { action: 'scheme.', offset: 0, limit: 100 }).total).toBe(9);
    // The demo's imports, schemes and first run are its preparer's; whoever made it created the profiles.
    expect(listAudit(db(), { user: 'PRIYA', offset: 0, limit: 1 }).total).toBe(21);
    expect(listAudit(db(), { user: 'tester', offset: 0, limit: 1 }).total).toBe(3);
    expect(listAudit(db(), { user: 'arjun', offset: 0, limit: 1 }).total).toBe(0);
    const sales = listAudit(db(), { text: 'secondary-sales', offset: 0, limit: 10 });
    expect(sales.entries.map((e) => e.subject)).toEqual([
      'batch 6: sales from secondary-sales-history.xlsx',
      'batch 5: sales from secondary-sales.xlsx',
    ]);
    expect(listAudit(db(), { text: '%', offset: 0, limit: 1 }).total).toBe(0);
    const day = today();
    expect(listAudit(db(), { from: dayStart(day), to: dayEnd(day), offset: 0, limit: 1 }).total).toBe(30);
    expect(listAudit(db(), { to: dayEnd('2000-01-01'), offset: 0, limit: 1 }).total).toBe(0);
  });

  it("lists a day as the user's day: in India, 15 Jan starts at 14 Jan 18:30 UTC", () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Kolkata';
    try {
      expect([dayStart('2026-01-15'), dayEnd('2026-01-15')]).toEqual([
        '2026-01-14T18:30:00.000Z',
        '2026-01-15T18:30:00.000Z',
      ]);
      // 01:00 on 15 Jan in India, still 14 Jan in UTC.
      appendAudit(db(), { user: 'tester', action: 'test.early', subject: 'early' }, new Date('2026-01-14T19:30:00Z'));
      const day = (d: string) =>
        listAudit(db(), { from: dayStart(d), to: dayEnd(d), offset: 0, limit: 5 }).entries.map((e) => e.action);
      expect(day('2026-01-15')).toEqual(['test.early']);
      expect(day('2026-01-14')).toEqual([]);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('names the entry that was altered', () => {
    // The first import's entry: a count of rows made larger.
    const first = db().prepare(`SELECT min(seq) FROM audit_log WHERE after LIKE '%"rows":%'`).pluck().get() as number;
    tamper(`UPDATE audit_log SET after = replace(after, '"rows":', '"rows":1') WHERE seq = ?`, first);
    expect(verifyAudit(db())).toMatchObject({
      ok: false,
      brokenAt: first,
      problem: `entry ${first} was altered after it was written`,
    });
  });

  it('names the entry that was removed from the middle', () => {
    tamper('DELETE FROM audit_log WHERE seq = 7');
    expect(verifyAudit(db())).toMatchObject({
      ok: false,
      brokenAt: 7,
      problem: expect.stringMatching(/entry 7 is missing/),
    });
  });

  it('notices entries cut off the end', () => {
    tamper('DELETE FROM audit_log WHERE seq >= 23');
    expect(verifyAudit(db())).toMatchObject({
      ok: false,
      brokenAt: 23,
      problem: 'the log ends at entry 22 but entry 30 was written: entries were removed from the end',
    });
  });

  it('names the first entry of two that were swapped', () => {
    tamper('UPDATE audit_log SET seq = -1 WHERE seq = 4');
    tamper('UPDATE audit_log SET seq = 4 WHERE seq = 5');
    tamper('UPDATE audit_log SET seq = 5 WHERE seq = -1');
    expect(verifyAudit(db())).toMatchObject({ ok: false, brokenAt: 4 });
  });

  it('is checked from the CLI, which exits non-zero and names the entry when the chain is broken', () => {
    const path = demo.current().ws.dbPath;
    const good = cli(path, 'audit', 'verify');
    expect(good.status).toBe(0);
    expect(good.json).toMatchObject({ ok: true, entries: 30 });
    expect(cli(path, 'audit', 'list', '--from', today(), '--to', today()).json).toMatchObject({ total: 30 });
    const badDay = cli(path, 'audit', 'list', '--from', '30/11/2026');
    expect([badDay.status, badDay.stderr]).toEqual([2, 'schemedesk: "30/11/2026" is not a date written YYYY-MM-DD\n']);
    tamper(`UPDATE audit_log SET user = 'nobody' WHERE seq = 12`);
    const bad = cli(path, 'audit', 'verify');
    expect(bad.status).toBe(1);
    expect(bad.json).toMatchObject({ ok: false, brokenAt: 12, problem: 'entry 12 was altered after it was written' });
  });

  it('records overrides and workflow steps from the CLI with before and after, refusing what the workflow forbids', () => {
    const path = demo.current().ws.dbPath;
    const line = db()
      .prepare(
        "SELECT payee, scheme_code AS scheme, final FROM payout_lines WHERE run_id = 1 AND kind = 'payout' ORDER BY id LIMIT 1",
      )
      .get() as { payee: string; scheme: string; final: number };
    const args = [
      '--payee',
      line.payee,
      '--scheme',
      line.scheme,
      '--amount',
      '750.25',
      '--reason',
      'agreed with the RSM',
    ];
    expect(cli(path, 'override', '1', ...args).status).toBe(2); // --as is required
    const override = cli(path, 'override', '1', ...args, '--as', 'priya');
    expect(override.status).toBe(0);
    expect(override.json).toMatchObject({ run: 1, lines: 1, final: '750.25' });
    expect(cli(path, 'submit', '1', '--as', 'priya').json).toMatchObject({ status: 'submitted' });
    const selfApproval = cli(path, 'approve', '1', '--as', 'priya');
    expect(selfApproval.status).toBe(1);
    expect(selfApproval.json.error.message).toMatch(/priya is a Preparer/);
    expect(cli(path, 'reject', '1', '--comment', 'check D002', '--as', 'arjun').json).toMatchObject({
      status: 'rejected',
    });
    expect(cli(path, 'submit', '1', '--as', 'priya').status).toBe(0);
    expect(cli(path, 'approve', '1', '--as', 'arjun').json).toMatchObject({ status: 'approved' });
    const late = cli(path, 'override', '1', ...args, '--as', 'priya');
    expect(late.status).toBe(1);
    expect(late.json.error.message).toBe(
      'Run 1 cannot be overridden: it is approved and locked; only a reversing run can undo it.',
    );
    expect(cli(path, 'reverse', '1', '--as', 'arjun').json).toMatchObject({ status: 'reversed', reversal: 2 });

    const trail = db()
      .prepare(
        "SELECT user, action, subject, before, after FROM audit_log WHERE action LIKE 'override.%' OR action LIKE 'run.%' ORDER BY seq",
      )
      .all() as { user: string; action: string; subject: string; before: string | null; after: string }[];
    expect(trail.map((e) => `${e.user} ${e.action} ${e.subject}`)).toEqual([
      expect.stringMatching(/ run.create run 1$/),
      `priya override.set run 1: ${line.payee} in ${line.scheme}`,
      'priya run.submit run 1',
      'arjun run.reject run 1',
      'priya run.submit run 1',
      'arjun run.approve run 1',
      'arjun run.create run 2',
      'arjun run.reverse run 1',
    ]);
    const overrideEntry = trail[1];
    expect(JSON.parse(overrideEntry?.before ?? '{}').lines).toEqual([
      { scheme: line.scheme, payee: line.payee, amount: (line.final / 100).toFixed(2) },
    ]);
    expect(JSON.parse(overrideEntry?.after ?? '{}')).toMatchObject({
      reason: 'agreed with the RSM',
      lines: [{ amount: '750.25' }],
    });
    expect(JSON.parse(trail[3]?.after ?? '{}')).toMatchObject({ status: 'rejected', comment: 'check D002' });
    expect(verifyAudit(db()).ok).toBe(true);
  }, 60_000);
});
