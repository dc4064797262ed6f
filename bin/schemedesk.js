#!/usr/bin/env node
// The installed `schemedesk` command: the CLI bundled by `npm run build:main` (which `npm install`
// runs), so it starts in plain Node; from a checkout not yet built, the TypeScript through tsx.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/main/cli.mjs', import.meta.url);
if (existsSync(bundle)) {
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../main/cli/main.ts');
}
