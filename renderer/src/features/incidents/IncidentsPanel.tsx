// Lobby panel: incidents still open (unsigned, or follow-up pending) and a quick way to record a new one.
import { useEffect } from 'react';
import { Button, Card, List, Tag, Typography } from 'antd';
import { AlertOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { staffClient } from '../../api/client';
import { useLocalizer } from '../../ui/localize';
import { useIncidents } from './store';
import { useIncidentDialogs } from './IncidentsPage';

export function IncidentsPanel() {
  const { t } = useTranslation('incidents');
  const { at } = useLocalizer();
  const { open, loadOpen } = useIncidents();
  useEffect(() => {
    void loadOpen();
    return staffClient.on('incidents.changed', () => void loadOpen());
  }, [loadOpen]);
  const dialogs = useIncidentDialogs(() => void loadOpen());
  return (
    <Card
      size="small"
      title={<><AlertOutlined /> {t('page.panelTitle')} <Typography.Text type="secondary">{t('page.panelCount', { count: open.length })}</Typography.Text></>}
      extra={
        <Button size="small" type="primary" icon={<PlusOutlined />} onClick={dialogs.create} data-testid="panel-incident-new">
          {t('page.new')}
        </Button>
      }
      data-testid="incidents-panel"
    >
      <List
        size="small"
        dataSource={open.slice(0, 8)}
        locale={{ emptyText: t('page.none') }}
        renderItem={(i) => (
          <List.Item onClick={() => void dialogs.open(i.id)} style={{ cursor: 'pointer' }}>
            <span>
              <Tag color={i.state === 'draft' ? 'orange' : 'red'}>{t(`state.${i.state}`)}</Tag>
              {i.number} {i.place}
              <Typography.Text type="secondary"> · {at(i.occurredAt)}</Typography.Text>
            </span>
          </List.Item>
        )}
      />
      {dialogs.elements}
    </Card>
  );
}
