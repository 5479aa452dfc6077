import { afterEach, describe, expect, it } from 'vitest';
import { recordsDesk, failure, clockEvents, HOUR, MINUTE, DAY, type RecordsDesk } from './helpers';
import { FakeClock } from '../../../main/core/clock';
import { nextClockDue } from '../../../main/core/records/clock';

let desk: RecordsDesk;
afterEach(() => desk?.close());

const level = (id: string) => (desk.core.db.prepare('SELECT level FROM record_items WHERE id = ?').get(id) as { level: string }).level;

describe('records escalation ladder', () => {
  it('R-4 no escalation at 47 h 59 min, the supervisor owns it at 48 h, the manager at 7 days', async () => {
    desk = await recordsDesk();
    const item = await desk.enter();
    const received = item.receivedAt;

    desk.clock.advance(47 * HOUR + 59 * MINUTE);
    desk.core.runDueJobs();
    expect(level(item.id)).toBe('desk');
    expect(clockEvents(desk, item.id).map((e) => e.kind)).toEqual(['warn_supervisor']);

    desk.clock.advance(MINUTE);
    desk.core.runDueJobs();
    expect(level(item.id)).toBe('supervisor');
    const supervisorStep = clockEvents(desk, item.id).find((e) => e.kind === 'escalate_supervisor');
    expect(supervisorStep).toMatchObject({ due_at: received + 2 * DAY, detected_at: received + 2 * DAY });

    desk.clock.set(received + 7 * DAY - MINUTE);
    desk.core.runDueJobs();
    expect(level(item.id)).toBe('supervisor');
    desk.clock.set(received + 7 * DAY);
    desk.core.runDueJobs();
    expect(level(item.id)).toBe('manager');
    expect(clockEvents(desk, item.id).map((e) => e.kind)).toEqual(['warn_supervisor', 'escalate_supervisor', 'warn_manager', 'escalate_manager']);

    const detail = await desk.core.invoke(await desk.as(desk.wang), 'records.get', { id: item.id });
    expect(detail.escalations).toEqual([
      { level: 'supervisor', dueAt: received + 2 * DAY, detectedAt: received + 2 * DAY },
      { level: 'manager', dueAt: received + 7 * DAY, detectedAt: received + 7 * DAY },
    ]);
    expect(detail.overdue).toBe(true);
  });

  it('R-4 a warning goes out 4 h before each deadline, once, to the lobby and the current owner', async () => {
    desk = await recordsDesk();
    const item = await desk.enter();
    desk.clock.advance(44 * HOUR - MINUTE);
    desk.core.runDueJobs();
    expect(clockEvents(desk, item.id)).toEqual([]);
    desk.clock.advance(MINUTE);
    desk.core.runDueJobs();
    desk.core.runDueJobs();
    expect(clockEvents(desk, item.id)).toEqual([{ kind: 'warn_supervisor', due_at: item.receivedAt + 44 * HOUR, detected_at: item.receivedAt + 44 * HOUR, cycle: 0 }]);
    const notices = desk.events.filter((e) => e.name === 'records.notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.payload).toMatchObject({ kind: 'warn_supervisor', number: item.number, level: 'desk' });
    const owner = desk.events.find((e) => e.name === 'records.assigned');
    expect(owner).toMatchObject({ payload: { reason: 'warning', dueAt: item.receivedAt + 2 * DAY }, target: { roles: ['receptionist'] } });

    desk.clock.set(item.receivedAt + 7 * DAY - 4 * HOUR);
    desk.core.runDueJobs();
    const kinds = clockEvents(desk, item.id).map((e) => e.kind);
    expect(kinds).toEqual(['warn_supervisor', 'escalate_supervisor', 'warn_manager']);
    const managerWarning = desk.events.filter((e) => e.name === 'records.assigned').at(-1);
    expect(managerWarning).toMatchObject({ payload: { reason: 'warning' }, target: { roles: ['supervisor'] } });
  });

  it('R-4 resolution stops the clock', async () => {
    desk = await recordsDesk();
    const item = await desk.enter();
    desk.clock.advance(30 * HOUR);
    await desk.core.invoke(await desk.as(desk.lee), 'records.resolve', { id: item.id, result: '已告知业主办理流程' });
    expect(nextClockDue(desk.core.db)).toBeNull();
    desk.clock.advance(10 * DAY);
    desk.core.runDueJobs();
    expect(clockEvents(desk, item.id)).toEqual([]);
    expect(level(item.id)).toBe('desk');
  });

  it('R-4 the timer sleeps until the next deadline: nextDueAt is the earliest pending step', async () => {
    desk = await recordsDesk();
    const first = await desk.enter();
    desk.clock.advance(HOUR);
    await desk.enter();
    expect(nextClockDue(desk.core.db)).toBe(first.receivedAt + 44 * HOUR);
    desk.clock.set(first.receivedAt + 44 * HOUR);
    desk.core.runDueJobs();
    expect(nextClockDue(desk.core.db)).toBe(first.receivedAt + 45 * HOUR);
  });

  it('R-4 working-day mode skips weekends and a configured holiday', async () => {
    // Wednesday 2026-12-30 10:00; 2027-01-01 (Friday) is a holiday and the weekend is off.
    desk = await recordsDesk({ clock: new FakeClock('2026-12-30T10:00:00+08:00') });
    const settings = await desk.core.invoke(await desk.as(desk.boss), 'records.settings', {});
    await desk.core.invoke(await desk.as(desk.boss), 'records.updateSettings', {
      ...settings,
      countMode: 'workingDays',
      supervisorAfterDays: 2,
      managerAfterDays: 5,
      holidays: ['2027-01-01'],
    });
    const item = await desk.enter();
    const detail = await desk.core.invoke(await desk.as(desk.lee), 'records.get', { id: item.id });
    // Wed 10:00 → Thu 10:00 is one working day; Fri (holiday), Sat, Sun do not count; Mon 10:00 is the second.
    expect(detail.deadlines.supervisorAt).toBe(Date.parse('2027-01-04T10:00:00+08:00'));
    expect(detail.deadlines.managerAt).toBe(Date.parse('2027-01-07T10:00:00+08:00'));
    desk.clock.set('2027-01-02T10:00:00+08:00'); // calendar mode would have escalated now
    desk.core.runDueJobs();
    expect(level(item.id)).toBe('desk');
    desk.clock.set('2027-01-04T10:00:00+08:00');
    desk.core.runDueJobs();
    expect(level(item.id)).toBe('supervisor');
  });

  it('R-4 a make-up working day on a weekend counts', async () => {
    desk = await recordsDesk({ clock: new FakeClock('2026-12-31T10:00:00+08:00') });
    const settings = await desk.core.invoke(await desk.as(desk.boss), 'records.settings', {});
    await desk.core.invoke(await desk.as(desk.boss), 'records.updateSettings', {
      ...settings,
      countMode: 'workingDays',
      holidays: ['2027-01-01'],
      makeUpDays: ['2027-01-03'],
    });
    const item = await desk.enter();
    const detail = await desk.core.invoke(await desk.as(desk.lee), 'records.get', { id: item.id });
    // Thu 10:00 → (Fri holiday, Sat off) → Sun 2027-01-03 is worked → two working days end Mon 10:00, not Tue.
    expect(detail.deadlines.supervisorAt).toBe(Date.parse('2027-01-04T10:00:00+08:00'));
  });

  it('R-4 only the owner at the time records the result: past 48 h the desk is refused, the supervisor resolves', async () => {
    desk = await recordsDesk();
    const item = await desk.enter();
    expect((await failure(desk.core.invoke(await desk.as(desk.zhou), 'records.resolve', { id: item.id, result: '主管处理' }))).messageKey).toBe(
      'records:auth.owner.desk',
    );
    desk.clock.advance(48 * HOUR + MINUTE);
    // The timer has not run yet: the call itself brings the item's clock up to date before judging ownership.
    const refused = await failure(desk.core.invoke(await desk.as(desk.lee), 'records.resolve', { id: item.id, result: '已处理' }));
    expect(refused.code).toBe('forbidden');
    expect(refused.messageKey).toBe('records:auth.owner.supervisor');
    const resolved = await desk.core.invoke(await desk.as(desk.zhou), 'records.resolve', { id: item.id, result: '主管协调工程部处理完毕' });
    expect(resolved).toMatchObject({ status: 'resolved', level: 'supervisor', resolvedByName: '周主管' });
    expect(resolved.escalations).toEqual([{ level: 'supervisor', dueAt: item.receivedAt + 2 * DAY, detectedAt: item.receivedAt + 48 * HOUR + MINUTE }]);
    desk.core.runDueJobs();
    expect(clockEvents(desk, item.id).filter((e) => e.kind === 'escalate_supervisor')).toHaveLength(1);
  });

  it('R-4 durations are settings: the supervisor step after 1 day when so configured; bad settings change nothing', async () => {
    desk = await recordsDesk();
    const settings = await desk.core.invoke(await desk.as(desk.boss), 'records.settings', {});
    const bad = await failure(desk.core.invoke(await desk.as(desk.boss), 'records.updateSettings', { ...settings, supervisorAfterDays: 3, managerAfterDays: 3 }));
    expect(bad.code).toBe('validation_failed');
    expect(await desk.core.invoke(await desk.as(desk.boss), 'records.settings', {})).toEqual(settings);
    await desk.core.invoke(await desk.as(desk.boss), 'records.updateSettings', { ...settings, supervisorAfterDays: 1, warnBeforeHours: 0 });
    const item = await desk.enter();
    desk.clock.advance(DAY);
    desk.core.runDueJobs();
    expect(clockEvents(desk, item.id).map((e) => e.kind)).toEqual(['escalate_supervisor']);
    expect((await failure(desk.core.invoke(await desk.as(desk.lee), 'records.updateSettings', settings))).code).toBe('forbidden');
  });
});
