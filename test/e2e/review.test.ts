import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSession } from '../support/browser';
import { syntheticRun } from '../support/synthetic-run';
import { tempDirPerTest } from '../support/temp';
import { approveFromSummary, openRun, signIn, submitFromSummary } from '../support/web';
import { workspaceIn } from '../support/workspace';

const tempDir = tempDirPerTest();
const session = e2eSession();

const firstRowText = (page: Page) =>
  page.locator('[data-testid="review-grid"] .ag-row:not(.ag-row-pinned)[row-index="0"]').textContent();
/** Forgets the last fetch time, so the next one read is the fetch the next action caused. */
const resetFetch = (page: Page) => page.getByTestId('review-grid').evaluate((e) => e.removeAttribute('data-fetch-ms'));
const fetchMs = async (page: Page) => {
  await expect.poll(() => page.getByTestId('review-grid').getAttribute('data-fetch-ms')).not.toBeNull();
  return Number(await page.getByTestId('review-grid').getAttribute('data-fetch-ms'));
};

describe('reviewing and approving a run in the browser', () => {
  it('filters, explains, overrides with a reason, submits, offers a preparer no approval, and approves as the checker', async () => {
    const dir = tempDir();
    const ws = await workspaceIn(dir, { demo: true });
    ws.db.close();
    const { page, errors } = await session.open(ws.dbPath, { width: 1500, height: 950 });

    await page.getByRole('heading', { name: 'Sign in' }).waitFor({ timeout: 120_000 });
    // Nobody is preselected, so Sign in waits for a choice.
    expect(await page.locator('input[name="user"]:checked').count()).toBe(0);
    await page.getByLabel('PIN').fill('1111');
    expect(await page.getByRole('button', { name: 'Sign in' }).isDisabled()).toBe(true);
    await page.screenshot({ path: session.screenshot('sign-in.png') });
    await page.locator('input[name="user"][value="priya"]').check();
    await page.getByLabel('PIN').fill('9999');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That user name and PIN do not match').waitFor();
    await signIn(page, 'priya', '1111');
    expect(await page.getByTestId('current-user').textContent()).toBe('Priya Sharma (Preparer)');

    await openRun(page, 1);
    const count = () => page.getByTestId('review-count').textContent();
    await expect.poll(count).toMatch(/^[\d,]+ lines · ₹/);
    const total = await count();
    // Subtotals by scheme; picking one filters the grid to it.
    await page.getByLabel('Subtotals by').selectOption('scheme');
    const firstRegion = page.locator('[data-testid="group-summary"] tbody tr').first();
    const region = (await firstRegion.locator('td').first().textContent()) ?? '';
    await firstRegion.click();
    await expect.poll(count).not.toBe(total);
    const shownRegions = async () =>
      new Set(
        await page
          .locator('[data-testid="review-grid"] .ag-row:not(.ag-row-pinned) [col-id="scheme"]')
          .allTextContents(),
      );
    await expect.poll(shownRegions).toEqual(new Set([region]));
    await page.screenshot({ path: session.screenshot('review-grid.png') });

    // Why this number: the trace in words and the invoices behind it, for a volume scheme's line.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(count).toBe(total);
    await page.getByLabel('Quick filter').fill('VOL');
    await expect.poll(async () => (await firstRowText(page)) ?? '').toContain('VOL-');
    const row = page.locator('[data-testid="review-grid"] .ag-row:not(.ag-row-pinned)[row-index="0"]');
    const payee = (await row.locator('[col-id="payee"]').textContent()) ?? '';
    await row.locator('[col-id="payee_name"]').click();
    const trace = page.getByTestId('trace-panel');
    await trace.getByText('Measure', { exact: true }).waitFor();
    await expect.poll(() => page.getByTestId('source-count').textContent()).toMatch(/^[1-9][\d,]* of [1-9][\d,]*$/);
    expect(await trace.textContent()).toMatch(/Measure₹[\d,.]+ of sales/);
    expect(await trace.textContent()).toContain(payee);
    await page.screenshot({ path: session.screenshot('trace-panel.png') });

    // Override in the grid: type the amount, give the reason the dialog asks for.
    await trace.getByRole('button', { name: 'Close the trace' }).click();
    await row.locator('[col-id="override"]').dblclick();
    await page.keyboard.type('4321.50');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Override' });
    await expect.poll(() => dialog.getByRole('button', { name: 'Apply override' }).isDisabled()).toBe(true);
    await dialog.getByLabel('Reason').fill('Agreed with the regional manager: two invoices were billed twice');
    await dialog.getByRole('button', { name: 'Apply override' }).click();
    await page
      .getByTestId('review-message')
      .getByText(/1 line overridden/)
      .waitFor();
    await expect.poll(() => row.locator('[col-id="final"]').textContent()).toBe('₹4,321.50');
    expect(await row.locator('[col-id="override"]').textContent()).toBe('₹4,321.50');

    await submitFromSummary(page);
    await page.getByText('Submitted: run 1 is now submitted.').waitFor();
    // A Preparer is offered no Approve or Reject, only taking the submission back.
    await page.getByRole('button', { name: 'Withdraw…' }).waitFor();
    expect(await page.getByRole('button', { name: 'Approve…' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Reject…' }).count()).toBe(0);
    await page.screenshot({ path: session.screenshot('submitted-as-preparer.png') });
    await page.getByRole('button', { name: 'Withdraw…' }).click();
    const withdraw = page.getByRole('dialog', { name: 'Withdraw the run' });
    await withdraw.getByLabel('Reason').fill('One more look at D003');
    await withdraw.getByRole('button', { name: 'Withdraw the submission' }).click();
    await page.getByText('Withdrawn: run 1 is now calculated.').waitFor();
    await submitFromSummary(page);
    await page.getByText('Submitted: run 1 is now submitted.').waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, 'arjun', '2222');
    await openRun(page, 1);
    // The summary shows the override with its reason before anything is approved.
    await page.getByRole('button', { name: 'Approve…' }).click();
    await page
      .getByTestId('summary-dialog')
      .getByText(/Agreed with the regional manager/)
      .waitFor();
    await page.screenshot({ path: session.screenshot('approval-summary.png') });
    await page.getByTestId('summary-dialog').getByRole('button', { name: 'Cancel' }).click();
    await approveFromSummary(page, 'Checked the override against the invoices');
    await page.getByText('Approved: run 1 is now approved.').waitFor();
    await expect.poll(() => page.locator('.review-title .status-badge').textContent()).toBe('Approved');
    await page
      .getByText('This run is approved and locked: nothing in it can change. Undo it only by reversing it.')
      .waitFor();
    await page.screenshot({ path: session.screenshot('approved.png') });

    // The audit screen shows the whole story.
    await page.getByRole('button', { name: 'Audit', exact: true }).click();
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await page
      .getByTestId('audit-verdict')
      .getByText(/The chain is intact/)
      .waitFor();
    // Newest first, in words; the sign-ins of the preparer and the approver sit between their steps.
    const actions = async () =>
      (await page.locator('[data-testid="audit-grid"] .ag-row [col-id="action"]').allTextContents())
        .filter((a) => a !== 'Signed in' && a !== 'Sign-in failed')
        .slice(0, 6);
    await expect
      .poll(actions)
      .toEqual([
        'Run approved',
        'Run submitted',
        'Submission withdrawn',
        'Run submitted',
        'Override',
        'Run calculated',
      ]);
    // The approval in full: what changed, field by field.
    await page.locator('[data-testid="audit-grid"] .ag-row', { hasText: 'Run approved' }).first().dblclick();
    const detail = page.getByTestId('audit-detail');
    const changes = () => detail.getByTestId('audit-changes').locator('tbody tr').allTextContents();
    await expect.poll(changes).toContain('statussubmittedapproved');
    expect(await changes()).toContain('comment—Checked the override against the invoices');
    await page.screenshot({ path: session.screenshot('audit-detail.png') });
    await page.keyboard.press('Escape');
    await page.screenshot({ path: session.screenshot('audit.png') });
    expect(errors).toEqual([]);
  }, 240_000);

  it('filters and sorts 100,000 lines in the server, and prints how long each took (bench:grid measures speed)', async () => {
    const dir = tempDir();
    const ws = await workspaceIn(dir, { demo: true });
    const run = syntheticRun(ws.db, 100_000);
    ws.db.close();
    const { page, errors } = await session.open(ws.dbPath, { width: 1500, height: 950 });
    await signIn(page, 'priya', '1111');
    await openRun(page, run);
    await expect.poll(() => page.getByTestId('review-count').textContent()).toMatch(/^1,00,000 lines/);

    const regionCell = page.locator(
      '[data-testid="review-grid"] .ag-row:not(.ag-row-pinned)[row-index="0"] [col-id="scheme"]',
    );
    await expect.poll(async () => (await regionCell.textContent())?.trim()).toBeTruthy();
    const region = (await regionCell.textContent()) ?? '';
    await resetFetch(page);
    let started = Date.now();
    await page.getByRole('textbox', { name: 'Scheme Filter Input' }).fill(region);
    await expect
      .poll(() => page.getByTestId('review-count').textContent(), { interval: 10 })
      .not.toMatch(/^1,00,000 lines/);
    const filterWall = Date.now() - started;
    const filterFetch = await fetchMs(page);

    // Largest final amount first: the rows on screen must come back in descending order.
    const measureHeader = page.locator('.ag-header-cell[col-id="final"] .ag-header-cell-label');
    await measureHeader.click();
    await fetchMs(page);
    await resetFetch(page);
    started = Date.now();
    await measureHeader.click();
    const shownMeasures = async () =>
      (await page.locator('[data-testid="review-grid"] .ag-row:not(.ag-row-pinned) [col-id="final"]').allTextContents())
        .slice(0, 10)
        .map((m) => Number(m.replace(/[₹,]/g, '')));
    await expect
      .poll(
        async () => {
          const shown = await shownMeasures();
          return shown.length === 10 && shown.every((m, k) => k === 0 || m <= (shown[k - 1] ?? 0));
        },
        { interval: 10 },
      )
      .toBe(true);
    const sortWall = Date.now() - started;
    const sortFetch = await fetchMs(page);

    console.log(
      `review grid, 100,000 lines: filter ${filterFetch} ms to fetch (${filterWall} ms to screen, incl. the filter's typing pause); sort by final ${sortFetch} ms to fetch (${sortWall} ms to screen)`,
    );
    await page.screenshot({ path: session.screenshot('review-100k.png') });
    expect(filterFetch).toBeGreaterThan(0);
    expect(sortFetch).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  }, 240_000);
});
