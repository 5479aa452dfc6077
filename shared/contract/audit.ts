// The append-only, hash-chained audit trail.
import { z } from 'zod';
import { query, ADMIN, LEADS } from './define';
import { empty, text } from './fields';

export const AuditEntry = z.object({
  seq: z.number(),
  id: z.string(),
  at: z.number(),
  installationId: z.string(),
  actorKind: z.enum(['staff', 'kiosk', 'system', 'anonymous']),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  method: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  op: z.enum(['insert', 'update', 'event']),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  redacted: z.boolean(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditVerification = z.object({
  ok: z.boolean(),
  checked: z.number(),
  firstBroken: z.object({ seq: z.number(), reason: z.string() }).nullable(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;

export const audit = {
  list: query({
    summary: 'Audit entries, newest first, optionally for one record.',
    input: z.strictObject({
      entity: text(40).optional(),
      entityId: text(40).optional(),
      beforeSeq: z.number().int().min(1).optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ entries: z.array(AuditEntry) }),
    allow: LEADS,
  }),
  verify: query({
    summary: 'Walk the hash chain and report the first broken entry.',
    input: empty(),
    output: AuditVerification,
    allow: ADMIN,
  }),
};
