// Nothing waits forever, and a refusal leaves a trace (V-2, V-4, V-6), through the real core on a fake clock.
import { afterEach, describe, expect, it } from 'vitest';
import { as, createDesk, LOCAL, type TestDesk } from '../../support/core';
import { failure, pairKiosk, seedDirectory, type SeededDirectory } from '../../support/visitors';
import { startShift } from '../../support/shift';
import { FakeClock } from '../../../main/core/clock';
import { DEFAULT_VISITOR_SETTINGS, type SelfRegistration } from '../../../shared/contract/visitors';
import type { OutgoingEvent } from '../../../main/core/context';

let desk: TestDesk;
let dir: SeededDirectory;
afterEach(() => desk?.close());

const MINUTE = 60_000;

function registration(overrides: Partial<SelfRegistration> = {}): SelfRegistration {
  return { visitorName: '陈访客', mobile: '13766667777', tenantId: dir.huaxin.id, purpose: '商务拜访', lang: 'zh-CN', consent: true, ...overrides };
}

function trail(method: string): Array<{ actor_kind: string; entity_id: string }> {
  return desk.core.db.prepare('SELECT actor_kind, entity_id FROM audit_trail WHERE method = ? ORDER BY seq').all(method) as Array<{
    actor_kind: string;
    entity_id: string;
  }>;
}

describe('pending self-registrations age (V-2)', () => {
  it('V-2 a registration waiting past the alert time alerts once; past the expiry it is 已过期, by the system, audited, and the handover lists the pending ones', async () => {
    desk = await createDesk();
    dir = await seedDirectory(desk);
    await desk.core.invoke(as(desk.admin.token), 'visitors.updateSettings', { ...DEFAULT_VISITOR_SETTINGS, pendingAlertMinutes: 10, pendingExpireMinutes: 60 });
    const lee = await desk.person('receptionist', '李前台', '1357');
    await startShift(desk, lee.token);
    const kiosk = await pairKiosk(desk);
    const events: OutgoingEvent[] = [];
    desk.core.onEvent((e) => events.push(e));
    const { registrationId } = await desk.core.invoke(kiosk.credentials, 'visitors.selfRegister', registration());

    desk.clock.advance(9 * MINUTE);
    desk.core.runDueJobs();
    expect(events.filter((e) => e.name === 'visitors.pendingWaiting')).toEqual([]);
    let draft = await desk.core.invoke(as(lee.token), 'handover.prepare', {});
    expect(draft.lines.find((l) => l.key === `pending:${registrationId}`)).toMatchObject({ kind: 'visitors:handover.pending', attention: false, params: { name: '陈**', tenant: '华信科技' } });

    desk.clock.advance(MINUTE);
    desk.core.runDueJobs();
    desk.core.runDueJobs();
    expect(events.filter((e) => e.name === 'visitors.pendingWaiting').map((e) => e.payload)).toEqual([{ visitIds: [registrationId] }]);
    expect(await desk.core.invoke(as(lee.token), 'visitors.get', { id: registrationId })).toMatchObject({ status: 'pending', pendingAlerted: true, expired: false });
    draft = await desk.core.invoke(as(lee.token), 'handover.prepare', {});
    expect(draft.lines.find((l) => l.key === `pending:${registrationId}`)).toMatchObject({ attention: true });

    desk.clock.advance(49 * MINUTE);
    desk.core.runDueJobs();
    expect((await desk.core.invoke(as(lee.token), 'visitors.lobby', {})).pending).toHaveLength(1);
    desk.clock.advance(MINUTE);
    desk.core.runDueJobs();
    const expired = await desk.core.invoke(as(lee.token), 'visitors.get', { id: registrationId });
    expect(expired).toMatchObject({ status: 'declined', expired: true, decidedByName: null, decidedAt: desk.clock.now() });
    expect((await desk.core.invoke(as(lee.token), 'visitors.lobby', {})).pending).toEqual([]);
    // The visitor screen it came from is told, and the expiry is on the trail as the system's.
    expect(events.filter((e) => e.name === 'visitors.registrationDecided').map((e) => [e.payload, e.target])).toEqual([
      [{ registrationId, outcome: 'declined', passNumber: null, qrText: null }, { deviceId: kiosk.deviceId }],
    ]);
    expect(trail('visitors.pendingAgeing').filter((e) => e.entity_id === registrationId).map((e) => e.actor_kind)).toEqual(['system', 'system']);
    // Off the handover, and the expiry cannot be confirmed any more.
    draft = await desk.core.invoke(as(lee.token), 'handover.prepare', {});
    expect(draft.lines.some((l) => l.key === `pending:${registrationId}`)).toBe(false);
    expect((await failure(desk.core.invoke(as(lee.token), 'visitors.confirm', { id: registrationId }))).code).toBe('conflict');
  });

  it('V-2 the expiry must come after the alert; bad settings change nothing', async () => {
    desk = await createDesk();
    dir = await seedDirectory(desk);
    const refused = await failure(desk.core.invoke(as(desk.admin.token), 'visitors.updateSettings', { ...DEFAULT_VISITOR_SETTINGS, pendingAlertMinutes: 30, pendingExpireMinutes: 20 }));
    expect(refused.fieldIssues.map((i) => i.path)).toContainEqual(['pendingExpireMinutes']);
    const badTime = await failure(desk.core.invoke(as(desk.admin.token), 'visitors.updateSettings', { ...DEFAULT_VISITOR_SETTINGS, rollTime: '25:00' }));
    expect(badTime.code).toBe('validation_failed');
    expect(await desk.core.invoke(as(desk.admin.token), 'visitors.settings', {})).toMatchObject({ pendingAlertMinutes: 10, pendingExpireMinutes: 120, rollTime: '23:30' });
  });
});

