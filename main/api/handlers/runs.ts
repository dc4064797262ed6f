import { approveRun, rejectRun, reverseRun, submitRun, withdrawRun } from '../../review/actions';
import { approvalSummary } from '../../review/summary';
import { runCalculator, runJob } from '../../runs/calculator';
import type { RunSummary } from '../../runs/execute';
import { listRuns } from '../../runs/read';
import type { RunWorkerInput } from '../../runs/worker';
import type { Workspace } from '../../workspace';
import type { Handlers } from '../dispatch';
import { ApiFailure } from '../result';

type RunHandlers = Pick<
  Handlers,
  | 'runs.create'
  | 'runs.list'
  | 'runs.get'
  | 'runs.recalculate'
  | 'runs.submit'
  | 'runs.approve'
  | 'runs.summary'
  | 'runs.reject'
  | 'runs.reverse'
  | 'runs.withdraw'
>;

/** Runs: calculated in a worker; each workflow step checked against the signed-in profile. */
export function runHandlers(ws: Workspace): RunHandlers {
  const actor = () => ({ name: ws.user, role: ws.role, id: ws.userId });
  const job = (fields: Partial<RunWorkerInput>) => runJob(ws, fields);
  return {
    'runs.create': ({ from, to, schemes }, ctx) => {
      // Preparing is a maker's step: an Approver checks runs and never makes one.
      if (ws.role === 'approver')
        throw new ApiFailure(
          'forbidden',
          `${ws.user} is an Approver; creating a run needs the Preparer or Admin role.`,
        );
      return runCalculator(ws.dbPath).run<RunSummary>(job({ from, to, schemes }), {
        onProgress: ctx.progress,
        signal: ctx.signal,
      });
    },
    'runs.list': () => listRuns(ws.db, actor()),
    'runs.get': ({ run }) => {
      const [found] = listRuns(ws.db, actor(), run);
      if (!found) throw new ApiFailure('not_found', `There is no run ${run}`);
      return found;
    },
    'runs.recalculate': ({ run }, ctx) =>
      runCalculator(ws.dbPath).run(job({ recalculate: { run, actor: actor() } }), {
        onProgress: ctx.progress,
        signal: ctx.signal,
      }),
    'runs.submit': ({ run }) => submitRun(ws.db, run, actor()),
    'runs.approve': ({ run, comment }) => approveRun(ws.db, run, actor(), comment),
    'runs.summary': ({ run }) => approvalSummary(ws.db, run),
    'runs.reject': ({ run, comment }) => rejectRun(ws.db, run, actor(), comment),
    'runs.reverse': ({ run }) => reverseRun(ws.db, run, actor()),
    'runs.withdraw': ({ run, reason }) => withdrawRun(ws.db, run, actor(), reason),
  };
}
