import type { ColDef, GridApi } from 'ag-grid-community';
import { useEffect, useRef, useState } from 'react';
import { formatCount, formatDate, formatMoney, formatQuantity } from '../../../main/format/numbers';
import type { LineTrace, SourceRow } from '../../../main/review/trace';
import { call } from '../api/client';
import { InlineError } from '../components/InlineError';
import { rowsAsTsv } from '../grid/copy';
import { Grid } from '../grid/Grid';
import { useWorkspace } from '../workspace-context';

// Kept out of render: ag-grid takes a new object as a changed option (a new defaultColDef rebuilds the columns).
const sourceColumns: ColDef = { resizable: true, sortable: true, filter: true };

const pageSize = 500;

/** "Why this number": the line's trace in plain words, and the source rows behind its measure. */
export function TracePanel({ line, onClose }: { line: number; onClose: () => void }) {
  const { currency, locale } = useWorkspace();
  const [trace, setTrace] = useState<LineTrace | null>(null);
  const [sources, setSources] = useState<{ rows: SourceRow[]; total: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const grid = useRef<GridApi<SourceRow> | null>(null);

  useEffect(() => {
    setTrace(null);
    setSources(null);
    void call('review.trace', { line }).then((r) => (r.ok ? setTrace(r.value) : setProblem(r.error.message)));
    void call('review.sources', { line, limit: pageSize }).then((r) =>
      r.ok ? setSources(r.value) : setProblem(r.error.message),
    );
  }, [line]);

  const money = (v: string | null) => formatMoney(v, currency, locale);
  const copy = async (text: string, what: string) => {
    await navigator.clipboard?.writeText(text);
    setCopied(`Copied ${what}`);
    setTimeout(() => setCopied(null), 2500);
  };
  const more = async () => {
    const r = await call('review.sources', { line, offset: sources?.rows.length ?? 0, limit: pageSize });
    if (r.ok && sources) setSources({ rows: [...sources.rows, ...r.value.rows], total: r.value.total });
  };

  const columns: ColDef<SourceRow>[] = [
    { field: 'document', headerName: 'Document', width: 120 },
    { field: 'date', headerName: 'Date', width: 110, valueFormatter: (p) => formatDate(p.value, locale) },
    { field: 'outlet', headerName: 'Outlet', width: 95 },
    { field: 'sku', headerName: 'SKU', width: 95 },
    {
      field: 'qty',
      headerName: 'Qty',
      width: 75,
      type: 'rightAligned',
      valueFormatter: (p) => formatQuantity(p.value, locale),
    },
    { field: 'value', headerName: 'Value', width: 120, type: 'rightAligned', valueFormatter: (p) => money(p.value) },
    { field: 'file', headerName: 'File', width: 170 },
    { field: 'sheet', headerName: 'Sheet', width: 100 },
    { field: 'row', headerName: 'Row', width: 70, type: 'rightAligned' },
  ];

  return (
    <aside className="trace-panel" aria-label="Why this number" data-testid="trace-panel">
      <header className="trace-header">
        <div>
          <h2>Why this number</h2>
          {trace && (
            <p className="muted">
              {trace.payeeName ?? trace.payee} ({trace.payee}) · {trace.scheme} v{trace.schemeVersion} —{' '}
              {trace.schemeName}
            </p>
          )}
        </div>
        <button type="button" onClick={onClose} aria-label="Close the trace">
          ✕
        </button>
      </header>
      <InlineError message={problem} />
      {trace && (
        <>
          <ol className="trace-steps">
            {trace.steps.map((s) => (
              <li
                key={`${s.step}:${s.detail}`}
                className={`trace-step step-${s.step.toLowerCase().replace(/\s+/g, '-')}`}
              >
                <span className="trace-step-name">{s.step}</span>
                <span className="trace-step-detail">{s.detail}</span>
                <span className="trace-step-amount number">{s.amount === null ? '' : money(s.amount)}</span>
              </li>
            ))}
          </ol>
          <p className="trace-explanation">{trace.explanation}</p>
          {trace.overrides.length > 0 && (
            <details className="override-history">
              <summary>Override history ({trace.overrides.length})</summary>
              <ul>
                {trace.overrides.map((o) => (
                  <li key={o.at}>
                    {new Date(o.at).toLocaleString(locale)} · {o.by}:{' '}
                    {o.amount === null ? 'back to calculated' : money(o.amount)} — {o.reason}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <div className="trace-actions">
            <button
              type="button"
              onClick={() =>
                void copy(
                  ['Step\tDetail\tAmount', ...trace.steps.map((s) => `${s.step}\t${s.detail}\t${s.amount ?? ''}`)].join(
                    '\n',
                  ),
                  'the trace',
                )
              }
            >
              Copy trace
            </button>
            <button
              type="button"
              disabled={!sources || sources.rows.length === 0}
              onClick={() =>
                grid.current &&
                sources &&
                void copy(
                  rowsAsTsv(grid.current, sources.rows),
                  `${formatCount(sources.rows.length, locale)} source rows`,
                )
              }
            >
              Copy source rows
            </button>
            {copied && <span className="muted">{copied}</span>}
          </div>
        </>
      )}
      <h3>
        Source rows{' '}
        <span className="muted" data-testid="source-count">
          {sources ? `${formatCount(sources.rows.length, locale)} of ${formatCount(sources.total, locale)}` : ''}
        </span>
      </h3>
      <div className="grid-host trace-sources" data-testid="trace-sources">
        <Grid<SourceRow>
          rowData={sources?.rows ?? []}
          columnDefs={columns}
          defaultColDef={sourceColumns}
          loading={sources === null && problem === null}
          enableCellTextSelection
          onGridReady={(e) => {
            grid.current = e.api;
          }}
          overlayNoRowsTemplate="No source rows: nothing in the period counted towards this line's measure."
        />
      </div>
      {sources && sources.rows.length < sources.total && (
        <button type="button" onClick={() => void more()}>
          Load {formatCount(Math.min(pageSize, sources.total - sources.rows.length), locale)} more
        </button>
      )}
    </aside>
  );
}
