import { afterEach, describe, expect, it } from 'vitest';
import { createDesk, type TestDesk } from '../support/core';
import { startTestServer, eventually, type TestServer } from '../support/http';

let desk: TestDesk;
let http: TestServer;

async function open(): Promise<void> {
  desk = await createDesk();
  http = await startTestServer(desk.core);
}

afterEach(async () => {
  await http?.close();
  desk?.close();
});

describe('HTTP binding of the contract', () => {
  it('X-3 GET /api/health answers ok and the version', async () => {
    await open();
    const response = await fetch(`${http.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, version: '0.0.0-test' });
  });

  it('X-3 malformed JSON, a wrong content type and a schema violation are 400 with the error body; the server stays up', async () => {
    await open();
    const malformed = await http.call('setup.status', null, { raw: '{"a":' });
    expect(malformed).toEqual({ status: 400, body: { error: { code: 'bad_request', message: expect.any(String) } } });
    const wrongType = await http.call('setup.status', null, { raw: 'a=1', contentType: 'application/x-www-form-urlencoded' });
    expect(wrongType.status).toBe(400);
    expect((wrongType.body as { error: { code: string } }).error.code).toBe('bad_request');
    const invalid = await http.call('staff.create', { name: '', role: 'janitor', pin: 'abc' }, { token: desk.admin.token, lang: 'en' });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({
      error: {
        code: 'validation_failed',
        issues: expect.arrayContaining([
          expect.objectContaining({ path: ['name'], message: 'Required.' }),
          expect.objectContaining({ path: ['role'], message: 'Unknown role.' }),
          expect.objectContaining({ path: ['pin'], message: 'A PIN is 4 to 8 digits.' }),
        ]),
      },
    });
    const proto = await http.call('setup.status', null, { raw: '{"__proto__":{"admin":true}}' });
    expect(proto.status).toBe(400);
    expect((await fetch(`${http.url}/api/health`)).status).toBe(200);
  });

  it('X-3 401 without a session, 403 for the wrong role, 404 for an unknown method, 409 for a state conflict', async () => {
    await open();
    expect((await http.call('staff.list', {})).status).toBe(401);
    const lee = await desk.person('receptionist');
    const forbidden = await http.call('staff.list', {}, { token: lee.token });
    expect(forbidden.status).toBe(403);
    expect((forbidden.body as { error: { code: string } }).error.code).toBe('forbidden');
    const unknown = await http.call('nothing.here', {}, { token: lee.token });
    expect(unknown.status).toBe(404);
    const again = await http.call('setup.initialize', { building: { name: 'x', postName: 'y' }, admin: { name: 'z', pin: '1234' } });
    expect(again.status).toBe(409);
  });

  it('X-3 messages follow the caller’s language', async () => {
    await open();
    const zh = await http.call('staff.list', {}, { lang: 'zh-CN' });
    const en = await http.call('staff.list', {}, { lang: 'en-GB,en;q=0.9' });
    expect((zh.body as { error: { message: string } }).error.message).toBe('请先登录。');
    expect((en.body as { error: { message: string } }).error.message).toBe('Please sign in first.');
  });

  it('X-3 a body over the limit is refused with 413 stating the limit, in the caller’s language, and nothing written', async () => {
    await open();
    const staff = () => (desk.core.db.prepare('SELECT COUNT(*) AS n FROM staff').get() as { n: number }).n;
    const before = staff();
    const input = { name: 'x'.repeat(2 * 1024 * 1024), role: 'receptionist', pin: '1234' };
    const big = await http.call('staff.create', input, { token: desk.admin.token, lang: 'zh-CN' });
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ error: { code: 'payload_too_large', message: '提交的内容过大：最多 1 MB。' } });
    const en = await http.call('staff.create', input, { token: desk.admin.token, lang: 'en' });
    expect(en.body).toMatchObject({ error: { message: 'What was sent is too large: 1 MB at most.' } });
    // A method with a larger limit of its own says that one.
    const upload = await http.call('incidents.addAttachment', { x: 'y'.repeat(6 * 1024 * 1024) }, { token: desk.admin.token, lang: 'en' });
    expect(upload.status).toBe(413);
    expect(upload.body).toMatchObject({ error: { message: expect.stringMatching(/too large: \d+(\.\d)? MB at most/) } });
    expect(staff()).toBe(before);
  });

  it('X-3 a request from another site’s page (foreign Origin) is refused', async () => {
    await open();
    const response = await fetch(`${http.url}/api/setup.status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
      body: '{}',
    });
    expect(response.status).toBe(403);
  });

  it('X-1 pushed events reach staff and kiosk per audience, and a revoked device stops receiving at once', async () => {
    await open();
    const code = await http.call<{ code: string }>('devices.createPairingCode', { name: '大堂访客屏', kind: 'kiosk' }, { token: desk.admin.token });
    const paired = await http.call<{ token: string; device: { id: string } }>('devices.pair', { code: code.body.code });
    expect(paired.status).toBe(200);
    const kiosk = await http.events({ deviceToken: paired.body.token });
    const staff = await http.events({ sessionToken: desk.admin.token });
    const nobody = await http.events({});
    await http.call('settings.updateBuilding', { name: '新华大厦', postName: '新华大厦前台' }, { token: desk.admin.token });
    await eventually(() => {
      expect(kiosk.received).toContainEqual({ name: 'settings.buildingChanged', payload: { name: '新华大厦', nameEn: '' } });
      expect(staff.received).toContainEqual({ name: 'settings.buildingChanged', payload: { name: '新华大厦', nameEn: '' } });
    });
    expect(nobody.received).toEqual([]);

    expect((await http.call('devices.revoke', { id: paired.body.device.id }, { token: desk.admin.token })).status).toBe(200);
    await eventually(() => expect(kiosk.closedWith).toBe(4401));
    const refused = await http.call('setup.status', {}, { device: paired.body.token });
    expect(refused.status).toBe(401);
    expect((refused.body as { error: { code: string } }).error.code).toBe('device_required');
    const before = kiosk.received.length;
    await http.call('settings.updateBuilding', { name: '新华大厦二期', postName: '前台' }, { token: desk.admin.token });
    await eventually(() => expect(staff.received.filter((e) => e.name === 'settings.buildingChanged')).toHaveLength(2));
    expect(kiosk.received).toHaveLength(before);
  });

  it('X-1 a kiosk can reach only kiosk methods, and never with a staff session', async () => {
    await open();
    const code = await http.call<{ code: string }>('devices.createPairingCode', { name: 'pad', kind: 'kiosk' }, { token: desk.admin.token });
    const paired = await http.call<{ token: string }>('devices.pair', { code: code.body.code.toLowerCase().replace('-', ' ') });
    expect(paired.status).toBe(200);
    expect((await http.call('setup.status', {}, { device: paired.body.token })).status).toBe(200);
    expect((await http.call('staff.list', {}, { device: paired.body.token, token: desk.admin.token })).status).toBe(403);
    expect((await http.call('auth.signInChoices', {}, { device: paired.body.token })).status).toBe(403);
    // A pairing code works once.
    expect((await http.call('devices.pair', { code: code.body.code })).status).toBe(400);
  });
});
