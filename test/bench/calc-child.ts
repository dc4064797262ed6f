import { runCalculator, runJob } from '../../main/runs/calculator';
import type { RunSummary } from '../../main/runs/execute';
import { executeRun } from '../../main/runs/execute';
import { readSales } from '../../main/runs/read-sales';
import { openWorkspace } from '../../main/store/open';
import { period, salesWindow } from './calc-period';
import { peakRssMb } from './peak-memory';

/**
 * One measurement of bench:calc in its own process, so its peak memory is its own. With
 * `from-table`, the sales lines kept by earlier runs (sales_store) are let go first, so the run
 * reads them from the table, as the first run after an import did before the import left its lines
 * to be kept in the background (`keep`, `after-import`).
 */
const [mode, path, from] = process.argv.slice(2);
const db = await openWorkspace(path ?? '');
if (from === 'from-table') db.exec('DELETE FROM sales_store');
const seconds = (since: number) => (performance.now() - since) / 1000;
let result: Record<string, number> = {};
let started = performance.now();
if (mode === 'group-by' || mode === 'group-by-scan') {
  // The same aggregation through the date index, and as a scan of the whole table (which SQLite
  // does not choose here, and which is faster for a month that is most of the table).
  const groups = db
    .prepare(
      `SELECT distributor_code, sum(net_value), sum(qty), count(DISTINCT outlet_code)
       FROM sales ${mode === 'group-by-scan' ? 'NOT INDEXED' : ''}
       WHERE doc_date BETWEEN '2026-10-01' AND '2026-10-31' GROUP BY distributor_code`,
    )
    .all().length;
  result = { groups, seconds: seconds(started) };
} else if (mode === 'read') {
  // The run's first step alone: its sales lines (the period and the lookback before it) read into
  // the engine's columns, as the run reads them (and kept, when read from the table), nothing
  // calculated.
  const sales = readSales(db, salesWindow);
  result = { lines: sales.count, seconds: seconds(started) };
} else if (mode === 'kept') {
  // Through the kept run worker, as the window does: the second run finds the facts it kept.
  const calculator = runCalculator(path ?? '');
  const input = { dbPath: path, ...period, schemes: [], user: 'bench' };
  const first = await calculator.run<RunSummary>(input);
  const firstSeconds = seconds(started);
  started = performance.now();
  await calculator.run<RunSummary>(input);
  const keptSeconds = seconds(started);
  // A commit from another connection (here a table made and dropped: no fact changes) moves
  // data_version, as an import does: the worker reads every fact again, its code warm.
  db.exec('CREATE TABLE bench_touch (x); DROP TABLE bench_touch;');
  started = performance.now();
  await calculator.run<RunSummary>(input);
  result = { lines: first.lines, first: firstSeconds, seconds: keptSeconds, reread: seconds(started) };
} else if (mode === 'keep' || mode === 'after-import') {
  // What a large import leaves the kept run worker to do: keep its lines (`keep`, waited for
  // alone); and the run asked for the moment the import ends, which waits for that keeping in the
  // same worker and then finds the lines kept (`after-import`: from the import's end to the run's).
  const calculator = runCalculator(path ?? '');
  const keep = runJob({ dbPath: path ?? '', user: 'bench' }, { keepSales: true });
  if (mode === 'keep') result = { lines: await calculator.run<number>(keep), seconds: seconds(started) };
  else {
    calculator.inBackground(keep, 'keeping');
    const summary = await calculator.run<RunSummary>(runJob({ dbPath: path ?? '', user: 'bench' }, period));
    result = { lines: summary.lines, seconds: seconds(started) };
  }
} else {
  const summary = executeRun(db, { ...period, user: 'bench' });
  result = { lines: summary.lines, seconds: seconds(started) };
}
db.close();
console.log(JSON.stringify({ ...result, peakRssMb: peakRssMb() }));
process.exit(0);
