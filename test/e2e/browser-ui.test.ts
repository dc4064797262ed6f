import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSource } from '../../main/import/open-source';
import { approveRun, submitRun } from '../../main/review/actions';
import { e2eSession } from '../support/browser';
import { tempDirPerTest } from '../support/temp';
import { launchChromium, signIn, startWeb, stopWeb } from '../support/web';
import { workspaceIn } from '../support/workspace';

const tempDir = tempDirPerTest();
const session = e2eSession();

describe('the browser UI is complete', () => {
  it('downloads exported files, and opens each statement as a page to print or save as PDF', async () => {
    const ws = await workspaceIn(tempDir(), { demo: true });
    submitRun(ws.db, 1, { name: 'priya', role: 'preparer' });
    approveRun(ws.db, 1, { name: 'arjun', role: 'approver' });
    ws.db.close();
    const { page, errors } = await session.open(ws.dbPath, { width: 1500, height: 950 });
    await signIn(page, 'priya', '1111');
    await page.getByRole('button', { name: 'Exports', exact: true }).click();
    await page.getByLabel('Run').selectOption('1');
    await page.getByLabel('Format').selectOption('statements');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByText('Exported; run 1 is exported').waitFor({ timeout: 60_000 });

    const done = page.locator('.export-done');
    const workbook = done.getByRole('link', { name: /^run-1-statements\/statement-.*\.xlsx$/ }).first();
    const [download] = await Promise.all([page.waitForEvent('download'), workbook.click()]);
    expect(download.suggestedFilename()).toMatch(/^statement-.*\.xlsx$/);
    const source = await openSource(await download.path());
    const cells: unknown[] = [];
    for await (const sheet of source.sheets()) for await (const row of sheet.rows()) cells.push(...row.cells);
    source.close?.();
    expect(cells).toContain('Scheme payout statement');

    const printable = done.getByRole('link', { name: /\.html \(print or save as PDF\)$/ }).first();
    const [statement] = await Promise.all([page.waitForEvent('popup'), printable.click()]);
    await statement.waitForLoadState();
    expect(await statement.locator('body').textContent()).toMatch(/Press Ctrl\+P .*Save as PDF/);
    expect(await statement.locator('table').count()).toBeGreaterThan(0);
    await statement.screenshot({ path: session.screenshot('statement-print-view.png') });
    // The history names the format, not its id.
    await expect.poll(() => page.getByTestId('export-history').textContent()).toContain('Distributor statements');
    expect(errors).toEqual([]);
  }, 240_000);
});

describe('the Settings screen', () => {
  it('lets an Admin set the currency and locale that every screen then writes in', async () => {
    const ws = await workspaceIn(tempDir(), { demo: true });
    ws.db.close();
    const { page, errors } = await session.open(ws.dbPath, { width: 1366, height: 768 });
    await signIn(page, 'admin', '0000');
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const screen = page.getByTestId('settings-screen');
    await screen.getByLabel('Currency').fill('USD');
    await screen.getByLabel('Locale', { exact: true }).fill('en-US');
    await expect
      .poll(() => screen.getByTestId('settings-sample').textContent())
      .toBe('Written as: $1,234,567.50 · Oct 31, 2026 · typed 10/31/2026');
    await screen.getByRole('button', { name: 'Save money and dates' }).click();
    await screen.getByText('Money is now written in USD, dates and numbers as en-US.').waitFor();
    await page.screenshot({ path: session.screenshot('settings.png') });
    await page.getByRole('button', { name: 'Runs', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('runs-grid').locator('.ag-row [col-id="total"]').first().textContent())
      .toMatch(/^\$[\d,]+\.\d{2}$/);
    expect(await page.getByTestId('runs-grid').locator('.ag-row [col-id="period"]').first().textContent()).toMatch(
      /^Oct 01, 2026 – Oct 31, 2026$/,
    );
    expect(errors).toEqual([]);
  }, 240_000);
});

describe('two workspaces served at once', () => {
  let browser: Browser;
  const servers: ReturnType<typeof startWeb> extends Promise<infer S> ? S[] : never = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    for (const s of servers) stopWeb(s.process);
  });

  it('keeps each one signed in as its own user in one browser', async () => {
    const one = await workspaceIn(tempDir(), { demo: true });
    const two = await workspaceIn(tempDir(), { demo: true });
    one.db.close();
    two.db.close();
    servers.push(await startWeb(one.dbPath), await startWeb(two.dbPath));
    // One browser profile: the cookie jar is shared, as it is for a user with two tabs.
    const context = await browser.newContext({ viewport: { width: 1300, height: 800 } });
    const [first, second] = [await context.newPage(), await context.newPage()];
    await first.goto(servers[0]?.url ?? '');
    await signIn(first, 'priya', '1111');
    await second.goto(servers[1]?.url ?? '');
    await signIn(second, 'arjun', '2222');
    for (const page of [first, second]) {
      await page.reload();
      await page.getByTestId('current-user').waitFor();
    }
    expect(await first.getByTestId('current-user').textContent()).toBe('Priya Sharma (Preparer)');
    expect(await second.getByTestId('current-user').textContent()).toBe('Arjun Mehta (Approver)');
    await context.close();
  }, 240_000);
});
