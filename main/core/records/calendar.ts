// Deadlines of the reception record: calendar days by default, or working days with an editable calendar of
// holidays and make-up working days (调休). Pure functions of stored timestamps and settings.
import { addDays, dayKey, isoWeekday, startOfDay, HOUR } from '../../../shared/rules/time';
import type { RecordsSettings } from '../../../shared/contract/records';

export interface WorkCalendar {
  mode: RecordsSettings['countMode'];
  timeZone: string;
  holidays: ReadonlySet<string>;
  makeUpDays: ReadonlySet<string>;
}

export function workCalendar(settings: RecordsSettings, timeZone: string): WorkCalendar {
  return { mode: settings.countMode, timeZone, holidays: new Set(settings.holidays), makeUpDays: new Set(settings.makeUpDays) };
}

/** Whether the local day starting at `dayStart` is a working day: make-up days work, holidays and weekends do not. */
export function isWorkingDay(dayStart: number, calendar: WorkCalendar): boolean {
  const key = dayKey(dayStart, calendar.timeZone);
  if (calendar.makeUpDays.has(key)) return true;
  if (calendar.holidays.has(key)) return false;
  return isoWeekday(dayStart, calendar.timeZone) <= 5;
}

/** Ten years of days: more than any calendar a person could configure, so the loop always ends. */
const MAX_DAYS_SCANNED = 3660;

/**
 * The moment `days` days after `start`. Calendar mode adds local calendar days (same time of day). Working-day
 * mode lets time run only on working days: received on Friday 10:00 with the weekend off, two working days end
 * on Tuesday 10:00; received on a Saturday, the count starts on Monday 00:00.
 */
export function addSpan(start: number, days: number, calendar: WorkCalendar): number {
  if (calendar.mode === 'calendar') return addDays(start, days, calendar.timeZone);
  let remaining = days;
  let cursor = start;
  for (let i = 0; i < MAX_DAYS_SCANNED; i += 1) {
    const dayStart = startOfDay(cursor, calendar.timeZone);
    const nextDay = addDays(dayStart, 1, calendar.timeZone);
    if (isWorkingDay(dayStart, calendar)) {
      const length = nextDay - dayStart;
      const available = (nextDay - cursor) / length;
      if (remaining <= available) return cursor + Math.round(remaining * length);
      remaining -= available;
    }
    cursor = nextDay;
  }
  return cursor;
}

export interface LadderDeadlines {
  supervisorAt: number;
  managerAt: number;
}

export function ladderDeadlines(receivedAt: number, settings: RecordsSettings, calendar: WorkCalendar): LadderDeadlines {
  return {
    supervisorAt: addSpan(receivedAt, settings.supervisorAfterDays, calendar),
    managerAt: addSpan(receivedAt, settings.managerAfterDays, calendar),
  };
}

/** A complaint must be answered or resolved within this (calendar hours: a promise to the owner). */
export function answerDeadline(receivedAt: number, settings: RecordsSettings): number {
  return receivedAt + settings.complaintAnswerHours * HOUR;
}

/** The follow-up visit is due this long after the resolution (calendar days). */
export function followUpDeadline(resolvedAt: number, settings: RecordsSettings, timeZone: string): number {
  return addDays(resolvedAt, settings.followUpDays, timeZone);
}
