import { afterEach, describe, expect, it } from 'vitest';
import { createDesk, type TestDesk } from '../support/core';
import { startTestServer, eventually, type TestServer } from '../support/http';

let desk: TestDesk;
let http: TestServer;

afterEach(async () => {
  await http?.close();
  desk?.close();
});

type ErrorBody = { error: { code: string; message: string; issues?: Array<{ path: unknown[]; message: string }> } };

describe('phone desk over HTTP', () => {
  it('P-1 ring → answer → save over HTTP; every lobby is told, a visitor screen is not', async () => {
    desk = await createDesk();
    http = await startTestServer(desk.core);
    const lee = await desk.person('receptionist', '李前台');
    const code = await http.call<{ code: string }>('devices.createPairingCode', { name: '访客屏', kind: 'kiosk' }, { token: desk.admin.token });
    const paired = await http.call<{ token: string }>('devices.pair', { code: code.body.code });
    const kiosk = await http.events({ deviceToken: paired.body.token });
    const lobby = await http.events({ sessionToken: lee.token });

    const ring = await http.call<{ id: string; line: number; elapsedMs: number }>('calls.ring', { source: 'api', callerNumber: '13800138000' }, { token: lee.token });
    expect(ring.status).toBe(200);
    expect(ring.body).toMatchObject({ line: 1, elapsedMs: 0, status: 'ringing' });
    desk.clock.advance(6_000);
    const answered = await http.call('calls.answer', { id: ring.body.id }, { token: lee.token });
    expect(answered.body).toMatchObject({ answerLatencyMs: 6_000, ringsAtAnswer: 2, withinTarget: true });
    const saved = await http.call('calls.save', { id: ring.body.id, topic: '咨询', outcome: 'resolved' }, { token: lee.token });
    expect(saved.body).toMatchObject({ status: 'completed', callerNumber: '13800138000' });

    await eventually(() =>
      expect(lobby.received.filter((e) => e.name === 'calls.changed').map((e) => (e.payload as { status: string }).status)).toEqual([
        'ringing',
        'answered',
        'completed',
      ]),
    );
    expect(kiosk.received).toEqual([]);
    // A kiosk cannot ring, read or list calls.
    expect((await http.call('calls.active', {}, { device: paired.body.token })).status).toBe(403);
  });

  it('P-1 nothing ringing is 409 with a message in the caller’s language; unknown fields and bad numbers are 400', async () => {
    desk = await createDesk();
    http = await startTestServer(desk.core);
    const lee = await desk.person('receptionist');
    const conflict = await http.call<ErrorBody>('calls.answer', {}, { token: lee.token, lang: 'en' });
    expect(conflict).toEqual({ status: 409, body: { error: { code: 'conflict', message: 'No call is ringing.' } } });
    const unknown = await http.call<ErrorBody>('calls.ring', { source: 'button', line: 4 }, { token: lee.token });
    expect(unknown.status).toBe(400);
    const badNumber = await http.call<ErrorBody>('calls.ring', { callerNumber: 'abc' }, { token: lee.token, lang: 'zh-CN' });
    expect(badNumber.body.error.issues).toEqual([expect.objectContaining({ path: ['callerNumber'], message: '请输入有效的电话号码。' })]);
    expect((await http.call<{ ringing: unknown[] }>('calls.active', {}, { token: lee.token })).body.ringing).toEqual([]);
    expect((await http.call('calls.ring', {})).status).toBe(401);
  });

  it('P-5 the reports read figures per receptionist per day', async () => {
    desk = await createDesk();
    http = await startTestServer(desk.core);
    const lee = await desk.person('receptionist', '李前台');
    await http.call('calls.ring', {}, { token: lee.token });
    desk.clock.advance(16_000);
    await http.call('calls.answer', {}, { token: lee.token });
    const figures = await http.call<{ rows: unknown[] }>('calls.dailyFigures', { from: '2026-11-27', to: '2026-11-27' }, { token: desk.admin.token });
    expect(figures.body.rows).toEqual([
      expect.objectContaining({ day: '2026-11-27', staffName: '李前台', calls: 1, answered: 1, withinTarget: 0, withinTargetShare: 0, meanAnswerMs: 16_000 }),
    ]);
  });

  it('P-3 P-4 R-1 V-3 a call becomes an item and a callback over HTTP; a bad draft field is a 400 naming it in the caller’s language; a guard gets 403', async () => {
    desk = await createDesk();
    http = await startTestServer(desk.core);
    const lee = await desk.person('receptionist', '李前台');
    const guard = await desk.person('security', '王保安');
    const tenant = await http.call<{ id: string }>('directory.create', { kind: 'company', name: '华信科技有限公司', displayName: '华信科技', floor: '12' }, { token: desk.admin.token });
    const ring = await http.call<{ id: string }>('calls.ring', { callerNumber: '13611112222' }, { token: lee.token });
    await http.call('calls.answer', { id: ring.body.id }, { token: lee.token });
    await http.call('calls.save', { id: ring.body.id, callerName: '周女士', topic: '报修', outcome: 'forwarded' }, { token: lee.token });
    const draft = { type: 'repair', ownerName: '周女士', ownerPhone: '13611112222', unit: '12F', tenantId: tenant.body.id, matter: '空调不制冷' };

    const bad = await http.call<ErrorBody>('calls.toRecord', { callId: ring.body.id, draft: { ...draft, matter: '' } }, { token: lee.token, lang: 'en' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues).toEqual([expect.objectContaining({ path: ['draft', 'matter'], message: 'Required.' })]);
    expect((await http.call('calls.toRecord', { callId: ring.body.id, draft }, { token: guard.token })).status).toBe(403);

    const made = await http.call<{ call: { recordNumber: string }; record: { number: string; channel: string; call: { id: string } } }>(
      'calls.toRecord',
      { callId: ring.body.id, draft },
      { token: lee.token },
    );
    expect(made.status).toBe(200);
    expect(made.body.record).toMatchObject({ channel: 'phone', call: { id: ring.body.id } });
    expect(made.body.call.recordNumber).toBe(made.body.record.number);
    const again = await http.call<ErrorBody>('calls.toRecord', { callId: ring.body.id, draft }, { token: lee.token, lang: 'zh-CN' });
    expect(again).toEqual({ status: 409, body: { error: { code: 'conflict', message: '该来电已关联其他记录。' } } });

    const callback = await http.call<{ callback: { callId: string; source: string } }>(
      'calls.toCallback',
      { callId: ring.body.id, draft: { tenantId: tenant.body.id, callerName: '周女士', callerPhone: '13611112222', message: '请回电' } },
      { token: lee.token },
    );
    expect(callback.body.callback).toMatchObject({ callId: ring.body.id, source: 'phone' });
  });
});
