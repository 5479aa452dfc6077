// The anchors file beside the database (`<data>/audit-anchors.jsonl`): one line per anchor, only ever appended —
// the head of the trail (sequence number and link) every ANCHOR_EVERY entries, at start, at shutdown, after a
// backup, and a restore's record. Each line is MACed with the installation's anchors key, so a line cannot be
// forged without the key; a line cut off or an older database copied in shows as an anchor the trail no longer holds.
import type { ReadableDB } from '../store/sql';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import DatabaseCtor from 'better-sqlite3';
import type { KeyRing } from '../keyring';
import { canonicalJson } from './form';
import { trailHead, type Head } from './chain';

export const ANCHORS_FILE = 'audit-anchors.jsonl';
/** An anchor at least every this many entries (and at start, shutdown, backups). */
export const ANCHOR_EVERY = 256;

export type AnchorReason = 'interval' | 'start' | 'shutdown' | 'backup' | 'restore' | 'recreated';

export interface Anchor {
  v: 1;
  installation: string;
  seq: number;
  /** The entry's link, hexadecimal. */
  link: string;
  at: number;
  why: AnchorReason;
  /** Fingerprint of the key that MACed this line. */
  key: string;
  /** backup: the file's name. restore: the file restored from. */
  file?: string;
  /** restore: the head of the database it replaced. */
  replaced?: { seq: number; link: string } | null;
  /** The number of a line left incomplete by a power cut while it was written, found when this one was. */
  torn?: number;
}

export interface AnchorLine {
  /** 1-based line number in the file. */
  line: number;
  anchor: Anchor | null;
  problem: 'damaged' | 'unauthentic' | 'unknown-key' | null;
}

export function anchorsFile(dataDir: string): string {
  return path.join(dataDir, ANCHORS_FILE);
}

function lineMac(ring: KeyRing, body: Omit<Anchor, never>): string {
  return crypto.createHmac('sha256', ring.key('anchors')).update(canonicalJson(body), 'utf8').digest().subarray(0, 16).toString('hex');
}

/** Whether the file's last line was cut short (no newline at its end), and that line's number. */
function tornLastLine(file: string): number | null {
  if (!fs.existsSync(file)) return null;
  const size = fs.statSync(file).size;
  if (size === 0) return null;
  const fd = fs.openSync(file, 'r');
  try {
    const last = Buffer.alloc(1);
    fs.readSync(fd, last, 0, 1, size - 1);
    if (last[0] === 10) return null;
  } finally {
    fs.closeSync(fd);
  }
  return fs.readFileSync(file).toString('utf8').split('\n').length;
}

/**
 * Appends one line and makes it durable (the file is opened for appending only). A last line left incomplete by a
 * power cut is closed first, and this line names it, so verify tells it from one put there.
 */
