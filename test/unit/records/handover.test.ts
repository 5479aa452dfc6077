// The reception record's section of the shift handover and its part of the work diary, through the real core.
import { afterEach, describe, expect, it } from 'vitest';
import { startShift } from '../../support/shift';
import { recordsDesk, DAY, HOUR, MINUTE, type Person, type RecordsDesk } from './helpers';

let d: RecordsDesk;
afterEach(() => d?.close());

describe('the reception record on the handover and in the work diary', () => {
  it('S-1 R-4 R-5 items escalating within 24 h and overdue ones are on the handover, most urgent first, without the owner’s name or phone', async () => {
    d = await recordsDesk();
    const t0 = d.clock.now();
    const guard: Person = { ...(await d.person('security', '王保安', '2468')), expiresAt: t0 + 14 * HOUR };
    const parking = await d.enter({ matter: '咨询停车月卡办理，电话 138 0013 8000' });
    d.clock.advance(HOUR);
    const complaint = await d.enter({ type: 'complaint', ownerName: '欧阳先生', unit: '5-0802', matter: '楼上装修噪音' });
    // Received three days ago and entered now: the timer gives it to the supervisor at once.
    const old = await d.enter({ type: 'repair', ownerName: '陈女士', unit: '2-0101', matter: '水管漏水', receivedAt: t0 - 3 * DAY });
    d.core.runDueJobs();
    d.clock.advance(29 * HOUR);
    d.core.runDueJobs();
    await d.as(d.lee); // signs in again: the clock moved past the session's end
    await startShift(d, d.lee.token);

    const draft = await d.core.invoke(await d.as(d.lee), 'handover.prepare', {});
    const lines = draft.lines.filter((l) => l.section === 'records');
    expect(lines.map((l) => [l.key, l.kind, l.attention])).toEqual([
      [`record:${complaint.id}`, 'records:handover.overdue.answer', true],
      [`record:${old.id}`, 'records:handover.overdue.escalated', true],
      [`record:${parking.id}`, 'records:handover.soon.supervisor', false],
    ]);
    expect(lines[0]).toMatchObject({ sectionTitle: 'records:handover.section', sectionOrder: 50, params: { number: complaint.number, type: 'complaint', who: '5-0802 欧***', dueAt: t0 + HOUR + 24 * HOUR } });
    expect(lines[1]!.params).toMatchObject({ level: 'supervisor', type: 'repair', who: '2-0101 陈**' });
    expect(lines[2]!.params).toMatchObject({ who: '3-1201 张**', matter: '咨询停车月卡办理，电话 ****', dueAt: t0 + 48 * HOUR, level: 'desk' });

    const asGuard = JSON.stringify(await d.core.invoke(await d.as(guard), 'handover.get', { id: draft.id }));
    for (const secret of ['张业主', '欧阳先生', '陈女士', '13800138000', '138 0013 8000']) expect(asGuard).not.toContain(secret);
  });

  it('S-2 R-3 R-4 the work diary counts items entered and closed during the shift and those still open', async () => {
    d = await recordsDesk();
    const old = await d.enter({ type: 'repair', matter: '水管漏水' });
    // Open for more than a week: the manager owns it.
    d.clock.advance(8 * DAY);
    d.core.runDueJobs();
    const before = await d.enter();
    d.clock.advance(MINUTE);
    await d.as(d.lee);
    await startShift(d, d.lee.token);
    d.clock.advance(MINUTE);
    const during = await d.enter({ type: 'complaint', ownerName: '欧阳先生', unit: '5-0802', matter: '楼上装修噪音，请联系 13912345678' });
    const enteredAt = d.clock.now();
    d.clock.advance(MINUTE);
    await d.core.invoke(await d.as(d.lee), 'records.resolve', { id: before.id, result: '已告知办理流程' });
    const resolvedAt = d.clock.now();
    d.clock.advance(MINUTE);
    await d.core.invoke(await d.as(d.wang), 'records.closeUnresolvable', { id: old.id, reason: '业主已搬离，无法联系' });
    const closedAt = d.clock.now();

    const diary = await d.core.invoke(await d.as(d.lee), 'shifts.diary', {});
    const section = diary!.sections.find((s) => s.key === 'records')!;
    expect(section.figures).toEqual([
      { kind: 'records:diary.opened', params: { count: 1 }, at: null },
      { kind: 'records:diary.closed', params: { count: 2 }, at: null },
      { kind: 'records:diary.stillOpen', params: { count: 1 }, at: null },
    ]);
    expect(section.entries).toEqual([
      { kind: 'records:diary.entryOpened', params: { number: during.number, type: 'complaint', who: '5-0802 欧***', matter: '楼上装修噪音，请联系 ****' }, at: enteredAt },
      { kind: 'records:diary.entryResolved', params: { number: before.number, type: 'inquiry', by: '李前台' }, at: resolvedAt },
      { kind: 'records:diary.entryUnresolvable', params: { number: old.number, type: 'repair', by: '王经理' }, at: closedAt },
    ]);
  });
});
