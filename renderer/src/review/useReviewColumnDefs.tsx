import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import { useMemo } from 'react';
import { adjustmentSteps } from '../../../engine/calculate';
import { formatAchievement, formatMoney, formatQuantity } from '../../../main/format/numbers';
import { stepLabels } from '../../../main/review/adjustments';
import type { ReviewLine } from '../../../main/review/lines';
import { useWorkspace } from '../workspace-context';

export const flagLabels: Record<string, string> = {
  overridden: 'Overridden',
  'stale-override': 'Changed under override',
  clawback: 'Clawback',
  adjusted: 'Capped / cut',
  'near-miss': 'Near miss',
};

function Flags({ value }: { value?: string | null }) {
  const flags = (value ?? '').split(' ').filter(Boolean);
  return (
    <span className="flags">
      {flags.map((f) => (
        <span key={f} className={`flag flag-${f}`}>
          {flagLabels[f] ?? f}
        </span>
      ))}
    </span>
  );
}

// No Apply button: the floating filters under the headers apply as the user types (after a pause).
const text = {
  filter: 'agTextColumnFilter',
  filterParams: { buttons: ['reset'], maxNumConditions: 2, debounceMs: 300 },
};
const number = {
  filter: 'agNumberColumnFilter',
  filterParams: { buttons: ['reset'], maxNumConditions: 2, debounceMs: 300 },
};

/** The review grid's columns: payee attributes, the scheme and its measure, and the money. */
export function useReviewColumnDefs(canOverride: boolean): ColDef<ReviewLine>[] {
  const { currency, locale } = useWorkspace();
  return useMemo(() => {
    const money = (p: ValueFormatterParams) => formatMoney(p.value, currency, locale);
    const measure = (p: ValueFormatterParams) => formatQuantity(p.value, locale);
    return [
      { field: 'payee', headerName: 'Payee code', width: 115, ...text },
      { field: 'payee_name', headerName: 'Payee', width: 210, ...text },
      { field: 'region', headerName: 'Region', width: 100, ...text },
      { field: 'channel', headerName: 'Channel', width: 110, ...text },
      { field: 'class', headerName: 'Class', width: 80, ...text },
      { field: 'scheme', headerName: 'Scheme', width: 160, ...text },
      { field: 'measure', headerName: 'Measure', width: 130, type: 'rightAligned', valueFormatter: measure, ...number },
      {
        field: 'unit',
        headerName: 'Unit',
        width: 80,
        valueFormatter: (p) => (p.value === 'money' ? currency : p.value === 'qty' ? 'Units' : 'Count'),
        ...text,
      },
      { field: 'target', headerName: 'Target', width: 120, type: 'rightAligned', valueFormatter: measure, ...number },
      {
        field: 'achievement',
        headerName: 'Achieved %',
        width: 115,
        type: 'rightAligned',
        valueFormatter: (p) => formatAchievement(p.value, locale),
        ...number,
      },
      { field: 'slab', headerName: 'Slab', width: 150, ...text },
      {
        field: 'slab_amount',
        headerName: 'Slab amount',
        width: 135,
        type: 'rightAligned',
        valueFormatter: money,
        ...number,
      },
      ...adjustmentSteps.map(
        (step): ColDef<ReviewLine> => ({
          field: step,
          headerName: stepLabels[step],
          width: 115,
          type: 'rightAligned',
          valueFormatter: money,
          ...number,
        }),
      ),
      {
        field: 'calculated',
        headerName: 'Calculated',
        headerTooltip: 'The slab amount after catch-up, gates, caps, stacking and budget; before any override',
        width: 135,
        type: 'rightAligned',
        valueFormatter: money,
        ...number,
      },
      {
        field: 'override',
        headerName: 'Override',
        width: 135,
        type: 'rightAligned',
        valueFormatter: money,
        editable: (p) => canOverride && !p.node.rowPinned,
        cellClass: canOverride ? 'editable-cell' : undefined,
        headerTooltip: canOverride ? 'Type an amount to override; a reason is asked for' : undefined,
        ...number,
      },
      {
        field: 'final',
        headerName: 'Final',
        width: 140,
        type: 'rightAligned',
        valueFormatter: money,
        cellClass: 'final-cell',
        ...number,
      },
      { field: 'flags', headerName: 'Flags', width: 230, cellRenderer: Flags, ...text },
      { field: 'override_reason', headerName: 'Override reason', width: 200, ...text },
      { field: 'override_by', headerName: 'Overridden by', width: 120, ...text },
      { field: 'kind', headerName: 'Line', width: 95, ...text },
    ];
  }, [currency, locale, canOverride]);
}
