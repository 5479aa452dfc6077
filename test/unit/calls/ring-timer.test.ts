import { afterEach, describe, expect, it } from 'vitest';
import { describeRing, DEFAULT_CADENCE } from '../../../shared/rules/rings';
import { openCore, as } from '../../support/core';
import { phoneDesk, failure, type PhoneDesk } from './desk';
import type { Core } from '../../../main/core/core';

let phone: PhoneDesk;
const extraCores: Core[] = [];

afterEach(() => {
  phone?.desk.close();
  for (const core of extraCores.splice(0)) if (!core.isClosed) core.close();
});

async function ringingNow(p: PhoneDesk = phone) {
  return (await p.call('calls.active', {})).ringing;
}

describe('ring timer', () => {
  it('P-1 default cadence through the core: ring number just before and at each change; 14.9 s is within three rings', async () => {
    phone = await phoneDesk();
    const { desk, call } = phone;
    const started = await call('calls.ring', { source: 'button' });
    expect(started).toMatchObject({ line: 1, status: 'ringing', elapsedMs: 0, secondsPerRing: 5, targetRings: 3, ringStartedAt: desk.clock.now() });
    const checkpoints: Array<[number, number]> = [
      [4_999, 1],
      [5_000, 2],
      [9_999, 2],
      [10_000, 3],
      [14_900, 3],
    ];
    let at = 0;
    for (const [ms, ring] of checkpoints) {
      desk.clock.advance(ms - at);
      at = ms;
      const [line] = await ringingNow();
      expect(line!.elapsedMs).toBe(ms);
      expect(describeRing(line!.elapsedMs, DEFAULT_CADENCE).ring, `at ${ms} ms`).toBe(ring);
    }
    const answered = await call('calls.answer', {});
    expect(answered).toMatchObject({ status: 'answered', answerLatencyMs: 14_900, ringsAtAnswer: 3, withinTarget: true, answeredBy: { id: phone.lee.id, name: '李前台' } });

    await call('calls.ring', { source: 'key' });
    desk.clock.advance(15_000);
    const late = await call('calls.answer', {});
    expect(late).toMatchObject({ answerLatencyMs: 15_000, ringsAtAnswer: 4, withinTarget: false, source: 'key' });
  });

  it('P-1 a non-default cadence (2 s a ring, target 4) set in the settings applies to the next ring', async () => {
    phone = await phoneDesk();
    const { desk, call } = phone;
    const settings = await call('calls.updateSettings', { secondsPerRing: 2, targetRings: 4, giveUpAfterSeconds: 30, hotkey: 'F9' }, desk.admin.token);
    expect(settings).toEqual({ secondsPerRing: 2, targetRings: 4, giveUpAfterSeconds: 30, hotkey: 'F9' });
    const ring = await call('calls.ring', {});
    expect(ring).toMatchObject({ secondsPerRing: 2, targetRings: 4 });
    const cadence = { secondsPerRing: 2, targetRings: 4 };
    desk.clock.advance(1_999);
    expect(describeRing((await ringingNow())[0]!.elapsedMs, cadence).ring).toBe(1);
    desk.clock.advance(1);
    expect(describeRing((await ringingNow())[0]!.elapsedMs, cadence).ring).toBe(2);
    desk.clock.advance(5_999);
    expect(await call('calls.answer', { id: ring.id })).toMatchObject({ answerLatencyMs: 7_999, ringsAtAnswer: 4, withinTarget: true });
    await call('calls.ring', {});
    desk.clock.advance(8_000);
    expect(await call('calls.answer', {})).toMatchObject({ answerLatencyMs: 8_000, ringsAtAnswer: 5, withinTarget: false });
  });

  it('P-1 a ring keeps the cadence it started with when the settings change mid-ring', async () => {
    phone = await phoneDesk();
    const { desk, call } = phone;
    await call('calls.ring', {});
    desk.clock.advance(6_000);
    await call('calls.updateSettings', { secondsPerRing: 1, targetRings: 1, giveUpAfterSeconds: 30, hotkey: 'F9' }, desk.admin.token);
    desk.clock.advance(8_900);
    expect(await call('calls.answer', {})).toMatchObject({ secondsPerRing: 5, targetRings: 3, answerLatencyMs: 14_900, withinTarget: true });
  });

  it('P-1 two lines ring at once: each on its own line and timer; answer without an id takes the one ringing longest', async () => {
    phone = await phoneDesk();
    const { desk, call } = phone;
    const first = await call('calls.ring', {});
    desk.clock.advance(3_000);
    const second = await call('calls.ring', { source: 'hotkey' });
    expect([first.line, second.line]).toEqual([1, 2]);
    desk.clock.advance(2_000);
    const both = await ringingNow();
    expect(both.map((c) => [c.id, c.line, c.elapsedMs])).toEqual([
      [first.id, 1, 5_000],
      [second.id, 2, 2_000],
    ]);
    const answeredFirst = await call('calls.answer', {});
    expect(answeredFirst).toMatchObject({ id: first.id, answerLatencyMs: 5_000, ringsAtAnswer: 2, withinTarget: true });
    // While line 1 is in conversation and line 2 rings, a third call takes line 3.
    const third = await call('calls.ring', {});
    expect(third.line).toBe(3);
    desk.clock.advance(11_000);
    expect(await call('calls.answer', { id: second.id })).toMatchObject({ answerLatencyMs: 13_000, ringsAtAnswer: 3, withinTarget: true });
    expect(await call('calls.giveUp', { id: third.id })).toMatchObject({ status: 'missed', endReason: 'gaveUp', answerLatencyMs: null });
    const active = await call('calls.active', {});
    expect(active.ringing).toEqual([]);
    expect(active.inProgress.map((c) => c.id)).toEqual([first.id, second.id]);
    // Saving line 1 frees it for the next ring.
    await call('calls.save', { id: first.id, topic: '咨询停车', outcome: 'resolved' });
    expect((await call('calls.ring', {})).line).toBe(1);
  });

  it('P-1 a lobby that reloads mid-ring reads the same ring number and start time from the core', async () => {
    phone = await phoneDesk();
    const { desk, call } = phone;
    const ring = await call('calls.ring', {});
    desk.clock.advance(7_200);
    const before = (await ringingNow())[0]!;
    // A reload is a fresh read by a fresh page (here: through another signed-in person's session as well).
    const other = await desk.person('receptionist', '王前台');
    const after = (await ringingNow({ ...phone, call: (m, i) => desk.core.invoke(as(other.token), m, i) }))[0]!;
    for (const seen of [before, after]) {
      expect(seen.ringStartedAt).toBe(ring.ringStartedAt);
      expect(describeRing(seen.elapsedMs, DEFAULT_CADENCE).ring).toBe(2);
      expect(seen.elapsedMs).toBe(7_200);
    }
  });

  it('P-1 main measures on its monotonic clock: a wall-clock jump back does not change the answer latency', async () => {
    phone = await phoneDesk();
    const { desk, call } = phone;
    const ring = await call('calls.ring', {});
    desk.clock.set(desk.clock.now() - 3_600_000);
    desk.clock.advance(4_000);
    expect(await call('calls.answer', {})).toMatchObject({ id: ring.id, answerLatencyMs: 4_000, withinTarget: true });
  });

  it('P-1 an app restart mid-ring closes the ring as interrupted at start, not lost and not counted as missed', async () => {
    phone = await phoneDesk();
    const { desk, call } = phone;
    const ring = await call('calls.ring', {});
    desk.clock.advance(4_000);
    desk.core.close();
    const restarted = openCore(desk.dataDir, desk.clock);
    extraCores.push(restarted);
    const viaRestarted = { ...phone, call: ((m: never, i: never) => restarted.invoke(as(phone.lee.token), m, i)) as PhoneDesk['call'] };
    // Before the start-up catch-up, the old ring is not shown as ringing and cannot be answered.
    expect(await ringingNow(viaRestarted)).toEqual([]);
    expect((await failure(viaRestarted.call('calls.answer', { id: ring.id }))).code).toBe('conflict');
    restarted.runDueJobs();
    const closed = await viaRestarted.call('calls.get', { id: ring.id });
    expect(closed).toMatchObject({ status: 'interrupted', endReason: 'restart', answerLatencyMs: null, withinTarget: null, endedAt: desk.clock.now() });
    const audit = restarted.db.prepare("SELECT actor_kind, method FROM audit_trail WHERE entity = 'calls' AND entity_id = ? ORDER BY seq").all(ring.id);
    expect(audit).toEqual([
      { actor_kind: 'staff', method: 'calls.ring' },
      { actor_kind: 'system', method: 'calls.closeInterrupted' },
    ]);
    // The restarted desk rings on line 1 again.
    expect((await viaRestarted.call('calls.ring', {})).line).toBe(1);
    restarted.runDueJobs();
    expect((await viaRestarted.call('calls.active', {})).ringing).toHaveLength(1);
  });

  it('P-1 a ring nobody answers is closed as missed after the give-up time', async () => {
    phone = await phoneDesk();
    const { desk, call } = phone;
    const events: string[] = [];
    desk.core.onEvent((e) => events.push(`${e.name}:${(e.payload as { status?: string }).status ?? ''}`));
    const ring = await call('calls.ring', {});
    desk.clock.advance(59_999);
    desk.core.runDueJobs();
    expect((await call('calls.get', { id: ring.id })).status).toBe('ringing');
    desk.clock.advance(1);
    desk.core.runDueJobs();
    expect(await call('calls.get', { id: ring.id })).toMatchObject({ status: 'missed', endReason: 'timeout' });
    expect(events).toEqual(['calls.changed:ringing', 'calls.changed:missed']);
    desk.core.runDueJobs();
    expect(events).toHaveLength(2);
  });

  it('P-1 the caller gave up: missed, with the number when known; nothing ringing is a clear conflict', async () => {
    phone = await phoneDesk();
    const { desk, call } = phone;
    await call('calls.ring', { source: 'api', callerNumber: '０２１－６２３４ ５６７８' });
    desk.clock.advance(9_000);
    const missed = await call('calls.giveUp', { callerNumber: null });
    // The number rang in with the call: the desk owes the caller a call back (see links.test.ts).
    expect(missed).toMatchObject({ status: 'missed', callerNumber: '021-62345678', endedAt: desk.clock.now(), callbackId: expect.any(String) });
    const none = await failure(call('calls.giveUp', {}));
    expect(none.code).toBe('conflict');
    expect(desk.core.errorResponse(none, 'zh-CN').body.error.message).toBe('没有正在响铃的来电。');
    expect(desk.core.errorResponse(none, 'en').body.error.message).toBe('No call is ringing.');
    expect((await failure(call('calls.answer', { id: missed.id }))).code).toBe('conflict');
  });

  it('P-1 settings: bad input is refused with a localized message and changes nothing; only supervisors and up change them', async () => {
    phone = await phoneDesk();
    const { desk, call } = phone;
    const badHotkey = await failure(call('calls.updateSettings', { secondsPerRing: 5, targetRings: 3, giveUpAfterSeconds: 60, hotkey: 'K' }, desk.admin.token));
    expect(badHotkey.code).toBe('validation_failed');
    expect(desk.core.errorResponse(badHotkey, 'zh-CN').body.error.issues).toEqual([
      expect.objectContaining({ path: ['hotkey'], message: expect.stringContaining('须配合 Ctrl、Alt 或 Super') }),
    ]);
    const tooSoon = await failure(call('calls.updateSettings', { secondsPerRing: 10, targetRings: 3, giveUpAfterSeconds: 20, hotkey: 'F9' }, desk.admin.token));
    expect(desk.core.errorResponse(tooSoon, 'en').body.error.issues).toEqual([
      expect.objectContaining({ path: ['giveUpAfterSeconds'], message: 'An unanswered ring cannot be closed as missed before the target time (30 s).' }),
    ]);
    const outOfRange = await failure(call('calls.updateSettings', { secondsPerRing: 0, targetRings: 3, giveUpAfterSeconds: 60, hotkey: 'F9' }, desk.admin.token));
    expect(outOfRange.code).toBe('validation_failed');
    expect((await failure(call('calls.updateSettings', { secondsPerRing: 4, targetRings: 3, giveUpAfterSeconds: 60, hotkey: 'F9' }))).code).toBe('forbidden');
    expect(await call('calls.settings', {})).toEqual({ secondsPerRing: 5, targetRings: 3, giveUpAfterSeconds: 60, hotkey: 'F9' });
    // The hotkey is stored in canonical form.
    expect((await call('calls.updateSettings', { secondsPerRing: 5, targetRings: 3, giveUpAfterSeconds: 60, hotkey: 'ctrl+alt+k' }, desk.admin.token)).hotkey).toBe(
      'Control+Alt+K',
    );
  });

  it('P-1 roles: a department member cannot ring or read the phone desk; a guard covering the desk can', async () => {
    phone = await phoneDesk();
    const { desk, call } = phone;
    const engineer = await desk.person('department', '张工', '1357', '工程部');
    expect((await failure(call('calls.ring', {}, engineer.token))).code).toBe('forbidden');
    expect((await failure(call('calls.active', {}, engineer.token))).code).toBe('forbidden');
    const guard = await desk.person('security', '赵保安');
    expect((await call('calls.ring', {}, guard.token)).startedBy).toEqual({ id: guard.id, name: '赵保安' });
  });
});
