// The lobby's current notices, so the desk can answer questions about them.
import { Card, Empty, List, Tag, Typography } from 'antd';
import { NotificationOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useBuilding } from '../../ui/use-building';
import { useApiQuery } from '../../api/query';
import { formatDateTime } from '../../../../shared/rules/time';

export function NoticesPanel() {
  const { t, i18n } = useTranslation('notices');
  const timeZone = useBuilding((s) => s.timeZone);
  // Current through the notices.changed event (api/invalidation.ts).
  const notices = (useApiQuery('notices', 'list', {}).data?.notices ?? []).filter((n) => n.current);
  const en = i18n.language === 'en';
  return (
    <Card
      size="small"
      title={
        <span>
          <NotificationOutlined /> {t('lobbyTitle')}
        </span>
      }
      data-testid="notices-panel"
    >
      {notices.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('none')} />
      ) : (
        <List
          size="small"
          dataSource={notices}
          renderItem={(n) => (
            <List.Item>
              <div>
                <Typography.Text strong>{en && n.titleEn ? n.titleEn : n.title}</Typography.Text>
                {n.public && <Tag color="gold" style={{ marginLeft: 6 }}>{t('public')}</Tag>}
                <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
                  {n.activeUntil ? t('until', { time: formatDateTime(n.activeUntil, timeZone) }) : t('untilOpen')}
                </Typography.Text>
                {(en && n.bodyEn ? n.bodyEn : n.body) && <div style={{ whiteSpace: 'pre-wrap', color: '#555' }}>{en && n.bodyEn ? n.bodyEn : n.body}</div>}
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
