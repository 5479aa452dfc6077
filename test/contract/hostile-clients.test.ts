// A hostile page or client against the real HTTP server (X-7, X-3): DNS rebinding (a foreign Host with a matching
// Origin), first-run setup from elsewhere, bodies that trickle or never complete, bytes that are not UTF-8, and
// clients that open more connections and event channels than their share — while others keep being served.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../main/core/clock';
import type { Core } from '../../main/core/core';
import { startServer, type RunningServer } from '../../main/server/http-server';
import { createDesk, openCore, tempDir, type TestDesk } from '../support/core';
import { holdSocket, rawRequest, tryUpgrade, type HeldSocket } from '../support/raw-http';
import { findLanAddress, type LanAddress } from '../support/reliability/lan';
import { httpClient, startWebServer, type WebServer } from '../support/web-server';
import { eventually } from '../support/http';
import { DEFAULT_CLIENT_LIMITS } from '../../main/server/limits';

let lan: LanAddress;
let core: Core | null = null;
let desk: TestDesk | null = null;
let server: RunningServer | null = null;
let web: WebServer | null = null;
const held: HeldSocket[] = [];

beforeAll(() => {
  lan = findLanAddress();
});
afterAll(() => {
  if (lan.address !== null) lan.remove();
});
afterEach(async () => {
  for (const h of held.splice(0)) h.socket.destroy();
  await server?.close();
  await web?.stop();
  desk?.close();
  core?.close();
  server = web = desk = core = null;
});

const SETUP = {
  building: { name: '华信大厦', nameEn: 'Huaxin Tower', postName: '华信大厦前台', postNameEn: 'Huaxin Tower front desk', timeZone: 'Asia/Shanghai' },
  admin: { name: '管理员', pin: '246810' },
};

