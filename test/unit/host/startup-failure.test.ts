// When the desk cannot start: each kind of failure gets a message and what to do, in the PC's language, and
// the window offers to restore the newest good backup where that is the way out.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { classifyStartupFailure, describeStartupFailure, failureActions } from '../../../main/host/startup-failure';
import { newestRestorableBackup } from '../../../main/host/recovery';
import { DataDirLockedError } from '../../../main/host/data-lock';
import { MigrationFailedError, StoreTooNewError, openStore, DATABASE_FILE } from '../../../main/core/store/open';
import { SecretUnreadableError } from '../../../main/core/keyring';
import { DataMigrationError } from '../../../main/host/data-migration';
import { writeBackup } from '../../../main/core/backup';
import { FakeClock } from '../../../main/core/clock';
import { createDesk, tempDir } from '../../support/core';

function thrownBy(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('start failures', () => {
  it('X-5 a newer database, a failed migration, a damaged file, an unreadable key, a locked folder are told apart', () => {
    const newer = tempDir('lobby-desk-newer-');
    const db = new Database(path.join(newer, DATABASE_FILE));
    db.pragma('user_version = 999');
    db.close();
    expect(classifyStartupFailure(thrownBy(() => openStore({ dataDir: newer, clock: new FakeClock() })))).toBe('tooNew');

    const broken = tempDir('lobby-desk-broken-');
    fs.writeFileSync(path.join(broken, DATABASE_FILE), Buffer.alloc(4096, 9));
    expect(classifyStartupFailure(thrownBy(() => openStore({ dataDir: broken, clock: new FakeClock() })))).toBe('corrupt');

    const migrating = tempDir('lobby-desk-migrating-');
    const failing = { version: 1, name: 'broken', up: () => { throw new Error('no such column'); } };
    expect(classifyStartupFailure(thrownBy(() => openStore({ dataDir: migrating, clock: new FakeClock(), migrations: [failing] })))).toBe('migration');

    expect(classifyStartupFailure(new SecretUnreadableError('/d/keys/installation.key', 'EACCES'))).toBe('key');
    expect(classifyStartupFailure(new DataMigrationError('in use'))).toBe('dataMove');
    expect(classifyStartupFailure(Object.assign(new Error('no space'), { code: 'ENOSPC' }))).toBe('folder');
    expect(classifyStartupFailure(new StoreTooNewError(9, 8))).toBe('tooNew');
    expect(classifyStartupFailure(new MigrationFailedError(3, 'x', new Error('y')))).toBe('migration');
    expect(classifyStartupFailure(new Error('?'))).toBe('other');
  });

  it('X-5 the message names what to do, in Chinese or English, with the log folder for support', () => {
    const holder = { pid: 812, boot: 'b', processStart: null, host: 'pc', mode: 'web', version: '1', startedAt: 0, nonce: 'n' };
    const zh = describeStartupFailure(new DataDirLockedError('/d', holder), 'zh-CN', { logs: '/u/logs' });
    expect(zh).toMatchObject({ kind: 'locked', title: '大堂前台无法启动', offerRestore: false });
    expect(zh.message).toContain('npm run web, pid 812');
    expect(zh.advice).toContain('/u/logs');
    const en = describeStartupFailure(new StoreTooNewError(9, 8), 'en', { logs: '/u/logs' });
    expect(en).toMatchObject({ kind: 'tooNew', title: 'Lobby Desk cannot start', offerRestore: true });
    expect(en.advice).toMatch(/Install the newer version, or restore a backup/);
    expect(en.detail).toMatch(/^StoreTooNewError: /);
  });

  it('X-5 the window offers to restore only when that is the way out and a good backup exists', () => {
    const corrupt = describeStartupFailure(Object.assign(new Error('file is not a database'), { code: 'SQLITE_NOTADB' }), 'zh-CN', { logs: '/l' });
    expect(failureActions(corrupt, 'zh-CN', 'daily-x.sqlite', true).map((a) => a.action)).toEqual(['restore', 'openData', 'openLogs', 'quit']);
    expect(failureActions(corrupt, 'zh-CN', 'daily-x.sqlite', true)[0]!.label).toContain('daily-x.sqlite');
    expect(failureActions(corrupt, 'en', null, true).map((a) => a.action)).toEqual(['openData', 'openLogs', 'quit']);
    const locked = describeStartupFailure(new DataDirLockedError('/d', { pid: 1, boot: 'b', processStart: null, host: 'h', mode: 'desktop', version: '1', startedAt: 0, nonce: 'n' }), 'en', { logs: '/l' });
    expect(failureActions(locked, 'en', 'daily-x.sqlite', true).map((a) => a.action)).toEqual(['openData', 'openLogs', 'quit']);
  });

  it('X-2 the newest backup offered is the newest one that passes its checks, skipping a damaged one', async () => {
    const desk = await createDesk();
    const good = await writeBackup(desk.core.db, desk.dataDir, 'daily', Date.UTC(2026, 10, 1));
    const newerButBroken = await writeBackup(desk.core.db, desk.dataDir, 'daily', Date.UTC(2026, 10, 2));
    fs.writeFileSync(newerButBroken, Buffer.alloc(4096, 3));
    expect(newestRestorableBackup(desk.dataDir)).toBe(path.basename(good));
    expect(newestRestorableBackup(tempDir('lobby-desk-none-'))).toBeNull();
    desk.close();
  });
});
