// The supervisor's daily audit of the record (R-6, 篇4 §4.3): what has not been audited is listed, yesterday
// first; auditing marks who and when, optionally with a comment.
import type { ReadableDB } from '../store/sql';
import { headView, trailHead } from '../audit/chain';
import type { CallContext } from '../context';
import { staffOf } from '../context';
import { addDays, dayKey, DAY, localHour } from '../../../shared/rules/time';
import type { AuditQueue } from '../../../shared/contract/records';
import { requireAction } from './access';
import { ITEM_SELECT, requireItem, toSummary, type ListedRow } from './rows';
import { recordsEnv, type RecordsEnv } from './settings';
import { newId } from '../ids';

export function auditQueue(ctx: CallContext): AuditQueue {
  const env = recordsEnv(ctx.db);
  const todayKey = dayKey(ctx.now, env.timeZone);
  const yesterdayKey = dayKey(addDays(ctx.now, -1, env.timeZone), env.timeZone);
  const rows = ctx.db.prepare(`${ITEM_SELECT} WHERE a.id IS NULL ORDER BY i.number`).all() as ListedRow[];
  const byDay = new Map<string, ListedRow[]>();
  for (const row of rows) {
    let list = byDay.get(row.day_key);
    if (!list) byDay.set(row.day_key, (list = []));
    list.push(row);
  }
  const rank = (key: string) => (key === yesterdayKey ? 0 : key < yesterdayKey ? 1 : 2);
  const days = [...byDay.keys()]
    .sort((a, b) => rank(a) - rank(b) || (b < a ? -1 : b > a ? 1 : 0))
    .map((key) => ({ dayKey: key, items: byDay.get(key)!.map((r) => toSummary(r, env, ctx.now)) }));
  const audited = ctx.db
    .prepare(
      `${ITEM_SELECT.replace('SELECT i.*,', 'SELECT i.*, a.at AS audited_at, a.by_name AS audited_by_name, a.comment AS audit_comment,')}
       WHERE a.at >= ? ORDER BY a.at DESC LIMIT 200`,
    )
    .all(ctx.now - 2 * DAY) as Array<ListedRow & { audited_at: number; audited_by_name: string; audit_comment: string }>;
  return {
    todayKey,
    yesterdayKey,
    days,
    recentlyAudited: audited.map((r) => ({
      ...toSummary(r, env, ctx.now),
      auditedAt: r.audited_at,
      auditedByName: r.audited_by_name,
      auditComment: r.audit_comment,
    })),
    trailHead: headView(trailHead(ctx.db)),
  };
}

export function auditItems(ctx: CallContext, input: { ids: string[]; comment: string }): { audited: number } {
  const { user } = staffOf(ctx);
  const ids = [...new Set(input.ids)];
  for (const id of ids) {
    const item = requireItem(ctx.db, id);
    requireAction(user, item, 'audit');
    ctx.tx.insert('record_audits', { id: newId(ctx.now), item_id: id, at: ctx.now, by_id: user.id, by_name: user.name, comment: input.comment });
    ctx.emit('records.changed', { itemId: id });
  }
  return { audited: ids.length };
}

/** From the set hour, the lobby reminds while entries from yesterday (or before) are not audited. */
export function auditReminder(db: ReadableDB, env: RecordsEnv, now: number): { dayKey: string; pending: number } | null {
  if (localHour(now, env.timeZone) < env.settings.auditReminderHour) return null;
  const todayKey = dayKey(now, env.timeZone);
  const pending = (
    db
      .prepare('SELECT COUNT(*) AS n FROM record_items i LEFT JOIN record_audits a ON a.item_id = i.id WHERE a.id IS NULL AND i.day_key < ?')
      .get(todayKey) as { n: number }
  ).n;
  if (pending === 0) return null;
  return { dayKey: dayKey(addDays(now, -1, env.timeZone), env.timeZone), pending };
}
