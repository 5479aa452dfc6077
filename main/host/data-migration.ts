// Moving an installation's data from where an earlier version kept it (the roaming profile on Windows) to the data
// folder this version uses, once, before the core opens. Nothing is deleted: the database is copied consistently
// (VACUUM INTO, after a checkpoint), checked, and only then put in place; the keys and backups are copied beside
// it; the old folder keeps its files, its database renamed `lobby-desk.sqlite.moved` with a note saying where
// the data went, so a second start does not move it again and a person looking there finds the way.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../core/store/open';
import { checkDatabaseFile } from '../core/store/backup-files';
import { databaseInUse } from '../core/backup/restore';
import { LOCK_FILE, lockHolder } from './data-lock';
import { earlierDataDirs, type DataDirChoice } from '../data-dir';
import type { Logger } from '../core/context';

export const MOVED_SUFFIX = '.moved';
export const MOVED_NOTE = 'MOVED.txt';

/** What to do about earlier data folders, decided from what exists (pure but for `exists`). */
export type MigrationPlan =
  | { action: 'none' }
  | { action: 'move'; from: string }
  /** The chosen folder already has data and an earlier one still has an unmoved database: say so, move nothing. */
  | { action: 'leftover'; from: string };

export function planDataMigration(target: string, earlier: readonly string[], exists: (file: string) => boolean = fs.existsSync): MigrationPlan {
  const withData = earlier.find((dir) => exists(path.join(dir, DATABASE_FILE)));
  if (exists(path.join(target, DATABASE_FILE))) return withData ? { action: 'leftover', from: withData } : { action: 'none' };
  return withData ? { action: 'move', from: withData } : { action: 'none' };
}

export class DataMigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataMigrationError';
  }
}

/** Files and folders of a data folder that are not copied: the database itself (copied apart), its journals, locks. */
function isCopied(name: string): boolean {
  if (name === DATABASE_FILE || name.startsWith(`${DATABASE_FILE}-`) || name.startsWith(`${DATABASE_FILE}.`)) return false;
  return !name.startsWith(LOCK_FILE) && name !== MOVED_NOTE;
}

function copyTree(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) copyTree(source, target);
    else if (entry.isFile() && !fs.existsSync(target)) {
      fs.copyFileSync(source, target);
      fs.chmodSync(target, fs.statSync(source).mode & 0o777); // the installation key stays owner-only
    }
  }
}

export interface MigrationResult {
  from: string;
  to: string;
  copied: string[];
}

/** Moves the data of `from` into `to` (which has no database). Throws DataMigrationError and changes nothing on failure. */
export function moveDataDir(from: string, to: string, now: number): MigrationResult {
  const source = path.join(from, DATABASE_FILE);
  if (lockHolder(from) || databaseInUse(source)) {
    throw new DataMigrationError(`Lobby Desk data at ${from} is in use by another Lobby Desk; close it, then start again to move the data to ${to}.`);
  }
  fs.mkdirSync(to, { recursive: true });
  const target = path.join(to, DATABASE_FILE);
  const partial = `${target}.moving`;
  fs.rmSync(partial, { force: true });
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.prepare('VACUUM INTO ?').run(partial);
  } finally {
    db.close();
  }
  const check = checkDatabaseFile(partial);
  if (check.integrity !== 'ok') {
    fs.rmSync(partial, { force: true });
    throw new DataMigrationError(`The database at ${source} failed its integrity check (${check.integrity}); it was not moved. Restore a backup into ${to}.`);
  }
  const copied: string[] = [];
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (!isCopied(entry.name)) continue;
    if (entry.isDirectory()) copyTree(path.join(from, entry.name), path.join(to, entry.name));
    else if (entry.isFile()) fs.copyFileSync(path.join(from, entry.name), path.join(to, entry.name));
    copied.push(entry.name);
  }
  fs.renameSync(partial, target);
  // Only now is the old one marked: a crash before this line leaves it unmoved, and the next start sees the
  // target has data (a leftover, reported) rather than moving twice.
  fs.renameSync(source, `${source}${MOVED_SUFFIX}`);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${source}${suffix}`, { force: true });
  fs.writeFileSync(
    path.join(from, MOVED_NOTE),
    `Lobby Desk moved this data to ${to} on ${new Date(now).toISOString()}.\n` +
      `Lobby Desk 已于 ${new Date(now).toISOString()} 将此处的数据移至 ${to}。\n` +
      `${DATABASE_FILE}${MOVED_SUFFIX} is the database as it was; it can be deleted once the desk works from the new folder.\n`,
  );
  return { from, to, copied };
}

/**
 * Before the core opens: when the data folder is the default one (not named by a flag or the environment) and has
 * no database while an earlier folder has one, move it. A leftover database in an earlier folder is only reported.
 */
export function migrateEarlierData(choice: DataDirChoice, logger: Logger, now: number, earlier: readonly string[] = earlierDataDirs(choice.dir)): MigrationResult | null {
  if (choice.source === 'flag' || choice.source === 'env') return null;
  const plan = planDataMigration(choice.dir, earlier);
  if (plan.action === 'leftover') {
    logger.warn('an earlier data folder still holds a database; the desk uses the current one', { earlier: plan.from, current: choice.dir });
    return null;
  }
  if (plan.action !== 'move') return null;
  const result = moveDataDir(plan.from, choice.dir, now);
  logger.info('data moved to the new data folder', { from: result.from, to: result.to, copied: result.copied });
  return result;
}
