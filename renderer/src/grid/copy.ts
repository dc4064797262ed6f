import type { ColDef, GridApi } from 'ag-grid-community';

/**
 * Rows as tab-separated text, the format Excel and every spreadsheet paste into cells.
 * Values are copied as shown (formatted), headers first.
 */
export function rowsAsTsv(api: GridApi, rows: readonly object[]): string {
  const columns = api.getAllDisplayedColumns();
  const clean = (text: string) => text.replace(/[\t\r\n]+/g, ' ');
  const header = columns.map((c) => clean(c.getColDef().headerName ?? c.getColId())).join('\t');
  const lines = rows.map((row) =>
    columns
      .map((column) => {
        const def = column.getColDef() as ColDef;
        const value = (row as Record<string, unknown>)[def.field ?? column.getColId()];
        const formatter = typeof def.valueFormatter === 'function' ? def.valueFormatter : null;
        const shown = formatter
          ? formatter({ value, data: row, colDef: def, column, api, node: null, context: null } as never)
          : value;
        return clean(shown === null || shown === undefined ? '' : String(shown));
      })
      .join('\t'),
  );
  return [header, ...lines].join('\n');
}

/** Rows onto the clipboard as tab-separated text, ready to paste into Excel. */
export async function copyRows(api: GridApi, rows: readonly object[]): Promise<void> {
  await navigator.clipboard?.writeText(rowsAsTsv(api, rows));
}
