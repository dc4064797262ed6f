import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { ImportSummary } from '../../main/api/contract';
import { createBatch, prepareInsert } from '../../main/datasets/insert';
import { deferredIndexes } from '../../main/import/deferred-indexes';
import { openSource } from '../../main/import/open-source';
import type { ImportWorkerInput } from '../../main/import/worker';
import { journalsInMemory, openWorkspace } from '../../main/store/open';
import { runWorker } from '../../main/workers/run';
import { peakRssMb } from './peak-memory';
import { storedBenchLine } from './sales-lines';

/**
 * One measurement in its own process, so its peak memory is its own:
 *   exceljs FILE          — a bare exceljs streaming read of every row (the floor for xlsx)
 *   reader FILE           — SchemeDesk's own reader alone: every row of every sheet, no validation
 *   import FILE WORKSPACE — SchemeDesk's full import as the app runs it: in the import worker
 *                           (reading on a thread of its own), parse, validate, insert, in one transaction
 *   insert ROWS WORKSPACE — the bench's first ROWS lines, as stored values, through the import's insert
 */
const [mode, file, workspace] = process.argv.slice(2);
const started = performance.now();
let rows = 0;
if (mode === 'exceljs' && file) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    worksheets: 'emit',
  });
  for await (const sheet of reader) for await (const _row of sheet) rows++;
  rows -= 1;
} else if (mode === 'reader' && file) {
  const source = await openSource(file);
  for await (const sheet of source.sheets()) for await (const _row of sheet.rows()) rows++;
  source.close?.();
  rows -= 1;
} else if (mode === 'import' && file && workspace) {
  // As the window and the CLI run it: in the import worker, under its memory limit.
  const result = await runWorker<ImportSummary>('import', {
    dbPath: workspace,
    rejectsFolder: join(workspace, '..', 'rejects'),
    request: { path: file, kind: 'sales', user: 'bench', locale: 'en-IN', replace: true },
  } satisfies ImportWorkerInput);
  if (result.batch === null) throw new Error(`import refused: ${JSON.stringify(result.errors.slice(0, 3))}`);
  rows = result.rows;
} else if (mode === 'insert' && file && workspace) {
  // What any import of these lines costs at the least: SQLite's part alone, as the import does
  // it (its prepared insert, foreign keys checked, statement journals in memory, indexes dropped
  // and built again, one transaction), with the values ready; no reading, converting or checking.
  rows = Number(file);
  const db = await openWorkspace(workspace);
  const batchId = createBatch(db, {
    kind: 'sales',
    fileName: 'floor',
    sha256: '0'.repeat(64),
    sizeBytes: 0,
    sheet: null,
    user: 'bench',
  });
  const insert = prepareInsert(db, 'sales');
  const indexes = deferredIndexes(db, 'sales');
  const journals = journalsInMemory(db);
  db.transaction(() => {
    for (let i = 0; i < rows; i++) {
      insert(storedBenchLine(i), { batchId, sheet: null, row: i + 2 });
      indexes.inserted(i + 1);
    }
    journals.restore();
    indexes.rebuild();
  })();
  db.close();
} else {
  throw new Error('usage: import-child exceljs FILE | reader FILE | import FILE WORKSPACE | insert ROWS WORKSPACE');
}
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ rows, seconds, peakRssMb: peakRssMb() }));
