// The end-of-shift handover to security (S-1): a checklist from the admin's template plus a live section from
// each feature (visitors still in, keys out, open incidents …). The outgoing person signs with their PIN, the
// incoming guard acknowledges with their own; unticked lines carry over to the next handover.
import { z } from 'zod';
import { TrailHead } from './audit';
import { mutation, query, ADMIN, type Role } from './define';
import { epochMs, id, paging, pin, text, empty } from './fields';
import { ChecklistInput, ChecklistItem, DUTY, LineParams } from './shifts';

/** Who may read handovers: everyone at the desk and the guards. */
export const HANDOVER_READERS: readonly Role[] = ['receptionist', 'supervisor', 'manager', 'security', 'admin'];
/** Who may take over a shift by acknowledging its handover. */
export const ACKNOWLEDGER_ROLES: readonly Role[] = ['security', 'receptionist', 'supervisor', 'manager'];

export const HandoverLine = z.object({
  id: z.string(),
  /** Stable across handovers, e.g. `incident:<id>`, `key-loan:<id>`, `template:<key>`: what carries over. */
  key: z.string(),
  section: z.string(),
  /** i18n key of the section heading. */
  sectionTitle: z.string(),
  sectionOrder: z.number(),
  /** i18n key of the line's text, interpolated with `params`. */
  kind: z.string(),
  params: LineParams,
  /** Overdue, unsigned, … : shown highlighted. */
  attention: z.boolean(),
  ticked: z.boolean(),
  comment: z.string(),
  /** Left unticked on an earlier handover. */
  carried: z.boolean(),
  carriedFromNumber: z.string().nullable(),
  /** How many handovers in a row it has been carried. */
  carriedCount: z.number(),
  carriedComment: z.string(),
  /** Still produced by its section now (false: only carried, or gone since the draft was made). */
  current: z.boolean(),
});
export type HandoverLine = z.infer<typeof HandoverLine>;

const Person = z.object({ id: z.string(), name: z.string() });

export const HANDOVER_STATES = ['draft', 'signed', 'acknowledged'] as const;

export const Handover = z.object({
  id: z.string(),
  number: z.string(),
  shiftId: z.string(),
  shiftStartedAt: z.number(),
  state: z.enum(HANDOVER_STATES),
  outgoing: Person,
  incoming: Person.extend({ role: z.string() }).nullable(),
  previous: z.object({ id: z.string(), number: z.string() }).nullable(),
  notes: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  signedAt: z.number().nullable(),
  acknowledgedAt: z.number().nullable(),
  acknowledgeNote: z.string(),
  /** SHA-256 of the signed lines and notes, printed on the sheet. */
  contentHash: z.string().nullable(),
  /** Where the audit trail stood at signing (and acknowledgement), or now for a draft — printed, so paper holds it. */
  trailAnchor: TrailHead.nullable(),
  lines: z.array(HandoverLine),
});
export type Handover = z.infer<typeof Handover>;

export const HandoverSummary = z.object({
  id: z.string(),
  number: z.string(),
  state: z.enum(HANDOVER_STATES),
  outgoing: Person,
  incoming: Person.nullable(),
  createdAt: z.number(),
  signedAt: z.number().nullable(),
  acknowledgedAt: z.number().nullable(),
  lines: z.number(),
  unticked: z.number(),
});
export type HandoverSummary = z.infer<typeof HandoverSummary>;

export const HandoverSettings = z.object({ template: z.array(ChecklistItem) });
export type HandoverSettings = z.infer<typeof HandoverSettings>;

export const handover = {
  settings: query({
    summary: 'The handover checklist template.',
    input: empty(),
    output: HandoverSettings,
    allow: HANDOVER_READERS,
  }),
  updateSettings: mutation({
    summary: 'Change the handover checklist template.',
    input: z.strictObject({ template: ChecklistInput }),
    output: HandoverSettings,
    allow: ADMIN,
  }),
  current: query({
    summary: 'The caller’s open shift and its handover draft, if one was prepared.',
    input: empty(),
    output: z.object({ shift: z.object({ id: z.string(), startedAt: z.number() }).nullable(), handover: Handover.nullable() }),
    allow: HANDOVER_READERS,
  }),
  prepare: mutation({
    summary: 'Make (or bring up to date) the handover of one’s open shift: template, live sections, carried lines.',
    input: empty(),
    output: Handover,
    allow: DUTY,
  }),
  mark: mutation({
    summary: 'Tick a line, or leave it unticked with a comment.',
    input: z.strictObject({ id: id(), lineId: id(), ticked: z.boolean(), comment: text(300).default('') }),
    output: HandoverLine,
    allow: DUTY,
  }),
  saveNotes: mutation({
    summary: 'Save the free notes of one’s handover draft.',
    input: z.strictObject({ id: id(), notes: text(3000, { multiline: true }) }),
    output: z.object({ ok: z.literal(true), updatedAt: z.number() }),
    allow: DUTY,
  }),
  blockers: query({
    summary: 'What stops one’s handover draft being signed now (lines neither ticked nor commented): asked before the PIN is (S-1).',
    input: z.strictObject({ id: id() }),
    output: z.object({ canSign: z.boolean(), unhandled: z.array(z.object({ lineId: z.string(), key: z.string(), kind: z.string() })) }),
    allow: DUTY,
  }),
  sign: mutation({
    summary: 'The outgoing person signs with their own PIN: the handover locks, the shift ends, the diary is finalised.',
    input: z.strictObject({ id: id(), pin: pin() }),
    output: Handover,
    allow: DUTY,
  }),
  acknowledge: mutation({
    summary: 'The incoming guard, signed in as themselves (at the desk or their own terminal), acknowledges with their own PIN.',
    input: z.strictObject({ id: id(), userId: id(), pin: pin(), note: text(300).default('') }),
    output: Handover,
    allow: HANDOVER_READERS,
  }),
  pending: query({
    summary: 'Signed handovers waiting for the incoming guard.',
    input: empty(),
    output: z.object({ handovers: z.array(HandoverSummary) }),
    allow: HANDOVER_READERS,
  }),
  get: query({
    summary: 'One handover with its lines.',
    input: z.strictObject({ id: id() }),
    output: Handover,
    allow: HANDOVER_READERS,
  }),
  search: query({
    summary: 'Past handovers, newest first, by date and by the name of the person who handed over or took over.',
    input: z.strictObject({
      from: epochMs().optional(),
      to: epochMs().optional(),
      person: text(50).optional(),
      limit: paging.limit,
    }),
    output: z.object({ handovers: z.array(HandoverSummary) }),
    allow: HANDOVER_READERS,
  }),
};
