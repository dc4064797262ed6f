import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type Database from 'better-sqlite3';
import { appendAudit } from '../audit/log';
import type { Role } from '../review/workflow';

/**
 * Local user profiles. A PIN is stored only as an scrypt hash with its own salt and cost
 * parameters (`scrypt$N$r$p$salt$hash`), so the parameters can be raised later without
 * breaking the PINs already set.
 */
export interface UserProfile {
  name: string;
  fullName: string;
  role: Role;
  active: boolean;
}

export class UserError extends Error {}

const cost = { N: 16384, r: 8, p: 1 };
const keyLength = 32;

export function hashPin(pin: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(pin, salt, keyLength, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

export function pinMatches(pin: string, stored: string): boolean {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(pin, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(N),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(actual, expected);
}

export function checkPin(pin: string): void {
  if (!/^\d{4,8}$/.test(pin)) throw new UserError('A PIN is 4 to 8 digits');
}

interface UserRow {
  name: string;
  full_name: string;
  role: Role;
  pin_hash: string;
  active: number;
}

const profileOf = (r: UserRow): UserProfile => ({
  name: r.name,
  fullName: r.full_name,
  role: r.role,
  active: r.active === 1,
});

export function listUsers(db: Database.Database): UserProfile[] {
  return (db.prepare('SELECT * FROM users ORDER BY name').all() as UserRow[]).map(profileOf);
}

export function findUser(db: Database.Database, name: string): UserProfile | null {
  const row = db.prepare('SELECT * FROM users WHERE name = ?').get(name) as UserRow | undefined;
  return row ? profileOf(row) : null;
}

export function createUser(
  db: Database.Database,
  user: { name: string; fullName: string; role: Role; pin: string },
  by: string,
): UserProfile {
  checkPin(user.pin);
  const name = user.name.trim();
  if (!/^[A-Za-z][A-Za-z0-9._-]{1,31}$/.test(name)) {
    throw new UserError('A user name is 2 to 32 letters, digits, dots, dashes or underscores, starting with a letter');
  }
  if (findUser(db, name)) throw new UserError(`There is already a user called ${name}`);
  const profile: UserProfile = { name, fullName: user.fullName.trim() || name, role: user.role, active: true };
  db.transaction(() => {
    db.prepare('INSERT INTO users (name, full_name, role, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)').run(
      name,
      profile.fullName,
      user.role,
      hashPin(user.pin),
      new Date().toISOString(),
    );
    appendAudit(db, { user: by, action: 'user.create', subject: `user ${name}`, after: profile });
  }).immediate();
  return profile;
}

/** The profile when the PIN is right; a message that does not say which part was wrong otherwise. */
export function authenticate(db: Database.Database, name: string, pin: string): UserProfile {
  const row = db.prepare('SELECT * FROM users WHERE name = ?').get(name.trim()) as UserRow | undefined;
  if (!row || !pinMatches(pin, row.pin_hash)) throw new UserError('That user name and PIN do not match');
  if (row.active !== 1) throw new UserError(`${row.name} has been deactivated; ask an Admin`);
  return profileOf(row);
}

/** An Admin's changes to a profile: its role, whether it may sign in, a new PIN. */
export function updateUser(
  db: Database.Database,
  name: string,
  change: { role?: Role; active?: boolean; pin?: string },
  by: string,
): UserProfile {
  const before = findUser(db, name);
  if (!before) throw new UserError(`There is no user called ${name}`);
  if (change.pin !== undefined) checkPin(change.pin);
  const after: UserProfile = { ...before, role: change.role ?? before.role, active: change.active ?? before.active };
  db.transaction(() => {
    const admins = db
      .prepare("SELECT count(*) AS n FROM users WHERE role = 'admin' AND active = 1 AND name <> ?")
      .get(name) as {
      n: number;
    };
    if (admins.n === 0 && (after.role !== 'admin' || !after.active)) {
      throw new UserError('The workspace needs at least one active Admin');
    }
    db.prepare('UPDATE users SET role = ?, active = ? WHERE name = ?').run(after.role, after.active ? 1 : 0, name);
    if (change.pin !== undefined)
      db.prepare('UPDATE users SET pin_hash = ? WHERE name = ?').run(hashPin(change.pin), name);
    appendAudit(db, {
      user: by,
      action: 'user.update',
      subject: `user ${before.name}`,
      before,
      after: { ...after, ...(change.pin !== undefined ? { pin: 'changed' } : {}) },
    });
  }).immediate();
  return after;
}
