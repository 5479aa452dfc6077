// The manager's Monday review of last week's record (R-6, 篇4 §4.9): counts by type, channel and status;
// escalations, complaint breaches, unresolvable and overdue items; follow-up results; signed off once the week
// is over. Weeks run Monday–Sunday in the building's time zone.
import type { ReadableDB } from '../store/sql';
import type { CallContext } from '../context';
import { staffOf } from '../context';
import { ConflictError, ValidationError } from '../errors';
import { addDays, dayKey, isoWeekday, startOfDayKey, startOfWeek } from '../../../shared/rules/time';
import { CHANNELS, ITEM_STATUSES, ITEM_TYPES, type WeeklyReview } from '../../../shared/contract/records';
import { ITEM_SELECT, toSummary, type ListedRow } from './rows';
import { recordsEnv, type RecordsEnv } from './settings';
import { newId } from '../ids';

export function lastWeekKey(now: number, timeZone: string): string {
  return dayKey(addDays(startOfWeek(now, timeZone), -7, timeZone), timeZone);
}

function weekBounds(weekKey: string, timeZone: string): { weekStart: number; weekEnd: number } {
  const weekStart = startOfDayKey(weekKey, timeZone);
  if (isoWeekday(weekStart, timeZone) !== 1) throw ValidationError.field('weekKey', 'records:review.notMonday');
  return { weekStart, weekEnd: addDays(weekStart, 7, timeZone) };
}

function zeroCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

export function buildWeeklyReview(db: ReadableDB, env: RecordsEnv, now: number, weekKey: string): WeeklyReview {
  const { weekStart, weekEnd } = weekBounds(weekKey, env.timeZone);
  const summary = (r: ListedRow) => toSummary(r, env, now);
  const received = db.prepare(`${ITEM_SELECT} WHERE i.received_at >= ? AND i.received_at < ? ORDER BY i.number`).all(weekStart, weekEnd) as ListedRow[];
  const byType = zeroCounts(ITEM_TYPES);
  const byChannel = zeroCounts(CHANNELS);
  const byStatus = zeroCounts(ITEM_STATUSES);
  for (const r of received) {
    byType[r.type] += 1;
    byChannel[r.channel] += 1;
    byStatus[r.status] += 1;
  }
  const escalated = db
    .prepare(
      `${ITEM_SELECT.replace('SELECT i.*,', 'SELECT i.*, e.kind AS clock_kind, e.due_at AS clock_due_at, e.detected_at AS clock_detected_at,')}
       JOIN record_clock_events e ON e.item_id = i.id
       WHERE e.kind IN ('escalate_supervisor','escalate_manager') AND e.detected_at >= ? AND e.detected_at < ?
       ORDER BY e.detected_at, i.number`,
    )
    .all(weekStart, weekEnd) as Array<ListedRow & { clock_kind: string; clock_due_at: number; clock_detected_at: number }>;
  const breached = db
    .prepare(`${ITEM_SELECT} WHERE i.breached_at >= ? AND i.breached_at < ? ORDER BY i.number`)
    .all(weekStart, weekEnd) as ListedRow[];
  const unresolvable = db
    .prepare(`${ITEM_SELECT} WHERE i.status = 'unresolvable' AND i.resolved_at >= ? AND i.resolved_at < ? ORDER BY i.number`)
    .all(weekStart, weekEnd) as ListedRow[];
  // Still hanging: open items received by the week's end that missed a deadline, and overdue follow-up visits.
  const overdue = (
    db
      .prepare(`${ITEM_SELECT} WHERE (i.status IN ('open','forwarded') OR i.follow_up_due_at IS NOT NULL) AND i.received_at < ? ORDER BY i.number`)
      .all(weekEnd) as ListedRow[]
  )
    .map(summary)
    .filter((s) => s.overdue);
  const followUps = db
    .prepare(
      `SELECT f.item_id, i.number, f.at, f.result, f.note, f.by_name FROM record_follow_ups f JOIN record_items i ON i.id = f.item_id
       WHERE f.at >= ? AND f.at < ? ORDER BY f.at`,
    )
    .all(weekStart, weekEnd) as Array<{ item_id: string; number: string; at: number; result: 'satisfied' | 'unsatisfied'; note: string; by_name: string }>;
  const signed = db.prepare('SELECT signed_at, by_name, comment FROM record_weekly_reviews WHERE week_key = ?').get(weekKey) as
    | { signed_at: number; by_name: string; comment: string }
    | undefined;
  return {
    weekKey,
    weekStart,
    weekEnd,
    isOver: weekEnd <= now,
    counts: { total: received.length, byType, byChannel, byStatus },
    items: received.map(summary),
    escalated: escalated.map((r) => ({
      ...summary(r),
      escalatedTo: r.clock_kind === 'escalate_manager' ? ('manager' as const) : ('supervisor' as const),
      dueAt: r.clock_due_at,
      detectedAt: r.clock_detected_at,
    })),
    breached: breached.map(summary),
    unresolvable: unresolvable.map((r) => ({ ...summary(r), reason: r.unresolvable_reason ?? '' })),
    overdue,
    followUps: {
      satisfied: followUps.filter((f) => f.result === 'satisfied').length,
      unsatisfied: followUps.filter((f) => f.result === 'unsatisfied').length,
      entries: followUps.map((f) => ({ itemId: f.item_id, number: f.number, at: f.at, result: f.result, note: f.note, byName: f.by_name })),
    },
    signed: signed ? { at: signed.signed_at, byName: signed.by_name, comment: signed.comment } : null,
  };
}

