import { afterEach, describe, expect, it } from 'vitest';
import { as, createDesk, type TestDesk } from '../../support/core';
import { failure, pairKiosk, seedDirectory, type SeededDirectory } from '../../support/visitors';
import { DEFAULT_VISITOR_SETTINGS, type SelfRegistration } from '../../../shared/contract/visitors';
import type { OutgoingEvent } from '../../../main/core/context';

let desk: TestDesk;
let dir: SeededDirectory;
afterEach(() => desk?.close());

function registration(overrides: Partial<SelfRegistration> = {}): SelfRegistration {
  return { visitorName: '陈访客', mobile: '13766667777', tenantId: dir.huaxin.id, purpose: '商务拜访', lang: 'zh-CN', consent: true, ...overrides };
}

describe('visitor self-registration', () => {
  it('V-2 a self-registration waits on the lobby; confirming tells only that visitor screen the pass number', async () => {
    desk = await createDesk();
    dir = await seedDirectory(desk);
    const lee = await desk.person('receptionist');
    const kiosk = await pairKiosk(desk, '大堂东');
    const other = await pairKiosk(desk, '大堂西');
    const events: OutgoingEvent[] = [];
    desk.core.onEvent((e) => events.push(e));

    const { registrationId, status } = await desk.core.invoke(kiosk.credentials, 'visitors.selfRegister', registration({ hostName: '王经理', partySize: 2 }));
    expect(status).toBe('pending');
    const lobby = await desk.core.invoke(as(lee.token), 'visitors.lobby', {});
    expect(lobby.pending).toHaveLength(1);
    expect(lobby.pending[0]).toMatchObject({ id: registrationId, source: 'kiosk', status: 'pending', visitorName: '陈访客', passNumber: null, partySize: 2 });
    expect(events.map((e) => e.name)).toEqual(['visitors.changed']);
    expect(await desk.core.invoke(kiosk.credentials, 'visitors.kioskStatus', { registrationId })).toEqual({ status: 'pending', passNumber: null, qrText: null });

    const confirmed = await desk.core.invoke(as(lee.token), 'visitors.confirm', { id: registrationId, hostContacted: true, badgeNumber: 'B-12' });
    expect(confirmed).toMatchObject({ status: 'in', passNumber: '1127-001', hostContacted: true, badgeNumber: 'B-12' });
    const decided = events.find((e) => e.name === 'visitors.registrationDecided')!;
    expect(decided.payload).toEqual({ registrationId, outcome: 'confirmed', passNumber: '1127-001', qrText: 'LDV-1127-001' });
    expect(desk.core.mayReceive(desk.core.resolve(kiosk.credentials), decided)).toBe(true);
    expect(desk.core.mayReceive(desk.core.resolve(other.credentials), decided)).toBe(false);
    expect(desk.core.mayReceive(desk.core.resolve(as(lee.token)), decided)).toBe(false);
    expect(await desk.core.invoke(kiosk.credentials, 'visitors.kioskStatus', { registrationId })).toEqual({
      status: 'confirmed',
      passNumber: '1127-001',
      qrText: 'LDV-1127-001',
    });
    // Another visitor screen cannot read it; after half an hour neither can this one.
    expect((await failure(desk.core.invoke(other.credentials, 'visitors.kioskStatus', { registrationId }))).code).toBe('not_found');
    desk.clock.advance(31 * 60_000);
    expect((await failure(desk.core.invoke(kiosk.credentials, 'visitors.kioskStatus', { registrationId }))).code).toBe('not_found');
  });

  it('V-2 declining keeps the reason at the desk: the visitor screen only learns “declined”', async () => {
    desk = await createDesk();
    dir = await seedDirectory(desk);
    const lee = await desk.person('receptionist');
    const kiosk = await pairKiosk(desk);
    const events: OutgoingEvent[] = [];
    desk.core.onEvent((e) => events.push(e));
    const { registrationId } = await desk.core.invoke(kiosk.credentials, 'visitors.selfRegister', registration());
    const declined = await desk.core.invoke(as(lee.token), 'visitors.decline', { id: registrationId, reason: '租户今日不在，已请访客改日再来' });
    expect(declined).toMatchObject({ status: 'declined', declineReason: '租户今日不在，已请访客改日再来' });
    expect(events.find((e) => e.name === 'visitors.registrationDecided')!.payload).toEqual({ registrationId, outcome: 'declined', passNumber: null, qrText: null });
    expect(await desk.core.invoke(kiosk.credentials, 'visitors.kioskStatus', { registrationId })).toEqual({ status: 'declined', passNumber: null, qrText: null });
    expect((await failure(desk.core.invoke(as(lee.token), 'visitors.confirm', { id: registrationId }))).messageKey).toBe('visitors:error.notPending');
  });

  it('V-2 X-3 consent, listed tenants, purposes and the ID-number policy are enforced; nothing is saved on refusal', async () => {
    desk = await createDesk();
    dir = await seedDirectory(desk);
    const kiosk = await pairKiosk(desk);
    const count = () => (desk.core.db.prepare('SELECT COUNT(*) AS n FROM visits').get() as { n: number }).n;
    const refuse = async (input: unknown) => failure(desk.core.invoke(kiosk.credentials, 'visitors.selfRegister', input as SelfRegistration, 'en'));

    const noConsent = await refuse({ ...registration(), consent: false });
    expect(desk.core.errorResponse(noConsent, 'en').body.error.issues?.[0]).toMatchObject({ path: ['consent'], message: 'Please read and accept the privacy notice first.' });
    expect((await refuse(registration({ tenantId: dir.household.id }))).messageKey).toBe('errors:code.validation_failed');
    expect((await refuse(registration({ purpose: '随便看看' }))).code).toBe('validation_failed');
    const idOff = await refuse(registration({ idNumber: '11010519491231002X', idConsent: true }));
    expect(idOff.fieldIssues[0]).toMatchObject({ path: ['idNumber'], message: 'visitors:error.idNotAsked' });

    await desk.core.invoke(as(desk.admin.token), 'visitors.updateSettings', { ...DEFAULT_VISITOR_SETTINGS, kioskIdNumber: 'optional' });
    const noIdConsent = await refuse(registration({ idNumber: '11010519491231002X' }));
    expect(noIdConsent.fieldIssues[0]).toMatchObject({ path: ['idConsent'], message: 'visitors:error.idConsent' });
    await desk.core.invoke(as(desk.admin.token), 'visitors.updateSettings', { ...DEFAULT_VISITOR_SETTINGS, kioskIdNumber: 'required' });
    expect((await refuse(registration())).fieldIssues[0]).toMatchObject({ path: ['idNumber'], message: 'visitors:error.idRequired' });
    expect(count()).toBe(0);

    const withId = await desk.core.invoke(kiosk.credentials, 'visitors.selfRegister', registration({ idNumber: '11010519491231002X', idConsent: true }));
    expect(desk.core.db.prepare('SELECT id_number, id_number_masked, id_consent_at IS NOT NULL AS consented FROM visits WHERE id = ?').get(withId.registrationId)).toEqual({
      id_number: null,
      id_number_masked: '1101**********002X',
      consented: 1,
    });
  });

  it('V-2 a visitor screen may hold at most three undecided registrations; a kiosk cannot call staff methods', async () => {
    desk = await createDesk();
    dir = await seedDirectory(desk);
    const kiosk = await pairKiosk(desk);
    for (let i = 0; i < 3; i += 1) await desk.core.invoke(kiosk.credentials, 'visitors.selfRegister', registration({ mobile: `1376666777${i}` }));
    expect((await failure(desk.core.invoke(kiosk.credentials, 'visitors.selfRegister', registration()))).messageKey).toBe('visitors:error.tooManyPending');
    for (const method of ['visitors.lobby', 'visitors.history', 'directory.search', 'callbacks.list', 'notices.list'] as const) {
      expect((await failure(desk.core.invoke(kiosk.credentials, method, {} as never))).code).toBe('forbidden');
    }
  });

  it('V-5 the welcome carries the building’s name and time zone, current public notices and the purposes', async () => {
    desk = await createDesk();
    const kiosk = await pairKiosk(desk);
    const admin = as(desk.admin.token);
    await desk.core.invoke(admin, 'notices.create', { title: '本周六停水', titleEn: 'No water on Saturday', body: '8:00–12:00', public: true });
    await desk.core.invoke(admin, 'notices.create', { title: '内部：保洁排班', public: false });
    await desk.core.invoke(admin, 'notices.create', { title: '1201 快递', public: true, target: 'unit', targetValue: '1201' });
    await desk.core.invoke(admin, 'notices.create', { title: '明天的通知', public: true, activeFrom: desk.clock.now() + 86_400_000 });
    const welcome = await desk.core.invoke(kiosk.credentials, 'visitors.kioskWelcome', {});
    expect(welcome.building).toEqual({ name: '华信大厦', nameEn: 'Huaxin Tower', timeZone: 'Asia/Shanghai' });
    expect(welcome.notices.map((n) => n.title)).toEqual(['本周六停水']);
    expect(welcome.purposes.map((p) => p.zh)).toEqual(['商务拜访', '面试', '送货', '快递外卖', '施工维修', '探亲访友', '其他']);
    expect(welcome).toMatchObject({ idNumber: 'off', idleSeconds: 60 });
  });
});
