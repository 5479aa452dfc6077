// Reading, verifying and acknowledging the audit trail.
import { Where } from '../store/sql';
import type { FeatureHandlers } from '../context';
import { decodePayload, type Op } from './form';
import { runWorker } from '../workers';
import { derivedKeysOf } from '../keyring';
import { VERIFY_WORKER_LIMITS, type VerifyTask } from './verify-task';
import { describeReport } from './status';
import type { AuditEntry, TrailReport } from '../../../shared/contract/audit';

interface TrailRow {
  seq: number;
  at: number;
  actor_kind: AuditEntry['actorKind'];
  actor_id: string | null;
  actor_name: string | null;
  method: string;
  entity: string;
  entity_id: string | null;
  op: Op;
  payload: Buffer;
  sealed: Buffer | null;
}

/** An entry as the admin's list shows it: an update's changes split into before and after. */
export function toEntry(row: TrailRow, installationId: string): AuditEntry {
  let payload: unknown;
  try {
    payload = decodePayload(row.payload);
  } catch {
    payload = { unreadable: true };
  }
  let before: unknown = null;
  let after: unknown = payload;
  if (row.op === 'update' && payload && typeof payload === 'object') {
    const pairs = Object.entries(payload as Record<string, [unknown, unknown]>);
    before = Object.fromEntries(pairs.map(([k, v]) => [k, Array.isArray(v) ? v[0] : null]));
    after = Object.fromEntries(pairs.map(([k, v]) => [k, Array.isArray(v) ? v[1] : v]));
  }
  return {
    seq: row.seq,
    id: `${installationId}:${row.seq}`,
    at: row.at,
    installationId,
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    actorName: row.actor_name,
    method: row.method,
    entity: row.entity,
    entityId: row.entity_id,
    op: row.op,
    before,
    after,
    redacted: row.sealed !== null,
  };
}

export const auditHandlers: FeatureHandlers<'audit'> = {
  list: (ctx, input) => {
    const where = new Where().equals('entity', input.entity).equals('entity_id', input.entityId);
    if (input.beforeSeq) where.add('seq < ?', input.beforeSeq);
    const rows = ctx.db
      .prepare(`SELECT * FROM audit_trail ${where.clause} ORDER BY seq DESC LIMIT ?`)
      .all(...where.params, input.limit) as TrailRow[];
    return { entries: rows.map((r) => toEntry(r, ctx.installationId)) };
  },
  verify: {
    // The full check reads the whole trail: in the verification worker, on a read-only connection of its own.
    prepare: (ctx, input) =>
      runWorker<VerifyTask, TrailReport>('verify', { dataDir: ctx.dataDir, keys: derivedKeysOf(ctx.keys), paper: input.paper }, { limits: VERIFY_WORKER_LIMITS }),
    run: (ctx, _input, report: TrailReport) => {
      // A query: the banner follows what it found; the alert in the trail is raised by the check at start.
      ctx.trail.record(report, ctx.actor, false);
      return describeReport(report, ctx.lang);
    },
  },
  status: (ctx) => ctx.trail.status(ctx.lang, ctx.caller.kind === 'staff' && ctx.caller.user.role === 'admin'),
  exportKey: {
    // The save dialog and the file are asynchronous; the record of it is written in the call's transaction.
    prepare: async (ctx) => (ctx.host.exportInstallationKey && ctx.windowId !== null ? ctx.host.exportInstallationKey() : null),
    run: (ctx, _input, exported: { file: string; fingerprint: string } | null) => {
      if (!exported) return { exported: false, fingerprint: null, file: null };
      // On record: who took the key out and when (whoever has it and the database can forge the trail).
      ctx.tx.note('audit_log', null, { exportedKey: exported.fingerprint });
      return { exported: true, fingerprint: exported.fingerprint, file: exported.file };
    },
  },
  acknowledge: (ctx, input) => {
    ctx.trail.acknowledge((payload) => ctx.tx.note('audit_log', null, payload as Record<string, unknown>), input.note);
    return ctx.trail.status(ctx.lang, true);
  },
};
