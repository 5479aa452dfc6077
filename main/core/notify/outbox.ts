// The outbox (V-10). A notification row is written in the transaction of what it is about (a parcel logged, a
// visitor confirmed); delivery starts after that commit, outside any transaction, so a slow or absent network never
// holds the desk. Each attempt's result is written in a system transaction of its own; a failure is tried again
// with a doubling wait until `maxAttempts`, a permanent one (a wrong webhook) is shown as failed at once.
import type { ReadableDB } from '../store/sql';
import { newId } from '../ids';
import type { BackgroundHost, CallContext } from '../context';
import type { Job } from '../jobs';
import { maySeePhones } from '../directory';
import type { Notification, NotifyEvent, NotifySubject, NotificationStatus, NotifyChannel } from '../../../shared/contract/notify';
import { storedNotifySettings, smsConfig, smtpConfig } from './settings';
import { seal, unseal } from './sealed';
import { sendEmail, sendRobot, sendSms, type SendResult } from './transports';

export const DELIVER_JOB = 'notify.deliver';
/** A row claimed for sending by a process that then stopped is tried again after this long. */
export const SENDING_LEASE_MS = 2 * 60_000;
const MAX_BACKOFF_MS = 60 * 60_000;
const BATCH = 20;

export type NotificationRow = {
  id: string;
  subject_kind: NotifySubject;
  subject_id: string;
  tenant_id: string | null;
  event: NotifyEvent;
  channel: NotifyChannel;
  recipient_id: string | null;
  contact_id: string | null;
  subject_line: string;
  body: string;
  status: NotificationStatus;
  attempts: number;
  next_attempt_at: number | null;
  claimed_at: number | null;
  last_error: string | null;
  sent_at: number | null;
  failed_at: number | null;
  created_at: number;
  redacted_at: number | null;
};

type Joined = NotificationRow & { r_hint: string | null; c_name: string | null; c_phone: string | null };

const SELECT = `SELECT n.*, r.target_hint AS r_hint, c.name AS c_name, c.phone AS c_phone
  FROM notifications n LEFT JOIN notify_recipients r ON r.id = n.recipient_id LEFT JOIN tenant_contacts c ON c.id = n.contact_id`;

function toNotification(row: Joined, phoneVisible: boolean): Notification {
  let target = row.r_hint ?? '';
  if (row.channel === 'phone') target = [row.c_name ?? '', phoneVisible && row.c_phone ? row.c_phone : ''].filter(Boolean).join(' ');
  return {
    id: row.id,
    subjectKind: row.subject_kind,
    subjectId: row.subject_id,
    event: row.event,
    channel: row.channel,
    target,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAt: row.status === 'queued' ? row.next_attempt_at : null,
    sentAt: row.sent_at,
    createdAt: row.created_at,
  };
}

export function notificationsOf(ctx: Pick<CallContext, 'db' | 'caller'>, subjectKind: NotifySubject, subjectId: string): Notification[] {
  const rows = ctx.db.prepare(`${SELECT} WHERE n.subject_kind = ? AND n.subject_id = ? ORDER BY n.created_at, n.id`).all(subjectKind, subjectId) as Joined[];
  return rows.map((r) => toNotification(r, maySeePhones(ctx.caller)));
}

export function notificationOut(ctx: Pick<CallContext, 'db' | 'caller'>, id: string): Notification {
  return toNotification(ctx.db.prepare(`${SELECT} WHERE n.id = ?`).get(id) as Joined, maySeePhones(ctx.caller));
}

