import { isWorkspaceEmpty } from '../../demo/create';
import { schemaVersion } from '../../store/open';
import { setting, type Workspace } from '../../workspace';
import type { Handlers } from '../dispatch';

export function workspaceHandlers(ws: Workspace): Pick<Handlers, 'workspace.info'> {
  return {
    'workspace.info': () => ({
      dbPath: ws.dbPath,
      dataFolder: ws.dataFolder,
      currency: setting(ws.db, 'currency') ?? 'INR',
      locale: setting(ws.db, 'locale') ?? 'en-IN',
      user: ws.user,
      schemaVersion: schemaVersion(ws.db),
      appVersion: ws.appVersion,
      empty: isWorkspaceEmpty(ws.db),
      demoMonth: setting(ws.db, 'demo_month'),
    }),
  };
}
