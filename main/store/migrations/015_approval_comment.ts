import type { Migration } from '../migration';

/** What the approver wrote on approving, after reading the run's summary (review/summary.ts). */
export const approvalComment: Migration = {
  version: 15,
  name: 'approval comment',
  up(db) {
    db.exec('ALTER TABLE runs ADD COLUMN approval_comment TEXT;');
  },
};
