// Desk phones' action URLs (Yealink / Fanvil) through the real HTTP server: requests shaped as the phones send
// them drive the ring timer; only a paired phone, from its own address, with its token, is heard.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, createDesk, type TestDesk } from '../../support/core';
import { startTestServer, type TestServer } from '../../support/http';
import { seedDirectory, type SeededDirectory } from '../../support/visitors';
import { startShift } from '../../support/shift';

let desk: TestDesk;
let server: TestServer;
let dir: SeededDirectory;

beforeEach(async () => {
  desk = await createDesk();
  dir = await seedDirectory(desk);
  server = await startTestServer(desk.core);
});
afterEach(async () => {
  await server.close();
  desk.close();
});

/** What the phone sends: its URL template with $remote and $call_id filled in (Yealink fills a SIP URI). */
function phoneRequest(template: string, remote: string, callId: string): Promise<Response> {
  const url = template.replace('$remote', encodeURIComponent(remote)).replace('$call_id', encodeURIComponent(callId));
  return fetch(`${server.url}${url}`);
}

async function pairLoopbackPhone(name = '前台话机 T54W') {
  return desk.core.invoke(as(desk.admin.token), 'hardware.addPhone', { name, address: '127.0.0.1' });
}

describe('action URLs', () => {
  it('P-6 P-1 incoming → established → terminated, as a Yealink sends them: the ring starts and is answered with no button, its latency on the fake clock; the ringing line names the caller', async () => {
    const lee = await desk.person('receptionist', '李前台');
    await startShift(desk, lee.token);
    const { actionUrls, token } = await pairLoopbackPhone();
    expect(actionUrls.incoming).toBe(`/phone-event?token=${token}&event=incoming&number=$remote&id=$call_id`);

    const incoming = await phoneRequest(actionUrls.incoming!, 'sip:13800138000@192.168.1.10', '0_3472@192.168.1.23');
    expect(incoming.status).toBe(200);
    expect(await incoming.json()).toEqual({ ok: true, outcome: 'rang' });
    const { ringing } = await desk.core.invoke(as(lee.token), 'calls.active', {});
    expect(ringing).toHaveLength(1);
    expect(ringing[0]).toMatchObject({ callerNumber: '13800138000', phoneSource: 'actionUrl', caller: { tenantName: '华信科技', contactName: '王经理' } });
    // The phone repeats itself (Yealink sends incoming again on a second line appearance): still one line.
    expect(await (await phoneRequest(actionUrls.incoming!, 'sip:13800138000@192.168.1.10', '0_3472@192.168.1.23')).json()).toEqual({ ok: true, outcome: 'ignored' });

    desk.clock.advance(8_000);
    expect(await (await phoneRequest(actionUrls.established!, 'sip:13800138000@192.168.1.10', '0_3472@192.168.1.23')).json()).toEqual({ ok: true, outcome: 'answered' });
    const call = await desk.core.invoke(as(lee.token), 'calls.get', { id: ringing[0]!.id });
    expect(call).toMatchObject({ status: 'answered', answerLatencyMs: 8_000, ringsAtAnswer: 2, withinTarget: true, answeredBy: { id: lee.id } });

    expect(await (await phoneRequest(actionUrls.terminated!, 'sip:13800138000@192.168.1.10', '0_3472@192.168.1.23')).json()).toEqual({ ok: true, outcome: 'ended' });
    expect((await desk.core.invoke(as(lee.token), 'calls.get', { id: call.id })).status).toBe('answered');
  });

  it('P-6 P-1 a missed call from a Fanvil (bare number in $remote) is closed as missed and opens a call back', async () => {
    const lee = await desk.person('receptionist', '李前台');
    await startShift(desk, lee.token);
    const { actionUrls } = await pairLoopbackPhone('Fanvil X3U');
    await phoneRequest(actionUrls.incoming!, '13700001111', 'abc-1');
    desk.clock.advance(25_000);
    expect(await (await phoneRequest(actionUrls.missed!, '13700001111', 'abc-1')).json()).toEqual({ ok: true, outcome: 'missed' });
    const { calls } = await desk.core.invoke(as(lee.token), 'calls.list', {});
    expect(calls[0]).toMatchObject({ status: 'missed', endReason: 'gaveUp', callerNumber: '13700001111', tenantId: dir.household.id });
    expect(calls[0]!.callbackId).not.toBeNull();
    // Yealink sends terminated after missed: nothing more happens.
    expect(await (await phoneRequest(actionUrls.terminated!, '13700001111', 'abc-1')).json()).toEqual({ ok: true, outcome: 'ended' });
  });

  it('P-6 a ring the receptionist marked by hand a moment before is the same ring: the phone adopts it instead of a second line', async () => {
    const lee = await desk.person('receptionist', '李前台');
    const { actionUrls } = await pairLoopbackPhone();
    const manual = await desk.core.invoke(as(lee.token), 'calls.ring', { source: 'hotkey' });
    desk.clock.advance(1_500);
    expect(await (await phoneRequest(actionUrls.incoming!, 'sip:13800138000@pbx', 'x-9')).json()).toEqual({ ok: true, outcome: 'adopted' });
    const { ringing } = await desk.core.invoke(as(lee.token), 'calls.active', {});
    expect(ringing.map((r) => r.id)).toEqual([manual.id]);
    expect(ringing[0]).toMatchObject({ source: 'hotkey', phoneSource: 'actionUrl', callerNumber: '13800138000' });
  });

  it('P-6 X-7 an unpaired token, a paired token from another address, and a revoked phone are refused (403) and ring nothing', async () => {
    const lee = await desk.person('receptionist', '李前台');
    const elsewhere = await desk.core.invoke(as(desk.admin.token), 'hardware.addPhone', { name: '二楼话机', address: '192.168.1.77' });
    const refusedForeign = await fetch(`${server.url}/phone-event?token=${elsewhere.token}&event=incoming&number=138&id=1`);
    expect(refusedForeign.status).toBe(403);
    const wrongToken = await fetch(`${server.url}/phone-event?token=guess&event=incoming&number=13800138000&id=1`, { headers: { 'accept-language': 'en' } });
    expect(wrongToken.status).toBe(403);
    expect(((await wrongToken.json()) as { error: { message: string } }).error.message).toBe('Not a paired phone, or a wrong token.');
    const noToken = await fetch(`${server.url}/phone-event?event=incoming&number=13800138000&id=1`);
    expect(noToken.status).toBe(403);

    const paired = await pairLoopbackPhone();
    await desk.core.invoke(as(desk.admin.token), 'hardware.revokePhone', { id: paired.phone.id });
    expect((await phoneRequest(paired.actionUrls.incoming!, '13800138000', '2')).status).toBe(403);
    expect((await desk.core.invoke(as(lee.token), 'calls.active', {})).ringing).toEqual([]);
    // Pairing validates the address and refuses a second phone at one address, with a localized message.
    const again = await server.call('hardware.addPhone', { name: '重复', address: '192.168.1.77' }, { token: desk.admin.token });
    expect(again.status).toBe(409);
    const bad = await server.call('hardware.addPhone', { name: '坏地址', address: 'phone.local' }, { token: desk.admin.token });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('请输入话机的 IP 地址');
  });

  it('P-6 V-3 the guard sees who is calling but a directory contact’s number masked; the receptionist sees it in full', async () => {
    const guard = await desk.person('security', '王保安');
    const lee = await desk.person('receptionist', '李前台');
    const { actionUrls } = await pairLoopbackPhone();
    await phoneRequest(actionUrls.incoming!, 'sip:13800138000@pbx', 'm-1');
    const forGuard = (await desk.core.invoke(as(guard.token), 'calls.active', {})).ringing[0]!;
    expect(forGuard).toMatchObject({ callerNumber: '138****8000', caller: { tenantName: '华信科技', contactName: '王经理' } });
    expect((await desk.core.invoke(as(lee.token), 'calls.active', {})).ringing[0]!.callerNumber).toBe('13800138000');
  });
});
