// Lobby panel for the guard (and the leads): signed handovers waiting to be acknowledged.
import { useEffect } from 'react';
import { Button, Card, List, Typography } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { staffClient } from '../../api/client';
import { useLocalizer } from '../../ui/localize';
import { useHandover } from './store';
import { useMayAcknowledge } from './AcknowledgeModal';

export function PendingPanel() {
  const { t } = useTranslation('handover');
  const { at } = useLocalizer();
  const navigate = useNavigate();
  const { pending, loadPending } = useHandover();
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
                    <Button key="a" size="small" type="primary" onClick={() => navigate(`/handover?open=${h.id}`)} data-testid={`panel-ack-${h.number}`}>
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
    </Card>
  );
}
