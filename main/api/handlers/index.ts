import type { Workspace } from '../../workspace';
import { type Api, createApi } from '../dispatch';
import { dataHandlers } from './data';
import { demoHandlers } from './demo';
import { importHandlers } from './imports';
import { schemeHandlers } from './schemes';
import { workspaceHandlers } from './workspace';

/** The API over one open workspace: every feature area's handlers merged into one map. */
export function createWorkspaceApi(ws: Workspace): Api {
  return createApi({
    ...workspaceHandlers(ws),
    ...dataHandlers(ws),
    ...demoHandlers(ws),
    ...importHandlers(ws),
    ...schemeHandlers(ws),
  });
}
