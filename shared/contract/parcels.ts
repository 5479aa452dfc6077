// Parcels and food deliveries held at the desk (V-9, 快递 / 外卖): logged in seconds, the recipient told (V-10),
// picked up with who collected it — a signature on the touch screen, the tenant contact's PIN, or the pick-up code
// the recipient was sent — and flagged when uncollected past N days (handover, diary, figures).
import { z } from 'zod';
import { mutation, query, ADMIN, DESK } from './define';
import { epochMs, id, pin, required, text } from './fields';
import { VisitTenant, VISITOR_DESK } from './visitors';
import { Notification } from './notify';

export const PARCEL_KINDS = ['parcel', 'food'] as const;
export const PARCEL_STATUSES = ['held', 'collected'] as const;
export const PICKUP_METHODS = ['code', 'pin', 'signature'] as const;
export const PARCEL_PHOTO_TYPES = ['image/jpeg', 'image/png'] as const;
export const PARCEL_PHOTO_MAX_BYTES = 512 * 1024;
export const SIGNATURE_MAX_BYTES = 256 * 1024;

const base64 = (maxBytes: number, message: string) =>
  z
    .string()
    .max(Math.ceil((maxBytes * 4) / 3) + 4, { error: 'parcels:error.fileTooLarge' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: message });

export const ParcelSettings = z.object({
  /** A parcel held longer than this is flagged (lobby, handover, diary). */
  uncollectedDays: z.number().int().min(1).max(60),
  /** Couriers offered for a quick pick (any name can be typed). */
  couriers: z.array(z.string().max(20)).max(30),
});
export type ParcelSettings = z.infer<typeof ParcelSettings>;
export const DEFAULT_PARCEL_SETTINGS: ParcelSettings = {
  uncollectedDays: 3,
  couriers: ['顺丰', '京东', '中通', '圆通', '韵达', '申通', '邮政EMS', '极兔', '美团外卖', '饿了么'],
};

export const Parcel = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(PARCEL_KINDS),
  courier: z.string(),
  trackingNumber: z.string(),
  tenant: VisitTenant,
  recipientName: z.string(),
  shelf: z.string(),
  notes: z.string(),
  hasPhoto: z.boolean(),
  status: z.enum(PARCEL_STATUSES),
  loggedAt: z.number(),
  uncollected: z.boolean(),
  collectedAt: z.number().nullable(),
  collectorName: z.string(),
  pickupMethod: z.enum(PICKUP_METHODS).nullable(),
  notifications: z.array(Notification),
  redacted: z.boolean(),
});
export type Parcel = z.infer<typeof Parcel>;

export const ParcelFigures = z.object({
  logged: z.number(),
  parcels: z.number(),
  food: z.number(),
  collected: z.number(),
  heldNow: z.number(),
  uncollectedNow: z.number(),
  /** Median hours from logging to pick-up of those collected in the span. */
  medianHoursToPickup: z.number().nullable(),
});
export type ParcelFigures = z.infer<typeof ParcelFigures>;

export const parcels = {
  settings: query({ summary: 'Days before a parcel is flagged uncollected; the couriers offered.', input: z.strictObject({}), output: ParcelSettings, allow: VISITOR_DESK }),
  updateSettings: mutation({ summary: 'Change the parcel settings.', input: ParcelSettings.extend({ couriers: z.array(required(20)).max(30) }).strict(), output: ParcelSettings, allow: ADMIN }),
  log: mutation({
    summary: 'Log a parcel or food delivery held at the desk; the recipient is told; gives the pick-up code once.',
    input: z.strictObject({
      kind: z.enum(PARCEL_KINDS).default('parcel'),
      courier: required(20),
      trackingNumber: text(40).overwrite((v) => v.replace(/\s+/g, '').toUpperCase()).default(''),
      tenantId: id(),
      recipientName: text(50).default(''),
      shelf: text(20).default(''),
      notes: text(200).default(''),
      photo: z.strictObject({ mime: z.enum(PARCEL_PHOTO_TYPES, { error: 'parcels:error.fileType' }), dataBase64: base64(PARCEL_PHOTO_MAX_BYTES, 'parcels:error.fileUnreadable') }).nullable().default(null),
    }),
    output: z.object({ parcel: Parcel, pickupCode: z.string() }),
    allow: VISITOR_DESK,
    bodyLimit: 1_000_000,
  }),
  held: query({ summary: 'Parcels held at the desk now, oldest first, the uncollected flagged.', input: z.strictObject({}), output: z.object({ parcels: z.array(Parcel), uncollectedDays: z.number() }), allow: VISITOR_DESK }),
  list: query({
    summary: 'Parcels by tracking number, recipient, tenant or number, newest first.',
    input: z.strictObject({ q: text(60).default(''), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({ parcels: z.array(Parcel) }),
    allow: VISITOR_DESK,
  }),
  get: query({ summary: 'One parcel.', input: z.strictObject({ id: id() }), output: Parcel, allow: VISITOR_DESK }),
  photo: query({ summary: 'A parcel’s photo.', input: z.strictObject({ id: id() }), output: z.object({ mime: z.string(), dataBase64: z.string() }).nullable(), allow: VISITOR_DESK }),
  collect: mutation({
    summary: 'Record the pick-up: who collected it and how (pick-up code, the tenant contact’s PIN, or a signature).',
    input: z.discriminatedUnion('method', [
      z.strictObject({ id: id(), method: z.literal('code'), code: z.string().max(20).overwrite((v) => v.normalize('NFKC').replace(/\s+/g, '')), collectorName: text(50).default('') }),
      z.strictObject({ id: id(), method: z.literal('pin'), contactId: id(), pin: pin() }),
      z.strictObject({
        id: id(),
        method: z.literal('signature'),
        collectorName: required(50),
        signaturePng: base64(SIGNATURE_MAX_BYTES, 'parcels:error.signatureUnreadable').min(100, { error: 'parcels:error.signatureMissing' }),
      }),
    ]),
    output: Parcel,
    allow: VISITOR_DESK,
  }),
  setContactPin: mutation({
    summary: 'Set the pick-up PIN of a tenant’s contact (told to them in person; stored only as a hash).',
    input: z.strictObject({ contactId: id(), pin: pin() }),
    output: z.object({ contactId: z.string(), set: z.literal(true) }),
    allow: DESK,
  }),
  figures: query({
    summary: 'Parcel figures for a span (for reports): logged by kind, collected, held and uncollected now, time to pick-up.',
    input: z.strictObject({ from: epochMs(), to: epochMs() }),
    output: ParcelFigures,
    allow: DESK,
  }),
};
