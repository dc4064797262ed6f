import { parseArgs } from 'node:util';
import type { Api } from '../api/dispatch';
import { createWorkspaceApi } from '../api/handlers';
import type { ApiResult } from '../api/result';
import { defaultWorkspacePath } from '../paths';
import { openWorkspaceSession } from '../workspace';

/**
 * `schemedesk <command>` (or `npm run cli -- <command>`): the same API handlers as the window,
 * for scripts and for people who live in a terminal.
 */
class CliError extends Error {}

interface Command {
  summary: string;
  usage: string;
  run(api: Api, dbPath: string, json: boolean): Promise<unknown>;
}

function unwrap<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new CliError(result.error.message);
  return result.value;
}

const showProgress = (json: boolean) =>
  json || !process.stderr.isTTY
    ? undefined
    : (p: { phase: string; done: number; total: number }) =>
        process.stderr.write(`\r${p.phase} ${p.total ? Math.floor((100 * p.done) / p.total) : 0}%\x1b[K`);

const commands: Record<string, Command> = {
  demo: {
    summary: 'create the demo workspace (a month of distribution data) in an empty database',
    usage: 'demo [--db PATH] [--json]',
    async run(api, dbPath, json) {
      const result = unwrap(await api.call('demo.create', {}, { onProgress: showProgress(json) }));
      if (!json) process.stderr.write('\r\x1b[K');
      return { db: dbPath, tables: result.tables };
    },
  },
  info: {
    summary: 'show the workspace file, its schema version and the row count of every dataset',
    usage: 'info [--db PATH] [--json]',
    async run(api) {
      const info = unwrap(await api.call('workspace.info', {}));
      const datasets = unwrap(await api.call('data.datasets', {}));
      return { ...info, tables: Object.fromEntries(datasets.map((d) => [d.kind, d.rows])) };
    },
  },
};

function help(): string {
  const lines = Object.values(commands).map((c) => `  ${c.usage.padEnd(32)} ${c.summary}`);
  return [
    'Usage: schemedesk <command> [options]   (from a checkout: npm run cli -- <command> [options])',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    `  --db PATH   the workspace database (default ${defaultWorkspacePath()})`,
    '  --json      print machine-readable JSON on stdout',
    '  --help      this text',
  ].join('\n');
}

function print(value: unknown, json: boolean) {
  if (json) {
    console.log(JSON.stringify(value));
    return;
  }
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    console.log(`${key}: ${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`);
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { db: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean' } },
  });
  const name = positionals[0];
  if (values.help || name === undefined || name === 'help') {
    console.log(help());
    return name === undefined && !values.help ? 1 : 0;
  }
  const command = commands[name];
  if (!command) throw new CliError(`unknown command "${name}"; run with --help to see the commands`);
  if (positionals.length > 1) throw new CliError(`unexpected argument "${positionals[1]}" for ${name}`);
  const dbPath = values.db ?? defaultWorkspacePath();
  const workspace = await openWorkspaceSession(dbPath);
  try {
    print(await command.run(createWorkspaceApi(workspace), dbPath, values.json), values.json);
    return 0;
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
