// Backup files in <data>/backups: how they are named (kind and time in the name, so the schedule can be derived
// from the files themselves), listed, checked, rotated, and how what a killed copy left behind is swept away.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BACKUP_KINDS, type BackupFile, type BackupKind } from '../../../shared/contract/backup';
import { verifyTrail, type TrailReport } from '../audit/verify';
import { failedReport } from '../audit/report';
import type { KeyRing } from '../keyring';

export const BACKUP_DIR = 'backups';

const NAME = new RegExp(`^(${BACKUP_KINDS.join('|')})(?:-(.+?))?-(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z)\\.sqlite$`);

export function backupDir(dataDir: string): string {
  return path.join(dataDir, BACKUP_DIR);
}

/** `daily-2026-11-27T02-00-00-000Z.sqlite`, `pre-migration-v1-to-v2-….sqlite`. */
export function backupFileName(kind: BackupKind, at: number, detail?: string): string {
  const stamp = new Date(at).toISOString().replace(/[:.]/g, '-');
  return `${kind}${detail ? `-${detail}` : ''}-${stamp}.sqlite`;
}

export function parseBackupFileName(name: string): { kind: BackupKind; at: number } | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [, kind, , stamp] = match;
  const iso = stamp!.replace(/T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, 'T$1:$2:$3.$4Z');
  const at = Date.parse(iso);
  return Number.isNaN(at) ? null : { kind: kind as BackupKind, at };
}

/** The detail between a backup's kind and time (`v1-to-v2` of a pre-migration backup), or null. */
export function backupDetail(name: string): string | null {
  return NAME.exec(name)?.[2] ?? null;
}

/** Every backup in the data dir, newest first. Files being written (`.tmp`) and anything else are ignored. */
export function listBackups(dataDir: string): BackupFile[] {
  const dir = backupDir(dataDir);
  // No folder yet (or something else in its place, which makes the next backup fail and say why).
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return [];
  const out: BackupFile[] = [];
  for (const name of fs.readdirSync(dir)) {
    const parsed = parseBackupFileName(name);
    if (!parsed) continue;
    out.push({ file: name, kind: parsed.kind, at: parsed.at, bytes: fs.statSync(path.join(dir, name)).size });
  }
  return out.sort((a, b) => b.at - a.at || b.file.localeCompare(a.file));
}

/**
 * Removes the oldest daily backups beyond `keep`; a pre-migration backup once `keep` daily backups newer than it
 * are kept (it then lies beyond the window the daily ones cover, and it holds what a migration removed, such as
 * watch-list ID numbers in full); and leftovers (see sweepBackupDir). Manual and before-restore copies are kept.
 */
export function rotateDailyBackups(dataDir: string, keep: number): string[] {
  const all = listBackups(dataDir);
  const daily = all.filter((b) => b.kind === 'daily');
  const oldestKept = daily.length >= keep ? daily[keep - 1] : undefined;
  const expired = [
    ...daily.slice(keep),
    ...(oldestKept ? all.filter((b) => b.kind === 'pre-migration' && b.at < oldestKept.at) : []),
  ];
  const removed: string[] = [];
  for (const old of expired) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(path.join(backupDir(dataDir), old.file + suffix), { force: true });
    removed.push(old.file);
  }
  return [...removed, ...sweepBackupDir(dataDir)];
}

/** Copies being written by this process (their partial paths): the sweep leaves them alone. */
const partialsInProgress = new Set<string>();

/**
 * The temporary name a backup is written under until it checks out: `<name>.<pid>.tmp`. The process id tells a
 * copy still being written by another process (`lobby-desk backup` beside the running app) from one a killed
 * process left.
 */
export function beginPartial(file: string): string {
  const partial = `${file}.${process.pid}.tmp`;
  partialsInProgress.add(partial);
  return partial;
}

/** Removes a partial copy and anything SQLite made beside it; it is no longer in progress. */
export function discardPartial(partial: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(partial + suffix, { force: true });
  partialsInProgress.delete(partial);
}

