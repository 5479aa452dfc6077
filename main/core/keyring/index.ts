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
}

export interface KeyRing {
  readonly where: string;
  /** A short public fingerprint of the secret (not the secret), to tell two installations' keys apart. */
  readonly fingerprint: string;
  /** A 32-byte key for one purpose, derived from the secret with HKDF-SHA256. */
  key(purpose: KeyPurpose): Buffer;
}

export class SecretUnreadableError extends Error {
  constructor(where: string, reason: string) {
    super(`The installation key at ${where} cannot be read: ${reason}`);
    this.name = 'SecretUnreadableError';
  }
}

export function keyRingOf(secret: Buffer, where: string): KeyRing {
  if (secret.length !== SECRET_BYTES) throw new Error(`an installation secret has ${SECRET_BYTES} bytes, not ${secret.length}`);
  const cache = new Map<KeyPurpose, Buffer>();
  const derive = (info: string): Buffer => Buffer.from(crypto.hkdfSync('sha256', secret, 'lobby-desk', info, 32));
  return {
    where,
    fingerprint: crypto.createHash('sha256').update(derive('fingerprint')).digest('hex').slice(0, 16),
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

/** Loads the secret, making one the first time. `created` says whether this call made it. */
export function openKeyRing(store: SecretStore, random: (size: number) => Buffer = crypto.randomBytes): { ring: KeyRing; created: boolean } {
  const existing = store.load();
  if (existing) return { ring: keyRingOf(existing, store.where), created: false };
  const secret = random(SECRET_BYTES);
  store.save(secret);
  return { ring: keyRingOf(secret, store.where), created: true };
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
      if (!/^[0-9a-f]{64}$/.test(text)) throw new SecretUnreadableError(file, 'it is not 64 hexadecimal characters');
      return Buffer.from(text, 'hex');
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
