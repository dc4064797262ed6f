import { fileURLToPath } from 'node:url';

/**
 * Where SchemeDesk is running from: its TypeScript sources (CLI, `npm run web`, tests) or the
 * bundle in dist/main that Electron loads. Paths to the built renderer and to worker entries
 * differ between the two; everything else is the same code.
 */
export const runningFromSource = import.meta.url.endsWith('.ts');

export const rendererDir = fileURLToPath(
  new URL(runningFromSource ? '../dist/renderer' : '../renderer', import.meta.url),
);
