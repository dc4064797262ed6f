import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paiseToRupees } from '../../engine/money';
import { approveRun, submitRun } from '../../main/review/actions';
import { executeRun } from '../../main/runs/execute';
import { e2eSession } from '../support/browser';
import { tempDirPerTest } from '../support/temp';
import { signIn } from '../support/web';
import { workspaceIn } from '../support/workspace';

const tempDir = tempDirPerTest();
const session = e2eSession();

describe('the Exports screen in the browser', () => {
  it('previews a draft of an unapproved run, then exports an approved run and lists it with its hash', async () => {
    const dir = tempDir();
    const ws = await workspaceIn(dir, { demo: true });
    // A second run stays calculated: it can only be written as a draft.
    const { total } = ws.db.prepare('SELECT total FROM runs WHERE id = 1').get() as { total: number };
    submitRun(ws.db, 1, { name: 'priya', role: 'preparer' });
    approveRun(ws.db, 1, { name: 'arjun', role: 'approver' });
    const second = executeRun(ws.db, { from: '2026-10-01', to: '2026-10-15', user: 'priya' }).run;
    ws.db.close();
    // In the browser, export folders are inside the workspace's files folder.
    const out = join(ws.dataFolder, 'exports', 'october');
    const { page, errors } = await session.open(ws.dbPath, { width: 1500, height: 950 });
    await signIn(page, 'priya', '1111');
    await page.getByRole('button', { name: 'Exports', exact: true }).click();
    await page.getByRole('heading', { name: 'Exports' }).waitFor();

    await page.getByLabel('Folder').fill(join(dir, 'elsewhere'));
    await page.getByLabel('Run').selectOption(String(second));
    await page.getByRole('button', { name: 'Write draft preview' }).click();
    await page.getByText(/must be inside the workspace's files folder/).waitFor({ timeout: 60_000 });
    await page.getByLabel('Folder').fill(out);
    // An unapproved run can only be written as a draft, and says so in the file.
    await page.getByLabel('Run').selectOption(String(second));
    await page.getByText(`Run ${second} is not approved`).waitFor();
    await page.getByRole('button', { name: 'Write draft preview' }).click();
    await page.getByText('Draft preview written').waitFor({ timeout: 60_000 });
    const draftFile = join(out, `run-${second}-xlsx-DRAFT.xlsx`);
    expect(existsSync(draftFile)).toBe(true);
    await page.screenshot({ path: session.screenshot('exports-draft.png') });

    await page.getByLabel('Run').selectOption('1');
    await page.getByLabel('Format').selectOption('tally-xml');
    await expect.poll(() => page.getByText('Approved by arjun').count()).toBe(1);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    const preview = page.getByTestId('export-preview');
    await preview.locator('.ag-row[row-index="0"]').waitFor({ timeout: 60_000 });
    expect(await preview.locator('.ag-header-cell-text').first().textContent()).toBe('Date');
    await page.screenshot({ path: session.screenshot('exports-preview.png') });

    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByText('Exported; run 1 is exported').waitFor({ timeout: 60_000 });
    const file = join(out, 'run-1-tally-xml.xml');
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('<TALLYREQUEST>Import Data</TALLYREQUEST>');
    // The history shows the export with the file's SHA-256, as recorded.
    const history = page.getByTestId('export-history');
    await history.locator('.ag-row[row-index="0"]').waitFor();
    const { createHash } = await import('node:crypto');
    const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
    await expect.poll(() => history.textContent()).toContain(sha);
    const rupees = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR' }).format(
      paiseToRupees(total) as `${number}`,
    );
    expect(await page.locator('.export-done').textContent()).toContain(rupees);
    await page.screenshot({ path: session.screenshot('exports-done.png') });

    // The profile editor saves a new profile, which becomes the chosen one.
    await page.getByRole('button', { name: 'Edit profile…' }).click();
    await page.getByLabel('Profile name').fill('Tally North');
    await page.getByLabel('Discount ledger', { exact: true }).fill('Scheme Discount & Incentives');
    await page.screenshot({ path: session.screenshot('exports-profile.png') });
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => page.getByLabel('Profile').inputValue()).toBe('Tally North');
    // The new profile's ledger is what the file will debit.
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await page
      .getByTestId('export-preview')
      .getByText('Scheme Discount & Incentives')
      .first()
      .waitFor({ timeout: 60_000 });

    // A document prefix too long for SAP's 16-character reference: the preview says so and what
    // to change, and nothing is written.
    await page.getByRole('button', { name: 'Edit profile…' }).click();
    await page.getByLabel('Document prefix').fill('SCHEMEDESK');
    await page.getByRole('button', { name: 'Save profile' }).click();
    // Saved, the dialog closes (its Date format select would answer to 'Format' too).
    await page.getByRole('button', { name: 'Save profile' }).waitFor({ state: 'detached' });
    await page.getByLabel('Format', { exact: true }).selectOption('sap');
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await page
      .getByText('SAP takes at most 16 characters in "XBLNR", and "SCHEMEDESK-1-0001" has 17')
      .waitFor({ timeout: 60_000 });
    await page.screenshot({ path: session.screenshot('exports-field-too-long.png') });
    // The profile's button stays in its column, clear of the Folder field beside it.
    const button = await page.getByRole('button', { name: 'Edit profile…' }).boundingBox();
    const folder = await page.getByLabel('Folder').boundingBox();
    expect((button?.x ?? 0) + (button?.width ?? 0)).toBeLessThan(folder?.x ?? 0);
    expect(existsSync(join(out, 'run-1-sap.txt'))).toBe(false);
    expect(errors).toEqual([]);
  });
});
