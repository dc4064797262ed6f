import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionLabels, auditChanges } from '../../main/audit/words';
import { runActions } from '../../main/review/workflow';

/** Every TypeScript file under main/. */
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });

describe('the audit log in words', () => {
  it('names every action the app writes', () => {
    const written = new Set<string>(runActions.map((a) => `run.${a}`).filter((a) => a !== 'run.override'));
    for (const file of sources(join(import.meta.dirname, '..', '..', 'main'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(
        /action: (?:[^,\n]*\? )?'([a-z]+\.[a-zA-Z]+)'(?: : '([a-z]+\.[a-zA-Z]+)')?/g,
      )) {
        written.add(m[1] as string);
        if (m[2]) written.add(m[2]);
      }
    }
    expect(written.size).toBeGreaterThan(20);
    expect([...written].filter((a) => !(a in actionLabels))).toEqual([]);
  });

  it('lists the fields an entry changed, before and after, in words', () => {
    expect(
      auditChanges(
        { status: 'submitted', total: '10.00' },
        { status: 'approved', total: '10.00', approvalComment: 'ok' },
      ),
    ).toEqual([
      { field: 'status', before: 'submitted', after: 'approved' },
      { field: 'approval comment', before: '—', after: 'ok' },
    ]);
    expect(auditChanges(null, { lines: [{ payee: 'D1' }] })).toEqual([
      { field: 'lines › 1 › payee', before: '—', after: 'D1' },
    ]);
  });
});
