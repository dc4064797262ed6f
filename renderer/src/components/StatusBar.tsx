import { useWorkspace } from '../workspace-context';

export function StatusBar() {
  const ws = useWorkspace();
  return (
    <footer className="status-bar">
      <span title={ws.dbPath}>Workspace: {ws.dbPath}</span>
      <span>
        {ws.currency} · {ws.locale}
      </span>
      <span>
        Signed in as <strong data-testid="current-user">{ws.user}</strong>
      </span>
      <span>SchemeDesk {ws.appVersion}</span>
    </footer>
  );
}
