// Callbacks and messages for tenants (V-3, P-1), of two kinds that never change. A 'message': a visitor or caller
// may not have a tenant's number, so they leave theirs and a message; the desk contacts the tenant by the due time
// and records the outcome (tenant required). A 'callBack': the desk owes this caller a call back — a missed call,
// or a call written up without a tenant (tenant only when the number matched a directory contact). The phone desk
// creates both, through the core's `createCallback`.
import { z } from 'zod';
import { mutation, query, DESK, LEADS } from './define';
import { epochMs, id, personName, phone, text, empty } from './fields';

export const CALLBACK_SOURCES = ['desk', 'visitor', 'phone'] as const;
export const CALLBACK_KINDS = ['message', 'callBack'] as const;
export type CallbackKind = (typeof CALLBACK_KINDS)[number];
export const CALLBACK_OUTCOMES = ['relayed', 'tenantWillCall', 'calledBack', 'unreachable', 'tenantDeclined', 'other'] as const;
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];
/** The outcomes each kind closes with (the store's CHECK holds the same): a call back is not "passed on". */
export const CALLBACK_OUTCOMES_BY_KIND: Record<CallbackKind, readonly CallbackOutcome[]> = {
  message: ['relayed', 'tenantWillCall', 'unreachable', 'tenantDeclined', 'other'],
  callBack: ['calledBack', 'unreachable', 'other'],
};

export const CallbackSettingsInput = z.strictObject({
  /** Minutes from taking the message to when the desk should have contacted the tenant. */
  dueMinutes: z.number().int().min(1).max(7 * 24 * 60),
});
export const CallbackSettings = z.object({ dueMinutes: z.number() });
export type CallbackSettings = z.infer<typeof CallbackSettings>;
export const DEFAULT_CALLBACK_SETTINGS: CallbackSettings = { dueMinutes: 30 };

export const CallbackDraft = z.strictObject({
  tenantId: id(),
  callerName: personName(),
  callerPhone: phone(),
  message: text(1000, { multiline: true }).default(''),
  /** When the tenant should have been contacted; null = now + the due-minutes setting. */
  dueAt: epochMs().nullable().default(null),
  /** Who follows it up; null = whoever takes the message. */
  ownerId: id().nullable().default(null),
  source: z.enum(CALLBACK_SOURCES).default('desk'),
  /** The visit it came from, when a visitor at the desk left the message. */
  visitId: id().nullable().default(null),
});
export type CallbackDraft = z.input<typeof CallbackDraft>;

export const Callback = z.object({
  id: z.string(),
  kind: z.enum(CALLBACK_KINDS),
  source: z.enum(CALLBACK_SOURCES),
  /** The tenant a message is for; for a call back, the tenant whose contact called, when the directory knew them. */
  tenant: z.object({ id: z.string(), name: z.string(), displayName: z.string(), floor: z.string(), room: z.string() }).nullable(),
  callerName: z.string(),
  callerPhone: z.string(),
  message: z.string(),
  dueAt: z.number(),
  overdue: z.boolean(),
  owner: z.object({ id: z.string(), name: z.string() }),
  status: z.enum(['open', 'closed']),
  outcome: z.enum(CALLBACK_OUTCOMES).nullable(),
  outcomeNote: z.string(),
  createdAt: z.number(),
  createdByName: z.string(),
  closedAt: z.number().nullable(),
  closedByName: z.string().nullable(),
  visitId: z.string().nullable(),
  callId: z.string().nullable(),
  redacted: z.boolean(),
});
export type Callback = z.infer<typeof Callback>;

export const callbacks = {
  settings: query({ summary: 'How long the desk has to contact the tenant.', input: empty(), output: CallbackSettings, allow: DESK }),
  updateSettings: mutation({ summary: 'Change the callback due time.', input: CallbackSettingsInput, output: CallbackSettings, allow: LEADS }),
  list: query({
    summary: 'Callbacks: open ones by due time (the lobby list), or closed ones newest first.',
    input: z.strictObject({ status: z.enum(['open', 'closed']).default('open'), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({ callbacks: z.array(Callback) }),
    allow: DESK,
  }),
  owners: query({
    summary: 'People a callback can be given to (active desk staff; names only).',
    input: empty(),
    output: z.object({ people: z.array(z.object({ id: z.string(), name: z.string() })) }),
    allow: DESK,
  }),
  create: mutation({ summary: 'Take a number and a message for a tenant.', input: CallbackDraft, output: Callback, allow: DESK }),
  assign: mutation({
    summary: 'Give an open callback to someone: receptionists may take one over, leads may give it to anyone.',
    input: z.strictObject({ id: id(), ownerId: id() }),
    output: Callback,
    allow: DESK,
  }),
  recordOutcome: mutation({
    summary: 'Record how the tenant (a message) or the caller (a call back) was contacted and close it (its owner or a lead); the outcome must be one of its kind.',
    input: z.strictObject({ id: id(), outcome: z.enum(CALLBACK_OUTCOMES, { error: 'callbacks:error.outcome' }), note: text(500, { multiline: true }).default('') }),
    output: Callback,
    allow: DESK,
  }),
};

/** Outcomes that need a note saying what happened. */
export const CALLBACK_NOTE_REQUIRED: readonly CallbackOutcome[] = ['other'];
