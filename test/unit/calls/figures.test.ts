import { afterEach, describe, expect, it } from 'vitest';
import { phoneDesk, failure, type PhoneDesk } from './desk';

let phone: PhoneDesk;
afterEach(() => phone?.desk.close());

async function rang(p: PhoneDesk, outcome: { answerAfter?: number; missAfter?: number; interrupt?: boolean }, token?: string) {
  await p.call('calls.ring', {}, token);
  if (outcome.answerAfter !== undefined) {
    p.desk.clock.advance(outcome.answerAfter);
    const c = await p.call('calls.answer', {}, token);
    await p.call('calls.save', { id: c.id, topic: '咨询', outcome: 'resolved' }, token);
  } else if (outcome.missAfter !== undefined) {
    p.desk.clock.advance(outcome.missAfter);
    await p.call('calls.giveUp', {}, token);
  }
  p.desk.clock.advance(60_000);
}

describe('phone-desk figures', () => {
  it('P-5 today’s calls, share answered within target and mean answer time (missed calls count against, interrupted ones apart)', async () => {
    phone = await phoneDesk();
    const { desk, call } = phone;
    desk.clock.set('2026-11-27T10:00:00+08:00');
    expect(await call('calls.figures', {})).toEqual({
      day: '2026-11-27',
      calls: 0,
      answered: 0,
      missed: 0,
      interrupted: 0,
      withinTarget: 0,
      withinTargetShare: null,
      meanAnswerMs: null,
    });
    await rang(phone, { answerAfter: 4_000 });
    await rang(phone, { answerAfter: 14_900 });
    await rang(phone, { answerAfter: 15_000 });
    await rang(phone, { missAfter: 20_000 });
    // A ring left open by a previous process, closed at start as interrupted.
    await call('calls.ring', {});
    desk.core.db
      .prepare(
        "INSERT INTO calls (id, line, status, source, boot_id, ring_started_at, seconds_per_ring, target_rings, created_at, updated_at) VALUES ('01JD0000000000000000000009', 5, 'ringing', 'button', 'old-process', ?, 5, 3, ?, ?)",
      )
      .run(desk.clock.now(), desk.clock.now(), desk.clock.now());
    desk.core.runDueJobs();
    expect(await call('calls.figures', {})).toEqual({
      day: '2026-11-27',
      calls: 6,
      answered: 3,
      missed: 1,
      interrupted: 1,
      withinTarget: 2,
      withinTargetShare: 0.5,
      meanAnswerMs: Math.round((4_000 + 14_900 + 15_000) / 3),
    });
  });

  it('P-5 days are calendar days in the building’s time zone', async () => {
    phone = await phoneDesk('2026-11-27T23:50:00+08:00');
    const { desk, call } = phone;
    await rang(phone, { answerAfter: 2_000 });
    desk.clock.set('2026-11-28T00:10:00+08:00');
    await rang(phone, { answerAfter: 20_000 });
    expect(await call('calls.figures', { day: '2026-11-27' })).toMatchObject({ calls: 1, withinTargetShare: 1 });
    expect(await call('calls.figures', {})).toMatchObject({ day: '2026-11-28', calls: 1, withinTargetShare: 0 });
    await call('settings.updateBuilding', { name: '华信大厦', postName: '华信大厦前台', timeZone: 'UTC' }, desk.admin.token);
    // In UTC both calls fall on 27 November (15:50 and 16:10).
    expect(await call('calls.figures', { day: '2026-11-27' })).toMatchObject({ calls: 2, withinTargetShare: 0.5 });
  });

  it('P-5 per receptionist per day through the contract, for the reports', async () => {
    phone = await phoneDesk('2026-11-27T20:00:00+08:00');
    const { desk, call } = phone;
    const wang = await desk.person('receptionist', '王前台');
    await rang(phone, { answerAfter: 3_000 });
    await rang(phone, { answerAfter: 16_000 });
    await rang(phone, { answerAfter: 5_000 }, wang.token);
    desk.clock.set('2026-11-28T01:00:00+08:00');
    await rang(phone, { missAfter: 30_000 }, wang.token);
    // Rung by 王, answered by 李: counts for 李.
    await call('calls.ring', {}, wang.token);
    desk.clock.advance(1_000);
    await call('calls.answer', {});
    const { rows } = await call('calls.dailyFigures', { from: '2026-11-27', to: '2026-11-28' });
    expect(rows.map((r) => [r.day, r.staffName, r.calls, r.answered, r.missed, r.withinTarget, r.withinTargetShare, r.meanAnswerMs])).toEqual([
      ['2026-11-27', '李前台', 2, 2, 0, 1, 0.5, 9_500],
      ['2026-11-27', '王前台', 1, 1, 0, 1, 1, 5_000],
      ['2026-11-28', '李前台', 1, 1, 0, 1, 1, 1_000],
      ['2026-11-28', '王前台', 1, 0, 1, 0, 0, null],
    ]);
    expect(rows[0]!.staffId).toBe(phone.lee.id);
  });

  it('P-5 a reversed or too long range is refused with a clear message', async () => {
    phone = await phoneDesk();
    const { desk, call } = phone;
    const reversed = await failure(call('calls.dailyFigures', { from: '2026-11-28', to: '2026-11-27' }));
    expect(desk.core.errorResponse(reversed, 'zh-CN').body.error.issues?.[0]?.message).toBe('开始日期不能晚于结束日期。');
    expect((await call('calls.dailyFigures', { from: '2026-01-01', to: '2027-01-01' })).rows).toEqual([]);
    const tooLong = await failure(call('calls.dailyFigures', { from: '2026-01-01', to: '2027-01-02' }));
    expect(desk.core.errorResponse(tooLong, 'en').body.error.issues?.[0]?.message).toBe('At most 366 days at a time.');
  });
});
