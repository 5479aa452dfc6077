// Main's visitor timers: the overstay alert (V-4) and the daily retention run (V-7). Both derive when they are
// next due from stored timestamps and are idempotent, so a restart or a sleeping PC loses nothing.
import type Database from 'better-sqlite3';
import type { CallContext } from '../context';
import type { Job } from '../jobs';
import { buildingProfile } from '../settings';
import { addDays, startOfDay, HOUR } from '../../../shared/rules/time';
import { expiredCallbackIds, oldestRedactableCallback, redactCallback } from '../callbacks/core';
import { visitorSettings } from './settings';

/** Local time of day at which the retention run happens (quiet hours). */
export const RETENTION_RUN_HOUR = 3;

export const overstayJob: Job = {
  name: 'visitors.overstay',
  nextDueAt(services) {
    const minutes = visitorSettings(services.db).overstayMinutes;
    if (minutes <= 0) return null;
    const row = services.db
      .prepare("SELECT MIN(checked_in_at) AS at FROM visits WHERE status = 'in' AND overstay_alerted_at IS NULL")
      .get() as { at: number | null };
    return row.at === null ? null : row.at + minutes * 60_000;
  },
  run(ctx) {
    const minutes = visitorSettings(ctx.db).overstayMinutes;
    if (minutes <= 0) return;
    const due = ctx.db
      .prepare("SELECT id FROM visits WHERE status = 'in' AND overstay_alerted_at IS NULL AND checked_in_at <= ? ORDER BY checked_in_at")
      .all(ctx.now - minutes * 60_000) as Array<{ id: string }>;
    if (due.length === 0) return;
    for (const { id } of due) ctx.tx.update('visits', id, { overstay_alerted_at: ctx.now });
    ctx.emit('visitors.overstay', { visitIds: due.map((d) => d.id) });
  },
};

function timeZoneOf(db: Database.Database): string {
  return buildingProfile(db)?.timeZone ?? 'Asia/Shanghai';
}

/** The first daily run time (03:00 local) at or after `at`. */
function dailyRunAtOrAfter(at: number, tz: string): number {
  const sameDay = startOfDay(at, tz) + RETENTION_RUN_HOUR * HOUR;
  return sameDay >= at ? sameDay : addDays(sameDay, 1, tz);
}

/** Visits registered at or before this time are past retention (calendar days in the building's time zone). */
export function retentionCutoff(db: Database.Database, now: number): number {
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
  oldest(db: Database.Database): number | null;
  /** Redacts what is at or before the cutoff (and what follows redacted visits); returns how many. */
  redact(ctx: CallContext, cutoff: number): number;
}

export function retentionJobWith(parts: readonly RetentionPart[]): Job {
  return {
    name: 'visitors.retention',
    nextDueAt(services) {
      return retentionDueAt(services.db, parts.map((p) => p.oldest(services.db)));
    },
    run(ctx) {
      const counts = runRetention(ctx);
      const partCounts: Record<string, number> = {};
      for (const part of parts) partCounts[part.key] = part.redact(ctx, counts.cutoff);
      ctx.tx.note('visits', null, { retentionRun: true, ...counts, retentionDays: visitorSettings(ctx.db).retentionDays, ...partCounts });
    },
  };
}

function retentionDueAt(db: Database.Database, others: Array<number | null>): number | null {
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
