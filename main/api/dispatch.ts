import { type Args, contract, isMethodName, type MethodName, type ParsedArgs, type Result } from './contract';
import { toApiError, validationError } from './errors';
import type { Progress } from './progress';
import { ApiFailure, type ApiResult } from './result';

export interface CallContext {
  progress(p: Progress): void;
  signal: AbortSignal;
}

export type Handlers = {
  [M in MethodName]: (args: ParsedArgs<M>, ctx: CallContext) => Promise<Result<M>> | Result<M>;
};

export interface CallOptions {
  /** Chosen by the caller so it can match progress events and ask for a cancel. */
  callId?: string;
  onProgress?: (p: Progress) => void;
}

export interface Api {
  call<M extends MethodName>(method: M, args: Args<M>, options?: CallOptions): Promise<ApiResult<Result<M>>>;
  /** The same, for a method name that arrived as text from a transport. */
  callByName(method: string, args: unknown, options?: CallOptions): Promise<ApiResult<unknown>>;
}

/**
 * Validates arguments against the contract, runs the handler, and turns every outcome —
 * including a bug — into an ApiResult, so no transport ever sees an exception.
 */
export function createApi(
  handlers: Omit<Handlers, 'calls.cancel'>,
  /** Throws to refuse a method before its arguments are even read (say, before anyone has signed in). */
  guard: (method: MethodName) => void = () => {},
): Api {
  const running = new Map<string, AbortController>();
  const all: Handlers = {
    ...handlers,
    'calls.cancel': ({ callId }) => {
      const controller = running.get(callId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },
  };

  async function callByName(method: string, args: unknown, options: CallOptions = {}): Promise<ApiResult<unknown>> {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `There is no API method "${method}"` } };
    }
    try {
      guard(method);
    } catch (error) {
      return { ok: false, error: toApiError(error) };
    }
    const parsed = contract[method].args.safeParse(args ?? {});
    if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
    const controller = new AbortController();
    if (options.callId) running.set(options.callId, controller);
    try {
      const handler = all[method] as (a: unknown, c: CallContext) => unknown;
      const value = await handler(parsed.data, {
        progress: (p) => options.onProgress?.(p),
        signal: controller.signal,
      });
      if (controller.signal.aborted) throw new ApiFailure('cancelled', 'Cancelled; nothing was changed.');
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toApiError(error) };
    } finally {
      if (options.callId) running.delete(options.callId);
    }
  }

  return {
    call: (method, args, options) => callByName(method, args, options) as never,
    callByName,
  };
}
