// Lobby panel: keys, cards and equipment still out, overdue first; lend and take back from here.
import { useState } from 'react';
import { Button, Card, List, Tag, Typography } from 'antd';
import { KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApiQuery, useInvalidate } from '../../api/query';
import type { KeyLoan } from '../../../../shared/contract/keys';
import { useLocalizer } from '../../ui/localize';
import { LendModal, ReturnModal } from './LoanModals';

export function KeysPanel() {
  const { t } = useTranslation('keys');
  const { at } = useLocalizer();
  // Current through the keys.changed event (api/invalidation.ts).
  const out = useApiQuery('keys', 'list', { state: 'out', limit: 500 }).data?.loans ?? [];
  const invalidate = useInvalidate();
  const loadOut = () => invalidate('keys');
  const [lending, setLending] = useState(false);
  const [returning, setReturning] = useState<KeyLoan | null>(null);
  const sorted = [...out].sort((a, b) => Number(b.overdue) - Number(a.overdue));
  return (
    <Card
      size="small"
      title={<><KeyOutlined /> {t('panel.title')} <Typography.Text type="secondary">{t('panel.count', { count: out.length })}</Typography.Text></>}
      extra={
        <Button size="small" icon={<PlusOutlined />} onClick={() => setLending(true)} data-testid="panel-lend">
          {t('page.lend')}
        </Button>
      }
      data-testid="keys-panel"
    >
      <List
        size="small"
        dataSource={sorted.slice(0, 8)}
        locale={{ emptyText: t('page.none') }}
        renderItem={(l) => (
          <List.Item
            actions={[
              <Button key="r" size="small" onClick={() => setReturning(l)}>
                {t('page.return')}
              </Button>,
            ]}
          >
            <span>
              {l.overdue && <Tag color="error">{t('page.overdue')}</Tag>}
              {t('panel.line', { kind: l.kind, item: l.item, itemCode: l.itemCode, borrower: l.borrower, interpolation: { escapeValue: false } })}
              <Typography.Text type="secondary"> · {at(l.lentAt)}</Typography.Text>
            </span>
          </List.Item>
        )}
      />
      <LendModal open={lending} onClose={() => setLending(false)} onSaved={() => { setLending(false); void loadOut(); }} />
      <ReturnModal loan={returning} onClose={() => setReturning(null)} onSaved={() => { setReturning(null); void loadOut(); }} />
    </Card>
  );
}
