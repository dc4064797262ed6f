import type { RunStatus } from '../../../main/review/workflow';

const labels: Record<RunStatus, string> = {
  draft: 'Draft',
  calculated: 'Calculated',
  submitted: 'Submitted',
  approved: 'Approved',
  exported: 'Exported',
  rejected: 'Rejected',
  reversed: 'Reversed',
};

export function StatusBadge({ status }: { status: RunStatus }) {
  return <span className={`status-badge status-${status}`}>{labels[status]}</span>;
}
