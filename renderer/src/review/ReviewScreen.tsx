import type { GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Exact } from '../../../engine/money';
import type { RunListItem } from '../../../main/api/contract';
import type { RunFlag } from '../../../main/controls/flags';
import type { FilterModel } from '../../../main/datasets/grid-query';
import { formatCount, formatDate, formatMoney } from '../../../main/format/numbers';
import { type Grouping, groupingNames, groupings } from '../../../main/review/groupings';
import type { ReviewLine, ReviewTotals } from '../../../main/review/lines';
import { frozenStatuses } from '../../../main/review/workflow';
import { call } from '../api/client';
import { InlineError } from '../components/InlineError';
import { StatusMessage } from '../components/StatusMessage';
import { ColumnChooser } from '../grid/ColumnChooser';
import { copyRows } from '../grid/copy';
import type { PastedRow } from '../grid/paste';
import { StatusBadge } from '../runs/StatusBadge';
import { useWorkspace } from '../workspace-context';
import { ClaimsDialog } from './ClaimsDialog';
import { FlagsPanel } from './FlagsPanel';
import { GroupSummary } from './GroupSummary';
import { LayoutPicker } from './LayoutPicker';
import { OverrideDialog } from './OverrideDialog';
import { firstBlockOf, ReviewGrid } from './ReviewGrid';
import { TracePanel } from './TracePanel';
import { WorkflowBar } from './WorkflowBar';

