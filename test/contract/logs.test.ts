// Nothing sensitive in the logs: everything `lobby-desk web` prints and writes to its log file while it
// handles PINs (right, wrong, locked out, changed, reset), ID numbers (in bodies, bad bodies, URLs and headers),
// session and device tokens and pairing codes is searched for them — after a scripted set of hostile calls, and
// after a full day in which every mutation of the contract is called with valid input and writers keep the desk
// busy (the reliability harness).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebServer, httpClient, type WebServer } from '../support/web-server';
import { tempDir } from '../support/core';
import { ADMIN_PIN as HARNESS_ADMIN_PIN, everyCaller, setUpBuilding, type Call } from '../support/reliability/callers';
import { prng } from '../support/reliability/prng';
import { discoverWrites, newWriterStats, runWriter, WriteLedger } from '../support/reliability/writes';
import { DATABASE_FILE } from '../../main/core/store/open';

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

/** Calls that carry secrets where they belong and where they do not; returns every secret they used. */
async function hostileScript(url: string, call: Call, token: string, admin: { pin: string }): Promise<string[]> {
  const secrets: string[] = [WRONG_PIN, STAFF_PIN, NEW_PIN, RESET_PIN, ID_NUMBER, ID_NUMBER.slice(0, 17), token];
  const lee = await call<{ id: string }>('staff.create', { name: '李前台', role: 'receptionist', pin: STAFF_PIN }, { token });
  for (let i = 0; i < 6; i += 1) await call('auth.signIn', { userId: lee.body.id, pin: WRONG_PIN }); // into the lockout
  await call('auth.signIn', { userId: lee.body.id, pin: STAFF_PIN }); // refused while locked out
  await call('auth.changePin', { currentPin: admin.pin, newPin: NEW_PIN }, { token });
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
  return secrets;
}

const SECRET_KEY = /(^|[a-z])(pin|Pin|token|Token|idNumber|code)$/;

/** A client that notes every secret it sends or receives: PINs, ID numbers, tokens, pairing codes. */
function recordingClient(url: string, secrets: Set<string>): Call {
  const call = httpClient(url);
  const note = (value: unknown, depth = 0): void => {
    if (depth > 8 || !value || typeof value !== 'object') return;
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (typeof v === 'string' && SECRET_KEY.test(key) && v.length >= 4) secrets.add(v);
      else note(v, depth + 1);
    }
  };
  return (async (method, input, options = {}) => {
    note(input);
    if (options.token) secrets.add(options.token);
    if (options.device) secrets.add(options.device);
    const response = await call(method, input, options);
    note(response.body);
    return response;
  }) as Call;
}

/** Whether a secret occurs in the text: long ones anywhere; 4- and 5-digit PINs as a JSON string value (a port or a
 * duration may contain the same digits by chance). */
function leaks(text: string, secret: string): boolean {
  return secret.length >= 6 ? text.includes(secret) : text.includes(`"${secret}"`);
}

describe('logs', () => {
  it('X-1 the server’s output never contains PINs, full ID numbers, tokens or pairing codes', async () => {
    server = await startWebServer(tempDir('lobby-desk-logs-'));
    const call = httpClient(server.url);
    const init = await call<{ adminId: string }>('setup.initialize', {
      building: { name: '华信大厦', postName: '华信大厦前台' },
      admin: { name: '管理员', pin: ADMIN_PIN },
    });
    expect(init.status).toBe(200);
    const admin = await call<{ token: string }>('auth.signIn', { userId: init.body.adminId, pin: ADMIN_PIN });
    const secrets = [ADMIN_PIN, ...(await hostileScript(server.url, call, admin.body.token, { pin: ADMIN_PIN }))];

    await server.stop();
    const output = server.output();
    expect(output).toContain('Lobby Desk'); // the capture works
    for (const secret of secrets) expect(output.includes(secret), `output contains ${secret.slice(0, 4)}…`).toBe(false);
  });

  it('X-1 after a full day — every mutation with valid input, writers at work, the hostile script — the log file holds no PIN, token, pairing code or full ID number', async () => {
    const dataDir = tempDir('lobby-desk-logs-day-');
    server = await startWebServer(dataDir);
    const secrets = new Set<string>([HARNESS_ADMIN_PIN, ID_NUMBER]);
    const call = recordingClient(server.url, secrets);
    const { adminId, adminToken } = await setUpBuilding(call);
    const callers = await everyCaller(call, { token: adminToken, id: adminId, pin: HARNESS_ADMIN_PIN });
    const rng = prng(20261203);
    const ledger = new WriteLedger(rng);
    const probe = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
    const { usable } = await discoverWrites(call, callers, ledger, probe);
    probe.close();
    expect(usable.length).toBeGreaterThan(40);
    const stats = newWriterStats();
    let calls = 0;
    await Promise.all(Array.from({ length: 3 }, () => runWriter({ call, writes: usable, ledger, rng, stats, stop: () => (calls += 1) > 600 })));
    expect(stats.serverErrors).toEqual([]);
    for (const secret of await hostileScript(server.url, call, adminToken, { pin: HARNESS_ADMIN_PIN })) secrets.add(secret);
    await server.stop();

    const logDir = path.join(server.userDir, 'logs');
    const files = fs.readdirSync(logDir).filter((f) => f.endsWith('.log'));
    const text = files.map((f) => fs.readFileSync(path.join(logDir, f), 'utf8')).join('\n');
    // The log is the day's: one line per call, the methods named, JSON lines throughout.
    const lines = text.split('\n').filter(Boolean);
    expect(lines.every((line) => line.startsWith('{') && JSON.parse(line))).toBe(true);
    const methods = new Set(lines.map((line) => JSON.parse(line) as { message: string; method?: string }).filter((l) => l.message === 'api').map((l) => l.method));
    expect(methods.size).toBeGreaterThan(40);
    expect(methods).toContain('auth.signIn');
    expect(methods).toContain('visitors.register');
    const idNumbers = [...secrets].filter((s) => /^\d{17}[\dX]$/.test(s));
    expect(idNumbers.length).toBeGreaterThan(0);
    expect([...secrets].filter((s) => s.length >= 32).length).toBeGreaterThan(5); // tokens were in play
    const leaked = [...secrets].filter((secret) => leaks(text, secret));
    expect(leaked.map((s) => `${s.slice(0, 3)}… (${s.length} characters)`)).toEqual([]);
    console.log(`log check: ${lines.length} lines in ${files.length} file(s), ${methods.size} methods, ${secrets.size} secrets searched (${idNumbers.length} ID numbers)`);
  }, 300_000);
});
