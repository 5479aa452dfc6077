// Moving an installation's data from where an earlier version kept it: consistently copied, checked, keys
// and backups with it, the old folder marked and kept, never moved twice, refused while another desk uses it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrateEarlierData, moveDataDir, planDataMigration, DataMigrationError, MOVED_NOTE } from '../../../main/host/data-migration';
import { acquireDataDirLock } from '../../../main/host/data-lock';
import { DATABASE_FILE } from '../../../main/core/store/open';
import { createDesk, quietLogger, tempDir, as } from '../../support/core';
import { verifyTrail } from '../../../main/core/audit/verify';
import { keyRingOf } from '../../../main/core/keyring';

async function earlierInstallation(): Promise<{ dir: string; staffName: string }> {
  const desk = await createDesk();
  await desk.core.invoke(as(desk.admin.token), 'staff.create', { name: '迁移前的同事', role: 'receptionist', pin: '1357' });
  fs.mkdirSync(path.join(desk.dataDir, 'backups'), { recursive: true });
  fs.writeFileSync(path.join(desk.dataDir, 'backups', 'manual-2026-11-01T00-00-00-000Z.sqlite'), 'a backup');
  desk.close();
  return { dir: desk.dataDir, staffName: '迁移前的同事' };
}

describe('moving data from an earlier folder', () => {
  it('X-2 the plan: move when only an earlier folder has a database, report a leftover when both have one, else nothing', () => {
    const has = (files: string[]) => (file: string) => files.includes(file);
    const db = (dir: string) => path.join(dir, DATABASE_FILE);
    expect(planDataMigration('/new', ['/old'], has([db('/old')]))).toEqual({ action: 'move', from: '/old' });
    expect(planDataMigration('/new', ['/old'], has([db('/old'), db('/new')]))).toEqual({ action: 'leftover', from: '/old' });
    expect(planDataMigration('/new', ['/old'], has([db('/new')]))).toEqual({ action: 'none' });
    expect(planDataMigration('/new', ['/a', '/b'], has([db('/b')]))).toEqual({ action: 'move', from: '/b' });
  });

  it('X-2 the database, the installation key and the backups arrive, checked; the old folder keeps its data, marked as moved', async () => {
    const { dir: from, staffName } = await earlierInstallation();
    const keyBefore = fs.readFileSync(path.join(from, 'keys', 'installation.key'), 'utf8');
    const to = path.join(tempDir('lobby-desk-moved-'), 'data');
    const result = moveDataDir(from, to, Date.UTC(2026, 10, 27));
    expect(result.copied).toEqual(expect.arrayContaining(['keys', 'backups']));

    const db = new Database(path.join(to, DATABASE_FILE), { readonly: true });
    expect((db.prepare('SELECT name FROM staff').all() as Array<{ name: string }>).map((r) => r.name)).toContain(staffName);
    const ring = keyRingOf(Buffer.from(keyBefore.trim(), 'hex'), 'moved key');
    expect(verifyTrail(db, { keys: ring, isCopy: true, scope: 'full' })).toMatchObject({ ok: true, problems: [] });
    db.close();
    expect(fs.readFileSync(path.join(to, 'keys', 'installation.key'), 'utf8')).toBe(keyBefore);
    if (process.platform !== 'win32') expect(fs.statSync(path.join(to, 'keys', 'installation.key')).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(path.join(to, 'backups', 'manual-2026-11-01T00-00-00-000Z.sqlite'), 'utf8')).toBe('a backup');

    expect(fs.existsSync(path.join(from, DATABASE_FILE))).toBe(false);
    expect(fs.existsSync(path.join(from, `${DATABASE_FILE}.moved`))).toBe(true);
    expect(fs.readFileSync(path.join(from, MOVED_NOTE), 'utf8')).toContain(to);
    // A second start sees nothing left to move.
    expect(planDataMigration(to, [from])).toEqual({ action: 'none' });
  });

  it('X-2 only the default folder is filled from earlier ones: a --data-dir or LOBBY_DESK_DATA_DIR is used as given', async () => {
    const { dir: from } = await earlierInstallation();
    const to = path.join(tempDir('lobby-desk-moved-'), 'data');
    expect(migrateEarlierData({ dir: to, source: 'flag' }, quietLogger, 0, [from])).toBeNull();
    expect(migrateEarlierData({ dir: to, source: 'env' }, quietLogger, 0, [from])).toBeNull();
    expect(fs.existsSync(path.join(to, DATABASE_FILE))).toBe(false);
    expect(migrateEarlierData({ dir: to, source: 'machine' }, quietLogger, 0, [from])).toMatchObject({ from, to });
    expect(fs.existsSync(path.join(to, DATABASE_FILE))).toBe(true);
  });

  it('X-2 a folder another desk is running on is not moved, and nothing changes', async () => {
    const { dir: from } = await earlierInstallation();
    const lock = acquireDataDirLock(from, { mode: 'web', version: '0.1.0', startedAt: 0 });
    const to = path.join(tempDir('lobby-desk-moved-'), 'data');
    expect(() => moveDataDir(from, to, 0)).toThrow(DataMigrationError);
    expect(fs.existsSync(path.join(from, DATABASE_FILE))).toBe(true);
    expect(fs.existsSync(path.join(to, DATABASE_FILE))).toBe(false);
    lock.release();
  });

  it('X-2 a damaged database is not moved: the old one stays as it was and the new folder gets no half copy', () => {
    const from = tempDir('lobby-desk-damaged-');
    fs.writeFileSync(path.join(from, DATABASE_FILE), Buffer.alloc(8192, 7));
    const to = path.join(tempDir('lobby-desk-moved-'), 'data');
    expect(() => moveDataDir(from, to, 0)).toThrow();
    expect(fs.existsSync(path.join(from, DATABASE_FILE))).toBe(true);
    expect(fs.existsSync(path.join(to, DATABASE_FILE))).toBe(false);
  });
});
