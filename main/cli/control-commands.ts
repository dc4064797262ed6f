import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeNearMisses } from '../insights/near-miss-xlsx';
import { CliError, type Command, onlyArgument, unwrap } from './command';
import { runNumber, step } from './review-commands';

/** The controls over a run from a terminal: its flags, acknowledging breaches, and the thresholds. */
export const controlCommands: Record<string, Command> = {
  flags: {
    summary: "list a run's flags: anomaly signals with their evidence, and policy breaches with their acknowledgement",
    usage: 'flags RUN [--json]',
    async run({ api, args }) {
      const run = runNumber(args);
      const flags = unwrap(await api.call('review.flags', { run }));
      return { run, breaches: flags.filter((f) => f.blocking && !f.acknowledged).length, flags };
    },
  },
  acknowledge: {
    summary: "acknowledge a run's policy breaches with a reason, so it can be submitted (Preparer or Admin)",
    usage: 'acknowledge RUN --flag ID [--flag ID …] --reason TEXT --as USER',
    run: step('acknowledge', async ({ api, options }, run) => {
      const ids = (options.flag ?? []).map(Number);
      if (ids.length === 0 || ids.some((id) => !Number.isInteger(id) || id < 1) || !options.reason)
        throw new CliError('acknowledge needs --flag ID (one or more, from `flags RUN`) and --reason TEXT');
      const flags = unwrap(await api.call('review.acknowledge', { run, flags: ids, reason: options.reason }));
      return { run, breaches: flags.filter((f) => f.blocking && !f.acknowledged).length, flags };
    }),
  },
  claims: {
    summary:
      "import a distributor's claim file against a run and reconcile it (claimed vs computed, each difference explained), or show the last one",
    usage: 'claims import FILE --run RUN [--json] | claims show --run RUN [--json]',
    async run({ api, args, options }) {
      const [action, file] = args;
      const run = Number(options.run);
      if (!Number.isInteger(run) || run < 1) throw new CliError('claims needs --run RUN');
      if (action === 'import' && file)
        return unwrap(await api.call('review.importClaims', { run, path: resolve(file) }));
      if (action === 'show') return unwrap(await api.call('review.claims', { run }));
      throw new CliError('claims needs import FILE or show');
    },
  },
  insights: {
    summary:
      'what a scheme did: cost against budget, payees reached, achievement, incremental sales and ROI over a baseline, near misses (--near-miss-xlsx writes them for the sales team)',
    usage: 'insights SCHEME [--near-miss-xlsx FILE] [--json]',
    async run({ api, args, options }) {
      const insights = unwrap(await api.call('schemes.insights', { code: onlyArgument(args, 'scheme code') }));
      const file = options['near-miss-xlsx'];
      if (file) await writeNearMisses(resolve(file), insights);
      return insights;
    },
  },
  whatif: {
    summary:
      'what a scheme file would pay over a past period, against a second file or the saved scheme of its code; nothing is stored',
    usage: 'whatif FILE [--vs FILE] --from YYYY-MM-DD --to YYYY-MM-DD [--json]',
    async run({ api, args, options }) {
      if (!options.from || !options.to) throw new CliError('whatif needs --from YYYY-MM-DD and --to YYYY-MM-DD');
      const read = (file: string) => JSON.parse(readFileSync(resolve(file), 'utf8'));
      const definition = read(onlyArgument(args, 'scheme file'));
      const vs = options.vs === undefined ? undefined : read(options.vs);
      return unwrap(await api.call('schemes.whatif', { definition, vs, from: options.from, to: options.to }));
    },
  },
  controls: {
    summary: 'print the control thresholds, or save those a JSON file gives (the rest stay)',
    usage: 'controls show | controls set FILE [--as USER]',
    async run({ api, args }) {
      const [action] = args;
      if (action === 'show') return unwrap(await api.call('controls.settings', {}));
      if (action === 'set') {
        const settings = JSON.parse(readFileSync(resolve(onlyArgument(args.slice(1), 'file')), 'utf8'));
        return unwrap(await api.call('controls.save', { settings }));
      }
      throw new CliError(`controls needs show or set, not "${action ?? ''}"`);
    },
  },
};
