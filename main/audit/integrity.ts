import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { appendAudit } from './log';
import { mastersProblems } from './saved-masters';
import { schemeProblems } from './saved-schemes';
import { exportProfileProblems, moneyProblems, thresholdProblems } from './saved-settings';

/**
 * What the audit chain vouches for beyond its own entries: the triggers and views that guard
 * money; each run's lines as calculated and as approved, whom it pays, and its record of makers,
 * overrides and acknowledgements; each user's role and PIN hash — here — and the saved settings,
 * schemes and masters (saved-settings.ts, saved-schemes.ts, saved-masters.ts), which
 * `integrityProblems` gathers. Each is written into the chain as a digest, or as the save itself,
 * when the app changes it; `audit verify` recomputes them from the file, so a change made with
 * plain SQL — even with a trigger dropped and put back — is found.
 */
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The definitions of every trigger and view of the workspace. */
export function guardsDigest(db: Database.Database): string {
  const rows = db
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'view') ORDER BY type, name")
    .all();
  return sha256(JSON.stringify(rows));
}

/** Records the guards as they are now; called by the migrations that change them, never at run time. */
export function recordGuards(db: Database.Database, by = 'SchemeDesk'): void {
  appendAudit(db, { user: by, action: 'schema.guards', subject: 'workspace', after: { sha256: guardsDigest(db) } });
}

/** What a run pays, line by line, as it will be paid: the digest its approval seals. */
export const runLinesDigest = (db: Database.Database, run: number) =>
  linesDigest(db, run, 'SELECT id, scheme_code, payee, kind, payable FROM payable_lines WHERE run_id = ? ORDER BY id');

/**
 * Whom a run pays, line by line, as an export names them: each line's payee name and the ledger
 * kept for its payee at approval. The approval seals it beside the amounts.
 */
export function partiesDigest(db: Database.Database, run: number): string {
  const rows = db
    .prepare(
      `SELECT l.id, l.payee_name, rl.ledger_name FROM payout_lines l
         LEFT JOIN run_ledgers rl ON rl.run_id = l.run_id AND rl.payee = l.payee
       WHERE l.run_id = ? ORDER BY l.id`,
    )
    .raw(true)
    .all(run);
  return sha256(JSON.stringify(rows));
}

/**
 * What the engine worked out for a run, line by line, overrides apart: the digest its calculation
 * writes into the chain, which submitting and approving check the lines against.
 */
export const calculatedDigest = (db: Database.Database, run: number) =>
  linesDigest(db, run, 'SELECT id, scheme_code, payee, kind, final FROM payout_lines WHERE run_id = ? ORDER BY id');

function linesDigest(
  db: Database.Database,
  run: number,
  sql: string,
): { sha256: string; lines: number; total: string } {
  const hash = createHash('sha256');
  let lines = 0;
  let total = 0n;
  const rows = db.prepare(sql).safeIntegers(true).raw(true).iterate(run) as IterableIterator<
    [bigint, string, string, string, bigint]
  >;
  for (const row of rows) {
    hash.update(`${row.join('\u001f')}\u001e`);
    lines += 1;
    total += row[4];
  }
  return { sha256: hash.digest('hex'), lines, total: total.toString() };
}

/**
 * Who made a run and what people decided beside the engine: its preparer and submitter, every
 * maker's step, every override (superseded ones too, with who made it and why) and every control
 * flag with its acknowledgement. Each step that changes them writes this digest into the chain;
 * submitting and approving check it, so an override or an acknowledgement written with SQL, or a
 * maker's step deleted (its trigger dropped and put back) so they could approve, is refused.
 */
export function runRecordDigest(db: Database.Database, run: number): string {
  const rows = (sql: string) => db.prepare(sql).raw(true).all(run);
  return sha256(
    JSON.stringify([
      rows('SELECT created_by, submitted_by, submitted_by_id FROM runs WHERE id = ?'),
      rows('SELECT user_id, step, at FROM run_makers WHERE run_id = ? ORDER BY rowid'),
      rows(
        `SELECT id, scheme_code, payee, kind, amount, calculated, reason, made_by, made_by_id, made_at, superseded_at
         FROM overrides WHERE run_id = ? ORDER BY id`,
      ),
      rows(
        `SELECT id, kind, payee, scheme_code, blocking, acknowledged_by, acknowledged_by_id, acknowledged_at, acknowledgement
         FROM run_flags WHERE run_id = ? ORDER BY id`,
      ),
    ]),
  );
}

/** A user as the app last wrote them: id, name, role, whether active, and the PIN hash. */
export function userDigest(user: { id: number; name: string; role: string; active: number; pin_hash: string }): string {
  return sha256(JSON.stringify([user.id, user.name.toLowerCase(), user.role, user.active, user.pin_hash]));
}

