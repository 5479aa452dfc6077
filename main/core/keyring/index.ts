// The installation's secret, kept outside the database, and the keys derived from it for each purpose.
// A forger who has the database file but not this secret cannot make authenticated records (the audit
// trail's entry tags, watch-list match hashes, signed invitations). Where the secret is kept is the shell's
// choice: a file with owner-only permissions in web mode, the OS's protection (Electron safeStorage) on the desk.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** What a derived key is for. A key is never used for two purposes. */
export const KEY_PURPOSES = ['audit-trail', 'watch-list', 'invitations', 'anchors', 'notify-secrets', 'parcel-codes', 'device-secrets'] as const;
export type KeyPurpose = (typeof KEY_PURPOSES)[number];

const SECRET_BYTES = 32;

/** Where the installation's secret lives. */
export interface SecretStore {
  /** In words, for the admin screen and the verify command (a path, or "the OS's protected storage"). */
  readonly where: string;
  /** The secret, or null when there is none yet. Throws when it exists but cannot be read. */
  load(): Buffer | null;
  save(secret: Buffer): void;
  /** Secrets of earlier installations this data was written with, kept to check their part of the trail. */
  loadEarlier?(): Buffer[];
  saveEarlier?(secret: Buffer): void;
  /**
   * Writes the secret to a new file in the form `key:import` and a restore on a new PC read (owner-only, never
   * over an existing file); returns its fingerprint. Throws when there is no secret yet.
   */
  exportTo?(file: string): string;
}

export interface KeyRing {
  readonly where: string;
  /** A short public fingerprint of the secret (not the secret), to tell two installations' keys apart. */
  readonly fingerprint: string;
  /** A 32-byte key for one purpose, derived from the secret with HKDF-SHA256. */
  key(purpose: KeyPurpose): Buffer;
  /** Earlier installations' keys (imported to check the part of the trail written with them); never used to write. */
  readonly earlier: readonly KeyRing[];
}

export class SecretUnreadableError extends Error {
  constructor(where: string, reason: string) {
    super(`The installation key at ${where} cannot be read: ${reason}`);
    this.name = 'SecretUnreadableError';
  }
}

export function keyRingOf(secret: Buffer, where: string, earlier: readonly KeyRing[] = []): KeyRing {
  if (secret.length !== SECRET_BYTES) throw new Error(`an installation secret has ${SECRET_BYTES} bytes, not ${secret.length}`);
  const cache = new Map<KeyPurpose, Buffer>();
  const derive = (info: string): Buffer => Buffer.from(crypto.hkdfSync('sha256', secret, 'lobby-desk', info, 32));
  return {
    where,
    fingerprint: crypto.createHash('sha256').update(derive('fingerprint')).digest('hex').slice(0, 16),
    earlier,
    key(purpose) {
      let key = cache.get(purpose);
      if (!key) {
        if (!(KEY_PURPOSES as readonly string[]).includes(purpose)) throw new Error(`unknown key purpose: ${purpose}`);
        key = derive(purpose);
        cache.set(purpose, key);
      }
      return key;
    },
  };
}

/**
 * The keys a worker thread needs to check a copy of the trail (the backup worker): derived keys only, never the
 * secret they come from, for this installation and each earlier one. Structured-clone friendly.
 */
export interface DerivedKeys {
  where: string;
  fingerprint: string;
  keys: Partial<Record<KeyPurpose, string>>;
  earlier: DerivedKeys[];
}

export function derivedKeysOf(ring: KeyRing, purposes: readonly KeyPurpose[] = ['audit-trail', 'anchors']): DerivedKeys {
  return {
    where: ring.where,
    fingerprint: ring.fingerprint,
    keys: Object.fromEntries(purposes.map((p) => [p, ring.key(p).toString('hex')])),
    earlier: ring.earlier.map((e) => derivedKeysOf(e, purposes)),
  };
}

/** A key ring over derived keys (in a worker): a purpose that was not passed is refused. */
export function keyRingOfDerived(d: DerivedKeys): KeyRing {
  return {
    where: d.where,
    fingerprint: d.fingerprint,
    earlier: d.earlier.map(keyRingOfDerived),
    key(purpose) {
      const hex = d.keys[purpose];
      if (!hex) throw new Error(`the key for ${purpose} was not given to this thread`);
      return Buffer.from(hex, 'hex');
    },
  };
}

