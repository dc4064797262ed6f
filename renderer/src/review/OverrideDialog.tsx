import { useState } from 'react';
import type { OverrideChange } from '../../../main/review/overrides';
import { call } from '../api/client';
import { Dialog } from '../components/Dialog';
import { InlineError } from '../components/InlineError';

type Mode = OverrideChange['mode'];
const modes: { mode: Mode; label: string }[] = [
  { mode: 'set', label: 'Set amount' },
  { mode: 'zero', label: 'Set to zero' },
  { mode: 'scale', label: 'Scale by %' },
  { mode: 'clear', label: 'Back to calculated' },
];

/** Override one line or a selection: the change, and the reason that every override needs. */
export function OverrideDialog({
  run,
  lines,
  initialAmount,
  onClose,
  onDone,
}: {
  run: number;
  lines: number[];
  initialAmount?: string;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
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
    const result = await call('review.override', { run, lines, change: change(), reason });
    setBusy(false);
    if (!result.ok) return setProblem(result.error.message);
    onDone(
      `${result.value.lines} line${result.value.lines === 1 ? '' : 's'} overridden; the run now pays ${result.value.total}`,
    );
  };
  const ready =
    reason.trim() !== '' && (mode !== 'set' || amount.trim() !== '') && (mode !== 'scale' || percent !== '');

  return (
    <Dialog
      title={`Override ${lines.length} line${lines.length === 1 ? '' : 's'}`}
      label="Override"
      onClose={onClose}
      closeText="Cancel"
      className="narrow"
    >
      <div className="dialog-body">
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
            />
          </label>
        )}
        {mode === 'scale' && (
          <label className="field">
            <span>Percentage of the current final amount</span>
            <input value={percent} onChange={(e) => setPercent(e.target.value)} inputMode="decimal" />
          </label>
        )}
        <label className="field">
          <span>Reason (required; kept in the audit log)</span>
          <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} aria-label="Reason" />
        </label>
        <InlineError message={problem} />
      </div>
      <div className="dialog-footer">
        <span className="muted">Overrides are kept apart from computed amounts and survive a recalculation.</span>
        <span className="spacer" />
        <button type="button" className="primary" disabled={!ready || busy} onClick={() => void apply()}>
          Apply override
        </button>
      </div>
    </Dialog>
  );
}
