// Putting a backup back (the `restore` command). The app must be stopped: SQLite itself tells whether another
// process has the database open. The backup is checked first (integrity, audit chain, not from a newer version);
// the database it replaces is kept as a `before-restore` backup; the swap is a rename, so a crash midway leaves
// either the old file or the new one, never half of each.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../store/open';
import { backupDir, checkDatabaseFile, isHealthy, type BackupCheck } from './files';
import { writeBackup } from './index';
import { defaultKeyFile, fileSecretStore } from '../keyring';
import { copyKeyFile, keyFileBeside, recordedKeyFingerprint, storedKeyFingerprint } from '../keyring/binding';

export class RestoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreError';
  }
}

/** Whether another process (the desk app, `npm run web`) has the database open. */
export function databaseInUse(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const db = new Database(file, { fileMustExist: true, timeout: 200 });
  try {
    // An exclusive lock is granted only when no other connection holds the file, in WAL mode too.
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (error) {
    if (error instanceof Error && /locked|busy/i.test(error.message)) return true;
    throw error;
  } finally {
    db.close();
  }
}

/** `--from` may be a path, or the name of a file in the data dir's backups folder. */
export function resolveBackupFile(dataDir: string, from: string): string {
  if (fs.existsSync(from)) return path.resolve(from);
  const inBackups = path.join(backupDir(dataDir), from);
  if (fs.existsSync(inBackups)) return inBackups;
  throw new RestoreError(`No backup file ${from} (looked in the current folder and in ${backupDir(dataDir)})`);
}

function fsyncPath(target: string): void {
  const fd = fs.openSync(target, 'r');
  try {
    fs.fsyncSync(fd);
  } catch {
    /* directories cannot be fsynced on every platform */
  } finally {
    fs.closeSync(fd);
  }
}

export interface RestoreResult {
  restored: string;
  check: BackupCheck;
  /** The database that was replaced, kept as a backup (null when there was none). */
  previous: string | null;
  /** Whether the installation key exported beside the backup was put into the data folder (a new PC). */
  keyPlaced: boolean;
}

export async function restoreBackup(options: { dataDir: string; from: string; now: number; latestSchemaVersion: number }): Promise<RestoreResult> {
  const source = resolveBackupFile(options.dataDir, options.from);
  const live = path.join(options.dataDir, DATABASE_FILE);
  if (databaseInUse(live)) throw new RestoreError('Lobby Desk is running on this data dir: close the desk app (and `npm run web`) first.');

  const check = checkDatabaseFile(source);
  if (check.integrity !== 'ok') throw new RestoreError(`The backup is damaged (integrity check: ${check.integrity}); nothing was changed.`);
  if (!check.audit.ok) {
    throw new RestoreError(`The backup's audit trail does not verify (entry ${check.audit.firstBroken?.seq}: ${check.audit.firstBroken?.reason}); nothing was changed.`);
  }
  if (check.schemaVersion > options.latestSchemaVersion) {
    throw new RestoreError(`The backup was made by a newer version of Lobby Desk (schema ${check.schemaVersion}); nothing was changed.`);
  }

  const keyPlaced = placeKey(options.dataDir, source);

  let previous: string | null = null;
  if (fs.existsSync(live)) {
    const current = new Database(live, { fileMustExist: true });
    try {
      previous = await writeBackup(current, options.dataDir, 'before-restore', options.now);
      current.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      current.close();
    }
  }

  fs.mkdirSync(options.dataDir, { recursive: true });
  const incoming = `${live}.restoring`;
  fs.copyFileSync(source, incoming);
  fsyncPath(incoming);
  // A -wal or -shm left beside the old file belongs to it, not to the restored one.
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${live}${suffix}`, { force: true });
  fs.renameSync(incoming, live);
  fsyncPath(options.dataDir);

  const after = checkDatabaseFile(live);
  if (!isHealthy(after)) throw new RestoreError(`The restored database failed its check (${after.integrity}); the replaced one is ${previous ?? 'none'}.`);
  return { restored: source, check: after, previous, keyPlaced };
}

/**
 * The backup must be readable with the data folder's installation key. A data folder without a key (a new PC)
 * takes the one exported beside the backup (`<backup>.key`) when it is the key the backup was written with.
 * Returns whether a key was put in place.
 */
function placeKey(dataDir: string, source: string): boolean {
  const recorded = recordedKeyFingerprint(source);
  if (recorded === null) return false; // a backup from before the key was recorded: nothing to compare
  const target = defaultKeyFile(dataDir);
  const here = storedKeyFingerprint(fileSecretStore(target));
  if (here === recorded) return false;
  const beside = keyFileBeside(source);
  const besideFingerprint = fs.existsSync(beside) ? storedKeyFingerprint(fileSecretStore(beside)) : null;
  if (here !== null) {
    throw new RestoreError(
      `The backup was written with another installation's key (${recorded}; this data folder's key is ${here}): its watch list could not be checked here. ` +
        `Restore it into a data folder holding that key (${target}); nothing was changed.`,
    );
  }
  if (besideFingerprint !== recorded) {
    throw new RestoreError(
      `The backup needs the installation key it was written with (${recorded}), and ${target} does not exist. ` +
        `Copy the keys folder of the PC it came from into ${dataDir}, or keep the exported ${path.basename(beside)} beside the backup; nothing was changed.`,
    );
  }
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  copyKeyFile(beside, target);
  return true;
}
