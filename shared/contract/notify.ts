// Host notification (V-10): how a building tells a tenant that a visitor is here or a parcel has come — a WeCom or
// DingTalk group robot, an SMS gateway, e-mail, or the desk's phone call as the fallback — through an outbox that
// survives being offline. Targets (webhook URLs carry their key) and secrets are never shown back; the visitor
// screen never reaches any of this.
import { z } from 'zod';
import { mutation, query, ADMIN, DESK, type Role } from './define';
import { id, required, text, epochMs } from './fields';
import { VISITOR_DESK } from './visitors';

export const NOTIFY_CHANNELS = ['wecom', 'dingtalk', 'sms', 'email', 'phone'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];
/** Channels a tenant can be given (the phone call is what the desk does when a tenant has none). */
export const RECIPIENT_CHANNELS = ['wecom', 'dingtalk', 'sms', 'email'] as const;
export const NOTIFICATION_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];
export const NOTIFY_SUBJECTS = ['visit', 'parcel', 'expected', 'test'] as const;
export type NotifySubject = (typeof NOTIFY_SUBJECTS)[number];
export const NOTIFY_EVENTS = ['visitorArrived', 'visitorWaiting', 'parcelArrived', 'parcelUncollected', 'invitation', 'test'] as const;
export type NotifyEvent = (typeof NOTIFY_EVENTS)[number];

/** Who manages the channels of a tenant: the directory's editors and the administrator. */
export const NOTIFY_ADMINS: readonly Role[] = ['supervisor', 'manager', 'admin'];

export const Notification = z.object({
  id: z.string(),
  subjectKind: z.enum(NOTIFY_SUBJECTS),
  subjectId: z.string(),
  event: z.enum(NOTIFY_EVENTS),
  channel: z.enum(NOTIFY_CHANNELS),
  /** Where it goes, as the desk may see it: a masked address, or for a phone call the contact and (desk roles) number. */
  target: z.string(),
  status: z.enum(NOTIFICATION_STATUSES),
  attempts: z.number(),
  /** Why the last attempt failed (queued again) or why it gave up (failed). */
  lastError: z.string().nullable(),
  nextAttemptAt: z.number().nullable(),
  sentAt: z.number().nullable(),
  createdAt: z.number(),
});
export type Notification = z.infer<typeof Notification>;

export const Recipient = z.object({
  id: z.string(),
  tenantId: z.string(),
  channel: z.enum(RECIPIENT_CHANNELS),
  label: z.string(),
  /** Masked: `qyapi.weixin.qq.com/…3f9a`, `138****8000`, `w***@example.com`. */
  targetHint: z.string(),
  hasSecret: z.boolean(),
  active: z.boolean(),
  createdAt: z.number(),
});
export type Recipient = z.infer<typeof Recipient>;

const httpsOrLoopbackUrl = () =>
  z
    .string({ error: 'notify:error.url' })
    .max(500, { error: 'notify:error.url' })
    .overwrite((v) => v.trim())
    .refine(
      (v) => {
        try {
          const u = new URL(v);
          return u.protocol === 'https:' || u.protocol === 'http:';
        } catch {
          return false;
        }
      },
      { error: 'notify:error.url' },
    );

export const SmsGateway = z.strictObject({
  url: httpsOrLoopbackUrl(),
  /** Sent as `Authorization: Bearer …` when set; kept encrypted, never shown back. Empty keeps the stored one. */
  token: text(200).default(''),
  /** JSON body with {{phone}} and {{text}} placeholders (JSON-escaped when filled in). */
  template: required(1000).refine((t) => t.includes('{{phone}}') && t.includes('{{text}}'), { error: 'notify:error.smsTemplate' }),
});

export const SmtpServer = z.strictObject({
  host: required(200),
  port: z.number().int().min(1).max(65535),
  /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
  secure: z.boolean().default(false),
  user: text(200).default(''),
  /** Kept encrypted, never shown back. Empty keeps the stored one. */
  password: text(200).default(''),
  from: required(200),
});

export const NotifySettingsInput = z.strictObject({
  /** Attempts before a notification is given up as failed. */
  maxAttempts: z.number().int().min(1).max(50),
  /** Wait after the first failed attempt; doubled after each further one, at most an hour. */
  backoffSeconds: z.number().int().min(5).max(3600),
  sms: SmsGateway.nullable(),
  smtp: SmtpServer.nullable(),
});

export const NotifySettings = z.object({
  maxAttempts: z.number(),
  backoffSeconds: z.number(),
  sms: z.object({ url: z.string(), template: z.string(), tokenSet: z.boolean() }).nullable(),
  smtp: z.object({ host: z.string(), port: z.number(), secure: z.boolean(), user: z.string(), from: z.string(), passwordSet: z.boolean() }).nullable(),
});
export type NotifySettings = z.infer<typeof NotifySettings>;

export const DEFAULT_SMS_TEMPLATE = '{"to":"{{phone}}","text":"{{text}}"}';

export const notify = {
  settings: query({ summary: 'Retry policy, SMS gateway and SMTP server (secrets only as “set”).', input: z.strictObject({}), output: NotifySettings, allow: ADMIN }),
  updateSettings: mutation({ summary: 'Change the retry policy, SMS gateway or SMTP server.', input: NotifySettingsInput, output: NotifySettings, allow: ADMIN }),
  recipients: query({
    summary: 'The channels a tenant is told by (targets masked).',
    input: z.strictObject({ tenantId: id().nullable().default(null) }),
    output: z.object({ recipients: z.array(Recipient) }),
    allow: NOTIFY_ADMINS,
  }),
  addRecipient: mutation({
    summary: 'Give a tenant a channel: a WeCom or DingTalk group robot webhook, an SMS number or an e-mail address.',
    input: z.strictObject({
      tenantId: id(),
      channel: z.enum(RECIPIENT_CHANNELS),
      target: required(500),
      /** DingTalk's signing secret (加签), when the robot has one. */
      secret: text(200).default(''),
      label: text(50).default(''),
    }),
    output: Recipient,
    allow: NOTIFY_ADMINS,
  }),
  updateRecipient: mutation({
    summary: 'Turn a tenant’s channel off or on, or rename it.',
    input: z.strictObject({ id: id(), active: z.boolean().optional(), label: text(50).optional() }),
    output: Recipient,
    allow: NOTIFY_ADMINS,
  }),
  sendTest: mutation({
    summary: 'Queue a test message to one channel (its state shows like any other).',
    input: z.strictObject({ recipientId: id() }),
    output: Notification,
    allow: NOTIFY_ADMINS,
  }),
  forSubject: query({
    summary: 'The notifications of one visit, parcel or expected visitor, with their state.',
    input: z.strictObject({ subjectKind: z.enum(NOTIFY_SUBJECTS), subjectId: id() }),
    output: z.object({ notifications: z.array(Notification) }),
    allow: VISITOR_DESK,
  }),
  outbox: query({
    summary: 'Recent notifications, newest first; queued and failed ones first when asked.',
    input: z.strictObject({ open: z.boolean().default(false), since: epochMs().nullable().default(null), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({ notifications: z.array(Notification) }),
    allow: VISITOR_DESK,
  }),
  markCalled: mutation({
    summary: 'The desk called the host (the phone fallback): reached, or not reached with a note.',
    input: z.strictObject({ id: id(), reached: z.boolean(), note: text(200).default('') }),
    output: Notification,
    allow: VISITOR_DESK,
  }),
  retry: mutation({
    summary: 'Send a failed notification again (after the channel was fixed).',
    input: z.strictObject({ id: id() }),
    output: Notification,
    allow: DESK,
  }),
};
