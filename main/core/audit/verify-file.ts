// Verifies a data dir's trail without starting the app: opened read-only, nothing migrated or written, the key
// read from where web mode keeps it (never made: a missing key is reported, not replaced).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../store/open';
import { defaultKeyFile, fileSecretStore, keyRingOf, type KeyRing } from '../keyring';
import { verifyTrail, type PaperAnchor } from './verify';
import type { TrailReport } from '../../../shared/contract/audit';

/** The data dir's key ring as web mode keeps it, or null when there is no key file (or it cannot be read). */
export function readDataDirKeys(dataDir: string): { keys: KeyRing | null; where: string; error: string | null } {
  const file = defaultKeyFile(dataDir);
  const store = fileSecretStore(file);
  try {
    const secret = store.load();
    if (!secret) {
      const protectedCopy = fs.existsSync(`${file}.safe`);
      return { keys: null, where: file, error: protectedCopy ? 'kept by the desktop app (OS-protected): export it there, or verify in the app' : 'no key file' };
    }
    const earlier = (store.loadEarlier?.() ?? []).map((s) => keyRingOf(s, `${file} (earlier key)`));
    return { keys: keyRingOf(secret, file, earlier), where: file, error: null };
  } catch (error) {
    return { keys: null, where: file, error: (error as Error).message };
  }
}

export function verifyStoreFile(dataDir: string, options: { paper?: readonly PaperAnchor[]; keys?: KeyRing | null } = {}): TrailReport {
  const file = path.join(dataDir, DATABASE_FILE);
  if (!fs.existsSync(file)) throw new Error(`No Lobby Desk database in ${dataDir}`);
  const keys = options.keys !== undefined ? options.keys : readDataDirKeys(dataDir).keys;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return verifyTrail(db, { keys, dataDir, scope: 'full', paper: options.paper });
  } finally {
    db.close();
  }
}
