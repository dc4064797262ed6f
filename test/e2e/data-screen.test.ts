import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSession } from '../support/browser';
import { tempDirPerTest } from '../support/temp';
import { signIn } from '../support/web';

const tempDir = tempDirPerTest();
const session = e2eSession();

const cardCount = async (page: Page, kind: string) =>
  (await page.locator(`[data-testid="dataset-${kind}"] .dataset-rows`).textContent())?.trim();

describe('npm run web, first launch', () => {
  it('creates the demo workspace with progress, shows every dataset with its row count and opens one in the grid', async () => {
    const { page, errors } = await session.open(join(tempDir(), 'workspace.sqlite'), { width: 1400, height: 860 });

    await page.getByTestId('demo-setup').waitFor({ timeout: 20_000 });
    await page.getByRole('progressbar').waitFor();
    await page.screenshot({ path: session.screenshot('first-launch-progress.png') });

    await signIn(page, 'priya', '1111');
    await page.getByTestId('dataset-sales').waitFor({ timeout: 120_000 });
    expect(await cardCount(page, 'distributors')).toBe('50');
    expect(await cardCount(page, 'outlets')).toBe('5,000');
    expect(await cardCount(page, 'products')).toBe('200');
    // 100,000 secondary invoice lines plus credit notes and primary sales, in lakh grouping.
    expect(await cardCount(page, 'sales')).toMatch(/^1,0\d,\d{3}$/);
    for (const kind of ['receivables', 'payments', 'targets']) {
      expect(Number((await cardCount(page, kind))?.replace(/,/g, ''))).toBeGreaterThan(0);
    }
    await expect.poll(() => page.locator('.status-bar').textContent()).toMatch(/workspace\.sqlite/);

    // Sales opens first: amounts in rupees with lakh grouping, dates in the Indian style.
    // A row can be drawn before its page of data arrives, so wait for its cells to fill.
    const firstRow = () => page.locator('.ag-row[row-index="0"]').first().textContent();
    await expect.poll(firstRow, { timeout: 20_000 }).toMatch(/₹[\d,]+\.\d{2}/);
    expect(await firstRow()).toMatch(/\d{2} Oct 2026/);

    await page.getByTestId('dataset-outlets').click();
    await expect
      .poll(() => page.getByTestId('grid-count').textContent(), { timeout: 20_000 })
      .toBe('5,000 of 5,000 rows');
    await expect.poll(() => page.locator('[data-testid="grid-outlets"] .ag-row').count()).toBeGreaterThan(10);
    await expect.poll(firstRow, { timeout: 20_000 }).toContain('O00001');

    // Sort by code, descending: the server answers with the last outlet first.
    const codeHeader = page.locator('.ag-header-cell[col-id="code"] .ag-header-cell-label');
    await codeHeader.click();
    await codeHeader.click();
    await expect.poll(firstRow, { timeout: 20_000 }).toContain('O05000');
    await page.screenshot({ path: session.screenshot('data-outlets.png') });
    expect(errors).toEqual([]);
  }, 240_000);
});
