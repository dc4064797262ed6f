import type { CellValueChangedEvent, ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import { formatQuantity } from '../../../main/format/numbers';
import { Grid } from '../grid/Grid';
import { useWorkspace } from '../workspace-context';
import type { SlabRow } from './draft';

/**
 * The slab table, edited in the grid like a spreadsheet: from, to (blank = open-ended) and
 * rate. Rows with a problem (a gap, an overlap, an end before the start) are highlighted as
 * soon as the validation answers.
 */
export function SlabGrid({
  rows,
  badRows,
  rateLabel,
  onChange,
}: {
  rows: readonly SlabRow[];
  badRows: ReadonlySet<number>;
  rateLabel: string;
  onChange: (rows: SlabRow[]) => void;
}) {
  const { locale } = useWorkspace();
  const columnDefs = useMemo<ColDef<SlabRow & { n: number }>[]>(() => {
    const grouped = (v: unknown) => {
      const text = String(v ?? '').trim();
      return /^-?\d+(\.\d+)?$/.test(text) ? formatQuantity(text, locale) : text;
    };
    return [
      { headerName: '#', field: 'n', width: 56, editable: false },
      // Bounds read grouped (2,00,000), and are typed as plain numbers.
      { headerName: 'From', field: 'from', editable: true, flex: 1, valueFormatter: (p) => grouped(p.value) },
      {
        headerName: 'To (blank = no limit)',
        field: 'to',
        editable: true,
        flex: 1,
        valueFormatter: (p) => grouped(p.value),
      },
      { headerName: rateLabel, field: 'rate', editable: true, flex: 1 },
    ];
  }, [rateLabel, locale]);
  // Slabs are positional: a row's number is its identity.
  const data = rows.map((r, i) => ({ ...r, n: i + 1 }));
  const update = (index: number, row: SlabRow) => onChange(rows.map((r, i) => (i === index ? row : r)));
  const move = (index: number, by: number) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    if (row) next.splice(index + by, 0, row);
    onChange(next);
  };
  return (
    <div className="slab-grid" data-testid="slab-grid">
      {/* As tall as its rows, whatever their height: every slab shows, none scrolls away. */}
      <div>
        <Grid
          domLayout="autoHeight"
          rowData={data}
          columnDefs={columnDefs}
          singleClickEdit
          stopEditingWhenCellsLoseFocus
          getRowId={(p) => String(p.data.n)}
          rowClassRules={{ 'slab-problem': (p) => badRows.has((p.data?.n ?? 0) - 1) }}
          onCellValueChanged={(e: CellValueChangedEvent<SlabRow & { n: number }>) => {
            const index = (e.data.n ?? 1) - 1;
            const text = (v: unknown) => String(v ?? '').trim();
            update(index, {
              from: text(e.data.from),
              to: text(e.data.to) === '' ? null : text(e.data.to),
              rate: text(e.data.rate),
            });
          }}
        />
      </div>
      <div className="slab-actions">
        <button
          type="button"
          onClick={() => {
            const last = rows.at(-1);
            const start = last?.to ?? '';
            onChange([
              ...rows.slice(0, -1),
              ...(last ? [{ ...last, to: last.to ?? '' }] : []),
              { from: start, to: null, rate: '' },
            ]);
          }}
        >
          Add slab
        </button>
        {data.map(({ n }, i) => (
          <span key={`slab-${n}`} className="slab-row-actions">
            {i + 1}:
            <button type="button" aria-label={`Move slab ${i + 1} up`} disabled={i === 0} onClick={() => move(i, -1)}>
              ↑
            </button>
            <button
              type="button"
              aria-label={`Move slab ${i + 1} down`}
              disabled={i === rows.length - 1}
              onClick={() => move(i, 1)}
            >
              ↓
            </button>
            <button
              type="button"
              aria-label={`Remove slab ${i + 1}`}
              disabled={rows.length === 1}
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            >
              ✕
            </button>
          </span>
        ))}
      </div>
    </div>
  );
}
