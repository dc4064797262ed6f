import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { convert } from 'xmlbuilder2';
import { createWorkspaceApi } from '../../main/api/handlers';
import { exportRun } from '../../main/exports/export';
import { exportFormatIds } from '../../main/exports/formats';
import { approveRun, submitRun } from '../../main/review/actions';
import { demoWorkspacePerTest } from '../support/workspace';

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const paise = (text: string | undefined) => (text ? Math.round(Number(text) * 100) : 0);
const priya = { name: 'priya', role: 'preparer' as const };
const arjun = { name: 'arjun', role: 'approver' as const };

/** Opens files with LibreOffice and writes each (every sheet of an xlsx) as comma-separated UTF-8 CSV. */
function libreOfficeCsv(files: string[], outDir: string, infilter?: string): void {
  execFileSync(
    'soffice',
    [
      '--headless',
      `-env:UserInstallation=file://${outDir}/lo-profile`,
      ...(infilter ? [`--infilter=${infilter}`] : []),
      '--convert-to',
      // comma, double quotes, UTF-8, raw values (not as shown), every sheet to its own file
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
      '--outdir',
      outDir,
      ...files,
    ],
    { stdio: 'ignore', timeout: 240_000 },
  );
}
const readCsv = (path: string): string[][] => parse(readFileSync(path), { relax_column_count: true, bom: true });
const column = (rows: string[][], name: string) => {
  const header = rows.findIndex((r) => r.includes(name));
  const c = (rows[header] as string[]).indexOf(name);
  return { header, c };
};

