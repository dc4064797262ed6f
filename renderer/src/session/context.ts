import { createContext, useContext } from 'react';
import type { UserProfile } from '../../../main/users/profiles';

export interface Session {
  user: UserProfile;
  signOut(): void;
}

/** Who is signed in; every screen below the sign-in screen has one. */
export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a SessionContext');
  return session;
}

export const roleLabel: Record<UserProfile['role'], string> = {
  preparer: 'Preparer',
  approver: 'Approver',
  admin: 'Admin',
};
