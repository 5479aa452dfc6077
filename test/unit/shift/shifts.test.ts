import { describe, expect, it } from 'vitest';
import { createDesk, as } from '../../support/core';
import { failure, incidentDraft, startShift, tickAll } from '../../support/shift';

describe('shifts', () => {
  it('S-3 a shift starts with the opening check: every item ticked, or unticked with a comment', async () => {
    const desk = await createDesk();
    const lee = await desk.person('receptionist', '李前台', '1357');
    const { shift, openingCheck } = await desk.core.invoke(as(lee.token), 'shifts.current', {});
    expect(shift).toBeNull();
    expect(openingCheck.map((c) => c.label)).toContain('按规定着工装，服装整洁，佩戴胸卡');

    const answers = openingCheck.map((c) => ({ key: c.key, ok: true, comment: '' }));
    answers[3] = { key: openingCheck[3]!.key, ok: false, comment: '' };
    const missingComment = await failure(desk.core.invoke(as(lee.token), 'shifts.start', { checks: answers }));
    expect(missingComment.code).toBe('validation_failed');
    const text = desk.core.errorResponse(missingComment, 'zh-CN').body.error.issues?.[0];
    expect(text).toMatchObject({ path: ['checks', 3, 'comment'], message: '“电话、电脑、打印机工作正常”未勾选，请说明情况。' });
    const incomplete = await failure(desk.core.invoke(as(lee.token), 'shifts.start', { checks: answers.slice(0, 2) }));
    expect(incomplete.code).toBe('validation_failed');
    // nothing saved by a refused start.
    expect((desk.core.db.prepare('SELECT COUNT(*) AS n FROM shifts').get() as { n: number }).n).toBe(0);

    answers[3] = { key: openingCheck[3]!.key, ok: false, comment: '打印机卡纸，已报修' };
    const started = await desk.core.invoke(as(lee.token), 'shifts.start', { checks: answers });
    expect(started).toMatchObject({ person: { name: '李前台' }, openingAllOk: false, endedAt: null });
    expect(started.openingCheck[3]).toMatchObject({ ok: false, comment: '打印机卡纸，已报修' });
    expect((await failure(startShift(desk, lee.token))).code).toBe('conflict');
    desk.close();
  });

  it('S-3 the opening check is configured by the administrator; guards do not start desk shifts', async () => {
    const desk = await createDesk();
    const guard = await desk.person('security', '王保安', '2468');
    const settings = await desk.core.invoke(as(desk.admin.token), 'shifts.updateSettings', {
      openingCheck: [{ label: '对讲机已充电', labelEn: 'Radio charged' }, { key: 'uniform', label: '着工装' }],
    });
    expect(settings.openingCheck).toHaveLength(2);
    expect(settings.openingCheck[0]!.key).toMatch(/^[0-9a-z]{26}$/);
    expect((await desk.core.invoke(as(guard.token), 'shifts.current', {})).openingCheck.map((c) => c.label)).toEqual(['对讲机已充电', '着工装']);
    expect((await failure(startShift(desk, guard.token))).code).toBe('forbidden');
    expect((await failure(desk.core.invoke(as(guard.token), 'shifts.updateSettings', { openingCheck: [{ label: 'x' }] }))).code).toBe('forbidden');
    const empty = await failure(desk.core.invoke(as(desk.admin.token), 'shifts.updateSettings', { openingCheck: [] }));
    expect(desk.core.errorResponse(empty, 'en').body.error.issues?.[0]?.message).toBe('A checklist needs at least one item.');
    desk.close();
  });

  it('S-2 the work diary is assembled from the shift’s activity plus free text, and finalised with the handover', async () => {
    const desk = await createDesk();
    const lee = await desk.person('receptionist', '李前台', '1357');
    const wang = await desk.person('security', '王保安', '2468');
    // Activity before the shift does not belong to its diary.
    await desk.core.invoke(as(lee.token), 'keys.lend', { kind: 'key', item: '2F 配电间钥匙', borrower: '赵电工' });
    desk.clock.advance(60_000);
    const shift = await startShift(desk, lee.token);
    desk.clock.advance(60_000);
    const loan = await desk.core.invoke(as(lee.token), 'keys.lend', { kind: 'card', item: '临时门禁卡', itemCode: 'C-07', borrower: '钱师傅' });
    desk.clock.advance(60_000);
    await desk.core.invoke(as(lee.token), 'keys.return', { id: loan.id });
    const incident = await desk.core.invoke(as(lee.token), 'incidents.create', incidentDraft(desk));
    await desk.core.invoke(as(lee.token), 'incidents.sign', { id: incident.id, pin: '1357' });
    await desk.core.invoke(as(lee.token), 'shifts.saveDiary', { shiftId: shift.id, text: '下午消防演练通知已张贴。' });

    const diary = await desk.core.invoke(as(lee.token), 'shifts.diary', {});
    expect(diary).toMatchObject({ text: '下午消防演练通知已张贴。', finalised: false });
    const keys = diary!.sections.find((s) => s.key === 'keys')!;
    expect(keys.figures).toEqual([
      { kind: 'keys:diary.lent', params: { count: 1 }, at: null },
      { kind: 'keys:diary.returned', params: { count: 1 }, at: null },
      { kind: 'keys:diary.out', params: { count: 1 }, at: null },
    ]);
    expect(keys.entries.map((e) => e.kind)).toEqual(['keys:diary.entryLent', 'keys:diary.entryReturned']);
    const incidents = diary!.sections.find((s) => s.key === 'incidents')!;
    expect(incidents.figures[0]).toMatchObject({ kind: 'incidents:diary.recorded', params: { count: 1 } });
    expect(incidents.entries[0]).toMatchObject({ kind: 'incidents:diary.entry', params: { number: incident.number, place: '大堂东门' } });

    // Only the shift's own person writes its diary.
    const other = await desk.person('receptionist', '周前台', '9753');
    expect((await failure(desk.core.invoke(as(other.token), 'shifts.saveDiary', { shiftId: shift.id, text: '改写' }))).code).toBe('forbidden');

    const handover = await desk.core.invoke(as(lee.token), 'handover.prepare', {});
    await tickAll(desk, lee.token, handover.id);
    await desk.core.invoke(as(lee.token), 'handover.sign', { id: handover.id, pin: '1357' });
    // Activity after the end is not in the finalised diary, and its text can no longer change.
    desk.clock.advance(60_000);
    await desk.core.invoke(as(wang.token), 'keys.lend', { kind: 'key', item: '天台门钥匙', borrower: '孙工' });
    const final = await desk.core.invoke(as(lee.token), 'shifts.diary', { shiftId: shift.id });
    expect(final).toMatchObject({ finalised: true, text: '下午消防演练通知已张贴。', shift: { endReason: 'handover', handover: { id: handover.id } } });
    expect(final!.sections.find((s) => s.key === 'keys')!.figures[0]).toMatchObject({ params: { count: 1 } });
    expect((await failure(desk.core.invoke(as(lee.token), 'shifts.saveDiary', { shiftId: shift.id, text: '补写' }))).code).toBe('conflict');
    const list = await desk.core.invoke(as(wang.token), 'shifts.list', { person: '李' });
    expect(list.shifts).toEqual([expect.objectContaining({ id: shift.id, endReason: 'handover', handoverNumber: handover.number })]);
    desk.close();
  });

  it('S-2 a shift left open is closed by a supervisor with a reason; its diary is finalised', async () => {
    const desk = await createDesk();
    const lee = await desk.person('receptionist', '李前台', '1357');
    const boss = await desk.person('supervisor', '陈主管', '8642');
    const shift = await startShift(desk, lee.token);
    expect((await failure(desk.core.invoke(as(lee.token), 'shifts.close', { shiftId: shift.id, reason: '自己关' }))).code).toBe('forbidden');
    const closed = await desk.core.invoke(as(boss.token), 'shifts.close', { shiftId: shift.id, reason: '李前台身体不适提前离岗' });
    expect(closed).toMatchObject({ endReason: 'closed', closedBy: { name: '陈主管' }, closeReason: '李前台身体不适提前离岗' });
    expect((await desk.core.invoke(as(lee.token), 'shifts.current', {})).shift).toBeNull();
    expect((await failure(desk.core.invoke(as(lee.token), 'handover.prepare', {}))).code).toBe('conflict');
    desk.close();
  });
});

describe('shifts: who may read diaries', () => {
  it('S-2 departments cannot read work diaries (they name incidents and borrowers)', async () => {
    const desk = await createDesk();
    const lee = await desk.person('receptionist', '李前台', '1357');
    const eng = await desk.person('department', '工程部', '1111', '工程部');
    const shift = await startShift(desk, lee.token);
    expect((await failure(desk.core.invoke(as(eng.token), 'shifts.diary', { shiftId: shift.id }))).code).toBe('forbidden');
    expect((await failure(desk.core.invoke(as(eng.token), 'shifts.list', {}))).code).toBe('forbidden');
    desk.close();
  });
});
