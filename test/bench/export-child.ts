import type { ExportResult } from '../../main/exports/export';
import type { ExportFormatId } from '../../main/exports/formats';
import type { ExportWorkerInput } from '../../main/exports/worker';
import { runWorker } from '../../main/workers/run';
import { peakRssMb } from './peak-memory';

/**
 * One export of bench:export in its own process, as the app makes it: in the export worker (its
 * bundle, with its limits), on the workspace at WORKSPACE, run RUN in FORMAT into OUT. Prints the
 * seconds, the files and their bytes, and the peak memory.
 */
const [workspace, run, format, out] = process.argv.slice(2);
const started = performance.now();
const result = await runWorker<ExportResult>('export', {
  dbPath: workspace ?? '',
  request: { run: Number(run), format: format as ExportFormatId, profile: 'Default', draft: false },
  user: 'bench',
  defaultFolder: out ?? '',
  previewOnly: false,
} satisfies ExportWorkerInput);
console.log(
  JSON.stringify({
    seconds: (performance.now() - started) / 1000,
    files: result.files.length,
    bytes: result.files.reduce((s, f) => s + f.bytes, 0),
    peakRssMb: peakRssMb(),
  }),
);
