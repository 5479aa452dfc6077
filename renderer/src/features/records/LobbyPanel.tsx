// The lobby's record panel: the timer's notices as banners with a sound, the audit and Monday-review reminders,
// and open items due within 24 h or overdue grouped by who owns them — each one click from its detail.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Badge, Button, Card, Empty, Flex, List, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, staffClient } from '../../api/client';
import { alarm, chime } from '../../ui/sound';
import { LEVELS, type LobbyView, type RecordNotice, type RecordSummary } from '../../../../shared/contract/records';
import { RecordFlags, TypeTag } from './RecordTags';
import { deadlineText } from './format';
import { useRecords } from './store';

const REFRESH_MS = 60_000;

function Row1({ item, now }: { item: RecordSummary; now: number }) {
  const { t } = useTranslation('records');
  const openItem = useRecords((s) => s.openItem);
  return (
    <List.Item
      style={{ cursor: 'pointer', paddingInline: 8 }}
      onClick={() => void openItem(item.id)}
      data-testid={`lobby-record-${item.number}`}
    >
      <div style={{ width: '100%' }}>
        <Space size={4} wrap>
          <Typography.Text strong>{item.number}</Typography.Text>
          <TypeTag type={item.type} />
          <RecordFlags item={item} withLevel={false} />
        </Space>
        <div>
          <Typography.Text>
            {item.unit ? `${item.unit} · ` : ''}
            {item.ownerName}
          </Typography.Text>
          <Typography.Text type="secondary" ellipsis style={{ marginLeft: 8, maxWidth: 260 }}>
            {item.matter}
          </Typography.Text>
        </div>
        <Typography.Text type={item.overdue ? 'danger' : 'warning'}>{deadlineText(item, now, t)}</Typography.Text>
      </div>
    </List.Item>
  );
}

export function LobbyRecordsPanel() {
  const { t } = useTranslation('records');
  const navigate = useNavigate();
  const version = useRecords((s) => s.version);
  const openNew = useRecords((s) => s.openNew);
  const openItem = useRecords((s) => s.openItem);
  const [view, setView] = useState<LobbyView | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [banners, setBanners] = useState<RecordNotice[]>([]);

  const load = useCallback(async () => {
    setView(await api.records.lobby({}));
    setNow(Date.now());
  }, []);

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [load, version]);

  useEffect(
    () =>
      staffClient.on('records.notice', (notice) => {
        setBanners((list) => [notice, ...list.filter((n) => !(n.itemId === notice.itemId && n.kind === notice.kind))].slice(0, 4));
        if (notice.kind.startsWith('warn_')) chime();
        else alarm();
      }),
    [],
  );

  return (
    <Card
      size="small"
      title={
        <Space>
          {t('lobby.title')}
          {view && <Badge count={t('lobby.open', { count: view.openCount })} color="blue" />}
        </Space>
      }
      extra={
        <Space>
          <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => openNew()} data-testid="records-new">
            {t('newItemShortcut')}
          </Button>
          <Button size="small" onClick={() => navigate('/records')}>
            {t('lobby.all')}
          </Button>
        </Space>
      }
      data-testid="lobby-records"
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {banners.map((n) => (
          <Alert
            key={`${n.itemId}-${n.kind}`}
            type={n.kind.startsWith('warn_') ? 'warning' : 'error'}
            showIcon
            banner
            data-testid="records-banner"
            message={t(`notice.${n.kind}`, { number: n.number })}
            action={
              <Space>
                <Button size="small" onClick={() => void openItem(n.itemId)}>
                  {t('notice.view')}
                </Button>
                <Button size="small" type="text" onClick={() => setBanners((list) => list.filter((b) => b !== n))}>
                  {t('lobby.dismiss')}
                </Button>
              </Space>
            }
          />
        ))}
        {view?.auditReminder && (
          <Alert type="info" showIcon data-testid="records-audit-reminder" message={t('lobby.auditReminder', { day: view.auditReminder.dayKey, count: view.auditReminder.pending })} />
        )}
        {view?.reviewReminder && <Alert type="info" showIcon data-testid="records-review-reminder" message={t('lobby.reviewReminder', { week: view.reviewReminder.weekKey })} />}
        {view && LEVELS.every((l) => view.groups[l].length === 0) ? (
          <Empty description={t('lobby.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          // One group under the other (the lobby's act-now column is narrow); an empty group is its heading alone.
          <Flex vertical gap={4}>
            {LEVELS.map((level) => (
              <div key={level} data-testid={`lobby-group-${level}`}>
                <Typography.Text strong>
                  {t(`ownerLevel.${level}`)} ({view?.groups[level].length ?? 0})
                </Typography.Text>
                {(view?.groups[level].length ?? 0) > 0 && <List size="small" dataSource={view?.groups[level] ?? []} renderItem={(item) => <Row1 item={item} now={now} />} />}
              </div>
            ))}
          </Flex>
        )}
      </Space>
    </Card>
  );
}
