import { useEffect, useState } from 'react';
import type { RunFlag } from '../../../main/controls/flags';
import { flagLabels } from '../../../main/controls/kinds';
import { formatCount } from '../../../main/format/numbers';
import { call } from '../api/client';
import { InlineError } from '../components/InlineError';
import { useWorkspace } from '../workspace-context';

/** The rows behind a flag, by table: one and many. */
const evidenceNames = {
  sales: ['sales line', 'sales lines'],
  outlets: ['outlet', 'outlets'],
  payout_lines: ['payout line', 'payout lines'],
  payments: ['receipt', 'receipts'],
} as const;

/**
 * What the controls found in the run, above its grid: policy breaches first (each to be
 * acknowledged with a reason before the run is submitted; the approver sees who did and why),
 * then the anomaly signals with the rows that raised them. Clicking a flag shows its lines.
 */
export function FlagsPanel({
  run,
  version,
  canAcknowledge,
  onShow,
  onAcknowledged,
}: {
  run: number;
  version: number;
  canAcknowledge: boolean;
  onShow: (flag: RunFlag) => void;
  onAcknowledged: (message: string) => void;
}) {
  const { locale } = useWorkspace();
  const [flags, setFlags] = useState<RunFlag[] | null>(null);
  const [chosen, setChosen] = useState<number[]>([]);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // Open by itself only when there is a policy breach to read; signals wait for a click, so
  // the grid keeps the screen.
  const [opened, setOpen] = useState<boolean | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version asks for the flags again after a change
  useEffect(() => {
    void call('review.flags', { run }).then((r) => (r.ok ? setFlags(r.value) : setProblem(r.error.message)));
  }, [run, version]);

  if (problem) return <InlineError message={problem} />;
  if (!flags) return null;
  const breaches = flags.filter((f) => f.blocking);
  const waiting = breaches.filter((f) => !f.acknowledged);
  const signals = flags.length - breaches.length;
  const open = opened ?? breaches.length > 0;
  const acknowledge = async () => {
    const r = await call('review.acknowledge', { run, flags: chosen, reason });
    if (!r.ok) return setProblem(r.error.message);
    setFlags(r.value);
    setChosen([]);
    setReason('');
    onAcknowledged(`${chosen.length === 1 ? 'One breach' : `${chosen.length} breaches`} acknowledged`);
  };
  const summary =
    flags.length === 0
      ? 'Controls: nothing flagged'
      : `Controls: ${breaches.length === 0 ? 'no policy breach' : `${formatCount(breaches.length, locale)} policy breach${breaches.length === 1 ? '' : 'es'}${waiting.length > 0 ? ` (${formatCount(waiting.length, locale)} to acknowledge before submitting)` : ', all acknowledged'}`} · ${formatCount(signals, locale)} signal${signals === 1 ? '' : 's'} to look at`;

  return (
    <section className={waiting.length > 0 ? 'flags-panel breach' : 'flags-panel'} data-testid="flags-panel">
      <header>
        <button type="button" className="link" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? '▾' : '▸'} {summary}
        </button>
      </header>
      {open && flags.length > 0 && (
        <>
          <table>
            <thead>
              <tr>
                {canAcknowledge && waiting.length > 0 && <th aria-label="Choose" />}
                <th>Flag</th>
                <th>Payee / scheme</th>
                <th>What was found</th>
                <th className="number">Evidence</th>
                <th>Acknowledged</th>
              </tr>
            </thead>
            <tbody>
              {flags.map((f) => (
                <tr key={f.id} className={f.blocking ? 'breach' : undefined} data-testid="flag-row">
                  {canAcknowledge && waiting.length > 0 && (
                    <td>
                      {f.blocking && !f.acknowledged && (
                        <input
                          type="checkbox"
                          aria-label={`Acknowledge: ${f.message}`}
                          checked={chosen.includes(f.id)}
                          onChange={(e) =>
                            setChosen(e.target.checked ? [...chosen, f.id] : chosen.filter((id) => id !== f.id))
                          }
                        />
                      )}
                    </td>
                  )}
                  <td>
                    <button type="button" className="link" title="Show its lines in the grid" onClick={() => onShow(f)}>
                      {flagLabels[f.kind]}
                    </button>
                  </td>
                  <td>{[f.payee, f.scheme].filter(Boolean).join(' · ')}</td>
                  <td className="message">{f.message}</td>
                  <td className="number">
                    {formatCount(f.evidence.ids.length, locale)}{' '}
                    {evidenceNames[f.evidence.table][f.evidence.ids.length === 1 ? 0 : 1]}
                  </td>
                  <td>
                    {f.acknowledged ? `${f.acknowledged.by}: “${f.acknowledged.reason}”` : f.blocking ? 'Not yet' : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {canAcknowledge && waiting.length > 0 && (
            <div className="acknowledge">
              <input
                type="text"
                aria-label="Reason for acknowledging"
                placeholder="Why these payouts stand (the approver reads this)"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
              <button
                type="button"
                className="primary"
                disabled={chosen.length === 0 || reason.trim() === ''}
                onClick={() => void acknowledge()}
              >
                Acknowledge {chosen.length > 0 ? chosen.length : ''} selected
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
