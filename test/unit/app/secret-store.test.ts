// The desk's installation secret under Electron safeStorage. The Electron runtime is absent here, so its
// safeStorage is stood in for by a reversible cipher with the same asynchronous API; everything else is real.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyExportService, openSafeStorageSecretStore, type SafeStorageLike } from '../../../main/app/secret-store';
import { defaultKeyFile, fingerprintOf, formatKeyFile, openKeyRing, parseKeyFile } from '../../../main/core/keyring';
import { tempDir } from '../../support/core';

/** An OS-protected store stand-in: AES under a key only "this user" has; rotates when asked. */
function fakeSafeStorage(options: { available?: boolean; backend?: string; rotate?: boolean } = {}): SafeStorageLike & { key: Buffer } {
  const key = crypto.randomBytes(32);
  return {
    key,
    isAsyncEncryptionAvailable: async () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    async encryptStringAsync(plain) {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    async decryptStringAsync(encrypted) {
      const d = crypto.createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12));
      d.setAuthTag(encrypted.subarray(12, 28));
      return { result: Buffer.concat([d.update(encrypted.subarray(28)), d.final()]).toString('utf8'), shouldReEncrypt: options.rotate ?? false };
    },
  };
}

describe('the desk’s OS-protected installation key', () => {
  it('X-6 the secret is made once, kept only encrypted by the OS for this user, and the same keys come back', async () => {
    const dir = tempDir();
    const safe = fakeSafeStorage();
    const first = openKeyRing(await openSafeStorageSecretStore(dir, safe)).ring;
    const file = `${defaultKeyFile(dir)}.safe`;
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.existsSync(defaultKeyFile(dir))).toBe(false);
    expect(fs.readFileSync(file).toString('utf8')).not.toMatch(/[0-9a-f]{64}/);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o077).toBe(0);
    const again = openKeyRing(await openSafeStorageSecretStore(dir, safe)).ring;
    expect(again.fingerprint).toBe(first.fingerprint);
    expect(again.key('audit-trail').equals(first.key('audit-trail'))).toBe(true);
    expect(again.where).toContain('protected by the OS');
    // Another user (another OS key) cannot read it.
    await expect(openSafeStorageSecretStore(dir, fakeSafeStorage())).rejects.toThrow();
  });

  it('X-6 a key brought from another PC with key:import is adopted at start: protected, the plain file gone, the key it replaces kept as an earlier one', async () => {
    const dir = tempDir();
    const safe = fakeSafeStorage();
    const own = openKeyRing(await openSafeStorageSecretStore(dir, safe)).ring;
    const brought = crypto.randomBytes(32);
    fs.writeFileSync(defaultKeyFile(dir), brought.toString('hex') + '\n', { mode: 0o600 });
    const store = await openSafeStorageSecretStore(dir, safe);
    const ring = openKeyRing(store).ring;
    expect(ring.fingerprint).toBe(fingerprintOf(brought));
    expect(ring.earlier.map((k) => k.fingerprint)).toEqual([own.fingerprint]);
    expect(fs.existsSync(defaultKeyFile(dir))).toBe(false);
    expect(fs.readdirSync(path.join(path.dirname(defaultKeyFile(dir)), 'earlier'))).toEqual([`${own.fingerprint}.safe`]);
    expect(openKeyRing(await openSafeStorageSecretStore(dir, safe)).ring.earlier.map((k) => k.fingerprint)).toEqual([own.fingerprint]);
  });

  it('X-6 a key the OS asks to re-encrypt (its own key rotated) is rewritten, and stays the same key', async () => {
    const dir = tempDir();
    const rotating = fakeSafeStorage({ rotate: true });
    const first = openKeyRing(await openSafeStorageSecretStore(dir, rotating)).ring;
    const file = `${defaultKeyFile(dir)}.safe`;
    const before = fs.readFileSync(file);
    const second = openKeyRing(await openSafeStorageSecretStore(dir, rotating)).ring;
    expect(fs.readFileSync(file).equals(before)).toBe(false);
    expect(second.fingerprint).toBe(first.fingerprint);
  });

  it('X-6 without OS-protected storage (Linux with no secret service) the owner-only key file is used, and where says so', async () => {
    const dir = tempDir();
    const store = await openSafeStorageSecretStore(dir, fakeSafeStorage({ backend: 'basic_text' }));
    const ring = openKeyRing(store).ring;
    expect(store.where).toContain('no OS-protected storage');
    expect(fs.readFileSync(defaultKeyFile(dir), 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(openKeyRing(await openSafeStorageSecretStore(dir, fakeSafeStorage({ available: false }))).ring.fingerprint).toBe(ring.fingerprint);
  });

  it('X-6 Admin → Audit → Export key writes the key where the admin chooses, owner-only, never over a file; cancelling writes nothing', async () => {
    const dir = tempDir();
    const store = await openSafeStorageSecretStore(dir, fakeSafeStorage());
    const ring = openKeyRing(store).ring;
    const target = path.join(tempDir(), 'key.txt');
    const service = keyExportService(store, { showSaveDialog: async () => ({ canceled: false, filePath: target }) });
    expect(await service.exportInstallationKey!()).toEqual({ file: target, fingerprint: ring.fingerprint });
    expect(fingerprintOf(parseKeyFile(fs.readFileSync(target, 'utf8')))).toBe(ring.fingerprint);
    expect(fs.readFileSync(target, 'utf8')).toBe(formatKeyFile(parseKeyFile(fs.readFileSync(target, 'utf8'))));
    if (process.platform !== 'win32') expect(fs.statSync(target).mode & 0o077).toBe(0);
    await expect(service.exportInstallationKey!()).rejects.toThrow(/EEXIST/);
    const cancelled = keyExportService(store, { showSaveDialog: async () => ({ canceled: true }) });
    expect(await cancelled.exportInstallationKey!()).toBeNull();
  });
});
