// The audit trail: entries keyed with the installation's key, anchored outside the database, and
// verified against every anchor and every audited table.
import { z } from 'zod';
import { mutation, query, ADMIN, LEADS, STAFF } from './define';
import { empty, required, text } from './fields';

export const AuditEntry = z.object({
  seq: z.number(),
  /** `<installation>:<seq>` — unique across buildings (what a company's central copy keys entries by). */
  id: z.string(),
  at: z.number(),
  installationId: z.string(),
  actorKind: z.enum(['staff', 'kiosk', 'system', 'anonymous']),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  method: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  op: z.enum(['insert', 'update', 'event', 'redact', 'baseline']),
  /** update: the changed columns' values before; otherwise null. */
  before: z.unknown().nullable(),
  /** insert/baseline: the row's image; update: the changed columns' values after; event/redact: the details. */
  after: z.unknown().nullable(),
  redacted: z.boolean(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** Where the trail ends, as paper and screens show it: sequence number and the link's first 16 hex digits. */
export const TrailHead = z.object({ seq: z.number(), link: z.string(), short: z.string() });
export type TrailHead = z.infer<typeof TrailHead>;

export const TrailProblem = z.object({
  /** e.g. chain.link, anchors.beyond, table.field, content.incident, trigger.changed (messages: `audit:problem.<code>`). */
  code: z.string(),
  seq: z.number().optional(),
  table: z.string().optional(),
  id: z.string().optional(),
  field: z.string().optional(),
  detail: z.string().optional(),
  message: z.string().optional(),
});
export type TrailProblem = z.infer<typeof TrailProblem>;

export const TrailNotice = z.object({
  code: z.string(),
  from: z.number().optional(),
  to: z.number().optional(),
  at: z.number().optional(),
  detail: z.string().optional(),
  message: z.string().optional(),
});
export type TrailNotice = z.infer<typeof TrailNotice>;

export const AnchorCheck = z.object({
  source: z.enum(['anchors', 'backup', 'paper']),
  name: z.string(),
  seq: z.number(),
  at: z.number().nullable(),
  result: z.enum(['ok', 'differs', 'beyond', 'superseded', 'skipped']),
});
export type AnchorCheck = z.infer<typeof AnchorCheck>;

export const TrailReport = z.object({
  ok: z.boolean(),
  /** ok; broken (something was changed, cut or added); unverified (a key is not here, so part could not be checked). */
  state: z.enum(['ok', 'broken', 'unverified']),
  scope: z.enum(['full', 'start']),
  /** The first entry walked (start checks begin at the last anchor). */
  fromSeq: z.number(),
  entries: z.number(),
  authenticated: z.number(),
  head: TrailHead.nullable(),
  problems: z.array(TrailProblem),
  problemCount: z.number(),
  anchors: z.array(AnchorCheck),
  notices: z.array(TrailNotice),
  tables: z.object({ tables: z.number(), rows: z.number() }).nullable(),
  content: z.object({ incidents: z.number(), handovers: z.number(), files: z.number() }).nullable(),
  triggers: z.number(),
});
export type TrailReport = z.infer<typeof TrailReport>;
/** The name the first version used. */
export const AuditVerification = TrailReport;
export type AuditVerification = TrailReport;

export const TrailStatus = z.object({
  state: z.enum(['ok', 'broken', 'unverified']),
  /** When the app last checked (at start, by a backup, or an admin's verify). */
  checkedAt: z.number(),
  scope: z.enum(['full', 'start']),
  head: TrailHead.nullable(),
  problemCount: z.number(),
  /** The first problems and notices, in the caller's language — for administrators only (empty for others). */
  problems: z.array(TrailProblem),
  notices: z.array(TrailNotice),
});
export type TrailStatus = z.infer<typeof TrailStatus>;

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
    summary: 'Check the whole trail: links under the key, anchors, every audited table, content hashes, triggers.',
    input: z.strictObject({
      /** Heads written on paper (handover sheets, the daily audit): `12345:3f9a c21b 77e0 d4a8`. */
      paper: z.array(z.strictObject({ seq: z.number().int().min(1), link: text(40, { min: 8 }) })).max(50).default([]),
    }),
    output: TrailReport,
    allow: ADMIN,
  }),
  status: query({
    summary: 'Whether the trail checked out (at start, after a backup or a verify) — the banner every staff screen shows.',
    input: empty(),
    output: TrailStatus,
    allow: STAFF,
  }),
  exportKey: mutation({
    summary: 'Desktop app: write the installation key to a file the admin chooses (to move to a new PC). In a browser: use `lobby-desk key:export`.',
    input: empty(),
    output: z.object({ exported: z.boolean(), fingerprint: z.string().nullable(), file: z.string().nullable() }),
    allow: ADMIN,
  }),
  acknowledge: mutation({
    summary: 'An administrator acknowledges the problems found (recorded with a note); the banner goes until the next ones.',
    input: z.strictObject({ note: required(500) }),
    output: TrailStatus,
    allow: ADMIN,
  }),
};
