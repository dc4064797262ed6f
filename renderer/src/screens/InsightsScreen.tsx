import { useEffect, useState } from 'react';
import {
  formatAchievement,
  formatCount,
  formatDate,
  formatMoney,
  formatQuantity,
  formatSlab,
} from '../../../main/format/numbers';
import type { SchemeInsights } from '../../../main/insights/scheme';
import type { SchemeSummary } from '../../../main/schemes/store';
import { call, downloadUrl } from '../api/client';
import { InlineError } from '../components/InlineError';
import { axes, ChartWithTable } from '../insights/ChartWithTable';
import { ReachCharts } from '../insights/ReachCharts';
import { useWorkspace } from '../workspace-context';

/**
 * Whether each scheme paid for itself (main/insights/scheme.ts): its cost against budget,
 * payees reached, achievement, incremental sales and the return on the payout, and who is close
 * to the next slab. Charts by ag-charts-community (the grid's own family); every chart shows its
 * numbers on hover and in the table beside it, and copies to Excel.
 */
export function InsightsScreen() {
  const { currency, locale } = useWorkspace();
  const money = (amount: string) => formatMoney(amount, currency, locale);
  const bucket = (label: string) => (insights ? formatSlab(label, insights.slabUnit, currency, locale) : label);
  const measured = (unit: string, value: string) => (unit === 'money' ? money(value) : formatQuantity(value, locale));
  const [schemes, setSchemes] = useState<SchemeSummary[] | null>(null);
  const [code, setCode] = useState('');
  const [insights, setInsights] = useState<SchemeInsights | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const saveNearMisses = async () => {
    const r = await call('schemes.nearMissWorkbook', { code });
    if (!r.ok) return setProblem(r.error.message);
    const link = downloadUrl(r.value.path);
    if (!link) return setSaved(r.value.path);
    const a = Object.assign(document.createElement('a'), { href: link, download: '' });
    a.click();
  };
  useEffect(() => {
    void call('schemes.list', {}).then((r) => {
      if (!r.ok) return setProblem(r.error.message);
      setSchemes(r.value);
      setCode((c) => c || r.value[0]?.code || '');
    });
  }, []);
  useEffect(() => {
    if (!code) return;
    setInsights(null);
    setSaved(null);
    void call('schemes.insights', { code }).then((r) => (r.ok ? setInsights(r.value) : setProblem(r.error.message)));
  }, [code]);

  return (
    <section className="insights-screen" data-testid="insights-screen">
      <header className="insights-header">
        <h1>Insights</h1>
        <label className="inline-field">
          Scheme
          <select value={code} onChange={(e) => setCode(e.target.value)} aria-label="Scheme">
            {(schemes ?? []).map((s) => (
              <option key={s.code} value={s.code}>
                {s.code} — {s.name}
              </option>
            ))}
          </select>
        </label>
      </header>
      <InlineError message={problem} />
      {schemes && schemes.length === 0 && <p className="muted">No schemes yet: save one on the Schemes screen.</p>}
      {code && !insights && !problem && <p className="muted">Adding up {code}…</p>}
      {insights && (
        <>
          <p className="insights-lead">
            {insights.run === null
              ? `${insights.scheme} has not been run yet.`
              : `Run ${insights.run}, ${formatDate(insights.period.from, locale)} – ${formatDate(insights.period.to, locale)}: paid ${money(insights.paid)}${
                  insights.budget ? ` of a budget of ${money(insights.budget)} (${insights.burnPct}%)` : ''
                } to ${formatCount(insights.payees.reached, locale)} of ${formatCount(insights.payees.eligible, locale)} payees. Sales of its products ${money(
                  insights.sales.period,
                )} against ${money(insights.sales.baseline)} in the ${insights.baseline.kind} (${formatDate(
                  insights.baseline.from,
                  locale,
                )} – ${formatDate(insights.baseline.to, locale)}): ${money(insights.sales.incremental)} more. ${
                  insights.roi.value === null
                    ? ''
                    : `Return: ${insights.roi.value} rupees of incremental ${insights.roi.on} per rupee paid.`
                }`}
          </p>
          <div className="insights-grid">
            <ChartWithTable
              title="Payout against budget"
              header={['What', 'Amount']}
              rows={[
                ['Paid', Number(insights.paid)],
                ...(insights.budget ? [['Budget', Number(insights.budget)] as (string | number)[]] : []),
              ]}
              shown={[['Paid', money(insights.paid)], ...(insights.budget ? [['Budget', money(insights.budget)]] : [])]}
              options={{
                data: [
                  { what: 'Paid', amount: Number(insights.paid) },
                  ...(insights.budget ? [{ what: 'Budget', amount: Number(insights.budget) }] : []),
                ],
                series: [{ type: 'bar', xKey: 'what', yKey: 'amount', yName: 'Amount' }],
                axes: axes({ currency, locale }),
                height: 220,
              }}
            />
            <ChartWithTable
              title="Payees by achievement"
              header={['Achievement', 'Payees']}
              rows={insights.achievement.map((a) => [bucket(a.bucket), a.payees])}
              shown={insights.achievement.map((a) => [bucket(a.bucket), formatCount(a.payees, locale)])}
              options={{
                data: insights.achievement.map((a) => ({ ...a, bucket: bucket(a.bucket) })),
                series: [{ type: 'bar', xKey: 'bucket', yKey: 'payees', yName: 'Payees' }],
                axes: axes('count'),
                height: 220,
              }}
            />
            <ChartWithTable
              title="Sales of the scheme's products"
              header={['Period', 'Sales']}
              rows={[
                [insights.baseline.kind, Number(insights.sales.baseline)],
                ['scheme period', Number(insights.sales.period)],
              ]}
              shown={[
                [insights.baseline.kind, money(insights.sales.baseline)],
                ['scheme period', money(insights.sales.period)],
              ]}
              options={{
                data: [
                  { period: insights.baseline.kind, sales: Number(insights.sales.baseline) },
                  { period: 'scheme period', sales: Number(insights.sales.period) },
                ],
                series: [{ type: 'bar', xKey: 'period', yKey: 'sales', yName: 'Sales' }],
                axes: axes({ currency, locale }),
                height: 220,
              }}
            />
            <ReachCharts insights={insights} />
          </div>
          <section className="insight-chart" aria-label="Near misses">
            <header>
              <h2>Near misses: within 10% of the next slab</h2>
              <button type="button" disabled={insights.nearMisses.length === 0} onClick={() => void saveNearMisses()}>
                Download for the sales team (.xlsx)
              </button>
            </header>
            {saved && <p className="insight-note">Saved to {saved}</p>}
            {insights.nearMisses.length === 0 ? (
              <p className="muted">No payee is that close to its next slab.</p>
            ) : (
              <table data-testid="near-misses">
                <thead>
                  <tr>
                    <th>Payee</th>
                    <th className="number">Measure</th>
                    <th className="number">Still needed</th>
                    <th className="number">Needed %</th>
                    <th className="number">Would pay</th>
                  </tr>
                </thead>
                <tbody>
                  {insights.nearMisses.map((m) => (
                    <tr key={m.payee}>
                      <td>{m.payee}</td>
                      <td className="number">{measured(m.unit, m.measure)}</td>
                      <td className="number">{measured(m.unit, m.needed)}</td>
                      <td className="number">{formatAchievement(m.neededPct, locale)}</td>
                      <td className="number">{money(m.wouldPay)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </section>
  );
}