export function endPartial(partial: string): void {
  partialsInProgress.delete(partial);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const PARTIAL = /\.sqlite(?:\.(\d+))?\.tmp(?:-wal|-shm|-journal)?$/;
const COMPANION = /\.sqlite-(wal|shm|journal)$/;

/**
 * Removes what interrupted backups leave in the folder: partial copies (`.tmp`, and the `-wal`/`-shm`/`-journal`
 * SQLite made beside them) whose writer is gone, and `-shm`/`-journal`/empty `-wal` files beside finished backups
 * (backups are written out of WAL mode; older ones opened read-only left these). A non-empty `-wal` beside a
 * backup is kept: it holds the last transactions of a database kept as it was (a damaged one, before a restore).
 */
export function sweepBackupDir(dataDir: string): string[] {
  const dir = backupDir(dataDir);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return [];
  const removed: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    const full = path.join(dir, name);
    const partial = PARTIAL.exec(name);
    if (partial) {
      const pid = partial[1] === undefined ? null : Number(partial[1]);
      const owner = full.replace(/-(wal|shm|journal)$/, '');
      const inProgress = pid === process.pid ? partialsInProgress.has(owner) : pid !== null && processAlive(pid);
      if (inProgress) continue;
    } else {
      const companion = COMPANION.exec(name);
      if (!companion || !parseBackupFileName(name.replace(COMPANION, '.sqlite'))) continue;
      if (companion[1] === 'wal' && fs.statSync(full).size > 0) continue;
    }
    fs.rmSync(full, { force: true });
    removed.push(name);
  }
  return removed;
}

export interface BackupCheck {
  integrity: string;
  audit: TrailReport;
  schemaVersion: number;
}


/** The first problem of a check, in words (English), for messages such as a refused restore. */
export function firstProblem(report: TrailReport): string {
  const p = report.problems[0];
  if (!p) return report.state === 'unverified' ? 'not every part could be checked (a key is missing)' : 'ok';
  return `${p.code}${p.seq !== undefined ? ` at entry ${p.seq}` : ''}${p.table ? ` (${p.table} ${p.id ?? ''} ${p.field ?? ''})`.replace(/ +\)/, ')') : ''}${p.detail ? `: ${p.detail}` : ''}`;
}

/**
 * Opens a database file read-only and checks it: SQLite's integrity_check and the same check of the trail as
 * `audit:verify` (links under the key, every audited table, content hashes, triggers) — a copy is not compared
 * with the anchors beside the live database, which may be newer.
 */
export function checkDatabaseFile(file: string, keys: KeyRing | null = null): BackupCheck {
  return readOnly(file, (db) => {
    const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join('; ');
    const hasAudit = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get() !== undefined;
    const audit = hasAudit ? verifyTrail(db, { keys, isCopy: true, scope: 'full' }) : failedReport('file.noTrail', 'no audit trail in this file');
    return { integrity, audit, schemaVersion: db.pragma('user_version', { simple: true }) as number };
  });
}

/** A lighter check for the copy taken at start before migrating: SQLite's quick_check and the schema version. */
export function quickCheckDatabaseFile(file: string): BackupCheck {
  return readOnly(file, (db) => {
    const integrity = (db.pragma('quick_check') as Array<{ quick_check: string }>).map((r) => r.quick_check).join('; ');
    // The trail is not walked here (the file is the live one's copy of a moment ago; the start check follows).
    const audit: TrailReport = { ...failedReport('file.quickOnly', 'the trail is not walked by the quick check'), ok: true, state: 'ok', problems: [], problemCount: 0 };
    return { integrity, audit, schemaVersion: db.pragma('user_version', { simple: true }) as number };
  });
}

/** Opens a file read-only for a check; a file that cannot be opened or read is reported, never thrown. */
function readOnly(file: string, check: (db: Database.Database) => BackupCheck): BackupCheck {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return unreadable(error);
  }
  try {
    return check(db);
  } catch (error) {
    return unreadable(error);
  } finally {
    db.close();
  }
}

function unreadable(error: unknown): BackupCheck {
  const reason = `unreadable: ${error instanceof Error ? error.message : String(error)}`;
  return { integrity: reason, audit: failedReport('file.unreadable', reason), schemaVersion: 0 };
}

/** Integrity ok and nothing broken in the trail (a part that could not be checked for want of a key is allowed). */
export function isHealthy(check: BackupCheck): boolean {
  return check.integrity === 'ok' && check.audit.state !== 'broken';
}
