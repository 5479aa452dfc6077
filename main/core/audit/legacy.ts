// The trail's first form (schema 1–13): a plain SHA-256 chain with whole before/after rows in `audit_payload`.
// Kept to read and check it (migration 0016 converts it, and pre-migration backups are still in it), and to write
// it for the migrations before 0016 that audit (0009 redacts in the form the trail still has when it runs).
import type { ReadableDB } from '../store/sql';
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Actor } from './chain';
import { canonicalJson } from './form';
import { newId } from '../ids';

export const LEGACY_GENESIS_HASH = '0'.repeat(64);

export interface LegacyRow {
  seq: number;
  id: string;
  at: number;
  installation_id: string;
  actor_kind: 'staff' | 'kiosk' | 'system' | 'anonymous';
  actor_id: string | null;
  actor_name: string | null;
  device_id: string | null;
  method: string;
  entity: string;
  entity_id: string | null;
  op: 'insert' | 'update' | 'event';
  payload_hash: string;
  prev_hash: string;
  hash: string;
  before_json: string | null;
  after_json: string | null;
  redacted_at: number | null;
}

export interface LegacyVerification {
  ok: boolean;
  checked: number;
  head: { seq: number; hash: string } | null;
  firstBroken: { seq: number; reason: string } | null;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function legacyPayloadHash(beforeJson: string | null, afterJson: string | null): string {
  return sha256(JSON.stringify([beforeJson, afterJson]));
}

export function legacyEntryHash(r: Omit<LegacyRow, "hash" | "before_json" | "after_json" | "redacted_at">): string {
  return sha256(
    JSON.stringify([r.prev_hash, r.seq, r.id, r.at, r.installation_id, r.actor_kind, r.actor_id, r.actor_name, r.device_id, r.method, r.entity, r.entity_id, r.op, r.payload_hash]),
  );
}

/** Whether a database holds the trail in its first form. */
export function isLegacyTrail(db: ReadableDB): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_payload'").get() !== undefined;
}

export function legacyRows(db: ReadableDB): IterableIterator<LegacyRow> {
  return db
    .prepare(
      `SELECT l.*, p.before_json, p.after_json, p.redacted_at FROM audit_log l LEFT JOIN audit_payload p ON p.seq = l.seq ORDER BY l.seq`,
    )
    .iterate() as IterableIterator<LegacyRow>;
}

const LEGACY_TRIGGERS = ['audit_log_no_update', 'audit_log_no_delete', 'audit_payload_no_delete', 'audit_payload_redact_only'];

/** The first form's own check (as it was): links, hashes, payloads, blanking covered by a redaction note, triggers by name. */
export function verifyLegacyTrail(db: ReadableDB): LegacyVerification {
  const triggers = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as Array<{ name: string }>).map((t) => t.name));
  const missing = LEGACY_TRIGGERS.filter((t) => !triggers.has(t));
  const covered = new Set<number>();
  for (const note of db
    .prepare("SELECT p.after_json FROM audit_log l JOIN audit_payload p ON p.seq = l.seq WHERE l.method = 'audit.redact' AND l.op = 'event'")
    .all() as Array<{ after_json: string | null }>) {
    for (const s of (note.after_json ? (JSON.parse(note.after_json) as { seqs?: number[] }).seqs : undefined) ?? []) covered.add(s);
  }
  let expected = 1;
  let prev = LEGACY_GENESIS_HASH;
  let checked = 0;
  let head: LegacyVerification['head'] = null;
  for (const row of legacyRows(db)) {
    const broken = (seq: number, reason: string): LegacyVerification => ({ ok: false, checked, head, firstBroken: { seq, reason } });
    if (row.seq !== expected) return broken(expected, `entry ${expected} is missing (next is ${row.seq})`);
    if (row.prev_hash !== prev) return broken(row.seq, 'does not link to the entry before it (prev_hash differs)');
    if (legacyEntryHash(row) !== row.hash) return broken(row.seq, 'entry was altered (its hash does not match its content)');
    if (row.redacted_at === null) {
      if (legacyPayloadHash(row.before_json, row.after_json) !== row.payload_hash) return broken(row.seq, 'payload was altered (before/after do not match the hash)');
    } else if (!covered.has(row.seq)) {
      return broken(row.seq, 'payload was blanked without an audited redaction');
    }
    prev = row.hash;
    head = { seq: row.seq, hash: row.hash };
    expected += 1;
    checked += 1;
  }
  if (missing.length > 0) return { ok: false, checked, head, firstBroken: { seq: expected, reason: `protective triggers removed: ${missing.join(', ')}` } };
  return { ok: true, checked, head, firstBroken: null };
}

