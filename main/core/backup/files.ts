// Backup files in <data>/backups: how they are named (kind and time in the name, so the schedule can be derived
// from the files themselves), listed, checked and rotated.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BACKUP_KINDS, type BackupFile, type BackupKind } from '../../../shared/contract/backup';
import { verifyTrail, type TrailReport } from '../audit/verify';
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

/** Removes the oldest daily backups beyond `keep`. Manual, pre-migration and before-restore backups are kept. */
export function rotateDailyBackups(dataDir: string, keep: number): string[] {
  const removed: string[] = [];
  for (const old of listBackups(dataDir).filter((b) => b.kind === 'daily').slice(keep)) {
    fs.rmSync(path.join(backupDir(dataDir), old.file), { force: true });
    removed.push(old.file);
  }
  return removed;
}

export interface BackupCheck {
  integrity: string;
  audit: TrailReport;
  schemaVersion: number;
}

function reportOf(code: string, detail: string): TrailReport {
  return {
    ok: false,
    state: 'broken',
    scope: 'full',
    fromSeq: 1,
    entries: 0,
    authenticated: 0,
    head: null,
    problems: [{ code, detail }],
    problemCount: 1,
    anchors: [],
    notices: [],
    tables: null,
    content: null,
    triggers: 0,
  };
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
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return unreadable(error);
  }
  try {
    const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join('; ');
    const hasAudit = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get() !== undefined;
    const audit = hasAudit ? verifyTrail(db, { keys, isCopy: true, scope: 'full' }) : reportOf('file.noTrail', 'no audit trail in this file');
    return { integrity, audit, schemaVersion: db.pragma('user_version', { simple: true }) as number };
  } catch (error) {
    return unreadable(error);
  } finally {
    db.close();
  }
}

function unreadable(error: unknown): BackupCheck {
  const reason = `unreadable: ${error instanceof Error ? error.message : String(error)}`;
  return { integrity: reason, audit: reportOf('file.unreadable', reason), schemaVersion: 0 };
}

/** Integrity ok and nothing broken in the trail (a part that could not be checked for want of a key is allowed). */
export function isHealthy(check: BackupCheck): boolean {
  return check.integrity === 'ok' && check.audit.state !== 'broken';
}
