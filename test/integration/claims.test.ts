import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scheme as schemeModel } from '../../engine/model';
import { Exact, paiseToRupees } from '../../engine/money';
import { createWorkspaceApi } from '../../main/api/handlers';
import { exportRun } from '../../main/exports/export';
import { openSource } from '../../main/import/open-source';
import { overrideLines } from '../../main/review/overrides';
import { executeRun } from '../../main/runs/execute';
import { getScheme, saveScheme } from '../../main/schemes/store';
import { demoWorkspacePerTest } from '../support/workspace';

/** A distributor's claim sheet against the demo's run, with a row for each kind of difference. */
describe("reconciling a distributor's claims with the run", () => {
  const demo = demoWorkspacePerTest();

  it('explains each claim: matches, measure, slab, adjustments, override, not eligible, no such scheme', async () => {
    const { ws, dir } = demo.current();
    const db = ws.db;
    // A capped copy of the volume scheme, so some lines pay less than their slab.
    const volume = getScheme(db, 'VOL-BEV-202610');
    if (!volume) throw new Error('the demo has no VOL-BEV-202610');
    saveScheme(db, { ...volume, code: 'VOL-CAP', budget: undefined, caps: { perPayee: '100' } }, 'priya');
    const run = executeRun(db, { from: '2026-10-01', to: '2026-10-31', user: 'priya' }).run;
    type Line = {
      id: number;
      payee: string;
      scheme: string;
      measure: string;
      slab: number | null;
      final: number;
      computed: number;
      definition: string;
    };
    const lines = db
      .prepare(
        `SELECT l.id, l.payee, l.scheme_code AS scheme, l.measure, l.slab, l.final, l.computed, v.definition
         FROM payout_lines l JOIN scheme_versions v ON v.id = l.scheme_version_id
         WHERE l.run_id = ? AND l.kind = 'payout' ORDER BY l.id`,
      )
      .all(run) as Line[];
    const plain = lines.filter(
      (l) =>
        l.final > 0 && l.final === l.computed && schemeModel.parse(JSON.parse(l.definition)).slabs.basis === 'measure',
    );
    const adjusted = lines.find((l) => l.final !== l.computed && l.computed > 0);
    const [match, measured, slabbed, overridden] = plain;
    if (!match || !measured || !slabbed || !overridden || !adjusted)
      throw new Error('the demo run lacks the lines this test needs');
    overrideLines(
      db,
      { run, lines: [overridden.id], change: { mode: 'set', amount: '100' }, reason: 'agreed cut' },
      { name: 'priya', role: 'preparer' },
    );
    const rupees = (paise: number) => paiseToRupees(paise);
    const rows = [
      ['Distributor Code', 'Scheme', 'Claimed Amount', 'Claimed Measure'],
      [match.payee, match.scheme, rupees(match.final), ''],
      [
        measured.payee,
        measured.scheme,
        rupees(measured.final + 500),
        new Exact(measured.measure).plus('0.01').toString(),
      ],
      [slabbed.payee, slabbed.scheme, rupees(slabbed.final + 99_900), '999999999'],
      [adjusted.payee, adjusted.scheme, rupees(adjusted.computed), ''],
      [overridden.payee, overridden.scheme, rupees(overridden.final), ''],
      ['D999', match.scheme, '1,000.00', ''],
      [match.payee, 'NO-SUCH-SCHEME', '250', ''],
      ['Total', '', '0', ''],
    ];
    const file = join(dir, 'claims.csv');
    writeFileSync(file, rows.map((r) => r.map((c) => `"${c}"`).join(',')).join('\n'));
    const answer = await createWorkspaceApi(ws).call('review.importClaims', { run, path: file });
    if (!answer.ok) throw new Error(answer.error.message);
    const verdicts = answer.value.lines.map((l) => l.verdict);
    expect(verdicts).toEqual([
      'matches',
      'measure differs',
      slabbed.slab === null || slabbed.slab < schemeModel.parse(JSON.parse(slabbed.definition)).slabs.table.length - 1
        ? 'slab differs'
        : 'measure differs',
      'adjusted',
      'overridden',
      'not eligible',
      'no such scheme',
    ]);
    const [first, second, , fourth, fifth] = answer.value.lines;
    expect(first?.difference).toBe('0.00');
    expect(second?.difference).toBe('5.00');
    // The slab's amount, then each step that changed it (whichever the demo's first adjusted line had).
    expect(fourth?.explanation).toMatch(
      /^The slab pays ₹[\d,.]+; (cap|gate|catch-up|stacking|budget) -₹[\d,.]+ \(.+\)/,
    );
    expect(fifth?.explanation).toContain('overridden to ₹100.00: agreed cut');
    expect(fifth?.computed).toBe('100.00');
    // The reconciliation is kept with the run, and audited.
    const again = await createWorkspaceApi(ws).call('review.claims', { run });
    expect(again.ok && again.value.lines.map((l) => l.verdict)).toEqual(verdicts);
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'claims.import'").pluck().get()).toBe(1);

    // The statement sent back to the distributor carries its claims, reconciled.
    const exported = await exportRun(db, {
      run,
      format: 'statements',
      profile: 'Default',
      draft: true,
      user: 'priya',
      defaultFolder: join(dir, 'out'),
    });
    const statement = exported.files.find((f) => f.name.endsWith(`statement-${measured.payee}.xlsx`));
    if (!statement) throw new Error(`no statement for ${measured.payee}`);
    const source = await openSource(statement.path);
    const cells: string[] = [];
    for await (const sheet of source.sheets())
      for await (const row of sheet.rows()) cells.push(...row.cells.map(String));
    source.close?.();
    expect(cells).toContain('Your claims');
    expect(cells).toContain(`measure differs: ${second?.explanation}`);
  });

  it('refuses a claim file it cannot read, naming the file, row and field', async () => {
    const { ws, dir } = demo.current();
    const api = createWorkspaceApi(ws);
    const headerless = join(dir, 'no-header.csv');
    writeFileSync(headerless, 'a,b\n1,2\n');
    expect(await api.call('review.importClaims', { run: 1, path: headerless })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringMatching(/^no-header\.csv has no header naming a payee/) },
    });
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'Payee,Scheme,Claim Amount\nD001,VOL-BEV-202610,12.5\nD002,VOL-BEV-202610,twelve\n');
    expect(await api.call('review.importClaims', { run: 1, path: bad })).toMatchObject({
      ok: false,
      error: { message: 'bad.csv, row 3, claimed amount is not an amount: twelve' },
    });
    const fractions = join(dir, 'fractions.csv');
    writeFileSync(fractions, 'Payee,Scheme,Claim Amount\nD001,VOL-BEV-202610,12.345\n');
    expect(await api.call('review.importClaims', { run: 1, path: fractions })).toMatchObject({
      ok: false,
      error: { message: 'fractions.csv, row 2, claimed amount has more than two decimals: 12.345' },
    });
    expect(ws.db.prepare('SELECT count(*) FROM run_claims').pluck().get()).toBe(0);
  });
});
