import { listAudit, verifyAudit } from '../../audit/log';
import type { Workspace } from '../../workspace';
import type { Handlers } from '../dispatch';

export function auditHandlers(ws: Workspace): Pick<Handlers, 'audit.list' | 'audit.verify'> {
  return {
    'audit.list': (q) => listAudit(ws.db, q),
    'audit.verify': () => verifyAudit(ws.db),
  };
}
