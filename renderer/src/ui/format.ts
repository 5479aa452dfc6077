// Formatters several features share: times in the building's time zone, and rough durations in the screen's
// language (dayjs `duration` splits them, the words come from i18next: common:duration.*).
import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
import duration from 'dayjs/plugin/duration.js';
import { formatDateTime } from '../../../shared/rules/time';

dayjs.extend(duration);

/** A time in the building's zone, or "—" when there is none. */
export function at(ms: number | null | undefined, timeZone: string): string {
  return ms === null || ms === undefined ? '—' : formatDateTime(ms, timeZone);
}

/** A duration, roughly, in the screen's language: "2 天 3 小时", "45 分钟" (at least a minute; the sign is dropped). */
export function span(ms: number, t: TFunction): string {
  const d = dayjs.duration(Math.max(1, Math.round(Math.abs(ms) / 60_000)), 'minutes');
  const days = Math.floor(d.asDays());
  const hours = d.hours();
  const mins = d.minutes();
  if (days > 0) return t('common:duration.days', { d: days, h: hours });
  if (hours > 0) return t('common:duration.hours', { h: hours, m: mins });
  return t('common:duration.minutes', { m: mins });
}
