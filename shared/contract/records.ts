// The reception record 《接待业主情况记录》: items, their handling trail, the 2-day / 1-week escalation ladder,
// complaints answered within 24 h, follow-up visits, the supervisor's daily audit and the manager's Monday review
// (R-1 … R-7).
import { z } from 'zod';
import { TrailHead } from './audit';
import { mutation, query, ADMIN, type Role } from './define';
import { epochMs, id, personName, phone, pin, required, text, empty } from './fields';

export const CHANNELS = ['walk_in', 'phone', 'online', 'relayed'] as const;
export const ITEM_TYPES = ['complaint', 'repair', 'inquiry', 'suggestion', 'move_in', 'renovation', 'other'] as const;
export const ITEM_STATUSES = ['open', 'forwarded', 'resolved', 'unresolvable'] as const;
/** Who owns an item: the desk (receptionists), then the customer-service supervisor, then the manager. */
export const LEVELS = ['desk', 'supervisor', 'manager'] as const;
export const CLOCK_KINDS = [
  'warn_supervisor',
  'escalate_supervisor',
  'warn_manager',
  'escalate_manager',
  'warn_answer',
  'breach_answer',
  'follow_up_overdue',
] as const;
export const NOTE_KINDS = ['created', 'note', 'forward', 'progress', 'reply', 'resolve', 'reopen', 'unresolvable', 'follow_up', 'edit', 'repair'] as const;
export const FOLLOW_UP_RESULTS = ['satisfied', 'unsatisfied'] as const;
export const ACTIONS = ['edit', 'note', 'progress', 'reply', 'forward', 'resolve', 'unresolvable', 'followUp', 'repair', 'audit'] as const;

export type Channel = (typeof CHANNELS)[number];
export type ItemType = (typeof ITEM_TYPES)[number];
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export type Level = (typeof LEVELS)[number];
export type ClockKind = (typeof CLOCK_KINDS)[number];
export type NoteKind = (typeof NOTE_KINDS)[number];
export type RecordAction = (typeof ACTIONS)[number];

/** The people who work the record at the desk. */
export const RECORD_DESK: readonly Role[] = ['receptionist', 'supervisor', 'manager'];
/** Everyone who may read (some of) the record: department users see what was forwarded to them. */
export const RECORD_READERS: readonly Role[] = ['receptionist', 'supervisor', 'manager', 'department', 'admin'];

/** A calendar date 'YYYY-MM-DD' (holidays, make-up days, day and week keys). */
export const dateKey = () =>
  z
    .string({ error: 'records:field.date' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'records:field.date' })
    .refine((v) => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
    }, { error: 'records:field.date' });

const multiline = (max: number, min = 0) => text(max, { multiline: true, ...(min ? { min } : {}) });

export const RepairDetailsInput = z.strictObject({
  location: text(100).optional(),
  appointmentAt: epochMs().nullable().optional(),
  worker: text(40).optional(),
  materials: multiline(500).optional(),
  completedAt: epochMs().nullable().optional(),
});

export const RecordDraft = z.strictObject({
  channel: z.enum(CHANNELS, { error: 'records:field.channel' }),
  /** Who at another post received the owner (required for 其它岗位). */
  relayedBy: text(40).nullable().default(null),
  type: z.enum(ITEM_TYPES, { error: 'records:field.type' }),
  ownerName: personName(),
  ownerPhone: phone().nullable().default(null),
  unit: text(40).default(''),
  /** The owner/tenant in the directory, when known. */
  tenantId: id().nullable().default(null),
  matter: multiline(1000, 1),
  /** One of the departments in the records settings. */
  department: text(20).nullable().default(null),
  /** A complaint about a member of staff names them: they may read it but never change it. */
  aboutStaffId: id().nullable().default(null),
  /** When the owner was received, if earlier than now (a relayed item); the ladder's clock starts here. */
  receivedAt: epochMs().optional(),
  repair: RepairDetailsInput.optional(),
});
export type RecordDraft = z.output<typeof RecordDraft>;

export const RecordEdit = z.strictObject({
  id: id(),
  ownerName: personName().optional(),
  ownerPhone: phone().nullable().optional(),
  unit: text(40).optional(),
  tenantId: id().nullable().optional(),
  matter: multiline(1000, 1).optional(),
  relayedBy: text(40).nullable().optional(),
  aboutStaffId: id().nullable().optional(),
});

const NextDeadline = z.object({ kind: z.enum(['supervisor', 'manager', 'answer', 'followUp']), at: z.number() });

