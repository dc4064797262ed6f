import { listAudit } from '../../audit/log';
import { verifyWorkspace } from '../../audit/verify';
import type { Workspace } from '../../workspace';
import type { Handlers } from '../dispatch';

export function auditHandlers(ws: Workspace): Pick<Handlers, 'audit.list' | 'audit.verify'> {
  return {
    'audit.list': (q) => listAudit(ws.db, q),
    'audit.verify': () => verifyWorkspace(ws.db, ws.dbPath),
  };
}
