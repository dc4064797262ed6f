#!/usr/bin/env node
// The installed `schemedesk` command: runs the TypeScript CLI through tsx, as `npm run cli` does.
import { register } from 'tsx/esm/api';

register();
await import('../main/cli/main.ts');
