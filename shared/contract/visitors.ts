// Visitors: desk registration, the visitor screen's self-registration, who is in the building, sign-out, the
// watch list and the feature's settings. Kiosk methods answer with nothing but what the visitor screen needs.
import { z } from 'zod';
import { mutation, query, ADMIN, DESK, LEADS, type Role } from './define';
import { epochMs, id, language, mobile, personName, required, text, empty } from './fields';
import { idNumberProblem, normalizeIdNumber, type IdNumberProblem } from '../rules/id-number';

/** Who works the visitor desk: the desk roles and the security guard who takes over at night. */
export const VISITOR_DESK: readonly Role[] = [...DESK, 'security'];

const ID_NUMBER_MESSAGES: Record<IdNumberProblem, string> = {
  legacy: 'errors:field.idNumberLegacy',
  length: 'errors:field.idNumberLength',
  format: 'errors:field.idNumberFormat',
  date: 'errors:field.idNumberDate',
  check: 'errors:field.idNumber',
};

/**
 * Resident identity card number with the GB 11643 check character; full-width digits and a lower-case x
 * accepted. Each kind of mistake has its own message: an old 15-digit number, a wrong length, other characters,
 * an impossible birth date, a check character that does not match.
 */
export const idNumber = () =>
  z
    .string({ error: 'errors:field.idNumber' })
    .max(40, { error: 'errors:field.idNumberFormat' })
    .overwrite(normalizeIdNumber)
    .superRefine((value, ctx) => {
      const problem = idNumberProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: ID_NUMBER_MESSAGES[problem], params: { length: [...value].length } });
    });

const PLATE = /^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领][A-HJ-NP-Z][A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂学警港澳]$/;

/** A mainland licence plate (粤B12345, new-energy 粤BD12345); spaces, dots and lower case tolerated. */
export const vehiclePlate = () =>
  z
    .string({ error: 'errors:field.plate' })
    .max(20, { error: 'errors:field.plate' })
    .overwrite((v) => v.normalize('NFKC').replace(/[\s·.-]/g, '').toUpperCase())
    .regex(PLATE, { error: 'errors:field.plate' });

export const VISIT_STATUSES = ['pending', 'declined', 'in', 'out'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];
export const ID_NUMBER_ON_KIOSK = ['off', 'optional', 'required'] as const;

export const Purpose = z.strictObject({ zh: required(20), en: text(40).default('') });
export type Purpose = z.output<typeof Purpose>;

export const DEFAULT_PURPOSES: Purpose[] = [
  { zh: '商务拜访', en: 'Business visit' },
  { zh: '面试', en: 'Interview' },
  { zh: '送货', en: 'Delivery' },
  { zh: '快递外卖', en: 'Courier / food delivery' },
  { zh: '施工维修', en: 'Works / repairs' },
  { zh: '探亲访友', en: 'Family / friends' },
  { zh: '其他', en: 'Other' },
];

export const VisitorSettingsInput = z.strictObject({
  purposes: z.array(Purpose).min(1, { error: 'visitors:error.purposesEmpty' }).max(20),
  /** Minutes in the building before the desk is alerted; 0 turns the alert off. */
  overstayMinutes: z.number().int().min(0).max(7 * 24 * 60),
  /** Store the full ID number (otherwise only the masked form is kept). */
  storeFullIdNumber: z.boolean(),
  /** Whether the visitor screen asks for an ID number (with its own consent). */
  kioskIdNumber: z.enum(ID_NUMBER_ON_KIOSK),
  /** Visitor personal data is redacted after this many days (V-7). */
  retentionDays: z.number().int().min(1).max(3650),
  /** A self-registration waiting this long alerts the desk (V-2); 0: no alert. */
  pendingAlertMinutes: z.number().int().min(0).max(24 * 60).default(10),
  /** …and expires after this long (已过期, by the system); 0: never. More than the alert when both are set. */
  pendingExpireMinutes: z.number().int().min(0).max(7 * 24 * 60).default(120),
  /** The end-of-day roll of who is still in (V-4), building time 'HH:MM'; '' turns it off. */
  rollTime: z.union([z.literal(''), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'visitors:error.rollTime' })]).default('23:30'),
});
export const VisitorSettings = z.object({
  purposes: z.array(z.object({ zh: z.string(), en: z.string() })),
  overstayMinutes: z.number(),
  storeFullIdNumber: z.boolean(),
  kioskIdNumber: z.enum(ID_NUMBER_ON_KIOSK),
  retentionDays: z.number(),
  pendingAlertMinutes: z.number(),
  pendingExpireMinutes: z.number(),
  rollTime: z.string(),
});
export type VisitorSettings = z.infer<typeof VisitorSettings>;

