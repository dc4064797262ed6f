import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkspaceApi } from '../../main/api/handlers';
import { saveControlSettings } from '../../main/controls/settings';
import { executeRun } from '../../main/runs/execute';
import type { Workspace } from '../../main/workspace';
import { e2eSession } from '../support/browser';
import { delimited, writeText } from '../support/files';
import { tempDirPerTest } from '../support/temp';
import { approveFromSummary, openRun, signIn, submitFromSummary } from '../support/web';
import { workspaceIn } from '../support/workspace';

const tempDir = tempDirPerTest();
const session = e2eSession();

/**
 * October's run of the workspace in the browser as its preparer, its controls panel opened
 * (signals alone leave it closed, the grid keeping the screen), the signal `label`'s row read as
 * `says`, and clicked: the grid then shows D002's EPD-202610 line alone.
 */
async function signalShown(ws: Workspace, label: string, says: RegExp) {
  const run = executeRun(ws.db, { from: '2026-10-01', to: '2026-10-31', user: 'priya' }).run;
  ws.db.close();
  const opened = await session.open(ws.dbPath, { width: 1440, height: 900 });
  const { page } = opened;
  await signIn(page, 'priya', '1111');
  await openRun(page, run);
  const panel = page.getByTestId('flags-panel');
  await panel.waitFor();
  await panel.getByRole('button', { name: /^▸ Controls: no policy breach · \d+ signals to look at/ }).click();
  const row = panel.getByTestId('flag-row').filter({ hasText: label });
  await expect.poll(() => row.textContent()).toMatch(says);
  await row.getByRole('button', { name: label }).click();
  await expect
    .poll(async () => {
      const lines = page.locator('[data-testid="review-grid"] .ag-row:not(.ag-row-pinned)');
      return [
        await lines.locator('[col-id="payee"]').allTextContents(),
        await lines.locator('[col-id="scheme"]').allTextContents(),
      ];
    })
    .toEqual([['D002'], ['EPD-202610']]);
  return opened;
}

describe('controls in the browser', () => {
  it('blocks submitting a run over the discount ceiling until the preparer acknowledges it; the approver sees why', async () => {
    const ws = await workspaceIn(tempDir(), { demo: true });
    saveControlSettings(ws.db, { discountCeilingPct: '0.5' }, 'admin');
    const run = executeRun(ws.db, { from: '2026-10-01', to: '2026-10-31', user: 'priya' }).run;
    ws.db.close();
    const { page, errors } = await session.open(ws.dbPath, { width: 1440, height: 900 });
    await signIn(page, 'priya', '1111');
    await openRun(page, run);
    await page.getByTestId('flags-panel').waitFor();
    const panel = page.getByTestId('flags-panel');
    await expect.poll(() => panel.textContent()).toMatch(/policy breach(es)? \(\d+ to acknowledge before submitting\)/);
    // The demo's planted spike is among the signals, and shows its lines when clicked.
    await panel.getByRole('button', { name: 'Period-end spike, then returns' }).click();
    await expect
      .poll(async () => {
        const payees = await page
          .locator('[data-testid="review-grid"] .ag-row:not(.ag-row-pinned) [col-id="payee"]')
          .allTextContents();
        return payees.length > 0 && payees.every((p) => p.trim() === 'D007');
      })
      .toBe(true);
    await page.screenshot({ path: session.screenshot('flags-panel.png') });

    await submitFromSummary(page);
    await page.getByText(/breaches policy in .*a preparer acknowledges each with a reason/).waitFor();
    await page.screenshot({ path: session.screenshot('submit-blocked.png') });

    for (const box of await panel.getByRole('checkbox').all()) await box.check();
    await expect.poll(() => panel.getByRole('button', { name: /^Acknowledge/ }).isDisabled()).toBe(true);
    await panel.getByLabel('Reason for acknowledging').fill('Festival month: agreed with the regional sales manager');
    await panel.getByRole('button', { name: /^Acknowledge/ }).click();
    await expect.poll(() => panel.textContent()).toMatch(/all acknowledged/);
    await submitFromSummary(page);
    await page.getByText(`Submitted: run ${run} is now submitted.`).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, 'arjun', '2222');
    await openRun(page, run);
    await page.getByTestId('flags-panel').waitFor();
    await expect
      .poll(() => panel.textContent())
      .toContain('priya: “Festival month: agreed with the regional sales manager”');
    await page.screenshot({ path: session.screenshot('approver-sees-acknowledgement.png') });
    await approveFromSummary(page, 'Acknowledgements read; agreed');
    await page.getByText(`Approved: run ${run} is now approved.`).waitFor();
    expect(errors).toEqual([]);
  }, 240_000);

  it('shows receipts naming their bills otherwise as a signal, with the receipts behind it, and the early-payment line they cost', async () => {
    const ws = await workspaceIn(tempDir(), { demo: true });
    ws.db
      .prepare(
        "UPDATE payments SET against_doc_no = replace(against_doc_no, 'INV/', '') WHERE distributor_code = 'D002' AND against_doc_no LIKE 'INV/2610/%'",
      )
      .run();
    const { page, errors } = await signalShown(
      ws,
      'Receipts naming no invoice of the payee',
      /D002 · EPD-202610.*name their bills otherwise than the sales register does.*3 receipts/,
    );
    // One line is one line, in the count above the grid and in its totals row.
    expect(await page.getByTestId('review-count').textContent()).toMatch(/^1 line · ₹0\.00$/);
    await page.screenshot({ path: session.screenshot('unmatched-receipts.png') });
    expect(errors).toEqual([]);
  }, 240_000);

  it('shows a credit note naming its invoice otherwise as a signal on the early-payment line it pays too much on', async () => {
    const ws = await workspaceIn(tempDir(), { demo: true });
    const invoice = ws.db
      .prepare(
        `SELECT doc_no, sku FROM sales WHERE distributor_code = 'D002' AND doc_type = 'invoice' AND outlet_code IS NULL
         AND doc_date BETWEEN '2026-10-01' AND '2026-10-31' ORDER BY id LIMIT 1`,
      )
      .get() as { doc_no: string; sku: string };
    const returns = join(tempDir(), 'returns.csv');
    writeText(
      returns,
      delimited([
        ['Document Type', 'Invoice No', 'Date', 'Distributor Code', 'SKU', 'Qty', 'Net Value', 'Against Document'],
        [
          'Credit Note',
          'CN/D002/9',
          '2026-10-20',
          'D002',
          invoice.sku,
          1,
          '1000.00',
          invoice.doc_no.replace(/^INV\//, ''),
        ],
      ]),
    );
    const imported = await createWorkspaceApi(ws).call('import.run', { path: returns, kind: 'sales' });
    expect(imported.ok && imported.value.warnings[0]).toMatch(/^1 credit note line names an invoice none of its/);
    const { page, errors } = await signalShown(
      ws,
      'Credit notes naming no invoice of the payee',
      /D002 · EPD-202610.*names the invoice it returns otherwise than the sales do.*1 sales line—$/,
    );
    await page.screenshot({ path: session.screenshot('unmatched-returns.png') });
    expect(errors).toEqual([]);
  }, 240_000);
});
