// Backups: the daily online backup and its rotation, the one before a migration, restoring one, and the
// `backup` / `restore` commands.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createDesk, openCore, as, tempDir, type TestDesk } from '../../support/core';
import { FakeClock } from '../../../main/core/clock';
import { dailyBackupInProgress, DAY_MS, RETRY_MS } from '../../../main/core/backup';
import { backupDir, checkDatabaseFile, listBackups, parseBackupFileName, backupFileName } from '../../../main/core/store/backup-files';
import { restoreBackup, RestoreError, databaseInUse } from '../../../main/core/backup/restore';
import { openStore, DATABASE_FILE } from '../../../main/core/store/open';
import { migrations, LATEST_SCHEMA_VERSION } from '../../../main/core/store/migrations';
import { verifyTrail } from '../../../main/core/audit/verify';
import { CLI, startWebServer } from '../../support/web-server';

async function runDailyBackup(desk: TestDesk): Promise<string | null> {
  desk.core.runDueJobs();
  return (await dailyBackupInProgress(desk.core.db)) ?? null;
}

/** Signs the administrator in afresh (days pass in these tests, sessions do not last that long). */
async function admin(desk: TestDesk): Promise<ReturnType<typeof as>> {
  const session = await desk.core.invoke({ origin: 'loopback' }, 'auth.signIn', { userId: desk.admin.id, pin: desk.admin.pin });
  return as(session.token);
}

async function addPerson(desk: TestDesk, name: string): Promise<void> {
  await desk.core.invoke(await admin(desk), 'staff.create', { name, role: 'receptionist', pin: '1357', department: null });
}

