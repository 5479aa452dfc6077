// Verify's comparison of the trail with every anchor it can find: the anchors file beside the database, the head of
// every backup, heads written on paper. Restores recorded in the anchors file supersede what they replaced.
import type { ReadableDB } from '../store/sql';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { KeyRing } from '../keyring';
import { cached } from '../store/sql';
import { readAnchors, type Anchor } from './anchors';
import { isLegacyTrail } from './legacy';
import type { Report } from './report';
import type { AnchorCheck } from '../../../shared/contract/audit';

export interface PaperAnchor {
  seq: number;
  /** The short link as printed (spaces ignored), at least 8 hex digits. */
  link: string;
}

export interface AnchorOptions {
  keys: KeyRing | null;
  /** Where the anchors file and the backups are (absent: only the database is checked). */
  dataDir?: string | null;
  scope?: 'full' | 'start';
  paper?: readonly PaperAnchor[];
  /** Not the live database but a copy (a backup being checked): the live anchors may be newer than it. */
  isCopy?: boolean;
}

const BACKUP_DIR = 'backups';
const BACKUP_FILE = /\.sqlite$/;
/** The time in a backup's name (`daily-2026-11-27T02-00-00-000Z.sqlite`): the app's clock, like the anchors'. */
const BACKUP_STAMP = /(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.sqlite$/;

function backupTime(dir: string, name: string): number {
  const m = BACKUP_STAMP.exec(name);
  const at = m ? Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`) : NaN;
  return Number.isNaN(at) ? fs.statSync(path.join(dir, name)).mtimeMs : at;
}
export function installationOf(db: ReadableDB): string | null {
  return (db.prepare("SELECT value FROM meta WHERE key = 'installation_id'").get() as { value: string } | undefined)?.value ?? null;
}

interface InForce {
  source: AnchorCheck['source'];
  name: string;
  seq: number;
  link: string;
  at: number | null;
}

function checkAnchor(db: ReadableDB, a: InForce, report: Report): void {
  const entry = cached(db, 'SELECT link FROM audit_log WHERE seq = ?').get(a.seq) as { link: Buffer } | undefined;
  const given = a.link.replace(/\s+/g, '').toLowerCase();
  let result: AnchorCheck['result'] = 'ok';
  if (!entry) result = 'beyond';
  else if (!entry.link.toString('hex').startsWith(given) || given.length < 8) result = 'differs';
  report.anchors.push({ source: a.source, name: a.name, seq: a.seq, at: a.at, result });
  if (result === 'beyond') report.problem({ code: `${a.source}.beyond`, seq: a.seq, detail: a.name });
  if (result === 'differs') report.problem({ code: `${a.source}.differs`, seq: a.seq, detail: a.name });
}

/** Restores recorded in the anchors file: anchors older than a restore with a later head are superseded by it. */
function supersededBy(restores: readonly Anchor[], seq: number, at: number | null, line?: number, lineOf?: (a: Anchor) => number): Anchor | null {
  for (const r of restores) {
    const later = line !== undefined && lineOf ? lineOf(r) > line : at !== null && r.at >= at;
    if (later && seq > r.seq) return r;
  }
  return null;
}

function headOfFile(file: string): { installation: string | null; seq: number; link: string; legacy: boolean } | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    if (isLegacyTrail(db)) return { installation: installationOf(db), seq: 0, link: '', legacy: true };
    const head = db.prepare('SELECT seq, link FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; link: Buffer } | undefined;
    if (!head) return null;
    return { installation: installationOf(db), seq: head.seq, link: head.link.toString('hex'), legacy: false };
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

/** Checks every anchor found; returns the newest anchored entry that matched (where the start check begins). */
export function checkAnchorsEverywhere(db: ReadableDB, installationId: string, headSeq: number, options: AnchorOptions, report: Report): number {
  const dataDir = options.dataDir;
  let fromSeq = 1;
  const restores: Anchor[] = [];
  if (dataDir && !options.isCopy) {
    // At start only the file's tail (its last 64 KB, some 250 lines): what can have changed since the last start.
    const { exists, lines: read } = readAnchors(dataDir, options.keys, options.scope === 'start' ? 64 * 1024 : null);
    const lines = read;
    if (!exists) {
      if (headSeq > 0) report.problem({ code: 'anchors.missing' });
    } else {
      const lineOf = new Map<Anchor, number>();
      for (const l of lines) if (l.anchor) lineOf.set(l.anchor, l.line);
      for (const l of lines) if (l.problem === null && l.anchor?.why === 'restore' && l.anchor.installation === installationId) restores.push(l.anchor);
      const lastLine = lines[lines.length - 1]?.line ?? 0;
      const tornLines = new Set(lines.filter((l) => l.problem === null && l.anchor?.torn !== undefined).map((l) => l.anchor!.torn!));
      for (const l of lines) {
        if (l.problem === 'damaged') {
          // A torn line is what a power cut while appending leaves (the last one, or one the next line names); any
          // other damaged line was put there.
          if (l.line === lastLine || tornLines.has(l.line)) report.notices.push({ code: 'anchors.tornLine', detail: String(l.line) });
          else report.problem({ code: 'anchors.damaged', detail: String(l.line) });
          continue;
        }
        const a = l.anchor!;
        if (l.problem === 'unauthentic') {
          report.problem({ code: 'anchors.unauthentic', detail: String(l.line), seq: a.seq });
          continue;
        }
        if (l.problem === 'unknown-key') {
          report.unverified = true;
          report.anchors.push({ source: 'anchors', name: `line ${l.line}`, seq: a.seq, at: a.at, result: 'skipped' });
          continue;
        }
        if (a.installation !== installationId) {
          report.problem({ code: 'anchors.foreign', detail: String(l.line) });
          continue;
        }
        if (a.why === 'recreated') report.notices.push({ code: 'anchors.recreated', from: a.seq, at: a.at });
        if (a.why === 'restore') report.notices.push({ code: 'anchors.restore', from: a.seq, at: a.at, detail: a.file ?? '' });
        if (a.why === 'restore' && a.seq === 0) continue; // restored from an older-format file: nothing to compare
        const by = supersededBy(restores, a.seq, a.at, l.line, (r) => lineOf.get(r) ?? 0);
        if (by) {
          report.anchors.push({ source: 'anchors', name: `line ${l.line}`, seq: a.seq, at: a.at, result: 'superseded' });
          continue;
        }
        checkAnchor(db, { source: 'anchors', name: `line ${l.line}`, seq: a.seq, link: a.link, at: a.at }, report);
        if (report.anchors[report.anchors.length - 1]?.result === 'ok') fromSeq = Math.max(fromSeq, a.seq);
      }
    }

    const dir = path.join(dataDir, BACKUP_DIR);
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => BACKUP_FILE.test(f)) : [];
    const dated = files.map((f) => ({ f, mtime: backupTime(dir, f) })).sort((a, b) => b.mtime - a.mtime);
    for (const { f, mtime } of options.scope === 'start' ? dated.slice(0, 1) : dated) {
      const head = headOfFile(path.join(dir, f));
      if (!head) {
        report.anchors.push({ source: 'backup', name: f, seq: 0, at: mtime, result: 'skipped' });
        continue;
      }
      if (head.legacy || head.installation !== installationId) {
        report.anchors.push({ source: 'backup', name: f, seq: head.seq, at: mtime, result: 'skipped' });
        continue;
      }
      if (supersededBy(restores, head.seq, mtime)) {
        report.anchors.push({ source: 'backup', name: f, seq: head.seq, at: mtime, result: 'superseded' });
        continue;
      }
      checkAnchor(db, { source: 'backup', name: f, seq: head.seq, link: head.link, at: mtime }, report);
    }
  }
  for (const p of options.paper ?? []) checkAnchor(db, { source: 'paper', name: `#${p.seq}`, seq: p.seq, link: p.link, at: null }, report);
  return fromSeq;
}
