// Backups and restores on a bad day: a backup of a large database does not hold the desk; a kill during the
// copy before a migration leaves nothing under a backup's name; copies leave no -wal/-shm/.tmp behind and what a
// killed one left is swept; restore works exactly when it is needed — over a damaged file, or one that is not a
// database at all — keeping what it replaces byte for byte.
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createDesk, openCore, tempDir, type TestDesk } from '../../support/core';
import { startTestServer, type TestServer } from '../../support/http';
import { CLI, startWebServer } from '../../support/web-server';
import { FakeClock } from '../../../main/core/clock';
import { dailyBackupInProgress, DAY_MS, writeBackup } from '../../../main/core/backup';
import { backupDir, checkDatabaseFile, isHealthy, listBackups } from '../../../main/core/store/backup-files';
import { restoreBackup } from '../../../main/core/backup/restore';
import { DATABASE_FILE, openStore, StoreUnreadableError } from '../../../main/core/store/open';
import { migrations, LATEST_SCHEMA_VERSION } from '../../../main/core/store/migrations';

let desk: TestDesk | undefined;
let http: TestServer | undefined;
afterEach(async () => {
  await http?.close();
  http = undefined;
  desk?.close();
  desk = undefined;
});

/** Makes the database `mb` MB larger with rows of an indexed table (checking it is real work, as on a full desk). */
/** Bulk written behind the app: no `id` column, so the trail's reconciliation (every table with an id) leaves it be. */
function ballast(db: Database.Database, mb: number): void {
  db.exec('CREATE TABLE IF NOT EXISTS test_ballast (n INTEGER PRIMARY KEY, k TEXT UNIQUE, v BLOB)');
  const insert = db.prepare('INSERT INTO test_ballast (k, v) VALUES (?, randomblob(1000))');
  const rows = mb * 1000;
  db.transaction(() => {
    for (let i = 0; i < rows; i += 1) insert.run(`k-${i}-${(i * 2654435761) % 1000003}`);
  })();
}

const restore = (dataDir: string, from: string, now: number) => restoreBackup({ dataDir, from, now, latestSchemaVersion: LATEST_SCHEMA_VERSION });

