import { listLayouts, saveLayout } from '../../review/layouts';
import { reviewGroups, reviewLines } from '../../review/lines';
import { overrideEach, overrideLines } from '../../review/overrides';
import { lineTrace, sourceRows } from '../../review/trace';
import type { Workspace } from '../../workspace';
import type { Handlers } from '../dispatch';

type ReviewHandlers = Pick<
  Handlers,
  | 'review.lines'
  | 'review.groups'
  | 'review.trace'
  | 'review.sources'
  | 'review.override'
  | 'review.overrideEach'
  | 'layouts.list'
  | 'layouts.save'
>;

export function reviewHandlers(ws: Workspace): ReviewHandlers {
  return {
    'review.lines': (q) => reviewLines(ws.db, q),
    'review.groups': (q) => reviewGroups(ws.db, q),
    'review.trace': ({ line }) => lineTrace(ws.db, line),
    'review.sources': ({ line, offset, limit }) => sourceRows(ws.db, line, offset, limit),
    'review.override': (args) => overrideLines(ws.db, args, { name: ws.user, role: ws.role }),
    'review.overrideEach': (args) => overrideEach(ws.db, args, { name: ws.user, role: ws.role }),
    'layouts.list': ({ grid }) => listLayouts(ws.db, grid),
    'layouts.save': ({ grid, name, state }) => {
      saveLayout(ws.db, grid, name, state, ws.user);
      return { name };
    },
  };
}
