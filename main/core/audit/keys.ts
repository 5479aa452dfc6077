// Which installation key each stretch of the trail was written with (`meta.trail_keys`: fingerprints, never keys).
// A database moved to a PC without its key continues under that PC's key from an `audit.keyChanged` entry; verify
// checks each stretch with its own key where it has it, and says which stretch it could not check.
import type { ReadableDB } from '../store/sql';
import type Database from 'better-sqlite3';
import type { KeyRing } from '../keyring';

export interface KeyEpoch {
  fingerprint: string;
  /** The first entry written with this key. */
  from: number;
}

export function trailKeys(db: ReadableDB): KeyEpoch[] {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'trail_keys'").get() as { value: string } | undefined;
  if (!row) return [];
  try {
    const parsed = JSON.parse(row.value) as KeyEpoch[];
    return Array.isArray(parsed) ? parsed.filter((e) => typeof e.fingerprint === 'string' && Number.isInteger(e.from)) : [];
  } catch {
    return [];
  }
}

export function recordTrailKey(db: Database.Database, fingerprint: string, from: number): void {
  const epochs = [...trailKeys(db), { fingerprint, from }];
  db.prepare("INSERT INTO meta (key, value) VALUES ('trail_keys', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(JSON.stringify(epochs));
}

/** The key ring (this PC's key or an earlier one imported for checking) whose fingerprint this is. */
export function ringFor(keys: KeyRing | null, fingerprint: string): KeyRing | null {
  if (!keys) return null;
  if (keys.fingerprint === fingerprint) return keys;
  return keys.earlier.find((k) => k.fingerprint === fingerprint) ?? null;
}

/** The epoch an entry belongs to (the last one starting at or before it). */
export function epochOf(epochs: readonly KeyEpoch[], seq: number): KeyEpoch | null {
  let found: KeyEpoch | null = null;
  for (const e of epochs) if (e.from <= seq) found = e;
  return found;
}
