import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { WorkspaceInfo } from '../../main/api/contract';
import type { ApiError } from '../../main/api/result';
import type { UserProfile } from '../../main/users/profiles';
import { call, onMenuCommand } from './api/client';
import { AuditScreen } from './audit/AuditScreen';
import { ErrorPanel } from './components/ErrorPanel';
import { Navigation, type ScreenId } from './components/Navigation';
import { useRoute } from './components/route';
import { StatusBar } from './components/StatusBar';
import { ExportsScreen } from './exports/ExportsScreen';
import { DensityProvider } from './grid/density';
import { RunsScreen } from './runs/RunsScreen';
import { SchemesScreen } from './schemes/SchemesScreen';
import { DataScreen } from './screens/DataScreen';
import { DemoSetup } from './screens/DemoSetup';

import { SessionContext } from './session/context';
import { SignIn } from './session/SignIn';
import { SettingsScreen } from './settings/SettingsScreen';
import { UsersScreen } from './users/UsersScreen';
import { WorkspaceContext } from './workspace-context';

// The charting library is a megabyte: it loads when Insights is first opened, not with the window.
const InsightsScreen = lazy(() => import('./screens/InsightsScreen').then((m) => ({ default: m.InsightsScreen })));

export function App() {
  const [info, setInfo] = useState<WorkspaceInfo | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [route, go] = useRoute();
  const screen = route.screen;
  const setScreen = useCallback((id: ScreenId) => go({ screen: id, run: null }), [go]);
  const [importRequests, setImportRequests] = useState(0);
  const [user, setUser] = useState<UserProfile | null | undefined>(undefined);

  const refresh = useCallback(async () => {
    const result = await call('workspace.info', {});
    if (!result.ok) return setError(result.error);
    setInfo(result.value);
    const session = await call('session.current', {});
    setUser(session.ok ? session.value.user : null);
  }, []);

  const session = useMemo(
    () =>
      user
        ? {
            user,
            signOut: () => {
              void call('session.signOut', {}).then(refresh);
            },
          }
        : null,
    [user, refresh],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Alt+G: into the grid of the screen, on its first line, from wherever the focus is.
  useEffect(() => {
    const intoGrid = (event: KeyboardEvent) => {
      if (!event.altKey || event.key.toLowerCase() !== 'g') return;
      const cell = document.querySelector<HTMLElement>('main.content .ag-row:not(.ag-row-pinned) .ag-cell[col-id]');
      if (!cell) return;
      event.preventDefault();
      cell.focus();
    };
    document.addEventListener('keydown', intoGrid);
    return () => document.removeEventListener('keydown', intoGrid);
  }, []);

  useEffect(
    () =>
      onMenuCommand((command) => {
        setScreen(command === 'import' ? 'data' : 'exports');
        if (command === 'import') setImportRequests((n) => n + 1);
      }),
    [setScreen],
  );

  if (error) return <ErrorPanel title="SchemeDesk could not open the workspace" error={error} onRetry={refresh} />;
  if (!info) return <div className="splash">Opening the workspace…</div>;
  if (info.empty) return <DemoSetup onDone={refresh} />;
  if (user === undefined) return <div className="splash">Opening the workspace…</div>;
  if (!session) return <SignIn demo={info.demoMonth !== null} onSignedIn={() => void refresh()} />;
  return (
    <WorkspaceContext.Provider value={info}>
      <SessionContext.Provider value={session}>
        <DensityProvider>
          <div className="app">
            <Navigation current={screen} admin={session.user.role === 'admin'} onSelect={setScreen} />
            <main className="content">
              {screen === 'data' ? (
                <DataScreen importRequests={importRequests} />
              ) : screen === 'schemes' ? (
                <SchemesScreen />
              ) : screen === 'runs' ? (
                <RunsScreen open={route.run} onOpen={(run) => go({ screen: 'runs', run })} />
              ) : screen === 'exports' ? (
                <ExportsScreen />
              ) : screen === 'audit' ? (
                <AuditScreen />
              ) : screen === 'users' ? (
                <UsersScreen />
              ) : screen === 'settings' ? (
                <SettingsScreen onChanged={() => void refresh()} />
              ) : (
                <Suspense fallback={<div className="splash">Opening Insights…</div>}>
                  <InsightsScreen />
                </Suspense>
              )}
            </main>
            <StatusBar />
          </div>
        </DensityProvider>
      </SessionContext.Provider>
    </WorkspaceContext.Provider>
  );
}
