// The figures of one day, week or month, counted in SQL over the period's rows by their own time columns:
// a visit by when it was registered, a call by when it started ringing, an item by when it was received.
import type { ReadableDB } from '../store/sql';
import { addDays, dayKey, localHour, startOfDayKey, startOfWeek } from '../../../shared/rules/time';
import { CHANNELS, ITEM_STATUSES, ITEM_TYPES } from '../../../shared/contract/records';
import { INCIDENT_CATEGORIES } from '../../../shared/contract/incidents';
import type { ReportCount, ReportFigures, ReportPeriod } from '../../../shared/contract/reports';

export interface PeriodBounds {
  period: ReportPeriod;
  start: number;
  end: number;
  firstDay: string;
  lastDay: string;
}

function nextMonthKey(monthKey: string): string {
  const [year, month] = monthKey.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

export function periodBounds(period: ReportPeriod, day: string, timeZone: string): PeriodBounds {
  let start: number;
  let end: number;
  if (period === 'day') {
    start = startOfDayKey(day, timeZone);
    end = addDays(start, 1, timeZone);
  } else if (period === 'week') {
    start = startOfWeek(startOfDayKey(day, timeZone), timeZone);
    end = addDays(start, 7, timeZone);
  } else {
    const first = `${day.slice(0, 7)}-01`;
    start = startOfDayKey(first, timeZone);
    end = startOfDayKey(nextMonthKey(first), timeZone);
  }
  return { period, start, end, firstDay: dayKey(start, timeZone), lastDay: dayKey(end - 1, timeZone) };
}

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** Every key of a fixed list, in its order, with the counts found (zero where none). */
function fixedCounts(keys: readonly string[], rows: Array<{ key: string | null; count: number }>): ReportCount[] {
  const found = new Map(rows.map((r) => [r.key ?? '', r.count]));
  return keys.map((key) => ({ key, count: found.get(key) ?? 0 }));
}

/** Open-ended categories (purposes, departments), largest first; '' stands for "none". */
function rankedCounts(rows: Array<{ key: string | null; count: number }>): ReportCount[] {
  return rows.map((r) => ({ key: r.key ?? '', count: r.count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

type Db = ReadableDB;
const count = (db: Db, sql: string, ...params: unknown[]): number => (db.prepare(sql).get(...params) as { n: number }).n;

function visitorFigures(db: Db, b: PeriodBounds, now: number, timeZone: string): ReportFigures['visitors'] {
  const range = [b.start, b.end] as const;
  const totals = db
    .prepare(
      `SELECT count(*) AS registered, coalesce(sum(party_size), 0) AS people,
              sum(source = 'kiosk') AS fromKiosk, sum(status = 'declined') AS declined,
              sum(refused_at IS NOT NULL) AS refused, sum(expired_at IS NOT NULL) AS expired
       FROM visits WHERE registered_at >= ? AND registered_at < ?`,
    )
    .get(...range) as { registered: number; people: number; fromKiosk: number | null; declined: number | null; refused: number | null; expired: number | null };
  const byPurpose = db
    .prepare('SELECT purpose AS key, count(*) AS count FROM visits WHERE registered_at >= ? AND registered_at < ? GROUP BY purpose')
    .all(...range) as Array<{ key: string; count: number }>;
  const stays = db
    .prepare('SELECT checked_in_at AS inAt, checked_out_at AS outAt FROM visits WHERE checked_in_at >= ? AND checked_in_at < ?')
    .all(...range) as Array<{ inAt: number; outAt: number | null }>;
  const byHour = Array.from({ length: 24 }, () => 0);
  let stayTotal = 0;
  let stayCount = 0;
  let stillInAtNight = 0;
  for (const s of stays) {
    byHour[localHour(s.inAt, timeZone)]! += 1;
    if (s.outAt !== null) {
      stayTotal += s.outAt - s.inAt;
      stayCount += 1;
    }
    const midnight = addDays(startOfDayKey(dayKey(s.inAt, timeZone), timeZone), 1, timeZone);
    if (midnight <= now && (s.outAt === null || s.outAt >= midnight)) stillInAtNight += 1;
  }
  const peak = Math.max(...byHour);
  return {
    registered: totals.registered,
    people: totals.people,
    checkedIn: stays.length,
    fromKiosk: totals.fromKiosk ?? 0,
    declined: totals.declined ?? 0,
    refused: totals.refused ?? 0,
    expired: totals.expired ?? 0,
    byPurpose: rankedCounts(byPurpose),
    byHour,
    peakHour: peak === 0 ? null : byHour.indexOf(peak),
    averageStayMinutes: stayCount === 0 ? null : Math.round(stayTotal / stayCount / 60_000),
    stillInAtNight,
  };
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

function callFigures(db: Db, b: PeriodBounds): ReportFigures['calls'] {
  const range = [b.start, b.end] as const;
  const rows = db
    .prepare(`SELECT status, within_target AS withinTarget, answer_latency_ms AS latency FROM calls WHERE ring_started_at >= ? AND ring_started_at < ? AND status <> 'ringing'`)
    .all(...range) as Array<{ status: string; withinTarget: number | null; latency: number | null }>;
  const latencies = rows.filter((r) => r.latency !== null).map((r) => r.latency!).sort((x, y) => x - y);
  const withinTarget = rows.filter((r) => r.withinTarget === 1).length;
  const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 100) / 10);
  const callbacks = db
    .prepare(`SELECT count(*) AS due, coalesce(sum(status = 'closed' AND closed_at <= due_at), 0) AS inTime FROM callbacks WHERE due_at >= ? AND due_at < ?`)
    .get(...range) as { due: number; inTime: number };
  return {
    total: rows.length,
    answered: latencies.length,
    withinTarget,
    withinTargetShare: share(withinTarget, rows.length),
    answeredShare: share(latencies.length, rows.length),
    meanAnswerSeconds: latencies.length === 0 ? null : seconds(latencies.reduce((a, v) => a + v, 0) / latencies.length),
    p90AnswerSeconds: seconds(percentile(latencies, 0.9)),
    missed: rows.filter((r) => r.status === 'missed').length,
    callbacksDue: callbacks.due,
    callbacksClosedInTime: callbacks.inTime,
  };
}

function itemFigures(db: Db, b: PeriodBounds): ReportFigures['items'] {
  const range = [b.start, b.end] as const;
  const grouped = (column: string) =>
    db.prepare(`SELECT ${column} AS key, count(*) AS count FROM record_items WHERE received_at >= ? AND received_at < ? GROUP BY ${column}`).all(...range) as Array<{
      key: string | null;
      count: number;
    }>;
  const complaints = db
    .prepare(
      `SELECT count(*) AS n, coalesce(sum(breached_at IS NULL AND (answered_at IS NOT NULL OR resolved_at IS NOT NULL)), 0) AS inTime
       FROM record_items WHERE type = 'complaint' AND received_at >= ? AND received_at < ?`,
    )
    .get(...range) as { n: number; inTime: number };
  const resolved = count(db, `SELECT count(*) AS n FROM record_items WHERE status = 'resolved' AND resolved_at >= ? AND resolved_at < ?`, ...range);
  const followUpsDue = count(
    db,
    `SELECT count(*) AS n FROM record_items WHERE type IN ('repair','complaint') AND status IN ('resolved') AND resolved_at >= ? AND resolved_at < ?`,
    ...range,
  );
  const followUps = db
    .prepare(`SELECT count(*) AS n, coalesce(sum(result = 'satisfied'), 0) AS satisfied FROM record_follow_ups WHERE at >= ? AND at < ?`)
    .get(...range) as { n: number; satisfied: number };
  const clock = (kind: string) => count(db, 'SELECT count(*) AS n FROM record_clock_events WHERE kind = ? AND detected_at >= ? AND detected_at < ?', kind, ...range);
  const received = count(db, 'SELECT count(*) AS n FROM record_items WHERE received_at >= ? AND received_at < ?', ...range);
  return {
    received,
    byType: fixedCounts(ITEM_TYPES, grouped('type')),
    byChannel: fixedCounts(CHANNELS, grouped('channel')),
    byStatus: fixedCounts(ITEM_STATUSES, grouped('status')),
    byDepartment: rankedCounts(grouped('department')),
    complaints: complaints.n,
    complaintsInTime: complaints.inTime,
    complaintTimelyRate: share(complaints.inTime, complaints.n),
    resolved,
    followUpsDue,
    followUps: followUps.n,
    followUpRate: share(followUps.n, followUpsDue),
    satisfied: followUps.satisfied,
    satisfactionRate: share(followUps.satisfied, followUps.n),
    escalatedToSupervisor: clock('escalate_supervisor'),
    escalatedToManager: clock('escalate_manager'),
    complaintBreaches: clock('breach_answer'),
    followUpsOverdue: clock('follow_up_overdue'),
  };
}

function peopleFigures(db: Db, b: PeriodBounds): ReportFigures['people'] {
  const range = [b.start, b.end] as const;
  const rows = db
    .prepare(
      `WITH work AS (
         SELECT registered_by AS id, 1 AS visitors, 0 AS answered, 0 AS within, 0 AS items FROM visits
           WHERE registered_by IS NOT NULL AND registered_at >= ? AND registered_at < ?
         UNION ALL SELECT answered_by, 0, 1, coalesce(within_target, 0), 0 FROM calls
           WHERE answered_by IS NOT NULL AND ring_started_at >= ? AND ring_started_at < ?
         UNION ALL SELECT created_by, 0, 0, 0, 1 FROM record_items
           WHERE created_by IS NOT NULL AND received_at >= ? AND received_at < ?)
       SELECT w.id, s.name, sum(w.visitors) AS visitorsRegistered, sum(w.answered) AS callsAnswered,
              sum(w.within) AS callsWithinTarget, sum(w.items) AS itemsEntered
       FROM work w JOIN staff s ON s.id = w.id GROUP BY w.id ORDER BY s.name, w.id`,
    )
    .all(...range, ...range, ...range) as ReportFigures['people'];
  return rows;
}

export function reportFigures(db: Db, bounds: PeriodBounds, now: number, timeZone: string, building: { name: string; nameEn: string }): ReportFigures {
  const range = [bounds.start, bounds.end] as const;
  const incidents = db
    .prepare('SELECT category AS key, count(*) AS count FROM incidents WHERE occurred_at >= ? AND occurred_at < ? GROUP BY category')
    .all(...range) as Array<{ key: string; count: number }>;
  const handovers = db
    .prepare(
      `SELECT count(*) AS total, coalesce(sum(h.signed_at IS NOT NULL), 0) AS signed, count(a.id) AS acknowledged
       FROM handovers h LEFT JOIN handover_acknowledgements a ON a.handover_id = h.id WHERE h.created_at >= ? AND h.created_at < ?`,
    )
    .get(...range) as { total: number; signed: number; acknowledged: number };
  return {
    period: bounds.period,
    firstDay: bounds.firstDay,
    lastDay: bounds.lastDay,
    start: bounds.start,
    end: bounds.end,
    complete: bounds.end <= now,
    building,
    visitors: visitorFigures(db, bounds, now, timeZone),
    calls: callFigures(db, bounds),
    items: itemFigures(db, bounds),
    incidents: {
      total: incidents.reduce((a, r) => a + r.count, 0),
      signed: count(db, 'SELECT count(*) AS n FROM incidents WHERE signed_at IS NOT NULL AND occurred_at >= ? AND occurred_at < ?', ...range),
      byCategory: fixedCounts(INCIDENT_CATEGORIES, incidents),
    },
    handovers,
    people: peopleFigures(db, bounds),
  };
}
