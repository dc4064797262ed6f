import type { ColDef, GridApi, RowSelectionOptions } from 'ag-grid-community';
import { useCallback, useEffect, useRef, useState } from 'react';
import { today } from '../../../main/format/days';
import { formatDate, formatMoney } from '../../../main/format/numbers';
import type { SchemeSummary } from '../../../main/schemes/store';
import { call } from '../api/client';
import { Grid } from '../grid/Grid';
import { useWorkspace } from '../workspace-context';
import { type Draft, measureKinds, newDraft } from './draft';
import { SchemeEditor } from './SchemeEditor';

// Kept out of render: ag-grid takes a new object as a changed option (a new defaultColDef rebuilds the columns).
const oneScheme: RowSelectionOptions = { mode: 'singleRow', checkboxes: false, enableClickSelection: true };

const kindLabel = Object.fromEntries(measureKinds) as Record<string, string>;

/** Every scheme of the workspace; create, edit (a new version), duplicate, retire, import and export JSON. */
export function SchemesScreen() {
  const { currency, locale } = useWorkspace();
  const [schemes, setSchemes] = useState<SchemeSummary[]>([]);
  const [editing, setEditing] = useState<Draft | null>(null);
  const [selected, setSelected] = useState<SchemeSummary | null>(null);
  const [filter, setFilter] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const grid = useRef<GridApi | null>(null);
  const picker = useRef<HTMLInputElement>(null);

  const load = useCallback(() => {
    void call('schemes.list', {}).then((r) => (r.ok ? setSchemes(r.value) : setMessage(r.error.message)));
  }, []);
  useEffect(() => {
    load();
  }, [load]);

  const open = async (s: SchemeSummary, copy: boolean) => {
    const r = await call('schemes.get', { code: s.code });
    if (!r.ok) return setMessage(r.error.message);
    setEditing(copy ? { ...r.value, code: `${r.value.code}-COPY`, name: `${r.value.name} (copy)` } : r.value);
  };
  const retire = async (s: SchemeSummary) => {
    const r = await call('schemes.retire', { code: s.code });
    setMessage(r.ok ? `${s.code} retired; runs that used it keep their version.` : r.error.message);
    load();
  };
  const exportJson = async (s: SchemeSummary) => {
    const r = await call('schemes.get', { code: s.code });
    if (!r.ok) return setMessage(r.error.message);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([JSON.stringify(r.value, null, 2)], { type: 'application/json' }));
    link.download = `${s.code}.json`;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  const columns: ColDef<SchemeSummary>[] = [
    { field: 'code', headerName: 'Code', width: 170 },
    { field: 'name', headerName: 'Name', flex: 1, minWidth: 200 },
    { field: 'kind', headerName: 'Kind', width: 200, valueFormatter: (p) => kindLabel[p.value] ?? p.value },
    { field: 'from', headerName: 'From', width: 120, valueFormatter: (p) => formatDate(p.value, locale) },
    { field: 'to', headerName: 'To', width: 120, valueFormatter: (p) => formatDate(p.value, locale) },
    { field: 'status', headerName: 'Status', width: 100 },
    {
      field: 'budget',
      headerName: 'Budget',
      width: 140,
      type: 'rightAligned',
      valueFormatter: (p) => (p.value ? formatMoney(p.value, currency, locale) : '—'),
    },
    { field: 'version', headerName: 'Version', width: 90, type: 'rightAligned' },
  ];

  return (
    <section className="schemes-screen">
      <header className="screen-header with-actions">
        <div>
          <h1>Schemes</h1>
          <p className="muted">Every save is a new version; runs keep the version they were calculated with.</p>
        </div>
        <div className="actions">
          <input
            className="quick-filter"
            placeholder="Filter schemes…"
            value={filter}
            aria-label="Filter schemes"
            onChange={(e) => setFilter(e.target.value)}
          />
          <button type="button" disabled={!selected} onClick={() => selected && void open(selected, false)}>
            Edit
          </button>
          <button type="button" disabled={!selected} onClick={() => selected && void open(selected, true)}>
            Duplicate
          </button>
          <button
            type="button"
            disabled={!selected || selected.status === 'retired'}
            onClick={() => selected && void retire(selected)}
          >
            Retire
          </button>
          <button type="button" disabled={!selected} onClick={() => selected && void exportJson(selected)}>
            Export JSON
          </button>
          <button type="button" onClick={() => picker.current?.click()}>
            Import JSON
          </button>
          <button type="button" className="primary" onClick={() => setEditing(newDraft(today()))}>
            New scheme
          </button>
          <input
            ref={picker}
            type="file"
            accept=".json,application/json"
            hidden
            onChange={async (e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              try {
                setEditing(JSON.parse(await file.text()) as Draft);
              } catch (error) {
                setMessage(`${file.name} is not a scheme file: ${(error as Error).message}`);
              }
            }}
          />
        </div>
      </header>
      {message && <p className="notice">{message}</p>}
      <div className="grid-host" data-testid="schemes-grid">
        <Grid
          rowData={schemes}
          columnDefs={columns}
          quickFilterText={filter}
          rowSelection={oneScheme}
          getRowId={(p) => p.data.code}
          onGridReady={(e) => {
            grid.current = e.api;
          }}
          onSelectionChanged={(e) => setSelected(e.api.getSelectedRows()[0] ?? null)}
          onRowDoubleClicked={(e) => e.data && void open(e.data, false)}
          overlayNoRowsTemplate="No schemes yet: create one with New scheme, or import a JSON file."
        />
      </div>
      {editing && (
        <SchemeEditor
          initial={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setMessage('Scheme saved.');
            load();
          }}
        />
      )}
    </section>
  );
}
