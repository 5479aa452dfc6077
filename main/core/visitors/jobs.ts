// Main's visitor timers: the overstay alert (V-4) and the daily retention run (V-7). Both derive when they are
// next due from stored timestamps and are idempotent, so a restart or a sleeping PC loses nothing.
import type { ReadableDB } from '../store/sql';
import type { CallContext } from '../context';
import type { Job } from '../jobs';
import { buildingTimeZone } from '../settings';
import { addDays, startOfDay, HOUR } from '../../../shared/rules/time';
import { expiredCallbackIds, oldestRedactableCallback, redactCallback } from '../callbacks';
import { visitorSettings } from './settings';
import { truncateWal } from '../store/open';
import { waitStartParams, waitStartSql } from '../clock-jump';

/** Local time of day at which the retention run happens (quiet hours). */
export const RETENTION_RUN_HOUR = 3;

/** Check-in as the overstay counts it: bounded when the clock went back since (clock-jump.ts). */
const CHECKED_IN = waitStartSql('checked_in_at');

export const overstayJob: Job = {
  name: 'visitors.overstay',
  nextDueAt(services, now) {
    const minutes = visitorSettings(services.db).overstayMinutes;
    if (minutes <= 0) return null;
    const row = services.db
      .prepare(`SELECT MIN(${CHECKED_IN}) AS at FROM visits WHERE status = 'in' AND overstay_alerted_at IS NULL`)
      .get(waitStartParams(now, services.clockJump)) as { at: number | null };
    return row.at === null ? null : row.at + minutes * 60_000;
  },
  run(ctx) {
    const minutes = visitorSettings(ctx.db).overstayMinutes;
    if (minutes <= 0) return;
    const due = ctx.db
      .prepare(`SELECT id FROM visits WHERE status = 'in' AND overstay_alerted_at IS NULL AND ${CHECKED_IN} <= @until ORDER BY checked_in_at`)
      .all({ ...waitStartParams(ctx.now, ctx.clockJump), until: ctx.now - minutes * 60_000 }) as Array<{ id: string }>;
    if (due.length === 0) return;
    for (const { id } of due) ctx.tx.update('visits', id, { overstay_alerted_at: ctx.now });
    ctx.emit('visitors.overstay', { visitIds: due.map((d) => d.id) });
  },
};

function timeZoneOf(db: ReadableDB): string {
  return buildingTimeZone(db);
}

/** The first daily run time (03:00 local) at or after `at`. */
function dailyRunAtOrAfter(at: number, tz: string): number {
  const sameDay = startOfDay(at, tz) + RETENTION_RUN_HOUR * HOUR;
  return sameDay >= at ? sameDay : addDays(sameDay, 1, tz);
}

/** Visits registered at or before this time are past retention (calendar days in the building's time zone). */
export function retentionCutoff(db: ReadableDB, now: number): number {
  return addDays(now, -visitorSettings(db).retentionDays, timeZoneOf(db));
}

const VISIT_REDACTION = {
  visitor_name: '',
  mobile: null,
  host_name: '',
  id_number_masked: null,
  id_number: null,
  vehicle_plate: null,
  notes: '',
  decline_reason: null,
};

/** Blanks one visit's personal data in place and in its earlier audit images; counts and times stay. */
export function redactVisit(ctx: CallContext, id: string): void {
  ctx.tx.redactRow('visits', id, { ...VISIT_REDACTION, redacted_at: ctx.now });
}

/**
 * Personal data other features keep under the visitors' retention (V-7): invitations, parcels, visit photos, the
 * text of host notifications. Each says how old its oldest redactable record is and redacts what the cutoff passed;
 * they run after the visits, in the order listed (a photo or notification follows its visit).
 */
export interface RetentionPart {
  key: string;
  /** Epoch ms from which the oldest redactable record counts its retention days, or null. */
  oldest(db: ReadableDB): number | null;
  /** Redacts what is at or before the cutoff (and what follows redacted visits); returns how many. */
  redact(ctx: CallContext, cutoff: number): number;
}

/** Databases whose WAL still holds pages from before a redaction (a reader kept the checkpoint from finishing). */
const walToTruncate = new WeakSet<ReadableDB>();
const TRUNCATE_RETRY_MS = 60_000;

export function retentionJobWith(parts: readonly RetentionPart[]): Job {
  return {
    name: 'visitors.retention',
    nextDueAt(services, now) {
      if (walToTruncate.has(services.db)) return now + TRUNCATE_RETRY_MS;
      return retentionDueAt(services.db, parts.map((p) => p.oldest(services.db)));
    },
    run(ctx) {
      const counts = runRetention(ctx);
      const partCounts: Record<string, number> = {};
      for (const part of parts) partCounts[part.key] = part.redact(ctx, counts.cutoff);
      // The run itself is on the audit trail: when, up to which time, how many (never whose).
      ctx.tx.note('visits', null, { retentionRun: true, ...counts, retentionDays: visitorSettings(ctx.db).retentionDays, ...partCounts });
      const redacted = counts.visits + counts.callbacks + Object.values(partCounts).reduce((sum, n) => sum + n, 0);
      if (redacted > 0) walToTruncate.add(ctx.db);
    },
    // The blanked values' old pages are zeroed in the file (secure_delete); the copies of them in the -wal go once
    // it is checkpointed and truncated.
    afterCommit(services) {
      if (!walToTruncate.has(services.db)) return;
      if (truncateWal(services.db)) walToTruncate.delete(services.db);
      else services.logger.info('redacted pages still in the WAL; truncating it again shortly');
    },
  };
}

function retentionDueAt(db: ReadableDB, others: Array<number | null>): number | null {
  const visit = db.prepare('SELECT MIN(registered_at) AS at FROM visits WHERE redacted_at IS NULL').get() as { at: number | null };
  const callback = oldestRedactableCallback(db);
  const oldest = [visit.at, callback, ...others].filter((v): v is number => v !== null);
  if (oldest.length === 0) return null;
  const tz = timeZoneOf(db);
  return dailyRunAtOrAfter(addDays(Math.min(...oldest), visitorSettings(db).retentionDays, tz), tz);
}

function runRetention(ctx: CallContext): { cutoff: number; visits: number; callbacks: number } {
  const cutoff = retentionCutoff(ctx.db, ctx.now);
  const visits = (
    ctx.db.prepare('SELECT id FROM visits WHERE redacted_at IS NULL AND registered_at <= ? ORDER BY registered_at').all(cutoff) as Array<{ id: string }>
  ).map((r) => r.id);
  for (const id of visits) redactVisit(ctx, id);
  const callbacks = expiredCallbackIds(ctx.db, cutoff);
  for (const id of callbacks) redactCallback(ctx, id);
  return { cutoff, visits: visits.length, callbacks: callbacks.length };
}

/** The retention run of the visitors feature alone; production adds the other features' parts (`features.ts`). */
export const retentionJob: Job = retentionJobWith([]);
