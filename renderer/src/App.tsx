import { useCallback, useEffect, useState } from 'react';
import type { WorkspaceInfo } from '../../main/api/contract';
import type { ApiError } from '../../main/api/result';
import { call, onMenuCommand } from './api/client';
import { ErrorPanel } from './components/ErrorPanel';
import { Navigation, type ScreenId } from './components/Navigation';
import { StatusBar } from './components/StatusBar';
import { SchemesScreen } from './schemes/SchemesScreen';
import { DataScreen } from './screens/DataScreen';
import { DemoSetup } from './screens/DemoSetup';
import { PlannedScreen } from './screens/PlannedScreen';
import { WorkspaceContext } from './workspace-context';

export function App() {
  const [info, setInfo] = useState<WorkspaceInfo | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [screen, setScreen] = useState<ScreenId>('data');
  const [importRequests, setImportRequests] = useState(0);

  const refresh = useCallback(async () => {
    const result = await call('workspace.info', {});
    if (result.ok) setInfo(result.value);
    else setError(result.error);
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(
    () =>
      onMenuCommand((command) => {
        setScreen(command === 'import' ? 'data' : 'exports');
        if (command === 'import') setImportRequests((n) => n + 1);
      }),
    [],
  );

  if (error) return <ErrorPanel title="SchemeDesk could not open the workspace" error={error} onRetry={refresh} />;
  if (!info) return <div className="splash">Opening the workspace…</div>;
  if (info.empty) return <DemoSetup onDone={refresh} />;
  return (
    <WorkspaceContext.Provider value={info}>
      <div className="app">
        <Navigation current={screen} onSelect={setScreen} />
        <main className="content">
          {screen === 'data' ? (
            <DataScreen importRequests={importRequests} />
          ) : screen === 'schemes' ? (
            <SchemesScreen />
          ) : (
            <PlannedScreen screen={screen} />
          )}
        </main>
        <StatusBar />
      </div>
    </WorkspaceContext.Provider>
  );
}
