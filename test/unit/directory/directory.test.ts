import { afterEach, describe, expect, it } from 'vitest';
import { as, createDesk, type TestDesk } from '../../support/core';
import { DIRECTORY_PHONES, failure, pairKiosk, seedDirectory } from '../../support/visitors';

let desk: TestDesk;
afterEach(() => desk?.close());

async function names(q: string, token = desk.admin.token): Promise<string[]> {
  return (await desk.core.invoke(as(token), 'directory.search', { q })).tenants.map((t) => t.displayName);
}

describe('tenant directory', () => {
  it('V-3 search by Chinese name, English name, pinyin initials, full pinyin, floor and room', async () => {
    desk = await createDesk();
    await seedDirectory(desk);
    expect(await names('hxkj')).toEqual(['华信科技']);
    expect(await names('HXKJ')).toEqual(['华信科技']);
    expect(await names('huaxin')).toEqual(['华信科技']);
    expect(await names('科技')).toEqual(['华信科技']);
    expect(await names('huaxin tech')).toEqual(['华信科技']);
    expect(await names('law')).toEqual(['明达律师事务所']);
    expect(await names('mdls')).toEqual(['明达律师事务所']);
    expect(await names('lvshi')).toEqual(['明达律师事务所']);
    expect(await names('12楼')).toEqual(['华信科技']);
    expect(await names('F25')).toEqual(['明达律师事务所']);
    expect(await names('1802')).toEqual(['18楼住户']);
    // Staff also find a tenant by its contact person's name (the visitor screen never does).
    expect(await names('王经理')).toEqual(['华信科技']);
    expect(await names('nothing-like-this')).toEqual([]);
    // Full-width input from a Chinese IME.
    expect(await names('ｈｘｋｊ')).toEqual(['华信科技']);
  });

  it('V-3 contact numbers go to desk roles only; guards and departments see names without numbers', async () => {
    desk = await createDesk();
    const { huaxin } = await seedDirectory(desk);
    const receptionist = await desk.person('receptionist');
    const guard = await desk.person('security');
    const department = await desk.person('department');
    const forDesk = await desk.core.invoke(as(receptionist.token), 'directory.get', { id: huaxin.id });
    expect(forDesk.phoneVisible).toBe(true);
    expect(forDesk.contacts.map((c) => c.phone)).toEqual(['13800138000', '021-62345678转806']);
    for (const person of [guard, department]) {
      const seen = await desk.core.invoke(as(person.token), 'directory.search', { q: 'hxkj' });
      expect(seen.phoneVisible).toBe(false);
      expect(seen.tenants[0]!.contacts.map((c) => c.name)).toEqual(['王经理', '李秘书']);
      expect(JSON.stringify(seen)).not.toMatch(/13800138000|62345678/);
    }
  });

  it('V-3 only leads and admins edit the directory; a receptionist is refused and nothing changes', async () => {
    desk = await createDesk();
    const { huaxin } = await seedDirectory(desk);
    const receptionist = await desk.person('receptionist');
    const refused = await failure(desk.core.invoke(as(receptionist.token), 'directory.update', { id: huaxin.id, floor: '13' }));
    expect(refused.code).toBe('forbidden');
    const supervisor = await desk.person('supervisor');
    const moved = await desk.core.invoke(as(supervisor.token), 'directory.update', { id: huaxin.id, floor: '13', room: '1301' });
    expect(moved).toMatchObject({ floor: '13', room: '1301', displayName: '华信科技' });
    expect(await names('13楼')).toEqual(['华信科技']);
  });

  it('V-3 a deactivated tenant leaves the search unless asked for; contacts can be changed and the primary moves', async () => {
    desk = await createDesk();
    const { huaxin } = await seedDirectory(desk);
    await desk.core.invoke(as(desk.admin.token), 'directory.update', { id: huaxin.id, active: false });
    expect(await names('hxkj')).toEqual([]);
    const all = await desk.core.invoke(as(desk.admin.token), 'directory.search', { q: 'hxkj', includeInactive: true });
    expect(all.tenants.map((t) => t.active)).toEqual([false]);
    const li = huaxin.contacts.find((c) => c.name === '李秘书')!;
    const after = await desk.core.invoke(as(desk.admin.token), 'directory.updateContact', { id: li.id, primary: true, phone: '021-62345678转808' });
    expect(after.contacts.filter((c) => c.primary).map((c) => c.name)).toEqual(['李秘书']);
    expect(after.contacts.find((c) => c.name === '李秘书')!.phone).toBe('021-62345678转808');
  });

  it('V-3 X-3 bad input is refused with a message and nothing is written', async () => {
    desk = await createDesk();
    const count = () => (desk.core.db.prepare('SELECT COUNT(*) AS n FROM tenants').get() as { n: number }).n;
    const error = await failure(
      desk.core.invoke(as(desk.admin.token), 'directory.create', {
        kind: 'company',
        name: '坏数据公司',
        displayName: '坏数据',
        floor: '3',
        contact: { name: '某人', phone: 'not a number' },
      }),
    );
    expect(error.code).toBe('validation_failed');
    expect(desk.core.errorResponse(error, 'zh-CN').body.error.issues).toContainEqual(
      expect.objectContaining({ path: ['contact', 'phone'], message: '请输入有效的电话号码。' }),
    );
    expect(count()).toBe(0);
  });

  it('V-3 the visitor screen’s search gives display names and floors only, of listed tenants, never by a person’s name', async () => {
    desk = await createDesk();
    await seedDirectory(desk);
    const kiosk = await pairKiosk(desk);
    const all = await desk.core.invoke(kiosk.credentials, 'directory.kioskSearch', { q: '' });
    expect(all.tenants.map((t) => t.displayName)).toEqual(['物业服务中心', '华信科技', '明达律师事务所']);
    for (const t of all.tenants) expect(Object.keys(t).sort()).toEqual(['displayName', 'displayNameEn', 'floor', 'id']);
    expect((await desk.core.invoke(kiosk.credentials, 'directory.kioskSearch', { q: 'hxkj' })).tenants.map((t) => t.displayName)).toEqual(['华信科技']);
    expect((await desk.core.invoke(kiosk.credentials, 'directory.kioskSearch', { q: '王经理' })).tenants).toEqual([]);
    expect((await desk.core.invoke(kiosk.credentials, 'directory.kioskSearch', { q: '1201' })).tenants).toEqual([]);
    expect((await desk.core.invoke(kiosk.credentials, 'directory.kioskSearch', { q: '18楼' })).tenants).toEqual([]);
    const bytes = JSON.stringify(all);
    for (const phone of DIRECTORY_PHONES) expect(bytes).not.toContain(phone);
  });
});
