import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportRun } from '../../main/exports/export';
import { exportFormatIds } from '../../main/exports/formats';
import { saveExportProfile } from '../../main/exports/profiles';
import { approveRun, submitRun } from '../../main/review/actions';
import { openWorkspace } from '../../main/store/open';

/**
 * npm run bench:export [LINES]: an approved run of LINES payout lines (default 100,000) over
 * 2,000 payees, exported in every format; then, side by side, the same register written by
 * openpyxl in write-only mode (Debian's python3-openpyxl) — what an analyst's script would use.
 */
const LINES = Number(process.argv[2] ?? 100_000);
const PAYEES = 2000;
const folder = join(tmpdir(), 'schemedesk-bench-export');
rmSync(folder, { recursive: true, force: true });
mkdirSync(folder, { recursive: true });
const db = await openWorkspace(join(folder, 'workspace.sqlite'));
// Eight schemes: exports read only their code and name.
for (let i = 1; i <= 8; i++) {
  db.prepare('INSERT INTO schemes (code, current_version) VALUES (?, 1)').run(`S${i}`);
  db.prepare(
    "INSERT INTO scheme_versions (code, version, definition, saved_by, saved_at) VALUES (?, 1, ?, 'bench', '2026-10-01')",
  ).run(`S${i}`, JSON.stringify({ name: `Scheme ${i}` }));
}
const run = Number(
  db
    .prepare(
      `INSERT INTO runs (period_from, period_to, status, engine_version, scheme_versions, inputs, line_count, total, created_by, created_at)
       VALUES ('2026-10-01', '2026-10-31', 'draft', 'bench', '[]', '[]', ?, 0, 'priya', '2026-11-01T09:00:00Z')`,
    )
    .run(LINES).lastInsertRowid,
);
db.prepare(
  `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
   INSERT INTO payout_lines (run_id, scheme_version_id, scheme_code, payee, payee_name, region, channel, class, kind, measure, unit,
     target, achievement, slab, slab_label, computed, final, adjustments, near_miss, explanation, source_table, source_ids, effective_rate)
   SELECT ?, v.id, v.code, 'D' || (i % ${PAYEES}), 'Distributor ' || (i % ${PAYEES}), 'North', 'GT', 'A', 'payout',
     (i * 37 % 100000) || '.50', 'money', NULL, NULL, 1, 'slab 1', i * 7919 % 1000000, i * 7919 % 1000000, '[]',
     '{"needed":"1200.5","basis":"measure","wouldPay":"1500.00","nextSlab":1}', 'synthetic line for the benchmark', 'sales', x'', '0'
   FROM n JOIN scheme_versions v ON v.id = 1 + ((i / ${PAYEES}) % (SELECT count(*) FROM scheme_versions))`,
).run(LINES, run);
db.prepare(
  "UPDATE runs SET status = 'calculated', total = (SELECT sum(final) FROM payout_lines WHERE run_id = ?) WHERE id = ?",
).run(run, run);
saveExportProfile(db, { name: 'Default', companyName: 'Bench Manufacturing Ltd.' }, 'bench');
submitRun(db, run, { name: 'priya', role: 'preparer' });
approveRun(db, run, { name: 'arjun', role: 'approver' });

const out = join(folder, 'out');
const rows: string[][] = [];
for (const format of exportFormatIds) {
  const started = performance.now();
  const result = await exportRun(db, {
    run,
    format,
    profile: 'Default',
    draft: false,
    user: 'bench',
    defaultFolder: out,
  });
  const seconds = (performance.now() - started) / 1000;
  const bytes = result.files.reduce((s, f) => s + f.bytes, 0);
  rows.push([
    format,
    seconds.toFixed(2),
    Math.round(LINES / seconds).toLocaleString('en-US'),
    String(result.files.length),
    (bytes / 1e6).toFixed(1),
    String(process.memoryUsage().rss >> 20),
  ]);
}
db.close();

// The alternative: openpyxl (write-only, streaming) writing the register's detail rows.
const python = '/usr/bin/python3';
let alternative = 'python3-openpyxl is not installed (apt-get install -y python3-openpyxl)';
if (existsSync(python)) {
  const script = join(folder, 'openpyxl_register.py');
  writeFileSync(
    script,
    `import csv, sys, time
from openpyxl import Workbook
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig')))[2:-1]  # past the caption and header; not the TOTAL row
t = time.perf_counter()
wb = Workbook(write_only=True)
ws = wb.create_sheet('Detail')
for r in rows:
    ws.append([float(c) if i in (11, 12, 15) and c else c for i, c in enumerate(r)])
wb.save(sys.argv[2])
print(f"{time.perf_counter() - t:.2f}")
`,
  );
  try {
    const seconds = Number(
      execFileSync(python, [script, join(out, `run-${run}-csv.csv`), join(folder, 'openpyxl.xlsx')], {
        encoding: 'utf8',
      }),
    );
    alternative = `openpyxl write-only, the same ${LINES.toLocaleString('en-US')} register rows: ${seconds.toFixed(2)} s (${Math.round(
      LINES / seconds,
    ).toLocaleString('en-US')} rows/s)`;
  } catch (error) {
    alternative = `openpyxl failed: ${(error as Error).message.split('\n')[0]}`;
  }
}

console.log(`bench:export — ${LINES.toLocaleString('en-US')} payout lines, ${PAYEES} payees, approved run ${run}`);
console.log(['format', 'seconds', 'lines/s', 'files', 'MB', 'RSS MB'].join('\t'));
for (const r of rows) console.log(r.join('\t'));
console.log(`alternative: ${alternative}`);
