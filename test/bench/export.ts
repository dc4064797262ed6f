import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBatch, prepareInsert } from '../../main/datasets/insert';
import { exportFormatIds } from '../../main/exports/formats';
import { saveExportProfile } from '../../main/exports/profiles';
import { approveRun, submitRun } from '../../main/review/actions';
import { openWorkspace } from '../../main/store/open';
import { createUser } from '../../main/users/profiles';
import { syntheticRun } from '../support/synthetic-run';
import { bundledChild, lastLineJson } from './bundled';
import { inRounds, type Measured, medianOf, roundsOf, secondsText } from './rounds';

/**
 * npm run bench:export [-- LINES] [--rounds N]: an approved run of LINES payout lines (default
 * 100,000) over 2,000 payees, exported in every format, each in the bundled export worker as the
 * app exports (its start included); then, side by side, the same register written by openpyxl in
 * write-only mode (Debian's python3-openpyxl) — what an analyst's script would use. Each is
 * measured N times (3 unless --rounds says), in turn (rounds.ts).
 */
const { rounds, rest } = roundsOf(process.argv.slice(2));
const LINES = Number(rest[0] ?? 100_000);
const PAYEES = 2000;
const folder = join(tmpdir(), 'schemedesk-bench-export');
rmSync(folder, { recursive: true, force: true });
mkdirSync(folder, { recursive: true });
const db = await openWorkspace(join(folder, 'workspace.sqlite'));
// 2,000 distributors and eight schemes: exports read only their names.
const batch = createBatch(db, {
  kind: 'distributors',
  fileName: 'bench',
  sha256: '0'.repeat(64),
  sizeBytes: 0,
  sheet: null,
  user: 'bench',
});
db.transaction(() => {
  const distributor = prepareInsert(db, 'distributors');
  for (let i = 1; i <= PAYEES; i++) {
    distributor(
      { code: `D${i}`, name: `Distributor ${i}`, region: ['North', 'South', 'East', 'West'][i % 4] ?? null },
      { batchId: batch, sheet: null, row: null },
    );
  }
  for (let i = 1; i <= 8; i++) {
    db.prepare('INSERT INTO schemes (code, current_version) VALUES (?, 1)').run(`S${i}`);
    db.prepare(
      "INSERT INTO scheme_versions (code, version, definition, saved_by, saved_at) VALUES (?, 1, ?, 'bench', '2026-10-01')",
    ).run(`S${i}`, JSON.stringify({ name: `Scheme ${i}` }));
  }
})();
const run = syntheticRun(db, LINES);
saveExportProfile(db, { name: 'Default', companyName: 'Bench Manufacturing Ltd.' }, 'bench');
// Approval needs two people with profiles (the maker-checker rule).
createUser(db, { name: 'priya', fullName: 'Priya', role: 'preparer', pin: '482913' }, 'bench');
createUser(db, { name: 'arjun', fullName: 'Arjun', role: 'approver', pin: '739214' }, 'bench');
submitRun(db, run, { name: 'priya', role: 'preparer' });
approveRun(db, run, { name: 'arjun', role: 'approver' });

db.close();

// Each format in a process of its own, in the export worker as the app runs it (bundled, with its
// limits), so the figures are the app's and each peak memory its own; then openpyxl; all of it
// ROUNDS times in turn (rounds.ts).
const out = join(folder, 'out');
const python = '/usr/bin/python3';
const script = join(folder, 'openpyxl_register.py');
writeFileSync(
  script,
  `import csv, resource, sys, time
from openpyxl import Workbook
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig')))[2:-1]  # past the caption and header; not the TOTAL row
t = time.perf_counter()
wb = Workbook(write_only=True)
ws = wb.create_sheet('Detail')
for r in rows:
    ws.append([float(c) if i in (11, 12, 15) and c else c for i, c in enumerate(r)])
wb.save(sys.argv[2])
print('{"seconds": %f, "peakRssMb": %d}' % (time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024))
`,
);
type Exported = Measured & { files: number; bytes: number };
/** The alternative: openpyxl (write-only, streaming) writing the register's detail rows, read from our CSV register. */
function openpyxl(): Exported {
  const into = join(folder, 'openpyxl.xlsx');
  const r = lastLineJson<Measured>(
    execFileSync(python, [script, join(out, `run-${run}-csv.csv`), into], { encoding: 'utf8' }),
  );
  return { ...r, files: 1, bytes: statSync(into).size };
}
const hasOpenpyxl = (() => {
  try {
    execFileSync(python, ['-c', 'import openpyxl'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const child = await bundledChild(join(import.meta.dirname, 'export-child.ts'));
let measured: Record<string, Exported[]>;
try {
  const formats = Object.fromEntries(
    exportFormatIds.map((format) => [
      format,
      () => child.run<Exported>(join(folder, 'workspace.sqlite'), String(run), format, out),
    ]),
  );
  measured = await inRounds<string, Exported>(rounds, hasOpenpyxl ? { ...formats, openpyxl } : formats, (round) =>
    console.log(`round ${round} of ${rounds} …`),
  );
} finally {
  child.remove();
}

console.log(
  `\nbench:export — ${LINES.toLocaleString('en-US')} payout lines, ${PAYEES} payees, approved run ${run}; median seconds of ${rounds} rounds (fastest–slowest)`,
);
console.log(['format', 'seconds', 'lines/s', 'files', 'MB', 'peak MB'].join('\t'));
for (const format of exportFormatIds) {
  const results = measured[format] ?? [];
  const r = medianOf(results);
  console.log(
    [
      format,
      secondsText(results),
      Math.round(LINES / r.seconds).toLocaleString('en-US'),
      String(r.files),
      (r.bytes / 1e6).toFixed(1),
      String(r.peakRssMb),
    ].join('\t'),
  );
}
const register = measured.xlsx;
const theirs = measured.openpyxl;
if (register && theirs) {
  const median = medianOf(theirs).seconds;
  console.log(
    `alternative: openpyxl write-only, the same ${LINES.toLocaleString('en-US')} register rows: ${secondsText(theirs)} s (${Math.round(
      LINES / median,
    ).toLocaleString('en-US')} rows/s, ${medianOf(theirs).peakRssMb} MB); the xlsx register is ${(
      median / medianOf(register).seconds
    ).toFixed(2)}× as fast (aim: at least 2×)`,
  );
} else console.log('alternative: python3-openpyxl is not installed (apt-get install -y python3-openpyxl)');
const statements = measured.statements ?? [];
console.log(`statements: ${secondsText(statements)} s for ${medianOf(statements).files} files (aim: at most 5 s)`);
