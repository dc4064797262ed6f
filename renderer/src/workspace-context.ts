import { createContext, useContext } from 'react';
import type { WorkspaceInfo } from '../../main/api/contract';

/** The open workspace (file, currency, locale, user), read once at start and after changes. */
export const WorkspaceContext = createContext<WorkspaceInfo | null>(null);

export function useWorkspace(): WorkspaceInfo {
  const info = useContext(WorkspaceContext);
  if (!info) throw new Error('useWorkspace outside a WorkspaceContext');
  return info;
}
