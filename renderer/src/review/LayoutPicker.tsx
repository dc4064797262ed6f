import type { ColumnState, GridApi } from 'ag-grid-community';
import { useEffect, useState } from 'react';
import { call } from '../api/client';

/** Saved column layouts of the review grid (order, widths, hidden columns, sort), by name. */
export function LayoutPicker({ grid }: { grid: GridApi | null }) {
  const [layouts, setLayouts] = useState<{ name: string; state: unknown }[]>([]);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');

  const load = () => void call('layouts.list', { grid: 'review' }).then((r) => r.ok && setLayouts(r.value));
  useEffect(load, []);

  const save = async () => {
    if (!grid || !name.trim()) return;
    await call('layouts.save', { grid: 'review', name: name.trim(), state: grid.getColumnState() });
    setNaming(false);
    setName('');
    load();
  };

  return (
    <span className="layout-picker">
      <select
        aria-label="Column layout"
        value=""
        onChange={(e) => {
          if (e.target.value === '__save') return setNaming(true);
          if (e.target.value === '__default') grid?.resetColumnState();
          const chosen = layouts.find((l) => l.name === e.target.value);
          if (chosen && grid) grid.applyColumnState({ state: chosen.state as ColumnState[], applyOrder: true });
        }}
      >
        <option value="" disabled>
          Layout…
        </option>
        <option value="__default">Default columns</option>
        {layouts.map((l) => (
          <option key={l.name} value={l.name}>
            {l.name}
          </option>
        ))}
        <option value="__save">Save this layout…</option>
      </select>
      {naming && (
        <>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void save();
              if (e.key === 'Escape') setNaming(false);
            }}
            placeholder="Layout name"
            aria-label="Layout name"
            // biome-ignore lint/a11y/noAutofocus: the user just asked to name the layout
            autoFocus
          />
          <button type="button" onClick={() => void save()} disabled={!name.trim()}>
            Save
          </button>
        </>
      )}
    </span>
  );
}