export const DEFAULT_VISITOR_SETTINGS: VisitorSettings = {
  purposes: DEFAULT_PURPOSES,
  overstayMinutes: 240,
  storeFullIdNumber: false,
  kioskIdNumber: 'off',
  retentionDays: 180,
  pendingAlertMinutes: 10,
  pendingExpireMinutes: 120,
  rollTime: '23:30',
};

/** The visitor screen clears itself after this much idle time (V-2). */
export const KIOSK_IDLE_SECONDS = 60;

const visitFields = {
  visitorName: personName(),
  mobile: mobile(),
  tenantId: id(),
  hostName: text(50).default(''),
  purpose: required(20),
  partySize: z.number({ error: 'visitors:error.partySize' }).int().min(1, { error: 'visitors:error.partySize' }).max(99, { error: 'visitors:error.partySize' }).default(1),
  idNumber: idNumber().nullable().default(null),
  vehiclePlate: vehiclePlate().nullable().default(null),
};

export const VisitDraft = z.strictObject({
  ...visitFields,
  badgeNumber: text(20).default(''),
  notes: text(500, { multiline: true }).default(''),
  /** The receptionist saw the watch-list alert and admits the visitor anyway. */
  overrideWatchList: z.boolean().default(false),
});
export type VisitDraft = z.input<typeof VisitDraft>;

/** A visitor refused at the desk (V-6): never let in, so no badge is handed over and no override applies. */
export const RefusalDraft = VisitDraft.omit({ badgeNumber: true, overrideWatchList: true });
export type RefusalDraft = z.input<typeof RefusalDraft>;

export const SelfRegistration = z.strictObject({
  ...visitFields,
  lang: language(),
  /** The privacy notice was shown and accepted. */
  consent: z.literal(true, { error: 'visitors:error.consent' }),
  /** Separate consent to giving the ID number. */
  idConsent: z.boolean().default(false),
});
export type SelfRegistration = z.input<typeof SelfRegistration>;

export const WatchMatch = z.object({
  entryId: z.string(),
  reason: z.string(),
  /** Which of the visitor's details matched: name alone is a weaker match than a mobile or an ID number. */
  fields: z.array(z.enum(['name', 'mobile', 'idNumber'])),
});
export type WatchMatch = z.infer<typeof WatchMatch>;

export const VisitTenant = z.object({ id: z.string(), name: z.string(), displayName: z.string(), floor: z.string(), room: z.string() });

export const Visit = z.object({
  id: z.string(),
  source: z.enum(['desk', 'kiosk']),
  status: z.enum(VISIT_STATUSES),
  passNumber: z.string().nullable(),
  qrText: z.string().nullable(),
  visitorName: z.string(),
  mobile: z.string().nullable(),
  tenant: VisitTenant,
  hostName: z.string(),
  purpose: z.string(),
  partySize: z.number(),
  idNumberMasked: z.string().nullable(),
  vehiclePlate: z.string().nullable(),
  badgeNumber: z.string(),
  notes: z.string(),
  lang: language(),
  registeredAt: z.number(),
  decidedAt: z.number().nullable(),
  declineReason: z.string().nullable(),
  hostContacted: z.boolean(),
  checkedInAt: z.number().nullable(),
  checkedOutAt: z.number().nullable(),
  checkoutVia: z.enum(['click', 'pass', 'scan']).nullable(),
  overstay: z.boolean(),
  watchMatches: z.array(WatchMatch),
  redacted: z.boolean(),
  /** Who decided (confirmed, declined, refused); null for the visitor screen's own and for an expiry. */
  decidedByName: z.string().nullable(),
  /** A self-registration that waited past the alert (V-2), and one the system let expire (已过期). */
  pendingAlerted: z.boolean(),
  expired: z.boolean(),
  /** Refused (不予放行) at the desk, with who, when (decidedAt) and why (declineReason) (V-6). */
  refused: z.boolean(),
});
export type Visit = z.infer<typeof Visit>;

export const ROLL_ANSWERS = ['confirmed', 'signedOut'] as const;

