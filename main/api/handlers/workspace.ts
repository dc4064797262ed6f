import { isWorkspaceEmpty } from '../../demo/create';
import { moneyAndDates } from '../../settings/money-and-dates';
import { schemaVersion } from '../../store/open';
import { setting, type Workspace } from '../../workspace';
import type { Handlers } from '../dispatch';

export function workspaceHandlers(ws: Workspace): Pick<Handlers, 'workspace.info'> {
  return {
    'workspace.info': () => ({
      dbPath: ws.dbPath,
      dataFolder: ws.dataFolder,
      ...moneyAndDates(ws.db),
      user: ws.user,
      schemaVersion: schemaVersion(ws.db),
      appVersion: ws.appVersion,
      empty: isWorkspaceEmpty(ws.db),
      demoMonth: setting(ws.db, 'demo_month'),
    }),
  };
}
