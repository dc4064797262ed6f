import type { ColDef, GridApi } from 'ag-grid-community';

/** A table as tab-separated text, the format Excel and every spreadsheet paste into cells. */
export const tsv = (rows: readonly (readonly (string | number)[])[]): string =>
  rows.map((r) => r.map((c) => String(c).replace(/[\t\r\n]+/g, ' ')).join('\t')).join('\n');

/** A grid's rows as tab-separated text: values as shown (formatted), headers first. */
export function rowsAsTsv(api: GridApi, rows: readonly object[]): string {
  const columns = api.getAllDisplayedColumns();
  const header = columns.map((c) => c.getColDef().headerName ?? c.getColId());
  const lines = rows.map((row) =>
    columns.map((column) => {
      const def = column.getColDef() as ColDef;
      const value = (row as Record<string, unknown>)[def.field ?? column.getColId()];
      const formatter = typeof def.valueFormatter === 'function' ? def.valueFormatter : null;
      const shown = formatter
        ? formatter({ value, data: row, colDef: def, column, api, node: null, context: null } as never)
        : value;
      return shown === null || shown === undefined ? '' : String(shown);
    }),
  );
  return tsv([header, ...lines]);
}

/** Rows onto the clipboard as tab-separated text, ready to paste into Excel. */
export async function copyRows(api: GridApi, rows: readonly object[]): Promise<void> {
  await navigator.clipboard?.writeText(rowsAsTsv(api, rows));
}
