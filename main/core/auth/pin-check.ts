// Verifying a person's own PIN, with the lockout after too many wrong ones. Used for sign-in and
// for every signature (handover, incidents): a signature is checked against the signer's own PIN.
import { ulid } from 'ulid';
import type { CallContext } from '../context';
import { securitySettings } from '../settings';
import { pinMatches } from './secrets';
import { AppError, ForbiddenError, NotFoundError, RateLimitedError } from '../errors';

export interface StaffRow {
  id: string;
  name: string;
  role: string;
  department: string | null;
  pin_hash: string;
  active: number;
  created_at: number;
  updated_at: number;
}

export function findStaff(ctx: Pick<CallContext, 'db'>, userId: string): StaffRow | undefined {
  return ctx.db.prepare('SELECT * FROM staff WHERE id = ?').get(userId) as StaffRow | undefined;
}

/** Milliseconds until the lockout ends, or 0 when the person may try. */
export function lockoutRemaining(ctx: Pick<CallContext, 'db' | 'now'>, userId: string): number {
  const rules = securitySettings(ctx.db);
  const lastSuccess =
    (ctx.db.prepare('SELECT MAX(created_at) AS at FROM sessions WHERE user_id = ?').get(userId) as { at: number | null }).at ?? 0;
  const windowMs = rules.pinLockoutMinutes * 60_000;
  const recent = ctx.db
    .prepare('SELECT at FROM pin_failures WHERE user_id = ? AND at > ? ORDER BY at DESC LIMIT ?')
    .all(userId, lastSuccess, rules.pinMaxFailures) as Array<{ at: number }>;
  if (recent.length < rules.pinMaxFailures) return 0;
  const newest = recent[0]!.at;
  const oldest = recent[recent.length - 1]!.at;
  if (newest - oldest > windowMs) return 0;
  return Math.max(0, newest + windowMs - ctx.now);
}

/**
 * Checks `pin` against the person's own stored PIN. Refuses while locked out (even the right PIN), counts a
 * wrong PIN (kept although the call fails) and reports how many attempts are left.
 */
export function verifyOwnPin(ctx: CallContext, userId: string, pin: string): StaffRow {
  const person = findStaff(ctx, userId);
  if (!person) throw new NotFoundError();
  if (!person.active) throw new ForbiddenError('errors:auth.inactive');
  const rules = securitySettings(ctx.db);
  const locked = lockoutRemaining(ctx, userId);
  if (locked > 0) {
    const minutes = Math.ceil(locked / 60_000);
    throw new RateLimitedError('errors:auth.lockedOut', { minutes }, Math.ceil(locked / 1000));
  }
  if (!pinMatches(pin, person.pin_hash)) {
    const deviceId = ctx.actor.deviceId;
    ctx.onFailure((tx) => {
      tx.insert('pin_failures', { id: ulid(tx.at), user_id: userId, at: tx.at, device_id: deviceId });
    });
    const lastSuccess =
      (ctx.db.prepare('SELECT MAX(created_at) AS at FROM sessions WHERE user_id = ?').get(userId) as { at: number | null }).at ?? 0;
    const windowStart = Math.max(lastSuccess, ctx.now - rules.pinLockoutMinutes * 60_000);
    const failures =
      (ctx.db.prepare('SELECT COUNT(*) AS n FROM pin_failures WHERE user_id = ? AND at > ?').get(userId, windowStart) as { n: number }).n + 1;
    const remaining = Math.max(0, rules.pinMaxFailures - failures);
    if (remaining === 0) {
      throw new RateLimitedError('errors:auth.lockedOut', { minutes: rules.pinLockoutMinutes }, rules.pinLockoutMinutes * 60);
    }
    throw new AppError('pin_incorrect', 'errors:auth.pinIncorrect', { remaining });
  }
  return person;
}
