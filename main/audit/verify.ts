import type Database from 'better-sqlite3';
import { readAnchor } from './anchor';
import { integrityProblems } from './integrity';
import { type AuditVerdict, verifyAudit } from './log';

export interface WorkspaceVerdict extends AuditVerdict {
  /** What else does not agree with the chain: approved runs, guards, users, the head kept beside the file. */
  problems: string[];
}

/**
 * `audit verify`: the chain entry by entry, its head (in the workspace and in the file beside
 * it), and everything the chain vouches for — each approved run's lines and approver, the
 * triggers and views that guard money, every user's role and PIN hash.
 */
export function verifyWorkspace(db: Database.Database, dbPath: string): WorkspaceVerdict {
  const chain = verifyAudit(db);
  const problems: string[] = chain.problem ? [chain.problem] : [];
  const anchor = readAnchor(dbPath);
  if (anchor) {
    const entry = db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(anchor.seq) as
      | { hash: string }
      | undefined;
    if (!entry)
      problems.push(
        `the log ends at entry ${chain.entries} but entry ${anchor.seq} was written (the head kept beside the workspace): entries were removed from the end`,
      );
    else if (entry.hash !== anchor.hash)
      problems.push(
        `entry ${anchor.seq} is not the one written then (the head kept beside the workspace): the log was rewritten`,
      );
  }
  problems.push(...integrityProblems(db));
  return { ...chain, ok: problems.length === 0, problem: problems[0] ?? null, problems };
}
