// Reading the audit trail in tests: payloads are compressed, so they are decoded here rather than matched in SQL.
import type Database from 'better-sqlite3';
import { decodePayloadText, type Op } from '../../main/core/audit/form';
import { verifyTrail } from '../../main/core/audit/verify';
import type { TrailReport } from '../../shared/contract/audit';
import type { TestDesk } from './core';

export interface DecodedEntry {
  seq: number;
  method: string;
  entity: string;
  entity_id: string | null;
  op: Op;
  actor_kind: string;
  /** The payload as canonical JSON text. */
  text: string;
  payload: unknown;
}

/** Every entry (optionally after a sequence number) with its payload decoded. */
export function auditEntries(db: Database.Database, afterSeq = 0): DecodedEntry[] {
  const rows = db
    .prepare('SELECT seq, method, entity, entity_id, op, actor_kind, payload FROM audit_trail WHERE seq > ? ORDER BY seq')
    .all(afterSeq) as Array<Omit<DecodedEntry, 'text' | 'payload'> & { payload: Buffer }>;
  return rows.map((r) => {
    const text = decodePayloadText(r.payload);
    return { ...r, text, payload: JSON.parse(text) as unknown };
  });
}

/** All the trail's payloads as one text (for "is this value stored anywhere" assertions). */
export function auditText(db: Database.Database): string {
  return auditEntries(db)
    .map((e) => e.text)
    .join('\n');
}

/** The full check of a test desk's trail, with its key and its data dir's anchors. */
export function verifyDesk(desk: Pick<TestDesk, 'core' | 'dataDir'>): TrailReport {
  return verifyTrail(desk.core.db, { keys: desk.core.keys, dataDir: desk.dataDir });
}
