// Phone desk (P-1 … P-5): the ring timer, the call script, the call record, the confidentiality guard and the
// figures. Main owns the ringing state; the lobby shows it and animates from the elapsed time reported here.
import { z } from 'zod';
import { mutation, query, DESK, LEADS, type Role } from './define';
import { id, phone, required, text, epochMs, empty, paging } from './fields';
import { parseAccelerator } from '../rules/accelerator';
import { RECORD_DESK, RecordDetail, RecordDraft } from './records';
import { CALLBACK_KINDS, Callback, CallbackDraft } from './callbacks';

/** Who works the phone: the desk roles, and the guard who covers the desk at night. */
export const PHONE_DESK: readonly Role[] = ['receptionist', 'supervisor', 'manager', 'security', 'admin'];
/** Who may turn a call into a reception-record item: the phone desk's people who also work the record. */
export const CALL_TO_RECORD: readonly Role[] = PHONE_DESK.filter((r) => RECORD_DESK.includes(r));
/** Who may open a callback from a call: the phone desk's people who also take messages for tenants. */
export const CALL_TO_CALLBACK: readonly Role[] = PHONE_DESK.filter((r) => DESK.includes(r));

export const CALL_STATUSES = ['ringing', 'answered', 'completed', 'missed', 'interrupted'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/** How the ring was marked: the lobby button, the page key, the desktop's global hotkey, or a telephone system. */
export const RING_SOURCES = ['button', 'key', 'hotkey', 'api'] as const;

/** Why a call ended without being answered, or how an answered one was closed. */
export const END_REASONS = ['saved', 'gaveUp', 'timeout', 'restart'] as const;

/** 篇1 接听电话程序 §2–§7, in order. */
export const SCRIPT_STEPS = ['greet', 'listen', 'repeatBack', 'note', 'farewell', 'callerHungUp'] as const;
export type ScriptStep = (typeof SCRIPT_STEPS)[number];

export const CALL_OUTCOMES = ['resolved', 'messageTaken', 'forwarded', 'followUp', 'wrongNumber', 'other'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** 'YYYY-MM-DD', a calendar day in the building's time zone. */
export const dayKeyField = () =>
  z
    .string({ error: 'calls:field.day' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'calls:field.day' })
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
      error: 'calls:field.day',
    });

/** A global hotkey in Electron's accelerator syntax, stored in canonical form ('Control+Alt+R', 'F9'). */
export const hotkeyField = () =>
  z
    .string({ error: 'calls:hotkey.unknownKey' })
    .max(60, { error: 'calls:hotkey.unknownKey' })
    .overwrite((v) => {
      const parsed = parseAccelerator(v);
      return parsed.ok ? parsed.value.text : v;
    })
    .superRefine((v, issue) => {
      const parsed = parseAccelerator(v);
      if (!parsed.ok) issue.addIssue({ code: 'custom', message: `calls:hotkey.${parsed.problem}` });
    });

export const CallSettingsInput = z.strictObject({
  secondsPerRing: z.number().int().min(1).max(30),
  targetRings: z.number().int().min(1).max(10),
  /** An unanswered ring is closed as missed after this long (the caller's phone has given up by then). */
  giveUpAfterSeconds: z.number().int().min(10).max(600),
  hotkey: hotkeyField(),
});
export const CallSettings = z.object({
  secondsPerRing: z.number(),
  targetRings: z.number(),
  giveUpAfterSeconds: z.number(),
  hotkey: z.string(),
});
export type CallSettings = z.infer<typeof CallSettings>;

export const DEFAULT_CALL_SETTINGS: CallSettings = { secondsPerRing: 5, targetRings: 3, giveUpAfterSeconds: 60, hotkey: 'F9' };

const PersonRef = z.object({ id: z.string(), name: z.string() }).nullable();

export const Call = z.object({
  id: z.string(),
  /** Line 1, 2 …: the lowest free one when the phone started ringing. */
  line: z.number(),
  status: z.enum(CALL_STATUSES),
  source: z.enum(RING_SOURCES),
  /** Wall-clock time the phone started ringing. */
  ringStartedAt: z.number(),
  secondsPerRing: z.number(),
  targetRings: z.number(),
  answeredAt: z.number().nullable(),
  /** Measured on main's monotonic clock. */
  answerLatencyMs: z.number().nullable(),
  ringsAtAnswer: z.number().nullable(),
  withinTarget: z.boolean().nullable(),
  endedAt: z.number().nullable(),
  endReason: z.enum(END_REASONS).nullable(),
  startedBy: PersonRef,
  answeredBy: PersonRef,
  callerName: z.string(),
  callerNumber: z.string(),
  unit: z.string(),
  topic: z.string(),
  note: z.string(),
  outcome: z.enum(CALL_OUTCOMES).nullable(),
  scriptSteps: z.array(z.enum(SCRIPT_STEPS)),
  confidentialityAsked: z.boolean(),
  savedAt: z.number().nullable(),
  savedBy: PersonRef,
  /** The tenant the call was about, when picked from the directory, and its display name. */
  tenantId: z.string().nullable(),
  tenantName: z.string().nullable(),
  /** The callback this call opened (tenant directory & callbacks), once linked. */
  callbackId: z.string().nullable(),
  /** The reception-record item this call became, once linked, and its number (2026-1127-003). */
  recordId: z.string().nullable(),
  recordNumber: z.string().nullable(),
});
export type Call = z.infer<typeof Call>;

