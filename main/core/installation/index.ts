// This installation: device preferences, folders and last errors, backup now / export / restore through
// the backup feature's own functions, and the release feed. The shell does what only it can (the preferences file,
// restarting, the folder dialog, checking the feed) behind `ctx.host.installation`; every change is audited here.
import type { ReadableDB } from '../store/sql';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { CallContext, FeatureHandlers } from '../context';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { readSection, writeSection } from '../settings';
import { writeBackup } from '../backup';
import { backupDir, checkDatabaseFile, isHealthy, listBackups } from '../backup';
import { LATEST_SCHEMA_VERSION } from '../store/migrations';
import type { InstallationHost } from './host';
import { fingerprintIn, keyFileBeside } from '../keyring/binding';
import type { KeyRing } from '../keyring';
import { DEFAULT_RELEASE_SETTINGS, ReleaseSettings, type ReleaseSettings as ReleaseSettingsT } from '../../../shared/contract/installation';

export const RELEASES_SECTION = 'releases';

export function releaseSettings(db: ReadableDB): ReleaseSettingsT {
  return readSection(db, RELEASES_SECTION, ReleaseSettings, DEFAULT_RELEASE_SETTINGS);
}

/** Checks a database file read-only and removes the -wal/-shm files that opening it left (a WAL file's copy). */
function checkFile(file: string, keys: KeyRing | null): ReturnType<typeof checkDatabaseFile> {
  try {
    return checkDatabaseFile(file, keys);
  } finally {
    const wal = `${file}-wal`;
    if (fs.existsSync(wal) && fs.statSync(wal).size === 0) fs.rmSync(wal, { force: true });
    fs.rmSync(`${file}-shm`, { force: true });
  }
}

function hostOf(ctx: Pick<CallContext, 'host'>): InstallationHost {
  if (!ctx.host.installation) throw new ConflictError('installation:error.unavailable');
  return ctx.host.installation;
}

/** A backup named by the caller: only a file listed in the backups folder, never a path. */
function backupFile(dataDir: string, name: string): string {
  if (!listBackups(dataDir).some((b) => b.file === name)) throw new NotFoundError('installation:error.backupNotFound', { file: name });
  return path.join(backupDir(dataDir), name);
}

/** The backup must be sound, not from a newer version and written with this installation's key before the desk restarts on it. */
function checkRestorable(file: string, keys: KeyRing): void {
  const fingerprint = keys.fingerprint;
  const check = checkFile(file, keys);
  if (check.integrity !== 'ok') throw new ConflictError('installation:error.backupDamaged', { detail: check.integrity });
  if (check.audit.state === 'broken') throw new ConflictError('installation:error.backupTrail', { seq: check.audit.problems[0]?.seq ?? 0 });
  if (check.schemaVersion > LATEST_SCHEMA_VERSION) throw new ConflictError('installation:error.backupTooNew');
  const recorded = keyFingerprintOf(file);
  if (recorded !== null && recorded !== fingerprint) throw new ConflictError('installation:error.backupOtherKey');
}

function keyFingerprintOf(file: string): string | null {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return fingerprintIn(db);
  } finally {
    db.close();
  }
}

