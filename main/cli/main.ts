import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createWorkspaceApi } from '../api/handlers';
import { datasetKinds } from '../datasets/kinds';
import { dateOrderNames } from '../import/dates';
import { parseTypeMap } from '../import/doc-types';
import { defaultWorkspacePath } from '../paths';
import { schemeJsonSchema } from '../schemes/store';
import { findUser, vouchedFor } from '../users/profiles';
import { signIn } from '../users/sign-in';
import { openWorkspaceSession, type Workspace } from '../workspace';
import { CliError, type Command, callWithProgress, onlyArgument, optionSpec, Refused, unwrap } from './command';
import { controlCommands } from './control-commands';
import { exportCommands } from './export-commands';
import { reviewCommands } from './review-commands';
import { userCommands } from './user-commands';

/**
 * `schemedesk <command>` (or `npm run cli -- <command>`): the same API handlers as the window,
 * for scripts and for people who live in a terminal.
 */
function pairsFrom(pairs: readonly string[] | undefined, flag: string, shape: string): Record<string, string> {
  return Object.fromEntries(
    (pairs ?? []).map((pair) => {
      const at = pair.indexOf('=');
      if (at < 1) throw new CliError(`${flag} takes ${shape}, not "${pair}"`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

/**
 * `--as USER`: act as that profile. Whoever runs the CLI can open the workspace file directly,
 * so the PIN is checked only when given (`--pin` or SCHEMEDESK_PIN); the window always asks.
 */
function actAs(workspace: Workspace, name: string | undefined, pin: string | undefined) {
  if (!name) return;
  const profile = pin === undefined ? findUser(workspace.db, name) : signIn(workspace.db, name, pin);
  if (!profile) throw new CliError(`there is no user "${name}" in this workspace`);
  if (!profile.active) throw new CliError(`${profile.name} has been deactivated`);
  // A sign-in has asked the chain already; without a PIN it is asked here.
  if (pin === undefined) vouchedFor(workspace.db, profile.id);
  workspace.user = profile.name;
  workspace.role = profile.role;
  workspace.userId = profile.id;
}

const commands: Record<string, Command> = {
  demo: {
    summary: 'create the demo workspace (a month of distribution data) in an empty database',
    usage: 'demo [--db PATH] [--json]',
    async run({ api, dbPath, json, args }) {
      if (args.length > 0) throw new CliError(`unexpected argument "${args[0]}" for demo`);
      const result = unwrap(await callWithProgress(api, json, 'demo.create', {}));
      return { db: dbPath, tables: result.tables };
    },
  },
  info: {
    summary: 'show the workspace file, its schema version and the row count of every dataset',
    usage: 'info [--db PATH] [--json]',
    async run({ api, args }) {
      if (args.length > 0) throw new CliError(`unexpected argument "${args[0]}" for info`);
      const info = unwrap(await api.call('workspace.info', {}));
      const datasets = unwrap(await api.call('data.datasets', {}));
      return { ...info, tables: Object.fromEntries(datasets.map((d) => [d.kind, d.rows])) };
    },
  },
  import: {
    summary: 'import an ERP export (xlsx, csv/tsv/txt, HTML or XML "xls", Tally XML, binary xls via LibreOffice)',
    usage:
      'import FILE --kind KIND [--sheet NAME] [--mapping NAME] [--map FIELD=HEADER ... (FIELD= leaves a field out)] [--set FIELD=VALUE ...] [--date-order dmy|mdy|ymd] [--type-map "TYPE=invoice|credit_note|skip|receipt" ... ("RINV/*=credit_note": documents by their numbers)] [--round] [--skip-exact-repeats] [--fill-down (a blank date, party or outlet is the one above it)] [--move-outlets] [--update-masters] [--any-dates] [--valid-only] [--create-missing] [--replace] [--dry-run]',
    async run({ api, args, options, json }) {
      const path = resolve(onlyArgument(args, 'file'));
      if (!options.kind) throw new CliError(`--kind is required: one of ${datasetKinds.join(', ')}`);
      const order = options['date-order'];
      if (order !== undefined && !(order in dateOrderNames))
        throw new CliError(`--date-order takes dmy, mdy or ymd, not "${order}"`);
      let typeMap: ReturnType<typeof parseTypeMap>;
      try {
        typeMap = parseTypeMap(options['type-map'] ?? []);
      } catch (error) {
        throw new CliError(`--type-map: ${(error as Error).message}`);
      }
      const result = await callWithProgress(api, json, 'import.run', {
        path,
        kind: options.kind as (typeof datasetKinds)[number],
        sheet: options.sheet,
        mappingName: options.mapping,
        map: pairsFrom(options.map, '--map', 'FIELD=HEADER'),
        defaults: pairsFrom(options.set, '--set', 'FIELD=VALUE'),
        dateOrder: order as keyof typeof dateOrderNames | undefined,
        typeMap,
        round: options.round,
        skipExactRepeats: options['skip-exact-repeats'],
        fillDown: options['fill-down'],
        moveOutlets: options['move-outlets'],
        updateMasters: options['update-masters'],
        anyDates: options['any-dates'],
        validOnly: options['valid-only'],
        createMissing: options['create-missing'],
        replace: options.replace,
        dryRun: options['dry-run'],
      });
      // A file the import refuses (a choice to make, a column missing) is an answer: exit 1.
      const r = unwrap(result, ['refused', 'forbidden', 'validation', 'conflict']);
      const output = {
        batch: r.batch,
        rows: r.rows,
        rejected: r.rejected,
        dateRange: r.dateRange,
        totals: r.totals,
        errors: r.errors.map(({ row, column, value, message }) => ({ row, column, value, message })),
        ...(r.errorCount > r.errors.length ? { errorsNotListed: r.errorCount - r.errors.length } : {}),
        created: r.created,
        skipped: r.skipped,
        skippedSummary: r.skippedSummary,
        warnings: r.warnings,
        movedOutlets: r.movedOutlets,
        updatedMasters: r.updatedMasters,
        decisions: r.decisions.map((d) => d.decision),
        rejectsFile: r.rejectsFile,
        file: r.file,
        sheet: r.sheet,
        seconds: r.seconds,
      };
      const nothing = r.rows === 0 && r.updatedMasters.length === 0;
      if (r.batch === null && (!r.dryRun || r.rejected > 0 || nothing))
        throw new Refused({
          ...output,
          error: {
            code: 'validation',
            // With no row refused, what was read and left out is the answer.
            message:
              r.rejected === 0 && nothing
                ? `${r.file}: nothing was imported: every row read is left out${r.skippedSummary ? ` (${r.skippedSummary})` : ''}`
                : `${r.file}: nothing was imported; every problem is listed`,
          },
          problems: output.errors,
        });
      return output;
    },
  },
  schemes: {
    summary: 'add (a new version), list, validate or retire schemes; print the JSON Schema of a scheme file',
    usage: 'schemes add FILE | schemes list | schemes validate FILE | schemes retire CODE | schemes schema',
    async run({ api, args }) {
      const [action] = args;
      const definition = () => JSON.parse(readFileSync(resolve(onlyArgument(args.slice(1), 'file')), 'utf8'));
      switch (action) {
        case 'add':
          return unwrap(await api.call('schemes.save', { definition: definition() }));
        case 'list':
          return { schemes: unwrap(await api.call('schemes.list', {})) };
        case 'validate': {
          const { problems } = unwrap(await api.call('schemes.validate', { definition: definition() }));
          if (problems.length > 0) throw new Refused({ valid: false, problems });
          return { valid: true, problems };
        }
        case 'retire':
          return unwrap(await api.call('schemes.retire', { code: onlyArgument(args.slice(1), 'scheme code') }));
        case 'schema':
          // The JSON Schema is JSON whether or not --json is given.
          console.log(JSON.stringify(schemeJsonSchema(), null, 2));
          return undefined;
        default:
          throw new CliError(`schemes needs add, list, validate, retire or schema, not "${action ?? ''}"`);
      }
    },
  },
  run: {
    summary: 'calculate a run: every active scheme overlapping the period (or the --scheme ones)',
    usage: 'run --from YYYY-MM-DD --to YYYY-MM-DD [--scheme CODE ...] [--db PATH] [--json]',
    async run({ api, args, options, json }) {
      if (args.length > 0) throw new CliError(`unexpected argument "${args[0]}" for run`);
      if (!options.from || !options.to) throw new CliError('run needs --from YYYY-MM-DD and --to YYYY-MM-DD');
      const summary = unwrap(
        await callWithProgress(api, json, 'runs.create', {
          from: options.from,
          to: options.to,
          schemes: options.scheme ?? [],
        }),
      );
      return {
        run: summary.run,
        lines: summary.lines,
        total: summary.total,
        schemes: summary.schemes,
        notices: summary.notices,
        seconds: summary.seconds,
      };
    },
  },
  batches: {
    summary: 'list the import batches of the workspace',
    usage: 'batches [--db PATH] [--json]',
    async run({ api }) {
      return { batches: unwrap(await api.call('import.batches', {})) };
    },
  },
  ...reviewCommands,
  ...controlCommands,
  ...exportCommands,
  ...userCommands,
  rollback: {
    summary: 'remove every row an import batch brought in (the batch stays in the history)',
    usage: 'rollback BATCH [--db PATH] [--json]',
    async run({ api, args }) {
      const batch = Number(onlyArgument(args, 'batch number'));
      if (!Number.isInteger(batch) || batch < 1) throw new CliError(`"${args[0]}" is not a batch number`);
      return unwrap(await api.call('import.rollback', { batch }));
    },
  },
};

function help(): string {
  const lines = Object.values(commands).map((c) => `  ${c.usage}\n      ${c.summary}`);
  return [
    'Usage: schemedesk <command> [options]   (from a checkout: npm run cli -- <command> [options])',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    `  --db PATH   the workspace database (default ${defaultWorkspacePath()})`,
    '  --as USER   act as this user profile (its role decides what is allowed)',
    '  --pin PIN   check the PIN of --as USER too (or set SCHEMEDESK_PIN)',
    '  --json      print machine-readable JSON on stdout',
    '  --help      this text',
  ].join('\n');
}

function print(value: unknown, json: boolean) {
  if (value === undefined) return;
  if (json) {
    console.log(JSON.stringify(value));
    return;
  }
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    console.log(`${key}: ${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`);
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: optionSpec });
  const name = positionals[0];
  if (values.help || name === undefined || name === 'help') {
    console.log(help());
    return name === undefined && !values.help ? 1 : 0;
  }
  const command = commands[name];
  if (!command) throw new CliError(`unknown command "${name}"; run with --help to see the commands`);
  const dbPath = values.db ?? defaultWorkspacePath();
  const workspace = await openWorkspaceSession(dbPath);
  try {
    actAs(workspace, values.as, values.pin ?? process.env.SCHEMEDESK_PIN);
    const call = {
      api: createWorkspaceApi(workspace),
      dbPath,
      json: values.json,
      args: positionals.slice(1),
      options: values,
    };
    print(await command.run(call), values.json);
    return 0;
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    const refusal = (error.output as { error?: { message: string } }).error;
    if (refusal && !values.json) console.error(`schemedesk: ${refusal.message}`);
    else print(error.output, values.json);
    return 1;
  } finally {
    workspace.db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    console.error(`schemedesk: ${error.message.split('\n')[0]}`);
    process.exitCode = 2;
  },
);
