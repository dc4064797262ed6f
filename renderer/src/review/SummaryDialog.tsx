import { useEffect, useState } from 'react';
import { formatCount, formatDate, formatMoney } from '../../../main/format/numbers';
import type { ApprovalSummary } from '../../../main/review/summary';
import { call } from '../api/client';
import { Dialog } from '../components/Dialog';
import { InlineError } from '../components/InlineError';
import { useWorkspace } from '../workspace-context';

/**
 * The summary a run is submitted or approved from: nothing is approved in one click. The
 * approver writes a comment, which goes with the approval into the run and the audit log.
 */
export function SummaryDialog({
  run,
  action,
  busy,
  onClose,
  onConfirm,
}: {
  run: number;
  action: 'submit' | 'approve';
  busy: boolean;
  onClose: () => void;
  onConfirm: (comment: string) => void;
}) {
  const { currency, locale } = useWorkspace();
  const money = (amount: string) => formatMoney(amount, currency, locale);
  const [summary, setSummary] = useState<ApprovalSummary | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  useEffect(() => {
    void call('runs.summary', { run }).then((r) => (r.ok ? setSummary(r.value) : setProblem(r.error.message)));
  }, [run]);
  const approving = action === 'approve';

  return (
    <Dialog
      title={`${approving ? 'Approve' : 'Submit'} run ${run}`}
      label={approving ? 'Approve the run' : 'Submit the run'}
      onClose={onClose}
      closeText="Cancel"
      testId="summary-dialog"
    >
      <div className="dialog-body summary">
        <InlineError message={problem} />
        {!summary && !problem && <p className="muted">Adding up the run…</p>}
        {summary && (
          <>
            <p>
              <strong>{money(summary.total)}</strong> to {formatCount(summary.payees, locale)} payees for{' '}
              {formatDate(summary.from, locale)} – {formatDate(summary.to, locale)}
              {summary.previous
                ? `; run ${summary.previous.run} of ${formatDate(summary.previous.from, locale)} – ${formatDate(
                    summary.previous.to,
                    locale,
                  )} paid ${money(summary.previous.total)} (${summary.previous.change.startsWith('-') ? '' : '+'}${money(
                    summary.previous.change,
                  )}).`
                : '; no approved run of the period before to compare with.'}
            </p>
            <h3>Overrides</h3>
            {summary.overrides.length === 0 ? (
              <p className="muted">None: every line pays what was calculated.</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th>Payee</th>
                    <th>Scheme</th>
                    <th className="number">Calculated</th>
                    <th className="number">Override</th>
                    <th>Reason</th>
                  </tr>
                </thead>
                <tbody>
                  {summary.overrides.map((o) => (
                    <tr key={`${o.payee}|${o.scheme}`}>
                      <td>{o.payee}</td>
                      <td>{o.scheme}</td>
                      <td className="number">{money(o.calculated)}</td>
                      <td className="number">{money(o.override)}</td>
                      <td>
                        {o.by}: {o.reason}
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <td colSpan={3}>Net effect of the overrides</td>
                    <td className="number">{money(summary.overridesNet)}</td>
                    <td />
                  </tr>
                </tfoot>
              </table>
            )}
            <h3>Controls</h3>
            {summary.breaches.length === 0 ? (
              <p className="muted">No policy breach.</p>
            ) : (
              <ul>
                {summary.breaches.map((b) => (
                  <li key={b.id}>
                    {b.message}.{' '}
                    {b.acknowledged ? (
                      <em>
                        Acknowledged by {b.acknowledged.by}: “{b.acknowledged.reason}”
                      </em>
                    ) : (
                      <strong>Not acknowledged.</strong>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {summary.signals.length > 0 && (
              <p>
                Signals to look at:{' '}
                {summary.signals.map((s) => `${s.label} (${formatCount(s.count, locale)})`).join(', ')}.
              </p>
            )}
            {summary.largestChanges.length > 0 && (
              <>
                <h3>Largest changes against run {summary.previous?.run}</h3>
                <table>
                  <thead>
                    <tr>
                      <th>Payee</th>
                      <th className="number">Now</th>
                      <th className="number">Before</th>
                      <th className="number">Change</th>
                    </tr>
                  </thead>
                  <tbody>
                    {summary.largestChanges.map((c) => (
                      <tr key={c.payee}>
                        <td>
                          {c.payee} {c.name}
                        </td>
                        <td className="number">{money(c.total)}</td>
                        <td className="number">{money(c.previous)}</td>
                        <td className="number">{money(c.change)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
            {approving && (
              <label className="field">
                <span>Your comment (required; it goes with the approval into the audit log)</span>
                <textarea
                  rows={2}
                  value={comment}
                  onChange={(e) => setComment(e.target.value)}
                  aria-label="Approval comment"
                />
              </label>
            )}
          </>
        )}
      </div>
      <div className="dialog-footer">
        <span className="spacer" />
        <button
          type="button"
          className="primary"
          disabled={busy || !summary || (approving && comment.trim() === '')}
          onClick={() => onConfirm(comment)}
        >
          {approving ? 'Approve the run' : 'Submit for approval'}
        </button>
      </div>
    </Dialog>
  );
}
