// Reading and verifying the audit trail.
import type { FeatureHandlers } from '../context';
import { verifyAuditChain, type AuditRow } from './chain';
import type { AuditEntry } from '../../../shared/contract/audit';

type JoinedRow = AuditRow & { before_json: string | null; after_json: string | null; redacted_at: number | null };

function toEntry(row: JoinedRow): AuditEntry {
  return {
    seq: row.seq,
    id: row.id,
    at: row.at,
    installationId: row.installation_id,
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    actorName: row.actor_name,
    method: row.method,
    entity: row.entity,
    entityId: row.entity_id,
    op: row.op,
    before: row.before_json ? JSON.parse(row.before_json) : null,
    after: row.after_json ? JSON.parse(row.after_json) : null,
    redacted: row.redacted_at !== null,
  };
}

export const auditHandlers: FeatureHandlers<'audit'> = {
  list: (ctx, input) => {
    const where: string[] = [];
    const params: unknown[] = [];
    if (input.entity) {
      where.push('l.entity = ?');
      params.push(input.entity);
    }
    if (input.entityId) {
      where.push('l.entity_id = ?');
      params.push(input.entityId);
    }
    if (input.beforeSeq) {
      where.push('l.seq < ?');
      params.push(input.beforeSeq);
    }
    const rows = ctx.db
      .prepare(
        `SELECT l.*, p.before_json, p.after_json, p.redacted_at FROM audit_log l JOIN audit_payload p ON p.seq = l.seq
         ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY l.seq DESC LIMIT ?`,
      )
      .all(...params, input.limit) as JoinedRow[];
    return { entries: rows.map(toEntry) };
  },
  verify: (ctx) => verifyAuditChain(ctx.db),
};
