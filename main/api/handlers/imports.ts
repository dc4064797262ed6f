import { join } from 'node:path';
import { stampedPath } from '../../files/names';
import { listBatches, listQuarantine, rollBackBatch, writeQuarantineWorkbook } from '../../import/batches';
import { inspectFile } from '../../import/inspect';
import { mappingFromHeaders } from '../../import/mapping';
import { listMappingProfiles, saveMappingProfile } from '../../import/profiles';
import type { ImportWorkerInput } from '../../import/worker';
import { runCalculator, runJob } from '../../runs/calculator';
import { moneyAndDates } from '../../settings/money-and-dates';
import { runWorker } from '../../workers/run';
import { confinedPath, type Workspace } from '../../workspace';
import type { ImportSummary } from '../contract';
import type { Handlers } from '../dispatch';

type ImportHandlers = Pick<
  Handlers,
  | 'import.inspect'
  | 'import.run'
  | 'import.batches'
  | 'import.rollback'
  | 'import.quarantine'
  | 'import.quarantineWorkbook'
  | 'mappings.list'
  | 'mappings.save'
>;

/**
 * From this many lines an import of sales leaves the run worker to read and keep them in the
 * background (keepAllSales), so the first run after it finds them kept: a run reads a million
 * lines from the table in about 1.4 s and from those kept in about 0.2 s. Below it a run reads
 * them quickly enough itself.
 */
export const KEEP_SALES_AFTER_IMPORT_OF = 100_000;

export function importHandlers(ws: Workspace): ImportHandlers {
  const locale = () => moneyAndDates(ws.db).locale;
  return {
    'import.inspect': (args) =>
      inspectFile(ws.db, { ...args, path: confinedPath(ws, args.path, 'the file to import'), locale: locale() }),
    'import.run': (args, ctx) => {
      const input: ImportWorkerInput = {
        dbPath: ws.dbPath,
        nativeBinding: ws.nativeBinding,
        rejectsFolder: join(ws.dataFolder, 'rejects'),
        request: { ...args, path: confinedPath(ws, args.path, 'the file to import'), user: ws.user, locale: locale() },
      };
      return runWorker<ImportSummary>('import', input, { onProgress: ctx.progress, signal: ctx.signal }).then(
        (summary) => {
          if (args.kind === 'sales' && summary.batch !== null && summary.rows >= KEEP_SALES_AFTER_IMPORT_OF)
            runCalculator(ws.dbPath).inBackground(
              runJob(ws, { keepSales: true }),
              'Waiting for the lines just imported to be read and kept for runs',
            );
          return summary;
        },
      );
    },
    'import.batches': () => listBatches(ws.db),
    'import.rollback': ({ batch }) => rollBackBatch(ws.db, batch, ws.user),
    'import.quarantine': ({ batch }) => listQuarantine(ws.db, batch),
    // Into the workspace's files folder, where the browser UI may download it from.
    'import.quarantineWorkbook': async ({ batch }) => {
      const path = stampedPath(join(ws.dataFolder, 'rejects'), `batch ${batch} quarantined rows.xlsx`);
      await writeQuarantineWorkbook(ws.db, batch, path);
      return { path };
    },
    'mappings.list': () => listMappingProfiles(ws.db),
    'mappings.save': ({ name, kind, headers, mapping, choices }) =>
      saveMappingProfile(ws.db, { name, kind, headers, mapping: mappingFromHeaders(headers, mapping), choices }),
  };
}
