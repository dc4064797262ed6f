import type { AuditEntry } from '../../../main/audit/log';
import { actionLabel, auditChanges } from '../../../main/audit/words';
import { Dialog } from '../components/Dialog';
import { useWorkspace } from '../workspace-context';

/** One audit entry in full: who did what to what and when, and each field it changed, before and after. */
export function AuditDetail({ entry, onClose }: { entry: AuditEntry; onClose: () => void }) {
  const { locale } = useWorkspace();
  const changes = auditChanges(entry.before, entry.after);
  const hadBefore = entry.before !== null && entry.before !== undefined;
  return (
    <Dialog
      title={`${actionLabel(entry.action)}: ${entry.subject}`}
      label="Audit entry"
      onClose={onClose}
      testId="audit-detail"
    >
      <div className="dialog-body">
        <dl className="audit-facts">
          <dt>Entry</dt>
          <dd>#{entry.seq}</dd>
          <dt>When</dt>
          <dd>{new Date(entry.at).toLocaleString(locale, { dateStyle: 'full', timeStyle: 'medium' })}</dd>
          <dt>Who</dt>
          <dd>{entry.user}</dd>
          <dt>What</dt>
          <dd>
            {actionLabel(entry.action)} <span className="muted">({entry.action})</span>
          </dd>
          <dt>Hash</dt>
          <dd className="mono">{entry.hash}</dd>
        </dl>
        {changes.length === 0 ? (
          <p className="muted">This entry records the event alone; no values changed.</p>
        ) : (
          <div className="errors-scroll">
            <table className="errors-table" data-testid="audit-changes">
              <thead>
                <tr>
                  <th>Field</th>
                  {hadBefore && <th>Before</th>}
                  <th>{hadBefore ? 'After' : 'Recorded'}</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((c) => (
                  <tr key={c.field}>
                    <td>{c.field}</td>
                    {hadBefore && <td>{c.before}</td>}
                    <td>{c.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </Dialog>
  );
}
