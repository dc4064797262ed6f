import type { Column, GridApi } from 'ag-grid-community';
import { useEffect, useState } from 'react';
import { Dialog } from '../components/Dialog';
import { type Density, useDensity } from './density';

/**
 * Show, hide and reorder a grid's columns, and choose the rows' density. Changes apply at once;
 * the grid's saved layouts keep them (they save the column state).
 */
export function ColumnChooser({ grid, onClose }: { grid: GridApi; onClose: () => void }) {
  const { density, setDensity } = useDensity();
  const [, redraw] = useState(0);

  // Shown as the grid has them now, whoever changed them (this list, a layout, a drag).
  useEffect(() => {
    const changed = () => redraw((n) => n + 1);
    grid.addEventListener('displayedColumnsChanged', changed);
    return () => grid.removeEventListener('displayedColumnsChanged', changed);
  });

  const order = () => grid.getAllGridColumns().filter((c) => c.getColDef().field !== undefined);
  // Into its neighbour's place, within the pinned or the scrolling part.
  const move = (column: Column, by: number) => {
    const neighbour = order()[order().indexOf(column) + by];
    if (!neighbour || column.isPinned() !== neighbour.isPinned()) return;
    grid.moveColumns([column], grid.getAllGridColumns().indexOf(neighbour));
  };
  const shown = order();

  return (
    <Dialog title="Columns" label="Columns" onClose={onClose} className="narrow" testId="column-chooser">
      <div className="dialog-body">
        <fieldset className="density-choice">
          <legend>Rows</legend>
          {(['compact', 'comfortable'] as Density[]).map((d) => (
            <label key={d} className="inline-field">
              <input type="radio" name="density" checked={density === d} onChange={() => setDensity(d)} />
              {d === 'compact' ? 'Compact (like Excel)' : 'Comfortable'}
            </label>
          ))}
        </fieldset>
        <ul className="column-list" aria-label="Columns of the grid">
          {shown.map((c, i) => {
            const name = c.getColDef().headerName ?? c.getColId();
            return (
              <li key={c.getColId()}>
                <label>
                  <input
                    type="checkbox"
                    checked={c.isVisible()}
                    disabled={c.getColDef().lockVisible === true}
                    onChange={(e) => grid.setColumnsVisible([c], e.target.checked)}
                  />
                  {name}
                  {c.isPinned() ? <span className="muted"> (pinned)</span> : null}
                </label>
                <span className="buttons">
                  <button type="button" aria-label={`Move ${name} up`} disabled={i === 0} onClick={() => move(c, -1)}>
                    ↑
                  </button>
                  <button
                    type="button"
                    aria-label={`Move ${name} down`}
                    disabled={i === shown.length - 1}
                    onClick={() => move(c, 1)}
                  >
                    ↓
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      </div>
      <div className="dialog-footer">
        <button type="button" onClick={() => grid.resetColumnState()}>
          Default columns
        </button>
        <span className="spacer" />
        <span className="muted">Layout… › Save this layout keeps it.</span>
      </div>
    </Dialog>
  );
}
