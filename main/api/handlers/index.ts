import { writeAnchor } from '../../audit/anchor';
import type { Workspace } from '../../workspace';
import { type Api, createApi, type Handlers } from '../dispatch';
import type { MethodName } from '../methods';
import { ApiFailure } from '../result';
import { auditHandlers } from './audit';
import { dataHandlers } from './data';
import { demoHandlers } from './demo';
import { exportHandlers } from './exports';
import { importHandlers } from './imports';
import { reviewHandlers } from './review';
import { runHandlers } from './runs';
import { schemeHandlers } from './schemes';
import { sessionHandlers } from './session';
import { workspaceHandlers } from './workspace';

/** What a window may call before anyone signs in: enough to sign in, or to set up a new workspace. */
const openMethods = new Set<MethodName>([
  'workspace.info',
  'demo.create',
  'session.current',
  'session.signIn',
  'session.signOut',
  'users.create',
]);

type OwnHandlers = Omit<Handlers, 'calls.cancel'>;

/** In the window and the web server, every other method needs a signed-in profile. */
function signInFirst(ws: Workspace, handlers: OwnHandlers): OwnHandlers {
  const gated = { ...handlers } as Record<string, (args: unknown, ctx: unknown) => unknown>;
  for (const [name, handler] of Object.entries(gated)) {
    if (openMethods.has(name as MethodName)) continue;
    gated[name] = (args, ctx) => {
      if (ws.requireSignIn && ws.role === null) throw new ApiFailure('signed_out', 'Sign in first');
      return handler(args, ctx);
    };
  }
  return gated as unknown as OwnHandlers;
}

/**
 * The API over one open workspace: every feature area's handlers merged into one map. After
 * every call the audit chain's head is copied beside the workspace file (audit/anchor.ts).
 */
export function createWorkspaceApi(ws: Workspace): Api {
  const api = createApi(
    signInFirst(ws, {
      ...workspaceHandlers(ws),
      ...dataHandlers(ws),
      ...demoHandlers(ws),
      ...importHandlers(ws),
      ...schemeHandlers(ws),
      ...runHandlers(ws),
      ...reviewHandlers(ws),
      ...sessionHandlers(ws),
      ...auditHandlers(ws),
      ...exportHandlers(ws),
    }),
  );
  const callByName: Api['callByName'] = async (method, args, options) => {
    const result = await api.callByName(method, args, options);
    writeAnchor(ws.db, ws.dbPath);
    return result;
  };
  return { call: (method, args, options) => callByName(method, args, options) as never, callByName };
}
