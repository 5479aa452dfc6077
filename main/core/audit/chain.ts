// The audit trail's chain: each entry's link is an HMAC, keyed with the installation's audit key (kept outside
// the database), over the previous entry's link, the entry's header and its payload's digest. Whoever has the
// database file but not the key can neither change an entry nor make a new one that verifies.
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { cached, type ReadableDB } from '../store/sql';
import { canonicalJson, encodePayload, payloadDigest, type Op } from './form';

export type ActorKind = 'staff' | 'kiosk' | 'system' | 'anonymous';

/** Who made a change: a signed-in person, a paired visitor screen, the app itself, or nobody yet. */
export interface Actor {
  kind: ActorKind;
  id: string | null;
  name: string | null;
  deviceId: string | null;
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: null, name: null, deviceId: null };

/** The bytes of a link (HMAC-SHA256 truncated to 128 bits, as NIST SP 800-107 allows). */
export const LINK_BYTES = 16;

/** An entry as the chain covers it: the header fields, resolved from the term table. */
export interface EntryHeader {
  seq: number;
  at: number;
  actor: Actor;
  method: string;
  entity: string;
  entityId: string | null;
  op: Op;
}

export interface AuditInput {
  at: number;
  installationId: string;
  actor: Actor;
  method: string;
  entity: string;
  entityId: string | null;
  op: Op;
  payload: unknown;
}

/** The first link of a chain: bound to the installation, so one installation's trail cannot pass for another's. */
export function genesisLink(key: Buffer, installationId: string): Buffer {
  return crypto.createHmac('sha256', key).update(`lobby-desk audit trail\ngenesis\n${installationId}`, 'utf8').digest().subarray(0, LINK_BYTES);
}

export function actorTerm(actor: Actor): string {
  return `a:${JSON.stringify([actor.kind, actor.id, actor.name, actor.deviceId])}`;
}

export function actorOfTerm(term: string): Actor | null {
  if (!term.startsWith('a:')) return null;
  try {
    const [kind, id, name, deviceId] = JSON.parse(term.slice(2)) as [ActorKind, string | null, string | null, string | null];
    return { kind, id, name, deviceId };
  } catch {
    return null;
  }
}

/** link_n = HMAC(key, link_{n-1} ‖ header_n ‖ digest_n), first 16 bytes. */
export function computeLink(key: Buffer, installationId: string, previous: Buffer, header: EntryHeader, digest: Buffer): Buffer {
  const h = header;
  const text = JSON.stringify([installationId, h.seq, h.at, h.actor.kind, h.actor.id, h.actor.name, h.actor.deviceId, h.method, h.entity, h.entityId, h.op]);
  return crypto
    .createHmac('sha256', key)
    .update(previous)
    .update(text, 'utf8')
    .update(Buffer.from([0]))
    .update(digest)
    .digest()
    .subarray(0, LINK_BYTES);
}

/** The short form of a link printed on paper and shown on screens: 16 hex digits in groups of four. */
export function shortLink(link: Buffer): string {
  return link.subarray(0, 8).toString('hex').replace(/(.{4})(?!$)/g, '$1 ');
}

export interface Head {
  seq: number;
  link: Buffer;
}

export function trailHead(db: ReadableDB): Head | null {
  const row = cached(db, 'SELECT seq, link FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; link: Buffer } | undefined;
  return row ? { seq: row.seq, link: row.link } : null;
}

/** The id of a term (method, entity, actor), adding it the first time. */
export function termId(db: Database.Database, term: string): number {
  const found = cached(db, 'SELECT id FROM audit_terms WHERE term = ?').get(term) as { id: number } | undefined;
  if (found) return found.id;
  return Number(cached(db, 'INSERT INTO audit_terms (term) VALUES (?)').run(term).lastInsertRowid);
}

/** Appends one entry after the current head. Must run inside the caller's transaction. */
export function appendAudit(db: Database.Database, key: Buffer, input: AuditInput): Head {
  const head = trailHead(db);
  const json = canonicalJson(input.payload ?? null);
  const digest = payloadDigest(json);
  const header: EntryHeader = {
    seq: (head?.seq ?? 0) + 1,
    at: input.at,
    actor: input.actor,
    method: input.method,
    entity: input.entity,
    entityId: input.entityId,
    op: input.op,
  };
  const link = computeLink(key, input.installationId, head?.link ?? genesisLink(key, input.installationId), header, digest);
  cached(
    db,
    `INSERT INTO audit_log (seq, at, actor_term, method_term, entity_term, entity_id, op, payload, link)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    header.seq,
    header.at,
    termId(db, actorTerm(input.actor)),
    termId(db, `m:${input.method}`),
    termId(db, `e:${input.entity}`),
    input.entityId,
    input.op,
    encodePayload(json),
    link,
  );
  return { seq: header.seq, link };
}

/** A head as paper and screens show it. */
export function headView(head: Head | null): { seq: number; link: string; short: string } | null {
  return head ? { seq: head.seq, link: head.link.toString('hex'), short: shortLink(head.link) } : null;
}

/**
 * The last entry about any of these records (table and id) — where the trail stood when they last changed, e.g.
 * when a handover was signed and acknowledged: printed on the sheet, so paper holds an anchor of the trail.
 */
export function lastEntryOf(db: ReadableDB, records: ReadonlyArray<readonly [table: string, id: string]>): Head | null {
  let best: Head | null = null;
  const find = cached(
    db,
    `SELECT l.seq, l.link FROM audit_log l JOIN audit_terms e ON e.id = l.entity_term
     WHERE e.term = ? AND l.entity_id = ? ORDER BY l.seq DESC LIMIT 1`,
  );
  for (const [table, id] of records) {
    const row = find.get(`e:${table}`, id) as { seq: number; link: Buffer } | undefined;
    if (row && (!best || row.seq > best.seq)) best = { seq: row.seq, link: row.link };
  }
  return best;
}
