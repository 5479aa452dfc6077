// The watch list's ID numbers after migration 0009 (V-6, V-7, X-2): gone from the raw bytes of the database file
// and its -wal — also when the file comes with a -wal a killed process left — and from backups made after it. The
// copy taken before the migration still holds them; it ages out with the daily rotation.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore, DATABASE_FILE } from '../../../main/core/store/open';
import { migrations } from '../../../main/core/store/migrations';
import { migration0009 } from '../../../main/core/store/migrations/0009-watch-list-keyed';
import { FakeClock } from '../../../main/core/clock';
import { defaultKeyFile, fileSecretStore, openKeyRing } from '../../../main/core/keyring';
import { hashPin } from '../../../main/core/auth/secrets';
import { writeBackup } from '../../../main/core/backup';
import { backupDir, listBackups, rotateDailyBackups } from '../../../main/core/store/backup-files';
import { DAY } from '../../../shared/rules/time';
import { tempDir } from '../../support/core';
import { LegacyTx } from '../../support/legacy-trail';

const BEFORE = migrations.indexOf(migration0009);
const S = '01JDSTAFF00000000000000000';
const STAFF = { kind: 'staff' as const, id: S, name: '王主管', deviceId: null };
/** Numbers no other row holds: finding their bytes anywhere means a copy survived. */
const NUMBERS = ['11010519491231002X', 'E98765432'];

function holds(file: string): string[] {
  if (!fs.existsSync(file)) return [];
  const bytes = fs.readFileSync(file);
  return NUMBERS.filter((n) => bytes.includes(Buffer.from(n, 'utf8')));
}

const liveFiles = (dir: string) => ['', '-wal', '-shm'].map((suffix) => path.join(dir, DATABASE_FILE + suffix));

/**
 * A data folder as a killed process of the released version (schema 8) left it: the entries written through the
 * audited path, committed into the -wal, the file never checkpointed or closed.
 */
function killedReleasedFolder(): { dir: string; ring: ReturnType<typeof openKeyRing>['ring'] } {
  const live = tempDir();
  const { ring } = openKeyRing(fileSecretStore(defaultKeyFile(live)));
  const clock = new FakeClock('2026-11-20T09:00:00+08:00');
  const { db } = openStore({ dataDir: live, clock, migrations: migrations.slice(0, BEFORE), keys: ring });
  db.pragma('wal_autocheckpoint = 0');
  db.prepare("INSERT INTO staff (id, name, role, pin_hash, created_at, updated_at) VALUES (?, '王主管', 'supervisor', ?, 1, 1)").run(S, hashPin('8642'));
  db.transaction(() => {
    // The released version's audited path: the trail's first form (migration 0016 keys it later).
    const tx = new LegacyTx(db, { installationId: 'I', actor: STAFF, method: 'visitors.addWatch', at: clock.now() });
    NUMBERS.forEach((number, i) => {
      tx.insert('watch_list', {
        id: `W${i}`,
        name: '',
        name_key: '',
        mobile: '',
        id_number: number,
        reason: '冒用他人证件',
        active: 1,
        created_at: clock.now(),
        created_by: S,
        updated_at: clock.now(),
      });
      tx.update('watch_list', `W${i}`, { reason: '冒用他人证件，已报警', updated_at: clock.now() + 1 });
    });
  }).immediate();
  // The files as they are at this moment, as a kill would leave them (nothing checkpointed: the numbers are in the -wal).
  const dir = tempDir();
  for (const suffix of ['', '-wal']) fs.copyFileSync(path.join(live, DATABASE_FILE + suffix), path.join(dir, DATABASE_FILE + suffix));
  db.close();
  expect(holds(path.join(dir, `${DATABASE_FILE}-wal`))).toEqual(NUMBERS);
  return { dir, ring };
}

describe('the keyed migration in the raw bytes', () => {
  it('V-6 V-7 X-2 after migration 0009 the full ID numbers are absent from the database file, its -wal and a backup made after it; the pre-migration copy ages out with the daily rotation', async () => {
    const { dir, ring } = killedReleasedFolder();
    const clock = new FakeClock('2026-12-01T09:00:00+08:00');
    const opened = openStore({ dataDir: dir, clock, keys: ring });
    const { db } = opened;
    try {
      expect(db.prepare('SELECT id_number_masked FROM watch_list ORDER BY id').pluck().all()).toEqual(['1101**********002X', 'E******32']);
      // While the desk runs, before anything closes the file: nothing in the file, its -wal or -shm.
      for (const file of liveFiles(dir)) expect(holds(file), path.basename(file)).toEqual([]);

      clock.advance(DAY / 24);
      const after = await writeBackup(db, dir, 'daily', clock.now());
      expect(holds(after)).toEqual([]);

      // The copy taken before migrating is the way back if the migration went wrong, so it holds them, until
      // the daily backups kept (here 2) all come after it.
      const pre = opened.preMigrationBackup!;
      expect(holds(pre)).toEqual(NUMBERS);
      expect(rotateDailyBackups(dir, 2)).toEqual([]);
      expect(fs.existsSync(pre)).toBe(true);
      clock.advance(DAY);
      await writeBackup(db, dir, 'daily', clock.now());
      expect(rotateDailyBackups(dir, 2)).toEqual([path.basename(pre)]);
      expect(listBackups(dir).map((b) => b.kind)).toEqual(['daily', 'daily']);
      for (const name of fs.readdirSync(backupDir(dir))) expect(holds(path.join(backupDir(dir), name)), name).toEqual([]);
    } finally {
      db.close();
    }
    for (const file of liveFiles(dir)) expect(holds(file), path.basename(file)).toEqual([]);
  });

  it('V-7 V-6 a file written before secure_delete was on is rebuilt once at open, so what it deleted is gone from its free space; a new file is not', () => {
    const dir = tempDir();
    const clock = new FakeClock('2026-11-20T09:00:00+08:00');
    openStore({ dataDir: dir, clock, migrations: migrations.slice(0, BEFORE) }).db.close();
    // What an earlier version did: deleted content left in place (no secure_delete), and no mark of a rebuild.
    const old = new Database(path.join(dir, DATABASE_FILE));
    old.pragma('secure_delete = OFF');
    old.exec("DELETE FROM meta WHERE key = 'free_space_cleared'; CREATE TABLE scratch (v TEXT)");
    // Far more pages than the migrations still to run could take from the free list and overwrite.
    old.transaction(() => {
      for (let i = 0; i < 20_000; i += 1) old.prepare('INSERT INTO scratch VALUES (?)').run(`${NUMBERS[0]}-${i}`);
    })();
    old.exec('DROP TABLE scratch');
    expect(old.pragma('freelist_count', { simple: true })).toBeGreaterThan(100);
    old.close();
    expect(holds(path.join(dir, DATABASE_FILE))).toEqual([NUMBERS[0]]);

    const { db } = openStore({ dataDir: dir, clock });
    const mark = () => db.prepare("SELECT value FROM meta WHERE key = 'free_space_cleared'").pluck().get();
    expect(mark()).toBe('vacuum');
    for (const file of liveFiles(dir)) expect(holds(file), path.basename(file)).toEqual([]);
    expect(db.pragma('freelist_count', { simple: true })).toBe(0);
    db.close();

    const fresh = openStore({ dataDir: tempDir(), clock }).db;
    expect(fresh.prepare("SELECT value FROM meta WHERE key = 'free_space_cleared'").pluck().get()).toBe('new');
    fresh.close();
  });
});
