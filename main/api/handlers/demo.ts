import type { DemoWorkerInput } from '../../demo/worker';
import { runWorker } from '../../workers/run';
import type { Workspace } from '../../workspace';
import type { DemoResult } from '../contract';
import type { Handlers } from '../dispatch';

export function demoHandlers(ws: Workspace): Pick<Handlers, 'demo.create'> {
  // Two windows (or a double click) asking at once share the one creation in flight.
  let inFlight: Promise<DemoResult> | null = null;
  return {
    'demo.create': (_args, ctx) => {
      if (!inFlight) {
        const input: DemoWorkerInput = {
          dbPath: ws.dbPath,
          folder: `${ws.dataFolder}/demo`,
          user: ws.user,
          nativeBinding: ws.nativeBinding,
        };
        inFlight = runWorker<DemoResult>('demo', input, { onProgress: ctx.progress, signal: ctx.signal }).finally(
          () => {
            inFlight = null;
          },
        );
      }
      return inFlight;
    },
  };
}