describe('exports of a real workspace', () => {
  const demo = demoWorkspacePerTest();
  const ws = () => demo.current().ws;
  const runTotal = () => (ws().db.prepare('SELECT total FROM runs WHERE id = 1').get() as { total: number }).total;
  const status = () => (ws().db.prepare('SELECT status FROM runs WHERE id = 1').get() as { status: string }).status;
  const auditCount = () => (ws().db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

  it('refuses to export an unapproved run, writes a marked draft instead, and leaves the run where it was', async () => {
    const api = createWorkspaceApi(ws());
    const out = join(demo.current().dir, 'out');
    const before = auditCount();
    const refused = await api.call('exports.run', { run: 1, format: 'xlsx', profile: 'Default', out });
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused' } });
    if (!refused.ok)
      expect(refused.error.message).toMatch(/Run 1 cannot be exported: it has not been submitted yet.*draft preview/);
    expect(existsSync(out)).toBe(false);
    // Nothing was exported; the refusal itself is on record.
    expect(auditCount()).toBe(before + 1);
    expect(ws().db.prepare('SELECT action, subject FROM audit_log ORDER BY seq DESC LIMIT 1').get()).toEqual({
      action: 'action.refused',
      subject: 'exports.run',
    });

    const draft = await api.call('exports.run', { run: 1, format: 'csv', profile: 'Default', out, draft: true });
    if (!draft.ok) throw new Error(draft.error.message);
    expect(draft.value.draft).toBe(true);
    expect(draft.value.status).toBe('calculated');
    expect(readdirSync(out)).toEqual(['run-1-csv-DRAFT.csv']);
    expect(readFileSync(join(out, 'run-1-csv-DRAFT.csv'), 'utf8')).toContain('DRAFT — NOT APPROVED — Run 1');
    expect(status()).toBe('calculated');
    const entry = ws().db.prepare('SELECT action, after FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
      action: string;
      after: string;
    };
    expect(entry.action).toBe('export.draft');
  });

  it('exports an approved run: the file hash goes into the history and the audit log, the run moves to Exported, and a re-export is identical', async () => {
    submitRun(ws().db, 1, priya);
    approveRun(ws().db, 1, arjun);
    const api = createWorkspaceApi(ws());
    const out = join(demo.current().dir, 'out');
    // What a cancelled worker left staged is cleared by the next export of the same file.
    mkdirSync(join(out, '.run-1-xlsx.partial-99999'), { recursive: true });
    const first = await api.call('exports.run', { run: 1, format: 'xlsx', profile: 'Default', out });
    if (!first.ok) throw new Error(first.error.message);
    const file = join(out, 'run-1-xlsx.xlsx');
    expect(first.value.files).toMatchObject([{ path: file, sha256: sha256(file) }]);
    expect(readdirSync(out)).toEqual(['run-1-xlsx.xlsx']);
    expect(first.value.controlTotal).toBe(first.value.runTotal);
    expect(paise(first.value.controlTotal)).toBe(runTotal());
    expect(status()).toBe('exported');
    const audit = ws().db.prepare("SELECT after FROM audit_log WHERE action = 'export.file'").get() as {
      after: string;
    };
    expect(JSON.parse(audit.after)).toMatchObject({
      status: 'exported',
      files: [{ name: 'run-1-xlsx.xlsx', sha256: sha256(file) }],
    });

    const again = await api.call('exports.run', { run: 1, format: 'xlsx', profile: 'Default', out });
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value.files[0]?.sha256).toBe(first.value.files[0]?.sha256);
    const history = await api.call('exports.history', { run: 1 });
    expect(history.ok && history.value.map((h) => [h.format, h.draft, h.files[0]?.sha256])).toEqual([
      ['xlsx', false, sha256(file)],
      ['xlsx', false, sha256(file)],
    ]);
    expect(await api.call('audit.verify', {})).toMatchObject({ ok: true, value: { ok: true } });
  });

  it('writes nothing and records nothing when a format cannot be written', async () => {
    submitRun(ws().db, 1, priya);
    approveRun(ws().db, 1, arjun);
    const api = createWorkspaceApi(ws());
    const saved = await api.call('exports.saveProfile', { profile: { name: 'No company', partyBy: 'code' } });
    expect(saved.ok).toBe(true);
    const out = join(demo.current().dir, 'out');
    const result = await api.call('exports.run', { run: 1, format: 'erpnext', profile: 'No company', out });
    expect(result).toMatchObject({ ok: false, error: { code: 'refused' } });
    if (!result.ok) expect(result.error.message).toMatch(/ERPNext needs the company.*"No company"/);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    expect(status()).toBe('approved');
    expect(ws().db.prepare('SELECT count(*) AS n FROM exports').get()).toEqual({ n: 0 });
  });

  it('stops an export in this process when it is cancelled, before anything is written or recorded', async () => {
    submitRun(ws().db, 1, priya);
    approveRun(ws().db, 1, arjun);
    const out = join(demo.current().dir, 'out');
    const cancel = new AbortController();
    let statements = 0;
    const request = {
      run: 1,
      format: 'statements' as const,
      profile: 'Default',
      draft: false,
      out,
      user: 'priya',
      defaultFolder: out,
    };
    const progress = (p: { phase: string; done: number }) => {
      if (p.phase.startsWith('Writing') && ++statements === 3) cancel.abort();
    };
    await expect(exportRun(ws().db, request, progress, undefined, cancel.signal)).rejects.toThrow(/Cancelled/);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    expect(status()).toBe('approved');
    expect(ws().db.prepare('SELECT count(*) AS n FROM exports').get()).toEqual({ n: 0 });
  });

  it('every format opens in LibreOffice (and Tally XML in xmllint) and reads back to the run total, to the paisa', async () => {
    // A payee name that starts like a formula must reach every file as text, never run.
    ws().db.prepare("UPDATE payout_lines SET payee_name = '=1+2' WHERE run_id = 1 AND payee = 'D001'").run();
    // Control characters from an imported name never reach a file (XML forbids them; xmllint below would refuse).
    ws()
      .db.prepare(
        "UPDATE payout_lines SET payee_name = 'Alpha' || char(1) || ' Traders' || char(27) WHERE run_id = 1 AND payee = 'D002'",
      )
      .run();
    submitRun(ws().db, 1, priya);
    approveRun(ws().db, 1, arjun);
    const api = createWorkspaceApi(ws());
    const out = join(demo.current().dir, 'out');
    for (const format of exportFormatIds) {
      const result = await api.call('exports.run', { run: 1, format, profile: 'Default', out });
      if (!result.ok) throw new Error(`${format}: ${result.error.message}`);
    }
    const registerText = readFileSync(join(out, 'run-1-csv.csv'), 'utf8');
    expect(registerText).toContain('Alpha Traders');
    expect(registerText.includes('\u0001') || registerText.includes('\u001b')).toBe(false);
    const total = runTotal();
    const read = join(demo.current().dir, 'read');
    const csvs = readdirSync(out)
      .filter((f) => f.endsWith('.csv'))
      .map((f) => join(out, f));
    const statements = readdirSync(join(out, 'run-1-statements')).map((f) => join(out, 'run-1-statements', f));
    libreOfficeCsv([join(out, 'run-1-xlsx.xlsx'), ...statements, ...csvs], read);
    libreOfficeCsv([join(out, 'run-1-sap.txt')], read, 'Text - txt - csv (StarCalc):9,34,76');
    // LibreOffice names each sheet's CSV "<file>-<sheet>.csv"; a CSV or text file's one sheet is named after the file.
    const back = (file: string, sheet?: string) => {
      const stem = file.replace(/\.[^.]+$/, '');
      return readCsv(join(read, `${stem}-${sheet ?? stem}.csv`));
    };

    // Register: the data rows' Final column, the TOTAL row and the Summary's control total.
    const detail = back('run-1-xlsx.xlsx', 'Detail');
    const final = column(detail, 'Final');
    const body = detail.slice(final.header + 1).filter((r) => r[0] !== 'TOTAL');
    expect(body.reduce((s, r) => s + paise(r[final.c]), 0)).toBe(total);
    expect(paise(detail.find((r) => r[0] === 'TOTAL')?.[final.c])).toBe(total);
    expect(paise(back('run-1-xlsx.xlsx', 'Summary').find((r) => r[0] === 'Control total')?.[5])).toBe(total);
    const csvRegister = back('run-1-csv.csv');
    const csvFinal = column(csvRegister, 'Final');
    const csvBody = csvRegister.slice(csvFinal.header + 1).filter((r) => r[0] !== 'TOTAL');
    expect(csvBody.reduce((s, r) => s + paise(r[csvFinal.c]), 0)).toBe(total);
    // The formula-like name came back as the text it is, not as 3.
    const names = csvBody.filter((r) => r[0] === 'D001').map((r) => r[1]);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^'?=1\+2$/);

    // Each journal: what is credited to (less debited from) the party, summed over the file.
    const partySum = (
      rows: string[][],
      isParty: (r: string[], h: string[]) => boolean,
      amount: (r: string[], h: string[]) => number,
    ) => {
      const header = rows[0] as string[];
      return rows
        .slice(1)
        .filter((r) => isParty(r, header))
        .reduce((s, r) => s + amount(r, header), 0);
    };
    const at = (r: string[], h: string[], name: string) => r[h.indexOf(name)];
    expect(
      partySum(
        back('run-1-quickbooks.csv'),
        (r, h) => at(r, h, 'Name') !== '',
        (r, h) => paise(at(r, h, 'Credits')) - paise(at(r, h, 'Debits')),
      ),
    ).toBe(total);
    expect(
      partySum(
        back('run-1-xero.csv'),
        (r, h) => at(r, h, '*AccountCode') === '1100',
        (r, h) => -paise(at(r, h, '*Amount')),
      ),
    ).toBe(total);
    expect(
      partySum(
        back('run-1-erpnext.csv'),
        (r, h) => at(r, h, 'Party Type (Accounting Entries)') === 'Customer',
        (r, h) => paise(at(r, h, 'Credit (Accounting Entries)')) - paise(at(r, h, 'Debit (Accounting Entries)')),
      ),
    ).toBe(total);
    expect(
      partySum(
        back('run-1-zoho.csv'),
        () => true,
        (r, h) => paise(at(r, h, 'Rate')) * Number(at(r, h, 'Quantity')),
      ),
    ).toBe(total);
    expect(
      partySum(
        back('run-1-netsuite.csv'),
        (r, h) => at(r, h, 'Name') !== '',
        (r, h) => paise(at(r, h, 'Credit')) - paise(at(r, h, 'Debit')),
      ),
    ).toBe(total);
    expect(
      partySum(
        back('run-1-business-central.csv'),
        () => true,
        (r, h) => -paise(at(r, h, 'Amount')),
      ),
    ).toBe(total);
    expect(
      partySum(
        back('run-1-sap.txt'),
        (r, h) => ['01', '11', '1'].includes(at(r, h, 'BSCHL') ?? ''),
        (r, h) => -paise(at(r, h, 'WRBTR')),
      ),
    ).toBe(total);
    // Statements: one per payee, their totals add up to the run's.
    const statementTotals = readdirSync(read)
      .filter((f) => f.startsWith('statement-'))
      .map((f) => paise(readCsv(join(read, f)).find((r) => r[0] === 'Total')?.[7]));
    expect(statementTotals).toHaveLength(statements.length);
    expect(statementTotals.reduce((a, b) => a + b, 0)).toBe(total);

    // Tally: well-formed to a real XML parser, and every voucher balances to zero.
    const tally = join(out, 'run-1-tally-xml.xml');
    execFileSync('xmllint', ['--noout', tally]);
    const doc = convert(readFileSync(tally, 'utf8'), { format: 'object' }) as {
      ENVELOPE: { BODY: { IMPORTDATA: { REQUESTDATA: { TALLYMESSAGE: { VOUCHER: unknown } } } } };
    };
    const vouchers = [doc.ENVELOPE.BODY.IMPORTDATA.REQUESTDATA.TALLYMESSAGE.VOUCHER].flat() as {
      'ALLLEDGERENTRIES.LIST': { ISPARTYLEDGER: string; AMOUNT: string }[];
    }[];
    let credited = 0;
    for (const v of vouchers) {
      const entries = [v['ALLLEDGERENTRIES.LIST']].flat();
      expect(entries.reduce((s, e) => s + paise(e.AMOUNT), 0)).toBe(0);
      credited += entries.filter((e) => e.ISPARTYLEDGER === 'Yes').reduce((s, e) => s + paise(e.AMOUNT), 0);
    }
    expect(credited).toBe(total);
  }, 300_000);

  it('the CLI exports, prints the files and control totals, and exits 1 for an unapproved run', () => {
    const { dbPath } = ws();
    ws().db.close();
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['bin/schemedesk.js', ...args, '--db', dbPath, '--json'], {
        encoding: 'utf8',
        timeout: 120_000,
      });
    const out = join(demo.current().dir, 'cli-out');
    const refused = cli('export', '1', '--format', 'tally-xml', '--out', out);
    expect(refused.status).toBe(1);
    expect(JSON.parse(refused.stdout).error.message).toMatch(/cannot be exported/);
    expect(cli('submit', '1', '--as', 'priya').status).toBe(0);
    expect(cli('approve', '1', '--as', 'arjun').status).toBe(0);
    const done = cli(
      'export',
      '1',
      '--format',
      'tally-xml',
      '--profile',
      'Default',
      '--out',
      join(out, 'credit-notes.xml'),
    );
    expect(done.status).toBe(0);
    const printed = JSON.parse(done.stdout);
    expect(printed).toMatchObject({ run: 1, format: 'tally-xml', status: 'exported', draft: false });
    expect(printed.controlTotal).toBe(printed.runTotal);
    expect(printed.files).toEqual([
      {
        path: join(out, 'credit-notes.xml'),
        rows: expect.any(Number),
        sha256: sha256(join(out, 'credit-notes.xml')),
        controlTotal: printed.runTotal,
      },
    ]);
  }, 120_000);
});
