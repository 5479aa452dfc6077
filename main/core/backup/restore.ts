// Putting a backup back (the `restore` command). The app must be stopped: SQLite itself tells whether another
// process has the database open. The backup is checked first (integrity, audit chain, not from a newer version);
// the database it replaces is kept as a `before-restore` backup; the swap is a rename, so a crash midway leaves
// either the old file or the new one, never half of each.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../store/open';
import { backupDir, checkDatabaseFile, firstProblem, isHealthy, type BackupCheck } from './files';
import { writeBackup } from './index';
import { anchorDatabaseFile, headOfDatabaseFile } from '../audit/anchors';
import type { KeyRing } from '../keyring';

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
}

export async function restoreBackup(options: { dataDir: string; from: string; now: number; latestSchemaVersion: number; keys?: KeyRing | null }): Promise<RestoreResult> {
  const keys = options.keys ?? null;
  const source = resolveBackupFile(options.dataDir, options.from);
  const live = path.join(options.dataDir, DATABASE_FILE);
  if (databaseInUse(live)) throw new RestoreError('Lobby Desk is running on this data dir: close the desk app (and `npm run web`) first.');

  const check = checkDatabaseFile(source, keys);
  if (check.integrity !== 'ok') throw new RestoreError(`The backup is damaged (integrity check: ${check.integrity}); nothing was changed.`);
  if (check.audit.state === 'broken') {
    throw new RestoreError(`The backup's audit trail does not verify (${firstProblem(check.audit)}); nothing was changed.`);
  }
  if (check.schemaVersion > options.latestSchemaVersion) {
    throw new RestoreError(`The backup was made by a newer version of Lobby Desk (schema ${check.schemaVersion}); nothing was changed.`);
  }

  let previous: string | null = null;
  let replaced: { seq: number; link: string } | null = null;
  if (fs.existsSync(live)) {
    const current = new Database(live, { fileMustExist: true });
    try {
      previous = await writeBackup(current, options.dataDir, 'before-restore', options.now, keys);
      const head = headOfDatabaseFile(previous);
      replaced = head ? { seq: head.seq, link: head.link } : null;
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

  const after = checkDatabaseFile(live, keys);
  if (!isHealthy(after)) throw new RestoreError(`The restored database failed its check (${after.integrity}); the replaced one is ${previous ?? 'none'}.`);
  // On record beside the database: from here the trail continues from the restored head; the anchors of what it
  // replaced (kept as the before-restore backup) are superseded, not missing.
  if (keys) anchorDatabaseFile(options.dataDir, keys, live, 'restore', options.now, { replaced, file: path.basename(source) });
  return { restored: source, check: after, previous };
}
