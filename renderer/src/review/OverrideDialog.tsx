import { type FormEvent, useState } from 'react';
import { Exact } from '../../../engine/money';
import { formatCount, formatMoney } from '../../../main/format/numbers';
import type { ReviewLine } from '../../../main/review/lines';
import type { OverrideChange } from '../../../main/review/overrides';
import { call } from '../api/client';
import { Dialog } from '../components/Dialog';
import { InlineError } from '../components/InlineError';
import { guardedClose, useUnsavedChanges } from '../components/unsaved';
import type { PastedRow } from '../grid/paste';
import { useWorkspace } from '../workspace-context';

type Mode = OverrideChange['mode'];
const modes: { mode: Mode; label: string }[] = [
  { mode: 'set', label: 'Set amount' },
  { mode: 'zero', label: 'Set to zero' },
  { mode: 'scale', label: 'Scale by %' },
  { mode: 'clear', label: 'Back to calculated' },
];

const lineName = (l: ReviewLine) => `${l.payee_name ?? l.payee} (${l.payee}) · ${l.scheme}`;

/**
 * Override one line or a selection: the change, and the reason that every override needs. It
 * names the lines and their amounts now, and starts in the amount field. With `pasted` it applies
 * a column of amounts from Excel, one per line, each with its pasted reason or the one typed here.
 */
export function OverrideDialog({
  run,
  lines,
  initialAmount,
  pasted,
  onClose,
  onDone,
}: {
  run: number;
  lines: ReviewLine[];
  initialAmount?: string;
  pasted?: PastedRow[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { currency, locale } = useWorkspace();
  const money = (v: unknown) => formatMoney(v === null || v === undefined ? null : String(v), currency, locale);
  const [mode, setMode] = useState<Mode>('set');
  const [amount, setAmount] = useState(initialAmount ?? '');
  const [percent, setPercent] = useState('100');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const change = (): OverrideChange =>
    mode === 'set' ? { mode, amount } : mode === 'scale' ? { mode, percent } : { mode };
  const apply = async () => {
    setBusy(true);
    const result = pasted
      ? await call('review.overrideEach', {
          run,
          items: lines.map((l, i) => ({
            line: Number(l.id),
            amount: pasted[i]?.amount ?? '',
            reason: pasted[i]?.reason.trim() || reason,
          })),
        })
      : await call('review.override', { run, lines: lines.map((l) => Number(l.id)), change: change(), reason });
    setBusy(false);
    if (!result.ok) return setProblem(result.error.message);
    onDone(
      `${formatCount(result.value.lines, locale)} line${result.value.lines === 1 ? '' : 's'} overridden; the run now pays ${money(result.value.total)}`,
    );
  };
  // What the user typed, or pasted, is lost on closing: it asks first.
  const dirty = pasted !== undefined || amount !== '' || reason.trim() !== '';
  useUnsavedChanges(dirty, 'The override');
  const reasonsNeeded = pasted ? pasted.some((p) => p.reason.trim() === '') : true;
  const ready =
    (!reasonsNeeded || reason.trim() !== '') &&
    (pasted !== undefined || ((mode !== 'set' || amount.trim() !== '') && (mode !== 'scale' || percent !== '')));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ready && !busy) void apply();
  };
  const total = lines.reduce((sum, l) => sum.plus(String(l.final ?? 0)), new Exact(0)).toFixed(2);
  const only = lines.length === 1 ? lines[0] : undefined;

  return (
    <Dialog
      title={
        pasted
          ? `Paste ${formatCount(lines.length, locale)} amount${lines.length === 1 ? '' : 's'} into Override`
          : `Override ${formatCount(lines.length, locale)} line${lines.length === 1 ? '' : 's'}`
      }
      label="Override"
      onClose={guardedClose(dirty, 'The override', onClose)}
      closeText="Cancel"
      className={pasted ? undefined : 'narrow'}
      testId="override-dialog"
    >
      <form className="dialog-form" onSubmit={submit}>
        <div className="dialog-body">
          <p className="override-subject" data-testid="override-subject">
            {only
              ? `${lineName(only)}: calculated ${money(only.calculated)}, now paying ${money(only.final)}`
              : `${formatCount(lines.length, locale)} lines now paying ${formatMoney(total, currency, locale)} in all`}
          </p>
          {pasted ? (
            <div className="errors-scroll">
              <table className="errors-table" data-testid="pasted-amounts">
                <thead>
                  <tr>
                    <th>Line</th>
                    <th className="number">Now</th>
                    <th className="number">Pasted</th>
                    <th>Reason pasted</th>
                  </tr>
                </thead>
                <tbody>
                  {lines.map((l, i) => (
                    <tr key={String(l.id)}>
                      <td>{lineName(l)}</td>
                      <td className="number">{money(l.final)}</td>
                      <td className="number">{pasted[i]?.amount}</td>
                      <td>{pasted[i]?.reason || <span className="muted">the reason below</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <>
              <fieldset className="segmented" aria-label="Change">
                {modes.map((m) => (
                  <button
                    key={m.mode}
                    type="button"
                    aria-pressed={mode === m.mode}
                    className={mode === m.mode ? 'active' : ''}
                    onClick={() => setMode(m.mode)}
                  >
                    {m.label}
                  </button>
                ))}
              </fieldset>
              {mode === 'set' && (
                <label className="field">
                  <span>New final amount</span>
                  <input
                    value={amount}
                    onChange={(e) => setAmount(e.target.value)}
                    inputMode="decimal"
                    placeholder="e.g. 12,500.00"
                    aria-label="New final amount"
                    data-autofocus
                  />
                </label>
              )}
              {mode === 'scale' && (
                <label className="field">
                  <span>Percentage of the current final amount</span>
                  <input
                    value={percent}
                    onChange={(e) => setPercent(e.target.value)}
                    inputMode="decimal"
                    aria-label="Percentage"
                  />
                </label>
              )}
            </>
          )}
          {reasonsNeeded && (
            <label className="field">
              <span>
                {pasted ? 'Reason for the lines pasted without one' : 'Reason'} (required; kept in the audit log)
              </span>
              <input
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                aria-label="Reason"
                {...(pasted ? { 'data-autofocus': true } : {})}
              />
            </label>
          )}
          <InlineError message={problem} />
        </div>
        <div className="dialog-footer">
          <span className="muted">Overrides are kept apart from computed amounts and survive a recalculation.</span>
          <span className="spacer" />
          <button type="submit" className="primary" disabled={!ready || busy}>
            Apply override
          </button>
        </div>
      </form>
    </Dialog>
  );
}
