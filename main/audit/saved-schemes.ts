import type Database from 'better-sqlite3';

interface Logged {
  version: number;
  status: 'active' | 'retired';
}

/**
 * Each scheme as its audited saves and retirements left it — which version is current, whether it
 * is active, and each saved version's rules — against the store: a current version moved back with
 * SQL to an older, richer one, a scheme retired or revived, a scheme added, or a version's rules
 * rewritten under a dropped trigger would change what the next run pays without a word. `current`
 * asks only what a run reads: a scheme added with SQL once retired, or an old version rewritten,
 * is history `audit verify` names, not a reason to calculate no run ever again.
 */
export function schemeProblems(db: Database.Database, scope: 'all' | 'current' = 'all'): string[] {
  const logged = new Map<string, Logged>();
  const saved = new Map<string, string | null>();
  const entries = db
    .prepare(
      "SELECT action, subject, after FROM audit_log WHERE action IN ('scheme.save', 'scheme.retire') ORDER BY seq",
    )
    .all() as { action: string; subject: string; after: string | null }[];
  for (const e of entries) {
    const save = /^scheme (.+) version (\d+)$/.exec(e.subject);
    if (e.action === 'scheme.save' && save) {
      const [, code = '', version = '0'] = save;
      logged.set(code, { version: Number(version), status: 'active' });
      saved.set(`${code}|${version}`, e.after);
    }
    const retired = logged.get(e.subject.replace(/^scheme /, ''));
    if (e.action === 'scheme.retire' && retired) retired.status = 'retired';
  }
  const problems: string[] = [];
  const schemes = db.prepare('SELECT code, current_version AS version, status FROM schemes ORDER BY code').all() as ({
    code: string;
  } & Logged)[];
  for (const s of schemes) {
    const l = logged.get(s.code);
    if (!l) {
      if (scope === 'all' || s.status === 'active') problems.push(`scheme ${s.code} was added outside SchemeDesk`);
    } else if (l.version !== s.version || l.status !== s.status)
      problems.push(`scheme ${s.code}'s current version or status was changed outside SchemeDesk`);
  }
  // What the next run reads (each active scheme's current version), or every version ever saved.
  const versions = db
    .prepare(
      `SELECT v.code, v.version, v.definition FROM scheme_versions v JOIN schemes s ON s.code = v.code
       WHERE @all OR (s.status = 'active' AND v.version = s.current_version) ORDER BY v.code, v.version`,
    )
    .all({ all: scope === 'all' ? 1 : 0 }) as { code: string; version: number; definition: string }[];
  for (const v of versions)
    if (logged.has(v.code) && saved.get(`${v.code}|${v.version}`) !== v.definition)
      problems.push(`version ${v.version} of scheme ${v.code} was changed outside SchemeDesk`);
  return problems;
}
