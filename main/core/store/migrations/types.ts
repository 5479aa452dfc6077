import type Database from 'better-sqlite3';
import type { KeyRing } from '../../keyring';

/** What a migration may need besides the database: the installation's keys (to write the keyed trail, to derive
 * keyed values) and the time it runs. */
export interface MigrationEnv {
  /** Null when the store is opened without them (a step that needs them then refuses to run). */
  keys: KeyRing | null;
  now: number;
}

/** One numbered schema step. Applied once, in its own transaction, in order of `version`. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database, env: MigrationEnv): void;
}

/** SQL for triggers that make a table's rows impossible to DELETE (records are never hard-deleted). */
export function noDelete(table: string): string {
  return `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
  BEGIN SELECT RAISE(ABORT, 'records are never deleted: ${table}'); END;`;
}

/** SQL for triggers that make a table's rows immutable. */
export function noUpdate(table: string): string {
  return `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
  BEGIN SELECT RAISE(ABORT, 'rows are immutable: ${table}'); END;`;
}
