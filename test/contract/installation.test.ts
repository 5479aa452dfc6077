// Admin → This PC over a real `lobby-desk web`: status, device preferences (LAN off until switched on,
// applied at the in-process restart), backup now, export to a folder, restore with a restart, release feed —
// admin only, bad input refused with a localized message and nothing changed, every change audited.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebServer, httpClient, type WebServer } from '../support/web-server';
import { tempDir } from '../support/core';
import { setUpBuilding, signedInPerson } from '../support/reliability/callers';
import { DATABASE_FILE } from '../../main/core/store/open';
import { auditEntries } from '../support/audit';
import { fileSecretStore } from '../../main/core/keyring';
import type { InstallationStatus } from '../../shared/contract/installation';

let server: WebServer | null = null;
let feed: http.Server | null = null;

afterEach(async () => {
  await server?.kill('SIGKILL');
  server = null;
  await new Promise<void>((resolve) => (feed ? feed.close(() => resolve()) : resolve()));
  feed = null;
});

async function healthy(url: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      /* restarting */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the desk did not come back');
}

/** Waits until the restart began (the old server stopped answering or the log says so), then until it serves again. */
async function restarted(web: WebServer, before: number): Promise<void> {
  for (let i = 0; i < 200 && (web.output().match(/desk started/g)?.length ?? 0) <= before; i += 1) await new Promise((r) => setTimeout(r, 100));
  await healthy(web.url);
}

function audited(dataDir: string, entity: string): Array<{ method: string; payload: unknown }> {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return auditEntries(db)
      .filter((e) => e.entity === entity)
      .map((e) => ({ method: e.method, payload: e.payload }));
  } finally {
    db.close();
  }
}

