import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../main/store/migrations';
import { tempDirPerTest } from '../support/temp';
import { workspaceIn } from '../support/workspace';

const tempDir = tempDirPerTest();
// The source, as `npm run cli` runs it: a bundle built before an edit would test old code.
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/main.ts', ...args], { encoding: 'utf8', timeout: 120_000 });

describe('the schemedesk CLI', () => {
  it('installed as `schemedesk`, runs the bundle `npm install` builds, and says what the source says', () => {
    const installed = spawnSync(process.execPath, ['bin/schemedesk.js', '--help'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(installed.status).toBe(0);
    expect(installed.stdout).toContain('Usage: schemedesk <command>');
    expect(installed.stdout).toBe(cli('--help').stdout);
  });

  it('creates the demo workspace and prints its table counts as JSON', () => {
    const db = join(tempDir(), 'demo.db');
    const result = cli('demo', '--db', db, '--json');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(printed.db).toBe(db);
    expect(printed.tables).toMatchObject({ distributors: 50, outlets: 5000, products: 200 });
    expect(printed.tables.sales).toBeGreaterThan(100_000);
    for (const kind of ['receivables', 'payments', 'targets']) expect(printed.tables[kind]).toBeGreaterThan(0);

    const again = cli('demo', '--db', db, '--json');
    expect(again.status).not.toBe(0);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toMatch(/already holds data/);

    const info = cli('info', '--db', db, '--json');
    expect(JSON.parse(info.stdout)).toMatchObject({
      schemaVersion: migrations.length,
      empty: false,
      tables: printed.tables,
    });
  }, 120_000);

  it('lists its commands with --help', () => {
    const result = cli('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/demo \[--db PATH\] \[--json\]/);
    expect(result.stdout).toMatch(/info /);
  });

  it('answers bad input with one line on stderr and a non-zero exit code', () => {
    for (const args of [['frobnicate'], ['demo', '--colour'], ['info', 'extra']]) {
      const result = cli(...args);
      expect(result.status, args.join(' ')).not.toBe(0);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr).toMatch(/^schemedesk: /);
    }
  });

  it('reads the documents a --type-map pattern names by their numbers, where the file gives no type', async () => {
    const dir = tempDir();
    const ws = await workspaceIn(dir, { demo: true });
    const db = ws.dbPath;
    ws.db.close();
    const odoo = join(dir, 'odoo-lines.csv');
    writeFileSync(
      odoo,
      'Number,Invoice Date,Partner,Invoice lines/Product,Invoice lines/Quantity,Invoice lines/Subtotal\n' +
        'INV/2026/00041,2026-10-03,D001,SKU-0001,10,1000.00\nRINV/2026/00003,2026-10-06,D002,SKU-0002,1,100.00\n',
    );
    const r = cli(
      'import',
      odoo,
      '--kind',
      'sales',
      '--type-map',
      'RINV/*=credit_note',
      '--dry-run',
      '--db',
      db,
      '--json',
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      rows: 2,
      totals: { net_value: '900.00' },
      warnings: [],
      decisions: expect.arrayContaining([
        '1 line of a document numbered RINV/* is read as part of a credit note, as the type map says (the file gives no type)',
      ]),
    });
  });

  it('takes a blank date and party from the row above with --fill-down, and offers it where many rows lack them', async () => {
    const dir = tempDir();
    const ws = await workspaceIn(dir, { demo: true });
    const db = ws.dbPath;
    ws.db.close();
    const shownOnce = join(dir, 'by date.csv');
    writeFileSync(
      shownOnce,
      'Invoice Date,Distributor Code,Invoice No,SKU,Qty,Net Value\n2026-10-05,D001,FD/1,SKU-0001,1,100.00\n,,FD/2,SKU-0002,1,50.00\n,,FD/3,SKU-0002,1,25.00\n',
    );
    const refused = cli('import', shownOnce, '--kind', 'sales', '--dry-run', '--db', db, '--json');
    expect(JSON.parse(refused.stdout)).toMatchObject({
      rejected: 2,
      warnings: [expect.stringMatching(/^2 rows leave "Invoice Date" or "Distributor Code" blank .*\(--fill-down\)/)],
    });
    const filled = cli('import', shownOnce, '--kind', 'sales', '--fill-down', '--dry-run', '--db', db, '--json');
    expect(filled.status).toBe(0);
    expect(JSON.parse(filled.stdout)).toMatchObject({ rows: 3, rejected: 0, totals: { net_value: '175.00' } });
  });

  it('imports a file and prints batch, rows, rejected, date range, exact totals and errors', async () => {
    // The small demo month's masters; the test above makes the full one through the CLI.
    const dir = tempDir();
    const ws = await workspaceIn(dir, { demo: true });
    const db = ws.dbPath;
    ws.db.close();
    const good = join(dir, 'receipts.csv');
    writeFileSync(
      good,
      'Receipt No,Receipt Date,Distributor Code,Amount\nR1,05-10-2026,D001,"1,00,000.10"\nR2,06-10-2026,D002,0.20\n',
    );
    const ok = cli('import', good, '--kind', 'payments', '--db', db, '--json');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      batch: expect.any(Number),
      rows: 2,
      rejected: 0,
      dateRange: ['2026-10-05', '2026-10-06'],
      totals: { amount: '100000.30' },
      errors: [],
    });

    // A refusal is an answer: exit 1, and with --json the error on stdout.
    const again = cli('import', good, '--kind', 'payments', '--db', db, '--json');
    expect(again.status).toBe(1);
    expect(JSON.parse(again.stdout)).toMatchObject({
      error: { code: 'conflict', message: expect.stringMatching(/already imported as batch/) },
      problems: [],
    });
    const plain = cli('import', good, '--kind', 'payments', '--db', db);
    expect([plain.status, plain.stderr]).toEqual([
      1,
      expect.stringMatching(/^schemedesk: .*already imported as batch/),
    ]);

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'Receipt No,Receipt Date,Distributor Code,Amount\nR9,05-10-2026,D404,12\n');
    const refused = cli('import', bad, '--kind', 'payments', '--db', db, '--json', '--date-order', 'dmy');
    expect(refused.status).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({
      batch: null,
      rows: 0,
      rejected: 1,
      errors: [{ row: 2, column: 'Distributor Code', value: 'D404', message: 'unknown distributor "D404"' }],
      error: { code: 'validation' },
      problems: [{ row: 2, column: 'Distributor Code', value: 'D404', message: 'unknown distributor "D404"' }],
    });
    const landed = cli(
      'import',
      bad,
      '--kind',
      'payments',
      '--db',
      db,
      '--json',
      '--create-missing',
      '--date-order',
      'dmy',
    );
    expect(JSON.parse(landed.stdout)).toMatchObject({ rows: 1, created: { distributors: ['D404'] } });

    // A masters file naming the created distributor otherwise updates it only when asked; a check
    // of nothing but updates is an answer, not a refusal.
    const named = join(dir, 'customers.csv');
    writeFileSync(named, 'Customer Code,Customer Name\nD404,Shree Ram Traders\n');
    const kept = cli('import', named, '--kind', 'distributors', '--db', db, '--json', '--dry-run');
    expect([kept.status, JSON.parse(kept.stdout).errors[0].message]).toEqual([
      1,
      expect.stringMatching(
        /^already in the master \(batch \d+\), which says otherwise: Name "D404" there, "Shree Ram Traders" here/,
      ),
    ]);
    const renamed = cli(
      'import',
      named,
      '--kind',
      'distributors',
      '--db',
      db,
      '--json',
      '--dry-run',
      '--update-masters',
    );
    expect([renamed.status, JSON.parse(renamed.stdout).updatedMasters]).toEqual([
      0,
      [{ code: 'D404', changes: ['Name "D404" → "Shree Ram Traders"'] }],
    ]);

    // A file with no receipt in it says what it held instead, not that problems are listed.
    const none = join(dir, 'day book.csv');
    writeFileSync(none, 'Date,Particulars,Vch Type,Vch No.,Debit Amount\n05-10-2026,Rent,Payment,55,"1,000.00"\n');
    const empty = cli('import', none, '--kind', 'payments', '--db', db, '--date-order', 'dmy');
    expect([empty.status, empty.stderr.trim()]).toEqual([
      1,
      'schemedesk: day book.csv: nothing was imported: every row read is left out (skipped 1 non-receipt voucher: Payment 1)',
    ]);

    const batches = JSON.parse(cli('batches', '--db', db, '--json').stdout).batches;
    const rolled = cli('rollback', String(batches[0].id), '--db', db, '--json');
    expect(JSON.parse(rolled.stdout)).toEqual({ batch: batches[0].id, rowsRemoved: 2, mastersRestored: 0 });
  }, 120_000);
});
