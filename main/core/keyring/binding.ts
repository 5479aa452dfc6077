// A database and the installation key it was written with belong together: the watch list's match hashes (and
// every other keyed value) can only be checked with that key. The database records the key's public fingerprint
// (meta `key_fingerprint`); a desk that finds a database with a fingerprint but no key file, or a different key,
// refuses to start instead of making a new key and silently no longer matching anyone on the watch list.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { SecretUnreadableError, keyRingOf, type KeyRing, type SecretStore } from './index';

export const KEY_FINGERPRINT_META = 'key_fingerprint';

/** The key's fingerprint a database file records (null: none recorded, no such file, or not readable here). */
export function recordedKeyFingerprint(file: string): string | null {
  if (!fs.existsSync(file)) return null;
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return fingerprintIn(db);
  } catch {
    return null; // opening the store reports what is wrong with the file
  } finally {
    db?.close();
  }
}

/**
 * The key a database is bound to: its recorded fingerprint or, where that row is missing (deleted behind the app),
 * the key its trail's last stretch was written with (`meta.trail_keys`) — so removing one row of meta does not
 * make a desk start a new key for it.
 */
export function fingerprintIn(db: Database.Database): string | null {
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get()) return null;
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(KEY_FINGERPRINT_META) as { value: string } | undefined;
  if (row) return row.value;
  return lastTrailKey(db);
}

function lastTrailKey(db: Database.Database): string | null {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'trail_keys'").get() as { value: string } | undefined;
  if (!row) return null;
  try {
    const epochs = JSON.parse(row.value) as Array<{ fingerprint?: unknown }>;
    const last = Array.isArray(epochs) ? epochs[epochs.length - 1]?.fingerprint : undefined;
    return typeof last === 'string' ? last : null;
  } catch {
    return null;
  }
}

/** Records the key's fingerprint in a database that has none yet (a new one, or one from before it was recorded). */
export function recordKeyFingerprint(db: Database.Database, ring: KeyRing): void {
  db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run(KEY_FINGERPRINT_META, ring.fingerprint);
}

export class InstallationKeyMissingError extends SecretUnreadableError {
  constructor(where: string) {
    super(where, 'the database was written with an installation key that is not there (copy the keys folder of the PC the data came from)');
    this.name = 'InstallationKeyMissingError';
  }
}

export class InstallationKeyMismatchError extends SecretUnreadableError {
  constructor(where: string, found: string, recorded: string) {
    super(where, `it is another installation's key (fingerprint ${found}; the database was written with ${recorded})`);
    this.name = 'InstallationKeyMismatchError';
  }
}

/** The fingerprint of the key a secret store holds, or null when it holds none. */
export function storedKeyFingerprint(store: SecretStore): string | null {
  const secret = store.load();
  return secret ? keyRingOf(secret, store.where).fingerprint : null;
}

/**
 * Before a desk opens `databaseFile` with the key in `store`: refuses when the database records a key that is not
 * there (rather than making a new one) or a different key.
 */
export function checkKeyForDatabase(databaseFile: string, store: SecretStore): void {
  const recorded = recordedKeyFingerprint(databaseFile);
  if (recorded === null) return;
  const found = storedKeyFingerprint(store);
  if (found === null) throw new InstallationKeyMissingError(store.where);
  if (found !== recorded) throw new InstallationKeyMismatchError(store.where, found, recorded);
}

/** Where an exported backup's installation key is written: beside it, `<backup name>.key`. */
export function keyFileBeside(backupFile: string): string {
  return backupFile.replace(/\.sqlite$/, '') + '.key';
}

/** Copies the installation key file to `target` (owner-only, written under a temporary name, then renamed). */
export function copyKeyFile(source: string, target: string): void {
  const partial = `${target}.partial`;
  try {
    fs.copyFileSync(source, partial);
    fs.chmodSync(partial, 0o600);
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}
