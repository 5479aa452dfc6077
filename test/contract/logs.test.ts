// Nothing sensitive in the logs: everything `lobby-desk web` prints while it handles PINs (right, wrong, locked
// out, changed, reset), ID numbers (in bodies, bad bodies, URLs and headers), session and device tokens and
// pairing codes is captured and searched for them.
import { afterEach, describe, expect, it } from 'vitest';
import { startWebServer, httpClient, type WebServer } from '../support/web-server';
import { tempDir } from '../support/core';

let server: WebServer | null = null;

afterEach(async () => {
  await server?.kill('SIGKILL');
  server = null;
});

const ADMIN_PIN = '731946';
const WRONG_PIN = '582094';
const STAFF_PIN = '604817';
const NEW_PIN = '390562';
const RESET_PIN = '857301';
const ID_NUMBER = '11010519491231002X';

describe('logs', () => {
  it('X-1 the server’s output never contains PINs, full ID numbers, tokens or pairing codes', async () => {
    server = await startWebServer(tempDir('lobby-desk-logs-'));
    const url = server.url;
    const call = httpClient(url);
    const secrets: string[] = [ADMIN_PIN, WRONG_PIN, STAFF_PIN, NEW_PIN, RESET_PIN, ID_NUMBER, ID_NUMBER.slice(0, 17)];

    const init = await call<{ adminId: string }>('setup.initialize', {
      building: { name: '华信大厦', postName: '华信大厦前台' },
      admin: { name: '管理员', pin: ADMIN_PIN },
    });
    expect(init.status).toBe(200);
    const admin = await call<{ token: string }>('auth.signIn', { userId: init.body.adminId, pin: ADMIN_PIN });
    secrets.push(admin.body.token);
    const token = admin.body.token;

    const lee = await call<{ id: string }>('staff.create', { name: '李前台', role: 'receptionist', pin: STAFF_PIN }, { token });
    for (let i = 0; i < 6; i += 1) await call('auth.signIn', { userId: lee.body.id, pin: WRONG_PIN }); // into the lockout
    await call('auth.signIn', { userId: lee.body.id, pin: STAFF_PIN }); // refused while locked out
    await call('auth.changePin', { currentPin: ADMIN_PIN, newPin: NEW_PIN }, { token });
    await call('auth.changePin', { currentPin: WRONG_PIN, newPin: RESET_PIN }, { token });
    await call('staff.resetPin', { id: lee.body.id, pin: RESET_PIN }, { token });
    const code = await call<{ code: string }>('devices.createPairingCode', { name: '大堂平板', kind: 'kiosk' }, { token });
    secrets.push(code.body.code);
    const paired = await call<{ token: string }>('devices.pair', { code: code.body.code });
    secrets.push(paired.body.token);

    // ID numbers and PINs where they do not belong: unknown keys, bad JSON, oversize bodies, URLs, headers.
    await call('staff.create', { name: '王五', role: 'receptionist', pin: STAFF_PIN, idNumber: ID_NUMBER }, { token });
    await call('staff.create', null, { token, raw: `{"name":"${ID_NUMBER}","pin":"${STAFF_PIN}",` });
    await call('staff.create', { name: ID_NUMBER.repeat(70_000), pin: STAFF_PIN }, { token });
    await call(`visitors.register?idNumber=${ID_NUMBER}`, { idNumber: ID_NUMBER }, { token });
    await call(ID_NUMBER, { pin: STAFF_PIN });
    await fetch(`${url}/lobby?idNumber=${ID_NUMBER}&pin=${STAFF_PIN}`, { redirect: 'manual' });
    await fetch(`${url}/api/setup.status`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-lang': ID_NUMBER, authorization: `Bearer ${STAFF_PIN}` }, body: '{}' });
    await fetch(`${url}/api/setup.status`, { method: 'POST', headers: { 'content-type': 'application/json', origin: `http://${ID_NUMBER}.example` }, body: '{}' });

    await server.stop();
    const output = server.output();
    expect(output).toContain('Lobby Desk'); // the capture works
    for (const secret of secrets) expect(output.includes(secret), `output contains ${secret.slice(0, 4)}…`).toBe(false);
  });
});
