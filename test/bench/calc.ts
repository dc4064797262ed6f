import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays } from '../../engine/dates';
import type { SchemeInput } from '../../engine/model';
import { createBatch, prepareInsert } from '../../main/datasets/insert';
import { Random } from '../../main/demo/random';
import { demoSchemes } from '../../main/demo/schemes';
import { readSales } from '../../main/runs/read-sales';
import { saveScheme } from '../../main/schemes/store';
import { openWorkspace } from '../../main/store/open';
import { bundledChild } from './bundled';
import { salesWindow } from './calc-period';
import { inRounds, medianOf, roundsOf, secondsText, type Measured as Timed } from './rounds';
import { removeWorkspace } from './workspace-files';

/**
 * npm run bench:calc [-- LINES] [--rounds N] [--rebuild]: 1,000,000 secondary sales lines,
 * 50,000 outlets and 2,000 distributors in a workspace; 20 schemes covering every program kind;
 * then, each in its own process, the
 * full run (read facts, calculate, store lines and traces), the same run twice in the kept run
 * worker (the second finds the facts kept), and a plain SQL GROUP BY over the same lines, through
 * the date index and as a table scan — the floor for any aggregation-based design — and the
 * run's reading of its lines alone, the part of it no calculation can spare; the same run
 * over FEW_LINES lines, the part of it its lines do not make; and the keeping of every line that a
 * large import leaves the run worker to do in the background, with the run asked for the moment
 * the import ends, which waits for it.
 *
 * The workspace is built once, with its lines kept as a run keeps them and no run stored, and
 * every measurement runs on a copy of it of its own: each begins from the same workspace, where
 * measuring in the built one itself left it 40,000 payout lines larger with each run (47 runs
 * and 1.5 GB after a day of benches), so no two figures were taken from the same workspace. Every
 * measurement is taken N times (3 unless --rounds says), in turn (rounds.ts).
 */
