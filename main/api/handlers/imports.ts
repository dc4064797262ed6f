import { join } from 'node:path';
import { listBatches, rollBackBatch } from '../../import/batches';
import { inspectFile } from '../../import/inspect';
import { mappingFromHeaders } from '../../import/mapping';
import { listMappingProfiles, saveMappingProfile } from '../../import/profiles';
import type { ImportWorkerInput } from '../../import/worker';
import { runWorker } from '../../workers/run';
import { setting, type Workspace } from '../../workspace';
import type { ImportSummary, QuarantinedRow } from '../contract';
import type { Handlers } from '../dispatch';

type ImportHandlers = Pick<
  Handlers,
  | 'import.inspect'
  | 'import.run'
  | 'import.batches'
  | 'import.rollback'
  | 'import.quarantine'
  | 'mappings.list'
  | 'mappings.save'
>;

export function importHandlers(ws: Workspace): ImportHandlers {
  const locale = () => setting(ws.db, 'locale') ?? 'en-IN';
  return {
    'import.inspect': (args) => inspectFile(ws.db, { ...args, locale: locale() }),
    'import.run': (args, ctx) => {
      const input: ImportWorkerInput = {
        dbPath: ws.dbPath,
        nativeBinding: ws.nativeBinding,
        rejectsFolder: join(ws.dataFolder, 'rejects'),
        request: { ...args, user: ws.user, locale: locale() },
      };
      return runWorker<ImportSummary>('import', input, { onProgress: ctx.progress, signal: ctx.signal });
    },
    'import.batches': () => listBatches(ws.db),
    'import.rollback': ({ batch }) => rollBackBatch(ws.db, batch, ws.user),
    'import.quarantine': ({ batch }) =>
      (
        ws.db
          .prepare(
            'SELECT id, batch_id, source_sheet, source_row, cells, reasons FROM quarantine WHERE batch_id = ? ORDER BY source_row',
          )
          .all(batch) as {
          id: number;
          batch_id: number;
          source_sheet: string | null;
          source_row: number;
          cells: string;
          reasons: string;
        }[]
      ).map(
        (r): QuarantinedRow => ({
          id: r.id,
          batch: r.batch_id,
          sheet: r.source_sheet,
          row: r.source_row,
          cells: JSON.parse(r.cells),
          reasons: JSON.parse(r.reasons),
        }),
      ),
    'mappings.list': () => listMappingProfiles(ws.db),
    'mappings.save': ({ name, kind, headers, mapping }) =>
      saveMappingProfile(ws.db, { name, kind, headers, mapping: mappingFromHeaders(headers, mapping) }),
  };
}
