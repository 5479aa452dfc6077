// Secrets kept in the database (robot webhook URLs carry their key, SMTP passwords, gateway tokens) are sealed with
// AES-256-GCM under a key derived from the installation's secret, which lives outside the database: the audit
// trail and a copied database file hold ciphertext only.
import crypto from 'node:crypto';
import type { KeyRing } from '../keyring';

const VERSION = 'v1:';

export function seal(keys: KeyRing, plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', keys.key('notify-secrets'), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return VERSION + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** The plain text, or null when it was sealed under another installation's key (or altered). */
export function unseal(keys: KeyRing, sealed: string): string | null {
  if (!sealed.startsWith(VERSION)) return null;
  const raw = Buffer.from(sealed.slice(VERSION.length), 'base64');
  if (raw.length < 28) return null;
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', keys.key('notify-secrets'), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** What the screens show of a target: enough to recognise it, not enough to use it. */
export function targetHint(channel: string, target: string): string {
  if (channel === 'sms') return target.length >= 7 ? `${target.slice(0, 3)}****${target.slice(-4)}` : '****';
  if (channel === 'email') {
    const [user = '', domain = ''] = target.split('@');
    return `${user.slice(0, 1)}***@${domain}`;
  }
  try {
    const url = new URL(target);
    const key = url.searchParams.get('key') ?? url.searchParams.get('access_token') ?? url.pathname;
    return `${url.host}/…${key.slice(-4)}`;
  } catch {
    return '…';
  }
}
