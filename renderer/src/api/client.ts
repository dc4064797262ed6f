import type { Args, MethodName, Result } from '../../../main/api/contract';
import type { Progress } from '../../../main/api/progress';
import type { ApiResult } from '../../../main/api/result';

/**
 * The renderer's only way out: the typed API, over the Electron preload bridge when it is
 * there, otherwise over HTTP to the loopback server of `npm run web` (the token travels in the
 * HttpOnly cookie that the launch link set).
 */
interface Bridge {
  api: Record<string, (args: unknown, callId?: string) => Promise<ApiResult<unknown>>>;
  onProgress(listener: (event: { callId: string; progress: Progress }) => void): () => void;
  onMenu(listener: (command: 'import' | 'export') => void): () => void;
  pathForFile(file: File): string;
}

declare global {
  interface Window {
    schemedesk?: Bridge;
  }
}

type ProgressListener = (p: Progress) => void;
const progressListeners = new Map<string, ProgressListener>();
const dispatchProgress = (event: { callId: string; progress: Progress }) =>
  progressListeners.get(event.callId)?.(event.progress);

let subscribed = false;
function subscribeToProgress() {
  if (subscribed) return;
  subscribed = true;
  if (window.schemedesk) {
    window.schemedesk.onProgress(dispatchProgress);
    return;
  }
  const events = new EventSource('/api/events');
  events.onmessage = (message) => dispatchProgress(JSON.parse(message.data));
}

async function overHttp(method: string, args: unknown, callId: string): Promise<ApiResult<unknown>> {
  try {
    const response = await fetch(`/api/call/${encodeURIComponent(method)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ args, callId }),
    });
    if (response.status === 401) {
      return { ok: false, error: { code: 'forbidden', message: await response.text() } };
    }
    return (await response.json()) as ApiResult<unknown>;
  } catch (error) {
    const message = `SchemeDesk's server did not answer (${(error as Error).message}). Is \`npm run web\` still running?`;
    return { ok: false, error: { code: 'internal', message } };
  }
}

/** The desktop app's File menu; in a browser there is none, so this does nothing. */
export function onMenuCommand(listener: (command: 'import' | 'export') => void): () => void {
  return window.schemedesk?.onMenu(listener) ?? (() => {});
}

/**
 * A file the user dropped or picked, as a path the importer can read: in the desktop app the
 * file's own path; in a browser its bytes are uploaded into the workspace's folder first.
 */
export async function stageFile(file: File): Promise<{ path: string; name: string }> {
  if (window.schemedesk) return { path: window.schemedesk.pathForFile(file), name: file.name };
  const response = await fetch(`/api/upload?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    credentials: 'same-origin',
    body: file,
  });
  const result = (await response.json()) as ApiResult<{ path: string; name: string }>;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** A link to download a file SchemeDesk wrote, where a browser can follow one; null in the desktop app. */
export function downloadUrl(path: string): string | null {
  return window.schemedesk ? null : `/api/download?path=${encodeURIComponent(path)}`;
}

/** A call's id, random so no other page can guess it to cancel the call. */
export const newCallId = () => crypto.randomUUID();

export async function call<M extends MethodName>(
  method: M,
  args: Args<M>,
  options: { onProgress?: ProgressListener; callId?: string } = {},
): Promise<ApiResult<Result<M>>> {
  const callId = options.callId ?? newCallId();
  if (options.onProgress) {
    subscribeToProgress();
    progressListeners.set(callId, options.onProgress);
  }
  try {
    const bridge = window.schemedesk;
    const result = bridge ? await bridge.api[method]?.(args, callId) : await overHttp(method, args, callId);
    return (result ?? { ok: false, error: { code: 'unknown_method', message: method } }) as ApiResult<Result<M>>;
  } finally {
    progressListeners.delete(callId);
  }
}