// ---- the first form's write path (for migrations that run before 0016) --------------------------------------

export interface LegacyEntry {
  at: number;
  installationId: string;
  actor: Actor;
  method: string;
  entity: string;
  entityId: string | null;
  op: 'insert' | 'update' | 'event';
  before: unknown;
  after: unknown;
}

const legacyJson = (value: unknown): string | null => (value === null || value === undefined ? null : canonicalJson(value));

/** Appends one entry to a trail in its first form, exactly as the released write path did. Returns its seq. */
export function appendLegacy(db: Database.Database, input: LegacyEntry): number {
  const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const beforeJson = legacyJson(input.before);
  const afterJson = legacyJson(input.after);
  const base = {
    seq: (head?.seq ?? 0) + 1,
    id: newId(input.at),
    at: input.at,
    installation_id: input.installationId,
    actor_kind: input.actor.kind,
    actor_id: input.actor.id,
    actor_name: input.actor.name,
    device_id: input.actor.deviceId,
    method: input.method,
    entity: input.entity,
    entity_id: input.entityId,
    op: input.op,
    payload_hash: legacyPayloadHash(beforeJson, afterJson),
    prev_hash: head?.hash ?? LEGACY_GENESIS_HASH,
  };
  db.prepare(
    `INSERT INTO audit_log (seq, id, at, installation_id, actor_kind, actor_id, actor_name, device_id, method, entity, entity_id, op, payload_hash, prev_hash, hash)
     VALUES (@seq, @id, @at, @installation_id, @actor_kind, @actor_id, @actor_name, @device_id, @method, @entity, @entity_id, @op, @payload_hash, @prev_hash, @hash)`,
  ).run({ ...base, hash: legacyEntryHash(base) });
  db.prepare('INSERT INTO audit_payload (seq, before_json, after_json) VALUES (?, ?, ?)').run(base.seq, beforeJson, afterJson);
  return base.seq;
}

/**
 * The first form's redaction, as released: the row's columns overwritten, every earlier payload of the row blanked
 * whole, and a note naming them (never the values). Migration 0014 later gives such a row a baseline entry.
 */
export function redactLegacyRow(
  db: Database.Database,
  context: { installationId: string; actor: Actor; method: string; at: number },
  table: string,
  id: string,
  replacements: Record<string, unknown>,
): void {
  const columns = Object.keys(replacements);
  if (columns.length === 0) return;
  for (const name of [table, ...columns]) if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not an identifier: ${name}`);
  db.prepare(`UPDATE ${table} SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @__id`).run({ ...replacements, __id: id });
  const seqs = (
    db
      .prepare('SELECT l.seq FROM audit_log l JOIN audit_payload p ON p.seq = l.seq WHERE l.entity = ? AND l.entity_id = ? AND p.redacted_at IS NULL')
      .all(table, id) as Array<{ seq: number }>
  ).map((r) => r.seq);
  const blank = db.prepare('UPDATE audit_payload SET before_json = NULL, after_json = NULL, redacted_at = ? WHERE seq = ?');
  for (const seq of seqs) blank.run(context.at, seq);
  appendLegacy(db, {
    at: context.at,
    installationId: context.installationId,
    actor: context.actor,
    method: 'audit.redact',
    entity: table,
    entityId: id,
    op: 'event',
    before: null,
    after: { seqs, columns, run: context.method },
  });
}
