// Calendar arithmetic in the building's time zone (store times are UTC epoch ms). Used by the core for day
// and week boundaries and by the renderer for display.
import dayjs from 'dayjs';
// With the file extension: main is ESM with dependencies left external, and Node's ESM resolver needs the exact
// file of a package without an exports map.
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The time zone of a building that has not said otherwise (and of the desk before setup). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

// A fast path for the arithmetic below, which the records timer and lists do for many items at once: a zone's
// offset from UTC is read once per quarter hour (zones change offset only on quarter hours) with a cached Intl
// formatter, and local times are turned back into instants by that offset. Within six hours of a change of
// offset (DST) the dayjs path decides, so its handling of skipped and repeated hours stays the rule.
const QUARTER = 15 * MINUTE;
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, Map<number, number>>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(tz, f);
  }
  return f;
}

/** The zone's offset from UTC at `at`, in ms. */
function offsetAt(at: number, tz: string): number {
  let cache = offsets.get(tz);
  if (!cache) offsets.set(tz, (cache = new Map()));
  const key = Math.floor(at / QUARTER);
  let offset = cache.get(key);
  if (offset === undefined) {
    const start = key * QUARTER;
    const parts: Record<string, number> = {};
    for (const p of formatter(tz).formatToParts(start)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
    offset = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) - start;
    if (cache.size > 50_000) cache.clear();
    cache.set(key, offset);
  }
  return offset;
}

/** The instant of a local wall time (as epoch ms of the same digits in UTC), or null near a change of offset. */
function instantOfWall(wall: number, tz: string): number | null {
  const offset = offsetAt(wall - offsetAt(wall, tz), tz);
  const at = wall - offset;
  if (offsetAt(at, tz) !== offset || offsetAt(at - 6 * HOUR, tz) !== offset || offsetAt(at + 6 * HOUR, tz) !== offset) return null;
  return at;
}

/** Local wall time of `at` as epoch ms of the same digits in UTC. */
function wallOf(at: number, tz: string): number {
  return at + offsetAt(at, tz);
}

/** 'YYYY-MM-DD' of the calendar day `at` falls on, in `tz`. */
export function dayKey(at: number, tz: string): string {
  const wall = wallOf(at, tz);
  const year = new Date(wall).getUTCFullYear();
  if (year < 1000 || year > 9999) return dayjs(at).tz(tz).format('YYYY-MM-DD');
  return new Date(wall).toISOString().slice(0, 10);
}

/** Epoch ms of local midnight starting the day `at` falls on, in `tz`. */
export function startOfDay(at: number, tz: string): number {
  const wall = wallOf(at, tz);
  return instantOfWall(wall - (((wall % DAY) + DAY) % DAY), tz) ?? dayjs(at).tz(tz).startOf('day').valueOf();
}

/** Epoch ms of local midnight at the start of 'YYYY-MM-DD' in `tz`. */
export function startOfDayKey(key: string, tz: string): number {
  const wall = Date.parse(`${key}T00:00:00Z`);
  return (Number.isNaN(wall) ? null : instantOfWall(wall, tz)) ?? dayjs.tz(`${key} 00:00`, tz).valueOf();
}

/** Epoch ms of local Monday 00:00 of the week `at` falls in (weeks run Monday–Sunday). */
export function startOfWeek(at: number, tz: string): number {
  const sinceMonday = isoWeekday(at, tz) - 1;
  return startOfDay(addDays(at, -sinceMonday, tz), tz);
}

/** Weekday in `tz`: 1 = Monday … 7 = Sunday. */
export function isoWeekday(at: number, tz: string): number {
  const day = new Date(wallOf(at, tz)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Local hour (0–23) in `tz`. */
export function localHour(at: number, tz: string): number {
  return new Date(wallOf(at, tz)).getUTCHours();
}

/** Adds whole calendar days in `tz`, keeping the local time of day (a day across a DST change is still one day). */
export function addDays(at: number, days: number, tz: string): number {
  const fast = Number.isInteger(days) ? instantOfWall(wallOf(at, tz) + days * DAY, tz) : null;
  if (fast !== null) return fast;
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
