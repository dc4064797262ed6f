import {
  type AgChartInstance,
  type AgChartOptions,
  AgCharts,
  BarSeriesModule,
  CategoryAxisModule,
  ModuleRegistry,
  NumberAxisModule,
} from 'ag-charts-community';
import { useEffect, useRef, useState } from 'react';
import { formatCount, formatDate, formatMoney } from '../../../main/format/numbers';
import type { SchemeInsights } from '../../../main/insights/scheme';
import type { SchemeSummary } from '../../../main/schemes/store';
import { call } from '../api/client';
import { InlineError } from '../components/InlineError';
import { tsv } from '../grid/copy';
import { useWorkspace } from '../workspace-context';

// Only what these charts use: bars on a category and a number axis (a third of the library).
ModuleRegistry.registerModules([BarSeriesModule, CategoryAxisModule, NumberAxisModule]);

/** One ag-charts chart (numbers on hover), with its numbers in a table beside it and a Copy button. */
function ChartWithTable({
  title,
  options,
  header,
  rows,
  shown,
}: {
  title: string;
  options: AgChartOptions;
  header: string[];
  /** The numbers, as Excel should receive them. */
  rows: (string | number)[][];
  /** The same rows as the table shows them. */
  shown: string[][];
}) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<AgChartInstance | null>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!host.current) return;
    if (chart.current) void chart.current.update({ ...options, container: host.current });
    else chart.current = AgCharts.create({ ...options, container: host.current });
  }, [options]);
  useEffect(
    () => () => {
      chart.current?.destroy();
      chart.current = null;
    },
    [],
  );
  return (
    <section className="insight-chart" aria-label={title}>
      <header>
        <h2>{title}</h2>
        <button
          type="button"
          onClick={() => {
            void navigator.clipboard?.writeText(tsv([header, ...rows])).then(() => setCopied(true));
          }}
        >
          {copied ? 'Copied' : 'Copy to Excel'}
        </button>
      </header>
      <div className="insight-body">
        <div className="chart-host" ref={host} />
        <table>
          <thead>
            <tr>
              {header.map((h, i) => (
                <th key={h} className={i === 0 ? undefined : 'number'}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r[0]}>
                {r.map((c, i) => (
                  <td key={header[i]} className={i === 0 ? undefined : 'number'}>
                    {c}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * Whether each scheme paid for itself (main/insights/scheme.ts): its cost against budget,
 * payees reached, achievement, incremental sales and the return on the payout, and who is close
 * to the next slab. Charts by ag-charts-community (the grid's own family); every chart shows its
 * numbers on hover and in the table beside it, and copies to Excel.
 */
export function InsightsScreen() {
  const { currency, locale } = useWorkspace();
  const money = (amount: string) => formatMoney(amount, currency, locale);
  const [schemes, setSchemes] = useState<SchemeSummary[] | null>(null);
  const [code, setCode] = useState('');
  const [insights, setInsights] = useState<SchemeInsights | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
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
                series: [{ type: 'bar', xKey: 'what', yKey: 'amount', yName: 'Rupees' }],
                height: 220,
              }}
            />
            <ChartWithTable
              title="Payees by achievement"
              header={['Achievement', 'Payees']}
              rows={insights.achievement.map((a) => [a.bucket, a.payees])}
              shown={insights.achievement.map((a) => [a.bucket, formatCount(a.payees, locale)])}
              options={{
                data: insights.achievement,
                series: [{ type: 'bar', xKey: 'bucket', yKey: 'payees', yName: 'Payees' }],
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
                series: [{ type: 'bar', xKey: 'period', yKey: 'sales', yName: 'Rupees' }],
                height: 220,
              }}
            />
          </div>
          <section className="insight-chart" aria-label="Near misses">
            <header>
              <h2>Near misses: within 10% of the next slab</h2>
            </header>
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
                      <td className="number">{m.measure}</td>
                      <td className="number">{m.needed}</td>
                      <td className="number">{m.neededPct}%</td>
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
