// A realistic busy moment at the desk, set up through the API as the desk and the visitor screen would: three
// tenants, 李前台 on shift, four visitors in the building, two self-registrations awaiting confirmation, a relayed
// repair four days old (escalated) and a complaint forwarded to 工程部. Used by the lobby layout test and the
// screenshots.
import { expect, type SeededDesk } from './fixtures';

export interface BusyDesk {
  /** 李前台's session token. */
  lee: string;
  tenantIds: string[];
}

export const BUSY_PIN = '1357';

export async function seedBusyDesk(seeded: SeededDesk): Promise<BusyDesk> {
  const admin = { token: seeded.adminToken };
  const leeId = await seeded.addPerson('李前台', 'receptionist', BUSY_PIN);
  const tenants: [string, string, string, string, string][] = [
    ['华信科技有限公司', '华信科技', 'Huaxin Technology', '12', '1201'],
    ['明达律师事务所', '明达律所', 'Mingda Law', '25', '2503'],
    ['远航物流有限公司', '远航物流', 'Yuanhang Logistics', '8', '0806'],
  ];
  const tenantIds: string[] = [];
  for (const [name, displayName, displayNameEn, floor, room] of tenants) {
    const created = await seeded.call<{ id: string }>('directory.create', { kind: 'company', name, displayName, displayNameEn, floor, room, contact: { name: '前台', phone: '0755-83210000' } }, admin);
    expect(created.status).toBe(200);
    tenantIds.push(created.body.id);
  }
  const lee = (await seeded.call<{ token: string }>('auth.signIn', { userId: leeId, pin: BUSY_PIN })).body.token;
  const desk = { token: lee };
  const current = await seeded.call<{ openingCheck: Array<{ key: string }> }>('shifts.current', {}, desk);
  expect((await seeded.call('shifts.start', { checks: current.body.openingCheck.map((c) => ({ key: c.key, ok: true, comment: '' })) }, desk)).status).toBe(200);

  const visitors: [string, string, number, string][] = [
    ['钱伟', '13511112222', 0, '商务拜访'],
    ['孙丽', '13622223333', 1, '面试'],
    ['赵强', '13733334444', 2, '送货'],
    ['陈静', '13844445555', 0, '商务拜访'],
  ];
  for (const [visitorName, mobile, tenant, purpose] of visitors) {
    expect((await seeded.call('visitors.register', { visitorName, mobile, tenantId: tenantIds[tenant], purpose }, desk)).status).toBe(200);
  }

  const code = await seeded.call<{ code: string }>('devices.createPairingCode', { name: '大堂访客屏', kind: 'kiosk' }, admin);
  const kiosk = (await seeded.call<{ token: string }>('devices.pair', { code: code.body.code })).body.token;
  for (const [visitorName, mobile, tenant, purpose] of [
    ['周敏', '13900001111', 0, '面试'],
    ['吴强', '13900002222', 1, '商务拜访'],
  ] as const) {
    const registered = await seeded.call<{ status: string }>('visitors.selfRegister', { visitorName, mobile, tenantId: tenantIds[tenant], purpose, lang: 'zh-CN', consent: true }, { device: kiosk });
    expect(registered.body.status).toBe('pending');
  }

  const old = await seeded.call('records.create', { channel: 'relayed', relayedBy: '夜班保安', receivedAt: Date.now() - 4 * 86_400_000, type: 'repair', ownerName: '刘女士', unit: '5-0802', matter: '地下车库 B2 照明全灭' }, desk);
  expect(old.status).toBe(200);
  const complaint = await seeded.call<{ id: string }>('records.create', { channel: 'walk_in', type: 'complaint', ownerName: '张先生', unit: '12-1201', matter: '空调噪音过大，影响办公' }, desk);
  expect(complaint.status).toBe(200);
  expect((await seeded.call('records.forward', { id: complaint.body.id, department: '工程部' }, desk)).status).toBe(200);
  return { lee, tenantIds };
}
