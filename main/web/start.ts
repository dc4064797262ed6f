import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createWorkspaceApi } from '../api/handlers';
import { defaultWorkspacePath } from '../paths';
import { keepSalesInBackground } from '../runs/calculator';
import { rendererDir } from '../runtime';
import { openWorkspaceSession } from '../workspace';
import { createWebServer } from './server';

/** `npm run web`: the desktop app's UI and API, served on 127.0.0.1 for a browser. */
const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    port: { type: 'string', default: '0' },
    'no-open': { type: 'boolean', default: false },
    'max-upload-mb': { type: 'string', default: '200' },
  },
});

function openBrowser(url: string) {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => console.log('Open the address above in your browser.'));
  child.unref();
}

try {
  const maxUploadMb = Number(values['max-upload-mb']);
  if (!Number.isFinite(maxUploadMb) || maxUploadMb <= 0) throw new Error('--max-upload-mb takes a number of megabytes');
  // A browser names files by their path on this machine only inside the workspace's files folder.
  const workspace = await openWorkspaceSession(values.db ?? defaultWorkspacePath(), {
    requireSignIn: true,
    confinePaths: true,
  });
  // Lines imported by the CLI, or before lines were kept at all, are kept for the first run.
  keepSalesInBackground(workspace);
  const token = randomBytes(24).toString('base64url');
  const server = createWebServer({
    api: createWorkspaceApi(workspace),
    token,
    rendererDir,
    filesRoot: workspace.dataFolder,
    signedIn: () => workspace.role !== null,
    maxUploadBytes: maxUploadMb * 1024 * 1024,
  });
  server.listen(Number(values.port), '127.0.0.1', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : values.port;
    const url = `http://127.0.0.1:${port}/?token=${token}`;
    console.log(`SchemeDesk (${workspace.dbPath}) is running at ${url}`);
    if (!values['no-open'] && !process.env.CI) openBrowser(url);
  });
  const stop = () => {
    server.close();
    workspace.db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`schemedesk web: ${(error as Error).message}`);
  process.exit(1);
}
