// Backups of the store: an automatic online backup every day into the data dir, kept for a number of days,
// one before every migration, and manual ones from the command line (`npm run backup`).
import { z } from 'zod';
import { mutation, query, ADMIN } from './define';
import { empty } from './fields';

export const BACKUP_KINDS = ['daily', 'manual', 'pre-migration', 'before-restore'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export const BackupSettingsInput = z.strictObject({
  /** How many automatic daily backups to keep; older ones are removed after each new one. */
  keepDaily: z.number({ error: 'backup:keepDaily' }).int({ error: 'backup:keepDaily' }).min(1, { error: 'backup:keepDaily' }).max(365, { error: 'backup:keepDaily' }),
});
export const BackupSettings = z.object({ keepDaily: z.number() });
export type BackupSettings = z.infer<typeof BackupSettings>;

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { keepDaily: 14 };

export const BackupFile = z.object({
  file: z.string(),
  kind: z.enum(BACKUP_KINDS),
  at: z.number(),
  bytes: z.number(),
});
export type BackupFile = z.infer<typeof BackupFile>;

export const backup = {
  settings: query({
    summary: 'How many daily backups are kept.',
    input: empty(),
    output: BackupSettings,
    allow: ADMIN,
  }),
  updateSettings: mutation({
    summary: 'Change how many daily backups are kept.',
    input: BackupSettingsInput,
    output: BackupSettings,
    allow: ADMIN,
  }),
  list: query({
    summary: 'The backups in the data dir, newest first, and when the next daily one is due.',
    input: empty(),
    output: z.object({
      directory: z.string(),
      backups: z.array(BackupFile),
      nextDailyAt: z.number().nullable(),
      lastFailure: z.string().nullable(),
    }),
    allow: ADMIN,
  }),
};
