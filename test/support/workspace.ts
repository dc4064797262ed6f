import { join } from 'node:path';
import { createDemoWorkspace } from '../../main/demo/create';
import { type DemoOptions, defaultDemoOptions } from '../../main/demo/generate';
import { openWorkspaceSession, type Workspace } from '../../main/workspace';

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
