// How a backup file is made, wherever it runs (the backup worker; the pre-migration copy at start): one
// `VACUUM INTO` from a read transaction of its own — a consistent snapshot while the desk keeps writing, holding
// only live rows (no free pages, so nothing a redaction blanked survives into it) — then the copy is taken out of
// WAL mode (opening it later leaves no -wal/-shm beside it), flushed to disk, and checked.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { checkDatabaseFile, quickCheckDatabaseFile, type BackupCheck } from './backup-files';
import { keyRingOfDerived, type DerivedKeys } from '../keyring';

export interface CopyTask {
  /** The live database file. */
  source: string;
  /** Where the copy goes (a temporary name; the caller renames it once it checks out). */
  target: string;
  /** `full`: integrity_check and the audit chain; `quick`: quick_check only (the pre-migration copy at start). */
  check: 'full' | 'quick';
  /**
   * The trail's keys for the full check (derived keys only, never the secret): the links and the tables are
   * checked in the worker under the key, as audit:verify does. Without them the links read as unverified.
   */
  keys?: DerivedKeys | null;
}

/** Flushes a file (or a folder's entry list) to disk; folders cannot be flushed on every platform. */
export function fsyncPath(target: string): void {
  const fd = fs.openSync(target, 'r');
  try {
    fs.fsyncSync(fd);
  } catch {
    /* directories cannot be fsynced on every platform */
  } finally {
    fs.closeSync(fd);
  }
}

/** Copies `source` into `target` and checks the copy; the copy is left in place whatever the check says. */
export function copyAndCheck(task: CopyTask): BackupCheck {
  fs.rmSync(task.target, { force: true });
  const source = new Database(task.source, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    source.prepare('VACUUM INTO ?').run(task.target);
  } finally {
    source.close();
  }
  const copy = new Database(task.target, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  // SQLite does not flush what VACUUM INTO writes.
  fsyncPath(task.target);
  return task.check === 'full' ? checkDatabaseFile(task.target, task.keys ? keyRingOfDerived(task.keys) : null) : quickCheckDatabaseFile(task.target);
}
