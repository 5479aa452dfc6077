// The sign-in guard on a fake clock: back-off per person and per terminal, the day's limit whatever the
// number of terminals, a lock by someone else's guesses that does not stop the desk, a supervisor's unlock, a PIN
// reset that lifts a lock, and locks, sessions and pairing codes that stay bounded when the wall clock goes back.
import { afterEach, describe, expect, it } from 'vitest';
import { createDesk, as, LOCAL, failure, openCore, type TestDesk } from '../../support/core';
import { auditEntries } from '../../support/audit';
import type { Credentials } from '../../../main/core/auth/callers';
import { terminalLockMs, DAY_MS } from '../../../main/core/auth/pin-guard';
import { DEFAULT_SECURITY } from '../../../shared/contract/settings';

const MIN = 60_000;
const HOUR = 60 * MIN;

let desk: TestDesk | null = null;
afterEach(() => {
  desk?.close();
  desk = null;
});

/** A staff terminal on the LAN (the guard room's PC), paired the way an admin pairs one. */
async function pairTerminal(d: TestDesk, name: string): Promise<Credentials> {
  const { code } = await d.core.invoke(as(d.admin.token), 'devices.createPairingCode', { name, kind: 'desk' });
  const { token } = await d.core.invoke({ origin: 'lan' }, 'devices.pair', { code });
  return { origin: 'lan', deviceToken: token };
}

async function signIn(d: TestDesk, from: Credentials, userId: string, pin: string, unlock?: { userId: string; pin: string }) {
  return d.core.invoke(from, 'auth.signIn', unlock ? { userId, pin, unlock } : { userId, pin });
}

const failuresOf = (d: TestDesk, userId: string): number[] =>
  (d.core.db.prepare('SELECT at FROM pin_failures WHERE user_id = ? ORDER BY at').all(userId) as Array<{ at: number }>).map((r) => r.at);

/**
 * A patient guesser: every `stepMs` for `forMs`, one wrong PIN for `userId` from each terminal in turn. Returns
 * the times at which a PIN was actually tried (a locked attempt is refused before the PIN is looked at).
 */
async function guessFor(d: TestDesk, userId: string, terminals: Credentials[], forMs: number, stepMs = MIN): Promise<number[]> {
  const start = d.clock.now();
  const before = failuresOf(d, userId).length;
  for (let t = 0; t < forMs; t += stepMs) {
    for (const from of terminals) {
      const error = await failure(signIn(d, from, userId, '0000'));
      expect(['pin_incorrect', 'rate_limited']).toContain(error.code);
    }
    d.clock.advance(stepMs);
  }
  return failuresOf(d, userId)
    .slice(before)
    .map((at) => at - start);
}

