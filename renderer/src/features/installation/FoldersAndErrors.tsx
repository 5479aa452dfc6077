// Where this PC keeps its data, backups, logs and preferences, and the last errors in the log.
import { Card, Descriptions, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { InstallationStatus } from '../../../../shared/contract/installation';

export function FoldersAndErrors({ status }: { status: InstallationStatus }) {
  const { t } = useTranslation('installation');
  const { folders } = status;
  const path = (value: string) => (
    <Typography.Text code copyable>
      {value}
    </Typography.Text>
  );
  return (
    <Card title={t('folders.title')} size="small" data-testid="installation-folders">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('folders.data')}>
          {path(folders.data)} <Typography.Text type="secondary">({t(`folders.dataSource.${status.dataSource}`)})</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('folders.backups')}>{path(folders.backups)}</Descriptions.Item>
        <Descriptions.Item label={t('folders.logs')}>{path(folders.logs)}</Descriptions.Item>
        <Descriptions.Item label={t('folders.preferences')}>{path(folders.preferences)}</Descriptions.Item>
        {folders.crashDumps && <Descriptions.Item label={t('folders.crashDumps')}>{path(folders.crashDumps)}</Descriptions.Item>}
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('folders.errors')}
      </Typography.Title>
      <List
        size="small"
        bordered
        data-testid="installation-errors"
        locale={{ emptyText: t('folders.noErrors') }}
        dataSource={[...status.recentErrors].reverse()}
        renderItem={(entry) => (
          <List.Item>
            <Typography.Text type="secondary">{dayjs(entry.at).format('YYYY-MM-DD HH:mm:ss')}</Typography.Text>&nbsp;
            <Typography.Text strong>{entry.message}</Typography.Text>
            {entry.detail && <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: true }} style={{ marginBottom: 0 }}>{entry.detail}</Typography.Paragraph>}
          </List.Item>
        )}
      />
    </Card>
  );
}