describe('the end-of-day roll (V-4)', () => {
  it('V-4 at the roll time the roll lists who is still in, once a day; the guard confirms one and signs one out, recorded with who; unanswered ones stay on the handover', async () => {
    desk = await createDesk({ clock: new FakeClock('2026-11-27T21:00:00+08:00') });
    dir = await seedDirectory(desk);
    await desk.core.invoke(as(desk.admin.token), 'visitors.updateSettings', { ...DEFAULT_VISITOR_SETTINGS, rollTime: '23:30', overstayMinutes: 0 });
    const lee = await desk.person('receptionist', '李前台', '1357');
    const guard = await desk.person('security', '王保安', '2468');
    await startShift(desk, lee.token);
    const visit = (name: string, mobile: string) => desk.core.invoke(as(lee.token), 'visitors.register', { visitorName: name, mobile, tenantId: dir.huaxin.id, purpose: '商务拜访' });
    const a = await visit('张三', '13800000001');
    const b = await visit('李四', '13800000002');
    const c = await visit('王五', '13800000003');
    await desk.core.invoke(as(lee.token), 'visitors.signOut', { id: c.id });

    desk.clock.set('2026-11-27T23:29:00+08:00');
    desk.core.runDueJobs();
    expect((await desk.core.invoke(as(guard.token), 'visitors.roll', {})).roll).toBeNull();
    desk.clock.set('2026-11-27T23:30:00+08:00');
    desk.core.runDueJobs();
    desk.core.runDueJobs();
    const { roll } = await desk.core.invoke(as(guard.token), 'visitors.roll', {});
    expect(roll).toMatchObject({ dayKey: '2026-11-27', dueAt: desk.clock.now() });
    expect(roll!.entries.map((e) => [e.visit.id, e.answer])).toEqual([
      [a.id, null],
      [b.id, null],
    ]);
    expect((desk.core.db.prepare('SELECT COUNT(*) AS n FROM visit_rolls').get() as { n: number }).n).toBe(1);

    desk.clock.advance(5 * MINUTE);
    const [ea, eb] = roll!.entries;
    await desk.core.invoke(as(guard.token), 'visitors.answerRoll', { entryId: ea!.id, answer: 'confirmed' });
    const after = (await desk.core.invoke(as(guard.token), 'visitors.answerRoll', { entryId: eb!.id, answer: 'signedOut' })).roll;
    expect(after.entries.map((e) => [e.answer, e.answeredByName, e.answeredAt])).toEqual([
      ['confirmed', '王保安', desk.clock.now()],
      ['signedOut', '王保安', desk.clock.now()],
    ]);
    expect(await desk.core.invoke(as(guard.token), 'visitors.get', { id: b.id })).toMatchObject({ status: 'out', checkedOutAt: desk.clock.now() });
    expect(await desk.core.invoke(as(guard.token), 'visitors.get', { id: a.id })).toMatchObject({ status: 'in' });
    // Answered once.
    expect((await failure(desk.core.invoke(as(guard.token), 'visitors.answerRoll', { entryId: ea!.id, answer: 'signedOut' }))).messageKey).toBe('visitors:error.rollAnswered');

    // The next day's roll lists the one still in; left unanswered, it is on the handover (a new day: new sessions).
    desk.clock.set('2026-11-28T23:30:00+08:00');
    desk.core.runDueJobs();
    guard.token = (await desk.core.invoke(LOCAL, 'auth.signIn', { userId: guard.id, pin: '2468' })).token;
    lee.token = (await desk.core.invoke(LOCAL, 'auth.signIn', { userId: lee.id, pin: '1357' })).token;
    const next = (await desk.core.invoke(as(guard.token), 'visitors.roll', {})).roll!;
    expect(next.dayKey).toBe('2026-11-28');
    expect(next.entries.map((e) => e.visit.id)).toEqual([a.id]);
    const draft = await desk.core.invoke(as(lee.token), 'handover.prepare', {});
    expect(draft.lines.filter((l) => l.key.startsWith('roll:')).map((l) => [l.key, l.kind, l.attention])).toEqual([
      [`roll:${next.entries[0]!.id}`, 'visitors:handover.rollOpen', true],
    ]);
    expect(trail('visitors.roll').every((e) => e.actor_kind === 'system')).toBe(true);
  });

  it('V-4 a PC switched off over the roll time catches up with that day’s roll once at start', async () => {
    desk = await createDesk({ clock: new FakeClock('2026-11-27T22:00:00+08:00') });
    dir = await seedDirectory(desk);
    const lee = await desk.person('receptionist');
    await desk.core.invoke(as(lee.token), 'visitors.register', { visitorName: '张三', mobile: '13800000001', tenantId: dir.huaxin.id, purpose: '商务拜访' });
    desk.clock.set('2026-11-28T08:00:00+08:00');
    desk.core.runDueJobs();
    desk.core.runDueJobs();
    const rolls = desk.core.db.prepare('SELECT day_key FROM visit_rolls').all();
    expect(rolls).toEqual([{ day_key: '2026-11-27' }]);
  });
});

