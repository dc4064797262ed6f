import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paiseToRupees } from '../../engine/money';
import { createWorkspaceApi } from '../../main/api/handlers';
import { approveRun, submitRun } from '../../main/review/actions';
import { launchChromium } from '../support/web';
import { demoWorkspacePerTest } from '../support/workspace';

/**
 * The desktop app prints each statement's HTML with Electron's webContents.printToPDF, which is
 * Chromium's print-to-PDF. The Electron binary cannot be downloaded here, so the same HTML goes
 * through the same printer in Debian's Chromium (page.pdf).
 */
describe('distributor statements as PDF', () => {
  const demo = demoWorkspacePerTest();
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('prints one PDF beside each statement workbook, naming the distributor and its total', async () => {
    const { ws, dir } = demo.current();
    submitRun(ws.db, 1, { name: 'priya', role: 'preparer' });
    approveRun(ws.db, 1, { name: 'arjun', role: 'approver' });
    const page = await browser.newPage();
    const printed: string[] = [];
    const printPdf = async (html: string) => {
      printed.push(html);
      await page.setContent(html);
      return page.pdf({ format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true });
    };
    const out = join(dir, 'out');
    // As the desktop shell does: the workspace carries the printer, and the API uses it for statements.
    ws.printPdf = printPdf;
    const answer = await createWorkspaceApi(ws).call('exports.run', {
      run: 1,
      format: 'statements',
      profile: 'Default',
      out,
    });
    if (!answer.ok) throw new Error(answer.error.message);
    const result = answer.value;
    const folder = join(out, 'run-1-statements');
    const pdfs = readdirSync(folder).filter((f) => f.endsWith('.pdf'));
    const payees = ws.db.prepare('SELECT count(DISTINCT payee) AS n FROM payout_lines WHERE run_id = 1').get() as {
      n: number;
    };
    expect(pdfs).toHaveLength(payees.n);
    expect(readdirSync(folder).filter((f) => f.endsWith('.xlsx'))).toHaveLength(payees.n);
    for (const pdf of pdfs) {
      const bytes = readFileSync(join(folder, pdf));
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(bytes.toString('latin1')).toMatch(/\/Type\s*\/Page\b/);
    }
    // Every PDF is in the export's record with its hash, and what was printed names the payee and its total.
    expect(result.files.filter((f) => f.name.endsWith('.pdf'))).toHaveLength(payees.n);
    const first = ws.db
      .prepare(
        "SELECT payee, payee_name AS name, sum(payable) AS total FROM payable_lines WHERE run_id = 1 AND payee = 'D001' GROUP BY payee",
      )
      .get() as { payee: string; name: string; total: number };
    const html = printed.find((h) => h.includes(`(${first.payee})`)) ?? '';
    expect(html).toContain(first.name);
    const rupees = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR' }).format(
      paiseToRupees(first.total) as `${number}`,
    );
    expect(html).toContain(`<tfoot><tr><td colspan="7">Total</td><td class="n">${rupees}</td>`);
    await page.setContent(html);
    await page.screenshot({ path: join(import.meta.dirname, 'screenshots', 'statement.png'), fullPage: true });
  }, 120_000);
});
