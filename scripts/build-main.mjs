// Bundles the Electron main process, the CLI, their workers and the preload into dist/main.
// Node modules stay external (they ship in node_modules inside the asar); the preload is
// CommonJS because Electron's sandboxed preloads cannot be ES modules.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({
    ...common,
    entryPoints: {
      shell: 'main/shell/main.ts',
      cli: 'main/cli/main.ts',
      'worker-demo': 'main/demo/worker.ts',
      'worker-import': 'main/import/worker.ts',
      'worker-reader': 'main/import/reader-worker.ts',
      'worker-run': 'main/runs/worker.ts',
      'worker-export': 'main/exports/worker.ts',
      'worker-sales': 'main/runs/sales-worker.ts',
      'worker-checks': 'main/controls/checks-worker.ts',
    },
    outdir: 'dist/main',
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: { preload: 'main/shell/preload.ts' },
    outdir: 'dist/main',
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    external: ['electron'],
  }),
]);
