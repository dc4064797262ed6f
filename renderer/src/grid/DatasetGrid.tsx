import type { ColDef, GridApi, GridReadyEvent, IDatasource, RowSelectionOptions } from 'ag-grid-community';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { DatasetSummary } from '../../../main/api/contract';
import { formatCount } from '../../../main/format/numbers';
import { call } from '../api/client';
import { InlineError } from '../components/InlineError';
import { useWorkspace } from '../workspace-context';
import { copyRows } from './copy';
import { Grid } from './Grid';
import { useDatasetColumnDefs } from './useDatasetColumnDefs';

// Kept out of render: ag-grid takes a new object as a changed option (a new defaultColDef rebuilds the columns).
const datasetColumns: ColDef = { sortable: true, resizable: true };
const manyRows: RowSelectionOptions = { mode: 'multiRow', checkboxes: true, headerCheckbox: false };

/**
 * One dataset in a virtualized grid. Rows are fetched in blocks as the user scrolls; sorting
 * and filtering run in SQLite (main/datasets/grid-query.ts), so a 100,000-row table stays fast.
 */
export function DatasetGrid({ dataset }: { dataset: DatasetSummary }) {
  const { locale } = useWorkspace();
  const columnDefs = useDatasetColumnDefs(dataset.fields);
  const apiRef = useRef<GridApi | null>(null);
  const [matching, setMatching] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: async (params) => {
        const result = await call('data.rows', {
          kind: dataset.kind,
          startRow: params.startRow,
          endRow: params.endRow,
          sortModel: params.sortModel,
          filterModel: params.filterModel,
        });
        if (!result.ok) {
          setProblem(result.error.message);
          params.failCallback();
          return;
        }
        setProblem(null);
        setMatching(result.value.total);
        params.successCallback(result.value.rows, result.value.total);
      },
    }),
    [dataset.kind],
  );

  const copy = useCallback(
    async (rows: Record<string, unknown>[]) => {
      const api = apiRef.current;
      if (!api || rows.length === 0) return;
      await copyRows(api, rows);
      setCopied(`Copied ${formatCount(rows.length, locale)} row${rows.length === 1 ? '' : 's'}`);
      setTimeout(() => setCopied(null), 2500);
    },
    [locale],
  );

  return (
    <div className="dataset-grid">
      <div className="grid-toolbar">
        <strong>{dataset.label}</strong>
        <span className="muted" data-testid="grid-count">
          {matching === null ? '' : `${formatCount(matching, locale)} of ${formatCount(dataset.rows, locale)} rows`}
        </span>
        <span className="spacer" />
        {copied && <span className="muted">{copied}</span>}
        <button type="button" onClick={() => void copy(apiRef.current?.getSelectedRows() ?? [])}>
          Copy selected rows
        </button>
        <button type="button" onClick={() => apiRef.current?.setFilterModel(null)}>
          Clear filters
        </button>
      </div>
      <InlineError message={problem} />
      <div className="grid-host" data-testid={`grid-${dataset.kind}`}>
        <Grid
          key={dataset.kind}
          columnDefs={columnDefs}
          defaultColDef={datasetColumns}
          rowModelType="infinite"
          datasource={datasource}
          cacheBlockSize={200}
          maxBlocksInCache={50}
          rowSelection={manyRows}
          enableCellTextSelection
          onGridReady={(event: GridReadyEvent) => {
            apiRef.current = event.api;
          }}
          overlayNoRowsTemplate="No rows match these filters."
        />
      </div>
    </div>
  );
}
