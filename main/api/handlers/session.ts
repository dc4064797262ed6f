import { createUser, findUser, listUsers, UserError, updateUser } from '../../users/profiles';
import { signIn } from '../../users/sign-in';
import { currentOsUser, type Workspace } from '../../workspace';
import type { Handlers } from '../dispatch';
import { ApiFailure } from '../result';

type SessionHandlers = Pick<
  Handlers,
  'session.current' | 'session.signIn' | 'session.signOut' | 'users.list' | 'users.create' | 'users.update'
>;

/**
 * Sign-in for the window's session (one per app or web-server launch), with a lockout per
 * profile that grows with each wrong PIN (users/sign-in.ts).
 */
export function sessionHandlers(ws: Workspace): SessionHandlers {
  return {
    'session.current': () => ({
      user: ws.role === null ? null : findUser(ws.db, ws.user),
      users: listUsers(ws.db).filter((u) => u.active),
    }),
    'session.signIn': ({ name, pin }) => {
      try {
        const profile = signIn(ws.db, name, pin);
        ws.user = profile.name;
        ws.role = profile.role;
        ws.userId = profile.id;
        return profile;
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        throw new ApiFailure('refused', error.message);
      }
    },
    'session.signOut': () => {
      const signedOut = ws.role !== null;
      ws.user = currentOsUser();
      ws.role = null;
      ws.userId = null;
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
