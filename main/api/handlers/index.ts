import { writeAnchor } from '../../audit/anchor';
import { appendAudit } from '../../audit/log';
import type { Workspace } from '../../workspace';
import { type Api, createApi } from '../dispatch';
import type { MethodName } from '../methods';
import { ApiFailure } from '../result';
import { auditHandlers } from './audit';
import { controlHandlers } from './controls';
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

/** In the window and the web server, every other method (cancelling a call included) needs a signed-in profile. */
function signInFirst(ws: Workspace) {
  return (method: MethodName) => {
    if (!openMethods.has(method) && ws.requireSignIn && ws.role === null)
      throw new ApiFailure('signed_out', 'Sign in first');
  };
}

/**
 * The API over one open workspace: every feature area's handlers merged into one map. After
 * every call the audit chain's head is copied beside the workspace file (audit/anchor.ts).
 */
const refusals = new Set(['refused', 'forbidden']);

export function createWorkspaceApi(ws: Workspace): Api {
  const api = createApi(
    {
      ...workspaceHandlers(ws),
      ...dataHandlers(ws),
      ...demoHandlers(ws),
      ...importHandlers(ws),
      ...schemeHandlers(ws),
      ...runHandlers(ws),
      ...reviewHandlers(ws),
      ...controlHandlers(ws),
      ...sessionHandlers(ws),
      ...auditHandlers(ws),
      ...exportHandlers(ws),
    },
    signInFirst(ws),
  );
  const callByName: Api['callByName'] = async (method, args, options) => {
    const result = await api.callByName(method, args, options);
    // What the rules refused someone is part of the record, beside what they did (sign-in
    // failures are logged by sign-in itself).
    if (!result.ok && refusals.has(result.error.code) && !method.startsWith('session.')) {
      appendAudit(ws.db, {
        user: ws.user,
        action: 'action.refused',
        subject: method,
        after: { role: ws.role, reason: result.error.message },
      });
    }
    writeAnchor(ws.db, ws.dbPath);
    return result;
  };
  return { call: (method, args, options) => callByName(method, args, options) as never, callByName };
}
