import type Database from 'better-sqlite3';
import { appendAudit } from '../audit/log';
import { authenticate, UserError, type UserProfile } from './profiles';

/**
 * Sign-in with a lockout per user. Each profile's wrong PINs are counted apart and only its own
 * right PIN resets them, so signing in as oneself between guesses at someone else's PIN gains
 * nothing. After three wrong PINs in a row each further one pauses that profile's sign-in, for
 * longer each time; other profiles are not affected. The counts live in the workspace, so
 * restarting the app does not reset them. Every sign-in, wrong PIN and pause is in the audit log.
 */
const freeFailures = 3;
/** Seconds of pause after the 4th, 5th, 6th … wrong PIN in a row. */
export const pauseSteps = [30, 60, 300, 900, 3600] as const;

export class SignInPausedError extends UserError {}

interface FailureRow {
  failures: number;
  paused_until: string | null;
}

const idOf = (db: Database.Database, name: string) =>
  (db.prepare('SELECT id, name FROM users WHERE name = ?').get(name.trim()) as
    | { id: number; name: string }
    | undefined) ?? null;

function waitText(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return s < 120 ? `${s} s` : `${Math.ceil(s / 60)} min`;
}

export function signIn(db: Database.Database, name: string, pin: string, now = new Date()): UserProfile {
  const user = idOf(db, name);
  const state = user
    ? ((db.prepare('SELECT failures, paused_until FROM sign_in_failures WHERE user_id = ?').get(user.id) as
        | FailureRow
        | undefined) ?? { failures: 0, paused_until: null })
    : null;
  if (user && state?.paused_until && Date.parse(state.paused_until) > now.getTime()) {
    throw new SignInPausedError(
      `Sign-in for ${user.name} is paused after ${state.failures} wrong PINs; try again in ${waitText(Date.parse(state.paused_until) - now.getTime())}`,
    );
  }
  try {
    const profile = authenticate(db, name, pin);
    db.transaction(() => {
      db.prepare('DELETE FROM sign_in_failures WHERE user_id = ?').run(profile.id);
      appendAudit(db, { user: profile.name, action: 'session.signIn', subject: `user #${profile.id}` }, now);
    }).immediate();
    return profile;
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    const failures = (state?.failures ?? 0) + 1;
    const step = failures - freeFailures;
    const pause = step > 0 ? pauseSteps[Math.min(step, pauseSteps.length) - 1] : undefined;
    const pausedUntil = pause === undefined ? null : new Date(now.getTime() + pause * 1000).toISOString();
    db.transaction(() => {
      if (user) {
        db.prepare(
          `INSERT INTO sign_in_failures (user_id, failures, paused_until) VALUES (?, ?, ?)
           ON CONFLICT (user_id) DO UPDATE SET failures = excluded.failures, paused_until = excluded.paused_until`,
        ).run(user.id, failures, pausedUntil);
      }
      const subject = user ? `user #${user.id}` : `unknown user "${name.trim().slice(0, 40)}"`;
      appendAudit(
        db,
        { user: name.trim().slice(0, 40) || '?', action: 'session.failed', subject, after: { failures } },
        now,
      );
      if (pausedUntil) {
        appendAudit(
          db,
          { user: 'SchemeDesk', action: 'session.locked', subject, after: { failures, pausedUntil, seconds: pause } },
          now,
        );
      }
    }).immediate();
    if (user && pausedUntil && pause !== undefined) {
      throw new SignInPausedError(
        `${error.message}. After ${failures} wrong PINs sign-in for ${user.name} is paused for ${waitText(pause * 1000)}`,
      );
    }
    throw error;
  }
}
