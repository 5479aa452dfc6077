// Times in the building's time zone and deadlines as "还剩 3 小时 / 已超 2 天".
import type { TFunction } from 'i18next';
import { formatDateTime } from '../../../../shared/rules/time';
import type { RecordSummary } from '../../../../shared/contract/records';

export function at(ms: number | null | undefined, timeZone: string): string {
  return ms === null || ms === undefined ? '—' : formatDateTime(ms, timeZone);
}

/** A duration, roughly, in the screen's language: "2 天 3 小时", "45 分钟". */
export function span(ms: number, lang: string): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const en = lang === 'en';
  if (days > 0) return en ? `${days} d ${hours} h` : `${days} 天 ${hours} 小时`;
  if (hours > 0) return en ? `${hours} h ${mins} min` : `${hours} 小时 ${mins} 分`;
  return en ? `${mins} min` : `${mins} 分钟`;
}

export function deadlineText(item: Pick<RecordSummary, 'nextDeadline'>, now: number, t: TFunction, lang: string): string {
  const next = item.nextDeadline;
  if (!next) return t('records:deadline.none');
  const label = t(`records:deadline.${next.kind}Short`);
  const diff = next.at - now;
  return `${label} · ${diff >= 0 ? t('records:deadline.left', { time: span(diff, lang) }) : t('records:deadline.over', { time: span(diff, lang) })}`;
}
