import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSession } from '../support/browser';
import { tempDirPerTest } from '../support/temp';
import { signIn } from '../support/web';
import { workspaceIn } from '../support/workspace';

const tempDir = tempDirPerTest();
const session = e2eSession();

/** Types into one cell of the slab grid, as a user does: click, select what is there, type, Enter. */
async function setCell(page: Page, row: number, column: 'from' | 'to' | 'rate', value: string) {
  await page.locator(`[data-testid="slab-grid"] .ag-row[row-index="${row}"] .ag-cell[col-id="${column}"]`).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(value);
  await page.keyboard.press('Enter');
}

/** The small demo month's workspace open in the browser, signed in as its preparer. */
async function demoAsPreparer() {
  const dir = tempDir();
  (await workspaceIn(dir, { demo: true })).db.close();
  const opened = await session.open(join(dir, 'workspace.sqlite'), { width: 1400, height: 1000 });
  await signIn(opened.page, 'priya', '1111');
  return { dir, ...opened };
}

/** A new scheme's code, name and October period, typed in as a user does. */
async function nameOctoberScheme(editor: Locator, code: string, name: string) {
  await editor.getByLabel('Code', { exact: true }).fill(code);
  await editor.getByLabel('Name', { exact: true }).fill(name);
  await editor.getByLabel('From', { exact: true }).fill('2026-10-01');
  await editor.getByLabel('To', { exact: true }).fill('2026-10-31');
}