/** One run under review: the grid of its lines, subtotals, the trace of a line, overrides and the workflow. */
export function ReviewScreen({
  run,
  onBack,
  onOpenRun,
}: {
  run: number;
  onBack: () => void;
  onOpenRun: (run: number) => void;
}) {
  const { currency, locale } = useWorkspace();
  const [info, setInfo] = useState<RunListItem | null>(null);
  const [totals, setTotals] = useState<ReviewTotals | null>(null);
  const [quick, setQuick] = useState('');
  const [quickFilter, setQuickFilter] = useState('');
  const [groupBy, setGroupBy] = useState<Grouping | ''>('');
  const [filterModel, setFilterModel] = useState<FilterModel>({});
  const [selection, setSelection] = useState<ReviewLine[]>([]);
  const [openLine, setOpenLine] = useState<number | null>(null);
  const [overriding, setOverriding] = useState<{
    lines: ReviewLine[];
    amount?: string;
    pasted?: PastedRow[];
  } | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [showClaims, setShowClaims] = useState(false);
  const [choosing, setChoosing] = useState(false);
  const grid = useRef<GridApi<ReviewLine> | null>(null);

  const loadRun = useCallback(() => {
    void call('runs.get', { run }).then((r) => (r.ok ? setInfo(r.value) : setProblem(r.error.message)));
  }, [run]);
  // The first page of lines is asked for right after the run, not once the grid is built: the
  // server answers one after the other, and the grid, which needs the run, is built meanwhile.
  const [firstBlock, setFirstBlock] = useState<ReturnType<typeof firstBlockOf> | undefined>();
  useEffect(() => {
    loadRun();
    setFirstBlock(firstBlockOf(run));
  }, [loadRun, run]);

  // The quick filter waits for a pause in typing, so each keystroke is not a query.
  useEffect(() => {
    const timer = setTimeout(() => setQuickFilter(quick), 250);
    return () => clearTimeout(timer);
  }, [quick]);

  const refresh = (openRun?: number) => {
    setVersion((v) => v + 1);
    loadRun();
    if (openRun) onOpenRun(openRun);
  };
  const canOverride = info?.permitted.includes('override') ?? false;
  // Zero lines hidden: a filter on Final, so it shows, saves and clears like any other filter.
  const finalFilter = filterModel.final;
  const hidingZero =
    finalFilter !== undefined &&
    'type' in finalFilter &&
    finalFilter.type === 'notEqual' &&
    Number(finalFilter.filter) === 0;
  const hideZero = (hide: boolean) => {
    if (!grid.current) return;
    const model = { ...grid.current.getFilterModel() };
    if (hide) model.final = { filterType: 'number', type: 'notEqual', filter: 0 };
    else delete model.final;
    grid.current.setFilterModel(model);
  };
  const slabBasis = useMemo(() => new Map((info?.schemes ?? []).map((s) => [s.code, s.slabBasis])), [info]);
  const pickGroup = (key: string | null) => {
    if (!groupBy || !grid.current) return;
    const model = { ...grid.current.getFilterModel() };
    model[groupings[groupBy]] =
      key === null ? { filterType: 'text', type: 'blank' } : { filterType: 'text', type: 'equals', filter: key };
    grid.current.setFilterModel(model);
  };
  // A flag's lines: those its payee (or scheme) has, that the flag marks.
  const showFlag = (flag: RunFlag) => {
    if (!grid.current) return;
    const model: FilterModel = { flags: { filterType: 'text', type: 'contains', filter: flag.kind } };
    if (flag.payee) model.payee = { filterType: 'text', type: 'equals', filter: flag.payee };
    if (flag.scheme) model.scheme = { filterType: 'text', type: 'equals', filter: flag.scheme };
    grid.current.setFilterModel(model);
  };
  const copySelection = async () => {
    if (!grid.current || selection.length === 0) return;
    await copyRows(grid.current, selection);
    setMessage({
      text: `Copied ${formatCount(selection.length, locale)} ${selection.length === 1 ? 'line' : 'lines'}`,
      error: false,
    });
  };

  if (!info) {
    return <div className="splash">{problem ?? `Opening run ${run}…`}</div>;
  }
  return (
    <section className="review-screen">
      <header className="review-header">
        <button type="button" onClick={onBack}>
          ← Runs
        </button>
        <div className="review-title">
          <h1>
            Run {info.id} <StatusBadge status={info.status} />
          </h1>
          <p className="muted">
            {formatDate(info.from, locale)} – {formatDate(info.to, locale)} · {info.schemes.length} schemes ·{' '}
            {formatCount(info.payees, locale)} payees · prepared by {info.createdBy}
            {info.submittedBy ? ` · submitted by ${info.submittedBy}` : ''}
            {info.approvedBy ? ` · approved by ${info.approvedBy}` : ''}
          </p>
        </div>
        <div className="review-total">
          <span className="muted">Run total</span>
          <strong data-testid="run-total">{formatMoney(info.total, currency, locale)}</strong>
        </div>
        <button type="button" onClick={() => setShowClaims(true)}>
          Claims…
        </button>
        <WorkflowBar run={info} onChanged={refresh} onMessage={setMessage} />
      </header>
      {info.status === 'rejected' && info.comment && (
        <div className="notice warn">Rejected and sent back: “{info.comment}”. Correct it, then submit again.</div>
      )}
      {info.notices.map((notice) => (
        <div key={notice} className="notice warn" data-testid="run-notice">
          {notice}
        </div>
      ))}
      {frozenStatuses.includes(info.status) && (
        <div className="notice">
          This run is {info.status} and locked: nothing in it can change.
          {info.actions.includes('reverse') ? ' Undo it only by reversing it.' : ''}
        </div>
      )}
      <StatusMessage message={message} testId="review-message" onDismiss={() => setMessage(null)} />
      <div className="grid-toolbar review-toolbar">
        <input
          className="quick-filter"
          type="search"
          placeholder="Find payee, region, scheme, flag…"
          aria-label="Quick filter"
          value={quick}
          onChange={(e) => setQuick(e.target.value)}
        />
        <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as Grouping | '')} aria-label="Subtotals by">
          <option value="">No subtotals</option>
          {groupingNames.map((g) => (
            <option key={g} value={g}>
              Subtotals by {g}
            </option>
          ))}
        </select>
        <label className="inline-field">
          <input
            type="checkbox"
            checked={hidingZero}
            onChange={(e) => hideZero(e.target.checked)}
            aria-label="Hide zero lines"
          />
          Hide zero lines
        </label>
        <LayoutPicker grid={grid.current} />
        <button type="button" onClick={() => setChoosing(true)} disabled={!grid.current}>
          Columns…
        </button>
        <span className="spacer" />
        <button
          type="button"
          onClick={() => {
            grid.current?.setFilterModel(null);
            setQuick('');
          }}
        >
          Clear filters
        </button>
        <button
          type="button"
          disabled={selection.length === 0}
          title="Copy the selected lines for Excel (Ctrl+C in the grid)"
          onClick={() => void copySelection()}
        >
          Copy
        </button>
        {canOverride && (
          <button
            type="button"
            className="primary"
            disabled={selection.length === 0}
            title="Or paste a column of amounts from Excel over the selected lines (Ctrl+V)"
            onClick={() => setOverriding({ lines: selection })}
          >
            Override {selection.length > 0 ? `${formatCount(selection.length, locale)} selected` : 'selected'}…
          </button>
        )}
      </div>
      <InlineError message={problem} />
      <FlagsPanel
        run={run}
        version={version}
        canAcknowledge={canOverride}
        onShow={showFlag}
        onAcknowledged={(text) => {
          setMessage({ text, error: false });
          refresh();
        }}
      />
      {groupBy && (
        <GroupSummary
          key={version}
          run={run}
          by={groupBy}
          filterModel={filterModel}
          quickFilter={quickFilter}
          onPick={pickGroup}
        />
      )}
      <div className={openLine ? 'review-body with-trace' : 'review-body'}>
        <ReviewGrid
          run={run}
          firstBlock={firstBlock}
          quickFilter={quickFilter}
          canOverride={canOverride}
          slabBasis={slabBasis}
          version={version}
          onReady={(api) => {
            grid.current = api;
          }}
          onTotals={setTotals}
          onProblem={setProblem}
          onOpenLine={(l) => setOpenLine(Number(l.id))}
          onSelection={setSelection}
          onEditOverride={(l, amount) => setOverriding({ lines: [l], amount })}
          onPaste={(lines, pasted) =>
            canOverride
              ? setOverriding({ lines, pasted })
              : setMessage({ text: 'This run cannot be overridden now, so nothing was pasted.', error: true })
          }
          onPasteProblem={(text) => setMessage({ text, error: true })}
          onFilterChanged={setFilterModel}
        />
        {openLine && <TracePanel key={`${openLine}-${version}`} line={openLine} onClose={() => setOpenLine(null)} />}
      </div>
      {/* Like Excel's status bar: how many lines the filters leave, and what they pay. */}
      <footer className="review-status">
        <span data-testid="review-count">
          {totals
            ? `${formatCount(totals.lines, locale)} ${totals.lines === 1 ? 'line' : 'lines'} · ${formatMoney(totals.final, currency, locale)}`
            : ''}
        </span>
        {selection.length > 0 && (
          <span>
            {formatCount(selection.length, locale)} selected ·{' '}
            {formatMoney(
              selection.reduce((sum, l) => sum.plus(String(l.final ?? 0)), new Exact(0)).toFixed(2),
              currency,
              locale,
            )}
          </span>
        )}
      </footer>
      {choosing && grid.current && <ColumnChooser grid={grid.current} onClose={() => setChoosing(false)} />}
      {showClaims && <ClaimsDialog run={run} onClose={() => setShowClaims(false)} />}
      {overriding && (
        <OverrideDialog
          run={run}
          lines={overriding.lines}
          initialAmount={overriding.amount}
          pasted={overriding.pasted}
          onClose={() => {
            setOverriding(null);
            setVersion((v) => v + 1);
          }}
          onDone={(text) => {
            setOverriding(null);
            setMessage({ text, error: false });
            refresh();
          }}
        />
      )}
    </section>
  );
}
