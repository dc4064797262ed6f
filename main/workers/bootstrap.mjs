// Loads a worker's TypeScript entry through tsx when SchemeDesk runs from source (CLI, web,
// tests); the packaged app starts its bundled workers directly and never reads this file.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