describe('the Schemes screen', () => {
  it('creates a volume scheme with three slabs, shows an overlap, fixes it, previews and saves', async () => {
    const { page, errors } = await demoAsPreparer();
    await page.getByTestId('dataset-sales').waitFor({ timeout: 60_000 });

    await page.getByRole('button', { name: 'Schemes' }).click();
    await expect.poll(() => page.getByTestId('schemes-grid').locator('.ag-row').count()).toBeGreaterThan(5);
    await page.getByRole('button', { name: 'New scheme' }).click();
    const editor = page.getByTestId('scheme-editor');
    // Nothing typed yet: no field shows a problem, though the form is not ready.
    await expect.poll(() => editor.getByTestId('scheme-status').textContent()).toMatch(/problems? to fix/);
    expect(await editor.locator('.field-problems').count()).toBe(0);
    await nameOctoberScheme(editor, 'VOL-E2E', 'E2E volume push');

    // ₹ per unit on net sales in rupees would pay its rate on every rupee: said beside the reward.
    await editor.getByLabel('Reward').selectOption('per_unit');
    await expect
      .poll(() => editor.getByTestId('problems-reward').textContent())
      .toContain('this scheme measures net sales in rupees');
    await page.screenshot({ path: session.screenshot('scheme-reward-per-rupee.png') });
    await editor.getByLabel('Reward').selectOption('percent_of_value');
    await expect.poll(() => editor.getByTestId('problems-reward').count()).toBe(0);

    // Categories are picked from the workspace's own, by typing part of one.
    await editor.getByRole('combobox', { name: 'Categories' }).fill('bever');
    await editor.getByRole('option', { name: /Beverages/ }).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => editor.locator('.code-picker .chip').allTextContents()).toEqual(['Beverages×']);
    await page.keyboard.press('Backspace');
    await expect.poll(() => editor.locator('.code-picker .chip').count()).toBe(0);

    // Targets from the dataset: the measures the targets file carries, in words, the first chosen.
    await editor.getByLabel('Target', { exact: true }).selectOption('dataset');
    const measure = editor.getByLabel('Targets measure');
    expect(await measure.locator('option').allTextContents()).toEqual([
      'Billed outlets — 12 distributors, 01 Oct 2026 to 31 Oct 2026',
      'Secondary value — 12 distributors, 01 Oct 2026 to 31 Oct 2026',
    ]);
    expect(await measure.inputValue()).toBe('billed_outlets');
    await editor.getByLabel('Target', { exact: true }).selectOption('none');
    await editor.getByRole('button', { name: 'Add slab' }).click();
    await editor.getByRole('button', { name: 'Add slab' }).click();
    await setCell(page, 0, 'to', '1000000');
    await setCell(page, 0, 'rate', '1');
    await setCell(page, 1, 'from', '900000');
    await setCell(page, 1, 'to', '5000000');
    await setCell(page, 1, 'rate', '2');
    await setCell(page, 2, 'from', '5000000');
    await setCell(page, 2, 'rate', '3');

    await expect
      .poll(() => editor.getByTestId('problems-slabs').textContent())
      .toContain('slab 1 (0–10,00,000) and slab 2 (9,00,000–50,00,000) overlap from 9,00,000 to 10,00,000');
    expect(await editor.getByTestId('scheme-status').textContent()).toBe('1 problem to fix');
    expect(await page.locator('[data-testid="slab-grid"] .ag-row.slab-problem').count()).toBe(2);
    await page.screenshot({ path: session.screenshot('scheme-overlap.png') });

    await setCell(page, 1, 'from', '1000000');
    await expect.poll(() => editor.getByTestId('scheme-status').textContent()).toBe('Ready to save');
    expect(await page.locator('[data-testid="slab-grid"] .ag-row.slab-problem').count()).toBe(0);

    await editor.getByLabel('Preview from').fill('2026-10-01');
    await editor.getByLabel('Preview to').fill('2026-10-31');
    await editor.getByRole('button', { name: 'Preview' }).click();
    await expect
      .poll(() => editor.getByTestId('preview-total').textContent(), { timeout: 30_000 })
      .toMatch(/^12 distributors, ₹[\d,]+\.\d{2} in all$/);
    expect(await editor.getByTestId('scheme-preview').locator('tbody tr').count()).toBe(12);
    await page.screenshot({ path: session.screenshot('scheme-preview.png') });

    // A gate nobody meets (a million billed outlets) makes the same scheme pay nothing.
    await editor.getByLabel('New measure name').fill('outlets');
    await editor.getByRole('button', { name: 'Add measure' }).click();
    await editor.getByRole('button', { name: 'Add gate' }).click();
    await editor.getByLabel('Gate 1 minimum').fill('1000000');
    await expect.poll(() => editor.getByTestId('scheme-status').textContent()).toBe('Ready to save');
    await editor.getByRole('button', { name: 'Preview' }).click();
    await expect
      .poll(() => editor.getByTestId('preview-total').textContent(), { timeout: 30_000 })
      .toBe('12 distributors, ₹0.00 in all');

    await editor.getByRole('button', { name: 'Save as new version' }).click();
    await expect.poll(() => page.getByTestId('schemes-grid').textContent()).toContain('VOL-E2E');
    await page.screenshot({ path: session.screenshot('schemes-list.png') });
    expect(errors).toEqual([]);
  }, 240_000);

  it('measures an overdue-reduction scheme in days, previews it on the ageing reports and saves it so', async () => {
    const { dir, page, errors } = await demoAsPreparer();
    await page.getByTestId('dataset-sales').waitFor({ timeout: 60_000 });

    await page.getByRole('button', { name: 'Schemes' }).click();
    await page.getByRole('button', { name: 'New scheme' }).click();
    const editor = page.getByTestId('scheme-editor');
    await nameOctoberScheme(editor, 'ROD-DAYS', 'Overdue days down');
    // A product filter, then a measure that reads no product: the filter stays to be taken off, and
    // the form will not save it, which would have paid on every product.
    await editor.getByLabel('Brands', { exact: true }).fill('Sunrise');
    await editor.getByLabel('Brands', { exact: true }).press('Enter');
    await editor.getByLabel('Program kind').selectOption('outstanding_reduction');
    await expect.poll(() => editor.textContent()).toContain('its product filter would be passed over');
    await expect.poll(() => editor.getByTestId('scheme-status').textContent()).not.toBe('Ready to save');
    await editor.getByLabel('Remove Sunrise from Brands').click();
    await expect.poll(() => editor.getByLabel('Brands', { exact: true }).count()).toBe(0);
    expect(await editor.textContent()).toContain(
      'Every product: overdue and early payment are measured on whole invoices',
    );
    expect(await editor.getByLabel('Measured in').inputValue()).toBe('amount');
    await editor.getByLabel('Measured in').selectOption('days');
    await editor.getByLabel('Reward').selectOption('per_unit');
    await setCell(page, 0, 'rate', '100');
    await expect.poll(() => editor.getByTestId('scheme-status').textContent()).toBe('Ready to save');
    await page.screenshot({ path: session.screenshot('scheme-rod-days.png') });

    await editor.getByLabel('Preview from').fill('2026-10-01');
    await editor.getByLabel('Preview to').fill('2026-10-31');
    await editor.getByRole('button', { name: 'Preview' }).click();
    await expect
      .poll(() => editor.getByTestId('preview-total').textContent(), { timeout: 30_000 })
      .toMatch(/^\d+ distributors, ₹[\d,]+\.\d{2} in all$/);
    // Each line explains its days: the two reports' averages, weighted by what the bills owe.
    const explained = await editor.getByTestId('scheme-preview').locator('tbody tr').first().getAttribute('title');
    expect(explained).toMatch(/on average \d+ and \d+ days past due \(weighted by what each bill owes\)/);
    await page.screenshot({ path: session.screenshot('scheme-rod-days-preview.png') });

    await editor.getByRole('button', { name: 'Save as new version' }).click();
    await expect.poll(() => page.getByTestId('schemes-grid').textContent()).toContain('ROD-DAYS');
    const db = new Database(join(dir, 'workspace.sqlite'), { readonly: true });
    const saved = db.prepare("SELECT definition FROM scheme_versions WHERE code = 'ROD-DAYS'").pluck().get();
    db.close();
    expect(JSON.parse(String(saved)).measure).toEqual({ kind: 'outstanding_reduction', basis: 'days' });
    expect(errors).toEqual([]);
  }, 240_000);

  it('runs a what-if of a changed saved scheme against the saved one and against a kept variant, saving nothing', async () => {
    const { page, errors } = await demoAsPreparer();
    const runRows = page.getByTestId('runs-grid').locator('.ag-row');
    await page.getByRole('button', { name: 'Runs', exact: true }).click();
    await expect.poll(() => runRows.count()).toBeGreaterThan(0);
    const runsBefore = await runRows.count();
    await page.getByRole('button', { name: 'Schemes' }).click();
    await page.getByTestId('schemes-grid').getByText('VOL-BEV-202610', { exact: true }).click();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const editor = page.getByTestId('scheme-editor');
    const whatif = editor.getByTestId('whatif');

    // 1 % → 2 % on the middle slab: everyone earns more, nobody new is reached.
    await setCell(page, 1, 'rate', '2');
    await expect.poll(() => editor.getByTestId('scheme-status').textContent()).toBe('Ready to save');
    await whatif.getByRole('button', { name: 'Compare with the saved scheme' }).click();
    const summary = whatif.getByTestId('whatif-summary');
    await expect
      .poll(() => summary.textContent(), { timeout: 30_000 })
      .toMatch(
        /^Saved scheme: ₹12,166\.11 to 12 payees\. This draft: ₹[\d,]+\.\d{2} to 12 payees\. Change: \+₹[\d,]+\.\d{2}, \+0 payees reached\. Nothing was saved\.$/,
      );
    const table = whatif.getByTestId('whatif-table');
    expect(await table.locator('tbody tr').count()).toBe(12);
    expect(await table.locator('thead th').allTextContents()).toEqual([
      'Payee',
      'Saved scheme: measure',
      'Slab',
      'Payout',
      'This draft: measure',
      'Slab',
      'Payout',
      'Change',
    ]);
    await page.screenshot({ path: session.screenshot('whatif-saved.png') });

    // Variant A at 2 %, variant B at 0.5 %: B costs less than A, shown payee by payee.
    await whatif.getByRole('button', { name: 'Keep as variant A' }).click();
    await setCell(page, 1, 'rate', '0.5');
    await expect(summary.count()).resolves.toBe(0);
    await whatif.getByRole('button', { name: 'Compare with variant A' }).click();
    await expect
      .poll(() => summary.textContent(), { timeout: 30_000 })
      .toMatch(/^Variant A: .* This draft \(B\): .* Change: -₹/);
    expect(await table.locator('tbody tr').first().locator('td').last().textContent()).toMatch(/^-₹[\d,]+\.\d{2}$/);
    await page.screenshot({ path: session.screenshot('whatif-variants.png') });

    // Closing asks first, since the form holds edits: declined, the form stays; accepted, it goes.
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.keyboard.press('Escape');
    await expect
      .poll(() => asked)
      .toEqual(['The scheme VOL-BEV-202610 has changes that are not saved. Close without saving them?']);
    expect(await editor.isVisible()).toBe(true);
    // Browser Back asks too, and stays put when declined.
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.goBack();
    await expect.poll(() => asked.length).toBe(2);
    expect(asked[1]).toBe('The scheme VOL-BEV-202610 has changes that are not saved. Leave without saving them?');
    expect(await editor.isVisible()).toBe(true);
    expect(page.url()).toMatch(/#\/schemes$/);
    page.once('dialog', (d) => void d.accept());
    // Nothing was saved: no new version of the scheme, and no run.
    await editor.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => editor.count()).toBe(0);
    expect(
      await page.getByTestId('schemes-grid').locator('.ag-row', { hasText: 'VOL-BEV-202610' }).textContent(),
    ).toMatch(/Beverages volume push/);
    await page.getByRole('button', { name: 'Runs', exact: true }).click();
    await expect.poll(() => runRows.count()).toBe(runsBefore);
    expect(errors).toEqual([]);
  }, 240_000);
});
