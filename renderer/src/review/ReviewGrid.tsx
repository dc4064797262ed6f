import type {
  CellValueChangedEvent,
  ColDef,
  GetRowIdParams,
  GridApi,
  IDatasource,
  RowSelectionOptions,
  SelectionColumnDef,
} from 'ag-grid-community';
import { useEffect, useMemo, useRef } from 'react';
import type { Args } from '../../../main/api/contract';
import type { FilterModel } from '../../../main/datasets/grid-query';
import { formatCount } from '../../../main/format/numbers';
import type { ReviewLine, ReviewTotals } from '../../../main/review/lines';
import { call } from '../api/client';
import { Grid } from '../grid/Grid';
import { type PastedRow, pastedAmounts } from '../grid/paste';
import { useWorkspace } from '../workspace-context';
import { useReviewColumnDefs } from './useReviewColumnDefs';

/** Lines per block the grid asks the server for as the user scrolls. */
const BLOCK = 200;

/** What the grid asks the server for: a block of lines under its sort, filters and quick filter. */
type LinesRequest = Args<'review.lines'>;

/**
 * The first block of a run's lines as the grid first asks for it (no sort, filter or quick
 * filter) with the totals: the review screen asks for it as it opens, beside the run itself, so
 * the answer is on its way while the grid is being built.
 */
const firstRequest = (run: number): LinesRequest => ({
  run,
  startRow: 0,
  endRow: BLOCK,
  sortModel: [],
  filterModel: {},
  quickFilter: '',
  withTotals: true,
});
export const firstBlockOf = (run: number) => call('review.lines', firstRequest(run));

// Grid options are kept out of render: ag-grid takes a new object as a change of option, and a
// new defaultColDef rebuilds every column (about 30 ms on each render of the review screen).
const defaultColDef: ColDef<ReviewLine> = {
  sortable: true,
  resizable: true,
  minWidth: 60,
  floatingFilter: true,
  suppressFloatingFilterButton: true,
};
const rowSelection: RowSelectionOptions<ReviewLine> = {
  mode: 'multiRow',
  checkboxes: (p) => !p.node.rowPinned,
  headerCheckbox: false,
};
const selectionColumnDef: SelectionColumnDef = { pinned: 'left', width: 40, lockPinned: true };
const rowId = (p: GetRowIdParams<ReviewLine>) => String(p.data.id);

interface Props {
  run: number;
  /** firstBlockOf(run), asked for early: the grid's first request takes it when it is that request. */
  firstBlock?: ReturnType<typeof firstBlockOf>;
  quickFilter: string;
  canOverride: boolean;
  /** What each scheme's slabs are on, so a slab reads in rupees, units or % of target. */
  slabBasis: ReadonlyMap<string, 'measure' | 'achievement'>;
  /** Bumped by the screen to fetch again after an override or a workflow step. */
  version: number;
  onReady(api: GridApi<ReviewLine>): void;
  onTotals(totals: ReviewTotals): void;
  onProblem(message: string | null): void;
  onOpenLine(line: ReviewLine): void;
  onSelection(lines: ReviewLine[]): void;
  onEditOverride(line: ReviewLine, amount: string): void;
  /** Amounts pasted from Excel over these lines (one each), for the Override dialog to check and apply. */
  onPaste(lines: ReviewLine[], pasted: PastedRow[]): void;
  onPasteProblem(message: string): void;
  onFilterChanged(model: FilterModel): void;
}

/**
 * A run's payout lines in ag-grid's infinite row model: blocks of 200 rows are fetched as the
 * user scrolls, and sort, filters and the quick filter run in SQLite (main/review/lines.ts),
 * so a 100,000-line run scrolls, sorts and filters without loading into the window.
 */
