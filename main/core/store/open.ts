// Opens the one SQLite connection: durable pragmas, migrations with a backup first, refusal of newer files.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ReadableDB } from './sql';
import { newId } from '../ids';
import type { Clock } from '../clock';
import type { KeyRing } from '../keyring';
import { migrations as allMigrations, LATEST_SCHEMA_VERSION } from './migrations';
import type { Migration } from './migrations/types';
import { BACKUP_DIR, backupFileName, beginPartial, discardPartial, endPartial, isHealthy, sweepBackupDir } from './backup-files';
import { copyAndCheck, fsyncPath } from './backup-copy';

export const DATABASE_FILE = 'lobby-desk.sqlite';
export { BACKUP_DIR };

export class StoreTooNewError extends Error {
  constructor(
    readonly fileVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `The database was written by a newer version of Lobby Desk (schema ${fileVersion}; this app knows up to ${appVersion}). ` +
        'Install the newer version, or restore a backup made by this one.',
    );
    this.name = 'StoreTooNewError';
  }
}

/** A migration that failed: its transaction rolled back, the database is as it was (and backed up before). */
export class MigrationFailedError extends Error {
  constructor(
    readonly version: number,
    readonly migrationName: string,
    readonly reason: unknown,
  ) {
    super(`Updating the database to schema ${version} (${migrationName}) failed: ${reason instanceof Error ? reason.message : String(reason)}`);
    this.name = 'MigrationFailedError';
  }
}

/** The database file exists but SQLite cannot read it: damaged past opening, or not a database at all. */
export class StoreUnreadableError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(
      `The database ${file} cannot be read (${reason}). Restore a backup: close the app, then run ` +
        '`npm run restore -- --data-dir <data dir> --from <backup>`; the unreadable file is kept as it is, as a before-restore backup.',
    );
    this.name = 'StoreUnreadableError';
  }
}

export interface OpenStoreOptions {
  dataDir: string;
  clock: Clock;
  /** For migration tests: apply only these. */
  migrations?: readonly Migration[];
  /** The installation's keys: migrations that write the audit trail or derive keyed values need them. */
  keys?: KeyRing;
}

export interface OpenedStore {
  db: Database.Database;
  file: string;
  installationId: string;
  /** Path of the backup taken before migrating, if one was needed. */
  preMigrationBackup: string | null;
  /** The schema version the file had before this open migrated it (null when it was new or current). */
  migratedFrom: number | null;
}

export function applyPragmas(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  // FULL: a transaction reported as committed survives a power cut.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Deleted content is overwritten with zeros, so a redacted value (V-7) leaves no copy in free space.
  db.pragma('secure_delete = ON');
}

/**
 * The copy before migrating, taken while nothing is served yet: under a temporary name, flushed and checked, and
 * named `pre-migration-vA-to-vB-<time>.sqlite` only then — a kill midway leaves no file under a backup's name.
 */
function backUpBeforeMigrating(file: string, dataDir: string, name: string): string {
  const dir = path.join(dataDir, BACKUP_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, name);
  const partial = beginPartial(target);
  try {
    const check = copyAndCheck({ source: file, target: partial, check: 'quick' });
    if (!isHealthy(check)) throw new Error(`the copy before migrating failed its check (${check.integrity}); nothing was migrated`);
    fs.renameSync(partial, target);
    endPartial(partial);
    fsyncPath(dir);
    return target;
  } catch (error) {
    discardPartial(partial);
    throw error;
  }
}

function unreadable(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
}

/**
 * Copies the WAL into the database file and truncates it to nothing, so that pages as they were before a change
 * (a redaction) are gone from the -wal too. Does not wait: false when a reader (a backup under way) holds an older
 * snapshot, and the caller tries again later.
 */
export function truncateWal(db: ReadableDB): boolean {
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number; log: number; checkpointed: number }>;
    return result !== undefined && result.busy === 0 && result.log <= 0;
  } catch (error) {
    if (error instanceof Error && /busy|locked/i.test(error.message)) return false;
    throw error;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}

/** Set in `meta` once the file's free space holds nothing deleted (it has been rebuilt, or was made with secure_delete). */
const FREE_SPACE_CLEARED = 'free_space_cleared';

/**
 * secure_delete was not always on: a file written before it may hold what redactions blanked (V-7) and what
 * migrations removed (the watch list's ID numbers in full) in its free pages and in the unused space of its pages.
 * Such a file is rebuilt once with VACUUM (which writes only live content; it takes about as long as the backup
 * before a migration, at the first start of this version); a new file needs nothing. Never runs again after that.
 */
function clearFreeSpaceOnce(db: Database.Database, newFile: boolean): void {
  if (db.prepare('SELECT 1 FROM meta WHERE key = ?').get(FREE_SPACE_CLEARED) !== undefined) return;
  if (!newFile) {
    db.exec('VACUUM');
    truncateWal(db);
  }
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(FREE_SPACE_CLEARED, newFile ? 'new' : 'vacuum');
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function openStore(options: OpenStoreOptions): OpenedStore {
  const migrations = options.migrations ?? allMigrations;
  const latest = options.migrations ? migrations.length : LATEST_SCHEMA_VERSION;
  fs.mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, DATABASE_FILE);
  // A restore killed midway left its incoming copy; the swap never happened.
  fs.rmSync(`${file}.restoring`, { force: true });
  const db = new Database(file);
  try {
    try {
      applyPragmas(db);
    } catch (error) {
      if (unreadable(error)) throw new StoreUnreadableError(file, error instanceof Error ? error.message : String(error));
      throw error;
    }
    const current = schemaVersion(db);
    if (current > latest) throw new StoreTooNewError(current, latest);

    let preMigrationBackup: string | null = null;
    if (current > 0 && current < latest) {
      // Same folder and naming as the other backups; made before any schema change.
      preMigrationBackup = backUpBeforeMigrating(file, options.dataDir, backupFileName('pre-migration', options.clock.now(), `v${current}-to-v${latest}`));
    }
    sweepBackupDir(options.dataDir);

    for (const migration of migrations) {
      if (migration.version <= current) continue;
      try {
        db.transaction(() => {
          migration.up(db, { keys: options.keys ?? null, now: options.clock.now() });
          db.pragma(`user_version = ${migration.version}`);
        }).immediate();
      } catch (error) {
        throw new MigrationFailedError(migration.version, migration.name, error);
      }
    }
    // A migration may remove what must not be kept (0009: watch-list ID numbers in full). secure_delete zeroed the
    // freed pages in the file; the -wal may still hold frames of those pages as they were, from before the
    // migration and during it, so it is folded into the file and truncated. Nothing else reads the file yet.
    if (current > 0 && current < latest) truncateWal(db);
    clearFreeSpaceOnce(db, current === 0);

    let installationId = (db.prepare("SELECT value FROM meta WHERE key = 'installation_id'").get() as { value: string } | undefined)
      ?.value;
    if (!installationId) {
      installationId = newId(options.clock.now());
      db.prepare("INSERT INTO meta (key, value) VALUES ('installation_id', ?), ('created_at', ?)").run(
        installationId,
        String(options.clock.now()),
      );
    }
    return { db, file, installationId, preMigrationBackup, migratedFrom: preMigrationBackup ? current : null };
  } catch (error) {
    db.close();
    throw error;
  }
}