describe('sign-in guard', () => {
  it('X-7 back-off at one terminal: 5 wrong PINs free, then waits of 5, 10, 20, 40 and 80 minutes; the day’s limit of 10 then holds until the first is a day old', async () => {
    desk = await createDesk();
    const lee = await desk.person('receptionist', '李前台', '1357');
    const tried = await guessFor(desk, lee.id, [LOCAL], 3 * DAY_MS);
    const minutes = tried.map((ms) => ms / MIN);
    // Tried each minute: the first five at once, then each one only when the doubled wait is over.
    expect(minutes.slice(0, 10)).toEqual([0, 1, 2, 3, 4, 9, 19, 39, 79, 159]);
    // Then the person is locked everywhere until the first of the ten is 24 h old; the terminal's own wait keeps
    // doubling (at most a day) after that.
    expect(minutes[10]).toBe(24 * 60);
    const perDay = [0, 1, 2].map((day) => tried.filter((ms) => ms >= day * DAY_MS && ms < (day + 1) * DAY_MS).length);
    expect(perDay).toEqual([10, 3, 1]);
    // Never more than the day's limit in any 24 hours.
    for (const at of tried) expect(tried.filter((t) => t >= at && t < at + DAY_MS).length).toBeLessThanOrEqual(DEFAULT_SECURITY.pinDailyLimit);
    // The figures in docs/architecture.md come from the same rule.
    const rules = { freeFailures: 5, firstLockMs: 5 * MIN, dailyLimit: 10 };
    expect([5, 6, 7, 8, 9, 10, 14].map((n) => terminalLockMs(n, rules) / MIN)).toEqual([5, 10, 20, 40, 80, 160, 1440]);
  });

  it('X-7 with three terminals guessing at once the person still gets at most 10 PINs tried a day', async () => {
    desk = await createDesk();
    const lee = await desk.person('receptionist', '李前台', '1357');
    const terminals = [LOCAL, await pairTerminal(desk, '保安室电脑'), await pairTerminal(desk, '后门岗亭')];
    const tried = await guessFor(desk, lee.id, terminals, 2 * DAY_MS, 5 * MIN);
    expect(tried.filter((ms) => ms < DAY_MS)).toHaveLength(10);
    for (const at of tried) expect(tried.filter((t) => t >= at && t < at + DAY_MS).length).toBeLessThanOrEqual(10);
  });

  it('X-7 someone else’s wrong PINs at the guard room’s terminal do not lock the receptionist out at the desk; the right PIN there starts its count again', async () => {
    desk = await createDesk();
    const lee = await desk.person('receptionist', '李前台', '1357');
    const guardRoom = await pairTerminal(desk, '保安室电脑');
    for (let i = 0; i < 5; i += 1) await failure(signIn(desk, guardRoom, lee.id, '0000'));
    const locked = await failure(signIn(desk, guardRoom, lee.id, '1357'));
    expect(locked.code).toBe('rate_limited');
    expect(desk.core.errorResponse(locked, 'zh-CN').body.error.message).toBe('在此终端连续输错 PIN 码，已暂时锁定，请 5 分钟后再试，或请主管解锁。');
    expect(desk.core.errorResponse(locked, 'en').body.error.message).toBe(
      'Too many wrong PINs in a row at this terminal. Try again in 5 min, or ask a supervisor to unlock.',
    );
    expect(locked.retryAfterSeconds).toBe(300);
    // At the desk PC she signs in as usual, and a typo there is just a typo.
    expect((await signIn(desk, LOCAL, lee.id, '1357')).user.name).toBe('李前台');
    const typo = await failure(signIn(desk, LOCAL, lee.id, '1375'));
    expect(typo.code).toBe('pin_incorrect');
    expect(typo.params).toEqual({ remaining: 4 });
    await signIn(desk, LOCAL, lee.id, '1357');
    // The right PIN at the guard room (after the wait) starts that terminal again: five more tries before a lock.
    desk.clock.advance(5 * MIN);
    await signIn(desk, guardRoom, lee.id, '1357');
    const again = await failure(signIn(desk, guardRoom, lee.id, '0000'));
    // Four left at the terminal, but the day has seen seven wrong PINs of her ten.
    expect(again.params).toEqual({ remaining: 3 });
  });

  it('X-7 after the day’s limit every terminal is locked, with the wait in hours; a supervisor’s PIN at the same screen lets her in and clears it', async () => {
    desk = await createDesk();
    const lee = await desk.person('receptionist', '李前台', '1357');
    const wang = await desk.person('supervisor', '王主管', '8642');
    const guardRoom = await pairTerminal(desk, '保安室电脑');
    await guessFor(desk, lee.id, [guardRoom], 3 * HOUR);
    const atDesk = await failure(signIn(desk, LOCAL, lee.id, '1357'));
    expect(atDesk.code).toBe('rate_limited');
    expect(desk.core.errorResponse(atDesk, 'zh-CN').body.error.message).toMatch(
      /^今天此人的 PIN 码已输错 10 次，所有终端均已锁定，请 21 小时 \d+ 分钟后再试，或请主管解锁。$/,
    );
    expect(desk.core.errorResponse(atDesk, 'en').body.error.message).toMatch(/Try again in 21 h \d+ min, or ask a supervisor to unlock\.$/);

    // Another receptionist cannot unlock, nor can she unlock herself; a wrong supervisor PIN is the supervisor's own failure.
    const zhao = await desk.person('receptionist', '赵前台', '2468');
    expect((await failure(signIn(desk, LOCAL, lee.id, '1357', { userId: zhao.id, pin: '2468' }))).messageKey).toBe('errors:auth.unlockNotAllowed');
    const wrongLead = await failure(signIn(desk, LOCAL, lee.id, '1357', { userId: wang.id, pin: '0000' }));
    expect(wrongLead.messageKey).toBe('errors:auth.unlockPinIncorrect');
    expect(failuresOf(desk, wang.id)).toHaveLength(1);
    // The unlock is for this one sign-in: with a wrong PIN of hers it is not used and she stays locked.
    const wrongOwn = await failure(signIn(desk, LOCAL, lee.id, '1375', { userId: wang.id, pin: '8642' }));
    expect(wrongOwn.messageKey).toBe('errors:auth.unlockUnused');
    expect((await failure(signIn(desk, LOCAL, lee.id, '1357'))).code).toBe('rate_limited');

    const session = await signIn(desk, LOCAL, lee.id, '1357', { userId: wang.id, pin: '8642' });
    expect(session.user.name).toBe('李前台');
    // Cleared: at the next idle lock she signs in with her PIN alone, also at the guard room.
    await signIn(desk, LOCAL, lee.id, '1357');
    await signIn(desk, guardRoom, lee.id, '1357');
    const notes = auditEntries(desk.core.db).filter((e) => e.entity === 'staff' && e.entity_id === lee.id && e.op === 'event');
    expect(notes.map((n) => n.payload)).toEqual([{ unlockedBy: wang.id, unlockedByName: '王主管', source: 'this-pc' }]);
  });

  it('X-7 X-1 an administrator’s PIN reset lifts a lockout at once, and the person’s own PIN change clears the count', async () => {
    desk = await createDesk();
    const lee = await desk.person('receptionist', '李前台', '1357');
    for (let i = 0; i < 5; i += 1) await failure(signIn(desk, LOCAL, lee.id, '0000'));
    expect((await failure(signIn(desk, LOCAL, lee.id, '1357'))).code).toBe('rate_limited');
    await desk.core.invoke(as(desk.admin.token), 'staff.resetPin', { id: lee.id, pin: '9753' });
    const session = await signIn(desk, LOCAL, lee.id, '9753');
    expect(session.user.id).toBe(lee.id);

    for (let i = 0; i < 4; i += 1) await failure(signIn(desk, LOCAL, lee.id, '0000'));
    await desk.core.invoke(as(session.token), 'auth.changePin', { currentPin: '9753', newPin: '1122' });
    expect((await failure(signIn(desk, LOCAL, lee.id, '0000'))).params).toEqual({ remaining: 4 });
  });

  it('X-7 X-1 five wrong PINs at T+8 d and the clock back to T+3 d: the right PIN is not refused for days, a PIN reset still lifts any lock, and new wrong PINs lock again', async () => {
    desk = await createDesk();
    const lee = await desk.person('receptionist', '李前台', '1357');
    const t = desk.clock.now();
    desk.clock.set(t + 8 * DAY_MS);
    for (let i = 0; i < 5; i += 1) await failure(signIn(desk, LOCAL, lee.id, '0000'));
    expect((await failure(signIn(desk, LOCAL, lee.id, '1357'))).retryAfterSeconds).toBe(300);

    desk.clock.set(t + 3 * DAY_MS);
    // The lock cannot be placed in time any more: it does not keep her waiting (it would have been 7 206 minutes).
    expect((await signIn(desk, LOCAL, lee.id, '1357')).user.id).toBe(lee.id);
    // The guard still works after the jump: five wrong PINs from now lock for five minutes from now.
    for (let i = 0; i < 5; i += 1) await failure(signIn(desk, LOCAL, lee.id, '0000'));
    const locked = await failure(signIn(desk, LOCAL, lee.id, '1357'));
    expect(locked.retryAfterSeconds).toBe(300);
    const admin = await signIn(desk, LOCAL, desk.admin.id, desk.admin.pin);
    await desk.core.invoke(as(admin.token), 'staff.resetPin', { id: lee.id, pin: '8080' });
    expect((await signIn(desk, LOCAL, lee.id, '8080')).user.id).toBe(lee.id);
  });

  it('X-7 a small step back (within the two-minute tolerance) never shows a wait longer than the lock, and adds at most the step', async () => {
    desk = await createDesk();
    const lee = await desk.person('receptionist', '李前台', '1357');
    for (let i = 0; i < 5; i += 1) await failure(signIn(desk, LOCAL, lee.id, '0000'));
    desk.clock.set(desk.clock.now() - 90_000);
    expect((await failure(signIn(desk, LOCAL, lee.id, '1357'))).retryAfterSeconds).toBe(300);
    desk.clock.advance(5 * MIN);
    expect((await failure(signIn(desk, LOCAL, lee.id, '1357'))).retryAfterSeconds).toBe(90);
    desk.clock.advance(90_000);
    expect((await signIn(desk, LOCAL, lee.id, '1357')).user.id).toBe(lee.id);
  });

  it('X-7 X-1 a session made at T+8 d with the clock then back at T+3 d lasts its 14 h of real time (not 134 h); after a restart it has ended', async () => {
    desk = await createDesk();
    const lee = await desk.person('receptionist', '李前台', '1357');
    const t = desk.clock.now();
    desk.clock.set(t + 8 * DAY_MS);
    const late = await signIn(desk, LOCAL, lee.id, '1357');
    const other = await signIn(desk, LOCAL, lee.id, '1357');
    desk.clock.set(t + 3 * DAY_MS);
    // Made by this process, timed on its monotonic clock: the desk keeps working through the clock fix …
    desk.clock.advance(14 * HOUR - 1);
    expect((await desk.core.invoke(as(late.token), 'auth.me', {})).user.id).toBe(lee.id);
    // … and it ends 14 h after it was made, although the wall clock says it was made days from now.
    desk.clock.advance(1);
    expect((await failure(desk.core.invoke(as(late.token), 'auth.me', {}))).code).toBe('unauthenticated');

    // A session this process did not make, dated later than now, cannot be timed: it has ended.
    desk.clock.set(t + 8 * DAY_MS + HOUR);
    const beforeRestart = await signIn(desk, LOCAL, lee.id, '1357');
    desk.clock.set(t + 3 * DAY_MS + 15 * HOUR);
    desk.core.close();
    const restarted = openCore(desk.dataDir, desk.clock);
    try {
      for (const s of [other, beforeRestart]) expect((await failure(restarted.invoke(as(s.token), 'auth.me', {}))).code).toBe('unauthenticated');
      // A session made now ends sessionMaxHours later as always.
      const fresh = await restarted.invoke(LOCAL, 'auth.signIn', { userId: lee.id, pin: '1357' });
      desk.clock.advance(14 * HOUR - 1);
      expect((await restarted.invoke(as(fresh.token), 'auth.me', {})).user.id).toBe(lee.id);
      desk.clock.advance(1);
      expect((await failure(restarted.invoke(as(fresh.token), 'auth.me', {}))).code).toBe('unauthenticated');
    } finally {
      restarted.close();
    }
  });

  it('X-7 a pairing code issued at T+8 d does not pair when the clock is back at T+3 d (it would have lived five days)', async () => {
    desk = await createDesk();
    const t = desk.clock.now();
    desk.clock.set(t + 8 * DAY_MS);
    const { code } = await desk.core.invoke(as((await signIn(desk, LOCAL, desk.admin.id, desk.admin.pin)).token), 'devices.createPairingCode', {
      name: '前台平板',
      kind: 'kiosk',
    });
    desk.clock.set(t + 3 * DAY_MS);
    expect((await failure(desk.core.invoke({ origin: 'lan' }, 'devices.pair', { code }))).code).toBe('validation_failed');
  });
});
