import type { CellKeyDownEvent } from 'ag-grid-community';
import { AgGridReact, type AgGridReactProps } from 'ag-grid-react';
import { copyRows } from './copy';
import { gridThemes, useDensity } from './density';

/**
 * ag-grid as every grid of SchemeDesk is: in the window's density, and copying with Ctrl+C (⌘C)
 * like Excel — the selected rows, else the focused one, headers as shown and numbers as numbers.
 * Text selected with the mouse inside a cell is left to the browser to copy.
 */
export function Grid<T>(props: AgGridReactProps<T>) {
  const { density } = useDensity();
  const onCellKeyDown = (event: CellKeyDownEvent<T>) => {
    props.onCellKeyDown?.(event);
    const key = event.event as KeyboardEvent | undefined;
    if (key?.key.toLowerCase() !== 'c' || !(key.ctrlKey || key.metaKey) || key.altKey) return;
    if ((window.getSelection()?.toString() ?? '') !== '' || event.node.rowPinned) return;
    const selected = event.api.getSelectedRows();
    const rows = selected.length > 0 ? selected : event.data ? [event.data] : [];
    if (rows.length === 0) return;
    key.preventDefault();
    void copyRows(event.api, rows as object[]);
  };
  // maintainColumnOrder: columns the user moved stay where they were put when the grid's column
  // definitions are built again (a new locale, a change of role).
  return <AgGridReact<T> theme={gridThemes[density]} maintainColumnOrder {...props} onCellKeyDown={onCellKeyDown} />;
}
