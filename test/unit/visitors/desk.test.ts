import { afterEach, describe, expect, it } from 'vitest';
import { auditText } from '../../support/audit';
import { as, createDesk, type TestDesk } from '../../support/core';
import { failure, seedDirectory, type SeededDirectory } from '../../support/visitors';
import { DEFAULT_VISITOR_SETTINGS } from '../../../shared/contract/visitors';

let desk: TestDesk;
let dir: SeededDirectory;
let lee: { token: string };
afterEach(() => desk?.close());

/** `acrossDays`: the receptionist's session lasts 48 h, for tests that move the clock to another day. */
async function open(options: { acrossDays?: boolean } = {}): Promise<void> {
  desk = await createDesk();
  dir = await seedDirectory(desk);
  if (options.acrossDays) {
    await desk.core.invoke(as(desk.admin.token), 'settings.updateSecurity', { idleLockMinutes: 5, pinMaxFailures: 5, pinLockoutMinutes: 5, sessionMaxHours: 48 });
  }
  lee = await desk.person('receptionist', '李前台');
}

const visitsCount = () => (desk.core.db.prepare('SELECT COUNT(*) AS n FROM visits').get() as { n: number }).n;

describe('desk registration', () => {
  it('V-1 registers and checks a visitor in with the day’s pass number; the lobby lists them in the building', async () => {
    await open({ acrossDays: true });
    const first = await desk.core.invoke(as(lee.token), 'visitors.register', {
      visitorName: '张三',
      mobile: '+86 138 1234 5678',
      tenantId: dir.huaxin.id,
      hostName: '王经理',
      purpose: '商务拜访',
      partySize: 2,
      vehiclePlate: '粤b12345',
      badgeNumber: 'A-07',
      notes: '带样品',
    });
    expect(first).toMatchObject({
      status: 'in',
      source: 'desk',
      passNumber: '1127-001',
      qrText: 'LDV-1127-001',
      mobile: '13812345678',
      vehiclePlate: '粤B12345',
      partySize: 2,
      tenant: { displayName: '华信科技', floor: '12', room: '1201' },
      checkedInAt: desk.clock.now(),
      overstay: false,
    });
    desk.clock.advance(60_000);
    const second = await desk.core.invoke(as(lee.token), 'visitors.register', { visitorName: '李四', mobile: '13900001111', tenantId: dir.lawyers.id, purpose: '面试' });
    expect(second.passNumber).toBe('1127-002');
    // The next day starts again at 001 (days in the building's time zone).
    desk.clock.set('2026-11-28T00:05:00+08:00');
    const nextDay = await desk.core.invoke(as(lee.token), 'visitors.register', { visitorName: '王五', mobile: '13900002222', tenantId: dir.lawyers.id, purpose: '送货' });
    expect(nextDay.passNumber).toBe('1128-001');
    const lobby = await desk.core.invoke(as(lee.token), 'visitors.lobby', {});
    expect(lobby.inBuilding.map((v) => v.visitorName)).toEqual(['张三', '李四', '王五']);
    expect(lobby.pending).toEqual([]);
  });

  it('V-1 the ID number is validated, shown masked, and stored in full only when the building allows it', async () => {
    await open();
    const bad = await failure(
      desk.core.invoke(as(lee.token), 'visitors.register', { visitorName: '张三', mobile: '13812345678', tenantId: dir.huaxin.id, purpose: '面试', idNumber: '110105194912310021' }),
    );
    expect(desk.core.errorResponse(bad, 'zh-CN').body.error.issues).toEqual([{ path: ['idNumber'], code: 'custom', message: '身份证号码无效（校验位不符）。' }]);
    expect(visitsCount()).toBe(0);

    const masked = await desk.core.invoke(as(lee.token), 'visitors.register', {
      visitorName: '张三',
      mobile: '13812345678',
      tenantId: dir.huaxin.id,
      purpose: '面试',
      idNumber: '11010519491231002x',
    });
    expect(masked.idNumberMasked).toBe('1101**********002X');
    const stored = desk.core.db.prepare('SELECT id_number, id_number_masked FROM visits WHERE id = ?').get(masked.id);
    expect(stored).toEqual({ id_number: null, id_number_masked: '1101**********002X' });
    expect(auditText(desk.core.db)).not.toContain('11010519491231002X');

    await desk.core.invoke(as(desk.admin.token), 'visitors.updateSettings', { ...DEFAULT_VISITOR_SETTINGS, storeFullIdNumber: true });
    const full = await desk.core.invoke(as(lee.token), 'visitors.register', {
      visitorName: '李四',
      mobile: '13812345679',
      tenantId: dir.huaxin.id,
      purpose: '面试',
      idNumber: '440524188001010014',
    });
    expect(full.idNumberMasked).toBe('4405**********0014');
    expect(JSON.stringify(full)).not.toContain('440524188001010014');
    // Only a lead may look the full number up, and the look-up is audited.
    expect((await failure(desk.core.invoke(as(lee.token), 'visitors.revealIdNumber', { id: full.id }))).code).toBe('forbidden');
    const manager = await desk.person('manager');
    expect(await desk.core.invoke(as(manager.token), 'visitors.revealIdNumber', { id: full.id })).toEqual({ idNumber: '440524188001010014' });
    expect(desk.core.db.prepare("SELECT method, actor_id FROM audit_trail WHERE method = 'visitors.revealIdNumber'").get()).toEqual({
      method: 'visitors.revealIdNumber',
      actor_id: manager.id,
    });
  });

  it('V-1 X-3 a purpose that is not configured, an unknown tenant, a bad plate or mobile are refused and nothing is saved', async () => {
    await open();
    const base = { visitorName: '张三', mobile: '13812345678', tenantId: dir.huaxin.id, purpose: '商务拜访' };
    expect((await failure(desk.core.invoke(as(lee.token), 'visitors.register', { ...base, purpose: '闲逛' }))).code).toBe('validation_failed');
    expect((await failure(desk.core.invoke(as(lee.token), 'visitors.register', { ...base, tenantId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }))).code).toBe('validation_failed');
    const plate = await failure(desk.core.invoke(as(lee.token), 'visitors.register', { ...base, vehiclePlate: 'XYZ' }, 'en'));
    expect(desk.core.errorResponse(plate, 'en').body.error.issues?.[0]).toMatchObject({ path: ['vehiclePlate'], message: 'Invalid licence plate.' });
    expect((await failure(desk.core.invoke(as(lee.token), 'visitors.register', { ...base, mobile: '12345' }))).code).toBe('validation_failed');
    expect((await failure(desk.core.invoke(as(lee.token), 'visitors.register', { ...base, partySize: 0 }))).code).toBe('validation_failed');
    expect(visitsCount()).toBe(0);
  });

  it('V-4 a returning visitor is found by mobile with the last visit to pre-fill', async () => {
    await open();
    await desk.core.invoke(as(lee.token), 'visitors.register', { visitorName: '张三', mobile: '13812345678', tenantId: dir.lawyers.id, purpose: '面试' });
    desk.clock.advance(3_600_000);
    const last = await desk.core.invoke(as(lee.token), 'visitors.register', {
      visitorName: '张三',
      mobile: '13812345678',
      tenantId: dir.huaxin.id,
      hostName: '王经理',
      purpose: '商务拜访',
      partySize: 3,
      vehiclePlate: '粤B12345',
    });
    await desk.core.invoke(as(lee.token), 'visitors.signOut', { id: last.id });
    const found = await desk.core.invoke(as(lee.token), 'visitors.lastByMobile', { mobile: '138 1234 5678' });
    expect(found.last).toEqual({
      visitorName: '张三',
      tenant: { id: dir.huaxin.id, name: '华信科技有限公司', displayName: '华信科技', floor: '12', room: '1201', active: true },
      hostName: '王经理',
      purpose: '商务拜访',
      partySize: 3,
      vehiclePlate: '粤B12345',
      lastVisitAt: last.registeredAt,
      visitCount: 2,
    });
    expect((await desk.core.invoke(as(lee.token), 'visitors.lastByMobile', { mobile: '13900000000' })).last).toBeNull();
  });

  it('V-4 signs out by click, by full pass number, by the running number alone, and by a scanned QR code', async () => {
    await open();
    const register = (name: string, mobile: string) =>
      desk.core.invoke(as(lee.token), 'visitors.register', { visitorName: name, mobile, tenantId: dir.huaxin.id, purpose: '商务拜访' });
    const a = await register('甲', '13800000001');
    const b = await register('乙', '13800000002');
    const c = await register('丙', '13800000003');
    const d = await register('丁', '13800000004');
    expect((await desk.core.invoke(as(lee.token), 'visitors.signOut', { id: a.id })).checkoutVia).toBe('click');
    expect(await desk.core.invoke(as(lee.token), 'visitors.signOutByPass', { pass: '1127-002' })).toMatchObject({ id: b.id, status: 'out', checkoutVia: 'pass' });
    expect(await desk.core.invoke(as(lee.token), 'visitors.signOutByPass', { pass: '３' })).toMatchObject({ id: c.id, checkoutVia: 'pass' });
    expect(await desk.core.invoke(as(lee.token), 'visitors.signOutByPass', { pass: 'ldv-1127-004', via: 'scan' })).toMatchObject({ id: d.id, checkoutVia: 'scan' });
    const again = await failure(desk.core.invoke(as(lee.token), 'visitors.signOutByPass', { pass: '1127-004' }));
    expect(desk.core.errorResponse(again, 'zh-CN').body.error.message).toBe('没有在楼内找到访客证 1127-004。');
    expect((await failure(desk.core.invoke(as(lee.token), 'visitors.signOut', { id: a.id }))).messageKey).toBe('visitors:error.notIn');
    expect((await failure(desk.core.invoke(as(lee.token), 'visitors.signOutByPass', { pass: '??' }))).code).toBe('validation_failed');
    expect((await desk.core.invoke(as(lee.token), 'visitors.lobby', {})).inBuilding).toEqual([]);
  });

  it('V-4 the running number alone is refused while two visitors in the building share it', async () => {
    await open({ acrossDays: true });
    await desk.core.invoke(as(lee.token), 'visitors.register', { visitorName: '甲', mobile: '13800000001', tenantId: dir.huaxin.id, purpose: '商务拜访' });
    desk.clock.advance(86_400_000);
    await desk.core.invoke(as(lee.token), 'visitors.register', { visitorName: '乙', mobile: '13800000002', tenantId: dir.huaxin.id, purpose: '商务拜访' });
    const ambiguous = await failure(desk.core.invoke(as(lee.token), 'visitors.signOutByPass', { pass: '1' }));
    expect(ambiguous.code).toBe('conflict');
    expect((await desk.core.invoke(as(lee.token), 'visitors.signOutByPass', { pass: '1128001' })).visitorName).toBe('乙');
  });

  it('V-4 overstay: an alert event after the configured time, once, and the lobby marks the visitor', async () => {
    await open();
    await desk.core.invoke(as(desk.admin.token), 'visitors.updateSettings', { ...DEFAULT_VISITOR_SETTINGS, overstayMinutes: 120 });
    const events: Array<{ name: string; payload: unknown }> = [];
    desk.core.onEvent((e) => events.push(e));
    const v = await desk.core.invoke(as(lee.token), 'visitors.register', { visitorName: '张三', mobile: '13812345678', tenantId: dir.huaxin.id, purpose: '施工维修' });
    desk.clock.advance(119 * 60_000);
    desk.core.runDueJobs();
    expect(events.filter((e) => e.name === 'visitors.overstay')).toEqual([]);
    expect((await desk.core.invoke(as(lee.token), 'visitors.get', { id: v.id })).overstay).toBe(false);
    desk.clock.advance(60_000);
    desk.core.runDueJobs();
    desk.core.runDueJobs();
    expect(events.filter((e) => e.name === 'visitors.overstay')).toEqual([{ name: 'visitors.overstay', payload: { visitIds: [v.id] }, target: undefined }]);
    expect((await desk.core.invoke(as(lee.token), 'visitors.lobby', {})).inBuilding[0]!.overstay).toBe(true);
    // Signed out: no longer an overstay.
    expect((await desk.core.invoke(as(lee.token), 'visitors.signOut', { id: v.id })).overstay).toBe(false);
  });

  it('V-1 the history finds visits by name, mobile, pass number and tenant', async () => {
    await open();
    await desk.core.invoke(as(lee.token), 'visitors.register', { visitorName: '张三', mobile: '13812345678', tenantId: dir.huaxin.id, purpose: '商务拜访' });
    await desk.core.invoke(as(lee.token), 'visitors.register', { visitorName: '李四', mobile: '13900001111', tenantId: dir.lawyers.id, purpose: '面试' });
    const find = async (q: string) => (await desk.core.invoke(as(lee.token), 'visitors.history', { q })).visits.map((v) => v.visitorName);
    expect(await find('张')).toEqual(['张三']);
    expect(await find('1390000')).toEqual(['李四']);
    expect(await find('1127-002')).toEqual(['李四']);
    expect(await find('华信')).toEqual(['张三']);
    expect(await find('')).toEqual(['李四', '张三']);
  });
});
