// Expected visitors (V-8): pre-registered by the desk (for itself or on behalf of a tenant's contact), with a signed
// invitation code `LDI-…` valid only in its time window; at arrival the visitor screen (typed code) or the desk's
// scanner registers the visit in one step. Recurring ones (a cleaner every weekday) until an end date.
import { z } from 'zod';
import { mutation, query, ADMIN, DESK } from './define';
import { id, language, mobile, personName, required, text } from './fields';
import { Visit, VisitTenant, VISITOR_DESK } from './visitors';
import { Notification } from './notify';

export const RECURRENCES = ['once', 'weekdays', 'daily'] as const;
export const EXPECTED_SOURCES = ['desk', 'phone', 'import'] as const;
export const ARRIVAL_AT_KIOSK = ['confirm', 'checkIn'] as const;

const dayKeyField = () => z.string({ error: 'expected:error.date' }).regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: 'expected:error.date' });
const timeField = () => z.string({ error: 'expected:error.time' }).regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { error: 'expected:error.time' });

export const ExpectedDraft = z.strictObject({
  visitorName: personName(),
  mobile: mobile(),
  tenantId: id(),
  hostName: text(50).default(''),
  purpose: required(20),
  partySize: z.number({ error: 'visitors:error.partySize' }).int().min(1, { error: 'visitors:error.partySize' }).max(99, { error: 'visitors:error.partySize' }).default(1),
  /** The (first) day, in the building's time zone. */
  date: dayKeyField(),
  startTime: timeField(),
  endTime: timeField(),
  recurrence: z.enum(RECURRENCES).default('once'),
  /** Last day of a recurring invitation (required then). */
  until: dayKeyField().nullable().default(null),
  /** How it came in: at the desk, by a tenant's phone call, or an import. */
  source: z.enum(EXPECTED_SOURCES).default('desk'),
  /** The tenant's contact who asked for it, if not the desk itself. */
  requestedBy: text(50).default(''),
  notes: text(200).default(''),
  /** Send the invitation code to the host through the tenant's channels, to pass on to the visitor. */
  sendToHost: z.boolean().default(false),
});
export type ExpectedDraft = z.input<typeof ExpectedDraft>;

export const ExpectedArrival = z.object({ day: z.string(), visitId: z.string(), arrivedAt: z.number(), via: z.enum(['kiosk', 'scan', 'desk']), passNumber: z.string().nullable() });

export const Expected = z.object({
  id: z.string(),
  visitorName: z.string(),
  mobile: z.string(),
  tenant: VisitTenant,
  hostName: z.string(),
  purpose: z.string(),
  partySize: z.number(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  recurrence: z.enum(RECURRENCES),
  until: z.string().nullable(),
  source: z.enum(EXPECTED_SOURCES),
  requestedBy: z.string(),
  notes: z.string(),
  status: z.enum(['active', 'cancelled']),
  /** The invitation as typed or scanned (`LDI-…`); printed or sent to the visitor. */
  code: z.string(),
  createdAt: z.number(),
  arrivals: z.array(ExpectedArrival),
  /** Today's window (building time), when the invitation has one today. */
  today: z.object({ from: z.number(), to: z.number(), arrived: z.boolean() }).nullable(),
  notifications: z.array(Notification),
  redacted: z.boolean(),
});
export type Expected = z.infer<typeof Expected>;

export const ExpectedSettings = z.object({
  /** At the visitor screen a valid invitation waits for the desk's confirmation, or checks the visitor in at once. */
  arrivalAtKiosk: z.enum(ARRIVAL_AT_KIOSK),
  /** An invitation is accepted this many minutes before its window opens (visitors come early). */
  earlyMinutes: z.number().int().min(0).max(240),
});
export type ExpectedSettings = z.infer<typeof ExpectedSettings>;
export const DEFAULT_EXPECTED_SETTINGS: ExpectedSettings = { arrivalAtKiosk: 'confirm', earlyMinutes: 30 };

const arrivalOutput = z.object({ visit: Visit, expectedId: z.string() });

export const expected = {
  settings: query({ summary: 'How an invitation is handled at the visitor screen; how early it is accepted.', input: z.strictObject({}), output: ExpectedSettings, allow: VISITOR_DESK }),
  updateSettings: mutation({ summary: 'Change the expected-visitor settings.', input: ExpectedSettings.strict(), output: ExpectedSettings, allow: ADMIN }),
  create: mutation({ summary: 'Add an expected visitor (once or recurring); gives the invitation code.', input: ExpectedDraft, output: Expected, allow: DESK }),
  cancel: mutation({ summary: 'Cancel an invitation: its code is refused from then on.', input: z.strictObject({ id: id(), reason: required(200) }), output: Expected, allow: DESK }),
  reissue: mutation({ summary: 'A new code for an invitation (the old one was passed on or lost); the old code is refused.', input: z.strictObject({ id: id() }), output: Expected, allow: DESK }),
  today: query({
    summary: 'Today’s expected visitors, by start time, with whether each has arrived.',
    input: z.strictObject({}),
    output: z.object({ expected: z.array(Expected) }),
    allow: VISITOR_DESK,
  }),
  list: query({
    summary: 'Active invitations from a day on (upcoming and recurring), or by name, mobile or tenant.',
    input: z.strictObject({ q: text(60).default(''), includeEnded: z.boolean().default(false), limit: z.number().int().min(1).max(500).default(200) }),
    output: z.object({ expected: z.array(Expected) }),
    allow: DESK,
  }),
  get: query({ summary: 'One expected visitor.', input: z.strictObject({ id: id() }), output: Expected, allow: VISITOR_DESK }),
  arrive: mutation({
    summary: 'The expected visitor is at the desk: registered and checked in in one step.',
    input: z.strictObject({ id: id(), overrideWatchList: z.boolean().default(false) }),
    output: arrivalOutput,
    allow: VISITOR_DESK,
  }),
  arriveByCode: mutation({
    summary: 'The desk scanned (or typed) an invitation code: the visit is registered and checked in in one step.',
    input: z.strictObject({ code: required(40), overrideWatchList: z.boolean().default(false) }),
    output: arrivalOutput,
    allow: VISITOR_DESK,
  }),
  kioskArrive: mutation({
    summary: 'A visitor types their invitation code on the visitor screen: awaiting the desk, or checked in, by the building’s setting.',
    input: z.strictObject({ code: required(40), lang: language(), consent: z.literal(true, { error: 'visitors:error.consent' }) }),
    output: z.object({
      registrationId: z.string(),
      status: z.enum(['pending', 'confirmed']),
      /** The visitor's own name, masked (张**), so they see it is their invitation. */
      greeting: z.string(),
      tenant: z.object({ displayName: z.string(), displayNameEn: z.string(), floor: z.string() }),
      passNumber: z.string().nullable(),
      qrText: z.string().nullable(),
    }),
    allow: ['kiosk'],
  }),
  importCsv: mutation({
    summary: 'Import expected visitors from a CSV file (姓名, 手机, 单位, 日期, 开始, 结束, 事由, 人数); all rows or none.',
    input: z.strictObject({
      fileName: required(120),
      contentBase64: z.string().max(700_000, { error: 'expected:error.fileTooLarge' }).regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'expected:error.fileUnreadable' }),
    }),
    output: z.object({ created: z.number(), expected: z.array(Expected) }),
    allow: DESK,
  }),
};