export function ReviewGrid(props: Props) {
  const columnDefs = useReviewColumnDefs(props.canOverride, props.slabBasis);
  const { locale } = useWorkspace();
  const localeRef = useRef(locale);
  localeRef.current = locale;
  const apiRef = useRef<GridApi<ReviewLine> | null>(null);
  const host = useRef<HTMLDivElement>(null);
  const totalsFor = useRef<{ key: string; totals: ReviewTotals } | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const early = useRef(props.firstBlock ?? null);

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: async (params) => {
        const p = latest.current;
        const started = performance.now();
        // Totals are asked for once per filter (a sort does not change them), not for every block.
        const key = JSON.stringify([p.run, p.quickFilter, p.version, params.filterModel]);
        const known = totalsFor.current?.key === key ? totalsFor.current.totals : null;
        const request: LinesRequest = {
          run: p.run,
          startRow: params.startRow,
          endRow: params.endRow,
          sortModel: params.sortModel,
          filterModel: params.filterModel ?? {},
          quickFilter: p.quickFilter,
          withTotals: known === null,
        };
        // The block asked for early serves the first request, when it is that very request.
        const first = early.current;
        early.current = null;
        const result = await (first && JSON.stringify(request) === JSON.stringify(firstRequest(p.run))
          ? first
          : call('review.lines', request));
        if (!result.ok) {
          p.onProblem(result.error.message);
          params.failCallback();
          return;
        }
        p.onProblem(null);
        const t = result.value.totals ?? known;
        if (!t) return params.failCallback();
        if (result.value.totals) {
          totalsFor.current = { key, totals: t };
          p.onTotals(t);
          apiRef.current?.setGridOption('pinnedBottomRowData', [
            {
              payee: 'Total',
              payee_name: `${formatCount(t.lines, localeRef.current)} ${t.lines === 1 ? 'line' : 'lines'}`,
              calculated: t.calculated,
              override: null,
              final: t.final,
            },
          ]);
        }
        params.successCallback(result.value.rows, t.lines);
        // How long the last block took to arrive (API, SQL, rows): the e2e test reads it.
        host.current?.setAttribute('data-fetch-ms', String(Math.round(performance.now() - started)));
      },
    }),
    [],
  );

  // A new quick filter, or a change to the run, fetches every block again.
  const fetchKey = `${props.quickFilter}\u0000${props.version}`;
  useEffect(() => {
    if (fetchKey) apiRef.current?.purgeInfiniteCache();
  }, [fetchKey]);

  // Ctrl+V over the grid: a column of amounts (and reasons) from Excel, onto the selected lines
  // in their order on screen, or from the focused line down, as Excel pastes.
  const paste = (event: React.ClipboardEvent) => {
    const target = event.target as HTMLElement;
    const api = apiRef.current;
    if (!api || target.closest('input, textarea, select, .ag-cell-inline-editing')) return;
    event.preventDefault();
    let rows: PastedRow[];
    try {
      rows = pastedAmounts(event.clipboardData.getData('text/plain'));
    } catch (error) {
      return props.onPasteProblem((error as Error).message);
    }
    if (rows.length === 0) return;
    const lines = api
      .getSelectedNodes()
      .filter((n) => n.data && !n.rowPinned)
      .sort((a, b) => (a.rowIndex ?? 0) - (b.rowIndex ?? 0))
      .map((n) => n.data as ReviewLine);
    if (lines.length === 0) {
      const focused = api.getFocusedCell();
      if (!focused || focused.rowPinned)
        return props.onPasteProblem('Select the lines to paste over, or click the first of them.');
      for (let i = focused.rowIndex; i < focused.rowIndex + rows.length; i++) {
        const data = api.getDisplayedRowAtIndex(i)?.data;
        if (data) lines.push(data);
      }
    }
    if (rows.length === 1 && lines.length > 1) rows = lines.map(() => rows[0] as PastedRow);
    if (rows.length !== lines.length)
      return props.onPasteProblem(
        `${formatCount(rows.length, locale)} amounts were pasted over ${formatCount(lines.length, locale)} line${lines.length === 1 ? '' : 's'}: select as many lines as amounts, or paste one amount for them all.`,
      );
    props.onPaste(lines, rows);
  };

  return (
    <div className="grid-host review-grid" data-testid="review-grid" ref={host} onPaste={paste}>
      <Grid<ReviewLine>
        columnDefs={columnDefs}
        defaultColDef={defaultColDef}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={BLOCK}
        maxBlocksInCache={100}
        rowSelection={rowSelection}
        selectionColumnDef={selectionColumnDef}
        getRowId={rowId}
        enableCellTextSelection
        singleClickEdit={false}
        stopEditingWhenCellsLoseFocus
        onGridReady={(e) => {
          apiRef.current = e.api;
          props.onReady(e.api);
        }}
        onRowClicked={(e) => {
          if (e.data && !e.node.rowPinned) props.onOpenLine(e.data);
        }}
        onSelectionChanged={(e) => props.onSelection(e.api.getSelectedRows())}
        onCellKeyDown={(e) => {
          // Enter on a line explains it, as a click does; on Override it edits the amount.
          const key = (e.event as KeyboardEvent | undefined)?.key;
          if (key === 'Enter' && e.data && !e.node.rowPinned && 'column' in e && e.column.getColId() !== 'override')
            props.onOpenLine(e.data);
        }}
        onFilterChanged={(e) => props.onFilterChanged(e.api.getFilterModel() as FilterModel)}
        onCellValueChanged={(e: CellValueChangedEvent<ReviewLine>) => {
          if (e.colDef.field !== 'override' || !e.data) return;
          const typed = String(e.newValue ?? '').trim();
          if (typed !== String(e.oldValue ?? '')) props.onEditOverride(e.data, typed);
        }}
        overlayNoRowsTemplate="No payout lines match these filters."
      />
    </div>
  );
}