export const RecordSummary = z.object({
  id: z.string(),
  number: z.string(),
  receivedAt: z.number(),
  channel: z.enum(CHANNELS),
  relayedBy: z.string().nullable(),
  type: z.enum(ITEM_TYPES),
  ownerName: z.string(),
  ownerPhone: z.string().nullable(),
  unit: z.string().nullable(),
  tenantId: z.string().nullable(),
  matter: z.string(),
  department: z.string().nullable(),
  status: z.enum(ITEM_STATUSES),
  level: z.enum(LEVELS),
  aboutStaffId: z.string().nullable(),
  aboutStaffName: z.string().nullable(),
  answeredAt: z.number().nullable(),
  breachedAt: z.number().nullable(),
  /** Complaints: answered or resolved by then (24 h by default). */
  answerBy: z.number().nullable(),
  resolvedAt: z.number().nullable(),
  followUpDueAt: z.number().nullable(),
  reopenCount: z.number(),
  nextDeadline: NextDeadline.nullable(),
  overdue: z.boolean(),
  audited: z.boolean(),
  callId: z.string().nullable(),
});
export type RecordSummary = z.infer<typeof RecordSummary>;

export const TrailEntry = z.object({
  id: z.string(),
  at: z.number(),
  kind: z.union([z.enum(NOTE_KINDS), z.enum(CLOCK_KINDS), z.literal('audit')]),
  text: z.string(),
  /** Follow-up visits: what the owner said. */
  result: z.enum(FOLLOW_UP_RESULTS).nullable(),
  department: z.string().nullable(),
  byName: z.string().nullable(),
  byRole: z.string().nullable(),
  /** For escalations, warnings and breaches: when it was due (the entry's `at` is when it was detected). */
  dueAt: z.number().nullable(),
});
export type TrailEntry = z.infer<typeof TrailEntry>;

export const RecordDetail = RecordSummary.extend({
  result: z.string().nullable(),
  resolvedByName: z.string().nullable(),
  unresolvableReason: z.string().nullable(),
  createdByName: z.string().nullable(),
  repair: z.object({
    location: z.string().nullable(),
    appointmentAt: z.number().nullable(),
    worker: z.string().nullable(),
    materials: z.string().nullable(),
    completedAt: z.number().nullable(),
  }),
  deadlines: z.object({ supervisorAt: z.number(), managerAt: z.number(), answerBy: z.number().nullable() }),
  trail: z.array(TrailEntry),
  escalations: z.array(z.object({ level: z.enum(['supervisor', 'manager']), dueAt: z.number(), detectedAt: z.number() })),
  followUps: z.array(z.object({ at: z.number(), result: z.enum(FOLLOW_UP_RESULTS), note: z.string(), byName: z.string() })),
  audit: z.object({ at: z.number(), byName: z.string(), comment: z.string() }).nullable(),
  /** The phone call the item was made from (the phone desk's call record), when there is one. */
  call: z
    .object({ id: z.string(), ringStartedAt: z.number(), callerName: z.string(), callerNumber: z.string(), topic: z.string(), answeredByName: z.string().nullable() })
    .nullable(),
  /** What the caller may do with this item now (the core enforces the same rules). */
  can: z.object(Object.fromEntries(ACTIONS.map((a) => [a, z.boolean()])) as Record<RecordAction, z.ZodBoolean>),
});
export type RecordDetail = z.infer<typeof RecordDetail>;

export const RecordsSettingsInput = z.strictObject({
  departments: z.array(required(20)).min(1, { error: 'records:settings.departmentsRequired' }).max(40),
  /** Count the ladder's days as calendar time, or as working days (weekends, holidays and make-up days). */
  countMode: z.enum(['calendar', 'workingDays']),
  supervisorAfterDays: z.number().int().min(1).max(30),
  managerAfterDays: z.number().int().min(2).max(90),
  /** Warn this many hours before each deadline; 0 = no warnings. */
  warnBeforeHours: z.number().int().min(0).max(48),
  complaintAnswerHours: z.number().int().min(1).max(72),
  followUpDays: z.number().int().min(1).max(30),
  /** The lobby reminds from this hour when yesterday's entries are not audited. */
  auditReminderHour: z.number().int().min(0).max(23),
  holidays: z.array(dateKey()).max(400),
  /** Weekend days that are working days (调休). */
  makeUpDays: z.array(dateKey()).max(100),
});
export const RecordsSettings = z.object({
  departments: z.array(z.string()),
  countMode: z.enum(['calendar', 'workingDays']),
  supervisorAfterDays: z.number(),
  managerAfterDays: z.number(),
  warnBeforeHours: z.number(),
  complaintAnswerHours: z.number(),
  followUpDays: z.number(),
  auditReminderHour: z.number(),
  holidays: z.array(z.string()),
  makeUpDays: z.array(z.string()),
});
export type RecordsSettings = z.infer<typeof RecordsSettings>;