/** Who is calling, from the directory, before anyone answers (P-6): the tenant, the contact, where they are. */
export const CallerMatch = z.object({
  tenantId: z.string(),
  tenantName: z.string(),
  contactName: z.string(),
  floor: z.string(),
  room: z.string(),
});
export type CallerMatch = z.infer<typeof CallerMatch>;

export const RingingCall = Call.extend({
  /** Milliseconds the phone has been ringing, on main's monotonic clock, at the time of the answer. */
  elapsedMs: z.number(),
  /** The directory's match for the caller's number; null when unknown or no number came with the ring. */
  caller: CallerMatch.nullable(),
  /** The telephone system that reported the ring (null: marked at the desk). */
  phoneSource: z.enum(['actionUrl', 'sip', 'callerIdBox']).nullable(),
});
export type RingingCall = z.infer<typeof RingingCall>;

export const CallFigures = z.object({
  day: z.string(),
  /** Every call that rang that day, interrupted ones included. */
  calls: z.number(),
  answered: z.number(),
  missed: z.number(),
  interrupted: z.number(),
  withinTarget: z.number(),
  /** withinTarget / (answered + missed); null with no such call. Interrupted calls are not counted. */
  withinTargetShare: z.number().nullable(),
  meanAnswerMs: z.number().nullable(),
});
export type CallFigures = z.infer<typeof CallFigures>;

export const ReceptionistDayFigures = CallFigures.extend({
  /** Who answered (or, for a missed call, who marked the ring); null for rings nobody at the desk marked. */
  staffId: z.string().nullable(),
  staffName: z.string().nullable(),
});
export type ReceptionistDayFigures = z.infer<typeof ReceptionistDayFigures>;

export const SaveCallInput = z.strictObject({
  id: id(),
  callerName: text(50).default(''),
  /** Omitted: keeps the caller ID the ring came with; null: no number. */
  callerNumber: phone().nullable().optional(),
  unit: text(40).default(''),
  /** The tenant picked from the directory; omitted: keeps the one stored; null: none. */
  tenantId: id().nullable().optional(),
  topic: required(100),
  note: text(2000, { multiline: true }).default(''),
  outcome: z.enum(CALL_OUTCOMES, { error: 'calls:field.outcome' }),
  scriptSteps: z.array(z.enum(SCRIPT_STEPS)).max(SCRIPT_STEPS.length).optional(),
});
export type SaveCallInput = z.input<typeof SaveCallInput>;

/** A reception-record item made from a call: its channel is the phone and its reception time the call's. */
export const CallRecordDraft = RecordDraft.omit({ channel: true, relayedBy: true, receivedAt: true });
export type CallRecordDraft = z.input<typeof CallRecordDraft>;

/**
 * A callback taken on the phone (the confidentiality guard, or a saved call): a message for the tenant when one is
 * picked, else a call back to the caller. `kind` may say so explicitly; a message needs its tenant.
 */
export const CallCallbackDraft = CallbackDraft.omit({ source: true, visitId: true }).extend({
  tenantId: id().nullable().default(null),
  kind: z.enum(CALLBACK_KINDS).optional(),
});
export type CallCallbackDraft = z.input<typeof CallCallbackDraft>;

/** What the desk sees of a caller when the call is opened: their last calls and what is still open for them. */
export const CallerFile = z.object({
  caller: CallerMatch.nullable(),
  calls: z.array(
    z.object({
      id: z.string(),
      ringStartedAt: z.number(),
      status: z.enum(CALL_STATUSES),
      topic: z.string(),
      outcome: z.enum(CALL_OUTCOMES).nullable(),
      answeredBy: z.string().nullable(),
    }),
  ),
  /** Open reception-record items of the caller's tenant or number; empty for roles that do not work the record. */
  openItems: z.array(z.object({ id: z.string(), number: z.string(), type: z.string(), matter: z.string(), status: z.string(), receivedAt: z.number() })),
  openCallbacks: z.array(z.object({ id: z.string(), kind: z.enum(CALLBACK_KINDS), message: z.string(), dueAt: z.number() })),
  /** Whether this role may see reception-record items at all (the guard does not). */
  itemsVisible: z.boolean(),
});
export type CallerFile = z.infer<typeof CallerFile>;

