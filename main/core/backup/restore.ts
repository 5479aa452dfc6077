// Putting a backup back (the `restore` command). The app must be stopped: SQLite itself tells whether another
// process has the database open. The backup is checked first (integrity, audit chain, not from a newer version);
// the database it replaces is kept byte for byte as a `before-restore` backup — also, and above all, when it is
// damaged or not a database at all, which is when a restore is needed; the swap is a rename, so a crash midway
// leaves either the old file or the new one, never half of each.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../store/open';
import { defaultKeyFile, derivedKeysOf, fileSecretStore, keyRingOf, type KeyRing, type SecretStore } from '../keyring';
import { copyKeyFile, keyFileBeside, recordedKeyFingerprint, storedKeyFingerprint } from '../keyring/binding';
import { backupDir, backupFileName, checkDatabaseFile, firstProblem, isHealthy, type BackupCheck } from '../store/backup-files';
import { copyAndCheck, fsyncPath } from '../store/backup-copy';
import { anchorDatabaseFile, headOfDatabaseFile } from '../audit/anchors';

export class RestoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreError';
  }
}

/** SQLite's answer for a file that is not a database, or one damaged past reading its header. */
function unreadableFile(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || /not a database|malformed/i.test(error instanceof Error ? error.message : '');
}

/**
 * Whether another process (the desk app, `npm run web`) has the database open. A file SQLite cannot read as a
 * database at all is not open in a running desk (the app cannot start on it).
 */
