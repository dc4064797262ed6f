import type { createWorkspaceApi } from '../../main/api/handlers';
import { invoicesSql } from '../../main/runs/load-facts';
import type { Workspace } from '../../main/workspace';

/**
 * What a scheme paying 1% of each invoice of `month` (YYYY-MM) settled within `withinDays` pays,
 * saved and run over that month through the API, as a user would.
 */
export async function earlyPaymentTotal(
  api: ReturnType<typeof createWorkspaceApi>,
  month: string,
  withinDays: number,
  partPayments: 'full_only' | 'pro_rata' = 'full_only',
): Promise<string> {
  const [year, monthNo] = month.split('-').map(Number) as [number, number];
  const from = `${month}-01`;
  const to = new Date(Date.UTC(year, monthNo, 0)).toISOString().slice(0, 10);
  const code = `EP-${month}`;
  const saved = await api.call('schemes.save', {
    definition: {
      code,
      name: `Pay within ${withinDays} days in ${month}`,
      objective: 'collections',
      period: { from, to },
      salesSource: 'primary',
      measure: { kind: 'early_payment', withinDays, partPayments },
      slabs: { basis: 'measure', mode: 'retro', table: [{ from: '0', to: null, rate: '1' }] },
      reward: { type: 'percent_of_invoice' },
    },
  });
  if (!saved.ok) throw new Error(saved.error.message);
  const run = await api.call('runs.create', { from, to, schemes: [code] });
  if (!run.ok) throw new Error(run.error.message);
  return run.value.total;
}

/** What each invoice to a distributor in October 2026 bills, as early payment reads it (rupees), by document. */
export const octoberBills = (ws: Workspace): Record<string, number> =>
  Object.fromEntries(
    (
      ws.db.prepare(invoicesSql).all({ from: '2026-10-01', to: '2026-10-31' }) as { docNo: string; amount: number }[]
    ).map((i) => [i.docNo, i.amount / 100]),
  );