export function recentNotifications(ctx: Pick<CallContext, 'db' | 'caller'>, input: { open: boolean; since: number | null; limit: number }): Notification[] {
  const where: string[] = [];
  if (input.open) where.push("n.status IN ('queued','sending','failed')");
  if (input.since !== null) where.push('n.created_at >= @since');
  const rows = ctx.db
    .prepare(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY n.created_at DESC, n.id DESC LIMIT @limit`)
    .all({ since: input.since, limit: input.limit }) as Joined[];
  return rows.map((r) => toNotification(r, maySeePhones(ctx.caller)));
}

function announce(ctx: CallContext, row: Pick<NotificationRow, 'id' | 'subject_kind' | 'subject_id' | 'status'>): void {
  ctx.emit('notify.changed', { notificationId: row.id, subjectKind: row.subject_kind, subjectId: row.subject_id, status: row.status });
}

/** Starts delivery once the caller's transaction has committed (on the next turn, so the reply goes first). */
export function deliverAfterCommit(ctx: CallContext): void {
  ctx.afterCommit(
    (host) =>
      new Promise<void>((resolve) => {
        setImmediate(() => {
          try {
            host.runJob(DELIVER_JOB);
          } finally {
            resolve();
          }
        });
      }),
  );
}

export interface HostMessage {
  subjectKind: NotifySubject;
  subjectId: string;
  tenantId: string;
  event: NotifyEvent;
  subjectLine: string;
  body: string;
  /** With no channel for the tenant, the desk calls its contact (today's behaviour) — shown as a call to make. */
  fallbackPhone: boolean;
}

/** The contact the desk would call: the primary one, else the first active. */
function contactToCall(db: ReadableDB, tenantId: string): string | null {
  const row = db
    .prepare('SELECT id FROM tenant_contacts WHERE tenant_id = ? AND active = 1 ORDER BY is_primary DESC, created_at, id LIMIT 1')
    .get(tenantId) as { id: string } | undefined;
  return row?.id ?? null;
}

/** Writes the notifications of one message (one per active channel of the tenant) in the caller's transaction. */
export function notifyTenant(ctx: CallContext, message: HostMessage): string[] {
  const recipients = ctx.db
    .prepare('SELECT id, channel FROM notify_recipients WHERE tenant_id = ? AND active = 1 ORDER BY created_at, id')
    .all(message.tenantId) as Array<{ id: string; channel: NotifyChannel }>;
  const base = {
    subject_kind: message.subjectKind,
    subject_id: message.subjectId,
    tenant_id: message.tenantId,
    event: message.event,
    // Sealed: the text names the visitor or carries a pick-up code; the audit images then hold ciphertext only.
    subject_line: seal(ctx.keys, message.subjectLine),
    body: seal(ctx.keys, message.body),
    created_at: ctx.now,
  };
  const ids: string[] = [];
  for (const r of recipients) {
    const row = { id: newId(ctx.now), ...base, channel: r.channel, recipient_id: r.id, status: 'queued' as const, next_attempt_at: ctx.now };
    ctx.tx.insert('notifications', row);
    announce(ctx, row);
    ids.push(row.id);
  }
  if (recipients.length > 0) deliverAfterCommit(ctx);
  else if (message.fallbackPhone) {
    const row = { id: newId(ctx.now), ...base, channel: 'phone' as const, contact_id: contactToCall(ctx.db, message.tenantId), status: 'queued' as const };
    ctx.tx.insert('notifications', row);
    announce(ctx, row);
    ids.push(row.id);
  }
  return ids;
}

/** Queues one message to one channel (the admin's test). */
export function notifyRecipient(ctx: CallContext, recipientId: string, tenantId: string, subjectLine: string, body: string): string {
  const row = {
    id: newId(ctx.now),
    subject_kind: 'test' as const,
    subject_id: recipientId,
    tenant_id: tenantId,
    event: 'test' as const,
    channel: (ctx.db.prepare('SELECT channel FROM notify_recipients WHERE id = ?').get(recipientId) as { channel: NotifyChannel }).channel,
    recipient_id: recipientId,
    subject_line: seal(ctx.keys, subjectLine),
    body: seal(ctx.keys, body),
    status: 'queued' as const,
    next_attempt_at: ctx.now,
    created_at: ctx.now,
  };
  ctx.tx.insert('notifications', row);
  announce(ctx, row);
  deliverAfterCommit(ctx);
  return row.id;
}

export function backoffMs(backoffSeconds: number, attempts: number): number {
  return Math.min(backoffSeconds * 1000 * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

/** Sends one claimed notification; reads its channel's configuration fresh (outside any transaction). */
async function send(host: BackgroundHost, row: NotificationRow): Promise<SendResult> {
  const recipient = host.db.prepare('SELECT channel, target_enc, secret_enc, active FROM notify_recipients WHERE id = ?').get(row.recipient_id) as
    | { channel: NotifyChannel; target_enc: string; secret_enc: string | null; active: number }
    | undefined;
  if (!recipient) return { ok: false, permanent: true, reason: 'no such channel' };
  const body = unseal(host.keys, row.body);
  const subject = unseal(host.keys, row.subject_line) ?? '';
  if (body === null) return { ok: false, permanent: true, reason: 'the message was written on another installation' };
  const target = unseal(host.keys, recipient.target_enc);
  if (target === null) return { ok: false, permanent: true, reason: 'the channel was set up on another installation; enter it again' };
  switch (recipient.channel) {
    case 'wecom':
    case 'dingtalk': {
      const secret = recipient.secret_enc ? unseal(host.keys, recipient.secret_enc) : null;
      return sendRobot(recipient.channel, target, secret, body, host.clock.now());
    }
    case 'sms': {
      const config = smsConfig(host.db, host.keys);
      return config ? sendSms(config, target, body) : { ok: false, permanent: true, reason: 'no SMS gateway is set up' };
    }
    case 'email': {
      const config = smtpConfig(host.db, host.keys);
      return config ? sendEmail(config, target, subject || body.slice(0, 40), body) : { ok: false, permanent: true, reason: 'no SMTP server is set up' };
    }
    default:
      return { ok: false, permanent: true, reason: `unknown channel ${String(recipient.channel)}` };
  }
}

/** Writes one attempt's result, if the row is still the one this process claimed. */
function recordResult(ctx: CallContext, id: string, claimedAt: number, result: SendResult): void {
  const row = ctx.tx.get<NotificationRow>('notifications', id);
  if (!row || row.status !== 'sending' || row.claimed_at !== claimedAt) return;
  const settings = storedNotifySettings(ctx.db);
  let patch: Partial<NotificationRow>;
  if (result.ok) patch = { status: 'sent', sent_at: ctx.now, last_error: null, claimed_at: null, next_attempt_at: null };
  else if (result.permanent) patch = { status: 'failed', failed_at: ctx.now, last_error: result.reason, claimed_at: null, next_attempt_at: null };
  else if (row.attempts >= settings.maxAttempts) patch = { status: 'failed', failed_at: ctx.now, last_error: `gave up after ${row.attempts} attempts: ${result.reason}`, claimed_at: null, next_attempt_at: null };
  else patch = { status: 'queued', last_error: result.reason, claimed_at: null, next_attempt_at: ctx.now + backoffMs(settings.backoffSeconds, row.attempts) };
  const { after } = ctx.tx.update<NotificationRow>('notifications', id, patch);
  announce(ctx, after);
}

/**
 * `notify.deliver`: due when a queued notification's next attempt has come, or a claim has outlived its lease.
 * The run claims due rows (attempts + 1) in its transaction and sends them after the commit.
 */
export const deliverJob: Job = {
  name: DELIVER_JOB,
  nextDueAt(services) {
    const row = services.db
      .prepare(
        `SELECT MIN(due) AS at FROM (
           SELECT next_attempt_at AS due FROM notifications WHERE status = 'queued' AND channel <> 'phone'
           UNION ALL SELECT claimed_at + ${SENDING_LEASE_MS} FROM notifications WHERE status = 'sending')`,
      )
      .get() as { at: number | null };
    return row.at;
  },
  run(ctx) {
    const due = ctx.db
      .prepare(
        `SELECT * FROM notifications
         WHERE channel <> 'phone' AND ((status = 'queued' AND next_attempt_at <= @now) OR (status = 'sending' AND claimed_at <= @now - ${SENDING_LEASE_MS}))
         ORDER BY COALESCE(next_attempt_at, claimed_at), id LIMIT ${BATCH}`,
      )
      .all({ now: ctx.now }) as NotificationRow[];
    if (due.length === 0) return;
    const claimed = due.map((row) => {
      const { after } = ctx.tx.update<NotificationRow>('notifications', row.id, { status: 'sending', claimed_at: ctx.now, attempts: row.attempts + 1 });
      announce(ctx, after);
      return after;
    });
    ctx.afterCommit(async (host) => {
      await Promise.all(
        claimed.map(async (row) => {
          let result: SendResult;
          try {
            result = await send(host, row);
          } catch (error) {
            result = { ok: false, permanent: false, reason: error instanceof Error ? error.message : String(error) };
          }
          if (host.isClosed) return; // the lease brings it back after a restart
          host.runAsSystem('notify.result', (c) => recordResult(c, row.id, row.claimed_at!, result));
        }),
      );
      // More may be due (a full batch), and a retry's deadline is new: the scheduler looks again.
      if (!host.isClosed) host.runJob(DELIVER_JOB);
    });
  },
};
