import { roleLabel, useSession } from '../session/context';
import { useWorkspace } from '../workspace-context';

export function StatusBar() {
  const ws = useWorkspace();
  const { user, signOut } = useSession();
  return (
    <footer className="status-bar">
      <span title={ws.dbPath}>Workspace: {ws.dbPath}</span>
      <span>
        {ws.currency} · {ws.locale}
      </span>
      <span className="current-user">
        Signed in as{' '}
        <strong data-testid="current-user">
          {user.fullName} ({roleLabel[user.role]})
        </strong>
        <button type="button" className="link" onClick={signOut}>
          Sign out
        </button>
      </span>
      <span>SchemeDesk {ws.appVersion}</span>
    </footer>
  );
}
