import { describe, expect, it } from 'vitest';
import { openSource } from '../../main/import/open-source';
import { e2eSession } from '../support/browser';
import { tempDirPerTest } from '../support/temp';
import { signIn } from '../support/web';
import { workspaceIn } from '../support/workspace';

const tempDir = tempDirPerTest();
const session = e2eSession();

describe('the Insights screen', () => {
  it('charts a scheme with its numbers beside each chart, loading the chart library only when opened', async () => {
    const ws = await workspaceIn(tempDir(), { demo: true });
    ws.db.close();
    const { page, errors } = await session.open(ws.dbPath, { width: 1440, height: 900 });
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await signIn(page, 'priya', '1111');
    expect(scripts.some((s) => s.includes('InsightsScreen'))).toBe(false);

    const started = Date.now();
    await page.getByRole('button', { name: 'Insights', exact: true }).click();
    const screen = page.getByTestId('insights-screen');
    await screen.getByRole('combobox', { name: 'Scheme' }).selectOption('VOL-BEV-202610');
    const budget = screen.getByRole('region', { name: 'Payout against budget' });
    await budget.locator('canvas').first().waitFor({ state: 'attached' });
    await expect.poll(() => budget.locator('tbody tr').count()).toBe(2);
    console.log(`Insights: ${Date.now() - started} ms from the click to the first chart on screen`);
    expect(scripts.some((s) => s.includes('InsightsScreen'))).toBe(true);
    expect(await budget.locator('tbody tr').first().textContent()).toMatch(/^Paid₹[\d,]+\.\d{2}$/);
    const achievement = screen.getByRole('region', { name: 'Payees by achievement' });
    await achievement.locator('canvas').first().waitFor({ state: 'attached' });
    expect(await screen.locator('.insights-lead').textContent()).toMatch(/paid ₹[\d,.]+ of a budget of ₹[\d,.]+/);
    const outlets = screen.getByRole('region', { name: 'Outlets reached' });
    await expect.poll(() => outlets.locator('tbody tr').count()).toBe(5);
    expect(await outlets.locator('.insight-note').textContent()).toMatch(
      /^Each reactivated outlet cost (₹[\d,]+\.\d{2}|—)/,
    );
    // The demo's November is mostly returns of October's invoices: a net fall below nothing is told
    // as returns outweighing sales, never as a fall of more than all that was sold before.
    const pulled = screen.getByRole('region', { name: 'Sales pulled forward' });
    expect(await pulled.locator('tbody tr').last().textContent()).toMatch(/^after-₹[\d,]+\.\d{2}$/);
    expect(await pulled.locator('.insight-note').textContent()).toMatch(
      /After the scheme returns of its products outweighed their sales: -₹[\d,]+\.\d{2} net, against ₹[\d,]+\.\d{2} before it\.$/,
    );
    const months = screen.getByRole('region', { name: 'Share of sales made under a scheme, by month' });
    expect(await months.locator('tbody tr').count()).toBe(12);
    expect(await months.locator('tbody tr').last().textContent()).toMatch(/^Oct 2026₹[\d,.]+₹[\d,.]+[\d.]+%$/);
    await page.screenshot({ path: session.screenshot('insights.png') });

    // The near-miss list downloads as a workbook with the same payees as the table.
    const nearMisses = screen.getByRole('region', { name: 'Near misses' });
    const shownPayees = await nearMisses.locator('tbody tr td:first-child').allTextContents();
    expect(shownPayees.length).toBeGreaterThan(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      nearMisses.getByRole('button', { name: 'Download for the sales team (.xlsx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/ VOL-BEV-202610 near misses\.xlsx$/);
    const source = await openSource(await download.path());
    const rows: unknown[][] = [];
    for await (const sheet of source.sheets()) for await (const row of sheet.rows()) rows.push(row.cells);
    source.close?.();
    expect(rows.slice(2).map((r) => r[0])).toEqual(shownPayees);
    await page.setViewportSize({ width: 1440, height: 2300 });
    await page.screenshot({ path: session.screenshot('insights-all.png') });

    expect(errors).toEqual([]);
  }, 240_000);
});
