// Notifications carry the visitor's or recipient's name in their text: they are blanked with what they are about (V-7).
import type { CallContext } from '../context';
import type { NotifySubject } from '../../../shared/contract/notify';

export function redactNotificationsOf(ctx: CallContext, subjectKind: NotifySubject, subjectId: string): number {
  const ids = ctx.db
    .prepare('SELECT id FROM notifications WHERE subject_kind = ? AND subject_id = ? AND redacted_at IS NULL')
    .all(subjectKind, subjectId) as Array<{ id: string }>;
  for (const { id } of ids) ctx.tx.redactRow('notifications', id, { body: '', subject_line: '', last_error: null, redacted_at: ctx.now });
  return ids.length;
}

/** Notifications about visits redacted in this run go with them (their text names the visitor). */
export const notifyRetention = {
  key: 'notifications',
  oldest: () => null,
  redact(ctx: CallContext): number {
    const ids = ctx.db
      .prepare("SELECT n.id FROM notifications n JOIN visits v ON v.id = n.subject_id WHERE n.subject_kind = 'visit' AND n.redacted_at IS NULL AND v.redacted_at IS NOT NULL")
      .all() as Array<{ id: string }>;
    for (const { id } of ids) ctx.tx.redactRow('notifications', id, { body: '', subject_line: '', last_error: null, redacted_at: ctx.now });
    return ids.length;
  },
};
