import { afterEach, describe, expect, it } from 'vitest';
import { as, createDesk, type TestDesk } from '../../support/core';
import { failure, pairKiosk, seedDirectory } from '../../support/visitors';
import { auditText } from '../../support/audit';
import { documentKey, documentMac, nameKey } from '../../../main/core/visitors/watch-list';
import { mobileKey } from '../../../shared/rules/phone';

let desk: TestDesk;
afterEach(() => desk?.close());

describe('watch list', () => {
  it('V-6 keys ignore width, spaces, separators and case', () => {
    expect(nameKey(' 张 三 ')).toBe(nameKey('张三'));
    expect(nameKey('JOHN  smith')).toBe(nameKey('john smith'));
    expect(nameKey('阿卜杜·热合曼')).toBe(nameKey('阿卜杜热合曼'));
    expect(mobileKey('１３８ ００１３ ８０００')).toBe('13800138000');
    expect(mobileKey('+86 138-0013-8000')).toBe('13800138000');
    expect(documentKey('１１０１０５１９４９１２３１００２ｘ')).toBe('11010519491231002X');
    expect(documentKey('e 1234 5678')).toBe('E12345678');
    // A first-generation 15-digit number is matched in its 18-character form (GB 11643: 19 before the year).
    expect(documentKey('110105491231002')).toBe('11010519491231002X');
  });

  it('V-6 X-7 an ID number is kept only as a keyed hash and its masked form — in the table and in every audit image — also with storeFullIdNumber on; the old 15-digit form still matches', async () => {
    desk = await createDesk();
    const admin = as(desk.admin.token);
    const settings = await desk.core.invoke(admin, 'visitors.settings', {});
    for (const storeFullIdNumber of [false, true]) {
      await desk.core.invoke(admin, 'visitors.updateSettings', { ...settings, storeFullIdNumber });
      const number = storeFullIdNumber ? '110101199003074477' : '11010519491231002X';
      const entry = await desk.core.invoke(admin, 'visitors.addWatch', { name: '', idNumber: number, reason: '冒用他人证件' });
      await desk.core.invoke(admin, 'visitors.updateWatch', { id: entry.id, reason: '冒用他人证件，已报警' });
      const row = desk.core.db.prepare('SELECT * FROM watch_list WHERE id = ?').get(entry.id) as Record<string, unknown>;
      expect(row.id_number_mac).toBe(documentMac(desk.core.keys, number));
      expect(row.id_number_masked).toBe(`${number.slice(0, 4)}**********${number.slice(-4)}`);
      expect(JSON.stringify(row)).not.toContain(number.slice(4, 14));
      const images = auditText(desk.core.db);
      expect(images).toContain(row.id_number_mac as string);
      expect(images).not.toContain(number.slice(4, 14));
      expect(entry.idNumberMasked).toBe(row.id_number_masked);
    }
    // The hash depends on this installation's key: the same number on another installation hashes differently.
    const other = await createDesk();
    expect(documentMac(other.core.keys, '11010519491231002X')).not.toBe(documentMac(desk.core.keys, '11010519491231002X'));
    other.close();
    const check = (idNumber: string) => desk.core.invoke(admin, 'visitors.watchCheck', { idNumber });
    expect((await check('110105491231002')).matches.map((m) => m.reason)).toEqual(['冒用他人证件，已报警']);
    expect((await check('110101900307447')).matches.map((m) => m.fields)).toEqual([['idNumber']]);
    expect((await check('11010519491231003X')).matches).toEqual([]);
  });

  it('V-6 matches by name, mobile or ID number written with full-width digits, spaces and mixed case', async () => {
    desk = await createDesk();
    const admin = as(desk.admin.token);
    const byAll = await desk.core.invoke(admin, 'visitors.addWatch', { name: 'Zhang San', mobile: '13800138000', idNumber: '11010519491231002X', reason: '多次滋扰租户' });
    await desk.core.invoke(admin, 'visitors.addWatch', { name: '李四', reason: '推销' });
    const check = (probe: { visitorName?: string; mobile?: string; idNumber?: string }) => desk.core.invoke(admin, 'visitors.watchCheck', probe);

    expect((await check({ visitorName: 'ZHANG  san' })).matches).toEqual([{ entryId: byAll.id, reason: '多次滋扰租户', fields: ['name'] }]);
    expect((await check({ mobile: '１３８ ００１３ ８０００' })).matches.map((m) => m.fields)).toEqual([['mobile']]);
    expect((await check({ idNumber: '１１０１０５１９４９１２３１００２ｘ' })).matches.map((m) => m.fields)).toEqual([['idNumber']]);
    expect((await check({ visitorName: 'zhang san', mobile: '+86 13800138000' })).matches.map((m) => m.fields)).toEqual([['name', 'mobile']]);
    expect((await check({ visitorName: '李 四' })).matches.map((m) => m.reason)).toEqual(['推销']);
    expect((await check({ visitorName: '张三丰', mobile: '13800138001' })).matches).toEqual([]);
    // The list shows ID numbers masked.
    const list = await desk.core.invoke(admin, 'visitors.watchList', {});
    expect(list.entries.find((e) => e.id === byAll.id)!.idNumberMasked).toBe('1101**********002X');
    // Taken off the list: no longer matches.
    await desk.core.invoke(admin, 'visitors.updateWatch', { id: byAll.id, active: false });
    expect((await check({ mobile: '13800138000' })).matches).toEqual([]);
  });

  it('V-6 the desk must override a match to register; the visitor screen’s answer does not change, the desk is alerted', async () => {
    desk = await createDesk();
    const { huaxin } = await seedDirectory(desk);
    const receptionist = await desk.person('receptionist');
    await desk.core.invoke(as(desk.admin.token), 'visitors.addWatch', { mobile: '13611112222', reason: '曾冒充快递员' });
    const draft = { visitorName: '某人', mobile: '136 1111 2222', tenantId: huaxin.id, purpose: '送货' };
    const refused = await failure(desk.core.invoke(as(receptionist.token), 'visitors.register', draft));
    expect(refused).toMatchObject({ code: 'conflict', messageKey: 'visitors:error.watchListMatch' });
    const admitted = await desk.core.invoke(as(receptionist.token), 'visitors.register', { ...draft, overrideWatchList: true });
    expect(admitted.watchMatches.map((m) => m.reason)).toEqual(['曾冒充快递员']);

    const kiosk = await pairKiosk(desk);
    const events: Array<{ name: string; payload: unknown }> = [];
    desk.core.onEvent((e) => events.push(e));
    const listed = { visitorName: '某人', mobile: '13611112222', tenantId: huaxin.id, purpose: '送货', lang: 'zh-CN' as const, consent: true as const };
    const clean = { ...listed, mobile: '13599998888', visitorName: '另一人' };
    const a = await desk.core.invoke(kiosk.credentials, 'visitors.selfRegister', listed);
    const b = await desk.core.invoke(kiosk.credentials, 'visitors.selfRegister', clean);
    expect(Object.keys(a)).toEqual(Object.keys(b));
    expect(a.status).toBe(b.status);
    expect(await desk.core.invoke(kiosk.credentials, 'visitors.kioskStatus', { registrationId: a.registrationId })).toEqual(
      await desk.core.invoke(kiosk.credentials, 'visitors.kioskStatus', { registrationId: b.registrationId }),
    );
    expect(events.filter((e) => e.name === 'visitors.changed').map((e) => (e.payload as { watchListMatch: boolean }).watchListMatch)).toEqual([true, false]);
    const lobby = await desk.core.invoke(as(receptionist.token), 'visitors.lobby', {});
    expect(lobby.pending.map((v) => v.watchMatches.length)).toEqual([1, 0]);
  });
});
