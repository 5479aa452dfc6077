import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../main/core/clock';
import { recordsDesk, failure, HOUR, DAY, type RecordsDesk } from './helpers';

let desk: RecordsDesk;
afterEach(() => desk?.close());

function pinFailures(d: RecordsDesk, userId: string): number {
  return (d.core.db.prepare('SELECT COUNT(*) AS n FROM pin_failures WHERE user_id = ?').get(userId) as { n: number }).n;
}

describe('records daily audit and Monday review', () => {
  it('R-6 the supervisor sees unaudited entries yesterday first, audits with who/when/comment; the lobby reminds from the set hour', async () => {
    // Wednesday 2026-11-25 09:00.
    desk = await recordsDesk({ clock: new FakeClock('2026-11-25T09:00:00+08:00') });
    const older = await desk.enter({ matter: '周三的事' });
    desk.clock.set('2026-11-26T15:00:00+08:00');
    const yesterday = await desk.enter({ matter: '周四的事' });
    desk.clock.set('2026-11-27T09:30:00+08:00');
    const today = await desk.enter({ matter: '今天的事' });

    expect((await desk.core.invoke(await desk.as(desk.lee), 'records.lobby', {})).auditReminder).toBeNull();
    const zhou = await desk.as(desk.zhou);
    const queue = await desk.core.invoke(zhou, 'records.auditQueue', {});
    expect(queue.yesterdayKey).toBe('2026-11-26');
    expect(queue.days.map((d) => [d.dayKey, d.items.map((i) => i.id)])).toEqual([
      ['2026-11-26', [yesterday.id]],
      ['2026-11-25', [older.id]],
      ['2026-11-27', [today.id]],
    ]);
    desk.clock.set('2026-11-27T10:00:00+08:00');
    expect((await desk.core.invoke(await desk.as(desk.lee), 'records.lobby', {})).auditReminder).toEqual({ dayKey: '2026-11-26', pending: 2 });

    expect((await failure(desk.core.invoke(await desk.as(desk.lee), 'records.auditItems', { ids: [yesterday.id], comment: '', pin: desk.lee.pin }))).code).toBe('forbidden');
    // The auditor's own PIN: a wrong one audits nothing and is counted like a wrong sign-in; a missing one is refused.
    const wrongPin = desk.zhou.pin === '9999' ? '8888' : '9999';
    expect((await failure(desk.core.invoke(zhou, 'records.auditItems', { ids: [yesterday.id], comment: '', pin: wrongPin }))).code).toBe('pin_incorrect');
    expect(pinFailures(desk, desk.zhou.id)).toBe(1);
    expect((await failure(desk.core.invoke(zhou, 'records.auditItems', { ids: [yesterday.id], comment: '' } as never))).code).toBe('validation_failed');
    expect((await desk.core.invoke(zhou, 'records.get', { id: yesterday.id })).audited).toBe(false);
    const result = await desk.core.invoke(await desk.as(desk.zhou), 'records.auditItems', { ids: [yesterday.id, older.id], comment: '记录完整', pin: desk.zhou.pin });
    expect(result).toEqual({ audited: 2 });
    const detail = await desk.core.invoke(await desk.as(desk.lee), 'records.get', { id: yesterday.id });
    expect(detail.audit).toEqual({ at: desk.clock.now(), byName: '周主管', comment: '记录完整' });
    expect(detail.audited).toBe(true);
    expect((await desk.core.invoke(await desk.as(desk.lee), 'records.lobby', {})).auditReminder).toBeNull();
    const after = await desk.core.invoke(await desk.as(desk.zhou), 'records.auditQueue', {});
    expect(after.days.map((d) => d.dayKey)).toEqual(['2026-11-27']);
    expect(after.recentlyAudited.map((i) => [i.id, i.auditedByName])).toEqual([
      [yesterday.id, '周主管'],
      [older.id, '周主管'],
    ]);
    // Audited once: a second audit of the same entry is refused and changes nothing.
    expect((await failure(desk.core.invoke(await desk.as(desk.wang), 'records.auditItems', { ids: [today.id, older.id], comment: '', pin: desk.wang.pin }))).code).toBe('conflict');
    expect((await desk.core.invoke(await desk.as(desk.zhou), 'records.get', { id: today.id })).audited).toBe(false);
  });

  it('R-6 the Monday review of last week: counts, escalations, breaches, unresolvable, overdue, follow-ups; signed once the week is over', async () => {
    // Monday 2026-11-16 09:00 … the week under review is 2026-11-16 – 22.
    desk = await recordsDesk({ clock: new FakeClock('2026-11-16T09:00:00+08:00') });
    const complaint = await desk.enter({ type: 'complaint', matter: '噪音', channel: 'phone' });
    const repair = await desk.enter({ type: 'repair', matter: '漏水', department: '工程部' });
    const hopeless = await desk.enter({ type: 'suggestion', matter: '加建车位', channel: 'online' });
    await desk.core.invoke(await desk.as(desk.lee), 'records.resolve', { id: repair.id, result: '已修复' });
    desk.clock.advance(DAY + HOUR);
    desk.core.runDueJobs(); // the complaint breaches
    await desk.core.invoke(await desk.as(desk.wang), 'records.closeUnresolvable', { id: hopeless.id, reason: '无规划用地' });
    desk.clock.advance(2 * DAY);
    desk.core.runDueJobs(); // the complaint escalates to the supervisor
    await desk.core.invoke(await desk.as(desk.lee), 'records.followUp', { id: repair.id, result: 'unsatisfied', note: '仍渗水' });

    desk.clock.set('2026-11-23T09:00:00+08:00'); // the next Monday
    const lee = await desk.as(desk.lee);
    expect((await desk.core.invoke(lee, 'records.lobby', {})).reviewReminder).toEqual({ weekKey: '2026-11-16' });
    const wang = await desk.as(desk.wang);
    const review = await desk.core.invoke(wang, 'records.weeklyReview', {});
    expect(review).toMatchObject({ weekKey: '2026-11-16', isOver: true, signed: null });
    expect(review.weekStart).toBe(Date.parse('2026-11-16T00:00:00+08:00'));
    expect(review.weekEnd).toBe(Date.parse('2026-11-23T00:00:00+08:00'));
    expect(review.counts.total).toBe(3);
    expect(review.counts.byType).toMatchObject({ complaint: 1, repair: 1, suggestion: 1, inquiry: 0 });
    expect(review.counts.byChannel).toMatchObject({ walk_in: 1, phone: 1, online: 1, relayed: 0 });
    expect(review.counts.byStatus).toMatchObject({ open: 2, unresolvable: 1, resolved: 0, forwarded: 0 });
    expect(review.escalated.map((i) => [i.number, i.escalatedTo])).toEqual([[complaint.number, 'supervisor']]);
    expect(review.breached.map((i) => i.id)).toEqual([complaint.id]);
    expect(review.unresolvable.map((i) => [i.id, i.reason])).toEqual([[hopeless.id, '无规划用地']]);
    // The reopened repair counts from its reception too: past two days, it is overdue.
    expect(review.overdue.map((i) => i.id)).toEqual([complaint.id, repair.id]);
    expect(review.followUps).toMatchObject({ satisfied: 0, unsatisfied: 1, entries: [expect.objectContaining({ number: repair.number, note: '仍渗水' })] });

    expect((await failure(desk.core.invoke(wang, 'records.signWeeklyReview', { weekKey: '2026-11-23', comment: '', pin: desk.wang.pin }))).messageKey).toBe('records:review.weekNotOver');
    expect((await failure(desk.core.invoke(wang, 'records.weeklyReview', { weekKey: '2026-11-18' }))).code).toBe('validation_failed');
    expect((await failure(desk.core.invoke(await desk.as(desk.zhou), 'records.signWeeklyReview', { weekKey: '2026-11-16', comment: '', pin: desk.zhou.pin }))).code).toBe('forbidden');
    // The manager's own PIN, entered again: a wrong one is refused, counted like a sign-in, and signs nothing.
    const wrong = await failure(desk.core.invoke(wang, 'records.signWeeklyReview', { weekKey: '2026-11-16', comment: '', pin: desk.wang.pin === '9999' ? '8888' : '9999' }));
    expect(wrong.code).toBe('pin_incorrect');
    expect(pinFailures(desk, desk.wang.id)).toBe(1);
    expect((await desk.core.invoke(wang, 'records.weeklyReview', { weekKey: '2026-11-16' })).signed).toBeNull();
    const signed = await desk.core.invoke(wang, 'records.signWeeklyReview', { weekKey: '2026-11-16', comment: '投诉处理需提速', pin: desk.wang.pin });
    expect(signed.signed).toEqual({ at: desk.clock.now(), byName: '王经理', comment: '投诉处理需提速' });
    expect((await failure(desk.core.invoke(wang, 'records.signWeeklyReview', { weekKey: '2026-11-16', comment: '', pin: desk.wang.pin }))).messageKey).toBe('records:review.alreadySigned');
    expect((await desk.core.invoke(lee, 'records.lobby', {})).reviewReminder).toBeNull();
    const stored = desk.core.db.prepare('SELECT summary_json FROM record_weekly_reviews').get() as { summary_json: string };
    expect(JSON.parse(stored.summary_json)).toMatchObject({ counts: { total: 3 }, breached: [complaint.number] });
  });

  it('R-6 no review reminder on a desk that was not in use before this week', async () => {
    desk = await recordsDesk({ clock: new FakeClock('2026-11-23T09:00:00+08:00') });
    await desk.enter();
    expect((await desk.core.invoke(await desk.as(desk.lee), 'records.lobby', {})).reviewReminder).toBeNull();
  });
});