interface UserRow {
  id: number;
  name: string;
  role: string;
  active: number;
  pin_hash: string;
}

export function userRow(db: Database.Database, id: number): UserRow {
  return db.prepare('SELECT id, name, role, active, pin_hash FROM users WHERE id = ?').get(id) as UserRow;
}

/** The latest digest the chain holds for each subject of one kind of entry. */
function latestDigests(db: Database.Database, actions: readonly string[]): Map<string, Record<string, unknown>> {
  const latest = new Map<string, Record<string, unknown>>();
  const rows = db
    .prepare(`SELECT subject, after FROM audit_log WHERE action IN (${actions.map(() => '?').join(', ')}) ORDER BY seq`)
    .all(...actions) as { subject: string; after: string | null }[];
  for (const r of rows) latest.set(r.subject, r.after === null ? {} : (JSON.parse(r.after) as Record<string, unknown>));
  return latest;
}

const sealActions = ['run.approve', 'run.seal'] as const;
const calculateActions = ['run.create', 'run.calculate'] as const;
const userActions = ['user.create', 'user.update', 'user.baseline'] as const;

/** The latest digest the chain holds for one subject of one kind of entry (undefined when none). */
function latestDigest(
  db: Database.Database,
  actions: readonly string[],
  subject: string,
): Record<string, unknown> | undefined {
  const after = db
    .prepare(
      `SELECT after FROM audit_log WHERE action IN (${actions.map(() => '?').join(', ')}) AND subject = ? ORDER BY seq DESC LIMIT 1`,
    )
    .pluck()
    .get(...actions, subject) as string | null | undefined;
  return after === undefined ? undefined : after === null ? {} : (JSON.parse(after) as Record<string, unknown>);
}

/** The guards' digest against the one the chain holds last, in words: empty when they agree. */
function guardsProblems(db: Database.Database): string[] {
  const guards = latestDigest(db, ['schema.guards'], 'workspace');
  return guards && guards.sha256 !== guardsDigest(db)
    ? ['the triggers or views that guard money were changed outside SchemeDesk']
    : [];
}

const sealedRuns = `SELECT id, status, approved_by, approved_by_id FROM runs WHERE status IN ('approved', 'exported', 'reversed')`;
interface SealedRun {
  id: number;
  status: string;
  approved_by: string | null;
  approved_by_id: number | null;
}

/** What about an approved run does not agree with the approval the chain holds for it (`seal`), in words. */
function sealProblems(
  db: Database.Database,
  run: SealedRun,
  seal: Record<string, unknown> | undefined,
  record: string | undefined,
): string[] {
  if (!seal) return [`run ${run.id} is ${run.status} but the log holds no approval of it`];
  const problems: string[] = [];
  if (seal.approverId !== undefined && seal.approverId !== run.approved_by_id) {
    problems.push(
      `run ${run.id} names approver ${run.approved_by ?? '(none)'}, not the one whose approval the log holds`,
    );
  }
  if (seal.linesSha256 !== runLinesDigest(db, run.id).sha256) {
    problems.push(`the payout lines of approved run ${run.id} were changed after its approval`);
  }
  if (typeof seal.partiesSha256 === 'string' && seal.partiesSha256 !== partiesDigest(db, run.id)) {
    problems.push(`the payees' names or ledgers of approved run ${run.id} were changed after its approval`);
  }
  problems.push(...recordDiffers(db, run.id, record));
  return problems;
}

/**
 * What about one approved run, and the guards of every run, does not agree with the chain: an
 * export checks it before it writes a file an accounting system will post, as `audit verify`
 * checks every run (a guard dropped lets a line's name change where the seal does not look).
 */
export function runSealProblems(db: Database.Database, runId: number): string[] {
  const run = db.prepare(`${sealedRuns} AND id = ?`).get(runId) as SealedRun | undefined;
  const seal = run
    ? sealProblems(db, run, latestDigest(db, sealActions, `run ${runId}`), latestRecordDigest(db, runId))
    : [];
  return [...guardsProblems(db), ...moneyProblems(db), ...seal];
}

/** What about a user does not agree with the chain's latest entry for them (`known`), in words; null when all does. */
function userProblem(user: UserRow, known: Record<string, unknown> | undefined): string | null {
  if (!known) return `user ${user.name} was added outside SchemeDesk`;
  return known.digest === userDigest(user)
    ? null
    : `user ${user.name}'s name, role, status or PIN was changed outside SchemeDesk`;
}

