// A database and its installation key belong together (X-2, V-6): the desk refuses a database whose key is missing
// or another's instead of making a new key (the watch list would silently stop matching); restoring on a new PC
// takes the key exported beside the backup; a backup written with another installation's key is refused.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDesk, openCore, tempDir } from '../../support/core';
import { FakeClock } from '../../../main/core/clock';
import { writeBackup } from '../../../main/core/backup';
import { restoreBackup, RestoreError } from '../../../main/core/backup/restore';
import { LATEST_SCHEMA_VERSION } from '../../../main/core/store/migrations';
import { DATABASE_FILE } from '../../../main/core/store/open';
import { defaultKeyFile, SecretUnreadableError } from '../../../main/core/keyring';
import { InstallationKeyMismatchError, InstallationKeyMissingError, KEY_FINGERPRINT_META, keyFileBeside, recordedKeyFingerprint } from '../../../main/core/keyring/binding';
import { classifyStartupFailure, describeStartupFailure } from '../../../main/host/startup-failure';

function recordedFingerprints(dataDir: string, clock: FakeClock): string[] {
  const core = openCore(dataDir, clock);
  try {
    return (core.db.prepare('SELECT value FROM meta WHERE key = ?').all(KEY_FINGERPRINT_META) as Array<{ value: string }>).map((r) => r.value);
  } finally {
    core.close();
  }
}

describe('the installation key and its database', () => {
  it('X-2 V-6 a database records its key’s fingerprint; without that key file the desk refuses to start and makes no new key', async () => {
    const desk = await createDesk();
    const fingerprint = desk.core.keys.fingerprint;
    desk.close();
    expect(recordedKeyFingerprint(path.join(desk.dataDir, DATABASE_FILE))).toBe(fingerprint);
    expect(recordedFingerprints(desk.dataDir, desk.clock)).toEqual([fingerprint]); // reopening with the same key works

    const keyFile = defaultKeyFile(desk.dataDir);
    const saved = fs.readFileSync(keyFile);
    fs.rmSync(keyFile);
    expect(() => openCore(desk.dataDir, desk.clock)).toThrow(InstallationKeyMissingError);
    expect(fs.existsSync(keyFile)).toBe(false);

    // Another installation's key in its place is refused too.
    fs.writeFileSync(keyFile, 'ab'.repeat(32) + '\n', { mode: 0o600 });
    let error: unknown;
    try {
      openCore(desk.dataDir, desk.clock);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InstallationKeyMismatchError);
    expect(error).toBeInstanceOf(SecretUnreadableError);
    // The start-failure window says what to do, in both languages.
    expect(classifyStartupFailure(error)).toBe('key');
    expect(describeStartupFailure(error, 'en', { logs: '/logs' }).advice).toMatch(/keys folder of the PC the data came from/);
    expect(describeStartupFailure(error, 'zh-CN', { logs: '/logs' }).advice).toMatch(/keys 文件夹/);

    fs.writeFileSync(keyFile, saved);
    openCore(desk.dataDir, desk.clock).close();
  });

  it('X-2 V-6 moving to a new PC: restore into an empty data folder takes the key exported beside the backup, and the desk opens on it', async () => {
    const desk = await createDesk();
    const fingerprint = desk.core.keys.fingerprint;
    const stick = tempDir('lobby-desk-stick-');
    const backup = await writeBackup(desk.core.db, desk.dataDir, 'manual', desk.clock.now());
    desk.close();
    const onStick = path.join(stick, path.basename(backup));
    fs.copyFileSync(backup, onStick);

    const newPc = tempDir('lobby-desk-new-pc-');
    // Without the key beside it, nothing is changed and the message says what is missing.
    await expect(restoreBackup({ dataDir: newPc, from: onStick, now: desk.clock.now(), latestSchemaVersion: LATEST_SCHEMA_VERSION })).rejects.toThrow(/needs the installation key/);
    expect(fs.readdirSync(newPc)).toEqual([]);

    fs.copyFileSync(defaultKeyFile(desk.dataDir), keyFileBeside(onStick));
    const result = await restoreBackup({ dataDir: newPc, from: onStick, now: desk.clock.now(), latestSchemaVersion: LATEST_SCHEMA_VERSION });
    expect(result.keyPlaced).toBe(true);
    if (process.platform !== 'win32') expect(fs.statSync(defaultKeyFile(newPc)).mode & 0o077).toBe(0);
    const core = openCore(newPc, desk.clock);
    expect(core.keys.fingerprint).toBe(fingerprint);
    expect((core.db.prepare('SELECT name FROM staff').all() as Array<{ name: string }>).map((r) => r.name)).toContain('管理员');
    core.close();
  });

  it('X-2 V-6 `restore` refuses a backup written with another installation’s key and changes nothing (the admin screen: test/contract/installation.test.ts)', async () => {
    const other = await createDesk();
    const foreign = await writeBackup(other.core.db, other.dataDir, 'manual', other.clock.now());
    other.close();
    const desk = await createDesk();
    const copy = path.join(desk.dataDir, 'backups', path.basename(foreign));
    fs.mkdirSync(path.dirname(copy), { recursive: true });
    fs.copyFileSync(foreign, copy);
    desk.close();
    const live = fs.readFileSync(path.join(desk.dataDir, DATABASE_FILE));
    await expect(restoreBackup({ dataDir: desk.dataDir, from: copy, now: desk.clock.now(), latestSchemaVersion: LATEST_SCHEMA_VERSION })).rejects.toThrow(RestoreError);
    await expect(restoreBackup({ dataDir: desk.dataDir, from: copy, now: desk.clock.now(), latestSchemaVersion: LATEST_SCHEMA_VERSION })).rejects.toThrow(/another installation's key/);
    expect(fs.readFileSync(path.join(desk.dataDir, DATABASE_FILE)).equals(live)).toBe(true);
  });
});