export const DEFAULT_RECORDS_SETTINGS: RecordsSettings = {
  departments: ['工程部', '保洁', '秩序部', '财务', '绿化'],
  countMode: 'calendar',
  supervisorAfterDays: 2,
  managerAfterDays: 7,
  warnBeforeHours: 4,
  complaintAnswerHours: 24,
  followUpDays: 3,
  auditReminderHour: 10,
  holidays: [],
  makeUpDays: [],
};

export const LobbyRow = RecordSummary;
export const LobbyView = z.object({
  /** Open items due within 24 h or overdue, and follow-ups due, by who owns them. */
  groups: z.object({ desk: z.array(RecordSummary), supervisor: z.array(RecordSummary), manager: z.array(RecordSummary) }),
  openCount: z.number(),
  auditReminder: z.object({ dayKey: z.string(), pending: z.number() }).nullable(),
  reviewReminder: z.object({ weekKey: z.string() }).nullable(),
});
export type LobbyView = z.infer<typeof LobbyView>;

const countsOf = <T extends readonly [string, ...string[]]>(keys: T) => z.record(z.enum(keys), z.number());

export const WeeklyReview = z.object({
  weekKey: z.string(),
  weekStart: z.number(),
  weekEnd: z.number(),
  isOver: z.boolean(),
  counts: z.object({
    total: z.number(),
    byType: countsOf(ITEM_TYPES),
    byChannel: countsOf(CHANNELS),
    byStatus: countsOf(ITEM_STATUSES),
  }),
  items: z.array(RecordSummary),
  escalated: z.array(RecordSummary.extend({ escalatedTo: z.enum(['supervisor', 'manager']), dueAt: z.number(), detectedAt: z.number() })),
  breached: z.array(RecordSummary),
  unresolvable: z.array(RecordSummary.extend({ reason: z.string() })),
  overdue: z.array(RecordSummary),
  followUps: z.object({
    satisfied: z.number(),
    unsatisfied: z.number(),
    entries: z.array(z.object({ itemId: z.string(), number: z.string(), at: z.number(), result: z.enum(FOLLOW_UP_RESULTS), note: z.string(), byName: z.string() })),
  }),
  signed: z.object({ at: z.number(), byName: z.string(), comment: z.string() }).nullable(),
});
export type WeeklyReview = z.infer<typeof WeeklyReview>;

export const AuditQueue = z.object({
  todayKey: z.string(),
  yesterdayKey: z.string(),
  /** Unaudited entries by day of reception: yesterday first, then older days, then today. */
  days: z.array(z.object({ dayKey: z.string(), items: z.array(RecordSummary) })),
  recentlyAudited: z.array(RecordSummary.extend({ auditedAt: z.number(), auditedByName: z.string(), auditComment: z.string() })),
  /** Where the audit trail stands now: the supervisor writes it on the day's paper audit (an anchor outside the PC). */
  trailHead: TrailHead.nullable(),
});
export type AuditQueue = z.infer<typeof AuditQueue>;

const withId = { id: id() };

