// Admin: the backups in the data dir, when the next daily one is due, and how many daily ones are kept.
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Descriptions, Form, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { api } from '../../api/client';
import { zodRule, showServerErrors } from '../../ui/forms';
import { BackupSettingsInput, type BackupFile, type BackupSettings } from '../../../../shared/contract/backup';

type Listing = Awaited<ReturnType<typeof api.backup.list>>;

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

export function BackupAdmin() {
  const { t } = useTranslation('backup');
  const { t: tc } = useTranslation('common');
  const { message } = App.useApp();
  const [form] = Form.useForm<BackupSettings>();
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const [settings, list] = await Promise.all([api.backup.settings({}), api.backup.list({})]);
    form.setFieldsValue(settings);
    setListing(list);
  }, [form]);
  useEffect(() => {
    void load();
  }, [load]);

  const save = async (values: BackupSettings) => {
    setError(null);
    try {
      form.setFieldsValue(await api.backup.updateSettings(values));
      void message.success(tc('saved'));
    } catch (e) {
      setError(showServerErrors(form, e));
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="backup-admin">
      <Form form={form} layout="inline" onFinish={(v) => void save(v)}>
        <Form.Item name="keepDaily" label={t('keepDailyLabel')} rules={[zodRule(BackupSettingsInput.shape.keepDaily)]}>
          <InputNumber style={{ width: 120 }} data-testid="backup-keep" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {tc('actions.save')}
          </Button>
          <Button onClick={() => void load()}>{tc('actions.refresh')}</Button>
        </Space>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
      {listing?.lastFailure && <Alert type="warning" showIcon message={t('lastFailure', { reason: listing.lastFailure })} />}
      {listing && (
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('directory')}>
            <Typography.Text code copyable>
              {listing.directory}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('nextDaily')}>{listing.nextDailyAt ? dayjs(listing.nextDailyAt).format('YYYY-MM-DD HH:mm') : '—'}</Descriptions.Item>
        </Descriptions>
      )}
      <Table<BackupFile>
        rowKey="file"
        size="small"
        dataSource={listing?.backups ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('none') }}
        columns={[
          { title: t('at'), dataIndex: 'at', render: (v: number) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
          { title: t('kind'), dataIndex: 'kind', render: (k: BackupFile['kind']) => <Tag color={k === 'daily' ? 'blue' : undefined}>{t(`kinds.${k}`)}</Tag> },
          { title: t('size'), dataIndex: 'bytes', render: (b: number) => size(b) },
          { title: t('file'), dataIndex: 'file', render: (f: string) => <Typography.Text copyable={{ text: f }}>{f}</Typography.Text> },
        ]}
      />
      <Typography.Paragraph type="secondary">{t('howTo')}</Typography.Paragraph>
    </Space>
  );
}
