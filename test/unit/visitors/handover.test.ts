// The visitors feature's section of the shift handover and its part of the work diary, through the real core.
import { afterEach, describe, expect, it } from 'vitest';
import { as, createDesk, type TestDesk } from '../../support/core';
import { pairKiosk, seedDirectory, DIRECTORY_PHONES } from '../../support/visitors';
import { startShift } from '../../support/shift';
import { DEFAULT_VISITOR_SETTINGS } from '../../../shared/contract/visitors';
import type { HandoverLine } from '../../../shared/contract/handover';

let desk: TestDesk;
afterEach(() => desk?.close());

const MINUTE = 60_000;
const section = (lines: HandoverLine[], name: string) => lines.filter((l) => l.section === name);

describe('visitors on the handover and in the work diary', () => {
  it('S-1 V-4 visitors still in and their passes are on the handover: masked name, tenant, host, time in — no mobile, ID number or plate; overstay highlighted; a signed-out visitor drops off', async () => {
    desk = await createDesk();
    const dir = await seedDirectory(desk);
    // Even where the building keeps full ID numbers, none reaches the sheet.
    await desk.core.invoke(as(desk.admin.token), 'visitors.updateSettings', { ...DEFAULT_VISITOR_SETTINGS, storeFullIdNumber: true, overstayMinutes: 120 });
    const lee = await desk.person('receptionist', '李前台', '1357');
    const guard = await desk.person('security', '王保安', '2468');
    await startShift(desk, lee.token);
    const zhang = await desk.core.invoke(as(lee.token), 'visitors.register', {
      visitorName: '张三丰',
      mobile: '138 1234 5678',
      tenantId: dir.huaxin.id,
      hostName: '王经理',
      purpose: '商务拜访',
      partySize: 2,
      idNumber: '11010519491231002X',
      vehiclePlate: '粤B12345',
      badgeNumber: 'A-07',
    });
    desk.clock.advance(30 * MINUTE);
    const smith = await desk.core.invoke(as(lee.token), 'visitors.register', { visitorName: 'John Smith', mobile: '13900001111', tenantId: dir.lawyers.id, purpose: '面试' });

    const draft = await desk.core.invoke(as(lee.token), 'handover.prepare', {});
    const lines = section(draft.lines, 'visitors');
    expect(lines.map((l) => l.key)).toEqual([`visit:${zhang.id}`, `visit:${smith.id}`, `pass:${zhang.id}`, `pass:${smith.id}`]);
    expect(lines[0]).toMatchObject({
      sectionTitle: 'visitors:handover.section',
      sectionOrder: 10,
      kind: 'visitors:handover.stillIn',
      attention: false,
      params: { name: '张**', tenant: '华信科技', where: '12F 1201', host: '王经理', partySize: 2, pass: '1127-001', checkedInAt: zhang.checkedInAt },
    });
    expect(lines[1]).toMatchObject({ kind: 'visitors:handover.stillInNoHost', params: { name: 'J*** S***', tenant: '明达律师事务所', where: '25F 2501' } });
    expect(lines[2]).toMatchObject({ kind: 'visitors:handover.passAndBadgeOut', params: { pass: '1127-001', badge: 'A-07', name: '张**' } });
    expect(lines[3]).toMatchObject({ kind: 'visitors:handover.passOut', params: { pass: '1127-002', badge: '' } });

    // What the guard reads carries nothing personal beyond the masked name.
    const asGuard = JSON.stringify(await desk.core.invoke(as(guard.token), 'handover.get', { id: draft.id }));
    for (const secret of ['张三丰', 'John Smith', '13812345678', '13900001111', '11010519491231002X', '1101**********002X', '粤B12345', ...DIRECTORY_PHONES]) {
      expect(asGuard).not.toContain(secret);
    }

    // Past the overstay time the line says so and is highlighted; a visitor who signs out drops off the sheet.
    desk.clock.advance(91 * MINUTE);
    await desk.core.invoke(as(lee.token), 'visitors.signOut', { id: smith.id });
    const refreshed = section((await desk.core.invoke(as(lee.token), 'handover.prepare', {})).lines, 'visitors');
    expect(refreshed.map((l) => [l.key, l.kind, l.attention])).toEqual([
      [`visit:${zhang.id}`, 'visitors:handover.overstay', true],
      [`pass:${zhang.id}`, 'visitors:handover.passAndBadgeOut', false],
    ]);
  });

  it('S-1 V-4 a visitor line left unticked carries over to the next handover by its key', async () => {
    desk = await createDesk();
    const dir = await seedDirectory(desk);
    const lee = await desk.person('receptionist', '李前台', '1357');
    const zhou = await desk.person('receptionist', '周前台', '9753');
    await startShift(desk, lee.token);
    const visit = await desk.core.invoke(as(lee.token), 'visitors.register', { visitorName: '刘女士', mobile: '13700002222', tenantId: dir.huaxin.id, purpose: '商务拜访' });
    const draft = await desk.core.invoke(as(lee.token), 'handover.prepare', {});
    for (const line of draft.lines) {
      const open = line.key === `visit:${visit.id}`;
      await desk.core.invoke(as(lee.token), 'handover.mark', { id: draft.id, lineId: line.id, ticked: !open, comment: open ? '仍在 12 楼开会' : '' });
    }
    await desk.core.invoke(as(lee.token), 'handover.sign', { id: draft.id, pin: '1357' });

    await startShift(desk, zhou.token);
    const next = await desk.core.invoke(as(zhou.token), 'handover.prepare', {});
    const carried = next.lines.find((l) => l.key === `visit:${visit.id}`);
    expect(carried).toMatchObject({ section: 'visitors', carried: true, carriedFromNumber: draft.number, carriedComment: '仍在 12 楼开会', current: true });
    // The pass line was ticked: it is listed again because the pass is still out, but not as carried.
    expect(next.lines.find((l) => l.key === `pass:${visit.id}`)).toMatchObject({ carried: false, current: true });
  });

  it('S-2 V-2 V-4 the work diary counts the shift’s visits — at the desk and self-registered, confirmed, signed out, still in — and lists declines with a masked name', async () => {
    desk = await createDesk();
    const dir = await seedDirectory(desk);
    const lee = await desk.person('receptionist', '李前台', '1357');
    const kiosk = await pairKiosk(desk);
    // Before the shift: not counted.
    await desk.core.invoke(as(lee.token), 'visitors.register', { visitorName: '早到者', mobile: '13700000001', tenantId: dir.huaxin.id, purpose: '送货' });
    desk.clock.advance(MINUTE);
    await startShift(desk, lee.token);
    desk.clock.advance(MINUTE);
    const walkIn = await desk.core.invoke(as(lee.token), 'visitors.register', { visitorName: '张三', mobile: '13812345678', tenantId: dir.huaxin.id, purpose: '面试', partySize: 3 });
    const self = { mobile: '13766667777', tenantId: dir.huaxin.id, purpose: '商务拜访', lang: 'zh-CN' as const, consent: true as const };
    const first = await desk.core.invoke(kiosk.credentials, 'visitors.selfRegister', { ...self, visitorName: '陈访客' });
    await desk.core.invoke(as(lee.token), 'visitors.confirm', { id: first.registrationId });
    const second = await desk.core.invoke(kiosk.credentials, 'visitors.selfRegister', { ...self, visitorName: '欧阳娜娜' });
    desk.clock.advance(MINUTE);
    await desk.core.invoke(as(lee.token), 'visitors.decline', { id: second.registrationId, reason: '租户今日不在' });
    await desk.core.invoke(as(lee.token), 'visitors.signOut', { id: walkIn.id });

    const diary = await desk.core.invoke(as(lee.token), 'shifts.diary', {});
    const visitors = diary!.sections.find((s) => s.key === 'visitors')!;
    expect(visitors.title).toBe('visitors:diary.section');
    expect(visitors.figures).toEqual([
      { kind: 'visitors:diary.registered', params: { count: 3, desk: 1, kiosk: 2 }, at: null },
      { kind: 'visitors:diary.confirmed', params: { count: 1 }, at: null },
      { kind: 'visitors:diary.checkedIn', params: { visits: 2, people: 4 }, at: null },
      { kind: 'visitors:diary.signedOut', params: { count: 1 }, at: null },
      { kind: 'visitors:diary.stillIn', params: { visits: 2, people: 2 }, at: null },
    ]);
    expect(visitors.entries).toEqual([{ kind: 'visitors:diary.entryDeclined', params: { name: '欧***', tenant: '华信科技' }, at: desk.clock.now() }]);
    expect(JSON.stringify(diary)).not.toContain('13812345678');
  });
});
