// Building-wide settings owned by the foundation: the building profile and the desk's security rules.
// Features keep their own settings sections next to their methods (e.g. `calls.settings`).
import { DEFAULT_TIME_ZONE } from '../rules/time';
import { z } from 'zod';
import { mutation, query, STAFF, ADMIN } from './define';
import { required, text, timeZone, empty } from './fields';

export const BuildingProfileInput = z.strictObject({
  name: required(60),
  nameEn: text(100).default(''),
  /** The post's name as said when answering the phone, e.g. 华信大厦前台. */
  postName: required(60),
  postNameEn: text(100).default(''),
  timeZone: timeZone().default(DEFAULT_TIME_ZONE),
  address: text(200).default(''),
});
export const BuildingProfile = z.object({
  name: z.string(),
  nameEn: z.string(),
  postName: z.string(),
  postNameEn: z.string(),
  timeZone: z.string(),
  address: z.string(),
});
export type BuildingProfile = z.infer<typeof BuildingProfile>;

const HOST_LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOST_NAME = new RegExp(`^${HOST_LABEL}(?:\\.${HOST_LABEL})*$`);
const IPV6 = /^[0-9a-f:.]{2,45}$/;

/** A name or address this server is reached by on the LAN (`frontdesk.huaxin.lan`, `192.168.1.20`), no port. */
export const hostName = () =>
  z
    .string({ error: 'errors:field.hostName' })
    .max(253, { error: 'errors:field.hostName' })
    .overwrite((v) => v.normalize('NFKC').trim().toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, ''))
    .refine((v) => HOST_NAME.test(v) || (v.includes(':') && IPV6.test(v)), { error: 'errors:field.hostName' });

export const SecuritySettingsInput = z.strictObject({
  /** Minutes without input before the lobby locks itself. */
  idleLockMinutes: z.number().int().min(1).max(240),
  /** Wrong PINs in a row at one terminal before that terminal is locked for the person. */
  pinMaxFailures: z.number().int().min(3).max(20),
  /** The first lock at a terminal; each further wrong PIN there doubles it (at most a day). */
  pinLockoutMinutes: z.number().int().min(1).max(1440),
  /** Wrong PINs a person may have within 24 hours, from all terminals together, before every terminal locks. */
  pinDailyLimit: z.number().int().min(5).max(50).default(10),
  /** A session ends after this many hours even when in use (a long shift plus margin). */
  sessionMaxHours: z.number().int().min(1).max(48),
  /** Further names the server answers to on the LAN (besides loopback and the address it listens on). */
  allowedHosts: z.array(hostName()).max(20, { error: 'errors:field.tooMany' }).default([]),
});
export const SecuritySettings = z.object({
  idleLockMinutes: z.number(),
  pinMaxFailures: z.number(),
  pinLockoutMinutes: z.number(),
  pinDailyLimit: z.number(),
  sessionMaxHours: z.number(),
  allowedHosts: z.array(z.string()),
});
export type SecuritySettings = z.infer<typeof SecuritySettings>;

export const DEFAULT_SECURITY: SecuritySettings = {
  idleLockMinutes: 5,
  pinMaxFailures: 5,
  pinLockoutMinutes: 5,
  pinDailyLimit: 10,
  sessionMaxHours: 14,
  allowedHosts: [],
};

export const settings = {
  building: query({
    summary: 'The building profile.',
    input: empty(),
    output: BuildingProfile,
    allow: STAFF,
  }),
  updateBuilding: mutation({
    summary: 'Change the building profile.',
    input: BuildingProfileInput,
    output: BuildingProfile,
    allow: ADMIN,
  }),
  security: query({
    summary: 'Idle lock, PIN back-off, session length and the extra host names the server answers to.',
    input: empty(),
    output: SecuritySettings,
    allow: STAFF,
  }),
  updateSecurity: mutation({
    summary: 'Change idle lock, PIN back-off, session length and the extra host names.',
    input: SecuritySettingsInput,
    output: SecuritySettings,
    allow: ADMIN,
  }),
};