const auditCount = (c: Core) => (c.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;

describe('hostile clients', () => {
  it('X-7 DNS rebinding: a page on evil.example (resolving to this PC, Origin matching its Host) cannot list staff, try a PIN, run first-run setup, load a page or open the event channel', async () => {
    core = openCore(tempDir(), new FakeClock());
    server = await startServer({ core, host: '127.0.0.1', port: 0, rendererDir: null });
    const port = server.port;
    const evil = { host: `evil.example:${port}`, origin: `http://evil.example:${port}` };
    const before = auditCount(core);

    const setup = await rawRequest(server.url, { path: '/api/setup.initialize', headers: evil, body: JSON.stringify(SETUP) });
    expect(setup.status).toBe(421);
    expect(setup.json?.error?.code).toBe('misdirected');
    expect(setup.headers.connection).toBe('close');
    expect(core.db.prepare('SELECT COUNT(*) AS n FROM staff').get()).toEqual({ n: 0 });
    expect((await rawRequest(server.url, { path: '/api/setup.status', headers: { ...evil, 'accept-language': 'en' }, body: '{}' })).json?.error?.message).toBe(
      'This server does not answer to that address. Open it by the address shown on the desk PC.',
    );
    expect((await rawRequest(server.url, { method: 'GET', path: '/', headers: evil })).status).toBe(421);
    expect((await rawRequest(server.url, { method: 'GET', path: '/api/health', headers: { host: 'evil.example' } })).status).toBe(421);
    expect(await tryUpgrade(server.url, evil)).toEqual({ opened: false, status: 421 });

    // The same building set up from this PC, where no setup code is asked; the page still cannot list staff or try a PIN.
    const local = httpClient(server.url);
    expect((await local('setup.status', {})).body).toMatchObject({ needsSetup: true, setupCodeRequired: false });
    const { body } = await local<{ adminId: string }>('setup.initialize', SETUP);
    const afterSetup = auditCount(core);
    const choices = await rawRequest(server.url, { path: '/api/auth.signInChoices', headers: evil, body: '{}' });
    expect(choices.status).toBe(421);
    expect(choices.body).not.toContain('管理员');
    const guess = await rawRequest(server.url, { path: '/api/auth.signIn', headers: evil, body: JSON.stringify({ userId: body.adminId, pin: '0000' }) });
    expect(guess.status).toBe(421);
    expect(core.db.prepare('SELECT COUNT(*) AS n FROM pin_failures').get()).toEqual({ n: 0 });
    expect(auditCount(core)).toBe(afterSetup);
    expect(afterSetup).toBeGreaterThan(before);

    // This PC's own names are served, with or without their port, in any case; an IPv6 loopback too.
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST`, `[::1]:${port}`, `127.0.0.2:${port}`]) {
      const response = await rawRequest(server.url, { path: '/api/setup.status', headers: { host, origin: `http://${host.includes(':') || host.startsWith('[') ? host : `${host}:${port}`}`.toLowerCase() }, body: '{}' });
      expect(response.status, host).toBe(host === 'LOCALHOST' ? 403 : 200); // 403: its Origin names another port
    }
    expect((await tryUpgrade(server.url, { host: `localhost:${port}`, origin: `http://localhost:${port}` })).opened).toBe(true);
    // Names that only look like ours are not.
    for (const host of [`127.0.0.1.evil.example:${port}`, `localhost.evil.example`, `evil.example@127.0.0.1`, `0.0.0.0:${port}`]) {
      expect((await rawRequest(server.url, { path: '/api/setup.status', headers: { host }, body: '{}' })).status, host).toBe(421);
    }
    // A request without any Host (HTTP/1.0 allows it) names nobody: refused too.
    const bare = await holdSocket('127.0.0.1', port);
    held.push(bare);
    bare.socket.write('GET /api/health HTTP/1.0\r\n\r\n');
    await bare.closed;
    expect(bare.received()).toMatch(/^HTTP\/1\.[01] 421 /);
  });

  it('X-7 an administrator can add the names the desk is reached by; the names given at start (--allow-host) are served too', async () => {
    desk = await createDesk();
    server = await startServer({ core: desk.core, host: '127.0.0.1', port: 0, rendererDir: null, allowedHosts: ['desk-pc.huaxin.lan'] });
    const status = (host: string) => rawRequest(server!.url, { path: '/api/setup.status', headers: { host }, body: '{}' }).then((r) => r.status);
    expect(await status('desk-pc.huaxin.lan')).toBe(200);
    expect(await status('frontdesk.huaxin.lan:5199')).toBe(421);
    const call = httpClient(server.url);
    const security = await call<Record<string, unknown>>('settings.security', {}, { token: desk.admin.token });
    const saved = await call('settings.updateSecurity', { ...security.body, allowedHosts: ['FrontDesk.Huaxin.LAN', '192.168.1.20'] }, { token: desk.admin.token });
    expect(saved).toMatchObject({ status: 200, body: { allowedHosts: ['frontdesk.huaxin.lan', '192.168.1.20'] } });
    expect(await status('frontdesk.huaxin.lan:5199')).toBe(200);
    expect(await status('192.168.1.20')).toBe(200);
    expect(await status('evil.example')).toBe(421);
    const bad = await call('settings.updateSecurity', { ...security.body, allowedHosts: ['http://x/'] }, { token: desk.admin.token, lang: 'en' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('Enter a host name or IP address without a port');
  });

  it('X-7 first-run setup from another device needs the one-time code `lobby-desk web` prints; a wrong or missing code is refused with its reason', async (context) => {
    if (lan.address === null) return context.skip(lan.reason);
    const dataDir = tempDir('lobby-desk-setup-code-');
    web = await startWebServer(dataDir, ['--host', lan.address]);
    const printed = /setup code ([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4})/;
    await eventually(() => expect(web!.output()).toMatch(printed), 5_000);
    const code = printed.exec(web.output())![1];
    const fromLan = httpClient(web.url);
    expect((await fromLan<{ setupCodeRequired: boolean }>('setup.status', {})).body.setupCodeRequired).toBe(true);
    const without = await fromLan<{ error: { code: string; message: string } }>('setup.initialize', SETUP);
    expect(without.status).toBe(403);
    expect(without.body.error.message).toBe('从其他设备进行首次设置，需要输入前台电脑控制台显示的设置码。');
    const wrong = await fromLan<{ error: { message: string } }>('setup.initialize', { ...SETUP, setupCode: 'AAAA-AAAA' }, { lang: 'en' });
    expect(wrong).toMatchObject({ status: 403, body: { error: { message: 'The setup code is wrong.' } } });
    expect((await fromLan('setup.status', {})).body).toMatchObject({ needsSetup: true });
    const done = await fromLan('setup.initialize', { ...SETUP, setupCode: code!.toLowerCase().replace('-', ' ') });
    expect(done.status).toBe(200);
    expect((await fromLan('setup.status', {})).body).toMatchObject({ needsSetup: false, setupCodeRequired: false });
  });

  it('X-7 X-3 a body that trickles in (1 byte / 2 s) and a Content-Length that is never met are closed within the deadline, while another client is served in under 1 s throughout', async () => {
    desk = await createDesk();
    server = await startServer({ core: desk.core, host: '127.0.0.1', port: 0, rendererDir: null });
    const head = (length: number) =>
      `POST /api/settings.updateBuilding HTTP/1.1\r\nHost: 127.0.0.1:${server!.port}\r\nAuthorization: Bearer ${desk!.admin.token}\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;
    const slow = await holdSocket('127.0.0.1', server.port);
    const short = await holdSocket('127.0.0.1', server.port);
    held.push(slow, short);
    const body = JSON.stringify({ name: '被拖住的大厦', postName: '前台' });
    slow.socket.write(head(body.length));
    short.socket.write(head(body.length + 100) + body);
    let sent = 0;
    const trickle = setInterval(() => {
      if (!slow.socket.destroyed && sent < body.length) slow.socket.write(body[sent++]!);
    }, 2_000);

    const call = httpClient(server.url);
    const latencies: number[] = [];
    const deadline = DEFAULT_CLIENT_LIMITS.requestTimeoutMs;
    try {
      while ((slow.closedAfter() === null || short.closedAfter() === null) && latencies.length < 60) {
        const started = performance.now();
        const answer = await call('setup.status', {});
        latencies.push(performance.now() - started);
        expect(answer.status).toBe(200);
        await new Promise((r) => setTimeout(r, 250));
      }
    } finally {
      clearInterval(trickle);
    }
    // Closed by the deadline (checked each second), with a generous margin for a loaded machine.
    for (const s of [slow, short]) {
      expect(s.closedAfter()).not.toBeNull();
      expect(s.closedAfter()!).toBeGreaterThan(deadline - 1_000);
      expect(s.closedAfter()!).toBeLessThan(deadline + DEFAULT_CLIENT_LIMITS.checkIntervalMs + 3_000);
      expect(s.received()).toMatch(/^HTTP\/1\.1 408 /);
    }
    console.log(
      `slow clients: trickling body closed after ${Math.round(slow.closedAfter()!)} ms, short body after ${Math.round(short.closedAfter()!)} ms; ` +
        `${latencies.length} calls from another client meanwhile, slowest ${Math.round(Math.max(...latencies))} ms`,
    );
    expect(Math.max(...latencies)).toBeLessThan(1_000);
    // Neither half-sent request changed anything.
    expect((await call<{ name: string }>('settings.building', {}, { token: desk.admin.token })).body.name).toBe('华信大厦');
  }, 30_000);

  it('X-3 X-7 a JSON body that is not valid UTF-8 is refused with 400 and the localized message, and nothing is written', async () => {
    desk = await createDesk();
    server = await startServer({ core: desk.core, host: '127.0.0.1', port: 0, rendererDir: null });
    const before = auditCount(desk.core);
    const cases = [
      Buffer.from([...Buffer.from('{"name":"华信'), 0xff, ...Buffer.from('大厦","postName":"前台"}')]),
      Buffer.from([...Buffer.from('{"name":"'), 0xc0, 0xaf, ...Buffer.from('","postName":"前台"}')]), // overlong "/"
      Buffer.from([...Buffer.from('{"name":"'), 0xed, 0xa0, 0x80, ...Buffer.from('","postName":"前台"}')]), // a lone surrogate
      Buffer.from([...Buffer.from('{"name":"'), 0xe5, 0x8d, ...Buffer.from('","postName":"前台"}')]), // a cut-off character
    ];
    for (const [i, bytes] of cases.entries()) {
      const lang = i % 2 === 0 ? 'zh-CN' : 'en';
      const response = await rawRequest(server.url, {
        path: '/api/settings.updateBuilding',
        headers: { authorization: `Bearer ${desk.admin.token}`, 'accept-language': lang },
        body: bytes,
      });
      expect(response.status).toBe(400);
      expect(response.json?.error).toEqual({
        code: 'bad_request',
        message: lang === 'en' ? 'What was sent is not valid UTF-8 text and cannot be read.' : '提交的内容不是有效的 UTF-8 文本，无法读取。',
      });
    }
    expect(auditCount(desk.core)).toBe(before);
    // Valid UTF-8 (with a byte-order mark, which JSON readers may skip) still works.
    const ok = await rawRequest(server.url, {
      path: '/api/settings.updateBuilding',
      headers: { authorization: `Bearer ${desk.admin.token}` },
      body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ name: '华信大厦𠮷', postName: '前台' }))]),
    });
    expect(ok.status).toBe(200);
  });

  it('X-7 connections and event channels are capped per source address; the capped client holds only its own share and this PC is served throughout', async (context) => {
    if (lan.address === null) return context.skip(lan.reason);
    desk = await createDesk();
    const limits = { connectionsPerAddress: 4, socketsPerAddress: 2 };
    server = await startServer({ core: desk.core, host: '0.0.0.0', port: 0, rendererDir: null, limits });
    const lanUrl = `http://${lan.address.includes(':') ? `[${lan.address}]` : lan.address}:${server.port}`;
    const local = httpClient(server.url);

    // Two event channels from the LAN address are its share; a third is refused with 503 and the reason.
    const first = await tryUpgrade(lanUrl, {}, lan.address);
    const second = await tryUpgrade(lanUrl, {}, lan.address);
    expect([first.opened, second.opened]).toEqual([true, true]);
    expect(await tryUpgrade(lanUrl, {}, lan.address)).toEqual({ opened: false, status: 503 });
    expect((await tryUpgrade(server.url, {})).opened).toBe(true); // this PC's screens have their own allowance
    first.socket!.close();
    await new Promise((r) => setTimeout(r, 300));
    const third = await tryUpgrade(lanUrl, {}, lan.address);
    expect(third.opened).toBe(true);

    // Two channels plus two idle connections fill its four connections: a fifth is closed at once, unread.
    held.push(await holdSocket(lan.address, server.port, lan.address), await holdSocket(lan.address, server.port, lan.address));
    const fifth = await holdSocket(lan.address, server.port, lan.address);
    held.push(fifth);
    expect(await Promise.race([fifth.closed, new Promise<string>((r) => setTimeout(() => r('still open'), 2_000))])).not.toBe('still open');
    const started = performance.now();
    expect((await local('setup.status', {})).status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1_000);
    second.socket!.close();
    third.socket!.close();
  });
});
