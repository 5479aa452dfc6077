// The notify settings section: the retry policy, the SMS gateway and the SMTP server. Secrets are sealed in the
// stored JSON and only reported as set.
import type { ReadableDB } from '../store/sql';
import { z } from 'zod';
import type { CallContext } from '../context';
import type { KeyRing } from '../keyring';
import { readSection, writeSection } from '../settings';
import { NotifySettingsInput, type NotifySettings } from '../../../shared/contract/notify';
import { seal, unseal } from './sealed';

export const NOTIFY_SECTION = 'notify';

const Stored = z.object({
  maxAttempts: z.number(),
  backoffSeconds: z.number(),
  sms: z.object({ url: z.string(), template: z.string(), tokenSealed: z.string() }).nullable(),
  smtp: z.object({ host: z.string(), port: z.number(), secure: z.boolean(), user: z.string(), from: z.string(), passwordSealed: z.string() }).nullable(),
});
type Stored = z.infer<typeof Stored>;

const DEFAULTS: Stored = { maxAttempts: 10, backoffSeconds: 30, sms: null, smtp: null };

export function storedNotifySettings(db: ReadableDB): Stored {
  return readSection(db, NOTIFY_SECTION, Stored, DEFAULTS);
}

export function publicNotifySettings(db: ReadableDB): NotifySettings {
  const s = storedNotifySettings(db);
  return {
    maxAttempts: s.maxAttempts,
    backoffSeconds: s.backoffSeconds,
    sms: s.sms ? { url: s.sms.url, template: s.sms.template, tokenSet: s.sms.tokenSealed !== '' } : null,
    smtp: s.smtp ? { host: s.smtp.host, port: s.smtp.port, secure: s.smtp.secure, user: s.smtp.user, from: s.smtp.from, passwordSet: s.smtp.passwordSealed !== '' } : null,
  };
}

/** An empty secret keeps the stored one (the screen never has it to send back). */
export function writeNotifySettings(ctx: CallContext, input: z.output<typeof NotifySettingsInput>): NotifySettings {
  const before = storedNotifySettings(ctx.db);
  const value: Stored = {
    maxAttempts: input.maxAttempts,
    backoffSeconds: input.backoffSeconds,
    sms: input.sms ? { url: input.sms.url, template: input.sms.template, tokenSealed: input.sms.token ? seal(ctx.keys, input.sms.token) : (before.sms?.tokenSealed ?? '') } : null,
    smtp: input.smtp
      ? {
          host: input.smtp.host,
          port: input.smtp.port,
          secure: input.smtp.secure,
          user: input.smtp.user,
          from: input.smtp.from,
          passwordSealed: input.smtp.password ? seal(ctx.keys, input.smtp.password) : (before.smtp?.passwordSealed ?? ''),
        }
      : null,
  };
  writeSection(ctx.tx, NOTIFY_SECTION, value);
  return publicNotifySettings(ctx.db);
}

export interface SmsConfig {
  url: string;
  template: string;
  token: string;
}
export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  from: string;
}

export function smsConfig(db: ReadableDB, keys: KeyRing): SmsConfig | null {
  const s = storedNotifySettings(db).sms;
  return s ? { url: s.url, template: s.template, token: s.tokenSealed ? (unseal(keys, s.tokenSealed) ?? '') : '' } : null;
}

export function smtpConfig(db: ReadableDB, keys: KeyRing): SmtpConfig | null {
  const s = storedNotifySettings(db).smtp;
  return s ? { host: s.host, port: s.port, secure: s.secure, user: s.user, from: s.from, password: s.passwordSealed ? (unseal(keys, s.passwordSealed) ?? '') : '' } : null;
}
