// Backups: an online copy of the open database (better-sqlite3 `backup()`, consistent while the desk keeps
// working), checked (integrity and audit chain) before it gets its name; the daily one is a Job whose schedule
// is derived from the newest daily file, and old daily ones are rotated away (keep 14 by default, a setting).
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { CoreServices, FeatureHandlers, Logger } from '../context';
import type { Job } from '../jobs';
import { readSection, writeSection } from '../settings/sections';
import { BackupSettings, DEFAULT_BACKUP_SETTINGS, type BackupKind, type BackupSettings as BackupSettingsT } from '../../../shared/contract/backup';
import { backupDir, backupFileName, checkDatabaseFile, firstProblem, isHealthy, listBackups, rotateDailyBackups } from './files';
import { anchorDatabaseFile } from '../audit/anchors';
import type { KeyRing } from '../keyring';

export const DAY_MS = 24 * 3_600_000;
/** After a failed daily backup, the next attempt waits this long. */
export const RETRY_MS = 3_600_000;

export function backupSettings(db: Database.Database): BackupSettingsT {
  return readSection(db, 'backup', BackupSettings, DEFAULT_BACKUP_SETTINGS);
}

/**
 * Writes an online backup of `db` into the data dir's backups folder and checks it (with the trail's key, when
 * given); returns its path. The head it holds is anchored in the anchors file: a backup is an anchor of the trail.
 */
export async function writeBackup(db: Database.Database, dataDir: string, kind: BackupKind, at: number, keys: KeyRing | null = null): Promise<string> {
  const dir = backupDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, backupFileName(kind, at));
  // Written under a temporary name: a half-written copy (a crash, a full disk) never looks like a backup.
  const partial = `${file}.tmp`;
  try {
    await db.backup(partial);
    const check = checkDatabaseFile(partial, keys);
    if (!isHealthy(check)) {
      throw new Error(`the copy failed its check: integrity ${check.integrity}; audit ${firstProblem(check.audit)}`);
    }
    fs.renameSync(partial, file);
    if (keys) anchorDatabaseFile(dataDir, keys, file, 'backup', at);
    return file;
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

interface DailyState {
  running: Promise<string | null> | null;
  failedAt: number | null;
  lastFailure: string | null;
}

const states = new WeakMap<Database.Database, DailyState>();

function stateOf(db: Database.Database): DailyState {
  let state = states.get(db);
  if (!state) states.set(db, (state = { running: null, failedAt: null, lastFailure: null }));
  return state;
}

/** The daily backup under way for this database, if any (tests await it). */
export function dailyBackupInProgress(db: Database.Database): Promise<string | null> | null {
  return stateOf(db).running;
}

function installedAt(db: Database.Database): number | null {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'created_at'").get() as { value: string } | undefined;
  return row ? Number(row.value) : null;
}

/** A day after the newest daily backup (or after installation); an hour after a failure. Null while one runs. */
export function nextDailyBackupAt(services: Pick<CoreServices, 'db' | 'dataDir'>): number | null {
  const state = stateOf(services.db);
  if (state.running) return null;
  const last = listBackups(services.dataDir).find((b) => b.kind === 'daily')?.at ?? installedAt(services.db);
  if (last === null) return null;
  const due = last + DAY_MS;
  return state.failedAt === null ? due : Math.max(due, state.failedAt + RETRY_MS);
}

function startDailyBackup(db: Database.Database, dataDir: string, at: number, logger: Logger, keys: KeyRing): void {
  const state = stateOf(db);
  if (state.running) return;
  const keep = backupSettings(db).keepDaily;
  // Starts after the job's (empty) transaction has committed; runs in steps while the desk keeps working.
  state.running = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => writeBackup(db, dataDir, 'daily', at, keys))
    .then(
      (file) => {
        state.failedAt = null;
        state.lastFailure = null;
        const removed = rotateDailyBackups(dataDir, keep);
        logger.info('daily backup written', { file: path.basename(file), removed: removed.length });
        return file;
      },
      (error: unknown) => {
        state.failedAt = at;
        state.lastFailure = error instanceof Error ? error.message : String(error);
        logger.error('daily backup failed', { error: state.lastFailure });
        return null;
      },
    )
    .finally(() => {
      state.running = null;
    });
}

export const dailyBackupJob: Job = {
  name: 'backup.daily',
  nextDueAt: (services) => nextDailyBackupAt(services),
  run: (ctx) => startDailyBackup(ctx.db, ctx.dataDir, ctx.now, ctx.logger, ctx.keys),
};

export const backupHandlers: FeatureHandlers<'backup'> = {
  settings: (ctx) => backupSettings(ctx.db),
  updateSettings: (ctx, input) => {
    // Takes effect at the next daily backup, which removes what is beyond the new number.
    writeSection(ctx.tx, 'backup', input);
    return input;
  },
  list: (ctx) => ({
    directory: backupDir(ctx.dataDir),
    backups: listBackups(ctx.dataDir),
    nextDailyAt: nextDailyBackupAt(ctx),
    lastFailure: stateOf(ctx.db).lastFailure,
  }),
};
