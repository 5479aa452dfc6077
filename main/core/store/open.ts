// Opens the one SQLite connection: durable pragmas, migrations with a backup first, refusal of newer files.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ulid } from 'ulid';
import type { Clock } from '../clock';
import type { KeyRing } from '../keyring';
import { migrations as allMigrations, LATEST_SCHEMA_VERSION } from './migrations';
import type { Migration } from './migrations/types';
import { BACKUP_DIR, backupFileName } from '../backup/files';

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

export interface OpenStoreOptions {
  dataDir: string;
  clock: Clock;
  /** For migration tests: apply only these. */
  migrations?: readonly Migration[];
  /** The installation's keys, for migrations that derive keyed values (the watch list's match hashes). */
  keys?: KeyRing;
}

export interface OpenedStore {
  db: Database.Database;
  file: string;
  installationId: string;
  /** Path of the backup taken before migrating, if one was needed. */
  preMigrationBackup: string | null;
}

export function applyPragmas(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  // FULL: a transaction reported as committed survives a power cut.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function openStore(options: OpenStoreOptions): OpenedStore {
  const migrations = options.migrations ?? allMigrations;
  const latest = options.migrations ? migrations.length : LATEST_SCHEMA_VERSION;
  fs.mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, DATABASE_FILE);
  const db = new Database(file);
  try {
    applyPragmas(db);
    const current = schemaVersion(db);
    if (current > latest) throw new StoreTooNewError(current, latest);

    let preMigrationBackup: string | null = null;
    if (current > 0 && current < latest) {
      const dir = path.join(options.dataDir, BACKUP_DIR);
      fs.mkdirSync(dir, { recursive: true });
      preMigrationBackup = path.join(dir, backupFileName('pre-migration', options.clock.now(), `v${current}-to-v${latest}`));
      // VACUUM INTO writes a consistent copy synchronously, before any schema change (the online backup API the
      // daily backups use is asynchronous, and opening the store is not). Same folder and naming as the others.
      db.prepare('VACUUM INTO ?').run(preMigrationBackup);
    }

    for (const migration of migrations) {
      if (migration.version <= current) continue;
      db.transaction(() => {
        migration.up(db, { keys: options.keys ?? null, now: options.clock.now() });
        db.pragma(`user_version = ${migration.version}`);
      }).immediate();
    }

    let installationId = (db.prepare("SELECT value FROM meta WHERE key = 'installation_id'").get() as { value: string } | undefined)
      ?.value;
    if (!installationId) {
      installationId = ulid(options.clock.now());
      db.prepare("INSERT INTO meta (key, value) VALUES ('installation_id', ?), ('created_at', ?)").run(
        installationId,
        String(options.clock.now()),
      );
    }
    return { db, file, installationId, preMigrationBackup };
  } catch (error) {
    db.close();
    throw error;
  }
}
