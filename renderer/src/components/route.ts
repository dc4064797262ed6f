import { useCallback, useEffect, useRef, useState } from 'react';
import { type ScreenId, screens } from './Navigation';
import { confirmLeaving } from './unsaved';

/** Where the window is: a screen, and on Runs the run under review. */
export interface Route {
  screen: ScreenId;
  run: number | null;
}

/** `#/runs/12` → Runs, reviewing run 12; `#/schemes` → Schemes; anything else → Data. */
export function parseRoute(hash: string): Route {
  const [, screen, run] = hash.replace(/^#/, '').split('/');
  const known = screens.find((s) => s.id === screen)?.id ?? 'data';
  const id = known === 'runs' && run && /^\d+$/.test(run) ? Number(run) : null;
  return { screen: known, run: id };
}

export const routeHash = (route: Route): string =>
  `#/${route.screen}${route.screen === 'runs' && route.run !== null ? `/${route.run}` : ''}`;

/**
 * Every screen and run has an address in the location's hash, so browser Back and Forward (and
 * the desktop window's history) go where users expect, and a run's address can be kept. Leaving
 * a form with unsaved changes asks first; Back that is refused puts the address back.
 */
export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  const current = useRef(route);
  current.current = route;
  // 'asked': go() has asked already; 'restoring': the address is being put back after a refusal.
  const next = useRef<'asked' | 'restoring' | null>(null);
  useEffect(() => {
    const changed = () => {
      const was = next.current;
      next.current = null;
      if (was === 'restoring') return;
      if (was !== 'asked' && !confirmLeaving()) {
        next.current = 'restoring';
        window.location.hash = routeHash(current.current);
        return;
      }
      setRoute(parseRoute(window.location.hash));
    };
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  const go = useCallback((to: Route) => {
    const hash = routeHash(to);
    if (window.location.hash === hash) return setRoute(to);
    if (!confirmLeaving()) return;
    next.current = 'asked';
    window.location.hash = hash;
  }, []);
  return [route, go];
}
