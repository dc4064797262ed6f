import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
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

/** A real workspace file in `dir`, optionally holding a small demo month. */
export async function workspaceIn(dir: string, options: { demo?: boolean } = {}): Promise<Workspace> {
  const ws = await openWorkspaceSession(join(dir, 'workspace.sqlite'), { user: 'tester' });
  if (options.demo)
    await createDemoWorkspace(ws.db, { folder: join(dir, 'files'), user: 'tester', options: smallDemo });
  return ws;
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