export const records = {
  list: query({
    summary: 'Items of the reception record, newest first, with filters and search.',
    input: z.strictObject({
      status: z.enum(['active', 'open', 'resolved', 'unresolvable', 'all']).default('active'),
      type: z.enum(ITEM_TYPES).optional(),
      channel: z.enum(CHANNELS).optional(),
      level: z.enum(LEVELS).optional(),
      department: text(20).optional(),
      overdueOnly: z.boolean().default(false),
      search: text(60).optional(),
      from: epochMs().optional(),
      to: epochMs().optional(),
      limit: z.number().int().min(1).max(500).default(100),
      /** The `number` of the last item of the previous page. */
      before: text(20).optional(),
    }),
    output: z.object({ items: z.array(RecordSummary), nextBefore: z.string().nullable() }),
    allow: RECORD_READERS,
  }),
  get: query({
    summary: 'One item with its handling trail, escalations, follow-ups, audit and what the caller may do.',
    input: z.strictObject(withId),
    output: RecordDetail,
    allow: RECORD_READERS,
  }),
  create: mutation({
    summary: 'Enter an item received at the lobby, by phone, online or relayed by another post.',
    input: RecordDraft,
    output: RecordDetail,
    allow: RECORD_DESK,
  }),
  update: mutation({
    summary: 'Correct the owner’s details or the matter of an open item (the change goes into the trail).',
    input: RecordEdit,
    output: RecordDetail,
    allow: RECORD_DESK,
  }),
  addNote: mutation({
    summary: 'Add to the handling trail: a note, a department’s progress, or a reply to the owner (a reply answers a complaint).',
    input: z.strictObject({ ...withId, kind: z.enum(['note', 'progress', 'reply']), text: multiline(1000, 1) }),
    output: RecordDetail,
    allow: [...RECORD_DESK, 'department'],
  }),
  forward: mutation({
    summary: 'Forward an item to a responsible department (or to another one) and keep tracking it.',
    input: z.strictObject({ ...withId, department: required(20), note: multiline(500).default('') }),
    output: RecordDetail,
    allow: RECORD_DESK,
  }),
  resolve: mutation({
    summary: 'Record the result: only whoever owns the item at the time (desk, supervisor, manager).',
    input: z.strictObject({ ...withId, result: multiline(1000, 1) }),
    output: RecordDetail,
    allow: RECORD_DESK,
  }),
  closeUnresolvable: mutation({
    summary: 'Close an item that cannot be handled, with the reason. Manager only.',
    input: z.strictObject({ ...withId, reason: multiline(1000, 1) }),
    output: RecordDetail,
    allow: ['manager'],
  }),
  followUp: mutation({
    summary: 'Record the follow-up visit (回访) after a repair or complaint: not satisfied reopens the item.',
    input: z.strictObject({ ...withId, result: z.enum(FOLLOW_UP_RESULTS), note: multiline(500).default('') }),
    output: RecordDetail,
    allow: RECORD_DESK,
  }),
  updateRepair: mutation({
    summary: 'Repair details: location, appointment, worker, materials, completion time.',
    input: RepairDetailsInput.extend(withId),
    output: RecordDetail,
    allow: [...RECORD_DESK, 'department'],
  }),
  auditItems: mutation({
    summary: 'The supervisor’s daily audit: mark entries as audited (who and when), optionally with a comment; signed with the auditor’s own PIN (R-6).',
    input: z.strictObject({ ids: z.array(id()).min(1).max(200), comment: text(200).default(''), pin: pin() }),
    output: z.object({ audited: z.number() }),
    allow: ['supervisor', 'manager'],
  }),
  auditQueue: query({
    summary: 'Entries not yet audited, yesterday first, and those audited lately.',
    input: empty(),
    output: AuditQueue,
    allow: ['supervisor', 'manager'],
  }),
  lobby: query({
    summary: 'The lobby panel: items due soon and overdue by owner level, and the audit / review reminders.',
    input: empty(),
    output: LobbyView,
    allow: RECORD_DESK,
  }),
  weeklyReview: query({
    summary: 'The manager’s review of a week (Monday–Sunday, building time zone); last week by default.',
    input: z.strictObject({ weekKey: dateKey().optional() }),
    output: WeeklyReview,
    allow: ['manager', 'supervisor', 'admin'],
  }),
  signWeeklyReview: mutation({
    summary: 'The manager signs off a week’s review once the week is over, with their own PIN entered again (R-6).',
    input: z.strictObject({ weekKey: dateKey(), comment: text(500).default(''), pin: pin() }),
    output: WeeklyReview,
    allow: ['manager'],
  }),
  staffChoices: query({
    summary: 'Active staff (names and roles) for naming the person a complaint is about.',
    input: empty(),
    output: z.object({ people: z.array(z.object({ id: z.string(), name: z.string(), role: z.string(), department: z.string().nullable() })) }),
    allow: RECORD_DESK,
  }),
  settings: query({
    summary: 'Departments, ladder durations, warning lead time, complaint and follow-up periods, working-day calendar.',
    input: empty(),
    output: RecordsSettings,
    allow: RECORD_READERS,
  }),
  updateSettings: mutation({
    summary: 'Change the records settings.',
    input: RecordsSettingsInput,
    output: RecordsSettings,
    allow: ADMIN,
  }),
};

/** Events of this feature (declared in the one events table in index.ts). */
export const RecordNotice = z.object({
  kind: z.enum(CLOCK_KINDS),
  itemId: z.string(),
  number: z.string(),
  type: z.enum(ITEM_TYPES),
  level: z.enum(LEVELS),
  dueAt: z.number(),
  detectedAt: z.number(),
});
export type RecordNotice = z.infer<typeof RecordNotice>;

export const RecordAssigned = z.object({
  itemId: z.string(),
  number: z.string(),
  type: z.enum(ITEM_TYPES),
  reason: z.enum(['escalated', 'warning', 'breach', 'followUpOverdue', 'forwarded', 'reopened']),
  level: z.enum(LEVELS),
  department: z.string().nullable(),
  /** The deadline concerned (warnings: the one coming up; escalations and breaches: the one passed). */
  dueAt: z.number().nullable(),
});
export type RecordAssigned = z.infer<typeof RecordAssigned>;