/** The end-of-day roll (V-4): who was still in when it ran, each answered once by the guard or the desk. */
export const VisitRoll = z.object({
  id: z.string(),
  dayKey: z.string(),
  dueAt: z.number(),
  runAt: z.number(),
  entries: z.array(
    z.object({
      id: z.string(),
      visit: Visit,
      answer: z.enum(ROLL_ANSWERS).nullable(),
      answeredAt: z.number().nullable(),
      answeredByName: z.string().nullable(),
    }),
  ),
});
export type VisitRoll = z.infer<typeof VisitRoll>;

export const ReturningVisitor = z.object({
  visitorName: z.string(),
  tenant: VisitTenant.extend({ active: z.boolean() }),
  hostName: z.string(),
  purpose: z.string(),
  partySize: z.number(),
  vehiclePlate: z.string().nullable(),
  lastVisitAt: z.number(),
  visitCount: z.number(),
});
export type ReturningVisitor = z.infer<typeof ReturningVisitor>;

export const WatchEntry = z.object({
  id: z.string(),
  name: z.string(),
  mobile: z.string(),
  idNumberMasked: z.string(),
  reason: z.string(),
  active: z.boolean(),
  createdAt: z.number(),
});
export type WatchEntry = z.infer<typeof WatchEntry>;

const watchFields = {
  name: text(50),
  mobile: z.union([z.literal(''), mobile()]),
  /** Resident ID, passport or other document number: compared ignoring spaces, width and case. */
  idNumber: z.union([
    z.literal(''),
    z
      .string({ error: 'errors:field.documentNumber' })
      .max(60, { error: 'errors:field.documentNumber' })
      .overwrite(normalizeIdNumber)
      .regex(/^[0-9A-Z]{5,30}$/, { error: 'errors:field.documentNumber' }),
  ]),
  reason: required(200),
};

export const KioskWelcome = z.object({
  /** The time zone for the welcome's clock (V-5). */
  building: z.object({ name: z.string(), nameEn: z.string(), timeZone: z.string() }),
  notices: z.array(z.object({ id: z.string(), title: z.string(), titleEn: z.string(), body: z.string(), bodyEn: z.string() })),
  purposes: z.array(z.object({ zh: z.string(), en: z.string() })),
  idNumber: z.enum(ID_NUMBER_ON_KIOSK),
  idleSeconds: z.number(),
  /** Said in the privacy notice: personal data is deleted after this many days. */
  retentionDays: z.number(),
});
export type KioskWelcome = z.infer<typeof KioskWelcome>;

export const KioskStatus = z.object({
  status: z.enum(['pending', 'confirmed', 'declined']),
  passNumber: z.string().nullable(),
  qrText: z.string().nullable(),
});
export type KioskStatus = z.infer<typeof KioskStatus>;

