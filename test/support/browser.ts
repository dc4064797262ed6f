import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, startWeb, stopWeb } from './web';

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
