import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type Database from 'better-sqlite3';
import { profileProblem, userDigest, userRow } from '../audit/integrity';
import { appendAudit } from '../audit/log';
import type { Role } from '../review/workflow';

/**
 * Local user profiles. A PIN (digits or a longer passphrase) is stored only as an scrypt hash
 * with its own salt and cost parameters (`scrypt$N$r$p$salt$hash`), so the parameters can be
 * raised later without breaking the PINs already set. The cost makes one guess take about a
 * third of a second on our build machines (128 MiB of memory), so someone who copies the file
 * cannot run through four-digit PINs in seconds — though they can in about an hour of one core,
 * which is why a PIN guards against a colleague at the keyboard, not against a stolen file.
 */
export interface UserProfile {
  id: number;
  name: string;
  fullName: string;
  role: Role;
  active: boolean;
}

export class UserError extends Error {}

const cost = { N: 131072, r: 8, p: 1 };
const keyLength = 32;
/** scrypt needs 128 × N × r bytes; Node refuses more than 32 MiB unless told. */
const maxmem = (N: number, r: number) => 129 * N * r + 1024 * 1024;

export function hashPin(pin: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(pin.normalize('NFC'), salt, keyLength, { ...cost, maxmem: maxmem(cost.N, cost.r) });
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

export function pinMatches(pin: string, stored: string): boolean {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(pin.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(N),
    r: Number(r),
    p: Number(p),
    maxmem: maxmem(Number(N), Number(r)),
  });
  return timingSafeEqual(actual, expected);
}

/** A PIN of 4 to 8 digits, or a passphrase of up to 128 characters (letters, digits, spaces, signs). */
export function checkPin(pin: string): void {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (pin.length < 4 || pin.length > 128 || /[\u0000-\u001f\u007f]/.test(pin)) {
    throw new UserError('A PIN is 4 to 8 digits, or a passphrase of 4 to 128 characters');
  }
}

interface UserRow {
  id: number;
  name: string;
  full_name: string;
  role: Role;
  pin_hash: string;
  active: number;
}

const profileOf = (r: UserRow): UserProfile => ({
  id: r.id,
  name: r.name,
  fullName: r.full_name,
  role: r.role,
  active: r.active === 1,
});

/** The audit entry of a user change carries the digest `audit verify` checks the user against. */
function userAfter(db: Database.Database, id: number, extra: Record<string, unknown> = {}) {
  const row = userRow(db, id);
  return { ...profileOf(row as UserRow), ...extra, digest: userDigest(row) };
}

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
  const fullName = user.fullName.trim() || name;
  const pinHash = hashPin(user.pin);
  return db
    .transaction(() => {
      const id = Number(
        db
          .prepare('INSERT INTO users (name, full_name, role, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)')
          .run(name, fullName, user.role, pinHash, new Date().toISOString()).lastInsertRowid,
      );
      appendAudit(db, { user: by, action: 'user.create', subject: `user #${id}`, after: userAfter(db, id) });
      return profileOf(db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow);
    })
    .immediate();
}

/** A hash of a PIN nobody has, so an unknown name costs as long to refuse as a wrong PIN. */
let dummyHash: string | null = null;

/** The profile when the PIN is right; a message that does not say which part was wrong otherwise. */
export function authenticate(db: Database.Database, name: string, pin: string): UserProfile {
  const row = db.prepare('SELECT * FROM users WHERE name = ?').get(name.trim()) as UserRow | undefined;
  if (!row) {
    dummyHash ??= hashPin(randomBytes(12).toString('base64'));
    pinMatches(pin, dummyHash);
    throw new UserError('That user name and PIN do not match');
  }
  if (!pinMatches(pin, row.pin_hash)) throw new UserError('That user name and PIN do not match');
  if (row.active !== 1) throw new UserError(`${row.name} has been deactivated; ask an Admin`);
  vouchedFor(db, row.id);
  return profileOf(row);
}

/** Refuses a profile the audit chain does not vouch for: added, re-roled or given another PIN with SQL. */
export function vouchedFor(db: Database.Database, id: number): void {
  const problem = profileProblem(db, id);
  if (problem)
    throw new UserError(
      `The ${problem}, so it cannot act in this workspace; an Admin restores the workspace from a backup (verifying the audit log names every such change)`,
    );
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
  const pinHash = change.pin === undefined ? null : hashPin(change.pin);
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
    if (pinHash !== null) db.prepare('UPDATE users SET pin_hash = ? WHERE name = ?').run(pinHash, name);
    appendAudit(db, {
      user: by,
      action: 'user.update',
      subject: `user #${before.id}`,
      before,
      after: userAfter(db, before.id, change.pin !== undefined ? { pin: 'changed' } : {}),
    });
  }).immediate();
  return after;
}
