import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createDemoWorkspace } from '../../main/demo/create';
import { defaultDemoOptions } from '../../main/demo/generate';
import { openWorkspace } from '../../main/store/open';
import { bundledChild, lastLineJson } from './bundled';
import { inRounds, type Measured, medianOf, roundsOf, secondsText } from './rounds';
import { benchHeader as header, benchLine as line } from './sales-lines';
import { removeWorkspace } from './workspace-files';

/**
 * npm run bench:import [-- ROWS] [--rounds N]: writes a sales register of ROWS lines (default
 * 1,000,000) as xlsx and as CSV, then measures, each in its own process: a bare exceljs streaming
 * read of the xlsx, SchemeDesk's own xlsx reader alone, SchemeDesk's full import (parse + validate
 * + insert) of both files, the CSV's lines again under other document numbers into the workspace
 * the CSV went into (the next month, over a table of a million lines), the floor under both (the
 * same lines, already in stored values, through the import's own insert), and pandas' read_excel
 * (openpyxl) when Debian's python3-pandas is there. Every measurement but pandas is taken N times
 * (3 unless --rounds says), in turn (rounds.ts).
 */
const { rounds, rest } = roundsOf(process.argv.slice(2));
const lines = Number(rest[0] ?? 1_000_000);
const folder = join(tmpdir(), 'schemedesk-bench-import');
const xlsx = join(folder, `sales-${lines}.xlsx`);
const csv = join(folder, `sales-${lines}.csv`);
/** The same lines under other document numbers: the next month, imported over the first. */
const nextCsv = join(folder, `sales-${lines}-next.csv`);

async function writeFiles() {
  mkdirSync(folder, { recursive: true });
  if (!existsSync(xlsx)) {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: xlsx,
      useStyles: true,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet('Sales Register');
    sheet.addRow(header).commit();
    for (let i = 0; i < lines; i++) {
      const row = sheet.addRow(line(i));
      row.getCell(2).numFmt = 'dd-mm-yyyy';
      row.commit();
    }
    await workbook.commit();
  }
  for (const [path, prefix] of [
    [csv, ''],
    [nextCsv, 'NEXT-'],
  ] as const) {
    if (existsSync(path)) continue;
    const out = createWriteStream(path);
    out.write(`${header.join(',')}\n`);
    for (let i = 0; i < lines; i++) {
      const v = line(i);
      const day = (v[1] as Date).toISOString().slice(0, 10);
      const ok = out.write(`${[`${prefix}${v[0]}`, day, ...v.slice(2)].join(',')}\n`);
      if (!ok) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    await new Promise<void>((resolve) => out.end(() => resolve()));
  }
}

async function freshWorkspace(name: string): Promise<string> {
  const path = join(folder, `${name}.sqlite`);
  removeWorkspace(path);
  const db = await openWorkspace(path);
  await createDemoWorkspace(db, {
    folder: join(folder, `${name}-demo`),
    user: 'bench',
    options: { ...defaultDemoOptions, secondaryLines: 1000 },
  });
  // The lines sell outlet n through distributor n mod 50: make the outlets master say so.
  db.exec("UPDATE outlets SET distributor_code = printf('D%03d', (CAST(substr(code, 2) AS INTEGER) - 1) % 50 + 1)");
  db.close();
  return path;
}

const child = await bundledChild(join(import.meta.dirname, 'import-child.ts'));

const measure = (...args: string[]) => child.run<{ rows: number; seconds: number; peakRssMb: number }>(...args);

if (!existsSync(xlsx) || !existsSync(csv))
  console.log(`Writing ${lines.toLocaleString('en-IN')} sales lines as xlsx and CSV in ${folder} …`);
await writeFiles();
const mb = (path: string) => (statSync(path).size / 1e6).toFixed(0);
console.log(`xlsx ${mb(xlsx)} MB, CSV ${mb(csv)} MB\n`);

/** pandas.read_excel of the same file, in Debian's python3 (not the one first on PATH, which may lack it). */
function pandas(): { rows: number; seconds: number; peakRssMb: number } | null {
  const python = '/usr/bin/python3';
  const script = `
import resource, sys, time
import pandas
t = time.perf_counter()
frame = pandas.read_excel(sys.argv[1], engine="openpyxl")
print('{"rows": %d, "seconds": %f, "peakRssMb": %d}' % (len(frame), time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024))
`;
  try {
    const out = execFileSync(python, ['-c', script, xlsx], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return lastLineJson(out);
  } catch {
    return null;
  }
}

type Imported = Measured & { rows: number };
const names = {
  exceljs: 'exceljs streaming read of the xlsx (no validation, no insert)',
  reader: 'SchemeDesk xlsx reader alone (no validation, no insert)',
  xlsx: 'SchemeDesk import of the xlsx (parse + validate + insert)',
  csv: 'SchemeDesk import of the CSV (parse + validate + insert)',
  // Into the workspace the CSV was just imported into: the month after, over a full table.
  next: 'SchemeDesk import of the next month as CSV, into that workspace',
  floor: "SQLite alone: the same lines through the import's insert (floor)",
  pandas: 'pandas read_excel of the xlsx (openpyxl; no validation, no insert)',
};
let measured: Partial<Record<keyof typeof names, Imported[]>>;
try {
  measured = await inRounds<Exclude<keyof typeof names, 'pandas'>, Imported>(
    rounds,
    {
      exceljs: () => measure('exceljs', xlsx),
      reader: () => measure('reader', xlsx),
      xlsx: async () => measure('import', xlsx, await freshWorkspace('xlsx')),
      csv: async () => measure('import', csv, await freshWorkspace('csv')),
      next: () => measure('import', nextCsv, join(folder, 'csv.sqlite')),
      floor: async () => measure('insert', String(lines), await freshWorkspace('insert')),
    },
    (round) => console.log(`round ${round} of ${rounds} …`),
  );
} finally {
  child.remove();
}
// pandas once: at 5–6 times our import's time, the machine's swings do not change the comparison.
const frame = pandas();
if (frame) measured.pandas = [frame];
else console.log('pandas: not measured (Debian python3-pandas and python3-openpyxl are not installed)\n');

const results = (Object.keys(names) as (keyof typeof names)[]).flatMap((k) => {
  const all = measured[k];
  return all ? [[names[k], all] as const] : [];
});
const width = Math.max(...results.map(([name]) => name.length));
console.log(
  `\n${'what'.padEnd(width)}  ${'rows'.padStart(9)}  ${`median of ${rounds} (fastest–slowest) s`.padStart(26)}  ${'rows/s'.padStart(8)}  peak RSS`,
);
for (const [name, all] of results) {
  const r = medianOf(all);
  console.log(
    `${name.padEnd(width)}  ${String(r.rows).padStart(9)}  ${secondsText(all, 1).padStart(26)}  ${String(Math.round(r.rows / r.seconds)).padStart(8)}  ${r.peakRssMb} MB`,
  );
}
const median = (k: keyof typeof names) => medianOf(measured[k] ?? []);
const peak = Math.max(median('xlsx').peakRssMb, median('csv').peakRssMb);
console.log(
  `\nthe xlsx import is ${(median('exceljs').seconds / median('xlsx').seconds).toFixed(2)}× as fast as the bare exceljs read (aim: 3×); the CSV import ${Math.round(
    median('csv').rows / median('csv').seconds,
  ).toLocaleString('en-US')} rows/s (aim: 250,000); peak ${peak} MB (aim: at most 400 MB)`,
);
