import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..', '..');

/** What a measuring child printed last, as JSON: its figures. */
export const lastLineJson = <T>(out: string): T => JSON.parse(out.trim().split('\n').pop() ?? '{}');

/**
 * A bench's child script bundled beside dist/main's bundles (built afresh first), so what it
 * measures runs as the installed app and CLI run: its workers start from their bundles. From the
 * TypeScript sources every worker loads tsx first: the 1,000,000-line CSV import took 31.0 s and
 * 444 MB that way on 2 December, 25.5 s and 379 MB bundled. `run` calls the child with its
 * arguments and answers the JSON of the last line it prints; `remove` takes the bundle away
 * again, so electron-builder, which packs dist/, never ships it.
 */
export async function bundledChild(entry: string) {
  execFileSync(process.execPath, [join(root, 'scripts', 'build-main.mjs')], { cwd: root, stdio: 'inherit' });
  const path = join(root, 'dist', 'main', `bench-${basename(entry, '.ts')}.mjs`);
  await build({
    entryPoints: [entry],
    outfile: path,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  return {
    run: <T>(...args: string[]): T =>
      lastLineJson<T>(execFileSync(process.execPath, [path, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 })),
    remove: () => rmSync(path, { force: true }),
  };
}
