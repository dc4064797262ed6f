import { useRef, useState } from 'react';
import type { RunListItem } from '../../../main/api/contract';
import type { Progress } from '../../../main/api/progress';
import { formatCount } from '../../../main/format/numbers';
import { type RunAction, workflow } from '../../../main/review/workflow';
import { call, newCallId } from '../api/client';
import { Dialog } from '../components/Dialog';
import { ProgressBar } from '../components/ProgressBar';
import { useSession } from '../session/context';
import { useWorkspace } from '../workspace-context';
import { SummaryDialog } from './SummaryDialog';

/**
 * The steps a run can take from where it stands (`run.actions`, from the workflow table) that the
 * signed-in role may take: a Preparer sees no Approve, an Approver no Submit. A step the role has
 * but maker-checker forbids (an approver who overrode a line) is shown disabled, saying why; the
 * API decides again when a step is taken.
 */
export function WorkflowBar({
  run,
  onChanged,
  onMessage,
}: {
  run: RunListItem;
  onChanged: (openRun?: number) => void;
  onMessage: (message: { text: string; error: boolean }) => void;
}) {
  const [asking, setAsking] = useState<'reject' | 'reverse' | 'withdraw' | null>(null);
  const { user } = useSession();
  const { locale } = useWorkspace();
  // Submitting and approving start from the run's summary: nothing is approved in one click.
  const [summarizing, setSummarizing] = useState<'submit' | 'approve' | null>(null);
  const [comment, setComment] = useState('');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [busy, setBusy] = useState(false);
  const callId = useRef('');

  const step = async (label: string, action: () => ReturnType<typeof call<'runs.submit'>>) => {
    setBusy(true);
    const result = await action();
    setBusy(false);
    setAsking(null);
    setSummarizing(null);
    if (!result.ok) return onMessage({ text: result.error.message, error: true });
    onMessage({ text: `${label}: run ${run.id} is now ${result.value.status}.`, error: false });
    onChanged(result.value.reversal);
  };
  const recalculate = async () => {
    setBusy(true);
    callId.current = newCallId();
    const result = await call('runs.recalculate', { run: run.id }, { callId: callId.current, onProgress: setProgress });
    setBusy(false);
    setProgress(null);
    if (!result.ok) return onMessage({ text: result.error.message, error: true });
    const stale = result.value.staleOverrides;
    onMessage({
      text: `Recalculated: ${formatCount(result.value.lines, locale)} lines.${
        stale === 0
          ? ''
          : ` ${stale === 1 ? 'One override now sits' : `${formatCount(stale, locale)} overrides now sit`} on a changed computed amount; flagged.`
      }`,
      error: false,
    });
    onChanged();
  };

  const offers = (action: RunAction) => run.actions.includes(action) && workflow[action].roles.includes(user.role);
  // Offered to the role, but not to this person: maker-checker.
  const barred = (action: RunAction) =>
    run.permitted.includes(action)
      ? {}
      : {
          disabled: true,
          title: `You took a maker's step on run ${run.id} (prepared, recalculated, overrode or submitted it), so someone else must ${action} it.`,
        };
  return (
    <div className="workflow-bar">
      {offers('calculate') && (
        <button type="button" disabled={busy} onClick={() => void recalculate()}>
          Recalculate
        </button>
      )}
      {offers('submit') && (
        <button type="button" className="primary" disabled={busy} onClick={() => setSummarizing('submit')}>
          Submit for approval…
        </button>
      )}
      {offers('withdraw') && (
        <button type="button" disabled={busy} onClick={() => setAsking('withdraw')}>
          Withdraw…
        </button>
      )}
      {offers('reject') && (
        <button type="button" disabled={busy} onClick={() => setAsking('reject')} {...barred('reject')}>
          Reject…
        </button>
      )}
      {offers('approve') && (
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => setSummarizing('approve')}
          {...barred('approve')}
        >
          Approve…
        </button>
      )}
      {offers('reverse') && (
        <button type="button" disabled={busy} onClick={() => setAsking('reverse')}>
          Reverse…
        </button>
      )}
      {progress && <ProgressBar progress={progress} />}
      {summarizing && (
        <SummaryDialog
          run={run.id}
          action={summarizing}
          busy={busy}
          onClose={() => setSummarizing(null)}
          onConfirm={(comment) =>
            void (summarizing === 'submit'
              ? step('Submitted', () => call('runs.submit', { run: run.id }))
              : step('Approved', () => call('runs.approve', { run: run.id, comment })))
          }
        />
      )}
      {asking && (
        <Dialog
          title={`${asking === 'reject' ? 'Reject' : asking === 'withdraw' ? 'Withdraw' : 'Reverse'} run ${run.id}`}
          label={`${asking === 'reject' ? 'Reject' : asking === 'withdraw' ? 'Withdraw' : 'Reverse'} the run`}
          onClose={() => setAsking(null)}
          closeText="Cancel"
          className="narrow"
        >
          <div className="dialog-body">
            {asking === 'reject' ? (
              <label className="field">
                <span>What should the preparer fix? (required)</span>
                <textarea rows={3} value={comment} onChange={(e) => setComment(e.target.value)} aria-label="Comment" />
              </label>
            ) : asking === 'withdraw' ? (
              <label className="field">
                <span>
                  Run {run.id} goes back to calculated so it can be corrected, then submitted again. Why? (required)
                </span>
                <textarea rows={3} value={comment} onChange={(e) => setComment(e.target.value)} aria-label="Reason" />
              </label>
            ) : (
              <p>
                An approved run is never edited. Reversing creates a new run that pays the negative of every line of run{' '}
                {run.id}; it arrives submitted and needs a second person's approval before it can be exported.
              </p>
            )}
          </div>
          <div className="dialog-footer">
            <span className="spacer" />
            {asking === 'reject' ? (
              <button
                type="button"
                className="primary"
                disabled={busy || comment.trim() === ''}
                onClick={() => void step('Rejected', () => call('runs.reject', { run: run.id, comment }))}
              >
                Reject and send back
              </button>
            ) : asking === 'withdraw' ? (
              <button
                type="button"
                className="primary"
                disabled={busy || comment.trim() === ''}
                onClick={() => void step('Withdrawn', () => call('runs.withdraw', { run: run.id, reason: comment }))}
              >
                Withdraw the submission
              </button>
            ) : (
              <button
                type="button"
                className="primary danger"
                disabled={busy}
                onClick={() => void step('Reversed', () => call('runs.reverse', { run: run.id }))}
              >
                Create the reversing run
              </button>
            )}
          </div>
        </Dialog>
      )}
    </div>
  );
}