export function appendAnchor(dataDir: string, keys: KeyRing, anchor: Omit<Anchor, 'v' | 'key'>): Anchor {
  const file = anchorsFile(dataDir);
  const torn = tornLastLine(file);
  const body: Anchor = { v: 1, ...anchor, ...(torn !== null ? { torn } : {}), key: keys.fingerprint };
  const line = (torn !== null ? '\n' : '') + JSON.stringify({ ...body, mac: lineMac(keys, body) }) + '\n';
  const fd = fs.openSync(file, 'a', 0o600);
  try {
    fs.writeSync(fd, line);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return body;
}

/** The file's text, or only its last `tailBytes` (whole lines), with the number of lines before what is returned. */
function readText(file: string, tailBytes: number | null): { text: string; skippedLines: number } {
  const size = fs.statSync(file).size;
  if (tailBytes === null || size <= tailBytes) return { text: fs.readFileSync(file, 'utf8'), skippedLines: 0 };
  const fd = fs.openSync(file, 'r');
  try {
    // Count the lines before the tail (a scan for newlines, no parsing), so line numbers stay those of the file.
    let skippedLines = 0;
    const chunk = Buffer.alloc(1 << 16);
    const start = size - tailBytes;
    for (let at = 0; at < start; ) {
      const n = fs.readSync(fd, chunk, 0, Math.min(chunk.length, start - at), at);
      for (let i = 0; i < n; i += 1) if (chunk[i] === 10) skippedLines += 1;
      at += n;
    }
    const tail = Buffer.alloc(tailBytes);
    fs.readSync(fd, tail, 0, tailBytes, start);
    const firstBreak = tail.indexOf(10);
    return { text: tail.subarray(firstBreak + 1).toString('utf8'), skippedLines: skippedLines + 1 };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The lines of the anchors file (`tailBytes`: only the last ones — the start check), each authenticated with the key
 * that wrote it (this PC's or an earlier one).
 */
export function readAnchors(dataDir: string, keys: KeyRing | null, tailBytes: number | null = null): { exists: boolean; lines: AnchorLine[] } {
  const file = anchorsFile(dataDir);
  if (!fs.existsSync(file)) return { exists: false, lines: [] };
  const { text, skippedLines } = readText(file, tailBytes);
  const raw = text.split('\n');
  if (raw[raw.length - 1] === '') raw.pop();
  return {
    exists: true,
    lines: raw.map((textLine, index): AnchorLine => {
      const i = index + skippedLines;
      let parsed: Anchor & { mac?: unknown };
      try {
        parsed = JSON.parse(textLine) as Anchor & { mac?: unknown };
      } catch {
        return { line: i + 1, anchor: null, problem: 'damaged' };
      }
      if (!parsed || typeof parsed !== 'object' || typeof parsed.seq !== 'number' || typeof parsed.link !== 'string' || typeof parsed.mac !== 'string') {
        return { line: i + 1, anchor: null, problem: 'damaged' };
      }
      const { mac, ...body } = parsed;
      const ring = !keys ? null : keys.fingerprint === body.key ? keys : (keys.earlier.find((k) => k.fingerprint === body.key) ?? null);
      if (!ring) return { line: i + 1, anchor: body, problem: 'unknown-key' };
      const expected = Buffer.from(lineMac(ring, body), 'hex');
      const given = Buffer.from(String(mac), 'hex');
      if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return { line: i + 1, anchor: body, problem: 'unauthentic' };
      return { line: i + 1, anchor: body, problem: null };
    }),
  };
}

/** Keeps the anchors file current for one open store: every ANCHOR_EVERY entries, and when asked. */
export class AnchorWriter {
  private lastSeq: number;

  constructor(
    private readonly db: ReadableDB,
    private readonly dataDir: string,
    private readonly keys: KeyRing,
    private readonly installationId: string,
    private readonly now: () => number,
  ) {
    const mine = readAnchors(dataDir, keys, 64 * 1024).lines.filter((l) => l.problem === null && l.anchor?.installation === installationId);
    this.lastSeq = mine.length > 0 ? mine[mine.length - 1]!.anchor!.seq : -1;
  }

  /** After a commit: an anchor when ANCHOR_EVERY entries have been added since the last one. */
  afterCommit(): void {
    const head = trailHead(this.db);
    // The first entry is anchored at once; then every ANCHOR_EVERY.
    if (head && (this.lastSeq < 0 || head.seq - this.lastSeq >= ANCHOR_EVERY)) this.write('interval', head);
  }

  write(why: AnchorReason, head: Head | null = trailHead(this.db), extra: Pick<Anchor, 'file' | 'replaced'> = {}): Anchor | null {
    if (!head) return null;
    const anchor = appendAnchor(this.dataDir, this.keys, {
      installation: this.installationId,
      seq: head.seq,
      link: head.link.toString('hex'),
      at: this.now(),
      why,
      ...extra,
    });
    this.lastSeq = head.seq;
    return anchor;
  }
}

/** The head a database file holds (its last entry) and its installation; null for an empty or older-format trail. */
export function headOfDatabaseFile(file: string): { installation: string; seq: number; link: string } | null {
  const db = new DatabaseCtor(file, { readonly: true, fileMustExist: true });
  try {
    if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_terms'").get() === undefined) return null;
    const head = db.prepare('SELECT seq, link FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; link: Buffer } | undefined;
    const installation = (db.prepare("SELECT value FROM meta WHERE key = 'installation_id'").get() as { value: string } | undefined)?.value;
    return head && installation ? { installation, seq: head.seq, link: head.link.toString('hex') } : null;
  } finally {
    db.close();
  }
}

/** Anchors what a backup (or a restored file) holds in the anchors file of the data dir it belongs to. */
export function anchorDatabaseFile(dataDir: string, keys: KeyRing, file: string, why: 'backup' | 'restore', at: number, extra: Pick<Anchor, 'replaced' | 'file'> = {}): Anchor | null {
  const head = headOfDatabaseFile(file);
  const name = extra.file ?? path.basename(file);
  if (!head) {
    // A restored file in the older, unkeyed form: its trail is converted when the app opens it, so every earlier
    // anchor is superseded (a restore at entry 0).
    if (why !== 'restore') return null;
    const installation = installationOfFile(file);
    return installation ? appendAnchor(dataDir, keys, { installation, seq: 0, link: '', at, why, ...extra, file: name }) : null;
  }
  return appendAnchor(dataDir, keys, { installation: head.installation, seq: head.seq, link: head.link, at, why, ...extra, file: name });
}

function installationOfFile(file: string): string | null {
  const db = new DatabaseCtor(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT value FROM meta WHERE key = 'installation_id'").get() as { value: string } | undefined)?.value ?? null;
  } finally {
    db.close();
  }
}
