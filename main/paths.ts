import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'SchemeDesk';

/**
 * The per-user data folder, the same one Electron's app.getPath('userData') gives SchemeDesk,
 * so the CLI, `npm run web` and the desktop app open the same workspace by default.
 */
export function userDataFolder(platform = process.platform, env = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

export const defaultWorkspacePath = () => join(userDataFolder(), 'workspace.sqlite');
