// The LAN rules over real sockets: loopback only by default; a client on the LAN (remote address not loopback)
// must present a paired-device token; pairing codes expire; a revoked device is refused at once.
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDesk, tempDir, type TestDesk } from '../support/core';
import { startTestServer, eventually, type TestServer } from '../support/http';
import { startWebServer, type WebServer } from '../support/web-server';
import { findLanAddress, type LanAddress } from '../support/reliability/lan';

let lan: LanAddress;
let desk: TestDesk | null = null;
let onLan: TestServer | null = null;
let local: TestServer | null = null;
let web: WebServer | null = null;

beforeAll(() => {
  lan = findLanAddress();
  if (lan.address === null) console.log(`LAN tests skipped: ${lan.reason}`);
  else console.log(`LAN tests use ${lan.how}`);
});

afterAll(() => {
  if (lan.address !== null) lan.remove();
});

afterEach(async () => {
  await onLan?.close();
  await local?.close();
  await web?.stop();
  desk?.close();
  onLan = local = web = desk = null;
});

/** The same core served twice: on the LAN address (callers there are LAN clients) and on loopback (the desk PC). */
async function open(): Promise<{ lanCall: TestServer['call']; localCall: TestServer['call']; desk: TestDesk }> {
  desk = await createDesk();
  onLan = await startTestServer(desk.core, { host: lan.address! });
  local = await startTestServer(desk.core);
  return { lanCall: onLan.call, localCall: local.call, desk };
}

const code = (body: unknown) => (body as { error?: { code?: string } }).error?.code;

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

describe('LAN access', () => {
  it('X-1 `lobby-desk web` listens on loopback only unless told otherwise', async (context) => {
    if (lan.address === null) return context.skip(lan.reason);
    web = await startWebServer(tempDir('lobby-desk-lan-'));
    const port = Number(new URL(web.url).port);
    expect(new URL(web.url).hostname).toBe('127.0.0.1');
    expect(await connects('127.0.0.1', port)).toBe(true);
    expect(await connects(lan.address, port)).toBe(false);
  });

  it('X-1 a LAN client without a paired-device token is refused — even with a valid staff session — and may only pair', async (context) => {
    if (lan.address === null) return context.skip(lan.reason);
    const { lanCall, localCall, desk } = await open();
    // The same call from the PC itself works: the difference is where it comes from.
    expect((await localCall('staff.list', {}, { token: desk.admin.token })).status).toBe(200);

    const listed = await lanCall('staff.list', {}, { token: desk.admin.token });
    expect({ status: listed.status, code: code(listed.body) }).toEqual({ status: 401, code: 'device_required' });
    const signIn = await lanCall('auth.signIn', { userId: desk.admin.id, pin: desk.admin.pin });
    expect({ status: signIn.status, code: code(signIn.body) }).toEqual({ status: 401, code: 'device_required' });
    const invented = await lanCall('setup.status', {}, { device: 'not-a-real-device-token' });
    expect({ status: invented.status, code: code(invented.body) }).toEqual({ status: 401, code: 'device_required' });
    // What an unpaired LAN client may do: see that the building exists, ask who it is, pair.
    expect((await lanCall('setup.status', {})).status).toBe(200);
    expect(await lanCall('devices.whoami', {})).toEqual({ status: 200, body: { device: null } });
    // Nothing was written by the refusals beyond what pairing-free calls do.
    const pinFailures = desk.core.db.prepare('SELECT COUNT(*) AS n FROM pin_failures').get() as { n: number };
    expect(pinFailures.n).toBe(0);
    // Its event channel carries nothing.
    const channel = await onLan!.events({ sessionToken: desk.admin.token });
    await localCall('settings.updateBuilding', { name: '新华大厦', postName: '新华大厦前台' }, { token: desk.admin.token });
    await new Promise((r) => setTimeout(r, 200));
    expect(channel.received).toEqual([]);
  });

  it('X-1 a paired LAN terminal works until revoked, then is refused at once (calls and events); pairing codes expire', async (context) => {
    if (lan.address === null) return context.skip(lan.reason);
    const { lanCall, localCall, desk } = await open();
    const admin = { token: desk.admin.token };
    const issued = await localCall<{ code: string }>('devices.createPairingCode', { name: '保安室电脑', kind: 'desk' }, admin);
    const paired = await lanCall<{ token: string; device: { id: string } }>('devices.pair', { code: issued.body.code });
    expect(paired.status).toBe(200);
    const device = paired.body.token;

    const session = await lanCall<{ token: string }>('auth.signIn', { userId: desk.admin.id, pin: desk.admin.pin }, { device });
    expect(session.status).toBe(200);
    expect((await lanCall('staff.list', {}, { device, token: session.body.token })).status).toBe(200);
    const channel = await onLan!.events({ deviceToken: device, sessionToken: session.body.token });

    expect((await localCall('devices.revoke', { id: paired.body.device.id }, admin)).status).toBe(200);
    const after = await lanCall('staff.list', {}, { device, token: session.body.token });
    expect({ status: after.status, code: code(after.body) }).toEqual({ status: 401, code: 'device_required' });
    expect((await lanCall('setup.status', {}, { device })).status).toBe(401);
    await eventually(() => expect(channel.closedWith).toBe(4401));

    // A code unused for ten minutes no longer pairs.
    const late = await localCall<{ code: string }>('devices.createPairingCode', { name: '前台平板', kind: 'kiosk' }, admin);
    desk.clock.advance(10 * 60_000 + 1);
    const refused = await lanCall('devices.pair', { code: late.body.code });
    expect({ status: refused.status, code: code(refused.body) }).toEqual({ status: 400, code: 'validation_failed' });
  });

  it(`X-1 a kiosk paired over the LAN reaches only kiosk methods`, async (context) => {
    if (lan.address === null) return context.skip(lan.reason);
    const { lanCall, localCall, desk } = await open();
    const issued = await localCall<{ code: string }>('devices.createPairingCode', { name: '大堂平板', kind: 'kiosk' }, { token: desk.admin.token });
    const paired = await lanCall<{ token: string }>('devices.pair', { code: issued.body.code });
    const device = paired.body.token;
    expect((await lanCall('setup.status', {}, { device })).status).toBe(200);
    expect((await lanCall('staff.list', {}, { device, token: desk.admin.token })).status).toBe(403);
    expect((await lanCall('auth.signIn', { userId: desk.admin.id, pin: desk.admin.pin }, { device })).status).toBe(403);
  });
});
