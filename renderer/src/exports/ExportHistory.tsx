import type { ColDef } from 'ag-grid-community';
import { useEffect, useState } from 'react';
import type { ExportRecord } from '../../../main/exports/history';
import { formatMoney } from '../../../main/format/numbers';
import { call } from '../api/client';
import { InlineError } from '../components/InlineError';
import { Grid } from '../grid/Grid';
import { useWorkspace } from '../workspace-context';

/** Every export of the run, newest first, with where it went and each file's SHA-256. */
export function ExportHistory({ run, version }: { run: number | null; version: number }) {
  const { currency, locale } = useWorkspace();
  const [records, setRecords] = useState<ExportRecord[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // Formats by their names, not their ids ("Tally Prime (XML)", never "tally-xml").
  const [formatNames, setFormatNames] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    void call('exports.formats', {}).then((r) => r.ok && setFormatNames(new Map(r.value.map((f) => [f.id, f.label]))));
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version asks for a reload after an export
  useEffect(() => {
    if (run === null) return;
    void call('exports.history', { run }).then((r) => (r.ok ? setRecords(r.value) : setProblem(r.error.message)));
  }, [run, version]);

  const columns: ColDef<ExportRecord>[] = [
    {
      field: 'madeAt',
      headerName: 'When',
      width: 170,
      valueFormatter: (p) =>
        p.value ? new Date(String(p.value)).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }) : '',
    },
    {
      field: 'format',
      headerName: 'Format',
      width: 220,
      valueFormatter: (p) => formatNames.get(String(p.value)) ?? String(p.value ?? ''),
    },
    { field: 'profile', headerName: 'Profile', width: 110 },
    { headerName: 'Kind', width: 90, cellDataType: 'text', valueGetter: (p) => (p.data?.draft ? 'Draft' : 'Export') },
    { field: 'madeBy', headerName: 'By', width: 90 },
    {
      field: 'controlTotal',
      headerName: 'Control total',
      width: 150,
      type: 'rightAligned',
      valueFormatter: (p) => formatMoney(p.value, currency, locale),
    },
    { headerName: 'Files', width: 80, valueGetter: (p) => p.data?.files.length ?? 0, type: 'rightAligned' },
    {
      headerName: 'SHA-256',
      flex: 1,
      minWidth: 260,
      cellClass: 'mono',
      valueGetter: (p) => (p.data ? p.data.files.map((f) => `${f.name} ${f.sha256}`).join('; ') : ''),
    },
    { field: 'folder', headerName: 'Folder', width: 220 },
  ];

  return (
    <div className="export-history">
      <h2>Export history of this run</h2>
      <InlineError message={problem} />
      {records !== null && records.length === 0 ? (
        <p className="muted">This run has not been exported yet.</p>
      ) : (
        <div className="grid-host history-grid" data-testid="export-history">
          <Grid<ExportRecord>
            rowData={records ?? []}
            columnDefs={columns}
            loading={records === null}
            domLayout="autoHeight"
            getRowId={(p) => String(p.data.id)}
          />
        </div>
      )}
    </div>
  );
}