describe('backups on a bad day', () => {
  it('X-2 a request is answered while a backup of a database of a few hundred MB runs: the request completes before the backup does', async () => {
    desk = await createDesk();
    ballast(desk.core.db, 300);
    expect(fs.statSync(path.join(desk.dataDir, DATABASE_FILE)).size).toBeGreaterThan(300 * 1024 * 1024);
    http = await startTestServer(desk.core);
    const order: string[] = [];
    const backup = writeBackup(desk.core.db, desk.dataDir, 'manual', desk.clock.now()).then((file) => {
      order.push('backup');
      return file;
    });
    // Requests one after another, over HTTP, for as long as the backup runs.
    let answered = 0;
    while (!order.includes('backup')) {
      const status = await http.call('backup.settings', {}, { token: desk.admin.token });
      expect(status.status).toBe(200);
      if (!order.includes('backup')) {
        answered += 1;
        order.push('request');
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const file = await backup;
    expect(order[0]).toBe('request');
    expect(answered).toBeGreaterThan(3);
    expect(isHealthy(checkDatabaseFile(file))).toBe(true);
  }, 120_000);

  it('X-2 a kill during the copy before a migration leaves no file under a backup’s name; the next start makes a good one and sweeps the leftover', async () => {
    const dataDir = tempDir('lobby-desk-premigration-kill-');
    const clock = new FakeClock();
    const old = openStore({ dataDir, clock, migrations: migrations.slice(0, LATEST_SCHEMA_VERSION - 1) });
    ballast(old.db, 250);
    old.db.close();

    const child = spawn(process.execPath, [CLI, 'web', '--port', '0', '--data-dir', dataDir], { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // Killed as soon as the copy is under way.
    let sawPartial = false;
    for (let i = 0; i < 3000 && !sawPartial; i += 1) {
      sawPartial = fs.existsSync(backupDir(dataDir)) && fs.readdirSync(backupDir(dataDir)).some((n) => n.endsWith('.tmp'));
      if (!sawPartial) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    child.kill('SIGKILL');
    await exited;
    expect(sawPartial).toBe(true);
    expect(listBackups(dataDir)).toEqual([]);
    // The database was not migrated either: the copy comes first.
    const raw = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION - 1);
    raw.close();

    const server = await startWebServer(dataDir);
    await server.stop();
    const backups = listBackups(dataDir);
    expect(backups.map((b) => b.kind)).toEqual(['pre-migration']);
    expect(checkDatabaseFile(path.join(backupDir(dataDir), backups[0]!.file))).toMatchObject({ integrity: 'ok', schemaVersion: LATEST_SCHEMA_VERSION - 1 });
    expect(fs.readdirSync(backupDir(dataDir))).toEqual([backups[0]!.file]);
  }, 120_000);

  it('X-2 backups leave no -wal, -shm or .tmp beside them, and what interrupted copies left is removed at the next daily backup', async () => {
    desk = await createDesk();
    const dir = backupDir(desk.dataDir);
    fs.mkdirSync(dir, { recursive: true });
    const leftovers = [
      'daily-2026-11-20T02-00-00-000Z.sqlite.999999999.tmp', // a process that is gone
      'daily-2026-11-20T02-00-00-000Z.sqlite.999999999.tmp-journal',
      'daily-2026-11-19T02-00-00-000Z.sqlite.tmp', // an older version's partial
      'daily-2026-11-19T02-00-00-000Z.sqlite.tmp-wal',
      'daily-2026-11-19T02-00-00-000Z.sqlite.tmp-shm',
    ];
    for (const name of leftovers) fs.writeFileSync(path.join(dir, name), 'x'.repeat(1000));
    const manual = await writeBackup(desk.core.db, desk.dataDir, 'manual', desk.clock.now());
    // Opened and checked again (as restore and the admin screen do): nothing appears beside it.
    expect(isHealthy(checkDatabaseFile(manual))).toBe(true);
    fs.writeFileSync(`${manual}-shm`, ''); // what an older version's read-only check left
    desk.clock.advance(DAY_MS);
    desk.core.runDueJobs();
    const daily = await dailyBackupInProgress(desk.core.db);
    expect(daily).not.toBeNull();
    expect(fs.readdirSync(dir).sort()).toEqual([path.basename(daily!), path.basename(manual)].sort());
  });

  it('X-2 closing the app stops a daily backup under way: nothing is left under a backup’s name or half-written', async () => {
    desk = await createDesk();
    ballast(desk.core.db, 50);
    desk.clock.advance(DAY_MS);
    desk.core.runDueJobs();
    const running = dailyBackupInProgress(desk.core.db);
    await new Promise((resolve) => setTimeout(resolve, 20));
    desk.close();
    expect(await running).toBeNull();
    expect(fs.existsSync(backupDir(desk.dataDir)) ? fs.readdirSync(backupDir(desk.dataDir)) : []).toEqual([]);
  });

  it('X-2 restore succeeds over a live database with bad pages, keeping the damaged file byte for byte', async () => {
    desk = await createDesk();
    const good = await writeBackup(desk.core.db, desk.dataDir, 'manual', desk.clock.now());
    ballast(desk.core.db, 2);
    desk.close();
    const live = path.join(desk.dataDir, DATABASE_FILE);
    const bytes = fs.readFileSync(live);
    bytes.fill(0x5a, 20 * 4096, 24 * 4096); // bad pages in the middle of the file
    fs.writeFileSync(live, bytes);
    expect(checkDatabaseFile(live).integrity).not.toBe('ok');

    const result = await restore(desk.dataDir, good, desk.clock.now() + 60_000);
    expect(result.previousState).toBe('database');
    expect(fs.readFileSync(result.previous!).equals(bytes)).toBe(true);
    expect(checkDatabaseFile(live, desk.core.keys)).toMatchObject({ integrity: 'ok', audit: { ok: true } });
    const core = openCore(desk.dataDir, desk.clock);
    expect(core.db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'test_ballast'").get()).toEqual({ n: 0 });
    core.close();
  });

  it('X-2 restore succeeds over a file that is not a database; the commands say what happened and what to do', async () => {
    desk = await createDesk();
    const good = await writeBackup(desk.core.db, desk.dataDir, 'manual', desk.clock.now());
    desk.close();
    const live = path.join(desk.dataDir, DATABASE_FILE);
    const garbage = Buffer.from('this is a spreadsheet someone saved over the database\n'.repeat(200));
    fs.writeFileSync(live, garbage);
    fs.writeFileSync(`${live}.restoring`, 'left by a restore that was killed');

    // Starting the desk on it says why it cannot, and what to do.
    expect(() => openCore(desk!.dataDir, desk!.clock)).toThrow(StoreUnreadableError);
    expect(() => openCore(desk!.dataDir, desk!.clock)).toThrow(/npm run restore/);

    const cli = spawnSync(process.execPath, [CLI, 'restore', '--data-dir', desk.dataDir, '--from', path.basename(good)], { encoding: 'utf8' });
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/the file it replaced was not a database; it is kept as it was in .*before-restore-.*\.sqlite/);
    expect(cli.stdout).toMatch(/once they are right, that kept copy may be deleted/);
    const kept = listBackups(desk.dataDir).find((b) => b.kind === 'before-restore')!;
    expect(fs.readFileSync(path.join(backupDir(desk.dataDir), kept.file)).equals(garbage)).toBe(true);
    expect(fs.existsSync(`${live}.restoring`)).toBe(false);
    expect(checkDatabaseFile(live, desk.core.keys)).toMatchObject({ integrity: 'ok', audit: { ok: true } });
    const verify = spawnSync(process.execPath, [CLI, 'audit:verify', '--data-dir', desk.dataDir], { encoding: 'utf8' });
    expect(verify.stdout).toMatch(/^OK/);
  });
});
