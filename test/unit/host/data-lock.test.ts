// One desk per data folder: the lock file, its stale detection (pid, boot, process start) and a real
// second `lobby-desk web` refused while the first runs, and let in after the first was killed.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, isStale, LOCK_FILE, lockHolder, readLock, systemProbe, type LockHolder, type ProcessProbe } from '../../../main/host/data-lock';
import { tempDir } from '../../support/core';
import { CLI, startWebServer, type WebServer } from '../../support/web-server';

const holder = (over: Partial<LockHolder> = {}): LockHolder => ({
  pid: 4242,
  boot: 'boot-a',
  processStart: '1000',
  host: 'desk-pc',
  mode: 'web',
  version: '1.0.0',
  startedAt: 0,
  nonce: 'n',
  ...over,
});

const probe = (over: Partial<ProcessProbe> = {}): ProcessProbe => ({
  host: 'desk-pc',
  boot: () => 'boot-a',
  alive: () => true,
  processStart: () => '1000',
  ...over,
});

let server: WebServer | null = null;
afterEach(async () => {
  await server?.kill('SIGKILL');
  server = null;
});

describe('data folder lock', () => {
  it('X-5 a lock is stale when its process is gone, the machine rebooted, or its pid now belongs to another process', () => {
    expect(isStale(holder(), probe())).toBe(false);
    expect(isStale(holder(), probe({ alive: () => false }))).toBe(true);
    expect(isStale(holder(), probe({ boot: () => 'boot-b' }))).toBe(true);
    expect(isStale(holder(), probe({ processStart: () => '2000' }))).toBe(true);
    // Where the OS does not say when a process started, a live pid holds the lock.
    expect(isStale(holder({ processStart: null }), probe({ processStart: () => null }))).toBe(false);
    // Boot times (Windows, macOS) are compared with a tolerance: the clock and the uptime drift apart a little.
    expect(isStale(holder({ boot: 't1000000' }), probe({ boot: () => 't1000060' }))).toBe(false);
    expect(isStale(holder({ boot: 't1000000' }), probe({ boot: () => 't1005000' }))).toBe(true);
    // Another machine's lock (a shared folder) cannot be probed: it holds.
    expect(isStale(holder({ host: 'other-pc' }), probe({ alive: () => false }))).toBe(false);
  });

  it('X-5 a second desk on the same folder is refused while the first holds it, and takes over a stale lock', () => {
    const dir = tempDir('lobby-desk-lock-');
    const first = acquireDataDirLock(dir, { mode: 'desktop', version: '1', startedAt: 1 });
    expect(readLock(dir)).toMatchObject({ pid: process.pid, mode: 'desktop' });
    let refused: unknown = null;
    try {
      acquireDataDirLock(dir, { mode: 'web', version: '1', startedAt: 2 });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DataDirLockedError);
    expect((refused as Error).message).toContain('the desktop app');
    first.release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);

    // A crashed holder: its pid is dead.
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(holder({ pid: 4242, host: systemProbe.host, boot: systemProbe.boot() })));
    const dead = probe({ host: systemProbe.host, boot: systemProbe.boot, alive: (pid) => pid !== 4242, processStart: systemProbe.processStart });
    expect(lockHolder(dir, dead)).toBeNull();
    const next = acquireDataDirLock(dir, { mode: 'web', version: '1', startedAt: 3, probe: dead });
    expect(next.tookOver).toMatchObject({ pid: 4242 });
    expect(readLock(dir)?.nonce).toBe(next.holder.nonce);
    // Only a folder with no stray files left behind.
    expect(fs.readdirSync(dir)).toEqual([LOCK_FILE]);
    next.release();
  });

  it('X-5 a release never removes a lock another desk took over', () => {
    const dir = tempDir('lobby-desk-lock-');
    const mine = acquireDataDirLock(dir, { mode: 'web', version: '1', startedAt: 1 });
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(holder({ nonce: 'someone-else' })));
    mine.release();
    expect(readLock(dir)?.nonce).toBe('someone-else');
  });

  it('X-5 a half-written or empty lock file does not keep the folder locked', () => {
    const dir = tempDir('lobby-desk-lock-');
    fs.writeFileSync(path.join(dir, LOCK_FILE), '{"pid":');
    const lock = acquireDataDirLock(dir, { mode: 'web', version: '1', startedAt: 1 });
    expect(lock.tookOver).toBeNull();
    expect(readLock(dir)?.pid).toBe(process.pid);
    lock.release();
  });

  it('X-5 two `lobby-desk web` on one data folder: the second says so and exits; after the first is killed, a new one starts', async () => {
    const dataDir = tempDir('lobby-desk-lock-web-');
    server = await startWebServer(dataDir);
    const second = spawn(process.execPath, [CLI, 'web', '--port', '0', '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LOBBY_DESK_USER_DIR: path.join(dataDir, 'user-2'), LOBBY_DESK_OPEN_BROWSER: '0' },
    });
    let output = '';
    second.stdout.on('data', (c: Buffer) => (output += c.toString()));
    second.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(output).toContain('already running');
    expect(output).not.toContain('Lobby screen:');

    await server.kill('SIGKILL'); // a crash: the lock stays behind
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(true);
    server = await startWebServer(dataDir);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});