const { rounds, rest } = roundsOf(process.argv.slice(2));
const LINES = Number(rest.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
/**
 * The same payees and schemes over this many lines: what a run costs whatever its lines (working
 * out, checking and storing its 40,000 payout lines), which the run over LINES lines adds to.
 */
const FEW_LINES = 20_000;
const folder = join(tmpdir(), 'schemedesk-bench-calc');
const builtWith = (lines: number) => join(folder, `workspace-${lines}.sqlite`);
const copy = join(folder, `measured-${LINES}.sqlite`);

async function build(lines: number) {
  console.log(
    `Building a workspace of ${lines.toLocaleString('en-IN')} sales lines, 50,000 outlets, 2,000 distributors …`,
  );
  mkdirSync(folder, { recursive: true });
  removeWorkspace(builtWith(lines));
  // The workspace earlier benches measured in, runs and all.
  removeWorkspace(join(folder, `calc-${lines}.sqlite`));
  const w = await openWorkspace(builtWith(lines));
  const random = new Random(7);
  const batch = createBatch(w, {
    kind: 'sales',
    fileName: 'bench',
    sha256: '0'.repeat(64),
    sizeBytes: 0,
    sheet: null,
    user: 'bench',
  });
  const ref = { batchId: batch, sheet: null, row: null };
  const channels = ['Grocery', 'Chemist', 'Pan Plus', 'Modern Trade', 'HoReCa'];
  w.transaction(() => {
    const d = prepareInsert(w, 'distributors');
    for (let i = 1; i <= 2000; i++)
      d(
        {
          code: `D${i}`,
          name: `Distributor ${i}`,
          region: ['North', 'South', 'East', 'West'][i % 4] ?? null,
          class: ['A', 'B', 'C'][i % 3] ?? null,
          onboarded_on: '2020-01-01',
        },
        ref,
      );
    const o = prepareInsert(w, 'outlets');
    for (let i = 1; i <= 50_000; i++)
      o(
        {
          code: `O${i}`,
          name: `Outlet ${i}`,
          distributor_code: `D${1 + (i % 2000)}`,
          channel: channels[i % 5] ?? null,
          created_on: i % 40 === 0 ? '2026-10-05' : '2024-01-01',
        },
        ref,
      );
    const p = prepareInsert(w, 'products');
    for (let i = 1; i <= 200; i++)
      p(
        {
          sku: `SKU-${String(i).padStart(4, '0')}`,
          name: `Product ${i}`,
          brand: `Brand ${i % 8}`,
          category: ['Beverages', 'Snacks', 'Personal Care', 'Home Care', 'Foods'][i % 5] ?? null,
          launch_date: '2024-01-01',
        },
        ref,
      );
    const s = prepareInsert(w, 'sales');
    for (let i = 0; i < lines; i++) {
      const outlet = 1 + random.int(0, 49_999);
      const credit = random.chance(0.012);
      const qty = random.int(1, 24);
      const net = qty * random.int(2_000, 60_000);
      // A fifth of the lines fall in the three months before, so dormancy and net additions have history.
      const date = i % 5 === 0 ? addDays('2026-07-01', random.int(0, 91)) : addDays('2026-10-01', random.int(0, 30));
      s(
        {
          doc_type: credit ? 'credit_note' : 'invoice',
          doc_no: `SI/${i}`,
          doc_date: date,
          line_no: 1,
          distributor_code: `D${1 + (outlet % 2000)}`,
          outlet_code: `O${outlet}`,
          sku: `SKU-${String(1 + random.int(0, 199)).padStart(4, '0')}`,
          qty: (credit ? -qty : qty) * 1000,
          net_value: credit ? -net : net,
        },
        ref,
      );
    }
    const t = prepareInsert(w, 'targets');
    for (let i = 1; i <= 2000; i++) {
      t(
        {
          period_from: '2026-10-01',
          period_to: '2026-10-31',
          distributor_code: `D${i}`,
          measure: 'billed_outlets',
          value: String(15 + (i % 10)),
        },
        ref,
      );
    }
  })();
  const kinds = demoSchemes('2026-10', ['SKU-0040', 'SKU-0080']);
  const schemes: SchemeInput[] = [];
  for (let i = 0; schemes.length < 20; i++) {
    const base = kinds[i % kinds.length];
    if (base) schemes.push({ ...base, code: `${base.code}-${i}`, budget: i % 3 === 0 ? undefined : base.budget });
  }
  for (const s of schemes) saveScheme(w, s, 'bench');
  readSales(w, salesWindow);
  w.close();
}

interface Measured extends Timed {
  lines?: number;
  groups?: number;
  first?: number;
  reread?: number;
}
const bundle = await bundledChild(join(import.meta.dirname, 'calc-child.ts'));
const child = (mode: string, from = 'kept', lines = LINES) => {
  copyFileSync(builtWith(lines), copy);
  try {
    return bundle.run<Measured>(mode, copy, from);
  } finally {
    removeWorkspace(copy);
  }
};

for (const lines of [LINES, FEW_LINES])
  if (!existsSync(builtWith(lines)) || process.argv.includes('--rebuild')) await build(lines);
const measures = {
  groupBy: () => child('group-by'),
  scan: () => child('group-by-scan'),
  readTable: () => child('read', 'from-table'),
  read: () => child('read'),
  runTable: () => child('run', 'from-table'),
  keeping: () => child('keep', 'from-table'),
  afterImport: () => child('after-import', 'from-table'),
  run: () => child('run'),
  few: () => child('run', 'kept', FEW_LINES),
  kept: () => child('kept'),
};
type Kind = keyof typeof measures;
let measured: Record<Kind, Measured[]>;
try {
  measured = await inRounds(rounds, measures, (round) => console.log(`round ${round} of ${rounds} …`));
} finally {
  bundle.remove();
}
const m = Object.fromEntries(
  Object.entries(measured).map(([k, results]) => [k, medianOf(results as Measured[])]),
) as Record<Kind, Measured>;
console.log(
  `\n${'what'.padEnd(84)}  ${`median of ${rounds} (fastest–slowest) s`.padStart(26)}  ${'rows/s'.padStart(10)}  peak RSS`,
);
const row = (name: string, results: readonly Measured[], lines = LINES) => {
  const r = medianOf(results);
  console.log(
    `${name.padEnd(84)}  ${secondsText(results).padStart(26)}  ${String(Math.round(lines / r.seconds)).padStart(10)}  ${r.peakRssMb} MB`,
  );
};
row('plain SQL GROUP BY distributor, through the date index', measured.groupBy);
row('plain SQL GROUP BY distributor, scanning the table', measured.scan);
row(`reading the run's ${m.read.lines} sales lines alone, from the table (and keeping them)`, measured.readTable);
row('reading them alone, from the lines kept', measured.read);
row(`SchemeDesk run: 20 schemes, all 9 kinds (${m.run.lines} lines), its lines from the table`, measured.runTable);
row('SchemeDesk run, its lines from the lines kept by an earlier run', measured.run);
row(
  `keeping all ${m.keeping.lines} lines, as the run worker does after a large import`,
  measured.keeping,
  m.keeping.lines,
);
row('the run asked for as the import ends: waits for that keeping, reads the lines kept', measured.afterImport);
row(`the same run over ${FEW_LINES} such lines, kept: what it costs whatever its lines`, measured.few, FEW_LINES);
row('the same run again in the kept run worker (facts kept)', measured.kept);
row(
  'again after a commit elsewhere (facts read again, from the lines kept)',
  measured.kept.map((r) => ({ seconds: r.reread ?? Number.NaN, peakRssMb: r.peakRssMb })),
);
const floor = Math.min(m.groupBy.seconds, m.scan.seconds);
const times = (r: Measured) => `${(r.seconds / floor).toFixed(1)}×`;
console.log(
  `\nrun ÷ fastest GROUP BY (medians): ${times(m.run)} with the lines kept, ${times(m.runTable)} from the table, ${times(m.afterImport)} asked for as an import ends (aim ≤ 2×; reading its lines alone ${times(m.read)} and ${times(m.readTable)}; the same run over ${FEW_LINES} lines ${times(m.few)}, so ${(m.run.seconds - m.few.seconds).toFixed(2)} s of it grows with the lines); second run ${m.kept.seconds.toFixed(2)} s (aim ≤ 1 s; its first run took ${m.kept.first?.toFixed(2)} s)`,
);
