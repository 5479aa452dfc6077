// Host notification (V-10): tenants' channels, the outbox's state, the phone fallback, and the delivery job.
import { MOBILE, mobileInput } from '../../../shared/rules/phone';
import { newId } from '../ids';
import type { CallContext, FeatureHandlers } from '../context';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { tenantRow } from '../directory';
import { requireBuildingProfile } from '../settings';
import type { Recipient } from '../../../shared/contract/notify';
import { publicNotifySettings, writeNotifySettings } from './settings';
import { seal, targetHint } from './sealed';
import { deliverAfterCommit, deliverJob, notificationOut, notificationsOf, notifyRecipient, recentNotifications, type NotificationRow } from './outbox';

export { notifyTenant, notificationsOf, type HostMessage } from './outbox';
export { redactNotificationsOf, notifyRetention } from './redaction';
export { notifyVisitorArrived } from './messages';

type RecipientRow = {
  id: string;
  tenant_id: string;
  channel: Recipient['channel'];
  label: string;
  target_hint: string;
  secret_enc: string | null;
  active: number;
  created_at: number;
};

function toRecipient(row: RecipientRow): Recipient {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    channel: row.channel,
    label: row.label,
    targetHint: row.target_hint,
    hasSecret: row.secret_enc !== null,
    active: row.active === 1,
    createdAt: row.created_at,
  };
}

function recipientRow(ctx: CallContext, id: string): RecipientRow {
  const row = ctx.db.prepare('SELECT * FROM notify_recipients WHERE id = ?').get(id) as RecipientRow | undefined;
  if (!row) throw new NotFoundError('notify:error.recipientNotFound');
  return row;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;

/** The target in its stored form, or a field error in the caller's language. */
function checkedTarget(channel: Recipient['channel'], raw: string): string {
  const value = raw.normalize('NFKC').trim();
  if (channel === 'sms') {
    const digits = mobileInput(value);
    if (!MOBILE.test(digits)) throw ValidationError.field('target', 'errors:field.mobile');
    return digits;
  }
  if (channel === 'email') {
    if (!EMAIL.test(value)) throw ValidationError.field('target', 'notify:error.email');
    return value;
  }
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('scheme');
  } catch {
    throw ValidationError.field('target', 'notify:error.url');
  }
  return value;
}

function staffId(ctx: CallContext): string {
  if (ctx.caller.kind !== 'staff') throw new Error(`${ctx.method} needs a signed-in person`);
  return ctx.caller.user.id;
}

function phoneRow(ctx: CallContext, id: string): NotificationRow {
  const row = ctx.tx.get<NotificationRow>('notifications', id);
  if (!row) throw new NotFoundError('notify:error.notFound');
  return row;
}

export const notifyHandlers: FeatureHandlers<'notify'> = {
  settings: (ctx) => publicNotifySettings(ctx.db),
  updateSettings: (ctx, input) => writeNotifySettings(ctx, input),

  recipients: (ctx, input) => {
    const rows = (
      input.tenantId === null
        ? ctx.db.prepare('SELECT * FROM notify_recipients ORDER BY tenant_id, created_at, id').all()
        : ctx.db.prepare('SELECT * FROM notify_recipients WHERE tenant_id = ? ORDER BY created_at, id').all(input.tenantId)
    ) as RecipientRow[];
    return { recipients: rows.map(toRecipient) };
  },

  addRecipient: (ctx, input) => {
    tenantRow(ctx.db, input.tenantId);
    const target = checkedTarget(input.channel, input.target);
    if (input.secret && input.channel !== 'dingtalk') throw ValidationError.field('secret', 'notify:error.secretOnlyDingTalk');
    const row = {
      id: newId(ctx.now),
      tenant_id: input.tenantId,
      channel: input.channel,
      label: input.label,
      target_enc: seal(ctx.keys, target),
      target_hint: targetHint(input.channel, target),
      secret_enc: input.secret ? seal(ctx.keys, input.secret) : null,
      active: 1,
      created_at: ctx.now,
      created_by: staffId(ctx),
      updated_at: ctx.now,
    };
    ctx.tx.insert('notify_recipients', row);
    return toRecipient(row);
  },

  updateRecipient: (ctx, input) => {
    const row = recipientRow(ctx, input.id);
    const patch: Record<string, unknown> = { updated_at: ctx.now };
    if (input.active !== undefined) patch.active = input.active ? 1 : 0;
    if (input.label !== undefined) patch.label = input.label;
    ctx.tx.update('notify_recipients', row.id, patch);
    return toRecipient(recipientRow(ctx, row.id));
  },

  sendTest: (ctx, input) => {
    const row = recipientRow(ctx, input.recipientId);
    if (row.active !== 1) throw new ConflictError('notify:error.recipientInactive');
    const post = requireBuildingProfile(ctx.db).postName;
    const id = notifyRecipient(ctx, row.id, row.tenant_id, `${post}：测试消息`, `【${post}】这是一条测试消息：来访与快递通知将发到这里。`);
    return notificationOut(ctx, id);
  },

  forSubject: (ctx, input) => ({ notifications: notificationsOf(ctx, input.subjectKind, input.subjectId) }),
  outbox: (ctx, input) => ({ notifications: recentNotifications(ctx, input) }),

  markCalled: (ctx, input) => {
    const row = phoneRow(ctx, input.id);
    if (row.channel !== 'phone') throw new ConflictError('notify:error.notPhone');
    if (row.status !== 'queued') throw new ConflictError('notify:error.alreadyDone');
    if (!input.reached && !input.note) throw ValidationError.field('note', 'notify:error.noteRequired');
    const patch = input.reached
      ? { status: 'sent', sent_at: ctx.now, attempts: row.attempts + 1, last_error: input.note || null }
      : { status: 'failed', failed_at: ctx.now, attempts: row.attempts + 1, last_error: input.note };
    const { after } = ctx.tx.update<NotificationRow>('notifications', row.id, patch);
    ctx.emit('notify.changed', { notificationId: after.id, subjectKind: after.subject_kind, subjectId: after.subject_id, status: after.status });
    return notificationOut(ctx, row.id);
  },

  retry: (ctx, input) => {
    const row = phoneRow(ctx, input.id);
    if (row.status !== 'failed') throw new ConflictError('notify:error.notFailed');
    const { after } = ctx.tx.update<NotificationRow>('notifications', row.id, {
      status: 'queued',
      attempts: 0,
      next_attempt_at: row.channel === 'phone' ? null : ctx.now,
      failed_at: null,
    });
    ctx.emit('notify.changed', { notificationId: after.id, subjectKind: after.subject_kind, subjectId: after.subject_id, status: after.status });
    if (row.channel !== 'phone') deliverAfterCommit(ctx);
    return notificationOut(ctx, row.id);
  },
};

export const notifyJobs = [deliverJob];
