import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../main/api/contract';
import { createWorkspaceApi } from '../../main/api/handlers';
import type { ImportResult } from '../../main/import/importer';
import type { Workspace } from '../../main/workspace';
import { caseFile, type HostileCase, hostileCorpus } from '../support/hostile-corpus';
import { importFile } from '../support/import';
import { workspaceIn } from '../support/workspace';

/**
 * Every file of the hostile corpus (test/support/hostile-corpus.ts) through the real importer and
 * a real workspace: each is refused in words a user can act on, naming the file or the row and
 * column, or its lines land exactly right. Bombs go through the import worker, whose memory limit
 * is what keeps them bounded; none may end as "the worker stopped".
 */
const corpus = hostileCorpus();
let ws: Workspace;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'schemedesk-corpus-'));
  ws = await workspaceIn(dir, { demo: true });
}, 60_000);
afterAll(() => {
  ws.db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What no message may hold: a JavaScript engine's words, or bytes of the file. */
const ENGINE =
  /FILE_ENDED|Invalid string length|Map maximum size|Cannot read prop|is not a function|is not defined|undefined|\[object Object\]|\bNaN\b|ERR_[A-Z]|Unexpected token|SyntaxError|RangeError|TypeError|stopped unexpectedly|worker/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are what must never show
const RAW_BYTES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/;

function cleanMessage(message: string) {
  expect(message).not.toMatch(ENGINE);
  expect(message).not.toMatch(RAW_BYTES);
  expect(message.length).toBeLessThan(600);
}

type Outcome = { thrown: string } | { result: Omit<ImportResult, 'rejectedRows'> };

async function importCase(c: HostileCase): Promise<Outcome> {
  const path = caseFile(dir, c);
  c.write(path);
  if (c.inWorker) {
    const answer = await createWorkspaceApi(ws).call('import.run', { path, kind: 'sales', replace: true });
    return answer.ok ? { result: answer.value as ImportSummary } : { thrown: answer.error.message };
  }
  try {
    return { result: await importFile(ws, path, { kind: 'sales', replace: true }) };
  } catch (error) {
    return { thrown: (error as Error).message };
  }
}

const stored = (batch: number) =>
  (
    ws.db.prepare('SELECT doc_no, doc_date, net_value FROM sales WHERE batch_id = ? ORDER BY id').all(batch) as {
      doc_no: string;
      doc_date: string;
      net_value: number;
    }[]
  ).map((r) => [r.doc_no, r.doc_date, r.net_value]);

describe('the hostile corpus', () => {
  it('has at least 150 files of every kind', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(150);
    expect(new Set(corpus.map((c) => c.file)).size).toBe(corpus.length);
  });

  it.each(corpus.map((c) => [c.file, c] as const))(
    '%s',
    async (_name, c) => {
      const outcome = await importCase(c);
      const storedRight = 'stored' in c.expect ? c.expect.stored : null;
      if ('thrown' in outcome) {
        cleanMessage(outcome.thrown);
        // A refused file is named; a refusal that can point at a place names it too.
        expect(outcome.thrown).toContain(c.file);
        expect('refused' in c.expect || c.orStored).toBe(true);
        return;
      }
      const { result } = outcome;
      for (const e of result.errors) cleanMessage(e.message);
      for (const w of result.warnings) cleanMessage(w);
      if ('rowError' in c.expect) {
        expect(result.batch).toBeNull();
        expect(result.errors).toContainEqual(expect.objectContaining(c.expect.rowError));
      } else if ('refused' in c.expect) {
        // Refused by its rows: nothing stored, and every problem placed in a row.
        expect(result.batch).toBeNull();
        expect(result.errors.length).toBeGreaterThan(0);
      } else {
        expect(result.errors).toEqual([]);
        expect(stored(result.batch ?? -1)).toEqual(storedRight);
      }
    },
    180_000,
  );
});
