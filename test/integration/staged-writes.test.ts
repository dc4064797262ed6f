import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stagedWrites } from '../../main/exports/on-disk';

let stage: string;
beforeEach(() => {
  stage = mkdtempSync(join(tmpdir(), 'staged-writes-'));
});
afterEach(() => rmSync(stage, { recursive: true, force: true }));

const content = (i: number) => Buffer.from(`statement ${i}\n`.repeat(1 + (i % 7)));

describe("an export's staged files, written and synced beside its work", () => {
  it('are every one on the disk with its own bytes once done, however many were under way at once', async () => {
    const staged = stagedWrites(stage);
    for (let i = 0; i < 50; i++) await staged.write(`statements/S${i}.xlsx`, content(i));
    await staged.write('register.csv', content(99));
    await staged.done();
    expect(readdirSync(join(stage, 'statements'))).toHaveLength(50);
    for (let i = 0; i < 50; i++) expect(readFileSync(join(stage, 'statements', `S${i}.xlsx`))).toEqual(content(i));
    expect(readFileSync(join(stage, 'register.csv'))).toEqual(content(99));
  });

  it('report a write that failed, at done and at every write after it, with nothing left under way', async () => {
    // A folder where a file is to go: opening it for writing fails on libuv's thread.
    mkdirSync(join(stage, 'taken.xlsx'));
    const staged = stagedWrites(stage);
    await staged.write('first.xlsx', content(1));
    await staged.write('taken.xlsx', content(2));
    await expect(staged.done()).rejects.toThrow(/EISDIR/);
    await expect(staged.write('later.xlsx', content(3))).rejects.toThrow(/EISDIR/);
    expect(readFileSync(join(stage, 'first.xlsx'))).toEqual(content(1));
    expect(readdirSync(stage).sort()).toEqual(['first.xlsx', 'taken.xlsx']);
  });
});
