import type { parseArgs } from 'node:util';
import type { Args, MethodName, Result } from '../api/contract';
import type { Api } from '../api/dispatch';
import type { ApiResult } from '../api/result';

/** A mistake in how the command was called: exit code 2. */
export class CliError extends Error {}

/** Exit code 1: the command ran but refused its input (nothing imported, a step the workflow forbids). */
export class Refused extends Error {
  constructor(readonly output: unknown) {
    super('refused');
  }
}

export const optionSpec = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean' },
  as: { type: 'string' },
  pin: { type: 'string' },
  kind: { type: 'string' },
  sheet: { type: 'string' },
  mapping: { type: 'string' },
  set: { type: 'string', multiple: true },
  from: { type: 'string' },
  to: { type: 'string' },
  scheme: { type: 'string', multiple: true },
  payee: { type: 'string' },
  amount: { type: 'string' },
  reason: { type: 'string' },
  flag: { type: 'string', multiple: true },
  vs: { type: 'string' },
  run: { type: 'string' },
  'near-miss-xlsx': { type: 'string' },
  comment: { type: 'string' },
  format: { type: 'string' },
  profile: { type: 'string' },
  out: { type: 'string' },
  draft: { type: 'boolean', default: false },
  'valid-only': { type: 'boolean', default: false },
  'create-missing': { type: 'boolean', default: false },
  replace: { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
  map: { type: 'string', multiple: true },
  'date-order': { type: 'string' },
  'type-map': { type: 'string', multiple: true },
  round: { type: 'boolean', default: false },
  'skip-exact-repeats': { type: 'boolean', default: false },
  'fill-down': { type: 'boolean', default: false },
  'move-outlets': { type: 'boolean', default: false },
  'update-masters': { type: 'boolean', default: false },
  'any-dates': { type: 'boolean', default: false },
  'full-name': { type: 'string' },
  role: { type: 'string' },
  'new-pin': { type: 'string' },
} as const;
export type Options = ReturnType<typeof parseArgs<{ options: typeof optionSpec; allowPositionals: true }>>['values'];

export interface Invocation {
  api: Api;
  dbPath: string;
  json: boolean;
  args: string[];
  options: Options;
}

export interface Command {
  summary: string;
  usage: string;
  run(call: Invocation): Promise<unknown>;
}

export function onlyArgument(args: string[], what: string): string {
  if (args.length !== 1 || !args[0]) throw new CliError(`expected one ${what}, got ${args.length}`);
  return args[0];
}

export function unwrap<T>(result: ApiResult<T>, refusals: readonly string[] = ['refused', 'forbidden']): T {
  if (!result.ok) {
    // What the workflow or the data refuses is an answer, not a crash: exit 1 with the reason.
    if (refusals.includes(result.error.code)) throw new Refused({ error: result.error, problems: [] });
    throw new CliError(result.error.message);
  }
  return result.value;
}

/**
 * Calls a long API method with a progress line on the terminal (none under --json or when
 * stderr is not a terminal), cleared when the method answers.
 */
export async function callWithProgress<M extends MethodName>(
  api: Api,
  json: boolean,
  method: M,
  args: Args<M>,
): Promise<ApiResult<Result<M>>> {
  const drawn = !json && process.stderr.isTTY;
  const result = await api.call(method, args, {
    onProgress: drawn
      ? (p) => process.stderr.write(`\r${p.phase} ${p.total ? Math.floor((100 * p.done) / p.total) : 0}%\x1b[K`)
      : undefined,
  });
  if (drawn) process.stderr.write('\r\x1b[K');
  return result;
}
