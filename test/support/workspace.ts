import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach } from 'vitest';
import { createDemoWorkspace } from '../../main/demo/create';
import { type DemoOptions, defaultDemoOptions } from '../../main/demo/generate';
import { openWorkspaceSession, type Workspace } from '../../main/workspace';
import { tempDirPerTest } from './temp';

export const smallDemo: DemoOptions = {
  ...defaultDemoOptions,
  distributors: 12,
  outlets: 400,
  products: 40,
  secondaryLines: 3000,
};

const workspaceFile = 'workspace.sqlite';

/**
 * A folder holding the small demo month as `workspaceIn` makes it (the workspace file, closed,
 * and the workbooks it was imported from), made once in each test file's process: making it
 * writes the workbooks, imports them and runs the month, seconds a test; copying it takes
 * milliseconds. Every test still gets a workspace of its own, a real SQLite file.
 */
let demoTemplate: Promise<string> | null = null;
let templateDir: string | null = null;
afterAll(() => {
  if (templateDir) rmSync(templateDir, { recursive: true, force: true });
  templateDir = null;
  demoTemplate = null;
});

function demoFolder(): Promise<string> {
  demoTemplate ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'schemedesk-demo-template-'));
    templateDir = dir;
    const ws = await openWorkspaceSession(join(dir, workspaceFile), { user: 'tester' });
    await createDemoWorkspace(ws.db, { folder: join(dir, 'files'), user: 'tester', options: smallDemo });
    ws.db.close();
    return dir;
  })();
  return demoTemplate;
}

/** A real workspace file in `dir`, optionally holding a small demo month (and its workbooks in `files`). */
export async function workspaceIn(dir: string, options: { demo?: boolean } = {}): Promise<Workspace> {
  if (options.demo) cpSync(await demoFolder(), dir, { recursive: true });
  return openWorkspaceSession(join(dir, workspaceFile), { user: 'tester' });
}

/**
 * A fresh workspace with the small demo month for every test of a file, closed afterwards.
 * `current()` gives the test's workspace and its folder.
 */
export function demoWorkspacePerTest() {
  const tempDir = tempDirPerTest();
  let state: { ws: Workspace; dir: string } | null = null;
  beforeEach(async () => {
    const dir = tempDir();
    state = { ws: await workspaceIn(dir, { demo: true }), dir };
  });
  afterEach(() => {
    if (state?.ws.db.open) state.ws.db.close();
    state = null;
  });
  return {
    current(): { ws: Workspace; dir: string } {
      if (!state) throw new Error('no workspace outside a test');
      return state;
    },
    tempDir,
  };
}
