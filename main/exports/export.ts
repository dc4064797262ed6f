import { createHash } from 'node:crypto';
import { dirname, extname, join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { paiseToRupees } from '../../engine/money';
import type { Progress } from '../api/progress';
import { ApiFailure } from '../api/result';
import { runSealProblems } from '../audit/integrity';
import { appendAudit } from '../audit/log';
import { exportProfileProblems } from '../audit/saved-settings';
import { runClaims } from '../controls/claims';
import { crashPoint } from '../files/crash-points';
import { WorkflowRefusedError } from '../review/actions';
import { RunNotFoundError } from '../review/run-state';
import { type RunStatus, statusRefusal } from '../review/workflow';
import type { ExportInput, ExportPlan, OutFile, Preview } from './format';
import { type ExportFormatId, exportFormats } from './formats';
import { beginJob, commitJob, endJob, moveIntoPlace, movesOf, stagedWrites } from './on-disk';
import { linesForExport, runForExport } from './payouts';
import { ControlTotalError, PartyClashError, partyClashes, vouchersFor } from './postings';
import { exportProfile } from './profiles';

export interface ExportRequest {
  run: number;
  format: ExportFormatId;
  profile: string;
  /** A folder to write into, or (for a one-file format) the file itself. Default: the workspace's exports folder. */
  out?: string;
  /** A preview of a run that is not approved: every file says DRAFT — NOT APPROVED, and the run does not move. */
  draft: boolean;
  /** Statements also as HTML pages to print from a browser, where no PDF printer is at hand. */
  printable?: boolean;
}

export interface ExportedFile {
  name: string;
  path: string;
  bytes: number;
  rows: number;
  sha256: string;
  controlTotal: string;
}

export interface ExportResult {
  /** The entry in the export history. */
  id: number;
  run: number;
  format: ExportFormatId;
  profile: string;
  draft: boolean;
  status: RunStatus;
  folder: string;
  files: ExportedFile[];
  controlTotal: string;
  runTotal: string;
}

interface Prepared {
  plan: ExportPlan;
  /** What would make the files wrong (payees sharing a party ledger): refused when writing, shown in a preview. */
  warnings: string[];
  label: string;
  status: RunStatus;
  total: bigint;
}

function prepare(
  db: Database.Database,
  request: Omit<ExportRequest, 'out'> & { previewOnly?: boolean },
  progress: (p: Progress) => void,
  printPdf?: ExportInput['printPdf'],
): Prepared {
  const run = runForExport(db, request.run);
  if (!run) throw new RunNotFoundError(`There is no run ${request.run}`);
  const refused = statusRefusal(run, 'export');
  // A preview of a run that cannot be exported yet shows the draft it would be.
  const draft = request.draft || (refused !== null && request.previewOnly === true);
  if (refused && !draft) {
    throw new WorkflowRefusedError(
      `${refused} Only an approved run is exported; export it as a draft preview to see the files first.`,
    );
  }
  // What the approval sealed is what is paid: lines changed outside SchemeDesk since are not.
  const broken = draft ? [] : [...runSealProblems(db, run.id), ...exportProfileProblems(db, request.profile)];
  if (broken.length > 0) {
    throw new WorkflowRefusedError(
      `Run ${run.id} is not exported: ${broken.join('; ')} (the audit log holds what was approved and saved). Nothing was written; run "audit verify" and restore the workspace from a backup`,
    );
  }
  const format = exportFormats[request.format];
  const profile = exportProfile(db, request.profile);
  progress({ phase: 'Reading the run', done: 0, total: 0 });
  const lines = linesForExport(db, run.id);
  const warnings = format.postsToParties
    ? partyClashes(
        lines.filter((l) => l.payable !== 0),
        profile,
      )
    : [];
  if (warnings.length > 0 && request.previewOnly !== true) throw new PartyClashError(warnings);
  const vouchers = format.postsToParties ? vouchersFor(run, lines, profile, draft) : [];
  const base = `run-${run.id}-${request.format}${draft ? '-DRAFT' : ''}`;
  const plan = format.plan({
    run,
    lines,
    vouchers,
    profile,
    draft,
    base,
    printPdf,
    printable: request.printable === true,
    claims: request.format === 'statements' ? runClaims(db, run.id).lines : [],
    progress: (done, total) => progress({ phase: `Writing ${format.label}`, done, total }),
  });
  if (plan.controlTotal !== run.total) {
    throw new ControlTotalError(
      `The ${format.label} adds up to ${paiseToRupees(plan.controlTotal)} but run ${run.id} pays ${paiseToRupees(
        run.total,
      )}; nothing was written`,
    );
  }
  return { plan, warnings, label: format.label, status: run.status, total: run.total };
}

/**
 * The first rows of what an export would write, without writing anything; a run that cannot be
 * exported yet is previewed as the draft it would be.
 */
export function previewExport(
  db: Database.Database,
  request: Omit<ExportRequest, 'out'>,
  progress: (p: Progress) => void = () => {},
): { preview: Preview; files: { name: string; rows: number }[]; controlTotal: string; warnings: string[] } {
  const { plan, warnings } = prepare(db, { ...request, previewOnly: true }, progress);
  return {
    warnings,
    preview: plan.preview,
    files: plan.files.map((f) => ({ name: f.name, rows: f.rows })),
    controlTotal: paiseToRupees(plan.controlTotal),
  };
}

/** How many files are built at once: each one's zipping runs on libuv's threads while the next is laid out. */
const BUILDING_AHEAD = 4;

/**
 * The files' contents in order, each built a few files ahead of the one asked for. A build that
 * fails is reported when its file is asked for; those never asked for (a cancel, an earlier
 * failure) are left to fail unheard.
 */
function buildAhead(files: readonly OutFile[]): (i: number) => Promise<Buffer> {
  const started = new Map<number, Promise<Buffer>>();
  const start = (k: number) => {
    const file = files[k];
    if (!file || started.has(k)) return;
    const content = Promise.resolve().then(() => file.build());
    content.catch(() => undefined);
    started.set(k, content);
  };
  return (i) => {
    for (let k = i; k <= i + BUILDING_AHEAD; k++) start(k);
    const content = started.get(i) as Promise<Buffer>;
    started.delete(i);
    return content;
  };
}

/** The same function, its calls made one after another: each starts when the one before has settled. */
function oneAtATime<A, R>(work: (arg: A) => Promise<R>): (arg: A) => Promise<R> {
  let last: Promise<unknown> = Promise.resolve();
  return (arg) => {
    const next = last.then(() => work(arg));
    last = next.catch(() => undefined);
    return next;
  };
}

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** Where the files go: a folder, or (one file, `out` naming a file of its type) that exact file. */
function targets(out: string, names: readonly string[]): { folder: string; paths: string[] } {
  const only = names.length === 1 ? (names[0] as string) : null;
  if (only && extname(out) !== '' && extname(out).toLowerCase() === extname(only).toLowerCase()) {
    return { folder: dirname(resolve(out)), paths: [resolve(out)] };
  }
  const folder = resolve(out);
  return { folder, paths: names.map((n) => join(folder, n)) };
}

/**
 * Writes an export: checks the run may be exported and plans its files (their control total
 * checked against the run's); records the job; builds each file, writes it into a staging folder
 * beside its destination and syncs it (a cancel stops between two files); commits, in one
 * transaction, the history entry, the audit entry (with every file's SHA-256) and the run's move
 * to Exported; and only then renames the files into place (on-disk.ts). A crash anywhere leaves
 * files and records that agree once the next start has finished or rolled back the job.
 * The same run and profile always give the same bytes.
 */
export async function exportRun(
  db: Database.Database,
  request: ExportRequest & { user: string; defaultFolder: string },
  progress: (p: Progress) => void = () => {},
  printPdf?: ExportInput['printPdf'],
  signal?: AbortSignal,
): Promise<ExportResult> {
  // In a worker, cancelling ends the thread; in process (statements printed by Electron) it
  // stops at the next file, before anything is recorded.
  const reported = (p: Progress) => {
    if (signal?.aborted) throw new ApiFailure('cancelled', 'Cancelled; nothing was written.');
    progress(p);
  };
  // Files are built a few at a time (buildAhead), but a printer prints one page at a time.
  const { plan, label, status, total } = prepare(db, request, reported, printPdf && oneAtATime(printPdf));
  const names = plan.files.map((f) => f.name);
  const { folder, paths } = targets(request.out ?? request.defaultFolder, names);
  const { job, stage } = beginJob(db, request.run, folder);
  let committed = false;
  const files: ExportedFile[] = [];
  const staged = stagedWrites(stage);
  try {
    const built = buildAhead(plan.files);
    for (const [i, file] of plan.files.entries()) {
      const content = await built(i);
      await staged.write(file.name, content);
      files.push({
        name: file.name,
        path: paths[i] as string,
        bytes: content.length,
        rows: file.rows,
        sha256: sha256(content),
        controlTotal: paiseToRupees(file.controlTotal),
      });
      reported({ phase: `Writing ${label}`, done: i + 1, total: plan.files.length });
    }
    await staged.done();
    const moves = movesOf(stage, names, paths, folder);
    const record = db.transaction(() => {
      const now = new Date().toISOString();
      const moved: RunStatus = !request.draft && status === 'approved' ? 'exported' : status;
      const id = Number(
        db
          .prepare(
            `INSERT INTO exports (run_id, format, profile, draft, folder, files, control_total, made_by, made_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            request.run,
            request.format,
            request.profile,
            request.draft ? 1 : 0,
            folder,
            JSON.stringify(
              files.map(({ name, bytes, rows, sha256, controlTotal }) => ({ name, bytes, rows, sha256, controlTotal })),
            ),
            total,
            request.user,
            now,
          ).lastInsertRowid,
      );
      if (moved !== status) db.prepare('UPDATE runs SET status = ? WHERE id = ?').run(moved, request.run);
      appendAudit(db, {
        user: request.user,
        action: request.draft ? 'export.draft' : 'export.file',
        subject: `run ${request.run}`,
        before: { status },
        after: {
          status: moved,
          export: id,
          format: request.format,
          profile: request.profile,
          controlTotal: paiseToRupees(total),
          files: files.map((f) => ({ name: f.name, sha256: f.sha256 })),
        },
      });
      commitJob(db, job, id, moves);
      return { id, moved };
    });
    crashPoint('export-before-commit');
    const { id, moved } = record.immediate();
    committed = true;
    crashPoint('export-committed');
    moveIntoPlace(moves);
    endJob(db, job, stage);
    return {
      id,
      run: request.run,
      format: request.format,
      profile: request.profile,
      draft: request.draft,
      status: moved,
      folder,
      files,
      controlTotal: paiseToRupees(plan.controlTotal),
      runTotal: paiseToRupees(total),
    };
  } finally {
    // Not committed: nothing of it stays, once no write is under way. (Committed but not moved:
    // the next start finishes it.)
    if (!committed) {
      await staged.done().catch(() => undefined);
      endJob(db, job, stage);
    }
  }
}
