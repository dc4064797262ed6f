import { type FormEvent, useCallback, useEffect, useState } from 'react';
import type { Role } from '../../../main/review/workflow';
import type { UserProfile } from '../../../main/users/profiles';
import { call } from '../api/client';
import { StatusMessage } from '../components/StatusMessage';
import { roleLabel, useSession } from '../session/context';

const roles: Role[] = ['preparer', 'approver', 'admin'];

/** An Admin's list of profiles: add people, change a role, reset a PIN, deactivate a leaver. */
export function UsersScreen() {
  const { user: me } = useSession();
  const [users, setUsers] = useState<UserProfile[]>([]);
  const [draft, setDraft] = useState({ name: '', fullName: '', role: 'preparer' as Role, pin: '' });
  const [pins, setPins] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const load = useCallback(() => {
    void call('users.list', {}).then((r) =>
      r.ok ? setUsers(r.value) : setMessage({ text: r.error.message, error: true }),
    );
  }, []);
  useEffect(load, [load]);

  const report = (r: { ok: true } | { ok: false; error: { message: string } }, done: string) => {
    setMessage(r.ok ? { text: done, error: false } : { text: r.error.message, error: true });
    if (r.ok) load();
  };
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const r = await call('users.create', draft);
    report(r, `${draft.name} can now sign in as ${roleLabel[draft.role]}.`);
    if (r.ok) setDraft({ name: '', fullName: '', role: 'preparer', pin: '' });
  };
  const update = async (u: UserProfile, change: { role?: Role; active?: boolean; pin?: string }, done: string) =>
    report(await call('users.update', { name: u.name, ...change }), done);

  if (me.role !== 'admin') return <p className="muted">Only an Admin manages users.</p>;
  return (
    <section className="users-screen">
      <header className="screen-header">
        <div>
          <h1>Users</h1>
          <p className="muted">Local profiles of this workspace. Every change is recorded in the audit log.</p>
        </div>
      </header>
      <StatusMessage message={message} />
      <table className="users-table">
        <thead>
          <tr>
            <th>User</th>
            <th>Name</th>
            <th>Role</th>
            <th>Status</th>
            <th>New PIN</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.name} className={u.active ? '' : 'inactive'}>
              <td>{u.name}</td>
              <td>{u.fullName}</td>
              <td>
                <select
                  aria-label={`Role of ${u.name}`}
                  value={u.role}
                  onChange={(e) =>
                    void update(
                      u,
                      { role: e.target.value as Role },
                      `${u.name} is now ${roleLabel[e.target.value as Role]}.`,
                    )
                  }
                >
                  {roles.map((r) => (
                    <option key={r} value={r}>
                      {roleLabel[r]}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <button
                  type="button"
                  onClick={() =>
                    void update(
                      u,
                      { active: !u.active },
                      `${u.name} ${u.active ? 'can no longer' : 'can again'} sign in.`,
                    )
                  }
                >
                  {u.active ? 'Deactivate' : 'Reactivate'}
                </button>
              </td>
              <td>
                <input
                  type="password"
                  aria-label={`New PIN for ${u.name}`}
                  value={pins[u.name] ?? ''}
                  onChange={(e) => setPins({ ...pins, [u.name]: e.target.value.replace(/\D/g, '').slice(0, 8) })}
                />
                <button
                  type="button"
                  disabled={(pins[u.name] ?? '').length < 4}
                  onClick={() => {
                    void update(u, { pin: pins[u.name] }, `${u.name}'s PIN was changed.`);
                    setPins({ ...pins, [u.name]: '' });
                  }}
                >
                  Set PIN
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="add-user" onSubmit={(e) => void add(e)}>
        <h2>Add a user</h2>
        <div className="field-row">
          <label className="field">
            <span>User name</span>
            <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} required />
          </label>
          <label className="field">
            <span>Full name</span>
            <input value={draft.fullName} onChange={(e) => setDraft({ ...draft, fullName: e.target.value })} />
          </label>
          <label className="field">
            <span>Role</span>
            <select value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value as Role })}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {roleLabel[r]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>PIN (4 to 8 digits, or a passphrase)</span>
            <input
              type="password"
              value={draft.pin}
              onChange={(e) => setDraft({ ...draft, pin: e.target.value.replace(/\D/g, '').slice(0, 8) })}
              required
            />
          </label>
          <button type="submit" className="primary" disabled={!draft.name.trim() || draft.pin.length < 4}>
            Add user
          </button>
        </div>
      </form>
    </section>
  );
}
