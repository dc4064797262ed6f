import {
  type AgCartesianAxesOptions,
  type AgChartInstance,
  type AgChartOptions,
  AgCharts,
  BarSeriesModule,
  CategoryAxisModule,
  ModuleRegistry,
  NumberAxisModule,
} from 'ag-charts-community';
import { useEffect, useRef, useState } from 'react';
import { numberFormat } from '../../../main/format/numbers';
import { tsv } from '../grid/copy';

// Only what these charts use: bars on a category and a number axis (a third of the library).
ModuleRegistry.registerModules([BarSeriesModule, CategoryAxisModule, NumberAxisModule]);

/** Category below, and a value axis labelled in whole rupees of the workspace currency (or as a % or count). */
export function axes(unit: { currency: string; locale: string } | 'percent' | 'count'): AgCartesianAxesOptions {
  const format =
    unit === 'percent'
      ? (v: number) => `${v}%`
      : unit === 'count'
        ? (v: number) => String(v)
        : (v: number) =>
            numberFormat(unit.locale, { style: 'currency', currency: unit.currency, maximumFractionDigits: 0 }).format(
              v,
            );
  return {
    x: { type: 'category', position: 'bottom' },
    y: { type: 'number', position: 'left', label: { formatter: ({ value }) => format(Number(value)) } },
  };
}

/** One ag-charts chart (numbers on hover), with its numbers in a table beside it and a Copy button. */
export function ChartWithTable({
  title,
  options,
  header,
  rows,
  shown,
  note,
  wide,
}: {
  title: string;
  /** Across the whole width of the screen (a chart of many bars). */
  wide?: boolean;
  /** A sentence under the title that reads the chart for the user. */
  note?: string;
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
    <section className={wide ? 'insight-chart wide' : 'insight-chart'} aria-label={title}>
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
      {note && <p className="insight-note">{note}</p>}
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
