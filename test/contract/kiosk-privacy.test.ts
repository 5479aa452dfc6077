// V-3: nothing a visitor screen can call or receive carries a tenant's or staff member's phone number or another
// visitor's details. The kiosk-reachable methods and kiosk events are enumerated from the contract, so a method
// or event added later is covered (or this test says it needs a sample input / a trigger).
import { afterEach, describe, expect, it } from 'vitest';
import { createDesk, type TestDesk } from '../support/core';
import { startTestServer, eventually, type TestServer } from '../support/http';
import { DIRECTORY_PHONES, seedDirectory } from '../support/visitors';
import { events, listMethods } from '../../shared/contract';

let desk: TestDesk;
let http: TestServer;
afterEach(async () => {
  await http?.close();
  desk?.close();
});

/** Every private value that exists in the building while the visitor screen is used. */
const OTHER_VISITOR = { visitorName: '欧阳明', mobile: '13812345678', vehiclePlate: '粤B54321' };
const CALLER = { callerName: '司马光', callerPhone: '13566667777' };
const OWN = { visitorName: '陈访客', mobile: '13766668888' };

function forbiddenValues(): string[] {
  const phones = [...DIRECTORY_PHONES, OTHER_VISITOR.mobile, CALLER.callerPhone];
  // Numbers also without separators and as their last 8 digits (landlines without area code).
  const variants = phones.flatMap((p) => [p, p.replace(/\D/g, ''), p.replace(/\D/g, '').slice(-8)]);
  return [...new Set([...variants, OTHER_VISITOR.visitorName, OTHER_VISITOR.vehiclePlate, CALLER.callerName, '王经理', '李秘书', '赵主任', '张伟', '陈律师'])];
}

