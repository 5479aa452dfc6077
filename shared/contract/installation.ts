// This installation on this PC: the device preferences (LAN, visitor display, auto-start, language),
// where data, backups and logs live and the last errors; backup now, export a backup to a folder (a USB stick),
// restore a backup (the desk restarts); the release feed the company hosts, and whether an update is available.
// Device preferences are per PC and live outside the database (they are needed before it opens); the release
// settings are the building's and live in SQLite like every other setting.
import { z } from 'zod';
import { mutation, query, ADMIN } from './define';
import { empty, text } from './fields';

export const LANGUAGE_CHOICES = ['zh-CN', 'en'] as const;

const host = z.union([z.ipv4(), z.ipv6()], { error: 'installation:lanHost' });

/** The preferences file's fields. `localKioskDeviceId` and `dataLocation` are kept by the shell, not edited here. */
export const DevicePreferences = z.object({
  /** Serve tablets and the guard's PC on the LAN. Off until an administrator switches it on. */
  lanEnabled: z.boolean(),
  /** The address to serve the LAN on: 0.0.0.0 (every network of this PC) or one of its addresses. */
  lanHost: host,
  port: z.number().int().min(1024).max(65535),
  /** Whether this PC shows the visitor screen on a second display at all (off: tablets only). */
  visitorScreenOn: z.boolean(),
  /** Which display shows it; null: the largest one other than the lobby's. */
  visitorDisplayId: z.number().int().nullable(),
  /** Start the desk when the PC's user signs in (desktop app). */
  autoStart: z.boolean(),
  /** The language of the shell's own windows and messages, and of the screens until someone switches. */
  language: z.enum(LANGUAGE_CHOICES),
  localKioskDeviceId: z.string().nullable(),
  /** Where the data folder is when no --data-dir or LOBBY_DESK_DATA_DIR is given (Windows: per machine or per user). */
  dataLocation: z.enum(['machine', 'user']),
});
export type DevicePreferences = z.infer<typeof DevicePreferences>;

export const DEFAULT_PREFERENCES: DevicePreferences = {
  lanEnabled: false,
  lanHost: '0.0.0.0',
  port: 5199,
  visitorScreenOn: true,
  visitorDisplayId: null,
  autoStart: true,
  language: 'zh-CN',
  localKioskDeviceId: null,
  dataLocation: 'machine',
};

export const PreferencesInput = z.strictObject({
  lanEnabled: z.boolean({ error: 'installation:boolean' }).optional(),
  lanHost: host.optional(),
  port: z.number({ error: 'installation:port' }).int({ error: 'installation:port' }).min(1024, { error: 'installation:port' }).max(65535, { error: 'installation:port' }).optional(),
  visitorScreenOn: z.boolean({ error: 'installation:boolean' }).optional(),
  visitorDisplayId: z.number({ error: 'installation:display' }).int({ error: 'installation:display' }).nullable().optional(),
  autoStart: z.boolean({ error: 'installation:boolean' }).optional(),
  language: z.enum(LANGUAGE_CHOICES, { error: 'installation:language' }).optional(),
});
export type PreferencesInput = z.infer<typeof PreferencesInput>;

/** A daily time range in the building's time zone, `HH:MM-HH:MM` (may cross midnight). */
export const TIME_RANGE = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;

export const RELEASE_CHANNELS = ['latest', 'beta'] as const;
export type ReleaseChannel = (typeof RELEASE_CHANNELS)[number];

