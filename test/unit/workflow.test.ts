import { describe, expect, it } from 'vitest';
import {
  type Actor,
  nextStatus,
  type RunState,
  type RunStatus,
  refusal,
  runActions,
  runStatuses,
} from '../../main/review/workflow';

const run = (status: RunStatus): RunState => ({ id: 7, status, createdBy: 'priya', submittedBy: 'priya' });
const admin: Actor = { name: 'asha', role: 'admin' };

/** The workflow of issue #5, written out by hand: [from, action] → to. Everything else is illegal. */
const legal: Record<string, RunStatus> = {
  'draft calculate': 'calculated',
  'calculated calculate': 'calculated',
  'rejected calculate': 'calculated',
  'calculated override': 'calculated',
  'rejected override': 'rejected',
  'calculated submit': 'submitted',
  'rejected submit': 'submitted',
  'submitted approve': 'approved',
  'submitted reject': 'rejected',
  'submitted withdraw': 'calculated',
  'approved export': 'exported',
  'exported export': 'exported',
  'approved reverse': 'reversed',
  'exported reverse': 'reversed',
};

describe('the run workflow', () => {
  const pairs = runStatuses.flatMap((status) => runActions.map((action) => [status, action] as const));

  it.each(pairs)('%s → %s is legal exactly when the workflow says so', (status, action) => {
    // An admin other than the maker, so only the status decides.
    const answer = refusal(run(status), action, admin);
    const expected = legal[`${status} ${action}`];
    if (expected) {
      expect(answer).toBeNull();
      expect(nextStatus(run(status), action)).toBe(expected);
    } else {
      expect(answer).toMatch(/^Run 7 cannot be .+: (it|it's) /);
    }
  });

  it('lets a preparer withdraw a submitted run, but never a reversing run', () => {
    const preparer: Actor = { name: 'ravi', role: 'preparer' };
    expect(refusal(run('submitted'), 'withdraw', preparer)).toBeNull();
    expect(refusal(run('submitted'), 'withdraw', { name: 'arjun', role: 'approver' })).toMatch(
      /withdrawing a run needs the Preparer or Admin role/,
    );
    expect(refusal({ ...run('submitted'), reversesRun: 3 }, 'withdraw', preparer)).toBe(
      'Run 7 reverses run 3: it is approved or rejected, not withdrawn.',
    );
  });

  it('says why an approved run cannot be touched', () => {
    expect(refusal(run('approved'), 'override', admin)).toBe(
      'Run 7 cannot be overridden: it is approved and locked; only a reversing run can undo it.',
    );
    expect(refusal(run('submitted'), 'submit', admin)).toMatch(/waiting for approval/);
  });

  it('keeps the roles apart: preparers prepare, approvers approve', () => {
    const preparer: Actor = { name: 'ravi', role: 'preparer' };
    const approver: Actor = { name: 'arjun', role: 'approver' };
    expect(refusal(run('submitted'), 'approve', preparer)).toBe(
      'ravi is a Preparer; approving a run needs the Approver or Admin role.',
    );
    expect(refusal(run('submitted'), 'reject', preparer)).toMatch(/needs the Approver or Admin role/);
    expect(refusal(run('calculated'), 'submit', approver)).toMatch(/needs the Preparer or Admin role/);
    expect(refusal(run('approved'), 'reverse', preparer)).toMatch(/needs the Approver or Admin role/);
    expect(refusal(run('submitted'), 'approve', approver)).toBeNull();
    expect(refusal(run('calculated'), 'submit', { name: 'nobody', role: null })).toBe(
      'To submit run 7, sign in as a user with the Preparer or Admin role.',
    );
  });

  it('never lets the maker check: not the submitter, not the preparer, whatever their role', () => {
    const submittedByAsha: RunState = { id: 3, status: 'submitted', createdBy: 'priya', submittedBy: 'Asha' };
    expect(refusal(submittedByAsha, 'approve', admin)).toBe(
      'Maker-checker: asha submitted run 3, so someone else must approve it.',
    );
    const preparedByAsha: RunState = { id: 4, status: 'submitted', createdBy: 'asha', submittedBy: 'priya' };
    expect(refusal(preparedByAsha, 'approve', admin)).toMatch(/asha prepared run 4/);
    // Rejecting your own submission is not approving it; an approver may send anything back.
    expect(refusal(submittedByAsha, 'reject', admin)).toBeNull();
  });
});