/** Loads the secret, making one the first time. `created` says whether this call made it. */
export function openKeyRing(store: SecretStore, random: (size: number) => Buffer = crypto.randomBytes): { ring: KeyRing; created: boolean } {
  const earlier = (store.loadEarlier?.() ?? []).map((s) => keyRingOf(s, `${store.where} (earlier key)`));
  const existing = store.load();
  if (existing) return { ring: keyRingOf(existing, store.where, earlier), created: false };
  const secret = random(SECRET_BYTES);
  store.save(secret);
  return { ring: keyRingOf(secret, store.where, earlier), created: true };
}

/** The fingerprint a secret would have (to match an imported key against a trail's before installing it). */
export function fingerprintOf(secret: Buffer): string {
  return keyRingOf(secret, 'probe').fingerprint;
}

/** How a secret travels between PCs (`lobby-desk key:export` / `key:import`): one line, marked, hexadecimal. */
export const KEY_FILE_PREFIX = 'lobby-desk installation key v1 ';

export function formatKeyFile(secret: Buffer): string {
  return `${KEY_FILE_PREFIX}${secret.toString('hex')}\n`;
}

export function parseKeyFile(text: string): Buffer {
  const line = text.trim();
  const hex = line.startsWith(KEY_FILE_PREFIX) ? line.slice(KEY_FILE_PREFIX.length) : line;
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error('not a Lobby Desk installation key (64 hexadecimal digits, optionally after its marker)');
  return Buffer.from(hex, 'hex');
}

/** Web mode's default: `<data>/keys/installation.key`, readable by the account that runs the desk only. */
export function defaultKeyFile(dataDir: string): string {
  return path.join(dataDir, 'keys', 'installation.key');
}

/** The secret as 64 hex characters in a file with owner-only permissions, written atomically. */
export function fileSecretStore(file: string): SecretStore {
  return {
    where: file,
    load() {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8').trim();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw new SecretUnreadableError(file, (error as Error).message);
      }
      // The bare form the desk writes, or the marked one `key:export` writes (an exported key put in place as is).
      const hex = text.startsWith(KEY_FILE_PREFIX) ? text.slice(KEY_FILE_PREFIX.length) : text;
      if (!/^[0-9a-f]{64}$/.test(hex)) throw new SecretUnreadableError(file, 'it is not 64 hexadecimal characters');
      return Buffer.from(hex, 'hex');
    },
    save(secret) {
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      const tmp = `${file}.${process.pid}.tmp`;
      const fd = fs.openSync(tmp, 'w', 0o600);
      try {
        fs.writeSync(fd, secret.toString('hex') + '\n');
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, file);
    },
    exportTo(target) {
      const secret = this.load();
      if (!secret) throw new Error(`no installation key at ${file}`);
      fs.writeFileSync(target, formatKeyFile(secret), { mode: 0o600, flag: 'wx' });
      return fingerprintOf(secret);
    },
    loadEarlier() {
      const dir = path.join(path.dirname(file), 'earlier');
      if (!fs.existsSync(dir)) return [];
      return fs
        .readdirSync(dir)
        .filter((name) => name.endsWith('.key'))
        .sort()
        .flatMap((name) => {
          const text = fs.readFileSync(path.join(dir, name), 'utf8').trim();
          return /^[0-9a-f]{64}$/.test(text) ? [Buffer.from(text, 'hex')] : [];
        });
    },
    saveEarlier(secret) {
      const dir = path.join(path.dirname(file), 'earlier');
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      fs.writeFileSync(path.join(dir, `${fingerprintOf(secret)}.key`), secret.toString('hex') + '\n', { mode: 0o600 });
    },
  };
}

/** A secret held in memory only (tests that do not care where it is kept). */
export function memorySecretStore(initial: Buffer | null = null): SecretStore {
  let secret = initial;
  return {
    where: 'memory',
    load: () => secret,
    save: (value) => {
      secret = Buffer.from(value);
    },
  };
}
