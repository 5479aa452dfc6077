// Sign-in with a PIN, sign-out and lock, changing one's own PIN.
import { newId } from '../ids';
import type { FeatureHandlers, CallContext } from '../context';
import { staffOf } from '../context';
import { securitySettings } from '../settings';
import { AppError, ForbiddenError, ValidationError } from '../errors';
import { hashPin, newToken, tokenHash } from './secrets';
import { findStaff, pinSource, verifyOwnPin, type StaffRow } from './pin-check';
import { clearGuards, hasGuards } from './pin-guard';
import { rememberSessionStart } from './callers';
import { LEADS, type Role } from '../../../shared/contract/define';

function endSession(ctx: CallContext, sessionId: string, reason: string): void {
  ctx.tx.update('sessions', sessionId, { ended_at: ctx.now, end_reason: reason });
}

export const authHandlers: FeatureHandlers<'auth'> = {
  signInChoices: (ctx) => {
    const rows = ctx.db
      .prepare(
        `SELECT u.id, u.name, u.role, (SELECT MAX(created_at) FROM sessions s WHERE s.user_id = u.id) AS last
         FROM staff u WHERE u.active = 1 ORDER BY last IS NULL, last DESC, u.name`,
      )
      .all() as Array<{ id: string; name: string; role: Role; last: number | null }>;
    return { people: rows.map((r) => ({ id: r.id, name: r.name, role: r.role, lastSignInAt: r.last })) };
  },

  signIn: (ctx, input) => {
    if (input.unlock) unlockFor(ctx, input.userId, input.unlock);
    let person: StaffRow;
    try {
      person = verifyOwnPin(ctx, input.userId, input.pin);
    } catch (error) {
      // The unlock is rolled back with the failed sign-in: each try after a lock needs the supervisor again.
      if (input.unlock && error instanceof AppError && error.code === 'pin_incorrect') throw new AppError('pin_incorrect', 'errors:auth.unlockUnused');
      throw error;
    }
    const rules = securitySettings(ctx.db);
    const token = newToken();
    const expiresAt = ctx.now + rules.sessionMaxHours * 3_600_000;
    const deviceId = ctx.caller.kind === 'anonymous' || ctx.caller.kind === 'staff' ? (ctx.caller.device?.id ?? null) : null;
    const sessionId = newId(ctx.now);
    rememberSessionStart(ctx.db, sessionId, ctx.clock.monotonic());
    ctx.tx.insert('sessions', {
      id: sessionId,
      token_hash: tokenHash(token),
      user_id: person.id,
      device_id: deviceId,
      created_at: ctx.now,
      expires_at: expiresAt,
      ended_at: null,
      end_reason: null,
    });
    return {
      token,
      user: { id: person.id, name: person.name, role: person.role as Role, department: person.department },
      expiresAt,
      idleLockMinutes: rules.idleLockMinutes,
    };
  },

  me: (ctx) => {
    const me = staffOf(ctx);
    const row = ctx.db.prepare('SELECT expires_at FROM sessions WHERE id = ?').get(me.sessionId) as { expires_at: number };
    return { user: me.user, expiresAt: row.expires_at, idleLockMinutes: securitySettings(ctx.db).idleLockMinutes };
  },

  signOut: (ctx, input) => {
    const me = staffOf(ctx);
    endSession(ctx, me.sessionId, input.reason);
    return { ok: true as const };
  },

  changePin: (ctx, input) => {
    const me = staffOf(ctx);
    verifyOwnPin(ctx, me.user.id, input.currentPin);
    if (input.currentPin === input.newPin) throw ValidationError.field('newPin', 'errors:field.pin');
    ctx.tx.update('staff', me.user.id, { pin_hash: hashPin(input.newPin), updated_at: ctx.now });
    // Wrong guesses at the old PIN say nothing about the new one.
    clearGuards(ctx.tx, me.user.id);
    return { ok: true as const };
  },
};

/**
 * A supervisor, manager or administrator (not the person) confirms with their own PIN at the same screen: the
 * person's locks are lifted for this sign-in. Audited with who unlocked whom and where.
 */
function unlockFor(ctx: CallContext, userId: string, unlock: { userId: string; pin: string }): void {
  const lead = findStaff(ctx, unlock.userId);
  if (!lead || !lead.active || lead.id === userId || !LEADS.includes(lead.role as Role)) throw new ForbiddenError('errors:auth.unlockNotAllowed');
  verifyOwnPin(ctx, lead.id, unlock.pin, 'unlock');
  if (!hasGuards(ctx.db, userId)) return;
  clearGuards(ctx.tx, userId);
  ctx.tx.note('staff', userId, { unlockedBy: lead.id, unlockedByName: lead.name, source: pinSource(ctx) || 'this-pc' });
}

/** Ends every live session of a person (deactivated, PIN reset). */
export function endSessionsOf(ctx: CallContext, userId: string, reason: string): void {
  const live = ctx.db.prepare('SELECT id FROM sessions WHERE user_id = ? AND ended_at IS NULL AND expires_at > ?').all(userId, ctx.now) as Array<{
    id: string;
  }>;
  for (const s of live) endSession(ctx, s.id, reason);
}

// The public face: what other features use of this one.
export { hashPin, newPairingCode, newToken, normalizePairingCode, pinMatches, tokenHash } from './secrets';
export { type StaffRow, verifyOwnPin } from './pin-check';
export { clearGuards } from './pin-guard';
