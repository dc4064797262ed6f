/** The web UI and Debian's Chromium, for the e2e tests and bench:grid (no test runner needed). */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';

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

/** Signs in through the sign-in screen as one of the demo profiles (PINs as in the README). */
export async function signIn(page: Page, name: string, pin: string): Promise<void> {
  await page.getByRole('heading', { name: 'Sign in' }).waitFor({ timeout: 120_000 });
  await page.locator(`input[name="user"][value="${name}"]`).check();
  await page.getByLabel('PIN').fill(pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('current-user').waitFor();
}

/** Submits the open run as the window asks: from its summary. */
export async function submitFromSummary(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Submit for approval…' }).click();
  await page.getByTestId('summary-dialog').getByRole('button', { name: 'Submit for approval' }).click();
}

/** Approves the open run as the window asks: from its summary, with a comment. */
export async function approveFromSummary(page: Page, comment: string): Promise<void> {
  await page.getByRole('button', { name: 'Approve…' }).click();
  const dialog = page.getByTestId('summary-dialog');
  await dialog.getByLabel('Approval comment').fill(comment);
  await dialog.getByRole('button', { name: 'Approve the run' }).click();
}

/** Opens a run from the Runs screen, as a user double-clicks it, and waits for its first line. */
export async function openRun(page: Page, run: number): Promise<void> {
  await page.getByRole('button', { name: 'Runs', exact: true }).click();
  await page.locator(`[data-testid="runs-grid"] .ag-row[row-id="${run}"]`).dblclick();
  await page.getByRole('heading', { name: new RegExp(`^Run ${run}`) }).waitFor();
  await page.locator('[data-testid="review-grid"] .ag-row[row-index="0"]').waitFor();
}
