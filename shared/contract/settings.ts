// Building-wide settings owned by the foundation: the building profile and the desk's security rules.
// Features keep their own settings sections next to their methods (e.g. `calls.settings`).
import { z } from 'zod';
import { mutation, query, STAFF, ADMIN } from './define';
import { required, text, timeZone, empty } from './fields';

export const BuildingProfileInput = z.strictObject({
  name: required(60),
  nameEn: text(100).default(''),
  /** The post's name as said when answering the phone, e.g. 华信大厦前台. */
  postName: required(60),
  postNameEn: text(100).default(''),
  timeZone: timeZone().default('Asia/Shanghai'),
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

export const SecuritySettingsInput = z.strictObject({
  /** Minutes without input before the lobby locks itself. */
  idleLockMinutes: z.number().int().min(1).max(240),
  /** Wrong PINs allowed within the window before the person is locked out. */
  pinMaxFailures: z.number().int().min(3).max(20),
  pinLockoutMinutes: z.number().int().min(1).max(1440),
  /** A session ends after this many hours even when in use (a long shift plus margin). */
  sessionMaxHours: z.number().int().min(1).max(48),
});
export const SecuritySettings = z.object({
  idleLockMinutes: z.number(),
  pinMaxFailures: z.number(),
  pinLockoutMinutes: z.number(),
  sessionMaxHours: z.number(),
});
export type SecuritySettings = z.infer<typeof SecuritySettings>;

export const DEFAULT_SECURITY: SecuritySettings = {
  idleLockMinutes: 5,
  pinMaxFailures: 5,
  pinLockoutMinutes: 5,
  sessionMaxHours: 14,
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
    summary: 'Idle lock, PIN lockout and session length.',
    input: empty(),
    output: SecuritySettings,
    allow: STAFF,
  }),
  updateSecurity: mutation({
    summary: 'Change idle lock, PIN lockout and session length.',
    input: SecuritySettingsInput,
    output: SecuritySettings,
    allow: ADMIN,
  }),
};
