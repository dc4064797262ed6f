// Builds better-sqlite3 for Electron's ABI into .electron-native/, leaving node_modules' build
// (Node's ABI, used by tests and the CLI) untouched. Needs the internet (Electron headers or a
// prebuilt binary), so it runs for `npm start` / `npm run dist`, never for `npm install`.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const electron = require('electron/package.json').version;
const sqlite = require('better-sqlite3/package.json').version;
const out = '.electron-native';
const stamp = join(out, 'version.txt');
const want = `electron ${electron} / better-sqlite3 ${sqlite} / ${process.platform}-${process.arch}`;

if (existsSync(join(out, 'better_sqlite3.node')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === want) {
  process.exit(0);
}
console.log(`Building better-sqlite3 for ${want} …`);
const work = join(out, 'src');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync('node_modules/better-sqlite3', work, {
  recursive: true,
  filter: (p) => !p.includes(`${join('better-sqlite3', 'build')}`),
});
const run = (cmd, args) =>
  execFileSync(cmd, args, { cwd: work, stdio: 'inherit', shell: process.platform === 'win32' });
try {
  run(process.execPath, [
    require.resolve('prebuild-install/bin.js'),
    '--runtime=electron',
    `--target=${electron}`,
    `--arch=${process.arch}`,
  ]);
} catch {
  const gyp = process.env.npm_config_node_gyp ?? 'node-gyp';
  const args = [
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${electron}`,
    `--arch=${process.arch}`,
    '--dist-url=https://electronjs.org/headers',
  ];
  if (gyp.endsWith('.js')) run(process.execPath, [gyp, ...args]);
  else run(gyp, args);
}
cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), join(out, 'better_sqlite3.node'));
writeFileSync(stamp, want);
console.log(`Electron's better-sqlite3 is in ${out}/better_sqlite3.node`);
