// Small display helpers for visits.
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { Visit } from '../../../../shared/contract/visitors';

export function stayText(t: TFunction, from: number, to: number): string {
  const minutes = Math.max(0, Math.floor((to - from) / 60_000));
  if (minutes < 60) return t('visitors:duration.minutes', { m: minutes });
  return t('visitors:duration.hours', { h: Math.floor(minutes / 60), m: minutes % 60 });
}

export function timeText(at: number | null): string {
  return at === null ? '—' : dayjs(at).format('HH:mm');
}

export function dateTimeText(at: number | null): string {
  return at === null ? '—' : dayjs(at).format('YYYY-MM-DD HH:mm');
}

export function visitingText(v: Pick<Visit, 'tenant'>): string {
  return `${v.tenant.displayName} · ${v.tenant.floor}F${v.tenant.room ? ` ${v.tenant.room}` : ''}`;
}

/** The purpose label in the screen's language (purposes are stored by their Chinese name). */
export function purposeText(purposes: Array<{ zh: string; en: string }> | undefined, zh: string, lang: string): string {
  if (lang !== 'en') return zh;
  return purposes?.find((p) => p.zh === zh)?.en || zh;
}
