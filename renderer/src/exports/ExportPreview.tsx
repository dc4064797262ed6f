import type { ColDef } from 'ag-grid-community';
import type { Preview } from '../../../main/exports/format';
import { formatCount, formatMoney } from '../../../main/format/numbers';
import { Grid } from '../grid/Grid';
import { useWorkspace } from '../workspace-context';

// Kept out of render: ag-grid takes a new object as a changed option (a new defaultColDef rebuilds the columns).
const previewColumns: ColDef = { resizable: true, flex: 1 };

export interface PreviewResult {
  preview: Preview;
  files: { name: string; rows: number }[];
  controlTotal: string;
  warnings: string[];
}

/** The first rows of the file as it will be written, and what it adds up to. */
export function ExportPreview({ preview }: { preview: PreviewResult }) {
  const { currency, locale } = useWorkspace();
  const rows = preview.preview.rows.map((r) => Object.fromEntries(r.map((cell, i) => [String(i), cell])));
  const rowCount = preview.files.reduce((n, f) => n + f.rows, 0);
  return (
    <div className="export-preview">
      <h2>
        Preview of the first {formatCount(preview.preview.rows.length, locale)} rows ·{' '}
        {formatCount(preview.files.length, locale)} {preview.files.length === 1 ? 'file' : 'files'} with{' '}
        {formatCount(rowCount, locale)} records · control total {formatMoney(preview.controlTotal, currency, locale)}
      </h2>
      <div className="grid-host preview-grid" data-testid="export-preview">
        <Grid
          rowData={rows}
          columnDefs={preview.preview.columns.map((headerName, i) => ({ field: String(i), headerName, minWidth: 110 }))}
          defaultColDef={previewColumns}
        />
      </div>
    </div>
  );
}
