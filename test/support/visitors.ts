// Fixtures for the visitors feature's tests: a tenant directory with private phone numbers, and a paired kiosk.
import { as, LOCAL, type TestDesk } from './core';
import type { Credentials } from '../../main/core/auth/callers';
import type { Tenant } from '../../shared/contract/directory';

/** Every phone number the seeded directory holds (as stored), for privacy assertions. */
export const DIRECTORY_PHONES = ['13800138000', '021-62345678转806', '13912345678', '13700001111', '0755-83211234'];

export interface SeededDirectory {
  huaxin: Tenant;
  changcheng: Tenant;
  household: Tenant;
  lawyers: Tenant;
}

export async function seedDirectory(desk: TestDesk): Promise<SeededDirectory> {
  const admin = as(desk.admin.token);
  const huaxin = await desk.core.invoke(admin, 'directory.create', {
    kind: 'company',
    name: '华信科技有限公司',
    nameEn: 'Huaxin Technology Co., Ltd.',
    displayName: '华信科技',
    displayNameEn: 'Huaxin Technology',
    floor: '12',
    room: '1201',
    contact: { name: '王经理', title: '行政经理', phone: '13800138000', primary: true },
  });
  await desk.core.invoke(admin, 'directory.addContact', { tenantId: huaxin.id, name: '李秘书', phone: '021-62345678转806' });
  const changcheng = await desk.core.invoke(admin, 'directory.create', {
    kind: 'company',
    name: '长城物业服务中心',
    displayName: '物业服务中心',
    displayNameEn: 'Property Management Office',
    floor: '1',
    room: '101',
    contact: { name: '赵主任', phone: '139 1234 5678' },
  });
  const household = await desk.core.invoke(admin, 'directory.create', {
    kind: 'household',
    name: '张伟家',
    displayName: '18楼住户',
    floor: '18',
    room: '1802',
    listed: false,
    contact: { name: '张伟', phone: '13700001111' },
  });
  const lawyers = await desk.core.invoke(admin, 'directory.create', {
    kind: 'company',
    name: '明达律师事务所',
    nameEn: 'Mingda Law Firm',
    displayName: '明达律师事务所',
    displayNameEn: 'Mingda Law Firm',
    floor: '25',
    room: '2501',
    contact: { name: '陈律师', phone: '0755-83211234' },
  });
  return {
    huaxin: await desk.core.invoke(admin, 'directory.get', { id: huaxin.id }),
    changcheng,
    household,
    lawyers,
  };
}

/** Pairs a visitor screen through the core; returns its credentials and device id. */
export async function pairKiosk(desk: TestDesk, name = '大堂访客屏'): Promise<{ credentials: Credentials; deviceId: string; token: string }> {
  const { code } = await desk.core.invoke(as(desk.admin.token), 'devices.createPairingCode', { name, kind: 'kiosk' });
  const paired = await desk.core.invoke(LOCAL, 'devices.pair', { code });
  return { credentials: { origin: 'loopback', deviceToken: paired.token }, deviceId: paired.device.id, token: paired.token };
}

export { failure } from './core';
