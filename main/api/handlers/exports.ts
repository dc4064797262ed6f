import { join } from 'node:path';
import { type ExportRequest, type ExportResult, exportRun } from '../../exports/export';
import { exportFormatIds, exportFormats } from '../../exports/formats';
import { exportHistory } from '../../exports/history';
import { recoverExports } from '../../exports/on-disk';
import { listExportProfiles, saveExportProfile } from '../../exports/profiles';
import type { ExportWorkerInput } from '../../exports/worker';
import { runWorker } from '../../workers/run';
import { confinedPath, type Workspace } from '../../workspace';
import type { Handlers } from '../dispatch';

type ExportHandlers = Pick<
  Handlers,
  'exports.formats' | 'exports.profiles' | 'exports.saveProfile' | 'exports.preview' | 'exports.run' | 'exports.history'
>;

/**
 * Exports: built in a worker so the window stays responsive — except statements in the desktop
 * app, which are printed to PDF by Electron on this (the main) process.
 */
export function exportHandlers(ws: Workspace): ExportHandlers {
  const defaultFolder = join(ws.dataFolder, 'exports');
  const job = (request: ExportRequest, previewOnly: boolean): ExportWorkerInput => ({
    dbPath: ws.dbPath,
    nativeBinding: ws.nativeBinding,
    request,
    user: ws.user,
    defaultFolder,
    previewOnly,
  });
  return {
    'exports.formats': () =>
      exportFormatIds.map((id) => ({ id, label: exportFormats[id].label, description: exportFormats[id].description })),
    'exports.profiles': () => listExportProfiles(ws.db),
    'exports.saveProfile': ({ profile }) => saveExportProfile(ws.db, profile, ws.user),
    'exports.preview': (request, ctx) =>
      runWorker('export', job(request, true), { onProgress: ctx.progress, signal: ctx.signal }),
    'exports.run': (asked, ctx) => {
      const request =
        asked.out === undefined ? asked : { ...asked, out: confinedPath(ws, asked.out, 'the export folder') };
      if (request.format === 'statements' && ws.printPdf) {
        return exportRun(ws.db, { ...request, user: ws.user, defaultFolder }, ctx.progress, ws.printPdf, ctx.signal);
      }
      // A worker stopped mid-export (cancelled, or dead) leaves its job: roll it back, or finish it if it committed.
      return runWorker<ExportResult>('export', job(request, false), {
        onProgress: ctx.progress,
        signal: ctx.signal,
      }).catch((error: unknown) => {
        recoverExports(ws.db);
        throw error;
      });
    },
    'exports.history': ({ run }) => exportHistory(ws.db, run),
  };
}
