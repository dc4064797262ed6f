import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../main/store/migrations';
import { tempDirPerTest } from '../support/temp';

const tempDir = tempDirPerTest();
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/schemedesk.js', ...args], { encoding: 'utf8', timeout: 120_000 });

describe('the schemedesk CLI', () => {
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
});
