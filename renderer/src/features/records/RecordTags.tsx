// The coloured tags an item carries everywhere it is listed: type, status, owner level, overdue, breach, reopened.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecordSummary } from '../../../../shared/contract/records';

const TYPE_COLOR: Record<RecordSummary['type'], string> = {
  complaint: 'red',
  repair: 'orange',
  inquiry: 'blue',
  suggestion: 'cyan',
  move_in: 'green',
  renovation: 'purple',
  other: 'default',
};
const STATUS_COLOR: Record<RecordSummary['status'], string> = { open: 'processing', forwarded: 'gold', resolved: 'success', unresolvable: 'default' };
const LEVEL_COLOR: Record<RecordSummary['level'], string> = { desk: 'default', supervisor: 'volcano', manager: 'magenta' };

export function TypeTag({ type }: { type: RecordSummary['type'] }) {
  const { t } = useTranslation('records');
  return <Tag color={TYPE_COLOR[type]}>{t(`type.${type}`)}</Tag>;
}

export function StatusTag({ item }: { item: Pick<RecordSummary, 'status' | 'followUpDueAt'> }) {
  const { t } = useTranslation('records');
  return (
    <Tag color={STATUS_COLOR[item.status]} data-testid="record-status">
      {t(`status.${item.status}`)}
      {item.followUpDueAt !== null ? ` · ${t('deadline.followUpShort')}` : ''}
    </Tag>
  );
}

export function RecordFlags({ item, withLevel = true }: { item: RecordSummary; withLevel?: boolean }) {
  const { t } = useTranslation('records');
  return (
    <>
      {withLevel && item.level !== 'desk' && <Tag color={LEVEL_COLOR[item.level]}>{t(`ownerLevel.${item.level}`)}</Tag>}
      {item.overdue && (item.status === 'open' || item.status === 'forwarded' || item.followUpDueAt !== null) && (
        <Tag color="error" data-testid="record-overdue">
          {t('tags.overdue')}
        </Tag>
      )}
      {item.breachedAt !== null && (
        <Tag color="red" data-testid="record-breached">
          {t('tags.breached')}
        </Tag>
      )}
      {item.reopenCount > 0 && <Tag color="warning">{t('tags.reopened', { count: item.reopenCount })}</Tag>}
    </>
  );
}
