import { authenticate, createUser, findUser, listUsers, UserError, updateUser } from '../../users/profiles';
import { currentOsUser, type Workspace } from '../../workspace';
import type { Handlers } from '../dispatch';
import { ApiFailure } from '../result';

type SessionHandlers = Pick<
  Handlers,
  'session.current' | 'session.signIn' | 'session.signOut' | 'users.list' | 'users.create' | 'users.update'
>;

/** Wrong PINs in a row before sign-in pauses, and for how long. */
const maxFailures = 5;
const pauseMs = 30_000;

/**
 * Sign-in for the window's session (one per app or web-server launch). After five wrong PINs
 * in a row sign-in pauses for 30 seconds, so a four-digit PIN cannot simply be run through.
 */
export function sessionHandlers(ws: Workspace): SessionHandlers {
  let failures = 0;
  let pausedUntil = 0;
  return {
    'session.current': () => ({
      user: ws.role === null ? null : findUser(ws.db, ws.user),
      users: listUsers(ws.db).filter((u) => u.active),
    }),
    'session.signIn': ({ name, pin }) => {
      const wait = pausedUntil - Date.now();
      if (wait > 0) throw new ApiFailure('refused', `Too many wrong PINs; try again in ${Math.ceil(wait / 1000)} s`);
      try {
        const profile = authenticate(ws.db, name, pin);
        failures = 0;
        ws.user = profile.name;
        ws.role = profile.role;
        return profile;
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        failures += 1;
        if (failures >= maxFailures) {
          failures = 0;
          pausedUntil = Date.now() + pauseMs;
        }
        throw new ApiFailure('refused', error.message);
      }
    },
    'session.signOut': () => {
      const signedOut = ws.role !== null;
      ws.user = currentOsUser();
      ws.role = null;
      return { signedOut };
    },
    'users.list': () => listUsers(ws.db),
    'users.create': (args) => {
      // The very first profile of a workspace is its Admin; after that only an Admin adds people.
      const first = listUsers(ws.db).length === 0;
      if (first && args.role !== 'admin') throw new ApiFailure('refused', "A workspace's first user is its Admin");
      if (!first && ws.role !== 'admin') throw new ApiFailure('forbidden', 'Only an Admin adds users');
      return createUser(ws.db, args, first ? args.name : ws.user);
    },
    'users.update': ({ name, ...change }) => {
      if (ws.role !== 'admin') throw new ApiFailure('forbidden', 'Only an Admin changes users');
      return updateUser(ws.db, name, change, ws.user);
    },
  };
}
