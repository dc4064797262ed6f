import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openSource } from '../../main/import/open-source';
import { e2eSession } from '../support/browser';
import { tempDirPerTest } from '../support/temp';
import { openRun, signIn } from '../support/web';
import { workspaceIn } from '../support/workspace';

const tempDir = tempDirPerTest();
const session = e2eSession();

async function demoRun(viewport: { width: number; height: number }) {
  const dir = tempDir();
  const ws = await workspaceIn(dir, { demo: true });
  ws.db.close();
  const opened = await session.open(ws.dbPath, viewport);
  await signIn(opened.page, 'priya', '1111');
  await openRun(opened.page, 1);
  await expect.poll(() => opened.page.getByTestId('review-count').textContent()).toMatch(/^[\d,]+ lines · ₹/);
  return { ...opened, dir };
}

const row = (page: Page, index: number) =>
  page.locator(`[data-testid="review-grid"] .ag-row:not(.ag-row-pinned)[row-index="${index}"]`);

/** Reads a workbook's first sheet with SchemeDesk's own reader: cells as they are typed. */
async function firstSheet(path: string): Promise<unknown[][]> {
  const source = await openSource(path);
  const rows: unknown[][] = [];
  for await (const sheet of source.sheets()) {
    for await (const r of sheet.rows()) rows.push(r.cells);
    break;
  }
  source.close?.();
  return rows;
}

