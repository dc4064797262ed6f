import type { ColDef } from 'ag-grid-community';
import { useCallback, useEffect, useState } from 'react';
import type { RunListItem } from '../../../main/api/contract';
import { formatDate, formatMoney } from '../../../main/format/numbers';
import { call } from '../api/client';
import { InlineError } from '../components/InlineError';
import { Grid } from '../grid/Grid';
import { ReviewScreen } from '../review/ReviewScreen';
import { useWorkspace } from '../workspace-context';
import { NewRunDialog } from './NewRunDialog';
import { StatusBadge } from './StatusBadge';

// Kept out of render: ag-grid takes a new object as a changed option (a new defaultColDef rebuilds the columns).
const runColumns: ColDef = { resizable: true, sortable: true };

const when = (iso: string | null, locale: string) =>
  iso ? new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }) : '';

/** Every run of the workspace with where it stands; open one to review it (its address is #/runs/N). */
export function RunsScreen({ open, onOpen }: { open: number | null; onOpen: (run: number | null) => void }) {
  const { currency, locale } = useWorkspace();
  const [runs, setRuns] = useState<RunListItem[] | null>(null);
  const setOpen = onOpen;
  const [creating, setCreating] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(() => {
    void call('runs.list', {}).then((r) => (r.ok ? setRuns(r.value) : setProblem(r.error.message)));
  }, []);
  useEffect(() => {
    if (open === null) load();
  }, [open, load]);

  if (open !== null) return <ReviewScreen run={open} onBack={() => setOpen(null)} onOpenRun={setOpen} />;

  const columns: ColDef<RunListItem>[] = [
    { field: 'id', headerName: 'Run', width: 80, type: 'rightAligned' },
    {
      colId: 'period',
      headerName: 'Period',
      width: 210,
      valueGetter: (p) => (p.data ? `${formatDate(p.data.from, locale)} – ${formatDate(p.data.to, locale)}` : ''),
    },
    {
      field: 'status',
      headerName: 'Status',
      width: 130,
      cellRenderer: (p: { data?: RunListItem }) => (p.data ? <StatusBadge status={p.data.status} /> : null),
    },
    {
      headerName: 'Schemes',
      width: 110,
      type: 'rightAligned',
      valueGetter: (p) => p.data?.schemes.length ?? 0,
      tooltipValueGetter: (p) => p.data?.schemes.map((s) => `${s.code} v${s.version}`).join(', ') ?? '',
    },
    { field: 'payees', headerName: 'Payees', width: 100, type: 'rightAligned' },
    { field: 'lines', headerName: 'Lines', width: 100, type: 'rightAligned' },
    {
      field: 'total',
      headerName: 'Total',
      width: 160,
      type: 'rightAligned',
      valueFormatter: (p) => formatMoney(p.value, currency, locale),
    },
    {
      headerName: 'Prepared',
      width: 220,
      valueGetter: (p) => (p.data ? `${p.data.createdBy}, ${when(p.data.createdAt, locale)}` : ''),
    },
    {
      headerName: 'Approved',
      width: 220,
      valueGetter: (p) => (p.data?.approvedBy ? `${p.data.approvedBy}, ${when(p.data.approvedAt, locale)}` : ''),
    },
    {
      headerName: 'Note',
      flex: 1,
      minWidth: 200,
      valueGetter: (p) => {
        const r = p.data;
        if (!r) return '';
        if (r.reversesRun) return `Reverses run ${r.reversesRun}`;
        if (r.reversedByRun) return `Reversed by run ${r.reversedByRun}`;
        if (r.status === 'rejected') return `Rejected: ${r.comment ?? ''}`;
        if (r.status === 'submitted') return `Submitted by ${r.submittedBy ?? ''}, waiting for approval`;
        return '';
      },
    },
  ];

  return (
    <section className="runs-screen">
      <header className="screen-header">
        <div>
          <h1>Runs</h1>
          <p className="muted">Calculate a period, review every line, and send it for approval by a second person.</p>
        </div>
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          New run
        </button>
      </header>
      <InlineError message={problem} />
      {runs !== null && runs.length === 0 ? (
        <div className="empty-state">
          <h2>No runs yet</h2>
          <p className="muted">A run calculates every active scheme of a period for every eligible payee.</p>
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            Calculate the first run
          </button>
        </div>
      ) : (
        <div className="grid-host" data-testid="runs-grid">
          <Grid<RunListItem>
            rowData={runs ?? []}
            columnDefs={columns}
            defaultColDef={runColumns}
            onRowDoubleClicked={(e) => e.data && setOpen(e.data.id)}
            onCellKeyDown={(e) => {
              if ((e.event as KeyboardEvent | undefined)?.key === 'Enter' && e.data) setOpen(e.data.id);
            }}
            loading={runs === null}
            getRowId={(p) => String(p.data.id)}
          />
        </div>
      )}
      <p className="muted">Double-click a run (or press Enter) to review it.</p>
      {creating && (
        <NewRunDialog
          onClose={() => setCreating(false)}
          onCreated={(run) => {
            setCreating(false);
            setOpen(run);
          }}
        />
      )}
    </section>
  );
}
