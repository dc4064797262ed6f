import type { ColDef, GridApi } from 'ag-grid-community';
import { fieldText } from '../../../main/format/cell-text';

/**
 * A table as tab-separated text, the format Excel and every spreadsheet paste into cells. Excel
 * reads each pasted cell as if typed: a name from an ERP master that starts with = (or + - @)
 * would be pasted as a live formula, so text is escaped as the export files escape it, and a tab
 * or line break inside a cell, which would start another cell or row, is a space (fieldText).
 */
export const tsv = (rows: readonly (readonly (string | number)[])[]): string =>
  rows.map((r) => r.map((c) => fieldText(c, true)).join('\t')).join('\n');

/** A column of numbers: its cells go to Excel as plain numbers ("4321.5"), not as they are shown. */
const numeric = (def: ColDef) =>
  def.type === 'rightAligned' || def.type === 'numericColumn' || def.filter === 'agNumberColumnFilter';

/**
 * A grid's rows as tab-separated text, as Excel takes them: the headers as shown, text as shown
 * (formatted), numbers and money as plain numbers so Excel sums them, and no selection column.
 */
export function rowsAsTsv(api: GridApi, rows: readonly object[]): string {
  const columns = api.getAllDisplayedColumns().filter((c) => c.getColDef().field !== undefined);
  const header = columns.map((c) => c.getColDef().headerName ?? c.getColId());
  const lines = rows.map((row) =>
    columns.map((column) => {
      const def = column.getColDef() as ColDef;
      const value = (row as Record<string, unknown>)[def.field ?? column.getColId()];
      if (value === null || value === undefined) return '';
      if (numeric(def) && /^-?\d+(\.\d+)?$/.test(String(value))) return String(value);
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