export const visitors = {
  settings: query({ summary: 'Purposes, overstay alert, ID-number policy, retention.', input: empty(), output: VisitorSettings, allow: VISITOR_DESK }),
  updateSettings: mutation({ summary: 'Change the visitor settings.', input: VisitorSettingsInput, output: VisitorSettings, allow: ADMIN }),
  lobby: query({
    summary: 'What the lobby shows: self-registrations awaiting confirmation and everyone in the building now.',
    input: empty(),
    output: z.object({ pending: z.array(Visit), inBuilding: z.array(Visit), overstayMinutes: z.number() }),
    allow: VISITOR_DESK,
  }),
  history: query({
    summary: 'Past and present visits, newest first, by name, mobile, pass number or tenant, within a time span.',
    input: z.strictObject({
      q: text(60).default(''),
      from: epochMs().nullable().default(null),
      to: epochMs().nullable().default(null),
      limit: z.number().int().min(1).max(500).default(100),
      before: epochMs().nullable().default(null),
    }),
    output: z.object({ visits: z.array(Visit) }),
    allow: DESK,
  }),
  get: query({ summary: 'One visit.', input: z.strictObject({ id: id() }), output: Visit, allow: VISITOR_DESK }),
  lastByMobile: query({
    summary: 'A returning visitor’s last visit, to pre-fill the desk form (V-4).',
    input: z.strictObject({ mobile: mobile() }),
    output: z.object({ last: ReturningVisitor.nullable() }),
    allow: VISITOR_DESK,
  }),
  watchCheck: query({
    summary: 'Whether a name, mobile or ID number is on the watch list (the desk checks while typing).',
    input: z.strictObject({ visitorName: text(50).default(''), mobile: text(40).default(''), idNumber: text(40).default('') }),
    output: z.object({ matches: z.array(WatchMatch) }),
    allow: VISITOR_DESK,
  }),
  register: mutation({
    summary: 'Register and check in a visitor at the desk; gives the pass number. A watch-list match needs an override.',
    input: VisitDraft,
    output: Visit,
    allow: VISITOR_DESK,
  }),
  confirm: mutation({
    summary: 'Confirm a self-registration: the visitor is checked in and the visitor screen shows the pass.',
    input: z.strictObject({ id: id(), hostContacted: z.boolean().default(false), badgeNumber: text(20).default(''), overrideWatchList: z.boolean().default(false) }),
    output: Visit,
    allow: VISITOR_DESK,
  }),
  decline: mutation({
    summary: 'Decline a self-registration with a reason (the visitor screen only asks the visitor to see the desk).',
    input: z.strictObject({ id: id(), reason: required(200) }),
    output: Visit,
    allow: VISITOR_DESK,
  }),
  refuse: mutation({
    summary: 'Refuse a visitor (不予放行), a self-registration (`id`) or one at the desk (`draft`): who, when and why are recorded (V-6).',
    input: z.strictObject({ id: id().nullable().default(null), draft: RefusalDraft.nullable().default(null), reason: required(200) }),
    output: Visit,
    allow: VISITOR_DESK,
  }),
  roll: query({
    summary: 'The end-of-day roll (V-4): the latest, or a given day’s, with who is still in and each answer.',
    input: z.strictObject({ dayKey: text(10).optional() }),
    output: z.object({ roll: VisitRoll.nullable() }),
    allow: VISITOR_DESK,
  }),
  answerRoll: mutation({
    summary: 'Answer one entry of the roll: still in (confirmed) or signed out by the roll; recorded with who.',
    input: z.strictObject({ entryId: id(), answer: z.enum(ROLL_ANSWERS) }),
    output: z.object({ roll: VisitRoll }),
    allow: VISITOR_DESK,
  }),
  signOut: mutation({ summary: 'Sign a visitor out (clicked in the list).', input: z.strictObject({ id: id() }), output: Visit, allow: VISITOR_DESK }),
  signOutByPass: mutation({
    summary: 'Sign a visitor out by pass number, typed or scanned from the pass’s QR code.',
    input: z.strictObject({ pass: required(40), via: z.enum(['pass', 'scan']).default('pass') }),
    output: Visit,
    allow: VISITOR_DESK,
  }),
  revealIdNumber: mutation({
    summary: 'The full ID number of a visit, where the building stores it; the look-up itself is audited.',
    input: z.strictObject({ id: id() }),
    output: z.object({ idNumber: z.string().nullable() }),
    allow: LEADS,
  }),
  watchList: query({
    summary: 'The watch list: people not to admit, with the reason.',
    input: z.strictObject({ includeInactive: z.boolean().default(false) }),
    output: z.object({ entries: z.array(WatchEntry) }),
    allow: DESK,
  }),
  addWatch: mutation({
    summary: 'Put a person on the watch list by name, mobile and/or ID number, with a reason.',
    input: z.strictObject({
      name: watchFields.name.default(''),
      mobile: watchFields.mobile.default(''),
      idNumber: watchFields.idNumber.default(''),
      reason: watchFields.reason,
    }),
    output: WatchEntry,
    allow: LEADS,
  }),
  updateWatch: mutation({
    summary: 'Change the reason of a watch-list entry or take it off the list.',
    input: z.strictObject({ id: id(), reason: watchFields.reason.optional(), active: z.boolean().optional() }),
    output: WatchEntry,
    allow: LEADS,
  }),
  kioskWelcome: query({
    summary: 'The visitor screen’s welcome: the building’s name, public notices, purposes, whether an ID number is asked.',
    input: empty(),
    output: KioskWelcome,
    allow: ['kiosk'],
  }),
  selfRegister: mutation({
    summary: 'A visitor registers on the visitor screen; the entry waits on the lobby for the desk to confirm.',
    input: SelfRegistration,
    output: z.object({ registrationId: z.string(), status: z.literal('pending') }),
    allow: ['kiosk'],
  }),
  kioskStatus: query({
    summary: 'The calling visitor screen’s own recent registration: pending, confirmed (with the pass) or declined.',
    input: z.strictObject({ registrationId: id() }),
    output: KioskStatus,
    allow: ['kiosk'],
  }),
};
