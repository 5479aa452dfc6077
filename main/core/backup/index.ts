// Backups: a copy of the open database made and checked (integrity and audit chain) in a worker thread on its
// own connection, so the desk keeps answering however large the file; it gets its name only once it checks out.
// The daily one is a Job whose schedule is derived from the newest daily file, and old daily ones are rotated away
// (keep 14 by default, a setting).
import type { ReadableDB } from '../store/sql';
import fs from 'node:fs';
import path from 'node:path';
import type { CoreServices, FeatureHandlers, Logger } from '../context';
import type { Job } from '../jobs';
import { readSection, writeSection } from '../settings';
import { BackupSettings, DEFAULT_BACKUP_SETTINGS, type BackupKind, type BackupSettings as BackupSettingsT } from '../../../shared/contract/backup';
import { runWorker, type WorkerLimits } from '../workers';
import { backupDetail, backupDir, backupFileName, beginPartial, discardPartial, endPartial, firstProblem, isHealthy, listBackups, rotateDailyBackups, type BackupCheck } from '../store/backup-files';
import { fsyncPath, type CopyTask } from '../store/backup-copy';
import { waitStart, type WallClockJump } from '../clock-jump';
import { anchorDatabaseFile } from '../audit/anchors';
import { derivedKeysOf, type KeyRing } from '../keyring';

export const DAY_MS = 24 * 3_600_000;
/** After a failed daily backup, the next attempt waits this long. */
export const RETRY_MS = 3_600_000;

export function backupSettings(db: ReadableDB): BackupSettingsT {
  return readSection(db, 'backup', BackupSettings, DEFAULT_BACKUP_SETTINGS);
}

/**
 * The backup worker: SQLite's memory is its own (not the heap); the heap holds the audit check's redaction index.
 * No time limit: a large file takes as long as it takes, and the desk does not wait for it.
 */
export const BACKUP_WORKER_LIMITS: WorkerLimits = { heapMb: 512, youngMb: 16, timeoutMs: null };

export interface WriteBackupOptions {
  /** Stops the copy (the app is closing); nothing is left under a backup name. */
  signal?: AbortSignal;
  /** Between the kind and the time in the file's name. */
  detail?: string;
  /**
   * The trail's keys: the worker checks the copy's links under them (derived keys only go to the worker), and the
   * head the copy holds is anchored in the anchors file after the rename — a backup is an anchor of the trail.
   */
  keys?: KeyRing | null;
}

/**
 * Writes a checked copy of the database `db` has open into the data dir's backups folder; returns its path.
 * The one place backup files are written: the copy is made and checked off the desk's thread under a temporary
 * name, and renamed to `<kind>-<time>.sqlite` only once it checks out (with the keys: checked under them, and
 * its head anchored once it has its name).
 */
export async function writeBackup(db: ReadableDB, dataDir: string, kind: BackupKind, at: number, options: WriteBackupOptions = {}): Promise<string> {
  const dir = backupDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, backupFileName(kind, at, options.detail));
  // A half-written copy (a crash, a kill, a full disk) never looks like a backup.
  const partial = beginPartial(file);
  try {
    const keys = options.keys ?? null;
    const task: CopyTask = { source: path.resolve(db.name), target: partial, check: 'full', keys: keys ? derivedKeysOf(keys) : null };
    const check = await runWorker<CopyTask, BackupCheck>('backup', task, { limits: BACKUP_WORKER_LIMITS, signal: options.signal });
    if (!isHealthy(check)) {
      throw new Error(`the copy failed its check: integrity ${check.integrity}; audit ${firstProblem(check.audit)}`);
    }
    fs.renameSync(partial, file);
    endPartial(partial);
    fsyncPath(dir);
    if (keys) anchorDatabaseFile(dataDir, keys, file, 'backup', at);
    return file;
  } catch (error) {
    discardPartial(partial);
    throw error;
  }
}

interface DailyState {
  running: Promise<string | null> | null;
  /** Stops the copy under way when the app closes. */
  abort: AbortController | null;
  failedAt: number | null;
  lastFailure: string | null;
}

const states = new WeakMap<ReadableDB, DailyState>();

function stateOf(db: ReadableDB): DailyState {
  let state = states.get(db);
  if (!state) states.set(db, (state = { running: null, abort: null, failedAt: null, lastFailure: null }));
  return state;
}

/** The daily backup under way for this database, if any (tests await it). */
export function dailyBackupInProgress(db: ReadableDB): Promise<string | null> | null {
  return stateOf(db).running;
}

function installedAt(db: ReadableDB): number | null {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'created_at'").get() as { value: string } | undefined;
  return row ? Number(row.value) : null;
}

/**
 * The name detail of daily backups made after the clock went back, while the wall clock is still short of the
 * time seen before the jump: the only way to tell them from the backups made before it with the same times.
 */
export function afterJumpDetail(jump: WallClockJump): string {
  return `after-jump-${jump.noticedAt.toString(36)}`;
}

/**
 * A day after the newest daily backup (or after installation); an hour after a failure. Null while one runs.
 * Bounded when the clock has gone back: a backup made before the jump with a time past the moment it was noticed
 * counts from that moment (backups made since carry `afterJumpDetail` in their name); with no jump noticed and a
 * backup "in the future", one is due now — never a day plus the jump away.
 */
export function nextDailyBackupAt(services: Pick<CoreServices, 'db' | 'dataDir' | 'clockJump'>, now: number): number | null {
  const state = stateOf(services.db);
  if (state.running) return null;
  const jump = services.clockJump;
  const marker = jump ? afterJumpDetail(jump) : null;
  const times = listBackups(services.dataDir)
    .filter((b) => b.kind === 'daily')
    .map((b) => (jump && b.at > jump.noticedAt && b.at <= jump.recordAt && backupDetail(b.file) !== marker ? jump.noticedAt : b.at));
  if (times.length === 0) {
    const installed = installedAt(services.db);
    if (installed === null) return null;
    times.push(waitStart(installed, now, jump));
  }
  const last = Math.max(...times);
  if (last > now) return now;
  const due = last + DAY_MS;
  return state.failedAt === null ? due : Math.max(due, waitStart(state.failedAt, now, jump) + RETRY_MS);
}

function startDailyBackup(db: ReadableDB, dataDir: string, at: number, logger: Logger, jump: WallClockJump | null, keys: KeyRing): void {
  const state = stateOf(db);
  if (state.running) return;
  const keep = backupSettings(db).keepDaily;
  const abort = new AbortController();
  state.abort = abort;
  // Starts after the job's (empty) transaction has committed; the copy runs in a worker while the desk keeps working.
  state.running = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => writeBackup(db, dataDir, 'daily', at, { signal: abort.signal, detail: jump && at <= jump.recordAt ? afterJumpDetail(jump) : undefined, keys }))
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
        if (!abort.signal.aborted) logger.error('daily backup failed', { error: state.lastFailure });
        return null;
      },
    )
    .finally(() => {
      state.running = null;
      state.abort = null;
    });
}

export const dailyBackupJob: Job = {
  name: 'backup.daily',
  nextDueAt: (services, now) => nextDailyBackupAt(services, now),
  run: (ctx) => startDailyBackup(ctx.db, ctx.dataDir, ctx.now, ctx.logger, ctx.clockJump, ctx.keys),
  stop: (services) => stateOf(services.db).abort?.abort(),
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
    nextDailyAt: nextDailyBackupAt(ctx, ctx.now),
    lastFailure: stateOf(ctx.db).lastFailure,
  }),
};

// The public face: what other features use of this one.
export { backupDir, checkDatabaseFile, isHealthy, listBackups } from '../store/backup-files';
