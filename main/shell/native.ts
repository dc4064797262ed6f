import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * better-sqlite3 built for Electron's ABI. Node keeps its own build in node_modules (so tests
 * and the CLI keep working); `npm start` / `npm run dist` build this one beside it into
 * .electron-native/ (scripts/electron-native.mjs), and the packaged app carries it in its
 * resources. From main/shell/*.ts and from dist/main/shell.mjs alike, ../../ is the checkout.
 */
export function electronSqliteBinding(resourcesPath: string | undefined): string | undefined {
  const candidates = [
    resourcesPath ? join(resourcesPath, 'native', 'better_sqlite3.node') : null,
    fileURLToPath(new URL('../../.electron-native/better_sqlite3.node', import.meta.url)),
  ];
  return candidates.find((path): path is string => path !== null && existsSync(path));
}
