// Small display helpers for visits. Times are shown in the building's time zone (`useBuilding().timeZone`), not the PC's.
import type { TFunction } from 'i18next';
import type { Visit } from '../../../../shared/contract/visitors';
import { dayKey, formatDateTime, formatTime } from '../../../../shared/rules/time';

export function stayText(t: TFunction, from: number, to: number): string {
  const minutes = Math.max(0, Math.floor((to - from) / 60_000));
  if (minutes < 60) return t('visitors:duration.minutes', { m: minutes });
  return t('visitors:duration.hours', { h: Math.floor(minutes / 60), m: minutes % 60 });
}

export function timeText(at: number | null, timeZone: string): string {
  return at === null ? '—' : formatTime(at, timeZone);
}

export function dateTimeText(at: number | null, timeZone: string): string {
  return at === null ? '—' : formatDateTime(at, timeZone);
}

export function dateText(at: number | null, timeZone: string): string {
  return at === null ? '—' : dayKey(at, timeZone);
}

export function visitingText(v: Pick<Visit, 'tenant'>): string {
  return `${v.tenant.displayName} · ${v.tenant.floor}F${v.tenant.room ? ` ${v.tenant.room}` : ''}`;
}

/** The purpose label in the screen's language (purposes are stored by their Chinese name). */
export function purposeText(purposes: Array<{ zh: string; en: string }> | undefined, zh: string, lang: string): string {
  if (lang !== 'en') return zh;
  return purposes?.find((p) => p.zh === zh)?.en || zh;
}
