import { it } from 'vitest';
import { e2eSession, signIn } from '../support/browser';
import { tempDirPerTest } from '../support/temp';
import { workspaceIn } from '../support/workspace';

const tempDir = tempDirPerTest();
const session = e2eSession();
it('debug', async () => {
  const ws = await workspaceIn(tempDir(), { demo: true });
  ws.db.close();
  const { page, errors } = await session.open(ws.dbPath, { width: 1500, height: 950 });
  await signIn(page, 'priya', '1111');
  await page.getByRole('button', { name: 'Runs', exact: true }).click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: '/tmp/dbg/runs.png' });
  await page.locator(`[data-testid="runs-grid"] .ag-row[row-id="1"]`).dblclick();
  await page.waitForTimeout(2500);
  await page.screenshot({ path: '/tmp/dbg/review.png' });
  const html = await page
    .locator('[data-testid="review-grid"] .ag-row[row-index="0"]')
    .evaluateAll((els) => els.map((e) => e.outerHTML.slice(0, 1500)));
  console.log(html.length, html.join('\n-----\n'));
  console.log(errors);
}, 200000);
