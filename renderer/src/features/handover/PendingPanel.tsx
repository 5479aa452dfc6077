// Lobby panel for the guard (and the leads): signed handovers waiting to be acknowledged.
import { useEffect, useState } from 'react';
import { Button, Card, List, Typography } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { staffClient } from '../../api/client';
import type { HandoverSummary } from '../../../../shared/contract/handover';
import { useLocalizer } from '../../ui/localize';
import { useHandover } from './store';
import { AcknowledgeModal, useMayAcknowledge } from './AcknowledgeModal';

export function PendingPanel() {
  const { t } = useTranslation('handover');
  const { at } = useLocalizer();
  const navigate = useNavigate();
  const { pending, loadPending } = useHandover();
  const [acking, setAcking] = useState<HandoverSummary | null>(null);
  const mayAcknowledge = useMayAcknowledge();
  useEffect(() => {
    void loadPending();
    return staffClient.on('handover.changed', () => void loadPending());
  }, [loadPending]);
  return (
    <Card size="small" title={<><SwapOutlined /> {t('page.pendingPanel')}</>} data-testid="handover-pending-panel">
      <List
        size="small"
        dataSource={pending}
        locale={{ emptyText: t('page.pendingNone') }}
        renderItem={(h) => (
          <List.Item
            actions={[
              <Button key="v" size="small" onClick={() => navigate('/handover')}>
                {t('page.view')}
              </Button>,
              ...(mayAcknowledge(h)
                ? [
                    <Button key="a" size="small" type="primary" onClick={() => setAcking(h)} data-testid={`panel-ack-${h.number}`}>
                      {t('page.acknowledge')}
                    </Button>,
                  ]
                : []),
            ]}
          >
            <span>
              {h.number} · {h.outgoing.name}
              <Typography.Text type="secondary"> · {at(h.signedAt)}</Typography.Text>
            </span>
          </List.Item>
        )}
      />
      <AcknowledgeModal handover={acking} onClose={() => setAcking(null)} onDone={() => { setAcking(null); void loadPending(); }} />
    </Card>
  );
}
