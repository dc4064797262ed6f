import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSession } from '../support/browser';
import { tempDirPerTest } from '../support/temp';
import { openRun, signIn } from '../support/web';
import { workspaceIn } from '../support/workspace';

const tempDir = tempDirPerTest();
const session = e2eSession();

/** Nothing of the window spills sideways: the page itself never scrolls horizontally. */
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

/** Whether an element lies wholly inside the window. */
const inView = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth + 1 && r.bottom <= window.innerHeight + 1;
    });

describe('every screen at the sizes users have', () => {
  it('fits 1366×768 and 1920×1080: review grid, trace, scheme form, import dialog, audit entry, settings', async () => {
    const dir = tempDir();
    const ws = await workspaceIn(dir, { demo: true });
    ws.db.close();
    const file = join(dir, 'Receipts.csv');
    writeFileSync(file, 'Receipt No,Receipt Date,Party Code,Amount\nRC/1,05/10/2026,D001,"25,000.00"\n');
    const { page, errors } = await session.open(ws.dbPath, { width: 1366, height: 768 });
    await signIn(page, 'admin', '0000');

    for (const size of [
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size);
      const shot = (name: string) => page.screenshot({ path: session.screenshot(`${name}-${size.width}.png`) });
      /** What `selector` names is wholly on screen, nothing is wider than the window, and a screenshot is kept. */
      const inViewAndShot = async (selector: string, name: string) => {
        expect(await inView(page, selector)).toBe(true);
        expect(await fitsWidth(page)).toBe(true);
        await shot(name);
      };
      const closeWithEscape = async (dialog: Locator) => {
        await page.keyboard.press('Escape');
        await expect.poll(() => dialog.count()).toBe(0);
      };

      await openRun(page, 1);
      await page.locator('[data-testid="review-grid"] .ag-row:not(.ag-row-pinned)[row-index="0"]').waitFor();
      await inViewAndShot('[data-testid="review-grid"] .ag-header-cell[col-id="final"]', 'screen-review');
      await page
        .locator('[data-testid="review-grid"] .ag-row:not(.ag-row-pinned)[row-index="0"] [col-id="payee_name"]')
        .click();
      await page.getByTestId('trace-panel').getByText('Measure', { exact: true }).waitFor();
      await inViewAndShot('[data-testid="trace-panel"]', 'screen-trace');

      await page.getByRole('button', { name: 'Schemes', exact: true }).click();
      // The billed-outlets scheme: its targets come from the targets dataset, named in words.
      await page.getByTestId('schemes-grid').getByText('MBO-202610', { exact: true }).click();
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      const editor = page.getByTestId('scheme-editor');
      await editor.waitFor();
      await expect
        .poll(() => editor.getByLabel('Targets measure').locator('option:checked').textContent())
        .toMatch(/^Billed outlets — 12 distributors/);
      await inViewAndShot('[data-testid="scheme-editor"]', 'screen-scheme-form');
      await closeWithEscape(editor);

      await page.getByRole('button', { name: 'Data', exact: true }).click();
      await page.getByTestId('import-file').setInputFiles(file);
      const dialog = page.getByTestId('import-dialog');
      await dialog.getByTestId('import-preview').waitFor();
      // The window names its own controls, never the command line's options.
      expect(await dialog.textContent()).not.toMatch(/--[a-z]/);
      await inViewAndShot('[data-testid="import-dialog"]', 'screen-import');
      await closeWithEscape(dialog);

      await page.getByRole('button', { name: 'Audit', exact: true }).click();
      await page.locator('[data-testid="audit-grid"] .ag-row').first().dblclick();
      await page.getByTestId('audit-detail').waitFor();
      await inViewAndShot('[data-testid="audit-detail"]', 'screen-audit-entry');
      await closeWithEscape(page.getByTestId('audit-detail'));

      await page.getByRole('button', { name: 'Settings', exact: true }).click();
      await page.getByTestId('settings-screen').getByRole('button', { name: 'Save control thresholds' }).waitFor();
      expect(await fitsWidth(page)).toBe(true);
      await shot('screen-settings');

      // Back goes to the screen before, as a browser's Back does.
      await page.goBack();
      await expect.poll(() => page.url()).toMatch(/#\/audit$/);
      await page.getByTestId('audit-grid').waitFor();
    }
    expect(errors).toEqual([]);
  }, 240_000);
});
