import { themeQuartz } from 'ag-grid-community';
import { createContext, type ReactNode, useContext, useState } from 'react';

/** How tightly the grids sit: compact like Excel (about 28 px a row), or comfortable. */
export type Density = 'compact' | 'comfortable';

export const gridThemes: Record<Density, ReturnType<typeof themeQuartz.withParams>> = {
  compact: themeQuartz.withParams({ rowHeight: 28, headerHeight: 32, fontSize: 13, spacing: 5 }),
  comfortable: themeQuartz.withParams({ rowHeight: 40, headerHeight: 44, fontSize: 14, spacing: 8 }),
};

const stored = (): Density =>
  globalThis.localStorage?.getItem('schemedesk.density') === 'comfortable' ? 'comfortable' : 'compact';

const DensityContext = createContext<{ density: Density; setDensity(d: Density): void }>({
  density: 'compact',
  setDensity: () => {},
});

/** The chosen density for every grid of the window, kept in this browser between sessions. */
export function DensityProvider({ children }: { children: ReactNode }) {
  const [density, set] = useState<Density>(stored);
  const setDensity = (d: Density) => {
    globalThis.localStorage?.setItem('schemedesk.density', d);
    set(d);
  };
  return <DensityContext.Provider value={{ density, setDensity }}>{children}</DensityContext.Provider>;
}

export const useDensity = () => useContext(DensityContext);