describe('installation over HTTP', () => {
  it('X-5 the status shows web mode, the folders, LAN off by default; only an admin sees it', async () => {
    const dataDir = tempDir('lobby-desk-inst-');
    server = await startWebServer(dataDir);
    const call = httpClient(server.url);
    const { adminToken } = await setUpBuilding(call);
    const status = await call<InstallationStatus>('installation.status', {}, { token: adminToken });
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({
      mode: 'web',
      folders: { data: dataDir, backups: path.join(dataDir, 'backups'), logs: path.join(server.userDir, 'logs'), preferences: server.userDir, crashDumps: null },
      dataSource: 'flag',
      preferences: { lanEnabled: false, language: 'zh-CN' },
      capabilities: { displays: false, autoStart: false, chooseFolder: false },
      displays: [],
      server: { url: server.url, lan: false, error: null },
      update: { state: 'off', installsItself: false },
      pendingRestart: [],
    });
    const receptionist = await signedInPerson(call, adminToken, 'receptionist', '李前台');
    expect((await call('installation.status', {}, { token: receptionist.token })).status).toBe(403);
    expect((await call('installation.status', {})).status).toBe(401);
    expect((await call('installation.backupNow', {}, { token: receptionist.token })).status).toBe(403);
  });

  it('X-5 X-3 switching the LAN on is saved and audited, takes effect at the restart; a bad port is refused in the caller’s language and changes nothing', async () => {
    const dataDir = tempDir('lobby-desk-inst-');
    server = await startWebServer(dataDir);
    const call = httpClient(server.url);
    const { adminToken } = await setUpBuilding(call);

    const bad = await call<{ error: { code: string; issues: Array<{ path: string[]; message: string }> } }>('installation.updatePreferences', { port: 80 }, { token: adminToken, lang: 'en' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0]).toMatchObject({ path: ['port'], message: 'The port is a whole number from 1024 to 65535.' });
    const badZh = await call<{ error: { issues: Array<{ message: string }> } }>('installation.updatePreferences', { lanHost: '大堂' }, { token: adminToken });
    expect(badZh.body.error.issues[0]!.message).toContain('IP 地址');
    expect(fs.existsSync(path.join(server.userDir, 'device-preferences.json'))).toBe(false);

    const changed = await call<{ preferences: { lanEnabled: boolean }; appliedNow: string[]; pendingRestart: string[] }>(
      'installation.updatePreferences',
      { lanEnabled: true, lanHost: '0.0.0.0', language: 'en' },
      { token: adminToken },
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ preferences: { lanEnabled: true }, appliedNow: ['language'], pendingRestart: ['lanEnabled'] });
    expect(JSON.parse(fs.readFileSync(path.join(server.userDir, 'device-preferences.json'), 'utf8'))).toMatchObject({ lanEnabled: true, language: 'en' });
    expect(audited(dataDir, 'installation').map((e) => e.payload)).toContainEqual(
      expect.objectContaining({ changed: ['lanEnabled', 'lanHost', 'language'], before: { lanEnabled: false, lanHost: '0.0.0.0', language: 'zh-CN' } }),
    );
    expect((await call<InstallationStatus>('installation.status', {}, { token: adminToken })).body.server.lan).toBe(false);

    const before = server.output().match(/desk started/g)?.length ?? 0;
    expect((await call('installation.restart', {}, { token: adminToken })).status).toBe(200);
    await restarted(server, before);
    const after = await call<InstallationStatus>('installation.status', {}, { token: adminToken });
    // Same port (open screens reconnect), now on every network of this PC, nothing pending any more.
    expect(after.body.server).toMatchObject({ url: server.url, lan: true });
    expect(after.body.pendingRestart).toEqual([]);
  });

  it('X-2 backup now, export it to a folder (a USB stick) checked there; a missing folder or a second copy is refused', async () => {
    const dataDir = tempDir('lobby-desk-inst-');
    server = await startWebServer(dataDir);
    const call = httpClient(server.url);
    const { adminToken } = await setUpBuilding(call);
    const made = await call<{ file: string; bytes: number; auditEntries: number }>('installation.backupNow', {}, { token: adminToken });
    expect(made.status).toBe(200);
    expect(made.body.file).toMatch(/^manual-.*\.sqlite$/);
    expect(made.body.auditEntries).toBeGreaterThan(0);
    expect(fs.statSync(path.join(dataDir, 'backups', made.body.file)).size).toBe(made.body.bytes);

    const usb = tempDir('lobby-desk-usb-');
    const exported = await call<{ written: string; keyFile: string | null }>('installation.exportBackup', { file: made.body.file, folder: usb }, { token: adminToken });
    expect(exported.status).toBe(200);
    expect(exported.body.written).toBe(path.join(usb, made.body.file));
    expect(fs.readFileSync(exported.body.written).equals(fs.readFileSync(path.join(dataDir, 'backups', made.body.file)))).toBe(true);
    // The installation key goes beside it (owner-only): without it a restored copy's watch list cannot be checked.
    const keyName = made.body.file.replace(/\.sqlite$/, '.key');
    expect(exported.body.keyFile).toBe(path.join(usb, keyName));
    // The same key, in the form key:import and a restore read (the desk's store may keep it OS-protected).
    expect(fileSecretStore(exported.body.keyFile!).load()!.equals(fileSecretStore(path.join(dataDir, 'keys', 'installation.key')).load()!)).toBe(true);
    if (process.platform !== 'win32') expect(fs.statSync(exported.body.keyFile!).mode & 0o077).toBe(0);
    expect(fs.readdirSync(usb).sort()).toEqual([keyName, made.body.file].sort()); // no partial file left behind

    const again = await call<{ error: { code: string } }>('installation.exportBackup', { file: made.body.file, folder: usb }, { token: adminToken });
    expect(again.status).toBe(409);
    const missing = await call<{ error: { issues: Array<{ message: string }> } }>('installation.exportBackup', { file: made.body.file, folder: path.join(usb, 'not-plugged-in') }, { token: adminToken, lang: 'en' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.issues[0]!.message).toMatch(/Plug the USB stick in/);
    const traversal = await call('installation.exportBackup', { file: '../lobby-desk.sqlite', folder: usb }, { token: adminToken });
    expect(traversal.status).toBe(400);
    const unknown = await call('installation.exportBackup', { file: 'manual-1999-01-01T00-00-00-000Z.sqlite', folder: usb }, { token: adminToken });
    expect(unknown.status).toBe(404);
    expect(audited(dataDir, 'backup').map((e) => e.payload)).toEqual([
      expect.objectContaining({ kind: 'manual' }),
      expect.objectContaining({ exportedTo: exported.body.written, withKey: true }),
    ]);
  });

  it('X-2 restoring a backup from the admin screen restarts the desk on it; the replaced database is kept', async () => {
    const dataDir = tempDir('lobby-desk-inst-');
    server = await startWebServer(dataDir);
    const call = httpClient(server.url);
    const { adminToken } = await setUpBuilding(call);
    const made = await call<{ file: string }>('installation.backupNow', {}, { token: adminToken });
    const later = await call<{ id: string }>('staff.create', { name: '备份后入职', role: 'receptionist', pin: '1357' }, { token: adminToken });
    expect(later.status).toBe(200);

    const damaged = path.join(dataDir, 'backups', 'manual-2020-01-01T00-00-00-000Z.sqlite');
    fs.writeFileSync(damaged, Buffer.alloc(8192, 5));
    const refused = await call<{ error: { message: string } }>('installation.restore', { file: path.basename(damaged) }, { token: adminToken, lang: 'en' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/damaged/);

    // A backup written by another installation (another installation key) is refused before anything restarts.
    const elsewhere = tempDir('lobby-desk-inst-other-');
    const otherDesk = await startWebServer(elsewhere);
    const otherToken = (await setUpBuilding(httpClient(otherDesk.url))).adminToken;
    const foreign = await httpClient(otherDesk.url)<{ file: string }>('installation.backupNow', {}, { token: otherToken });
    await otherDesk.kill('SIGKILL');
    const foreignName = foreign.body.file.replace(/^manual-/, 'manual-other-');
    fs.copyFileSync(path.join(elsewhere, 'backups', foreign.body.file), path.join(dataDir, 'backups', foreignName));
    const otherKey = await call<{ error: { message: string } }>('installation.restore', { file: foreignName }, { token: adminToken, lang: 'en' });
    expect(otherKey.status).toBe(409);
    expect(otherKey.body.error.message).toMatch(/another installation/);

    const before = server.output().match(/desk started/g)?.length ?? 0;
    const restored = await call<{ restarting: boolean }>('installation.restore', { file: made.body.file }, { token: adminToken });
    expect(restored.body).toEqual({ restarting: true, file: made.body.file });
    await restarted(server, before);
    const staff = await call<{ people: Array<{ name: string }> }>('staff.list', {}, { token: adminToken });
    expect(staff.status).toBe(200);
    expect(staff.body.people.map((p) => p.name)).not.toContain('备份后入职');
    expect(fs.readdirSync(path.join(dataDir, 'backups')).some((f) => f.startsWith('before-restore-'))).toBe(true);
  });

  it('X-5 web mode is told that the company’s feed offers a newer release', async () => {
    feed = http.createServer((req, res) => {
      if (req.url === '/releases/latest-linux.yml' || req.url === '/releases/latest.yml' || req.url === '/releases/latest-mac.yml') res.end('version: 99.0.0\n');
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => feed!.listen(0, '127.0.0.1', resolve));
    const feedUrl = `http://127.0.0.1:${(feed.address() as AddressInfo).port}/releases/`;
    const dataDir = tempDir('lobby-desk-inst-');
    server = await startWebServer(dataDir);
    const call = httpClient(server.url);
    const { adminToken } = await setUpBuilding(call);
    const bad = await call('installation.updateReleaseSettings', { feedUrl: 'ftp://x', channel: 'latest', group: '', busyHours: [] }, { token: adminToken });
    expect(bad.status).toBe(400);
    const badHours = await call('installation.updateReleaseSettings', { feedUrl, channel: 'latest', group: 'HX-01', busyHours: ['7:30-9:30'] }, { token: adminToken });
    expect(badHours.status).toBe(400);
    expect((await call('installation.updateReleaseSettings', { feedUrl, channel: 'latest', group: 'HX-01', busyHours: ['07:30-09:30'] }, { token: adminToken })).status).toBe(200);
    const checked = await call<InstallationStatus['update']>('installation.checkForUpdates', {}, { token: adminToken });
    expect(checked.body).toMatchObject({ state: 'available', available: '99.0.0', installsItself: false });
    expect((await call<InstallationStatus>('installation.status', {}, { token: adminToken })).body.update.state).toBe('available');
    // Told where web mode's operator looks, too.
    expect(server.output()).toContain('Lobby Desk 99.0.0 is available');
    await server.stop();
    expect(fs.readFileSync(path.join(server.userDir, 'logs', 'lobby-desk.log'), 'utf8')).toMatch(/"message":"release feed checked".*"offered":"99.0.0"|"offered":"99.0.0".*"message":"release feed checked"/);
  });
});
