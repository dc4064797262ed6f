import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/** Debian's Chromium, driven by playwright-core (which gives it a fresh profile); we never download a browser. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error('Install Chromium first: apt-get install -y chromium');
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Starts `npm run web` exactly as a user would, and resolves with the launch URL it prints. */
export function startWeb(dbPath: string): Promise<{ url: string; process: ChildProcess; output: () => string }> {
  const child = spawn('npm', ['run', 'web', '--', '--db', dbPath, '--port', '0', '--no-open'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    // vitest sets NODE_ENV=test, which would make Vite build React's development bundle;
    // the tests look at the build a user gets.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm run web did not start:\n${output}`)), 120_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], process: child, output: () => output });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => reject(new Error(`npm run web exited with ${code}:\n${output}`)));
  });
}

/** Stops npm and the server it started (they share a process group). */
export function stopWeb(child: ChildProcess): void {
  if (child.pid) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

/**
 * One headless Chromium for a test file, and `npm run web` over a given workspace, both
 * stopped after the file's tests; screenshots go to test/e2e/screenshots (git-ignored).
 */
export function e2eSession() {
  const screenshots = join(import.meta.dirname, '..', 'e2e', 'screenshots');
  let browser: Browser | undefined;
  // Every server the file started: a file whose tests each open a workspace starts several.
  const servers: ChildProcess[] = [];
  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    for (const server of servers) stopWeb(server);
  });
  return {
    screenshot: (name: string) => join(screenshots, name),
    /** Starts the web UI over `dbPath` and opens it; `errors` collects every uncaught page error. */
    async open(dbPath: string, viewport = { width: 1400, height: 900 }) {
      if (!browser) throw new Error('the browser is not running');
      const started = await startWeb(dbPath);
      servers.push(started.process);
      const page = await browser.newPage({ viewport });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(started.url);
      return { page, errors };
    },
  };
}

/** Signs in through the sign-in screen as one of the demo profiles (PINs as in the README). */
export async function signIn(page: Page, name: string, pin: string): Promise<void> {
  await page.getByRole('heading', { name: 'Sign in' }).waitFor({ timeout: 120_000 });
  await page.locator(`input[name="user"][value="${name}"]`).check();
  await page.getByLabel('PIN').fill(pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('current-user').waitFor();
}