describe('refusing a visitor (V-6)', () => {
  it('V-6 不予放行 at the desk records who, when and why in the visit history, the trail, the diary and the handover, and alerts the guard; a reason is required', async () => {
    desk = await createDesk();
    dir = await seedDirectory(desk);
    const lee = await desk.person('receptionist', '李前台', '1357');
    const shift = await startShift(desk, lee.token);
    await desk.core.invoke(as(desk.admin.token), 'visitors.addWatch', { name: '赵六', mobile: '13811112222', reason: '曾滋事' });
    const events: OutgoingEvent[] = [];
    desk.core.onEvent((e) => events.push(e));
    const draftVisit = { visitorName: '赵六', mobile: '13811112222', tenantId: dir.huaxin.id, purpose: '商务拜访' };

    const noReason = await failure(desk.core.invoke(as(lee.token), 'visitors.refuse', { draft: draftVisit, reason: '' }));
    expect(noReason.code).toBe('validation_failed');
    const neither = await failure(desk.core.invoke(as(lee.token), 'visitors.refuse', { reason: '在名单上' }));
    expect(neither.code).toBe('validation_failed');
    expect((desk.core.db.prepare('SELECT COUNT(*) AS n FROM visits').get() as { n: number }).n).toBe(0);

    desk.clock.advance(MINUTE);
    const refused = await desk.core.invoke(as(lee.token), 'visitors.refuse', { draft: draftVisit, reason: '禁止入内名单：曾滋事' });
    expect(refused).toMatchObject({ status: 'declined', refused: true, decidedByName: '李前台', decidedAt: desk.clock.now(), declineReason: '禁止入内名单：曾滋事', passNumber: null });
    expect(refused.watchMatches).toHaveLength(1);
    expect(events.filter((e) => e.name === 'visitors.refused').map((e) => e.payload)).toEqual([{ visitId: refused.id }]);
    // The visit history.
    const history = await desk.core.invoke(as(lee.token), 'visitors.history', { q: '赵六' });
    expect(history.visits.map((v) => [v.id, v.refused])).toEqual([[refused.id, true]]);
    // The audit trail, attributed.
    const entry = desk.core.db.prepare("SELECT actor_kind, actor_name FROM audit_trail WHERE method = 'visitors.refuse' AND entity_id = ?").get(refused.id);
    expect(entry).toEqual({ actor_kind: 'staff', actor_name: '李前台' });
    // The handover and the diary, masked.
    const handover = await desk.core.invoke(as(lee.token), 'handover.prepare', {});
    expect(handover.lines.find((l) => l.key === `refused:${refused.id}`)).toMatchObject({
      kind: 'visitors:handover.refused',
      attention: true,
      params: { name: '赵*', by: '李前台', tenant: '华信科技', refusedAt: desk.clock.now() },
    });
    const diary = await desk.core.invoke(as(lee.token), 'shifts.diary', { shiftId: shift.id });
    expect(JSON.stringify(diary)).toContain('visitors:diary.entryRefused');
    expect(JSON.stringify(diary)).not.toContain('赵六');
  });

  it('V-6 a watch-listed self-registration refused from the lobby: declined as refused, the visitor screen only told to see the desk', async () => {
    desk = await createDesk();
    dir = await seedDirectory(desk);
    const lee = await desk.person('receptionist', '李前台', '1357');
    const kiosk = await pairKiosk(desk);
    const { registrationId } = await desk.core.invoke(kiosk.credentials, 'visitors.selfRegister', registration());
    const refused = await desk.core.invoke(as(lee.token), 'visitors.refuse', { id: registrationId, reason: '名单匹配' });
    expect(refused).toMatchObject({ status: 'declined', refused: true, decidedByName: '李前台', declineReason: '名单匹配' });
    expect((await failure(desk.core.invoke(as(lee.token), 'visitors.refuse', { id: registrationId, reason: '再次' }))).code).toBe('conflict');
    const status = await desk.core.invoke(kiosk.credentials, 'visitors.kioskStatus', { registrationId });
    expect(JSON.stringify(status)).not.toContain('名单匹配');
  });
});