export function databaseInUse(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true, timeout: 200 });
  } catch (error) {
    if (unreadableFile(error)) return false;
    throw error;
  }
  try {
    // An exclusive lock is granted only when no other connection holds the file, in WAL mode too.
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (error) {
    if (error instanceof Error && /locked|busy/i.test(error.message)) return true;
    if (unreadableFile(error)) return false;
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

/** What the replaced database looked like from its first bytes (it is kept unchecked). */
export type PreviousState = 'database' | 'notDatabase';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function looksLikeDatabase(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    // An empty file is an empty database to SQLite.
    return read === 0 || (read === head.length && head.equals(SQLITE_HEADER));
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Keeps the live database as it is — its bytes, and its -wal (the last transactions) beside the copy — without
 * opening it: a damaged file or one that is not a database is kept just the same. Returns the copy's path.
 */
export function keepAsItIs(live: string, dataDir: string, now: number): string {
  const dir = backupDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const kept = path.join(dir, backupFileName('before-restore', now));
  const wal = `${live}-wal`;
  const copies: Array<[string, string]> = [[live, kept]];
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0) copies.push([wal, `${kept}-wal`]);
  for (const [from, to] of copies) {
    const partial = `${to}.${process.pid}.tmp`;
    fs.copyFileSync(from, partial);
    fsyncPath(partial);
    fs.renameSync(partial, to);
  }
  fsyncPath(dir);
  return kept;
}

export interface RestoreResult {
  restored: string;
  check: BackupCheck;
  /** The database that was replaced, kept byte for byte as a backup (null when there was none). */
  previous: string | null;
  /** Whether the installation key exported beside the backup was put into the data folder (a new PC). */
  keyPlaced: boolean;
  previousState: PreviousState | null;
}

export interface RestoreOptions {
  dataDir: string;
  from: string;
  now: number;
  latestSchemaVersion: number;
  /**
   * Where the desk that will open the restored file keeps its installation key (the desktop: OS-protected storage);
   * by default the data folder's key file. The backup is checked under that key, or under the key exported beside
   * it when the data folder has none (a new PC).
   */
  secrets?: SecretStore;
}

export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const source = resolveBackupFile(options.dataDir, options.from);
  const live = path.join(options.dataDir, DATABASE_FILE);
  const incoming = `${live}.restoring`;
  if (databaseInUse(live)) throw new RestoreError('Lobby Desk is running on this data dir: close the desk app (and `npm run web`) first.');
  // What a restore killed midway left: the swap never happened, so it is nobody's file.
  fs.rmSync(incoming, { force: true });

  // Which key the restored file goes with: refused here, before anything changes, when it is not at hand.
  const key = keyFor(options.dataDir, source, options.secrets ?? fileSecretStore(defaultKeyFile(options.dataDir)));
  const keys = key.ring;
  const check = checkDatabaseFile(source, keys);
  if (check.integrity !== 'ok') throw new RestoreError(`The backup is damaged (integrity check: ${check.integrity}); nothing was changed. Choose another backup.`);
  if (check.audit.state === 'broken') {
    throw new RestoreError(`The backup's audit trail does not verify (${firstProblem(check.audit)}); nothing was changed. Choose another backup.`);
  }
  if (check.schemaVersion > options.latestSchemaVersion) {
    throw new RestoreError(`The backup was made by a newer version of Lobby Desk (schema ${check.schemaVersion}); nothing was changed. Install that version to restore it.`);
  }

  key.place?.();
  const keyPlaced = key.place !== null;

  let previous: string | null = null;
  let previousState: PreviousState | null = null;
  let replaced: { seq: number; link: string } | null = null;
  if (fs.existsSync(live)) {
    previousState = looksLikeDatabase(live) ? 'database' : 'notDatabase';
    previous = keepAsItIs(live, options.dataDir, options.now);
    // Where the replaced trail stood, read from the kept file (its -wal kept beside it): its anchors are superseded.
    if (previousState === 'database') replaced = replacedHead(previous);
  }

  fs.mkdirSync(options.dataDir, { recursive: true });
  // A single-file, consistent copy of the backup made by SQLite (it includes a -wal kept beside the backup).
  const copied = copyAndCheck({ source, target: incoming, check: 'full', keys: keys ? derivedKeysOf(keys) : null });
  if (!isHealthy(copied)) {
    fs.rmSync(incoming, { force: true });
    throw new RestoreError(`Copying the backup failed its check (${copied.integrity}); nothing was changed.`);
  }
  // A -wal or -shm left beside the old file belongs to it (it is kept with the copy above), not to the restored one.
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${live}${suffix}`, { force: true });
  fs.renameSync(incoming, live);
  fsyncPath(options.dataDir);

  const after = checkDatabaseFile(live, keys);
  if (!isHealthy(after)) throw new RestoreError(`The restored database failed its check (${after.integrity}); the replaced one is ${previous ?? 'none'}.`);
  // On record beside the database: from here the trail continues from the restored head; the anchors of what it
  // replaced (kept as the before-restore backup) are superseded, not missing.
  if (keys) anchorDatabaseFile(options.dataDir, keys, live, 'restore', options.now, { replaced, file: path.basename(source) });
  return { restored: source, check: after, previous, keyPlaced, previousState };
}

function replacedHead(kept: string): { seq: number; link: string } | null {
  try {
    const head = headOfDatabaseFile(kept);
    return head ? { seq: head.seq, link: head.link } : null;
  } catch {
    return null; // damaged past reading: the restore anchor says only that it replaced something
  } finally {
    // Opening it read-only may leave an empty -shm beside the kept copy; it is not part of it.
    fs.rmSync(`${kept}-shm`, { force: true });
  }
}

/**
 * The backup must be readable with the data folder's installation key. A data folder without a key (a new PC)
 * takes the one exported beside the backup (`<backup>.key`) when it is the key the backup was written with.
 * Returns the key the restored file goes with (null: a backup from before keys were recorded, and no key here)
 * and, when the key must be put in place, how — done only once the backup has checked out.
 */
function keyFor(dataDir: string, source: string, store: SecretStore): { ring: KeyRing | null; place: (() => void) | null } {
  const earlier = (store.loadEarlier?.() ?? []).map((s) => keyRingOf(s, `${store.where} (earlier key)`));
  const secret = store.load();
  const ringHere = secret ? keyRingOf(secret, store.where, earlier) : null;
  const recorded = recordedKeyFingerprint(source);
  if (recorded === null) return { ring: ringHere, place: null }; // a backup from before the key was recorded
  const here = ringHere?.fingerprint ?? null;
  if (here === recorded) return { ring: ringHere, place: null };
  const target = defaultKeyFile(dataDir);
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
  const besideSecret = fileSecretStore(beside).load()!;
  return {
    ring: keyRingOf(besideSecret, target, earlier),
    place: () => {
      fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
      copyKeyFile(beside, target);
    },
  };
}
