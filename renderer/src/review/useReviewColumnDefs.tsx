import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import { useMemo } from 'react';
import { adjustmentSteps } from '../../../engine/calculate';
import { flagShortLabels } from '../../../main/controls/kinds';
import { formatAchievement, formatMoney, formatQuantity, formatSlab, slabUnitOf } from '../../../main/format/numbers';
import { stepLabels } from '../../../main/review/adjustments';
import type { ReviewLine } from '../../../main/review/lines';
import { useWorkspace } from '../workspace-context';

/** A line's own flags, then what the controls found, in a few words each. */
export const flagLabels: Record<string, string> = {
  overridden: 'Overridden',
  'stale-override': 'Changed under override',
  clawback: 'Clawback',
  adjusted: 'Capped / cut',
  'near-miss': 'Near miss',
  ...flagShortLabels,
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

const unitWords: Record<string, string> = { money: 'Rupees', qty: 'Units', count: 'Count' };

/**
 * The review grid's columns: the payee pinned at the left, its attributes, the scheme and its
 * measure (in its unit), and the money, each the way the workspace writes it.
 */
export function useReviewColumnDefs(
  canOverride: boolean,
  slabBasis: ReadonlyMap<string, 'measure' | 'achievement'>,
): ColDef<ReviewLine>[] {
  const { currency, locale } = useWorkspace();
  return useMemo(() => {
    const money = (p: ValueFormatterParams) => formatMoney(p.value, currency, locale);
    const measure = (p: ValueFormatterParams<ReviewLine>) =>
      p.data?.unit === 'money' ? formatMoney(p.value, currency, locale) : formatQuantity(p.value, locale);
    const slab = (p: ValueFormatterParams<ReviewLine>) =>
      formatSlab(
        p.value === null || p.value === undefined ? null : String(p.value),
        slabUnitOf(slabBasis.get(String(p.data?.scheme ?? '')), String(p.data?.unit ?? 'count')),
        currency,
        locale,
      );
    const amount = (field: string, headerName: string, width: number, more: ColDef<ReviewLine> = {}) =>
      ({
        field,
        headerName,
        width,
        type: 'rightAligned',
        valueFormatter: money,
        ...number,
        ...more,
      }) as ColDef<ReviewLine>;
    // The money first, so it is in view at 1366 px beside the pinned payee; the rest after it or
    // hidden (the Columns… chooser shows them).
    return [
      { field: 'payee', headerName: 'Payee code', width: 90, pinned: 'left', lockPinned: true, ...text },
      { field: 'payee_name', headerName: 'Payee', width: 170, pinned: 'left', lockPinned: true, ...text },
      { field: 'scheme', headerName: 'Scheme', width: 130, ...text },
      { field: 'slab', headerName: 'Slab', width: 150, valueFormatter: slab, ...text },
      amount('slab_amount', 'Slab amount', 120),
      amount('reductions', 'Reductions', 110, {
        headerTooltip: 'What catch-up, gates, caps, stacking and the budget took off the slab amount',
      }),
      amount('override', 'Override', 115, {
        editable: (p) => canOverride && !p.node.rowPinned,
        cellClass: canOverride ? 'editable-cell' : undefined,
        headerTooltip: canOverride ? 'Type an amount to override; a reason is asked for' : undefined,
      }),
      amount('final', 'Final', 150, { cellClass: 'final-cell' }),
      amount('calculated', 'Calculated', 130, {
        headerTooltip: 'The slab amount after catch-up, gates, caps, stacking and budget; before any override',
      }),
      { field: 'flags', headerName: 'Flags', width: 230, cellRenderer: Flags, ...text },
      { field: 'measure', headerName: 'Measure', width: 130, type: 'rightAligned', valueFormatter: measure, ...number },
      {
        field: 'unit',
        headerName: 'Unit',
        width: 80,
        hide: true,
        valueFormatter: (p) => unitWords[p.value as string] ?? String(p.value ?? ''),
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
      { field: 'region', headerName: 'Region', width: 100, ...text },
      { field: 'channel', headerName: 'Channel', width: 110, ...text },
      { field: 'class', headerName: 'Class', width: 80, ...text },
      ...adjustmentSteps.map((step) => amount(step, stepLabels[step], 115, { hide: true })),
      { field: 'override_reason', headerName: 'Override reason', width: 200, ...text },
      { field: 'override_by', headerName: 'Overridden by', width: 120, ...text },
      { field: 'kind', headerName: 'Line', width: 95, ...text },
    ];
  }, [currency, locale, canOverride, slabBasis]);
}
