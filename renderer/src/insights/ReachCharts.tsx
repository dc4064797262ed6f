import { formatCount, formatDate, formatMoney, numberFormat } from '../../../main/format/numbers';
import type { SchemeInsights } from '../../../main/insights/scheme';
import { useWorkspace } from '../workspace-context';
import { axes, ChartWithTable } from './ChartWithTable';
import { dipNote } from './dip-note';

/**
 * Outlets reached and what each cost, the sales pulled forward (before, during and after the
 * scheme) and discount dependency (the share of sales made under a scheme, month by month, and
 * the most dependent payees).
 */
export function ReachCharts({ insights }: { insights: SchemeInsights }) {
  const { currency, locale } = useWorkspace();
  const money = (amount: string) => formatMoney(amount, currency, locale);
  const pct = (p: string | null) =>
    p === null ? '—' : `${numberFormat(locale, { minimumFractionDigits: 2 }).format(Number(p))}%`;
  const monthName = (m: string) =>
    new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${m}-01T00:00:00Z`),
    );
  const { outlets, dip, dependency } = insights;
  const range = (w: { from: string; to: string }) => `${formatDate(w.from, locale)} – ${formatDate(w.to, locale)}`;

  // [label in the table, label under the bar, outlets, cost of each]
  const outletRows: [string, string, number, string | null][] = [
    [`billed in the ${insights.baseline.kind}`, 'before', outlets.billed.baseline, null],
    ['billed in the period', 'period', outlets.billed.period, null],
    ['first billed', 'first', outlets.firstBilled, null],
    [`reactivated after ${outlets.dormantDays} days`, 'reactivated', outlets.reactivated, outlets.costPerReactivated],
    ['net new', 'net new', outlets.netNew, outlets.costPerNetNew],
  ];
  const dipRows: [string, string][] = [
    ['before', dip.before.sales],
    ['during', dip.during],
    ['after', dip.after.sales],
  ];
  const spans = `Before ${range(dip.before)}, during ${range(insights.period)}, after ${range(dip.after)}.`;
  const topPayees = dependency.payees.slice(0, 10);

  return (
    <>
      <ChartWithTable
        title="Outlets reached"
        note={`Each reactivated outlet cost ${
          outlets.costPerReactivated ? money(outlets.costPerReactivated) : '— (none reactivated)'
        }; each net new outlet ${outlets.costPerNetNew ? money(outlets.costPerNetNew) : '— (no net gain)'}.`}
        header={['Outlets', 'Count', 'Cost each']}
        rows={outletRows.map(([what, , n, cost]) => [what, n, cost === null ? '' : Number(cost)])}
        shown={outletRows.map(([what, , n, cost]) => [what, formatCount(n, locale), cost === null ? '' : money(cost)])}
        options={{
          data: outletRows.map(([, what, n]) => ({ what, outlets: n })),
          series: [{ type: 'bar', xKey: 'what', yKey: 'outlets', yName: 'Outlets' }],
          axes: axes('count'),
          height: 220,
        }}
      />
      <ChartWithTable
        title="Sales pulled forward"
        note={`${spans} ${dipNote(dip, money, pct)}`}
        header={['When', 'Sales']}
        rows={dipRows.map(([when, sales]) => [when, Number(sales)])}
        shown={dipRows.map(([when, sales]) => [when, money(sales)])}
        options={{
          data: dipRows.map(([when, sales]) => ({ when, sales: Number(sales) })),
          series: [{ type: 'bar', xKey: 'when', yKey: 'sales', yName: 'Sales' }],
          axes: axes({ currency, locale }),
          height: 220,
        }}
      />
      <ChartWithTable
        title="Share of sales made under a scheme, by month"
        wide
        note="The payees' sales in months when a run measured them for a scheme covering the products sold."
        header={['Month', 'Sales', 'Under a scheme', 'Share']}
        rows={dependency.months.map((m) => [
          monthName(m.month),
          Number(m.sales),
          Number(m.underSchemes),
          m.sharePct === null ? '' : Number(m.sharePct),
        ])}
        shown={dependency.months.map((m) => [
          monthName(m.month),
          money(m.sales),
          money(m.underSchemes),
          pct(m.sharePct),
        ])}
        options={{
          data: dependency.months.map((m) => ({ month: monthName(m.month), share: Number(m.sharePct ?? 0) })),
          series: [{ type: 'bar', xKey: 'month', yKey: 'share', yName: 'Share under a scheme (%)' }],
          axes: axes('percent'),
          height: 220,
        }}
      />
      <ChartWithTable
        title="Most dependent payees, over the year"
        wide
        header={['Payee', 'Sales', 'Under a scheme', 'Share']}
        rows={topPayees.map((p) => [
          p.payee,
          Number(p.sales),
          Number(p.underSchemes),
          p.sharePct === null ? '' : Number(p.sharePct),
        ])}
        shown={topPayees.map((p) => [p.payee, money(p.sales), money(p.underSchemes), pct(p.sharePct)])}
        options={{
          data: topPayees.map((p) => ({ payee: p.payee, share: Number(p.sharePct ?? 0) })),
          series: [{ type: 'bar', xKey: 'payee', yKey: 'share', yName: 'Share under a scheme (%)' }],
          axes: axes('percent'),
          height: 220,
        }}
      />
    </>
  );
}
