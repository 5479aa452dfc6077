import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultKeyFile, fileSecretStore, keyRingOf, memorySecretStore, openKeyRing, SecretUnreadableError } from '../../../main/core/keyring';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lobby-keyring-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('installation key ring', () => {
  it('X-6 the secret is made once, kept in an owner-only file outside the database, and the same keys come back after a restart', () => {
    const file = defaultKeyFile(tempDir());
    const first = openKeyRing(fileSecretStore(file));
    expect(first.created).toBe(true);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o077).toBe(0);
    const second = openKeyRing(fileSecretStore(file));
    expect(second.created).toBe(false);
    expect(second.ring.key('audit-trail').equals(first.ring.key('audit-trail'))).toBe(true);
    expect(second.ring.fingerprint).toBe(first.ring.fingerprint);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['installation.key']);
  });

  it('X-6 each purpose has its own key, and two installations have different ones', () => {
    const a = openKeyRing(memorySecretStore()).ring;
    const b = openKeyRing(memorySecretStore()).ring;
    expect(a.key('audit-trail').equals(a.key('watch-list'))).toBe(false);
    expect(a.key('audit-trail').length).toBe(32);
    expect(a.key('audit-trail').equals(b.key('audit-trail'))).toBe(false);
    expect(a.fingerprint).not.toBe(b.fingerprint);
    expect(() => a.key('nonsense' as never)).toThrow(/unknown key purpose/);
  });

  it('X-6 derivation is fixed: a known secret gives known keys (a change here would orphan every trail)', () => {
    const ring = keyRingOf(Buffer.alloc(32, 7), 'test');
    expect(ring.key('audit-trail').toString('hex')).toMatch(/^[0-9a-f]{64}$/);
    expect(keyRingOf(Buffer.alloc(32, 7), 'elsewhere').key('audit-trail').equals(ring.key('audit-trail'))).toBe(true);
    expect(keyRingOf(Buffer.alloc(32, 8), 'test').key('audit-trail').equals(ring.key('audit-trail'))).toBe(false);
  });

  it('X-6 a damaged key file is refused with where it is, never silently replaced', () => {
    const file = defaultKeyFile(tempDir());
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'not a key');
    expect(() => openKeyRing(fileSecretStore(file))).toThrow(SecretUnreadableError);
    expect(fs.readFileSync(file, 'utf8')).toBe('not a key');
  });
});
