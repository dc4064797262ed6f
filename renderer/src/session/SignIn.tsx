import { type FormEvent, useEffect, useState } from 'react';
import type { SessionInfo } from '../../../main/api/contract';
import type { UserProfile } from '../../../main/users/profiles';
import { call } from '../api/client';
import { InlineError } from '../components/InlineError';
import { roleLabel } from './context';

/**
 * Sign-in on launch: pick your profile, type your PIN. A workspace without profiles (one made
 * before profiles existed, or filled only from the CLI) first gets its Admin here.
 */
export function SignIn({ demo, onSignedIn }: { demo: boolean; onSignedIn: (user: UserProfile) => void }) {
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [name, setName] = useState('');
  const [fullName, setFullName] = useState('');
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void call('session.current', {}).then((r) => {
      if (!r.ok) return setProblem(r.error.message);
      // Nobody is preselected: on a shared machine the last user's name must not invite a wrong sign-in.
      setSession(r.value);
    });
  }, []);

  const firstUser = session !== null && session.users.length === 0;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    if (firstUser) {
      const created = await call('users.create', { name, fullName, role: 'admin', pin });
      if (!created.ok) {
        setBusy(false);
        return setProblem(created.error.message);
      }
    }
    const result = await call('session.signIn', { name, pin });
    setBusy(false);
    if (result.ok) onSignedIn(result.value);
    else {
      setProblem(result.error.message);
      setPin('');
    }
  };

  if (!session) return <div className="splash">{problem ?? 'Opening the workspace…'}</div>;
  return (
    <div className="sign-in">
      <form className="sign-in-card" onSubmit={(e) => void submit(e)}>
        <div className="brand">
          <img src="./icon.svg" alt="" width={32} height={32} />
          <span>SchemeDesk</span>
        </div>
        <h1>{firstUser ? 'Create the Admin profile' : 'Sign in'}</h1>
        <p className="muted">
          {firstUser
            ? 'This workspace has no user profiles yet. The first one is its Admin, who adds everyone else.'
            : 'Every import, override and approval is recorded under your name.'}
        </p>
        {firstUser ? (
          <>
            <label className="field">
              <span>User name</span>
              <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="username" required />
            </label>
            <label className="field">
              <span>Full name</span>
              <input value={fullName} onChange={(e) => setFullName(e.target.value)} />
            </label>
          </>
        ) : (
          <fieldset className="user-choice">
            <legend>Who are you?</legend>
            {session.users.map((u) => (
              <label key={u.name} className={u.name === name ? 'user-option chosen' : 'user-option'}>
                <input
                  type="radio"
                  name="user"
                  value={u.name}
                  checked={u.name === name}
                  onChange={() => setName(u.name)}
                />
                <strong>{u.fullName}</strong>
                <span className="muted">
                  {u.name} · {roleLabel[u.role]}
                </span>
              </label>
            ))}
          </fieldset>
        )}
        {demo && !firstUser && (
          <p className="notice">
            Demo workspace PINs: Priya 1111 (Preparer), Arjun 2222 (Approver), Asha 0000 (Admin).
          </p>
        )}
        <label className="field">
          <span>PIN</span>
          <input
            type="password"
            autoComplete={firstUser ? 'new-password' : 'current-password'}
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 8))}
            placeholder="PIN or passphrase"
            aria-label="PIN"
            required
          />
        </label>
        <InlineError message={problem} />
        <button type="submit" className="primary" disabled={busy || pin.length < 4 || !name}>
          {firstUser ? 'Create and sign in' : 'Sign in'}
        </button>
      </form>
    </div>
  );
}
