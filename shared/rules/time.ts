// Calendar arithmetic in the building's time zone (store times are UTC epoch ms). Used by the core for day
// and week boundaries and by the renderer for display.
import dayjs from 'dayjs';
// With the file extension: main is ESM with dependencies left external, and Node's ESM resolver needs the exact
// file of a package without an exports map.
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';

dayjs.extend(utc);
dayjs.extend(timezone);

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** 'YYYY-MM-DD' of the calendar day `at` falls on, in `tz`. */
export function dayKey(at: number, tz: string): string {
  return dayjs(at).tz(tz).format('YYYY-MM-DD');
}

/** Epoch ms of local midnight starting the day `at` falls on, in `tz`. */
export function startOfDay(at: number, tz: string): number {
  return dayjs(at).tz(tz).startOf('day').valueOf();
}

/** Epoch ms of local midnight at the start of 'YYYY-MM-DD' in `tz`. */
export function startOfDayKey(key: string, tz: string): number {
  return dayjs.tz(`${key} 00:00`, tz).valueOf();
}

/** Epoch ms of local Monday 00:00 of the week `at` falls in (weeks run Monday–Sunday). */
export function startOfWeek(at: number, tz: string): number {
  const sinceMonday = isoWeekday(at, tz) - 1;
  return startOfDay(addDays(at, -sinceMonday, tz), tz);
}

/** Weekday in `tz`: 1 = Monday … 7 = Sunday. */
export function isoWeekday(at: number, tz: string): number {
  const day = dayjs(at).tz(tz).day();
  return day === 0 ? 7 : day;
}

/** Local hour (0–23) in `tz`. */
export function localHour(at: number, tz: string): number {
  return dayjs(at).tz(tz).hour();
}

/** Adds whole calendar days in `tz`, keeping the local time of day (a day across a DST change is still one day). */
export function addDays(at: number, days: number, tz: string): number {
  const wall = dayjs(at).tz(tz).format('YYYY-MM-DDTHH:mm:ss.SSS');
  const shifted = dayjs.utc(wall).add(days, 'day').format('YYYY-MM-DD HH:mm:ss.SSS');
  return dayjs.tz(shifted, tz).valueOf();
}

/** 'YYYY-MM-DD HH:mm' in `tz`, for records and print-outs. */
export function formatDateTime(at: number, tz: string): string {
  return dayjs(at).tz(tz).format('YYYY-MM-DD HH:mm');
}

export function formatTime(at: number, tz: string): string {
  return dayjs(at).tz(tz).format('HH:mm');
}
