import type { ColDef, GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditEntry } from '../../../main/audit/log';
import type { WorkspaceVerdict } from '../../../main/audit/verify';
import { actionLabel } from '../../../main/audit/words';
import { dayEnd, dayStart } from '../../../main/format/days';
import { formatCount } from '../../../main/format/numbers';
import { call } from '../api/client';
import { DateInput } from '../components/DateInput';
import { InlineError } from '../components/InlineError';
import { copyRows } from '../grid/copy';
import { Grid } from '../grid/Grid';
import { useWorkspace } from '../workspace-context';
import { AuditDetail } from './AuditDetail';

// Kept out of render: ag-grid takes a new object as a changed option (a new defaultColDef rebuilds the columns).
const auditColumns: ColDef = { resizable: true, sortable: true };

const areas = [
  { value: '', label: 'Everything' },
  { value: 'import.', label: 'Imports' },
  { value: 'scheme.', label: 'Scheme changes' },
  { value: 'run.', label: 'Runs and approvals' },
  { value: 'override.', label: 'Overrides' },
  { value: 'export.', label: 'Exports' },
  { value: 'user.', label: 'Users' },
  { value: 'session.', label: 'Sign-ins' },
  { value: 'action.refused', label: 'Refused actions' },
];
const pageSize = 1000;

const compact = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

/** The audit log, newest first, filtered by area, user, text and date; and a check of its hash chain. */
export function AuditScreen() {
  const { locale } = useWorkspace();
  const [action, setAction] = useState('');
  const [user, setUser] = useState('');
  const [text, setText] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [result, setResult] = useState<{ entries: AuditEntry[]; total: number } | null>(null);
  const [verdict, setVerdict] = useState<WorkspaceVerdict | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const grid = useRef<GridApi<AuditEntry> | null>(null);
  const [open, setOpen] = useState<AuditEntry | null>(null);

  const load = useCallback(() => {
    const query = {
      action: action || undefined,
      user: user.trim() || undefined,
      text: text.trim() || undefined,
      from: from ? dayStart(from) : undefined,
      to: to ? dayEnd(to) : undefined,
      limit: pageSize,
    };
    void call('audit.list', query).then((r) => (r.ok ? setResult(r.value) : setProblem(r.error.message)));
  }, [action, user, text, from, to]);
  useEffect(() => {
    const timer = setTimeout(load, 200);
    return () => clearTimeout(timer);
  }, [load]);

  const verify = async () => {
    const r = await call('audit.verify', {});
    if (r.ok) setVerdict(r.value);
    else setProblem(r.error.message);
  };

  const columns: ColDef<AuditEntry>[] = [
    { field: 'seq', headerName: '#', width: 80, type: 'rightAligned' },
    {
      field: 'at',
      headerName: 'When',
      width: 180,
      valueFormatter: (p) => new Date(p.value).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'medium' }),
    },
    { field: 'user', headerName: 'User', width: 110 },
    { field: 'action', headerName: 'Action', width: 170, valueFormatter: (p) => actionLabel(String(p.value)) },
    { field: 'subject', headerName: 'Subject', width: 280, tooltipField: 'subject' },
    {
      field: 'before',
      headerName: 'Before',
      width: 260,
      valueFormatter: (p) => compact(p.value),
      tooltipValueGetter: (p) => compact(p.value),
    },
    {
      field: 'after',
      headerName: 'After',
      flex: 1,
      minWidth: 300,
      valueFormatter: (p) => compact(p.value),
      tooltipValueGetter: (p) => compact(p.value),
    },
    {
      field: 'hash',
      headerName: 'Hash',
      width: 130,
      valueFormatter: (p) => String(p.value).slice(0, 12),
      cellClass: 'mono',
    },
  ];

  return (
    <section className="audit-screen">
      <header className="screen-header">
        <div>
          <h1>Audit log</h1>
          <p className="muted">
            Every import, scheme change, run, override, approval and export, with who, when, and the values before and
            after. Each entry carries the hash of the one before it, so any change to the log shows.
          </p>
        </div>
        <button type="button" className="primary" onClick={() => void verify()}>
          Verify the chain
        </button>
      </header>
      {verdict && (
        <div className={verdict.ok ? 'notice ok' : 'inline-error'} role="status" data-testid="audit-verdict">
          {verdict.ok ? (
            `The chain is intact: ${formatCount(verdict.entries, locale)} entries, newest hash ${verdict.head.slice(0, 16)}…; every approved run, guard and user agrees with it.`
          ) : (
            <>
              {verdict.brokenAt !== null
                ? `The chain is broken at entry ${verdict.brokenAt}.`
                : 'The chain is whole, but the workspace does not agree with it:'}
              <ul>
                {verdict.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <InlineError message={problem} />
      <div className="grid-toolbar">
        <select value={action} onChange={(e) => setAction(e.target.value)} aria-label="Area">
          {areas.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </select>
        <input value={user} onChange={(e) => setUser(e.target.value)} placeholder="User" aria-label="User" />
        <input
          className="quick-filter"
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Find run, scheme, payee, file…"
          aria-label="Find"
        />
        <span className="inline-field">
          From <DateInput label="From" value={from} onChange={setFrom} />
        </span>
        <span className="inline-field">
          To <DateInput label="To" value={to} onChange={setTo} />
        </span>
        <span className="spacer" />
        <span className="muted" data-testid="audit-count">
          {result
            ? result.total > result.entries.length
              ? `newest ${formatCount(result.entries.length, locale)} of ${formatCount(result.total, locale)} entries`
              : `${formatCount(result.total, locale)} entries`
            : ''}
        </span>
        <button
          type="button"
          disabled={!result || result.entries.length === 0}
          onClick={() => grid.current && result && void copyRows(grid.current, result.entries)}
        >
          Copy all shown
        </button>
      </div>
      <div className="grid-host" data-testid="audit-grid">
        <Grid<AuditEntry>
          rowData={result?.entries ?? []}
          columnDefs={columns}
          defaultColDef={auditColumns}
          loading={result === null && problem === null}
          enableCellTextSelection
          tooltipShowDelay={300}
          onGridReady={(e) => {
            grid.current = e.api;
          }}
          onRowDoubleClicked={(e) => e.data && setOpen(e.data)}
          onCellKeyDown={(e) => {
            if ((e.event as KeyboardEvent | undefined)?.key === 'Enter' && e.data) setOpen(e.data);
          }}
          overlayNoRowsTemplate="No audit entries match these filters."
        />
      </div>
      <p className="muted">Double-click an entry (or press Enter on it) to read it in full.</p>
      {open && <AuditDetail entry={open} onClose={() => setOpen(null)} />}
    </section>
  );
}
