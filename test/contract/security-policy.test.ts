// What every response of the HTTP server carries (CSP and security headers), the Origin check on calls and on
// the event channel, and the PIN lockout as a client sees it over HTTP.
import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { createDesk, tempDir, type TestDesk } from '../support/core';
import { startServer, type RunningServer } from '../../main/server/http-server';
import { httpClient } from '../support/web-server';
import { CONTENT_SECURITY_POLICY } from '../../main/server/policy';

let desk: TestDesk | null = null;
let server: RunningServer | null = null;

afterEach(async () => {
  await server?.close();
  desk?.close();
  server = desk = null;
});

/** A server around a test desk, serving a small stand-in for the built renderer. */
async function open(): Promise<{ url: string; desk: TestDesk }> {
  desk = await createDesk();
  const rendererDir = tempDir('lobby-desk-renderer-');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title><script src="assets/app.js"></script>');
  fs.writeFileSync(path.join(rendererDir, 'assets/app.js'), 'console.log(1)');
  server = await startServer({ core: desk.core, host: '127.0.0.1', port: 0, rendererDir });
  return { url: server.url, desk };
}

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

function headersOf(response: Response): Record<string, string | null> {
  return Object.fromEntries(Object.keys(SECURITY_HEADERS).map((name) => [name, response.headers.get(name)]));
}

function openSocket(url: string, headers: Record<string, string>): Promise<{ opened: boolean; status?: number }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/api/events`, { headers });
    socket.once('open', () => {
      socket.terminate();
      resolve({ opened: true });
    });
    socket.once('unexpected-response', (request, response) => {
      resolve({ opened: false, status: response.statusCode });
      request.destroy();
    });
    socket.once('error', () => resolve({ opened: false }));
  });
}

describe('HTTP security policy', () => {
  it('X-5 every response — pages, scripts, redirects, API answers and errors — carries the CSP and the security headers; the API is not cached', async () => {
    const { url, desk } = await open();
    const post = (method: string, body: string) =>
      fetch(`${url}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${desk.admin.token}` }, body });
    const responses: Array<[string, Response, boolean]> = [
      ['GET /', await fetch(`${url}/`), false],
      ['GET /index.html', await fetch(`${url}/index.html`), false],
      ['GET /assets/app.js', await fetch(`${url}/assets/app.js`), false],
      ['GET /lobby (redirect)', await fetch(`${url}/lobby`, { redirect: 'manual' }), false],
      ['GET /missing.js (404)', await fetch(`${url}/missing.js`), false],
      ['GET /api/health', await fetch(`${url}/api/health`), true],
      ['POST /api/setup.status', await post('setup.status', '{}'), true],
      ['POST malformed', await post('setup.status', '{'), true],
      ['POST invalid', await post('staff.create', '{}'), true],
      ['POST unknown method', await post('no.such', '{}'), true],
      ['POST too large', await post('setup.status', JSON.stringify({ x: 'x'.repeat(1_100_000) })), true],
    ];
    for (const [what, response, api] of responses) {
      expect(headersOf(response), what).toEqual(SECURITY_HEADERS);
      expect(response.headers.get('permissions-policy'), what).toContain('camera=(self)');
      expect(response.headers.get('permissions-policy'), what).toContain('microphone=()');
      if (api) expect(response.headers.get('cache-control'), what).toBe('no-store');
    }
    expect(responses.map(([what, r]) => `${what} ${r.status}`)).toEqual([
      'GET / 200',
      'GET /index.html 200',
      'GET /assets/app.js 200',
      'GET /lobby (redirect) 302',
      'GET /missing.js (404) 404',
      'GET /api/health 200',
      'POST /api/setup.status 200',
      'POST malformed 400',
      'POST invalid 400',
      'POST unknown method 404',
      'POST too large 413',
    ]);
    // The policy: only our own scripts, no framing, no plugins, no base-tag tricks.
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("base-uri 'none'");
  });

  it('X-5 a call or an event channel opened from another site’s page is refused; our own page and clients without an Origin pass', async () => {
    const { url, desk } = await open();
    const own = new URL(url).origin;
    const port = new URL(url).port;
    const call = (origin: string | null) =>
      fetch(`${url}/api/setup.status`, { method: 'POST', headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) }, body: '{}' }).then(
        (r) => r.status,
      );
    expect(await call(own)).toBe(200);
    expect(await call(null)).toBe(200);
    for (const foreign of ['http://evil.example', 'null', `http://127.0.0.1:${Number(port) + 1}`, `http://localhost.evil.example:${port}`, 'file://', 'not a url']) {
      expect(await call(foreign), foreign).toBe(403);
    }
    // A foreign page cannot use a signed-in person's session either (the session is a header, but check anyway).
    const withSession = await fetch(`${url}/api/staff.list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example', authorization: `Bearer ${desk.admin.token}` },
      body: '{}',
    });
    expect(withSession.status).toBe(403);
    // Cross-site WebSocket hijacking: the upgrade from a foreign page is refused, and its socket closed.
    const connections = () => new Promise<number>((resolve) => server!.app.server.getConnections((_e, n) => resolve(n)));
    const before = await connections();
    for (let i = 0; i < 3; i += 1) expect(await openSocket(url, { origin: 'http://evil.example' })).toEqual({ opened: false, status: 403 });
    await new Promise((r) => setTimeout(r, 100));
    expect(await connections()).toBeLessThanOrEqual(before);
    expect(await openSocket(url, { origin: own })).toEqual({ opened: true });
  });

  it('X-1 over HTTP: the sixth PIN attempt within the window is refused even with the right PIN (429, Retry-After); it works after the lockout', async () => {
    const { url, desk } = await open();
    const call = httpClient(url);
    const lee = await desk.person('receptionist', '李前台', '1357');
    desk.clock.advance(60_000);
    const attempt = (pin: string) =>
      fetch(`${url}/api/auth.signIn`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-lang': 'en' }, body: JSON.stringify({ userId: lee.id, pin }) });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      statuses.push((await attempt('0000')).status);
      desk.clock.advance(5_000);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const sixth = await attempt('1357');
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await sixth.json()) as { error: { code: string; message: string; retryAfterSeconds: number } };
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.message).toMatch(/\S/);
    expect(body.error.retryAfterSeconds).toBe(Number(sixth.headers.get('retry-after')));
    // No session was made by the refused right PIN.
    const sessions = desk.core.db.prepare('SELECT COUNT(*) AS n FROM sessions WHERE user_id = ?').get(lee.id) as { n: number };
    expect(sessions.n).toBe(1); // the one desk.person made before the attempts
    desk.clock.advance(5 * 60_000);
    expect((await call('auth.signIn', { userId: lee.id, pin: '1357' })).status).toBe(200);
  });
});
