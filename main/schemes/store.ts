import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { PayeeFact, ProductFact } from '../../engine/facts';
import { type Scheme, scheme as schemeModel } from '../../engine/model';
import { type SchemeProblem, validateScheme } from '../../engine/validate';
import { appendAudit } from '../audit/log';

/** Schemes are versioned: every save is a new version; older runs keep the version they used. */
export class SchemeInvalidError extends Error {
  constructor(readonly problems: SchemeProblem[]) {
    super(`The scheme is not valid: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    this.name = 'SchemeInvalidError';
  }
}

export interface SchemeSummary {
  code: string;
  name: string;
  kind: Scheme['measure']['kind'];
  objective: Scheme['objective'];
  from: string;
  to: string;
  status: 'active' | 'retired';
  version: number;
  budget: string | null;
  savedBy: string;
  savedAt: string;
}

export function workspaceMasters(db: Database.Database): { payees: PayeeFact[]; products: ProductFact[] } {
  const payees = db
    .prepare('SELECT code, name, region, area, channel, class, onboarded_on AS onboardedOn FROM distributors')
    .all() as PayeeFact[];
  const products = db.prepare('SELECT sku, brand, category FROM products').all() as ProductFact[];
  return { payees, products };
}

/** Checks a scheme definition (any JSON) against the model and the workspace; returns the problems. */
export function checkScheme(
  db: Database.Database,
  input: unknown,
): { scheme: Scheme | null; problems: SchemeProblem[] } {
  const parsed = schemeModel.safeParse(input);
  if (!parsed.success) {
    return {
      scheme: null,
      problems: parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(scheme)', message: i.message })),
    };
  }
  return { scheme: parsed.data, problems: validateScheme(parsed.data, workspaceMasters(db)) };
}

/** The scheme a definition describes, or SchemeInvalidError with every problem. */
export function validScheme(db: Database.Database, input: unknown): Scheme {
  const { scheme, problems } = checkScheme(db, input);
  if (!scheme || problems.length > 0) throw new SchemeInvalidError(problems);
  return scheme;
}

export function saveScheme(db: Database.Database, input: unknown, user: string, now = new Date()): SchemeSummary {
  const scheme = validScheme(db, input);
  return db
    .transaction(() => {
      const current = db.prepare('SELECT current_version AS v FROM schemes WHERE code = ?').get(scheme.code) as
        | { v: number }
        | undefined;
      // After every version the store holds, not after the current one alone: a current version
      // moved back with SQL would otherwise make the save collide with a version already saved.
      const saved = db.prepare('SELECT max(version) FROM scheme_versions WHERE code = ?').pluck().get(scheme.code);
      const version = Math.max(current?.v ?? 0, (saved as number | null) ?? 0) + 1;
      if (current)
        db.prepare("UPDATE schemes SET current_version = ?, status = 'active' WHERE code = ?").run(
          version,
          scheme.code,
        );
      else db.prepare('INSERT INTO schemes (code, current_version) VALUES (?, ?)').run(scheme.code, version);
      db.prepare(
        'INSERT INTO scheme_versions (code, version, definition, saved_by, saved_at) VALUES (?, ?, ?, ?, ?)',
      ).run(scheme.code, version, JSON.stringify(scheme), user, now.toISOString());
      appendAudit(db, {
        user,
        action: 'scheme.save',
        subject: `scheme ${scheme.code} version ${version}`,
        before: current ? getScheme(db, scheme.code, current.v) : null,
        after: scheme,
      });
      return summaryOf(scheme, { status: 'active', version, saved_by: user, saved_at: now.toISOString() });
    })
    .immediate();
}

function summaryOf(
  s: Scheme,
  row: { status: 'active' | 'retired'; version: number; saved_by: string; saved_at: string },
): SchemeSummary {
  return {
    code: s.code,
    name: s.name,
    kind: s.measure.kind,
    objective: s.objective,
    from: s.period.from,
    to: s.period.to,
    status: row.status,
    version: row.version,
    budget: s.budget?.amount ?? null,
    savedBy: row.saved_by,
    savedAt: row.saved_at,
  };
}

interface VersionRow {
  id: number;
  code: string;
  version: number;
  definition: string;
  saved_by: string;
  saved_at: string;
  status: 'active' | 'retired';
}

const currentVersions = `SELECT v.id, v.code, v.version, v.definition, v.saved_by, v.saved_at, s.status
  FROM schemes s JOIN scheme_versions v ON v.code = s.code AND v.version = s.current_version`;

export function listSchemes(db: Database.Database): SchemeSummary[] {
  return (db.prepare(`${currentVersions} ORDER BY v.code`).all() as VersionRow[]).map((r) =>
    summaryOf(schemeModel.parse(JSON.parse(r.definition)), r),
  );
}

export interface StoredScheme {
  versionId: number;
  version: number;
  scheme: Scheme;
}

/** The current version of each active scheme whose period overlaps [from, to] (or of the named ones). */
export function schemesForRun(
  db: Database.Database,
  from: string,
  to: string,
  codes: readonly string[] = [],
): StoredScheme[] {
  const rows = db.prepare(`${currentVersions} WHERE s.status = 'active' ORDER BY v.code`).all() as VersionRow[];
  const stored = rows.map((r) => ({
    versionId: r.id,
    version: r.version,
    scheme: schemeModel.parse(JSON.parse(r.definition)),
  }));
  if (codes.length > 0) {
    const missing = codes.filter((c) => !stored.some((s) => s.scheme.code === c));
    if (missing.length > 0)
      throw new SchemeInvalidError(missing.map((c) => ({ path: 'scheme', message: `there is no active scheme ${c}` })));
    return stored.filter((s) => codes.includes(s.scheme.code));
  }
  return stored.filter((s) => s.scheme.period.from <= to && s.scheme.period.to >= from);
}

export function retireScheme(db: Database.Database, code: string, user: string): void {
  db.transaction(() => {
    const changed = db.prepare("UPDATE schemes SET status = 'retired' WHERE code = ?").run(code).changes;
    if (changed === 0) throw new SchemeInvalidError([{ path: 'code', message: `there is no scheme ${code}` }]);
    appendAudit(db, { user, action: 'scheme.retire', subject: `scheme ${code}`, before: 'active', after: 'retired' });
  }).immediate();
}

export function getScheme(db: Database.Database, code: string, version?: number): Scheme | null {
  const row = db
    .prepare(
      version === undefined
        ? `${currentVersions} WHERE v.code = ?`
        : 'SELECT definition FROM scheme_versions WHERE code = ? AND version = ?',
    )
    .get(...(version === undefined ? [code] : [code, version])) as { definition: string } | undefined;
  return row ? schemeModel.parse(JSON.parse(row.definition)) : null;
}

/** The definitions of these scheme versions (by version id), each read and parsed once. */
export function schemeVersions(db: Database.Database, ids: Iterable<number>): Map<number, Scheme> {
  const definition = db.prepare('SELECT definition FROM scheme_versions WHERE id = ?').pluck();
  return new Map([...new Set(ids)].map((id) => [id, schemeModel.parse(JSON.parse(definition.get(id) as string))]));
}

/** The JSON Schema of a scheme file, generated from the zod model. */
export function schemeJsonSchema(): unknown {
  return z.toJSONSchema(schemeModel, { io: 'input' });
}
