// Deadlines as "还剩 3 小时 / 已超 2 天" (the duration words are the shared formatter's, ui/format.ts).
import type { TFunction } from 'i18next';
import type { RecordSummary } from '../../../../shared/contract/records';
import { span } from '../../ui/format';

export { at } from '../../ui/format';

export function deadlineText(item: Pick<RecordSummary, 'nextDeadline'>, now: number, t: TFunction): string {
  const next = item.nextDeadline;
  if (!next) return t('records:deadline.none');
  const label = t(`records:deadline.${next.kind}Short`);
  const diff = next.at - now;
  return `${label} · ${diff >= 0 ? t('records:deadline.left', { time: span(diff, t) }) : t('records:deadline.over', { time: span(diff, t) })}`;
}