describe('backups', () => {
  it('X-2 names carry the kind and the time, so the schedule is derived from the files', () => {
    const at = Date.parse('2026-11-27T02:00:00.123Z');
    expect(backupFileName('daily', at)).toBe('daily-2026-11-27T02-00-00-123Z.sqlite');
    expect(parseBackupFileName(backupFileName('daily', at))).toEqual({ kind: 'daily', at });
    expect(parseBackupFileName(backupFileName('pre-migration', at, 'v1-to-v2'))).toEqual({ kind: 'pre-migration', at });
    expect(parseBackupFileName('daily-2026-11-27T02-00-00-123Z.sqlite.tmp')).toBeNull();
    expect(parseBackupFileName('notes.txt')).toBeNull();
  });

  it('X-2 the daily backup runs a day after the last one, online and checked; rotation keeps the newest N (a setting)', async () => {
    const desk = await createDesk();
    expect(await runDailyBackup(desk)).toBeNull(); // not due on the first day
    const settings = await desk.core.invoke(as(desk.admin.token), 'backup.updateSettings', { keepDaily: 3 });
    expect(settings).toEqual({ keepDaily: 3 });
    const written: string[] = [];
    for (let day = 1; day <= 5; day += 1) {
      await addPerson(desk, `第${day}天`);
      desk.clock.advance(DAY_MS);
      const file = await runDailyBackup(desk);
      expect(file, `day ${day}`).not.toBeNull();
      written.push(path.basename(file!));
      // A copy of the live database at that moment: that day's person is in it.
      const copy = new Database(file!, { readonly: true });
      expect(copy.prepare('SELECT name FROM staff WHERE name = ?').get(`第${day}天`)).toEqual({ name: `第${day}天` });
      copy.close();
      expect(await runDailyBackup(desk), `day ${day}, run again`).toBeNull(); // idempotent: not due again today
    }
    const listed = await desk.core.invoke(await admin(desk), 'backup.list', {});
    expect(listed.backups.filter((b) => b.kind === 'daily').map((b) => b.file)).toEqual(written.slice(-3).reverse());
    expect(listed.nextDailyAt).toBe(desk.clock.now() + DAY_MS);
    expect(listed.directory).toBe(backupDir(desk.dataDir));
    expect(listed.lastFailure).toBeNull();
    for (const b of listed.backups) expect(checkDatabaseFile(path.join(backupDir(desk.dataDir), b.file), desk.core.keys)).toMatchObject({ integrity: 'ok', audit: { ok: true } });
    expect((await desk.core.invoke(await admin(desk), 'backup.settings', {})).keepDaily).toBe(3);
    desk.close();
  });

  it('X-2 the default keeps 14 daily backups; the setting is admin-only and validated', async () => {
    const desk = await createDesk();
    expect(await desk.core.invoke(as(desk.admin.token), 'backup.settings', {})).toEqual({ keepDaily: 14 });
    const lee = await desk.person('receptionist');
    await expect(desk.core.invoke(as(lee.token), 'backup.list', {})).rejects.toMatchObject({ code: 'forbidden' });
    await expect(desk.core.invoke(as(desk.admin.token), 'backup.updateSettings', { keepDaily: 0 })).rejects.toMatchObject({ code: 'validation_failed' });
    desk.close();
  });

  it('X-2 a failed daily backup is reported and tried again an hour later', async () => {
    const desk = await createDesk();
    fs.writeFileSync(backupDir(desk.dataDir), 'in the way'); // a file where the folder should be
    desk.clock.advance(DAY_MS);
    expect(await runDailyBackup(desk)).toBeNull();
    const failed = await desk.core.invoke(await admin(desk), 'backup.list', {});
    expect(failed.lastFailure).toMatch(/\S/);
    expect(failed.nextDailyAt).toBe(desk.clock.now() + RETRY_MS);
    fs.rmSync(backupDir(desk.dataDir));
    desk.clock.advance(RETRY_MS);
    expect(await runDailyBackup(desk)).not.toBeNull();
    expect((await desk.core.invoke(await admin(desk), 'backup.list', {})).lastFailure).toBeNull();
    desk.close();
  });

  it('X-2 closing the app during a daily backup leaves no half-written file and no unhandled error', async () => {
    const desk = await createDesk();
    desk.clock.advance(DAY_MS);
    desk.core.runDueJobs();
    const running = dailyBackupInProgress(desk.core.db);
    expect(running).not.toBeNull();
    desk.close();
    expect(await running).toBeNull();
    expect(fs.existsSync(backupDir(desk.dataDir)) ? fs.readdirSync(backupDir(desk.dataDir)) : []).toEqual([]);
  });

  it('X-2 a backup is taken before every migration, into the same folder, listed with the others', () => {
    const dir = tempDir();
    const clock = new FakeClock();
    openStore({ dataDir: dir, clock, migrations: migrations.slice(0, 1) }).db.close();
    const reopened = openStore({ dataDir: dir, clock, migrations: migrations.slice(0, 2) });
    reopened.db.close();
    expect(listBackups(dir)).toEqual([expect.objectContaining({ kind: 'pre-migration', at: clock.now(), file: path.basename(reopened.preMigrationBackup!) })]);
  });

  it('X-2 restoring a backup brings that state back: integrity ok, audit chain verifies, the replaced database is kept', async () => {
    const desk = await createDesk();
    await addPerson(desk, '备份前入职');
    desk.clock.advance(DAY_MS);
    const backup = await runDailyBackup(desk);
    await addPerson(desk, '备份后入职');
    desk.close();

    const result = await restoreBackup({ dataDir: desk.dataDir, from: path.basename(backup!), now: desk.clock.now(), latestSchemaVersion: LATEST_SCHEMA_VERSION });
    expect(result.check).toMatchObject({ integrity: 'ok', audit: { ok: true } });

    const core = openCore(desk.dataDir, desk.clock);
    const names = (core.db.prepare('SELECT name FROM staff').all() as Array<{ name: string }>).map((r) => r.name);
    expect(names).toContain('备份前入职');
    expect(names).not.toContain('备份后入职');
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(verifyTrail(core.db, { keys: core.keys, dataDir: desk.dataDir })).toMatchObject({ ok: true, problems: [] });
    // The app keeps working on the restored store, and its chain goes on from the restored head.
    const session = await core.invoke({ origin: 'loopback' }, 'auth.signIn', { userId: desk.admin.id, pin: desk.admin.pin });
    await core.invoke(as(session.token), 'staff.create', { name: '恢复后入职', role: 'receptionist', pin: '1357', department: null });
    expect(verifyTrail(core.db, { keys: core.keys, dataDir: desk.dataDir })).toMatchObject({ ok: true, problems: [] });
    core.close();

    // What was replaced is not lost.
    const previous = new Database(result.previous!, { readonly: true });
    expect(previous.prepare("SELECT name FROM staff WHERE name = '备份后入职'").get()).toEqual({ name: '备份后入职' });
    previous.close();
    expect(parseBackupFileName(path.basename(result.previous!))?.kind).toBe('before-restore');
  });

  it('X-2 restore refuses — changing nothing — while the app has the database open, and for a damaged, tampered or newer backup', async () => {
    const desk = await createDesk();
    desk.clock.advance(DAY_MS);
    const good = (await runDailyBackup(desk))!;
    const live = path.join(desk.dataDir, DATABASE_FILE);
    const restore = (from: string) => restoreBackup({ dataDir: desk.dataDir, from, now: desk.clock.now(), latestSchemaVersion: LATEST_SCHEMA_VERSION });

    expect(databaseInUse(live)).toBe(true);
    await expect(restore(good)).rejects.toThrow(/running/);
    desk.close();
    expect(databaseInUse(live)).toBe(false);
    const before = fs.readFileSync(live);

    const tampered = path.join(tempDir(), 'tampered.sqlite');
    fs.copyFileSync(good, tampered);
    const t = new Database(tampered);
    t.exec('DROP TRIGGER audit_log_redact_only');
    t.exec('UPDATE audit_log SET at = at + 1 WHERE seq = 1');
    t.close();
    await expect(restore(tampered)).rejects.toThrow(RestoreError);

    const newer = path.join(tempDir(), 'newer.sqlite');
    fs.copyFileSync(good, newer);
    const n = new Database(newer);
    n.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    n.close();
    await expect(restore(newer)).rejects.toThrow(/newer version/);

    const damaged = path.join(tempDir(), 'damaged.sqlite');
    const bytes = fs.readFileSync(good);
    bytes.fill(0x5a, 4096, 8192); // scribble over a page
    fs.writeFileSync(damaged, bytes);
    await expect(restore(damaged)).rejects.toThrow(RestoreError);

    await expect(restore('no-such-backup.sqlite')).rejects.toThrow(/No backup file/);
    expect(fs.readFileSync(live).equals(before)).toBe(true);
    expect(listBackups(desk.dataDir).map((b) => b.kind)).toEqual(['daily']);
  });

  it('X-2 `lobby-desk backup` writes a checked backup while the server runs; `lobby-desk restore` refuses while it runs and restores once stopped', async () => {
    const dataDir = tempDir('lobby-desk-backup-cli-');
    const server = await startWebServer(dataDir);
    const call = (await import('../../support/web-server')).httpClient(server.url);
    const init = await call<{ adminId: string }>('setup.initialize', { building: { name: '华信大厦', postName: '前台' }, admin: { name: '管理员', pin: '246810' } });
    expect(init.status).toBe(200);
    const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args, '--data-dir', dataDir], { encoding: 'utf8' });

    const backup = cli('backup');
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/Backup written: .*manual-.*\.sqlite/);
    expect(backup.stdout).toMatch(/integrity ok, \d+ audit entries verified/);
    const file = listBackups(dataDir).find((b) => b.kind === 'manual')!.file;

    const signIn = await call<{ token: string }>('auth.signIn', { userId: init.body.adminId, pin: '246810' });
    await call('staff.create', { name: '备份后入职', role: 'receptionist', pin: '1357' }, { token: signIn.body.token });

    const refused = cli('restore', '--from', file);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/running/);
    await server.stop();

    const restored = cli('restore', '--from', file);
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/Restored .* integrity ok|integrity ok/s);
    const verify = spawnSync(process.execPath, [CLI, 'audit:verify', '--data-dir', dataDir], { encoding: 'utf8' });
    expect(verify.stdout).toMatch(/^OK/);
    const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
    expect(db.prepare("SELECT COUNT(*) AS n FROM staff WHERE name = '备份后入职'").get()).toEqual({ n: 0 });
    db.close();
    const usage = spawnSync(process.execPath, [CLI, 'restore', '--data-dir', dataDir], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
  });
});
