import { recordGuards } from '../../audit/integrity';
import type { Migration } from '../migration';

/** Migration 006's legal status changes, and a submitted run withdrawn by its preparer. */
const legalMoves = [
  'draft>calculated',
  'calculated>submitted',
  'rejected>submitted',
  'rejected>calculated',
  'submitted>approved',
  'submitted>rejected',
  'submitted>calculated',
  'approved>exported',
  'approved>reversed',
  'exported>reversed',
]
  .map((m) => `'${m}'`)
  .join(', ');

/**
 * A preparer may withdraw a run they submitted, before anyone approves it, to correct it: the
 * run goes back to calculated (its lines unlock again), and a reversing run, which exists only
 * to be approved or rejected, cannot be withdrawn.
 */
export const withdrawSubmission: Migration = {
  version: 17,
  name: 'withdraw a submission',
  up(db) {
    db.exec(`
      DROP TRIGGER runs_status_flow;
      CREATE TRIGGER runs_status_flow BEFORE UPDATE OF status ON runs
      WHEN OLD.status <> NEW.status AND ((OLD.status || '>' || NEW.status) NOT IN (${legalMoves})
        OR (OLD.status = 'submitted' AND NEW.status = 'calculated' AND OLD.reverses_run IS NOT NULL))
      BEGIN SELECT RAISE(ABORT, 'This status change is not a step of the run workflow'); END;
    `);
    recordGuards(db);
  },
};