export const installationHandlers: FeatureHandlers<'installation'> = {
  status: (ctx) => {
    const host = hostOf(ctx);
    return {
      mode: host.mode,
      version: ctx.version,
      folders: host.folders(),
      dataSource: host.dataSource(),
      preferences: host.preferences(),
      preferenceProblems: host.preferenceProblems(),
      pendingRestart: host.pendingRestart(),
      capabilities: host.capabilities(),
      displays: host.displays(),
      server: host.server(),
      recentErrors: host.recentErrors(20),
      update: host.updateStatus(),
    };
  },

  updatePreferences: (ctx, input) => {
    const host = hostOf(ctx);
    const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    if (Object.keys(patch).length === 0) throw ValidationError.field('lanEnabled', 'installation:nothingToChange');
    // Audited first: if saving the file fails, the call fails and the entry is rolled back with it.
    const before = host.preferences();
    ctx.tx.note('installation', 'device-preferences', {
      changed: Object.keys(patch),
      before: Object.fromEntries(Object.keys(patch).map((k) => [k, before[k as keyof typeof before]])),
      after: patch,
    });
    return host.setPreferences(patch);
  },

  restart: (ctx) => {
    const host = hostOf(ctx);
    ctx.tx.note('installation', null, { restart: true });
    host.scheduleRestart({});
    return { restarting: true };
  },

  backupNow: {
    // The backup feature's own online backup, checked before it gets its name; the desk keeps working meanwhile.
    prepare: async (ctx) => {
      hostOf(ctx);
      const file = await writeBackup(ctx.db, ctx.dataDir, 'manual', ctx.now, { keys: ctx.keys });
      return { file, bytes: fs.statSync(file).size, auditEntries: checkFile(file, ctx.keys).audit.entries };
    },
    run: (ctx, _input, made: { file: string; bytes: number; auditEntries: number }) => {
      ctx.tx.note('backup', path.basename(made.file), { kind: 'manual', bytes: made.bytes });
      return { file: path.basename(made.file), bytes: made.bytes, auditEntries: made.auditEntries };
    },
  },

  exportBackup: {
    prepare: async (ctx, input) => {
      hostOf(ctx);
      const source = backupFile(ctx.dataDir, input.file);
      const folder = input.folder;
      if (!path.isAbsolute(folder) || !fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
        throw ValidationError.field('folder', 'installation:error.folderNotFound', { folder });
      }
      const target = path.join(folder, input.file);
      if (fs.existsSync(target)) throw new ConflictError('installation:error.exportExists', { file: target });
      const partial = `${target}.partial`;
      // The installation key goes with it: without it the watch list (and every keyed value) of a restored copy
      // cannot be checked. Whoever holds the stick holds the key, so it is kept as safely as the PC.
      const keyFile = keyFileBeside(target);
      if (fs.existsSync(keyFile)) throw new ConflictError('installation:error.exportExists', { file: keyFile });
      try {
        await fs.promises.copyFile(source, partial);
        const check = checkFile(partial, ctx.keys);
        if (!isHealthy(check)) throw new ConflictError('installation:error.exportBroken', { folder });
        ctx.exportKeyTo(keyFile);
        fs.renameSync(partial, target);
      } catch (error) {
        fs.rmSync(partial, { force: true });
        if (!fs.existsSync(target)) fs.rmSync(keyFile, { force: true });
        if (error instanceof ConflictError) throw error;
        throw new ConflictError('installation:error.exportFailed', { folder, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
      }
      return { written: target, bytes: fs.statSync(target).size, keyFile };
    },
    run: (ctx, input, written: { written: string; bytes: number; keyFile: string | null }) => {
      ctx.tx.note('backup', input.file, { exportedTo: written.written, bytes: written.bytes, withKey: written.keyFile !== null });
      return written;
    },
  },

  restore: {
    prepare: async (ctx, input) => {
      hostOf(ctx);
      const file = backupFile(ctx.dataDir, input.file);
      checkRestorable(file, ctx.keys);
      return file;
    },
    run: (ctx, input, file: string) => {
      // Recorded in the database being replaced, which is itself kept as a before-restore backup.
      ctx.tx.note('backup', input.file, { restore: true });
      hostOf(ctx).scheduleRestart({ restoreFrom: file });
      return { restarting: true, file: input.file };
    },
  },

  chooseFolder: async (ctx) => {
    const host = hostOf(ctx);
    return { folder: host.chooseFolder ? await host.chooseFolder() : null };
  },

  releaseSettings: (ctx) => releaseSettings(ctx.db),

  updateReleaseSettings: (ctx, input) => {
    writeSection(ctx.tx, RELEASES_SECTION, input);
    return input;
  },

  checkForUpdates: async (ctx) => hostOf(ctx).checkForUpdates(),
};