describe('kiosk privacy', () => {
  it('V-3 no kiosk-reachable method and no kiosk event carries a phone number or another visitor’s data', async () => {
    desk = await createDesk();
    http = await startTestServer(desk.core);
    const dir = await seedDirectory(desk);
    const admin = { token: desk.admin.token };
    const lee = await desk.person('receptionist', '李前台');

    const code = await http.call<{ code: string }>('devices.createPairingCode', { name: '大堂访客屏', kind: 'kiosk' }, admin);
    const paired = await http.call<{ token: string }>('devices.pair', { code: code.body.code });
    const kiosk = { device: paired.body.token };
    const otherCode = await http.call<{ code: string }>('devices.createPairingCode', { name: '二楼访客屏', kind: 'kiosk' }, admin);
    const otherKiosk = { device: (await http.call<{ token: string }>('devices.pair', { code: otherCode.body.code })).body.token };
    const channel = await http.events({ deviceToken: kiosk.device });
    const otherChannel = await http.events({ deviceToken: otherKiosk.device });
    const staffChannel = await http.events({ sessionToken: lee.token });

    // Another visitor at the desk, a message for a tenant, a notice: private and public data in the building.
    const desked = await http.call<{ id: string }>('visitors.register', { ...OTHER_VISITOR, tenantId: dir.huaxin.id, hostName: '王经理', purpose: '商务拜访' }, { token: lee.token });
    expect(desked.status).toBe(200);
    expect((await http.call('callbacks.create', { ...CALLER, tenantId: dir.huaxin.id, message: '请王经理回电 13800138000' }, { token: lee.token })).status).toBe(200);

    // An invitation for this visitor (V-8): the screen may learn the masked name and the tenant's public name only.
    const invited = await http.call<{ code: string }>(
      'expected.create',
      { ...OWN, tenantId: dir.huaxin.id, hostName: '王经理', purpose: '商务拜访', date: '2026-11-27', startTime: '08:00', endTime: '18:00', notes: '王经理 13800138000' },
      { token: lee.token },
    );
    expect(invited.status).toBe(200);

    const kioskBytes: string[] = [];
    const registration = { ...OWN, tenantId: dir.huaxin.id, purpose: '商务拜访', lang: 'zh-CN', consent: true };
    let registrationId = '';
    const samples: Record<string, () => unknown[]> = {
      'setup.status': () => [{}],
      'devices.pair': () => [{ code: 'ABCD-EFGH' }],
      'devices.whoami': () => [{}],
      'directory.kioskSearch': () => [{ q: '' }, { q: 'hxkj' }, { q: '王经理' }, { q: '138' }, { q: '12' }, { q: '1201' }],
      'visitors.kioskWelcome': () => [{}],
      'visitors.selfRegister': () => [registration, { ...registration, mobile: OTHER_VISITOR.mobile }, { ...registration, consent: false }],
      'visitors.kioskStatus': () => [{ registrationId }, { registrationId: desked.body.id }],
      'expected.kioskArrive': () => [
        { code: invited.body.code, lang: 'zh-CN', consent: true },
        { code: invited.body.code.slice(0, -1) + (invited.body.code.endsWith('A') ? 'B' : 'A'), lang: 'zh-CN', consent: true },
      ],
    };
    const kioskMethods = listMethods().filter(([, spec]) => spec.allow.includes('kiosk'));
    for (const [name] of kioskMethods) expect(samples, `add a sample input for the kiosk method ${name}`).toHaveProperty([name]);
    for (const [name] of kioskMethods) {
      for (const input of samples[name]!()) {
        const response = await http.call(name, input, kiosk);
        kioskBytes.push(JSON.stringify(response.body));
        if (name === 'visitors.selfRegister' && response.status === 200 && !registrationId) {
          registrationId = (response.body as { registrationId: string }).registrationId;
        }
      }
    }
    expect(registrationId).not.toBe('');
    // Another visit's status is not this screen's business.
    expect((await http.call('visitors.kioskStatus', { registrationId: desked.body.id }, kiosk)).status).toBe(404);

    // Staff work that pushes every kind of event while the visitor screens listen.
    const pending = (await http.call<{ pending: Array<{ id: string }> }>('visitors.lobby', {}, { token: lee.token })).body.pending;
    expect(pending).toHaveLength(3);
    expect((await http.call('visitors.confirm', { id: registrationId, hostContacted: true }, { token: lee.token })).status).toBe(200);
    expect((await http.call('visitors.decline', { id: pending[1]!.id, reason: '冒用他人手机号 13812345678' }, { token: lee.token })).status).toBe(200);
    expect((await http.call('visitors.signOut', { id: desked.body.id }, { token: lee.token })).status).toBe(200);
    expect((await http.call('notices.create', { title: '本周六停水', public: true }, { token: lee.token })).status).toBe(200);
    expect((await http.call('directory.addContact', { tenantId: dir.lawyers.id, name: '周律师', phone: '13999990000' }, admin)).status).toBe(200);
    expect((await http.call('settings.updateBuilding', { name: '华信大厦', nameEn: 'Huaxin Tower', postName: '前台' }, admin)).status).toBe(200);
    for (const input of samples['visitors.kioskStatus']!()) kioskBytes.push(JSON.stringify((await http.call('visitors.kioskStatus', input, kiosk)).body));
    kioskBytes.push(JSON.stringify((await http.call('visitors.kioskWelcome', {}, kiosk)).body));

    const kioskEvents = Object.entries(events)
      .filter(([, spec]) => (spec.audience as readonly string[]).includes('kiosk'))
      .map(([name]) => name);
    await eventually(() => {
      const received = new Set(channel.received.map((e) => e.name));
      for (const name of kioskEvents) expect(received, `trigger the kiosk event ${name} in this test`).toContain(name);
      expect(staffChannel.received.some((e) => e.name === 'callbacks.changed')).toBe(true);
    });
    // The decision went to the screen it came from only.
    expect(channel.received.filter((e) => e.name === 'visitors.registrationDecided')).toHaveLength(2);
    expect(otherChannel.received.filter((e) => e.name === 'visitors.registrationDecided')).toHaveLength(0);
    // Staff-only events never reach a visitor screen.
    for (const e of [...channel.received, ...otherChannel.received]) expect((events[e.name as keyof typeof events].audience as readonly string[]).includes('kiosk')).toBe(true);

    const everything = [...kioskBytes, ...channel.raw, ...otherChannel.raw].join('\n');
    expect(everything.length).toBeGreaterThan(500);
    expect(everything).toContain('华信科技'); // display names are public
    for (const value of [...forbiddenValues(), OWN.mobile]) expect(everything, `kiosk bytes contain ${value}`).not.toContain(value);
    // The staff channel, by contrast, is allowed the visitor's details (the test would otherwise prove nothing).
    expect(JSON.stringify((await http.call('visitors.get', { id: desked.body.id }, { token: lee.token })).body)).toContain(OTHER_VISITOR.mobile);
  });
});