export function weeklyReview(ctx: CallContext, input: { weekKey?: string }): WeeklyReview {
  const env = recordsEnv(ctx.db);
  return buildWeeklyReview(ctx.db, env, ctx.now, input.weekKey ?? lastWeekKey(ctx.now, env.timeZone));
}

export function signWeeklyReview(ctx: CallContext, input: { weekKey: string; comment: string }): WeeklyReview {
  const { user } = staffOf(ctx);
  const env = recordsEnv(ctx.db);
  const review = buildWeeklyReview(ctx.db, env, ctx.now, input.weekKey);
  if (!review.isOver) throw new ConflictError('records:review.weekNotOver');
  if (review.signed) throw new ConflictError('records:review.alreadySigned');
  // What the manager saw when signing is kept with the signature.
  const snapshot = {
    counts: review.counts,
    items: review.items.map((i) => i.number),
    escalated: review.escalated.map((i) => ({ number: i.number, to: i.escalatedTo, dueAt: i.dueAt, detectedAt: i.detectedAt })),
    breached: review.breached.map((i) => i.number),
    unresolvable: review.unresolvable.map((i) => i.number),
    overdue: review.overdue.map((i) => i.number),
    followUps: { satisfied: review.followUps.satisfied, unsatisfied: review.followUps.unsatisfied },
  };
  ctx.tx.insert('record_weekly_reviews', {
    id: newId(ctx.now),
    week_key: input.weekKey,
    week_start: review.weekStart,
    week_end: review.weekEnd,
    signed_at: ctx.now,
    by_id: user.id,
    by_name: user.name,
    comment: input.comment,
    summary_json: JSON.stringify(snapshot),
  });
  return { ...review, signed: { at: ctx.now, byName: user.name, comment: input.comment } };
}

/** During the week after, a reminder shows until last week's review is signed (once the desk was in use). */
export function reviewReminder(db: ReadableDB, env: RecordsEnv, now: number): { weekKey: string } | null {
  const weekKey = lastWeekKey(now, env.timeZone);
  const signed = db.prepare('SELECT 1 FROM record_weekly_reviews WHERE week_key = ?').get(weekKey);
  if (signed) return null;
  const weekEnd = startOfWeek(now, env.timeZone);
  const used = db.prepare('SELECT 1 FROM record_items WHERE received_at < ? LIMIT 1').get(weekEnd);
  return used ? { weekKey } : null;
}
