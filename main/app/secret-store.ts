// The desk's installation secret, protected by the OS (Electron safeStorage: DPAPI on Windows, the Keychain on
// macOS, the desktop's secret service on Linux) in `<data>/keys/installation.key.safe`. Whoever has the database but
// not this PC's user account cannot read it; whoever has both can (the honest limit, README "Looking after the data").
// A plain key file put in place by `lobby-desk key:import` (a database moved from another PC) is adopted at start:
// encrypted, and the plain file removed. Where the OS offers no protected storage, the owner-only key file is used.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { defaultKeyFile, fileSecretStore, fingerprintOf, formatKeyFile, type SecretStore } from '../core/keyring';
import type { HostServices } from '../core/context';
import { recordedKeyFingerprint } from '../core/keyring/binding';
import { DATABASE_FILE } from '../core/store/open';

/** The part of Electron's safeStorage used here (its asynchronous API; the synchronous one goes in Electron 46). */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  getSelectedStorageBackend?(): string;
}

export interface DesktopSecretStore extends SecretStore {
  /** Writes the secret for moving to another PC (`key:import` there), owner-only, never over an existing file. */
  exportTo(file: string): string;
}

function writeAtomically(file: string, data: Buffer | string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data, { mode: 0o600 });
  const fd = fs.openSync(tmp, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

async function decrypt(safe: SafeStorageLike, file: string): Promise<{ secret: Buffer; reEncrypt: boolean }> {
  const { result, shouldReEncrypt } = await safe.decryptStringAsync(fs.readFileSync(file));
  if (!/^[0-9a-f]{64}$/.test(result)) throw new Error(`${file} does not hold an installation key`);
  return { secret: Buffer.from(result, 'hex'), reEncrypt: shouldReEncrypt };
}

/** Opens (or makes) the protected secret before the core starts: safeStorage is asynchronous, the key ring is not. */
export async function openSafeStorageSecretStore(dataDir: string, safe: SafeStorageLike, random: (n: number) => Buffer = crypto.randomBytes): Promise<DesktopSecretStore> {
  const plainFile = defaultKeyFile(dataDir);
  const safeFile = `${plainFile}.safe`;
  const earlierDir = path.join(path.dirname(plainFile), 'earlier');
  const backend = safe.getSelectedStorageBackend?.();
  const available = (await safe.isAsyncEncryptionAvailable()) && backend !== 'basic_text';
  if (!available) {
    // No protection the OS can give (e.g. Linux without a secret service): the owner-only file, and say so.
    const store = fileSecretStore(plainFile);
    return {
      ...store,
      where: `${plainFile} (this PC offers no OS-protected storage: an owner-only file)`,
      exportTo: (file) => {
        const secret = store.load();
        if (!secret) throw new Error('no installation key yet');
        fs.writeFileSync(file, formatKeyFile(secret), { mode: 0o600, flag: 'wx' });
        return fingerprintOf(secret);
      },
    };
  }
  const protect = async (secret: Buffer, file: string) => writeAtomically(file, await safe.encryptStringAsync(secret.toString('hex')));

  let earlier: Buffer[] = [];
  if (fs.existsSync(earlierDir)) {
    for (const name of fs.readdirSync(earlierDir).sort()) {
      if (name.endsWith('.safe')) earlier.push((await decrypt(safe, path.join(earlierDir, name))).secret);
    }
  }
  let secret: Buffer | null = null;
  const imported = fileSecretStore(plainFile);
  const plain = imported.load();
  // Earlier keys `key:import` left as plain files are protected too.
  for (const e of imported.loadEarlier?.() ?? []) {
    await protect(e, path.join(earlierDir, `${fingerprintOf(e)}.safe`));
    earlier.push(e);
    fs.rmSync(path.join(earlierDir, `${fingerprintOf(e)}.key`), { force: true });
  }
  if (plain) {
    if (fs.existsSync(safeFile)) {
      const current = (await decrypt(safe, safeFile)).secret;
      if (!current.equals(plain)) {
        await protect(current, path.join(earlierDir, `${fingerprintOf(current)}.safe`));
        earlier.push(current);
      }
    }
    await protect(plain, safeFile);
    fs.rmSync(plainFile, { force: true });
    secret = plain;
  } else if (fs.existsSync(safeFile)) {
    const opened = await decrypt(safe, safeFile);
    secret = opened.secret;
    if (opened.reEncrypt) await protect(secret, safeFile);
  } else if (recordedKeyFingerprint(path.join(dataDir, DATABASE_FILE)) === null) {
    secret = random(32);
    await protect(secret, safeFile);
  }
  // else: the database here was written with a key this PC does not hold. None is made: the core refuses the
  // database (InstallationKeyMissingError) until the key is brought (key:import, or a restore with its .key).
  earlier = earlier.filter((e, i) => (!secret || !e.equals(secret)) && earlier.findIndex((x) => x.equals(e)) === i);
  const held = secret;
  return {
    where: `${safeFile} (protected by the OS for this user: ${backend ?? process.platform})`,
    load: () => held,
    save: () => {
      throw new Error('the desk makes its key when it starts; it is not replaced while running');
    },
    loadEarlier: () => earlier,
    exportTo(file) {
      if (!held) throw new Error('no installation key yet');
      fs.writeFileSync(file, formatKeyFile(held), { mode: 0o600, flag: 'wx' });
      return fingerprintOf(held);
    },
  };
}

/** The part of Electron's dialog used to choose where the exported key goes. */
export interface SaveDialogLike {
  showSaveDialog(options: { title: string; defaultPath: string; filters: Array<{ name: string; extensions: string[] }> }): Promise<{ canceled: boolean; filePath?: string }>;
}

/** Host service behind Admin → Audit → Export key: the key goes from main to a file the admin chooses, never to the screen. */
export function keyExportService(store: DesktopSecretStore, dialog: SaveDialogLike): Pick<HostServices, 'exportInstallationKey'> {
  return {
    async exportInstallationKey() {
      const chosen = await dialog.showSaveDialog({
        title: '导出安装密钥 · Export the installation key',
        defaultPath: 'lobby-desk-installation-key.txt',
        filters: [{ name: 'Lobby Desk key', extensions: ['txt'] }],
      });
      if (chosen.canceled || !chosen.filePath) return null;
      return { file: chosen.filePath, fingerprint: store.exportTo(chosen.filePath) };
    },
  };
}
