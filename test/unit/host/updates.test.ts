// Checking the company's release feed against a real HTTP server: the channel file and rollout.json, off
// without a feed, held back, an unreachable feed reported, and the desktop app's download then an install held to
// outside the busy hours. Web mode is only told.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { UpdateChecker, readFeed, type DesktopInstaller } from '../../../main/host/updates';
import { createDesk, as, quietLogger, type TestDesk } from '../../support/core';

let server: http.Server | null = null;
let desk: TestDesk | null = null;

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
  desk?.close();
  desk = null;
});

async function feed(files: Record<string, string>): Promise<{ url: string; requests: string[] }> {
  const requests: string[] = [];
  server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const body = files[(req.url ?? '').replace(/^\/releases\//, '')];
    if (body === undefined) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'text/plain' }).end(body);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/releases`, requests };
}

const LATEST = "version: 1.4.0\nfiles:\n  - url: Lobby-Desk-Setup-1.4.0.exe\n    sha512: abc\n    size: 1\npath: Lobby-Desk-Setup-1.4.0.exe\nsha512: abc\nreleaseDate: '2026-12-01T00:00:00.000Z'\n";

async function configured(feedUrl: string, extra: Record<string, unknown> = {}): Promise<TestDesk> {
  const made = await createDesk();
  await made.core.invoke(as(made.admin.token), 'installation.updateReleaseSettings', { feedUrl, channel: 'latest', group: 'HX-01', busyHours: ['07:30-09:30'], ...extra });
  return made;
}

describe('release feed', () => {
  it('X-5 the feed is read from the folder the company hosts: the channel file, then rollout.json when there is one', async () => {
    const { url, requests } = await feed({ 'latest.yml': LATEST, 'rollout.json': JSON.stringify({ version: '1.4.0', hold: ['JD-02'] }) });
    expect(await readFeed(url, 'latest', 'win32')).toEqual({ version: '1.4.0', rollout: { version: '1.4.0', hold: ['JD-02'] } });
    expect(requests).toEqual(['/releases/latest.yml', '/releases/rollout.json']);
    expect(await readFeed(`${url}/`, 'latest', 'linux')).toEqual({ version: null, rollout: { version: '1.4.0', hold: ['JD-02'] } });
  });

  it('X-5 web mode is told a release is available, or that this building is held back; nothing is installed', async () => {
    const { url } = await feed({ 'latest.yml': LATEST });
    desk = await configured(url);
    const checker = new UpdateChecker({ current: '1.3.2', db: () => desk!.core.db, clock: desk.clock, logger: quietLogger, platform: 'win32' });
    expect(await checker.check()).toMatchObject({ state: 'available', current: '1.3.2', available: '1.4.0', installsItself: false, checkedAt: desk.clock.now() });
    server!.close();
    const held = await feed({ 'latest.yml': LATEST, 'rollout.json': JSON.stringify({ version: '1.4.0', hold: ['HX-*'] }) });
    await desk.core.invoke(as(desk.admin.token), 'installation.updateReleaseSettings', { feedUrl: held.url, channel: 'latest', group: 'HX-01', busyHours: [] });
    expect(await checker.check()).toMatchObject({ state: 'held', detail: 'heldBack', available: '1.4.0' });
  });

  it('X-5 without a feed the check is off; an unreachable feed is an error the admin sees, not a crash', async () => {
    desk = await createDesk();
    const checker = new UpdateChecker({ current: '1.3.2', db: () => desk!.core.db, clock: desk.clock, logger: quietLogger });
    expect(await checker.check()).toMatchObject({ state: 'off' });
    await desk.core.invoke(as(desk.admin.token), 'installation.updateReleaseSettings', { feedUrl: 'http://127.0.0.1:9/none', channel: 'latest', group: '', busyHours: [] });
    const status = await checker.check();
    expect(status.state).toBe('error');
    expect(status.detail).toBeTruthy();
  });

  it('X-5 the desktop app downloads an offered release and installs it only once the busy hour is over', async () => {
    const { url } = await feed({ 'latest.yml': LATEST });
    desk = await configured(url);
    // 08:00 in Shanghai: inside the 07:30–09:30 busy hour.
    desk.clock.set(Date.parse('2026-12-03T08:00:00+08:00'));
    const calls: string[] = [];
    const installer: DesktopInstaller = {
      download: async (feedUrl, channel) => void calls.push(`download ${feedUrl} ${channel}`),
      install: () => void calls.push('install'),
    };
    const checker = new UpdateChecker({ current: '1.3.2', db: () => desk!.core.db, clock: desk.clock, logger: quietLogger, platform: 'win32', installer });
    const status = await checker.check();
    expect(calls).toEqual([`download ${url} latest`]);
    expect(status).toMatchObject({ state: 'ready', notBefore: Date.parse('2026-12-03T09:30:00+08:00'), detail: 'busyHours', installsItself: true });
    desk.clock.set(Date.parse('2026-12-03T09:10:00+08:00'));
    checker.tryInstall();
    expect(calls).toEqual([`download ${url} latest`]);
    desk.clock.set(Date.parse('2026-12-03T09:31:00+08:00'));
    checker.tryInstall();
    expect(calls).toEqual([`download ${url} latest`, 'install']);
    // A second check does not download the same release again.
    await checker.check();
    expect(calls.filter((c) => c.startsWith('download'))).toHaveLength(1);
    checker.stop();
  });
});
