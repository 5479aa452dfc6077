// The callbacks feature's section of the shift handover and its part of the work diary, through the real core.
import { afterEach, describe, expect, it } from 'vitest';
import { as, createDesk, type TestDesk } from '../../support/core';
import { DIRECTORY_PHONES, seedDirectory } from '../../support/visitors';
import { startShift } from '../../support/shift';

let desk: TestDesk;
afterEach(() => desk?.close());

const MINUTE = 60_000;

describe('callbacks on the handover and in the work diary', () => {
  it('S-1 V-3 open callbacks are on the handover by due time, overdue ones highlighted; the caller’s number and tenant numbers stay off the sheet', async () => {
    desk = await createDesk();
    const dir = await seedDirectory(desk);
    const lee = await desk.person('receptionist', '李前台', '1357');
    const guard = await desk.person('security', '王保安', '2468');
    await startShift(desk, lee.token);
    const start = desk.clock.now();
    const later = await desk.core.invoke(as(lee.token), 'callbacks.create', {
      tenantId: dir.huaxin.id,
      callerName: '刘先生',
      callerPhone: '137 1111 2222',
      message: '想谈续租，请王经理回电 137 1111 2222',
      dueAt: start + 60 * MINUTE,
    });
    const soon = await desk.core.invoke(as(lee.token), 'callbacks.create', { tenantId: dir.lawyers.id, callerName: '陈女士', callerPhone: '0755-88889999', dueAt: start + 10 * MINUTE });
    const done = await desk.core.invoke(as(lee.token), 'callbacks.create', { tenantId: dir.huaxin.id, callerName: '赵女士', callerPhone: '13700000000' });
    await desk.core.invoke(as(lee.token), 'callbacks.recordOutcome', { id: done.id, outcome: 'relayed' });
    desk.clock.advance(11 * MINUTE);

    const draft = await desk.core.invoke(as(lee.token), 'handover.prepare', {});
    const lines = draft.lines.filter((l) => l.section === 'callbacks');
    expect(lines.map((l) => [l.key, l.kind, l.attention])).toEqual([
      [`callback:${soon.id}`, 'callbacks:handover.overdue', true],
      [`callback:${later.id}`, 'callbacks:handover.open', false],
    ]);
    expect(lines[1]).toMatchObject({
      sectionTitle: 'callbacks:handover.section',
      sectionOrder: 20,
      params: { caller: '刘**', tenant: '华信科技', where: '12F 1201', owner: '李前台', dueAt: start + 60 * MINUTE, message: '想谈续租，请王经理回电 ****' },
    });
    const asGuard = JSON.stringify(await desk.core.invoke(as(guard.token), 'handover.get', { id: draft.id }));
    for (const secret of ['刘先生', '13711112222', '137 1111 2222', '0755-88889999', ...DIRECTORY_PHONES]) expect(asGuard).not.toContain(secret);
  });

  it('S-2 V-3 the work diary counts messages taken and closed during the shift and those still open, with masked callers', async () => {
    desk = await createDesk();
    const dir = await seedDirectory(desk);
    const lee = await desk.person('receptionist', '李前台', '1357');
    const before = await desk.core.invoke(as(lee.token), 'callbacks.create', { tenantId: dir.huaxin.id, callerName: '早先生', callerPhone: '13700000001' });
    desk.clock.advance(MINUTE);
    await startShift(desk, lee.token);
    desk.clock.advance(MINUTE);
    const taken = await desk.core.invoke(as(lee.token), 'callbacks.create', { tenantId: dir.lawyers.id, callerName: '陈女士', callerPhone: '0755-88889999', source: 'phone' });
    const takenAt = desk.clock.now();
    desk.clock.advance(5 * MINUTE);
    await desk.core.invoke(as(lee.token), 'callbacks.recordOutcome', { id: before.id, outcome: 'tenantWillCall' });
    const closedAt = desk.clock.now();
    desk.clock.advance(40 * MINUTE);

    const diary = await desk.core.invoke(as(lee.token), 'shifts.diary', {});
    const section = diary!.sections.find((s) => s.key === 'callbacks')!;
    expect(section.figures).toEqual([
      { kind: 'callbacks:diary.taken', params: { count: 1 }, at: null },
      { kind: 'callbacks:diary.closed', params: { count: 1 }, at: null },
      { kind: 'callbacks:diary.open', params: { count: 1, overdue: 1 }, at: null },
    ]);
    expect(section.entries).toEqual([
      { kind: 'callbacks:diary.entryTaken', params: { caller: '陈**', tenant: '明达律师事务所', source: 'phone' }, at: takenAt },
      { kind: 'callbacks:diary.entryClosed', params: { tenant: '华信科技', outcome: 'tenantWillCall', by: '李前台' }, at: closedAt },
    ]);
    expect(taken.status).toBe('open');
    expect(JSON.stringify(section)).not.toContain('0755-88889999');
  });
});
