import { dayEnd, dayStart } from '../format/days';
import { CliError, type Command, type Invocation, onlyArgument, Refused, unwrap } from './command';

/**
 * The review and approval workflow from a terminal: each command acts as `--as USER` and is
 * refused (exit code 1, with the reason) exactly where the window would refuse it.
 */
export function runNumber(args: string[]): number {
  const text = onlyArgument(args, 'run number');
  const run = Number(text);
  if (!Number.isInteger(run) || run < 1) throw new CliError(`"${text}" is not a run number`);
  return run;
}

function needsProfile(call: Invocation, command: string) {
  if (!call.options.as) throw new CliError(`${command} needs --as USER: the profile it is done as`);
}

export const step =
  (command: string, take: (call: Invocation, run: number) => Promise<unknown>): Command['run'] =>
  async (call) => {
    needsProfile(call, command);
    return take(call, runNumber(call.args));
  };

export const reviewCommands: Record<string, Command> = {
  override: {
    summary: 'set the final amount of a payout line, with a reason (the run must be calculated or rejected)',
    usage: 'override RUN --payee CODE --scheme CODE --amount X --reason TEXT --as USER',
    run: step('override', async ({ api, options }, run) => {
      const { payee, amount, reason } = options;
      const scheme = options.scheme?.[0];
      if (!payee || !scheme || amount === undefined || reason === undefined) {
        throw new CliError('override needs --payee CODE --scheme CODE --amount X --reason TEXT');
      }
      const lines = unwrap(
        await api.call('review.lines', {
          run,
          startRow: 0,
          endRow: 10,
          filterModel: {
            payee: { filterType: 'text', type: 'equals', filter: payee },
            scheme: { filterType: 'text', type: 'equals', filter: scheme },
            kind: { filterType: 'text', type: 'equals', filter: 'payout' },
          },
        }),
      );
      const line = lines.rows[0];
      if (!line)
        throw new Refused({
          error: { code: 'not_found', message: `Run ${run} pays ${payee} nothing under ${scheme}` },
        });
      const result = unwrap(
        await api.call('review.override', { run, lines: [Number(line.id)], change: { mode: 'set', amount }, reason }),
      );
      return { ...result, payee: line.payee, scheme: line.scheme, computed: line.calculated, final: amount };
    }),
  },
  submit: {
    summary: 'submit a calculated run for approval',
    usage: 'submit RUN --as USER',
    run: step('submit', async ({ api }, run) => unwrap(await api.call('runs.submit', { run }))),
  },
  approve: {
    summary: 'approve a submitted run (Approver role; not the person who prepared or submitted it)',
    usage: 'approve RUN [--comment TEXT] --as USER',
    run: step('approve', async ({ api, options }, run) =>
      unwrap(await api.call('runs.approve', { run, comment: options.comment })),
    ),
  },
  summary: {
    summary:
      'what to read before submitting or approving: the run against the previous period, overrides, flags, largest changes',
    usage: 'summary RUN [--json]',
    run: async ({ api, args }) => unwrap(await api.call('runs.summary', { run: runNumber(args) })),
  },
  reject: {
    summary: 'send a submitted run back to its preparer with a comment',
    usage: 'reject RUN --comment TEXT --as USER',
    run: step('reject', async ({ api, options }, run) => {
      if (!options.comment) throw new CliError('reject needs --comment TEXT: what the preparer should fix');
      return unwrap(await api.call('runs.reject', { run, comment: options.comment }));
    }),
  },
  withdraw: {
    summary: 'take a submitted run back to correct it, before anyone approves it (Preparer role)',
    usage: 'withdraw RUN --reason TEXT --as USER',
    run: step('withdraw', async ({ api, options }, run) => {
      if (!options.reason) throw new CliError('withdraw needs --reason TEXT: why the run is taken back');
      return unwrap(await api.call('runs.withdraw', { run, reason: options.reason }));
    }),
  },
  reverse: {
    summary: 'undo an approved run with a reversing run (which then needs its own approval)',
    usage: 'reverse RUN --as USER',
    run: step('reverse', async ({ api }, run) => unwrap(await api.call('runs.reverse', { run }))),
  },
  audit: {
    summary: 'check the audit log hash chain (exit code 1 when broken), or list its newest entries',
    usage: 'audit verify | audit list [--from YYYY-MM-DD] [--to YYYY-MM-DD]',
    async run({ api, args, options }) {
      const [action] = args;
      if (action === 'verify') {
        const verdict = unwrap(await api.call('audit.verify', {}));
        if (!verdict.ok) throw new Refused(verdict);
        return verdict;
      }
      if (action === 'list') {
        const { entries, total } = unwrap(
          await api.call('audit.list', {
            from: options.from === undefined ? undefined : dayStart(options.from),
            to: options.to === undefined ? undefined : dayEnd(options.to),
            limit: 5000,
          }),
        );
        return { total, entries };
      }
      throw new CliError(`audit needs verify or list, not "${action ?? ''}"`);
    },
  },
};
