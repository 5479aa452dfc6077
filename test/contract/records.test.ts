import { afterEach, describe, expect, it } from 'vitest';
import { createDesk, type TestDesk } from '../support/core';
import { startTestServer, eventually, type TestServer } from '../support/http';

let desk: TestDesk;
let http: TestServer;
afterEach(async () => {
  await http?.close();
  desk?.close();
});

const DAY = 86_400_000;
type Body = { error: { code: string; message: string; issues?: Array<{ path: unknown[]; message: string }> } };

describe('records over HTTP', () => {
  it('R-1 R-2 X-3 an item is entered and read over HTTP; bad input is a localized 400 naming the field', async () => {
    desk = await createDesk();
    http = await startTestServer(desk.core);
    const lee = await desk.person('receptionist', '李前台');
    const draft = { channel: 'walk_in', type: 'complaint', ownerName: '张三', ownerPhone: '13800138000', unit: '1-101', matter: '噪音' };
    const created = await http.call<{ id: string; number: string }>('records.create', draft, { token: lee.token });
    expect(created.status).toBe(200);
    expect(created.body.number).toBe('2026-1127-001');
    const read = await http.call<{ matter: string; can: { resolve: boolean } }>('records.get', { id: created.body.id }, { token: lee.token });
    expect(read.body).toMatchObject({ matter: '噪音', can: { resolve: true } });

    const zh = await http.call<Body>('records.create', { ...draft, channel: 'relayed' }, { token: lee.token, lang: 'zh-CN' });
    expect(zh.status).toBe(400);
    expect(zh.body.error.issues).toEqual([expect.objectContaining({ path: ['relayedBy'], message: '其它岗位转来的，请填写转告人。' })]);
    const en = await http.call<Body>('records.create', { ...draft, department: '总部' }, { token: lee.token, lang: 'en' });
    expect(en.body.error.issues).toEqual([expect.objectContaining({ path: ['department'], message: '“总部” is not one of the responsible departments.' })]);
    const refused = await http.call<Body>('records.closeUnresolvable', { id: created.body.id, reason: '' }, { token: lee.token, lang: 'en' });
    expect(refused.status).toBe(403);
    const list = await http.call<{ items: unknown[] }>('records.list', {}, { token: lee.token });
    expect(list.body.items).toHaveLength(1);
  });

  it('R-5 X-3 the person a complaint is about gets a 403 with the reason in their language', async () => {
    desk = await createDesk();
    http = await startTestServer(desk.core);
    const lee = await desk.person('receptionist', '李前台');
    const created = await http.call<{ id: string }>(
      'records.create',
      { channel: 'phone', type: 'complaint', ownerName: '张三', matter: '前台李某态度差', aboutStaffId: lee.id },
      { token: lee.token },
    );
    expect(created.status).toBe(200);
    const edit = await http.call<Body>('records.update', { id: created.body.id, aboutStaffId: null }, { token: lee.token, lang: 'zh-CN' });
    expect(edit.status).toBe(403);
    expect(edit.body.error.message).toBe('您是此投诉的被投诉人，只能查看，不能修改、转交、办结或关闭。');
  });

  it('R-4 notices reach the lobby; the escalation is addressed to the new owner only; forwarding reaches the department', async () => {
    desk = await createDesk();
    http = await startTestServer(desk.core);
    const lee = await desk.person('receptionist', '李前台');
    const zhou = await desk.person('supervisor', '周主管');
    const gong = await desk.person('department', '龚师傅', '135790', '工程部');
    const cleaner = await desk.person('department', '钱阿姨', '135790', '保洁');
    const lobby = await http.events({ sessionToken: lee.token });
    const supervisor = await http.events({ sessionToken: zhou.token });
    const engineering = await http.events({ sessionToken: gong.token });
    const cleaning = await http.events({ sessionToken: cleaner.token });
    const created = await http.call<{ id: string; number: string }>(
      'records.create',
      // Relayed by the night post, received nearly two days ago (sessions last hours, so the test moves minutes).
      { channel: 'relayed', relayedBy: '夜班保安', receivedAt: desk.clock.now() - 2 * DAY + 60_000, type: 'repair', ownerName: '刘', matter: '灯坏了', department: '工程部' },
      { token: lee.token },
    );
    await eventually(() => expect(engineering.received.map((e) => e.name)).toContain('records.assigned'));
    expect(cleaning.received.filter((e) => e.name === 'records.assigned')).toEqual([]);

    desk.clock.advance(60_000);
    desk.core.runDueJobs();
    await eventually(() => {
      expect(lobby.received).toContainEqual({
        name: 'records.notice',
        payload: expect.objectContaining({ kind: 'escalate_supervisor', number: created.body.number, level: 'supervisor' }),
      });
      expect(supervisor.received).toContainEqual({
        name: 'records.assigned',
        payload: expect.objectContaining({ reason: 'escalated', level: 'supervisor', itemId: created.body.id }),
      });
    });
    expect(lobby.received.filter((e) => e.name === 'records.assigned' && (e.payload as { reason: string }).reason === 'escalated')).toEqual([]);
    // Department users get the list refresh, never the lobby's notices.
    expect(engineering.received.filter((e) => e.name === 'records.notice')).toEqual([]);
  });

  it('R-6 the weekly review and the audit queue are for leads; a kiosk reaches no records method', async () => {
    desk = await createDesk();
    http = await startTestServer(desk.core);
    const lee = await desk.person('receptionist', '李前台');
    expect((await http.call('records.auditQueue', {}, { token: lee.token })).status).toBe(403);
    expect((await http.call('records.weeklyReview', {}, { token: lee.token })).status).toBe(403);
    const code = await http.call<{ code: string }>('devices.createPairingCode', { name: '访客屏', kind: 'kiosk' }, { token: desk.admin.token });
    const paired = await http.call<{ token: string }>('devices.pair', { code: code.body.code });
    expect((await http.call('records.list', {}, { device: paired.body.token })).status).toBe(403);
    expect((await http.call('records.settings', {}, { device: paired.body.token })).status).toBe(403);
  });
});
