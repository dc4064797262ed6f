import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSession } from '../support/browser';
import { tempDirPerTest } from '../support/temp';
import { workspaceIn } from '../support/workspace';

const tempDir = tempDirPerTest();
const session = e2eSession();

/** The focused element's name as a screen reader would say it (label, aria-label or text). */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    if (!el || el === document.body) return '';
    return (el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent ?? el.textContent ?? '').trim();
  });

/** Tab (or Shift+Tab) until the focus is on what is named `name`; fails after 80 steps. */
async function tabTo(page: Page, name: string | RegExp, back = false): Promise<void> {
  for (let i = 0; i < 80; i++) {
    const now = await focusedName(page);
    if (typeof name === 'string' ? now === name : name.test(now)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached "${name}" (last: "${await focusedName(page)}")`);
}

describe('the whole chain from the keyboard', () => {
  it('signs in, imports a file, calculates a run, overrides a line and submits it without the mouse', async () => {
    const dir = tempDir();
    const ws = await workspaceIn(dir, { demo: true });
    ws.db.close();
    const file = join(dir, 'Receipts Oct-26.csv');
    writeFileSync(
      file,
      [
        'Receipt No,Receipt Date,Party Code,Amount',
        'RC/K/1,05/10/2026,D001,"25,000.00"',
        'RC/K/2,09/10/2026,D002,1200',
      ].join('\n'),
    );
    const { page, errors } = await session.open(ws.dbPath, { width: 1440, height: 900 });
    const { keyboard } = page;

    // Sign in: into the list of people, arrow down to Priya, Tab to the PIN, Enter.
    await page.getByRole('heading', { name: 'Sign in' }).waitFor({ timeout: 120_000 });
    await tabTo(page, /Priya Sharma|Arjun|Asha/);
    for (let i = 0; i < 5 && !(await page.locator('input[value="priya"]').isChecked()); i++) {
      await keyboard.press('ArrowDown');
    }
    await tabTo(page, 'PIN');
    await keyboard.type('1111');
    await keyboard.press('Enter');
    await page.getByTestId('current-user').waitFor();

    // Import: the Import… button opens the file picker; the dialog starts in its first field.
    // (The Data screen first settles: its list of datasets arrives after the sign-in.)
    // The chooser is awaited before the Tab steps: Playwright turns on its interception of file
    // choosers when the first listener is added, without waiting for Chromium to confirm it, and a
    // key press sent straight after could reach the page first and open an uncaught native picker.
    await page.getByTestId('dataset-sales').waitFor({ timeout: 60_000 });
    const chosen = page.waitForEvent('filechooser');
    await tabTo(page, 'Import…');
    await keyboard.press('Enter');
    const chooser = await chosen;
    await chooser.setFiles(file);
    const dialog = page.getByTestId('import-dialog');
    await dialog.getByTestId('import-preview').waitFor();
    await tabTo(page, 'Import');
    await keyboard.press('Enter');
    await expect
      .poll(() => dialog.getByTestId('import-result').textContent(), { timeout: 30_000 })
      .toMatch(/Imported 2 rows/);
    await keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);

    // A run of October: Runs in the sidebar, New run, Calculate.
    await tabTo(page, 'Runs', true);
    await keyboard.press('Enter');
    await tabTo(page, 'New run');
    await keyboard.press('Enter');
    await tabTo(page, 'Calculate');
    await keyboard.press('Enter');
    await expect.poll(() => page.url(), { timeout: 60_000 }).toMatch(/#\/runs\/2$/);
    await expect.poll(() => page.getByTestId('review-count').textContent()).toMatch(/^[\d,]+ lines · ₹/);

    // Into the grid (Alt+G), along the first line to Override, type the amount, Enter.
    await keyboard.press('Alt+G');
    for (let i = 0; i < 12; i++) {
      const column = await page.evaluate(() => document.activeElement?.getAttribute('col-id'));
      if (column === 'override') break;
      await keyboard.press('ArrowRight');
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('col-id'))).toBe('override');
    await keyboard.type('1234.50');
    await keyboard.press('Enter');
    const override = page.getByTestId('override-dialog');
    await expect.poll(() => override.getByTestId('override-subject').textContent()).toMatch(/now paying ₹/);
    expect(await focusedName(page)).toBe('New final amount');
    // Focus taken behind the dialog (as the grid gives its edited cell the focus back) returns to it.
    await page.evaluate(() => document.querySelector<HTMLElement>('[data-testid="review-grid"] .ag-cell')?.focus());
    expect(await focusedName(page)).toBe('New final amount');
    await keyboard.press('Tab');
    await keyboard.type('Agreed on the phone with the distributor');
    await keyboard.press('Enter');
    await page
      .getByTestId('review-message')
      .getByText(/1 line overridden/)
      .waitFor();

    // Submit from the summary.
    await tabTo(page, 'Submit for approval…', true);
    await keyboard.press('Enter');
    const summary = page.getByTestId('summary-dialog');
    await expect.poll(() => summary.getByRole('button', { name: 'Submit for approval' }).isEnabled()).toBe(true);
    await tabTo(page, 'Submit for approval');
    await keyboard.press('Enter');
    await page.getByText('Submitted: run 2 is now submitted.').waitFor();
    await page.screenshot({ path: session.screenshot('keyboard-chain.png') });
    expect(errors).toEqual([]);
  }, 240_000);
});
