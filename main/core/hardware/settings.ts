// The `hardware` settings section. Written through the settings table like every section (audited); the SIP
// password is sealed with a key derived from the installation's secret (AES-256-GCM), so neither the database
// nor the audit trail holds it in clear, and it never leaves main.
import type { ReadableDB } from '../store/sql';
import crypto from 'node:crypto';
import { z } from 'zod';
import type { KeyRing } from '../keyring';
import type { Tx } from '../store/tx';
import { readSection, writeSection } from '../settings';
import { HardwareSettingsInput, type HardwareSettings } from '../../../shared/contract/hardware';

export const HARDWARE_SECTION = 'hardware';

type Stored = z.output<typeof HardwareSettingsInput> & { sip: { passwordSealed?: string } };

const StoredSchema = z.object({
  sip: z.object({
    enabled: z.boolean(),
    host: z.string(),
    port: z.number(),
    extension: z.string(),
    domain: z.string(),
    username: z.string(),
    passwordSealed: z.string().optional(),
    localPort: z.number(),
  }),
  callerIdBox: z.object({ enabled: z.boolean(), path: z.string(), baudRate: z.number() }),
  idReader: z.object({ kind: z.enum(['none', 'samv', 'vendorHttp']), path: z.string(), baudRate: z.number(), url: z.string(), autoRead: z.boolean() }),
  slipPrinter: z.object({ kind: z.enum(['none', 'os', 'escpos']), osPrinter: z.string(), host: z.string(), port: z.number(), paperWidth: z.number() }),
  scanner: z.object({ serialEnabled: z.boolean(), path: z.string(), baudRate: z.number() }),
});

export const DEFAULT_HARDWARE: Stored = HardwareSettingsInput.parse({}) as Stored;

function seal(keys: KeyRing, plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', keys.key('device-secrets'), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `v1:${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${data.toString('base64')}`;
}

function unseal(keys: KeyRing, sealed: string): string | null {
  const [version, iv, tag, data] = sealed.split(':');
  if (version !== 'v1' || !iv || !tag || data === undefined) return null;
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', keys.key('device-secrets'), Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

function stored(db: ReadableDB): Stored {
  return readSection(db, HARDWARE_SECTION, StoredSchema, DEFAULT_HARDWARE) as Stored;
}

/** The settings as the admin screen sees them. */
export function hardwareSettings(db: ReadableDB): HardwareSettings {
  const { sip, ...rest } = stored(db);
  const { passwordSealed, ...sipRest } = sip;
  return { ...rest, sip: { ...sipRest, passwordSet: Boolean(passwordSealed) } };
}

/** The settings with the SIP password opened, for the adapters in main only. */
export function hardwareConfig(db: ReadableDB, keys: KeyRing): Stored & { sip: { password: string } } {
  const value = stored(db);
  const password = value.sip.passwordSealed ? (unseal(keys, value.sip.passwordSealed) ?? '') : '';
  return { ...value, sip: { ...value.sip, password } };
}

export type HardwareConfig = ReturnType<typeof hardwareConfig>;

export function writeHardwareSettings(tx: Tx, db: ReadableDB, keys: KeyRing, input: z.output<typeof HardwareSettingsInput>): void {
  const previous = stored(db);
  const { password, ...sip } = input.sip;
  const passwordSealed = password === undefined ? previous.sip.passwordSealed : password === '' ? undefined : seal(keys, password);
  writeSection(tx, HARDWARE_SECTION, { ...input, sip: { ...sip, ...(passwordSealed ? { passwordSealed } : {}) } });
}
