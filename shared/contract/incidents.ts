// Incident log (I-1): time, place, people present, course of events and outcome, all required (篇1 §4). The author
// signs with their PIN; a signed record never changes — corrections are dated amendments by named people.
import { z } from 'zod';
import { mutation, query, type Role } from './define';
import { epochMs, id, paging, pin, required, text } from './fields';

/** 篇3 §5: workers and taxi drivers loitering in the compound are their own category. */
export const INCIDENT_CATEGORIES = ['security', 'facilities', 'medical', 'dispute', 'loitering', 'other'] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

/** Who works with incidents: the desk, the guards, the leads. */
export const INCIDENT_ROLES: readonly Role[] = ['receptionist', 'supervisor', 'manager', 'security', 'admin'];
export const REVIEW_ROLES: readonly Role[] = ['supervisor', 'manager'];

/** Attachments: photos (already scaled down by the screen) and documents. */
export const ATTACHMENT_MAX_BYTES = 4 * 1024 * 1024;
export const ATTACHMENTS_PER_INCIDENT = 20;
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
/** base64 of the largest file plus the JSON around it. */
export const ATTACHMENT_BODY_LIMIT = Math.ceil((ATTACHMENT_MAX_BYTES * 4) / 3) + 64 * 1024;

const multiline = (max: number) => text(max, { min: 1, multiline: true });

export const IncidentDraft = z.strictObject({
  occurredAt: epochMs(),
  place: required(100),
  peoplePresent: multiline(500),
  course: multiline(4000),
  outcome: multiline(2000),
  category: z.enum(INCIDENT_CATEGORIES, { error: 'incidents:errors.category' }),
  /** The matter is not finished (police called, repair pending): it stays open on the handover until closed. */
  needsFollowUp: z.boolean().default(false),
});
export type IncidentDraft = z.input<typeof IncidentDraft>;

const Person = z.object({ id: z.string(), name: z.string() });

export const AttachmentMeta = z.object({
  id: z.string(),
  name: z.string(),
  mime: z.string(),
  size: z.number(),
  sha256: z.string(),
  addedAt: z.number(),
  addedBy: Person,
  amendmentId: z.string().nullable(),
});
export type AttachmentMeta = z.infer<typeof AttachmentMeta>;

export const Amendment = z.object({
  id: z.string(),
  at: z.number(),
  by: Person,
  text: z.string(),
  closesFollowUp: z.boolean(),
});
export type Amendment = z.infer<typeof Amendment>;

export const Review = z.object({
  id: z.string(),
  at: z.number(),
  by: Person,
  role: z.string(),
  note: z.string(),
});
export type Review = z.infer<typeof Review>;

export const INCIDENT_STATES = ['draft', 'open', 'closed'] as const;

export const Incident = z.object({
  id: z.string(),
  number: z.string(),
  occurredAt: z.number(),
  place: z.string(),
  peoplePresent: z.string(),
  course: z.string(),
  outcome: z.string(),
  category: z.enum(INCIDENT_CATEGORIES),
  needsFollowUp: z.boolean(),
  /** draft: not signed yet; open: signed, follow-up pending; closed: signed and done. */
  state: z.enum(INCIDENT_STATES),
  author: Person,
  createdAt: z.number(),
  updatedAt: z.number(),
  signedAt: z.number().nullable(),
  /** SHA-256 of the signed content and attachments, printed on the sheet. */
  contentHash: z.string().nullable(),
  attachments: z.array(AttachmentMeta),
  amendments: z.array(Amendment),
  reviews: z.array(Review),
});
export type Incident = z.infer<typeof Incident>;

export const IncidentSummary = z.object({
  id: z.string(),
  number: z.string(),
  occurredAt: z.number(),
  place: z.string(),
  category: z.enum(INCIDENT_CATEGORIES),
  state: z.enum(INCIDENT_STATES),
  author: Person,
  signedAt: z.number().nullable(),
  reviewed: z.boolean(),
  amendments: z.number(),
  attachments: z.number(),
  /** The start of the course of events, for the list. */
  excerpt: z.string(),
});
export type IncidentSummary = z.infer<typeof IncidentSummary>;

export const incidents = {
  create: mutation({
    summary: 'Record an incident (unsigned draft until its author signs it).',
    input: IncidentDraft,
    output: Incident,
    allow: INCIDENT_ROLES,
  }),
  update: mutation({
    summary: 'Change one’s own unsigned incident.',
    input: IncidentDraft.extend({ id: id() }),
    output: Incident,
    allow: INCIDENT_ROLES,
  }),
  sign: mutation({
    summary: 'The author signs the incident with their own PIN; from then on it cannot change.',
    input: z.strictObject({ id: id(), pin: pin() }),
    output: Incident,
    allow: INCIDENT_ROLES,
  }),
  addAttachment: mutation({
    summary: 'Attach a photo or file (base64). On a signed incident it is appended as a dated amendment.',
    input: z.strictObject({
      incidentId: id(),
      name: required(120),
      mime: z.enum(ATTACHMENT_TYPES, { error: 'incidents:errors.fileType' }),
      dataBase64: z
        .string()
        .max(Math.ceil((ATTACHMENT_MAX_BYTES * 4) / 3) + 4, { error: 'incidents:errors.fileTooLarge' })
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'incidents:errors.fileUnreadable' }),
      note: text(500).default(''),
    }),
    output: AttachmentMeta,
    allow: INCIDENT_ROLES,
    bodyLimit: ATTACHMENT_BODY_LIMIT,
  }),
  withdrawAttachment: mutation({
    summary: 'Take a wrongly attached file off one’s own unsigned incident (kept, marked withdrawn).',
    input: z.strictObject({ id: id() }),
    output: z.object({ ok: z.literal(true) }),
    allow: INCIDENT_ROLES,
  }),
  attachment: query({
    summary: 'One attachment’s content (base64).',
    input: z.strictObject({ id: id() }),
    output: z.object({ id: z.string(), name: z.string(), mime: z.string(), dataBase64: z.string() }),
    allow: INCIDENT_ROLES,
  }),
  amend: mutation({
    summary: 'Append a dated amendment to a signed incident (a correction, a later development, the matter closed).',
    input: z.strictObject({ id: id(), text: text(2000, { multiline: true }), closesFollowUp: z.boolean().default(false) }),
    output: Incident,
    allow: INCIDENT_ROLES,
  }),
  review: mutation({
    summary: 'The supervisor or manager marks a signed incident as reviewed.',
    input: z.strictObject({ id: id(), note: text(500).default('') }),
    output: Incident,
    allow: REVIEW_ROLES,
  }),
  get: query({
    summary: 'One incident with its attachments, amendments and reviews.',
    input: z.strictObject({ id: id() }),
    output: Incident,
    allow: INCIDENT_ROLES,
  }),
  search: query({
    summary: 'Incidents, newest first: by words (place, people, course, outcome, amendments), category, state and date.',
    input: z.strictObject({
      text: text(100).optional(),
      category: z.enum(INCIDENT_CATEGORIES).optional(),
      state: z.enum(['all', 'draft', 'open', 'closed', 'unreviewed']).default('all'),
      from: epochMs().optional(),
      to: epochMs().optional(),
      limit: paging.limit,
    }),
    output: z.object({ incidents: z.array(IncidentSummary) }),
    allow: INCIDENT_ROLES,
  }),
};
