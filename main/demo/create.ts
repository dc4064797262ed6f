import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { Progress } from '../api/progress';
import { countRows } from '../datasets/read';
import { defaultProfileName, saveExportProfile } from '../exports/profiles';
import { runImport } from '../import/importer';
import { executeRun, type RunSummary } from '../runs/execute';
import { saveScheme } from '../schemes/store';
import { createUser } from '../users/profiles';
import { monthBounds } from './calendar';
import { type DemoOptions, defaultDemoOptions, generateDemo } from './generate';
import { demoSchemes } from './schemes';
import { COMPANY, writeErpWorkbook } from './write-xlsx';

export class WorkspaceNotEmptyError extends Error {
  constructor() {
    super('This workspace already holds data; the demo is only created in an empty workspace.');
    this.name = 'WorkspaceNotEmptyError';
  }
}

export function isWorkspaceEmpty(db: Database.Database): boolean {
  return (db.prepare('SELECT count(*) AS n FROM import_batches').get() as { n: number }).n === 0;
}

/** One profile per role, so maker-checker can be tried at once; the PINs are in the README. */
export const demoUsers = [
  { name: 'priya', fullName: 'Priya Sharma', role: 'preparer', pin: '1111' },
  { name: 'arjun', fullName: 'Arjun Mehta', role: 'approver', pin: '2222' },
  { name: 'admin', fullName: 'Asha Iyer', role: 'admin', pin: '0000' },
] as const;
/** The demo's files are imported, its schemes written and its first run made by its preparer, not by whoever opened it. */
const demoPreparer = demoUsers[0].name;

/**
 * Generates the demo month, writes it as ERP-style workbooks into `folder` and imports those
 * files through the importer, as a user's files arrive, all in one transaction: a failure or a
 * cancel part-way leaves the workspace as empty as it was.
 */
export async function createDemoWorkspace(
  db: Database.Database,
  /** `user`: who asked for the demo; they create its profiles. Its data is Priya's, its preparer. */
  args: { folder: string; user: string; options?: Partial<DemoOptions>; onProgress?: (p: Progress) => void },
) {
  if (!isWorkspaceEmpty(db)) throw new WorkspaceNotEmptyError();
  const options = { ...defaultDemoOptions, ...args.options };
  const period = monthBounds(options.month);
  args.onProgress?.({ phase: 'Generating the demo month', done: 0, total: 1 });
  const files = generateDemo(options);
  const total = files.reduce((n, f) => n + f.rows.length, 0) * 2;
  let done = 0;
  const report = (phase: string, base: number) => (rows: number) =>
    args.onProgress?.({ phase, done: base + rows, total });
  mkdirSync(args.folder, { recursive: true });
  for (const file of files) {
    await writeErpWorkbook(join(args.folder, file.file), file, period, report(`Writing ${file.file}`, done));
    done += file.rows.length;
  }
  db.exec('BEGIN IMMEDIATE');
  try {
    for (const file of files) {
      const path = join(args.folder, file.file);
      const loading = report(`Loading ${file.file}`, done);
      const result = await runImport(db, { path, kind: file.kind, user: demoPreparer, locale: 'en-IN' }, (p) =>
        loading(p.rows ?? 0),
      );
      if (result.batch === null) {
        const first = result.errors[0];
        throw new Error(`${file.file} did not import: row ${first?.row}, ${first?.column}: ${first?.message}`);
      }
      done += file.rows.length;
    }
    const launched = (files.find((f) => f.kind === 'products')?.rows ?? [])
      .filter((p) => String(p.launch_date) >= period.from && String(p.launch_date) <= period.to)
      .map((p) => String(p.sku));
    for (const definition of demoSchemes(options.month, launched)) saveScheme(db, definition, demoPreparer);
    for (const user of demoUsers) createUser(db, user, args.user);
    // The demo's distributors master carries each one's ledger name: two share a trading name.
    saveExportProfile(db, { name: defaultProfileName, companyName: COMPANY, partyBy: 'ledger_name' }, demoPreparer);
    db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('demo_month', ?)").run(options.month);
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
  // The first run of the month, so the Runs screen has one to open.
  args.onProgress?.({ phase: 'Calculating the first run', done: total, total });
  const run: RunSummary = executeRun(db, { from: period.from, to: period.to, user: demoPreparer });
  return { folder: args.folder, month: options.month, tables: countRows(db), run: run.run };
}