export const ReleaseSettingsInput = z.strictObject({
  /** The folder the company publishes releases in (electron-updater's generic provider); empty: no updates. */
  feedUrl: z
    .string({ error: 'installation:feedUrl' })
    .max(500, { error: 'installation:feedUrl' })
    .overwrite((v) => v.trim())
    .refine((v) => v === '' || /^https?:\/\/[^\s/?#]+[^\s]*$/i.test(v), { error: 'installation:feedUrl' }),
  channel: z.enum(RELEASE_CHANNELS, { error: 'installation:channel' }),
  /** This building's name in the company's rollout file (`rollout.json`: held back, or in which stage). */
  group: text(40).refine((v) => /^[A-Za-z0-9._-]*$/.test(v), { error: 'installation:group' }),
  /** Never install during these (the shifts' busy hours), in the building's time zone. */
  busyHours: z.array(z.string({ error: 'installation:busyHours' }).regex(TIME_RANGE, { error: 'installation:busyHours' }), { error: 'installation:busyHours' }).max(8, { error: 'installation:busyHours' }),
});
export const ReleaseSettings = z.object({
  feedUrl: z.string(),
  channel: z.enum(RELEASE_CHANNELS),
  group: z.string(),
  busyHours: z.array(z.string()),
});
export type ReleaseSettings = z.infer<typeof ReleaseSettings>;

export const DEFAULT_RELEASE_SETTINGS: ReleaseSettings = {
  feedUrl: '',
  channel: 'latest',
  group: '',
  busyHours: ['07:30-09:30', '11:30-13:30', '17:00-19:00'],
};

export const UPDATE_STATES = ['off', 'checking', 'up-to-date', 'available', 'held', 'waiting', 'downloading', 'ready', 'error'] as const;
export type UpdateState = (typeof UPDATE_STATES)[number];

export const UpdateStatus = z.object({
  state: z.enum(UPDATE_STATES),
  current: z.string(),
  /** The version the feed offers (also when this building is held back from it). */
  available: z.string().nullable(),
  checkedAt: z.number().nullable(),
  /** 'ready': the earliest time it will be installed (outside the busy hours); 'waiting': when this stage starts. */
  notBefore: z.number().nullable(),
  /** An i18n key under `installation:update.why.` or a feed error, for the admin. */
  detail: z.string().nullable(),
  /** The desktop app installs updates itself; a web-mode installation is only told. */
  installsItself: z.boolean(),
});
export type UpdateStatus = z.infer<typeof UpdateStatus>;

export const DisplayChoice = z.object({ id: z.number(), label: z.string(), width: z.number(), height: z.number(), primary: z.boolean() });

export const LogEntry = z.object({ at: z.number(), level: z.string(), message: z.string(), detail: z.string().nullable() });
export type LogEntry = z.infer<typeof LogEntry>;

export const InstallationStatus = z.object({
  /** 'desktop': the Electron app; 'web': `lobby-desk web` (the same desk, screens in a browser). */
  mode: z.enum(['desktop', 'web']),
  version: z.string(),
  folders: z.object({
    data: z.string(),
    backups: z.string(),
    logs: z.string(),
    preferences: z.string(),
    crashDumps: z.string().nullable(),
  }),
  /** Why the data folder is where it is: --data-dir, LOBBY_DESK_DATA_DIR, or the per-machine / per-user default. */
  dataSource: z.enum(['flag', 'env', 'machine', 'user']),
  preferences: DevicePreferences,
  /** What was wrong with the preferences file when it was read (recovered), for the admin to know. */
  preferenceProblems: z.array(z.string()),
  /** Preferences saved that take effect when the desk restarts. */
  pendingRestart: z.array(z.string()),
  capabilities: z.object({ displays: z.boolean(), autoStart: z.boolean(), chooseFolder: z.boolean() }),
  displays: z.array(DisplayChoice),
  server: z.object({ url: z.string().nullable(), lan: z.boolean(), error: z.string().nullable() }),
  recentErrors: z.array(LogEntry),
  update: UpdateStatus,
});
export type InstallationStatus = z.infer<typeof InstallationStatus>;

/** A file name in the data folder's backups folder (never a path). */
const backupName = z
  .string({ error: 'installation:backupName' })
  .max(200, { error: 'installation:backupName' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.sqlite$/, { error: 'installation:backupName' });

export const installation = {
  status: query({
    summary: 'This installation: mode, folders, device preferences, displays, server, last errors, update status.',
    input: empty(),
    output: InstallationStatus,
    allow: ADMIN,
  }),
  updatePreferences: mutation({
    summary: 'Change device preferences; those the desk cannot apply while running take effect at its restart.',
    input: PreferencesInput,
    output: z.object({ preferences: DevicePreferences, appliedNow: z.array(z.string()), pendingRestart: z.array(z.string()) }),
    allow: ADMIN,
  }),
  restart: mutation({
    summary: 'Restart the desk (the desktop app relaunches; web mode reopens the core and the server).',
    input: empty(),
    output: z.object({ restarting: z.boolean() }),
    allow: ADMIN,
  }),
  backupNow: mutation({
    summary: 'Write a checked manual backup into the backups folder now (the desk keeps working).',
    input: empty(),
    output: z.object({ file: z.string(), bytes: z.number(), auditEntries: z.number() }),
    allow: ADMIN,
  }),
  exportBackup: mutation({
    summary: 'Copy a backup to a folder (a USB stick) and check the copy there; the installation key is written beside it (<backup>.key).',
    input: z.strictObject({ file: backupName, folder: text(1000, { min: 1 }) }),
    output: z.object({ written: z.string(), bytes: z.number(), keyFile: z.string().nullable() }),
    allow: ADMIN,
  }),
  restore: mutation({
    summary: 'Put a backup back: checked first; the desk restarts on it and keeps the replaced database as a backup.',
    input: z.strictObject({ file: backupName }),
    output: z.object({ restarting: z.boolean(), file: z.string() }),
    allow: ADMIN,
  }),
  chooseFolder: query({
    summary: 'Let the administrator pick a folder with the system dialog (desktop app); null in a browser.',
    input: empty(),
    output: z.object({ folder: z.string().nullable() }),
    allow: ADMIN,
  }),
  releaseSettings: query({
    summary: 'The release feed, channel, rollout group and busy hours.',
    input: empty(),
    output: ReleaseSettings,
    allow: ADMIN,
  }),
  updateReleaseSettings: mutation({
    summary: 'Change the release feed, channel, rollout group or busy hours.',
    input: ReleaseSettingsInput,
    output: ReleaseSettings,
    allow: ADMIN,
  }),
  checkForUpdates: query({
    summary: 'Ask the release feed now whether an update is available for this building.',
    input: empty(),
    output: UpdateStatus,
    allow: ADMIN,
  }),
};