describe('the review grid feels like Excel', () => {
  it('shows the money at 1366×768: payee pinned, amounts in view, compact rows, totals in full, columns chosen', async () => {
    const { page, errors } = await demoRun({ width: 1366, height: 768 });
    const grid = page.getByTestId('review-grid');
    // The payee stays at the left; Final is on screen without scrolling.
    expect(await grid.locator('.ag-header-row-column .ag-grid-pinned-left-cells [col-id="payee_name"]').count()).toBe(
      1,
    );
    const final = await grid.locator('.ag-header-row-column .ag-header-cell[col-id="final"]').boundingBox();
    expect(final && final.x + final.width).toBeLessThanOrEqual(1366);
    const height = await row(page, 0).evaluate((el) => el.getBoundingClientRect().height);
    expect(height).toBeLessThanOrEqual(30);
    // The total row's amounts are never cut off.
    const total = grid.locator('.ag-grid-pinned-bottom-rows [col-id="final"]');
    expect(await total.textContent()).toMatch(/^₹[\d,]+\.\d{2}$/);
    expect(await total.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    // Slabs read in rupees; flags in words.
    const slabs = await grid.locator('.ag-row:not(.ag-row-pinned) [col-id="slab"]').allTextContents();
    expect(
      slabs
        .filter((s) => s !== '')
        .every((s) =>
          /^(₹[\d,]+ – ₹[\d,]+|₹[\d,]+ and above|[\d.,]+%? – [\d.,]+%?|[\d,.]+%? and above|[\d,]+ – [\d,]+)$/.test(s),
        ),
    ).toBe(true);
    await page.screenshot({ path: session.screenshot('review-1366.png') });

    const count = async () =>
      Number(((await page.getByTestId('review-count').textContent()) ?? '').split(' ')[0]?.replace(/,/g, ''));
    const all = await count();
    await page.getByLabel('Hide zero lines').check();
    await expect.poll(count).toBeLessThan(all);
    // Clear filters clears every filter, the quick filter too.
    await page.getByLabel('Quick filter').fill('D003');
    await expect.poll(count).toBeLessThan(all);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(count).toBe(all);
    expect(await page.getByLabel('Quick filter').inputValue()).toBe('');
    expect(await page.getByLabel('Hide zero lines').isChecked()).toBe(false);

    // The column chooser hides a column and moves another; the dialog closes on Escape.
    await page.getByRole('button', { name: 'Columns…' }).click();
    const chooser = page.getByTestId('column-chooser');
    // Slab amount, hidden, leaves the header; Flags moves before Final.
    await chooser.getByRole('checkbox', { name: 'Slab amount' }).uncheck();
    await chooser.getByRole('button', { name: 'Move Flags up' }).click();
    await chooser.getByRole('button', { name: 'Move Flags up' }).click();
    await page.screenshot({ path: session.screenshot('column-chooser.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => chooser.count()).toBe(0);
    const headers = () =>
      grid.locator('.ag-header-row-column .ag-header-cell').evaluateAll((cells) =>
        cells
          .map((c) => ({ id: c.getAttribute('col-id'), x: c.getBoundingClientRect().x }))
          .sort((a, b) => a.x - b.x)
          .map((c) => c.id),
      );
    expect(await headers()).not.toContain('slab_amount');
    await expect
      .poll(async () => {
        const shown = await headers();
        return shown.indexOf('flags') > -1 && shown.indexOf('flags') < shown.indexOf('final');
      })
      .toBe(true);

    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: session.screenshot('review-1920.png') });
    expect(errors).toEqual([]);
  }, 240_000);

  it('copies lines to Excel with headers as shown and money as numbers that LibreOffice reads as numbers', async () => {
    const { page, errors, dir } = await demoRun({ width: 1500, height: 900 });
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
    await row(page, 0).locator('[col-id="final"]').click();
    await page.keyboard.press('Control+C');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('\t');
    const text = await page.evaluate(() => navigator.clipboard.readText());
    const [header, first] = text.split('\n').map((l) => l.split('\t'));
    expect(header?.slice(0, 4)).toEqual(['Payee code', 'Payee', 'Scheme', 'Slab']);
    expect(header).toContain('Final');
    expect(header).not.toContain('');
    const final = first?.[header?.indexOf('Final') ?? -1] ?? '';
    expect(final).toMatch(/^-?\d+(\.\d+)?$/);

    // What Excel would do with it: LibreOffice opens the pasted text and keeps Final a number.
    const tsvFile = join(dir, 'pasted.tsv');
    writeFileSync(tsvFile, text);
    execFileSync(
      'soffice',
      ['--headless', '--infilter=CSV:9,34,76,1', '--convert-to', 'xlsx', '--outdir', dir, tsvFile],
      {
        timeout: 120_000,
        env: { ...process.env, HOME: dir },
      },
    );
    const cells = await firstSheet(join(dir, 'pasted.xlsx'));
    const at = (cells[0] as string[]).indexOf('Final');
    expect(typeof cells[1]?.[at]).toBe('number');
    expect(cells[1]?.[at]).toBe(Number(final));
    expect(errors).toEqual([]);
  }, 240_000);

  it('pastes a column of amounts and reasons from Excel into Override over the selected lines', async () => {
    const { page, errors } = await demoRun({ width: 1500, height: 900 });
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
    for (const i of [0, 1, 2]) await row(page, i).locator('.ag-selection-checkbox input').check();
    await page.evaluate(() =>
      navigator.clipboard.writeText('Override\tWhy\n1,000.00\tAgreed with D001\n2500\t\n300.5\tRounded\n'),
    );
    await row(page, 1).locator('[col-id="payee_name"]').click();
    await page.keyboard.press('Control+V');
    const dialog = page.getByTestId('override-dialog');
    await expect.poll(() => dialog.getByTestId('pasted-amounts').locator('tbody tr').count()).toBe(3);
    expect(await dialog.getByTestId('pasted-amounts').locator('tbody tr').nth(1).textContent()).toContain(
      'the reason below',
    );
    // Focus starts where the one missing reason is typed; Enter applies.
    await page.keyboard.type('Correction from the regional manager');
    await page.screenshot({ path: session.screenshot('paste-override.png') });
    await page.keyboard.press('Enter');
    await page
      .getByTestId('review-message')
      .getByText(/3 lines overridden/)
      .waitFor();
    const column = (col: string) => () =>
      Promise.all([0, 1, 2].map((i) => row(page, i).locator(`[col-id="${col}"]`).textContent()));
    await expect.poll(column('override')).toEqual(['₹1,000.00', '₹2,500.00', '₹300.50']);
    await page.getByRole('button', { name: 'Columns…' }).click();
    await page.keyboard.press('Escape');
    expect(await column('final')()).toEqual(['₹1,000.00', '₹2,500.00', '₹300.50']);

    // A column that does not fit the selection is refused, saying why; nothing changes.
    await page.evaluate(() => navigator.clipboard.writeText('1\n2\n'));
    await row(page, 0).locator('[col-id="payee_name"]').click();
    await page.keyboard.press('Control+V');
    await page
      .getByTestId('review-message')
      .getByText(
        '2 amounts were pasted over 3 lines: select as many lines as amounts, or paste one amount for them all.',
      )
      .waitFor();
    expect(errors).toEqual([]);
  }, 240_000);
});
