import { join } from 'node:path';
import { stampedPath } from '../../files/names';
import { listBatches, listQuarantine, rollBackBatch, writeQuarantineWorkbook } from '../../import/batches';
import { inspectFile } from '../../import/inspect';
import { mappingFromHeaders } from '../../import/mapping';
import { listMappingProfiles, saveMappingProfile } from '../../import/profiles';
import type { ImportWorkerInput } from '../../import/worker';
import { keepSalesInBackground } from '../../runs/calculator';
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
          if (args.kind === 'sales' && summary.batch !== null) keepSalesInBackground(ws);
          return summary;
        },
      );
    },
    'import.batches': () => listBatches(ws.db),
    'import.rollback': ({ batch }) => {
      const rolledBack = rollBackBatch(ws.db, batch, ws.user);
      // Rolling back sales drops every line kept above the first of them (the sales triggers).
      keepSalesInBackground(ws);
      return rolledBack;
    },
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
