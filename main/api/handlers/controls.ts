import { basename } from 'node:path';
import { readClaimFile, runClaims, storeClaims } from '../../controls/claims';
import { acknowledgeFlags, runFlags } from '../../controls/flags';
import { controlSettings, saveControlSettings } from '../../controls/settings';
import { saveMoneyAndDates } from '../../settings/money-and-dates';
import { confinedPath, type Workspace } from '../../workspace';
import type { Handlers } from '../dispatch';
import { ApiFailure } from '../result';

type ControlHandlers = Pick<
  Handlers,
  | 'review.flags'
  | 'review.acknowledge'
  | 'review.claims'
  | 'review.importClaims'
  | 'controls.settings'
  | 'controls.save'
  | 'settings.save'
>;

/** The controls over runs: their flags, acknowledging breaches, and the thresholds (an Admin's to change). */
export function controlHandlers(ws: Workspace): ControlHandlers {
  return {
    'review.flags': ({ run }) => runFlags(ws.db, run),
    'review.acknowledge': (args) => acknowledgeFlags(ws.db, args, { name: ws.user, role: ws.role, id: ws.userId }),
    'review.claims': ({ run }) => runClaims(ws.db, run),
    'review.importClaims': async ({ run, path, name }) => {
      const file = confinedPath(ws, path, 'the claim file');
      return storeClaims(ws.db, run, name ?? basename(file), await readClaimFile(file), ws.user);
    },
    'controls.settings': () => controlSettings(ws.db),
    'controls.save': ({ settings }) => {
      if (ws.requireSignIn && ws.role !== 'admin')
        throw new ApiFailure('forbidden', 'Only an Admin changes the control thresholds');
      return saveControlSettings(ws.db, settings, ws.user);
    },
    'settings.save': (changes) => {
      if (ws.requireSignIn && ws.role !== 'admin')
        throw new ApiFailure('forbidden', "Only an Admin changes the workspace's currency and locale");
      return saveMoneyAndDates(ws.db, changes, ws.user);
    },
  };
}
