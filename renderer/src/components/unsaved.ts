import { useEffect } from 'react';

/** What each open form with unsaved changes calls itself ("the scheme VOL-OCT"), while it has them. */
const pending = new Set<{ what: string }>();

/**
 * While `dirty`, leaving — another screen, browser Back, closing the window — asks first. Each
 * form with work to lose (a scheme, an override, a mapping) registers here.
 */
export function useUnsavedChanges(dirty: boolean, what: string): void {
  useEffect(() => {
    if (!dirty) return;
    const entry = { what };
    pending.add(entry);
    const unload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', unload);
    return () => {
      pending.delete(entry);
      window.removeEventListener('beforeunload', unload);
    };
  }, [dirty, what]);
}

/** True when nothing unsaved is open, or the user agrees to lose it. */
export function confirmLeaving(): boolean {
  const first = [...pending][0];
  if (!first) return true;
  return window.confirm(`${first.what} has changes that are not saved. Leave without saving them?`);
}

/** A dialog's Close or Cancel (or Escape) that asks first when the form has unsaved changes. */
export const guardedClose = (dirty: boolean, what: string, close: () => void) => (): void => {
  if (!dirty || window.confirm(`${what} has changes that are not saved. Close without saving them?`)) close();
};
