// Verifying a person's own PIN, behind the sign-in guard. Used for sign-in and for every signature
// (handover, incidents): a signature is checked against the signer's own PIN, under the same guard.
import type { CallContext } from '../context';
import { newId } from '../ids';
import { pinMatches } from './secrets';
import { AppError, ForbiddenError, NotFoundError, RateLimitedError } from '../errors';
import { nested, type NestedMessage } from '../i18n';
import { afterFailure, guardRules, guardState, lockOf, recordFailure, recordSuccess, type Lock } from './pin-guard';

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

/** Where a PIN is typed: the paired device it comes from, or '' for this PC (its windows and loopback). */
export function pinSource(ctx: Pick<CallContext, 'actor'>): string {
  return ctx.actor.deviceId ?? '';
}

/** "12 分钟" / "3 小时 20 分钟" — how long someone waits, rounded up to the minute, in the language it is shown in. */
export function waitText(ms: number): NestedMessage {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  if (minutes < 60) return nested('errors:auth.waitMinutes', { minutes });
  return nested('errors:auth.waitHours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

function lockedError(ctx: CallContext, lock: NonNullable<Lock>, whose: 'own' | 'unlock'): RateLimitedError {
  const key = lock.scope === 'person' ? 'errors:auth.lockedPerson' : 'errors:auth.lockedTerminal';
  const rules = guardRules(ctx.db);
  return new RateLimitedError(
    whose === 'unlock' ? `${key}Unlocker` : key,
    { wait: waitText(lock.remainingMs), limit: rules.dailyLimit, inARow: rules.freeFailures },
    Math.ceil(lock.remainingMs / 1000),
  );
}

/** Milliseconds until this person may try a PIN at the caller's terminal, 0 when they may. */
export function lockoutRemaining(ctx: Pick<CallContext, 'db' | 'now' | 'actor'>, userId: string): number {
  return lockOf(guardState(ctx.db, userId, pinSource(ctx), ctx.now), guardRules(ctx.db), ctx.now)?.remainingMs ?? 0;
}

/**
 * Checks `pin` against the person's own stored PIN. While a lock is in force the PIN is not even tried (so a
 * locked attempt tells nothing); a wrong PIN is counted (kept although the call fails) and the answer says how
 * many tries are left or how long the wait now is. `whose: 'unlock'` words the messages for a supervisor
 * unlocking someone else.
 */
export function verifyOwnPin(ctx: CallContext, userId: string, pin: string, whose: 'own' | 'unlock' = 'own'): StaffRow {
  const person = findStaff(ctx, userId);
  if (!person) throw new NotFoundError();
  if (!person.active) throw new ForbiddenError('errors:auth.inactive');
  const rules = guardRules(ctx.db);
  const source = pinSource(ctx);
  const state = guardState(ctx.db, userId, source, ctx.now);
  const lock = lockOf(state, rules, ctx.now);
  if (lock) throw lockedError(ctx, lock, whose);
  if (!pinMatches(pin, person.pin_hash)) {
    const deviceId = ctx.actor.deviceId;
    ctx.onFailure((tx) => {
      tx.insert('pin_failures', { id: newId(tx.at), user_id: userId, at: tx.at, device_id: deviceId });
      recordFailure(tx, userId, source);
    });
    const next = afterFailure(state, ctx.now);
    const nextLock = lockOf(next, rules, ctx.now);
    if (nextLock) throw lockedError(ctx, nextLock, whose);
    const remaining = Math.max(0, Math.min(rules.freeFailures - next.streak, rules.dailyLimit - next.recent.length));
    throw new AppError('pin_incorrect', whose === 'unlock' ? 'errors:auth.unlockPinIncorrect' : 'errors:auth.pinIncorrect', { remaining });
  }
  recordSuccess(ctx.tx, userId, source);
  return person;
}
