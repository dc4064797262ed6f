import { readFileSync } from 'node:fs';
import { type ExportFormatId, exportFormatIds } from '../exports/formats';
import { defaultProfileName } from '../exports/profiles';
import { CliError, type Command, callWithProgress, onlyArgument, unwrap } from './command';

/** Writing payout files, and the export profiles they are written with. */
export const exportCommands: Record<string, Command> = {
  export: {
    summary: 'write an approved run as a payout file (--draft: a preview of any run, marked DRAFT — NOT APPROVED)',
    usage: `export RUN --format ${exportFormatIds.join('|')} [--profile NAME] [--out PATH] [--draft] [--db PATH] [--json]`,
    async run({ api, args, options, json }) {
      const text = onlyArgument(args, 'run number');
      const run = Number(text);
      if (!Number.isInteger(run) || run < 1) throw new CliError(`"${text}" is not a run number`);
      const format = options.format as ExportFormatId | undefined;
      if (!format || !exportFormatIds.includes(format)) {
        throw new CliError(`export needs --format ${exportFormatIds.join('|')}`);
      }
      const result = unwrap(
        await callWithProgress(api, json, 'exports.run', {
          run,
          format,
          profile: options.profile ?? defaultProfileName,
          out: options.out,
          draft: options.draft,
        }),
      );
      return {
        run: result.run,
        format: result.format,
        profile: result.profile,
        draft: result.draft,
        status: result.status,
        controlTotal: result.controlTotal,
        runTotal: result.runTotal,
        files: result.files.map(({ path, rows, sha256, controlTotal }) => ({ path, rows, sha256, controlTotal })),
      };
    },
  },
  'export-profiles': {
    summary: 'list the export profiles, or save one from a JSON file (ledgers, accounts, company, narration, dates)',
    usage: 'export-profiles list | export-profiles save FILE.json [--db PATH] [--json]',
    async run({ api, args }) {
      const [action, file, ...rest] = args;
      if (rest.length > 0) throw new CliError(`unexpected argument "${rest[0]}"`);
      if (action === 'list') return { profiles: unwrap(await api.call('exports.profiles', {})).map((p) => p.profile) };
      if (action === 'save' && file) {
        let profile: unknown;
        try {
          profile = JSON.parse(readFileSync(file, 'utf8'));
        } catch (error) {
          throw new CliError(`${file} is not a readable JSON file: ${(error as Error).message}`);
        }
        return unwrap(await api.call('exports.saveProfile', { profile: profile as never }));
      }
      throw new CliError('export-profiles needs list, or save FILE.json');
    },
  },
};
