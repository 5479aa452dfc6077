// The hash chain of the audit trail: how an entry is hashed, appended and verified.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ulid } from 'ulid';

export const GENESIS_HASH = '0'.repeat(64);

export type ActorKind = 'staff' | 'kiosk' | 'system' | 'anonymous';

/** Who made a change: a signed-in person, a paired visitor screen, the app itself, or nobody yet. */
export interface Actor {
  kind: ActorKind;
  id: string | null;
  name: string | null;
  deviceId: string | null;
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: null, name: null, deviceId: null };

export interface AuditInput {
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

export interface AuditRow {
  seq: number;
  id: string;
  at: number;
  installation_id: string;
  actor_kind: ActorKind;
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
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** JSON with object keys sorted at every level, so a payload always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

export function payloadJson(before: unknown, after: unknown): { beforeJson: string | null; afterJson: string | null; hash: string } {
  const beforeJson = before === null || before === undefined ? null : canonicalJson(before);
  const afterJson = after === null || after === undefined ? null : canonicalJson(after);
  return { beforeJson, afterJson, hash: payloadHash(beforeJson, afterJson) };
}

export function payloadHash(beforeJson: string | null, afterJson: string | null): string {
  return sha256(JSON.stringify([beforeJson, afterJson]));
}

export function entryHash(row: Omit<AuditRow, 'hash'>): string {
  return sha256(
    JSON.stringify([
      row.prev_hash,
      row.seq,
      row.id,
      row.at,
      row.installation_id,
      row.actor_kind,
      row.actor_id,
      row.actor_name,
      row.device_id,
      row.method,
      row.entity,
      row.entity_id,
      row.op,
      row.payload_hash,
    ]),
  );
}

/** Appends one entry after the current head of the chain. Must run inside the caller's transaction. */
export function appendAudit(db: Database.Database, input: AuditInput): AuditRow {
  const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  const payload = payloadJson(input.before, input.after);
  const base: Omit<AuditRow, 'hash'> = {
    seq: (head?.seq ?? 0) + 1,
    id: ulid(input.at),
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
    payload_hash: payload.hash,
    prev_hash: head?.hash ?? GENESIS_HASH,
  };
  const row: AuditRow = { ...base, hash: entryHash(base) };
  db.prepare(
    `INSERT INTO audit_log (seq, id, at, installation_id, actor_kind, actor_id, actor_name, device_id, method, entity, entity_id, op, payload_hash, prev_hash, hash)
     VALUES (@seq, @id, @at, @installation_id, @actor_kind, @actor_id, @actor_name, @device_id, @method, @entity, @entity_id, @op, @payload_hash, @prev_hash, @hash)`,
  ).run(row);
  db.prepare('INSERT INTO audit_payload (seq, before_json, after_json) VALUES (?, ?, ?)').run(
    row.seq,
    payload.beforeJson,
    payload.afterJson,
  );
  return row;
}

export interface Verification {
  ok: boolean;
  checked: number;
  firstBroken: { seq: number; reason: string } | null;
}

const REQUIRED_TRIGGERS = ['audit_log_no_update', 'audit_log_no_delete', 'audit_payload_no_delete', 'audit_payload_redact_only'];

/**
 * Walks the whole chain: contiguous sequence numbers, each entry's link to the one before, each entry's
 * own hash, each payload against its hash (unless it was redacted by an audited redaction run), and the
 * triggers that keep the trail append-only.
 */
export function verifyAuditChain(db: Database.Database): Verification {
  const triggers = new Set(
    (db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as Array<{ name: string }>).map((t) => t.name),
  );
  const missing = REQUIRED_TRIGGERS.filter((t) => !triggers.has(t));

  const redactionCover = new Set<number>();
  const redactionNotes = db
    .prepare(
      `SELECT p.after_json FROM audit_log l JOIN audit_payload p ON p.seq = l.seq
       WHERE l.method = 'audit.redact' AND l.op = 'event'`,
    )
    .all() as Array<{ after_json: string | null }>;
  for (const note of redactionNotes) {
    const seqs = note.after_json ? (JSON.parse(note.after_json) as { seqs?: number[] }).seqs : undefined;
    for (const s of seqs ?? []) redactionCover.add(s);
  }

  const rows = db
    .prepare(
      `SELECT l.*, p.before_json, p.after_json, p.redacted_at, p.seq AS payload_seq
       FROM audit_log l LEFT JOIN audit_payload p ON p.seq = l.seq ORDER BY l.seq`,
    )
    .iterate() as IterableIterator<
    AuditRow & { before_json: string | null; after_json: string | null; redacted_at: number | null; payload_seq: number | null }
  >;

  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (const row of rows) {
    const broken = (reason: string): Verification => ({ ok: false, checked, firstBroken: { seq: row.seq, reason } });
    if (row.seq !== expectedSeq) {
      return { ok: false, checked, firstBroken: { seq: expectedSeq, reason: `entry ${expectedSeq} is missing (next is ${row.seq})` } };
    }
    if (row.prev_hash !== prevHash) return broken('does not link to the entry before it (prev_hash differs)');
    const { hash, before_json, after_json, redacted_at, payload_seq, ...rest } = row;
    if (entryHash(rest) !== hash) return broken('entry was altered (its hash does not match its content)');
    if (payload_seq === null) return broken('payload is missing');
    if (redacted_at === null) {
      if (payloadHash(before_json, after_json) !== row.payload_hash) return broken('payload was altered (before/after do not match the hash)');
    } else if (!redactionCover.has(row.seq)) {
      return broken('payload was blanked without an audited redaction');
    }
    prevHash = hash;
    expectedSeq += 1;
    checked += 1;
  }
  if (missing.length > 0) {
    return { ok: false, checked, firstBroken: { seq: expectedSeq, reason: `protective triggers removed: ${missing.join(', ')}` } };
  }
  return { ok: true, checked, firstBroken: null };
}
