/**
 * The run workflow as data: which action moves a run from which status to which, and who may
 * take it. Pure, so every legal and illegal transition is tested directly; the database
 * triggers of migration 006 hold the same table for any other client of the file.
 */
export const runStatuses = [
  'draft',
  'calculated',
  'submitted',
  'approved',
  'exported',
  'rejected',
  'reversed',
] as const;
export type RunStatus = (typeof runStatuses)[number];

/** Statuses in which nothing of a run changes again (migration 006's runs_frozen trigger holds the same). */
export const frozenStatuses: readonly RunStatus[] = ['approved', 'exported', 'reversed'];

export const roles = ['preparer', 'approver', 'admin'] as const;
export type Role = (typeof roles)[number];

export const runActions = [
  'calculate',
  'override',
  'submit',
  'withdraw',
  'approve',
  'reject',
  'export',
  'reverse',
] as const;
export type RunAction = (typeof runActions)[number];

interface Step {
  from: readonly RunStatus[];
  to: RunStatus | 'same';
  roles: readonly Role[];
  /** The action in the user's words, for messages: "approving", "approved". */
  doing: string;
  done: string;
}

export const workflow: Record<RunAction, Step> = {
  calculate: {
    from: ['draft', 'calculated', 'rejected'],
    to: 'calculated',
    roles: ['preparer', 'admin'],
    doing: 'calculating',
    done: 'recalculated',
  },
  override: {
    from: ['calculated', 'rejected'],
    to: 'same',
    roles: ['preparer', 'admin'],
    doing: 'overriding',
    done: 'overridden',
  },
  submit: {
    from: ['calculated', 'rejected'],
    to: 'submitted',
    roles: ['preparer', 'admin'],
    doing: 'submitting',
    done: 'submitted',
  },
  withdraw: {
    from: ['submitted'],
    to: 'calculated',
    roles: ['preparer', 'admin'],
    doing: 'withdrawing',
    done: 'withdrawn',
  },
  approve: {
    from: ['submitted'],
    to: 'approved',
    roles: ['approver', 'admin'],
    doing: 'approving',
    done: 'approved',
  },
  reject: {
    from: ['submitted'],
    to: 'rejected',
    roles: ['approver', 'admin'],
    doing: 'rejecting',
    done: 'rejected',
  },
  export: {
    from: ['approved', 'exported'],
    to: 'exported',
    roles: ['preparer', 'approver', 'admin'],
    doing: 'exporting',
    done: 'exported',
  },
  reverse: {
    from: ['approved', 'exported'],
    to: 'reversed',
    roles: ['approver', 'admin'],
    doing: 'reversing',
    done: 'reversed',
  },
};

const roleNames: Record<Role, string> = { preparer: 'Preparer', approver: 'Approver', admin: 'Admin' };
export const roleName = (role: Role) => roleNames[role];

const why: Partial<Record<RunStatus, string>> = {
  draft: 'it has not been calculated yet',
  calculated: 'it has not been submitted yet',
  submitted: 'it is waiting for approval; an approver can reject it back to you',
  approved: 'it is approved and locked; only a reversing run can undo it',
  exported: 'it is approved and exported; only a reversing run can undo it',
  rejected: 'it was rejected; recalculate or correct it and submit it again',
  reversed: 'it has been reversed',
};

export interface Actor {
  name: string;
  role: Role | null;
  /** The profile's id; found by name where the caller knows only the name. */
  id?: number | null;
}

export interface RunState {
  id: number;
  status: RunStatus;
  createdBy: string;
  submittedBy: string | null;
  /** Ids of everyone who created, recalculated, overrode or submitted it: none of them approves it. */
  makers?: readonly number[];
  /** The run this one reverses: a reversing run is approved or rejected, never withdrawn. */
  reversesRun?: number | null;
}

/** Why a run in its present status cannot take `action` at all, or null when its status allows it. */
export function statusRefusal(run: Pick<RunState, 'id' | 'status' | 'reversesRun'>, action: RunAction): string | null {
  const step = workflow[action];
  if (action === 'withdraw' && run.reversesRun)
    return `Run ${run.id} reverses run ${run.reversesRun}: it is approved or rejected, not withdrawn.`;
  if (step.from.includes(run.status)) return null;
  return `Run ${run.id} cannot be ${step.done}: ${why[run.status] ?? `it is ${run.status}`}.`;
}

/** Why `actor` may not take `action` on `run` right now, or null when they may. */
export function refusal(run: RunState, action: RunAction, actor: Actor): string | null {
  const step = workflow[action];
  const wrongStatus = statusRefusal(run, action);
  if (wrongStatus) return wrongStatus;
  if (actor.role === null) {
    return `To ${action} run ${run.id}, sign in as a user with the ${step.roles.map(roleName).join(' or ')} role.`;
  }
  if (!step.roles.includes(actor.role)) {
    return `${actor.name} is ${actor.role === 'preparer' ? 'a' : 'an'} ${roleName(actor.role)}; ${step.doing} a run needs the ${step.roles
      .map(roleName)
      .join(' or ')} role.`;
  }
  if (action === 'approve') {
    const same = (who: string | null) => who !== null && who.toLowerCase() === actor.name.toLowerCase();
    if (same(run.submittedBy))
      return `Maker-checker: ${actor.name} submitted run ${run.id}, so someone else must approve it.`;
    if (same(run.createdBy))
      return `Maker-checker: ${actor.name} prepared run ${run.id}, so someone else must approve it.`;
    if (actor.id != null && run.makers?.includes(actor.id))
      return `Maker-checker: ${actor.name} recalculated, overrode or submitted run ${run.id}, so someone else must approve it.`;
  }
  return null;
}

/** The status a run has after `action`. Call only when `refusal` returned null. */
export function nextStatus(run: RunState, action: RunAction): RunStatus {
  const to = workflow[action].to;
  return to === 'same' ? run.status : to;
}