/**
 * Whether a run's lines are still those its last calculation wrote (overrides, kept apart, may
 * differ): a line changed with SQL between calculating and approving would be approved as if the
 * engine had worked it out, no override shown. Runs calculated before calculations wrote their
 * digest cannot be told, and pass.
 */
export function calculationProblems(db: Database.Database, runId: number): string[] {
  const calculated = latestDigest(db, calculateActions, `run ${runId}`);
  if (typeof calculated?.linesSha256 !== 'string') return [];
  return calculated.linesSha256 === calculatedDigest(db, runId).sha256
    ? []
    : [`the payout lines of run ${runId} were changed outside SchemeDesk after it was calculated`];
}

/**
 * Whether who made a run, its overrides and its acknowledged flags are what the app last wrote
 * (the chain's latest entry about the run that holds their digest); runs whose entries predate
 * the digest cannot be told, and pass.
 */
export const recordProblems = (db: Database.Database, runId: number): string[] =>
  recordDiffers(db, runId, latestRecordDigest(db, runId));

/** recordProblems, given the digest the chain holds last for the run (`written`; none passes). */
function recordDiffers(db: Database.Database, runId: number, written: string | undefined): string[] {
  return written === undefined || written === runRecordDigest(db, runId)
    ? []
    : [
        `the makers, overrides or acknowledged flags of run ${runId} were changed outside SchemeDesk after its last step in the app`,
      ];
}

/**
 * The record digest each entry about a run holds (`run N`, `run N: …`): written by many actions,
 * so found by subject.
 */
const recordEntries = `SELECT seq, subject, CASE WHEN json_valid(after) THEN json_extract(after, '$.recordSha256') END AS digest
  FROM audit_log`;

/** A run's latest record digest, read from the end of the log back, where a run's last step mostly is. */
function latestRecordDigest(db: Database.Database, runId: number): string | undefined {
  return db
    .prepare(
      `SELECT digest FROM (${recordEntries} WHERE subject = @run OR subject LIKE @run || ':%')
       WHERE digest IS NOT NULL ORDER BY seq DESC LIMIT 1`,
    )
    .pluck()
    .get({ run: `run ${runId}` }) as string | undefined;
}

/**
 * Every run's latest record digest, in one pass over the log: `audit verify` asks it of every
 * run, where a pass per run read the whole log again for each (30 ms a run at 50,000 entries).
 */
function latestRecordDigests(db: Database.Database): Map<number, string> {
  const rows = db
    .prepare(
      `SELECT subject, digest FROM (${recordEntries} WHERE subject LIKE 'run %') WHERE digest IS NOT NULL ORDER BY seq`,
    )
    .all() as { subject: string; digest: string }[];
  return new Map(rows.map((r) => [Number(/^run (\d+)/.exec(r.subject)?.[1]), r.digest]));
}

/**
 * Whether the profile someone acts as is the one the app last wrote: sign-in, and the CLI's
 * `--as`, refuse a user added, re-roled or given another PIN with SQL (`audit verify` would only
 * have found it after they had approved).
 */
export function profileProblem(db: Database.Database, id: number): string | null {
  return userProblem(userRow(db, id), latestDigest(db, userActions, `user #${id}`));
}

/**
 * Everything about approved runs, the guards and the users that does not agree with the chain,
 * in words; empty when all agrees.
 */
export function integrityProblems(db: Database.Database): string[] {
  const problems = [
    ...guardsProblems(db),
    ...thresholdProblems(db),
    ...moneyProblems(db),
    ...exportProfileProblems(db),
    ...schemeProblems(db),
    ...mastersProblems(db),
  ];

  const seals = latestDigests(db, sealActions);
  const runs = db.prepare(`${sealedRuns} ORDER BY id`).all() as SealedRun[];
  const records = latestRecordDigests(db);
  for (const run of runs) problems.push(...sealProblems(db, run, seals.get(`run ${run.id}`), records.get(run.id)));
  const open = db
    .prepare("SELECT id FROM runs WHERE status IN ('calculated', 'submitted', 'rejected') ORDER BY id")
    .pluck()
    .all() as number[];
  for (const id of open) problems.push(...calculationProblems(db, id), ...recordDiffers(db, id, records.get(id)));

  const users = latestDigests(db, userActions);
  const rows = db.prepare('SELECT id, name, role, active, pin_hash FROM users ORDER BY id').all() as UserRow[];
  for (const user of rows) {
    const problem = userProblem(user, users.get(`user #${user.id}`));
    if (problem) problems.push(problem);
  }
  const ids = new Set(rows.map((u) => `user #${u.id}`));
  for (const subject of users.keys()) if (!ids.has(subject)) problems.push(`${subject} was removed outside SchemeDesk`);
  return problems;
}
