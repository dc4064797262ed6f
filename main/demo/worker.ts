import { serveWorkspaceJob, type WorkspaceJob } from '../workers/serve';
import { createDemoWorkspace } from './create';

/** Creates the demo workspace on its own SQLite connection, off the window's thread. */
export interface DemoWorkerInput extends WorkspaceJob {
  folder: string;
  user: string;
}

await serveWorkspaceJob<DemoWorkerInput>((db, input, progress) =>
  createDemoWorkspace(db, { folder: input.folder, user: input.user, onProgress: progress }),
);
