import { useEffect, useRef, useState } from 'react';
import type { Progress } from '../../../main/api/progress';
import { today } from '../../../main/format/days';
import { formatDate } from '../../../main/format/numbers';
import type { SchemeSummary } from '../../../main/schemes/store';
import { call, newCallId } from '../api/client';
import { DateInput } from '../components/DateInput';
import { Dialog } from '../components/Dialog';
import { InlineError } from '../components/InlineError';
import { ProgressBar } from '../components/ProgressBar';
import { useWorkspace } from '../workspace-context';

function monthOf(month: string | null): { from: string; to: string } {
  const [y, m] = (month ?? today().slice(0, 7)).split('-').map(Number);
  const last = new Date(Date.UTC(y ?? 2026, m ?? 1, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return { from: `${y}-${mm}-01`, to: `${y}-${mm}-${String(last).padStart(2, '0')}` };
}

/** Pick a period and its schemes, calculate in the background with progress, cancel at will. */
export function NewRunDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (run: number) => void }) {
  const { demoMonth, locale } = useWorkspace();
  const [period, setPeriod] = useState(() => monthOf(demoMonth));
  const [schemes, setSchemes] = useState<SchemeSummary[]>([]);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [progress, setProgress] = useState<Progress | null>(null);
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const callId = useRef(`run-${Date.now()}`);

  useEffect(() => {
    void call('schemes.list', {}).then((r) => (r.ok ? setSchemes(r.value) : setProblem(r.error.message)));
  }, []);
  const overlapping = schemes.filter((s) => s.status === 'active' && s.from <= period.to && s.to >= period.from);
  // Every scheme of the period is chosen again whenever the period (or the list) changes.
  const overlapKey = overlapping.map((s) => s.code).join('\n');
  useEffect(() => {
    setChosen(new Set(overlapKey ? overlapKey.split('\n') : []));
  }, [overlapKey]);

  const calculate = async () => {
    setRunning(true);
    setProblem(null);
    callId.current = newCallId();
    const result = await call(
      'runs.create',
      { ...period, schemes: [...chosen] },
      { callId: callId.current, onProgress: setProgress },
    );
    setRunning(false);
    if (result.ok) onCreated(result.value.run);
    else setProblem(result.error.message);
  };

  return (
    <Dialog title="New run" label="New run" onClose={onClose} closeDisabled={running} className="narrow">
      <div className="dialog-body">
        <div className="field-row">
          <div className="field">
            <span>From</span>
            <DateInput label="From" value={period.from} onChange={(from) => setPeriod({ ...period, from })} />
          </div>
          <div className="field">
            <span>To</span>
            <DateInput label="To" value={period.to} onChange={(to) => setPeriod({ ...period, to })} />
          </div>
        </div>
        <fieldset className="scheme-choice">
          <legend>
            Schemes running in this period ({chosen.size} of {overlapping.length} chosen)
          </legend>
          {overlapping.length === 0 && <p className="muted">No active scheme runs between these dates.</p>}
          {overlapping.map((s) => (
            <label key={s.code}>
              <input
                type="checkbox"
                checked={chosen.has(s.code)}
                onChange={(e) => {
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(s.code);
                  else next.delete(s.code);
                  setChosen(next);
                }}
              />
              <strong>{s.code}</strong> {s.name}{' '}
              <span className="muted">
                {formatDate(s.from, locale)} – {formatDate(s.to, locale)}
              </span>
            </label>
          ))}
        </fieldset>
        {running && <ProgressBar progress={progress} />}
        <InlineError message={problem} />
      </div>
      <div className="dialog-footer">
        <span className="spacer" />
        {running ? (
          <button type="button" onClick={() => void call('calls.cancel', { callId: callId.current })}>
            Cancel
          </button>
        ) : (
          <button type="button" className="primary" disabled={chosen.size === 0} onClick={() => void calculate()}>
            Calculate
          </button>
        )}
      </div>
    </Dialog>
  );
}
