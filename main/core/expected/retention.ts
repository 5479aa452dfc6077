// Invitations are personal data too (name, mobile): redacted once their last day is past the visitors' retention (V-7).
import type { ReadableDB } from '../store/sql';
import type { CallContext } from '../context';
import type { RetentionPart } from '../visitors';
import { requireBuildingProfile } from '../settings';
import { redactNotificationsOf } from '../notify';
import { dayKey, startOfDayKey, DAY } from '../../../shared/rules/time';

function zone(db: ReadableDB): string {
  return requireBuildingProfile(db).timeZone;
}

export function oldestRedactableExpected(db: ReadableDB): number | null {
  const row = db.prepare('SELECT MIN(last_day) AS day FROM expected_visits WHERE redacted_at IS NULL').get() as { day: string | null };
  // It counts from the end of its last day.
  return row.day === null ? null : startOfDayKey(row.day, zone(db)) + DAY;
}

/** Redacts invitations whose last day ended at or before the cutoff; returns how many. */
export function redactExpectedBefore(ctx: CallContext, cutoff: number): number {
  const lastDay = dayKey(cutoff - DAY, zone(ctx.db));
  const ids = ctx.db.prepare('SELECT id FROM expected_visits WHERE redacted_at IS NULL AND last_day <= ?').all(lastDay) as Array<{ id: string }>;
  for (const { id } of ids) {
    ctx.tx.redactRow('expected_visits', id, { visitor_name: '', mobile: null, host_name: '', requested_by: '', notes: '', cancel_reason: null, redacted_at: ctx.now });
    redactNotificationsOf(ctx, 'expected', id);
  }
  return ids.length;
}

export const expectedRetention: RetentionPart = { key: 'expected', oldest: oldestRedactableExpected, redact: redactExpectedBefore };
