// Redaction in the trail (V-7): the redacted columns are blanked in every earlier image of the row. An entry's
// link covers its payload's digest, so the first redaction keeps that digest beside the entry (`sealed`); the
// redaction entry records the digest each blanked payload has since, so verify checks both forms.
import type { ReadableDB } from '../store/sql';
import type Database from 'better-sqlite3';
import { blankImage, canonicalJson, decodePayloadText, encodePayload, payloadDigest, type Op } from './form';

/** Entries whose images a redaction may blank (a redaction's own entry holds only what it set). */
const IMAGE_OPS: readonly Op[] = ['insert', 'update', 'baseline', 'event'];

export interface Blanked {
  seqs: number[];
  /** base64url of each blanked payload's digest after blanking, in the order of `seqs`. */
  digests: string[];
}

export function entityTermId(db: ReadableDB, table: string): number | null {
  return (db.prepare('SELECT id FROM audit_terms WHERE term = ?').get(`e:${table}`) as { id: number } | undefined)?.id ?? null;
}

export function redactTrail(db: Database.Database, table: string, id: string, columns: readonly string[]): Blanked {
  const entity = entityTermId(db, table);
  const out: Blanked = { seqs: [], digests: [] };
  if (entity === null) return out;
  const rows = db
    .prepare(
      `SELECT seq, op, payload, sealed FROM audit_log
       WHERE entity_term = ? AND entity_id = ? AND op IN (${IMAGE_OPS.map(() => '?').join(', ')}) ORDER BY seq`,
    )
    .all(entity, id, ...IMAGE_OPS) as Array<{ seq: number; op: Op; payload: Buffer; sealed: Buffer | null }>;
  const write = db.prepare('UPDATE audit_log SET payload = ?, sealed = ? WHERE seq = ?');
  for (const row of rows) {
    const beforeJson = decodePayloadText(row.payload);
    const before: unknown = JSON.parse(beforeJson);
    const after = blankImage(row.op, before, columns);
    if (after === before) continue;
    const afterJson = canonicalJson(after);
    write.run(encodePayload(afterJson), row.sealed ?? payloadDigest(beforeJson), row.seq);
    out.seqs.push(row.seq);
    out.digests.push(payloadDigest(afterJson).toString('base64url'));
  }
  return out;
}