export const calls = {
  ring: mutation({
    summary: 'The phone is ringing: starts a ring timer on the lowest free line (two lines can ring at once).',
    input: z.strictObject({
      source: z.enum(RING_SOURCES).default('button'),
      /** Caller ID, when a telephone system drives this. */
      callerNumber: phone().nullable().default(null),
    }),
    output: RingingCall,
    allow: PHONE_DESK,
  }),
  answer: mutation({
    summary: 'Answered: stops the ring timer and stores the answer latency and whether it was within target.',
    input: z.strictObject({ id: id().optional() }),
    output: Call,
    allow: PHONE_DESK,
  }),
  giveUp: mutation({
    summary: 'The caller gave up before an answer: closes the ring as missed.',
    input: z.strictObject({ id: id().optional(), callerNumber: phone().nullable().default(null) }),
    output: Call,
    allow: PHONE_DESK,
  }),
  tickStep: mutation({
    summary: 'Ticks or unticks one step of the call script.',
    input: z.strictObject({ id: id(), step: z.enum(SCRIPT_STEPS, { error: 'calls:field.step' }), done: z.boolean() }),
    output: Call,
    allow: PHONE_DESK,
  }),
  guard: mutation({
    summary: 'The caller asked for a tenant’s phone number: records that the confidentiality rule was applied.',
    input: z.strictObject({ id: id() }),
    output: Call,
    allow: PHONE_DESK,
  }),
  save: mutation({
    summary: 'Saves the call record (caller, unit, topic, note, outcome, script); completes an answered call.',
    input: SaveCallInput,
    output: Call,
    allow: PHONE_DESK,
  }),
  toRecord: mutation({
    summary: 'Turns a call into a reception-record item (channel phone), pre-filled from it; links the two both ways. With `save`, an answered call\'s record is saved in the same transaction, so a conversion never leaves the call changed without its item (P-3).',
    input: z.strictObject({ callId: id(), draft: CallRecordDraft, save: SaveCallInput.omit({ id: true }).optional() }),
    output: z.object({ call: Call, record: RecordDetail }),
    allow: CALL_TO_RECORD,
  }),
  toCallback: mutation({
    summary: 'Takes a message for a tenant (or, without a tenant, a call back to the caller) from a call in conversation or a saved one; links the two both ways.',
    input: z.strictObject({ callId: id(), draft: CallCallbackDraft }),
    output: z.object({ call: Call, callback: Callback }),
    allow: CALL_TO_CALLBACK,
  }),
  active: query({
    summary: 'What the lobby shows: lines ringing now (with elapsed time) and answered calls not yet saved.',
    input: empty(),
    output: z.object({ ringing: z.array(RingingCall), inProgress: z.array(Call), settings: CallSettings }),
    allow: PHONE_DESK,
  }),
  callerFile: query({
    summary: 'The caller of a call: the directory match, their last calls, open record items and callbacks (P-6).',
    input: z.strictObject({ id: id() }),
    output: CallerFile,
    allow: PHONE_DESK,
  }),
  get: query({
    summary: 'One call.',
    input: z.strictObject({ id: id() }),
    output: Call,
    allow: PHONE_DESK,
  }),
  list: query({
    summary: 'The call log, newest first: a day, a status, a search over caller, number, unit, topic and note.',
    input: z.strictObject({
      day: dayKeyField().optional(),
      status: z.enum(CALL_STATUSES).optional(),
      search: text(50).optional(),
      limit: paging.limit,
      before: epochMs().optional(),
    }),
    output: z.object({ calls: z.array(Call), more: z.boolean() }),
    allow: PHONE_DESK,
  }),
  figures: query({
    summary: 'One day’s figures (today by default): calls, share answered within target, mean answer time.',
    input: z.strictObject({ day: dayKeyField().optional() }),
    output: CallFigures,
    allow: PHONE_DESK,
  }),
  dailyFigures: query({
    summary: 'Figures per receptionist per day over a range of days (for the reports), at most 366 days.',
    input: z.strictObject({ from: dayKeyField(), to: dayKeyField() }),
    output: z.object({ rows: z.array(ReceptionistDayFigures) }),
    allow: PHONE_DESK,
  }),
  settings: query({
    summary: 'Ring cadence, target rings, when an unanswered ring counts as missed, the hotkey.',
    input: empty(),
    output: CallSettings,
    allow: PHONE_DESK,
  }),
  updateSettings: mutation({
    summary: 'Changes the ring cadence, target, give-up time or hotkey (rings already ringing keep theirs).',
    input: CallSettingsInput,
    output: CallSettings,
    allow: LEADS,
  }),
};
