import { executeRun } from '../../main/runs/execute';
import { openWorkspace } from '../../main/store/open';

/** One measurement of bench:calc in its own process, so its peak memory is its own. */
const [mode, path] = process.argv.slice(2);
const db = await openWorkspace(path ?? '');
const started = performance.now();
let result: Record<string, number> = {};
if (mode === 'group-by') {
  const groups = db
    .prepare(
      `SELECT distributor_code, sum(net_value), sum(qty), count(DISTINCT outlet_code) FROM sales
       WHERE doc_date BETWEEN '2026-10-01' AND '2026-10-31' GROUP BY distributor_code`,
    )
    .all().length;
  result = { groups };
} else {
  const summary = executeRun(db, { from: '2026-10-01', to: '2026-10-31', user: 'bench' });
  result = { lines: summary.lines };
}
const seconds = (performance.now() - started) / 1000;
db.close();
console.log(JSON.stringify({ ...result, seconds, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
