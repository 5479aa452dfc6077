// Desk phones paired for action URLs (P-6): pair by address, show the URLs (with the token) once, revoke.
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { showServerErrors } from '../../ui/forms';
import { useBuilding } from '../../ui/use-building';
import { formatDateTime } from '../../../../shared/rules/time';
import type { DeskPhone } from '../../../../shared/contract/hardware';

function origin(): string {
  return window.location.protocol.startsWith('http') ? window.location.origin : 'http://<本机IP>:5199';
}

export function DeskPhones({ onChange }: { onChange(): void }) {
  const { t } = useTranslation('hardware');
  const { message } = App.useApp();
  const timeZone = useBuilding((s) => s.timeZone);
  const [form] = Form.useForm<{ name: string; address: string }>();
  const [phones, setPhones] = useState<DeskPhone[]>([]);
  const [urls, setUrls] = useState<Record<string, string> | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => setPhones((await api.hardware.phones({})).phones), []);
  useEffect(() => {
    void load();
  }, [load]);

  const add = async (values: { name: string; address: string }) => {
    setError(null);
    try {
      const paired = await api.hardware.addPhone(values);
      setUrls(paired.actionUrls);
      form.resetFields();
      void load();
      onChange();
    } catch (e) {
      setError(showServerErrors(form, e));
    }
  };

  const revoke = async (id: string) => {
    try {
      await api.hardware.revokePhone({ id });
      void load();
      onChange();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="desk-phones">
      <Typography.Text type="secondary">{t('telephony.phonesHint')}</Typography.Text>
      <Form form={form} layout="inline" onFinish={(v) => void add(v)}>
        <Form.Item name="name" label={t('telephony.phoneName')}>
          <Input style={{ width: 160 }} data-testid="phone-name" />
        </Form.Item>
        <Form.Item name="address" label={t('telephony.phoneAddress')}>
          <Input style={{ width: 160 }} placeholder="192.168.1.23" data-testid="phone-address" />
        </Form.Item>
        <Button htmlType="submit" data-testid="phone-add">
          {t('telephony.addPhone')}
        </Button>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
      <Table<DeskPhone>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={phones}
        columns={[
          { title: t('telephony.phoneName'), dataIndex: 'name' },
          { title: t('telephony.phoneAddress'), dataIndex: 'address' },
          { title: t('telephony.lastEvent'), render: (_, p) => (p.lastEventAt ? formatDateTime(p.lastEventAt, timeZone) : '—') },
          {
            title: '',
            render: (_, p) =>
              p.revokedAt ? (
                <Typography.Text type="secondary">{t('telephony.revoked')}</Typography.Text>
              ) : (
                <Button size="small" danger onClick={() => void revoke(p.id)}>
                  {t('telephony.revoke')}
                </Button>
              ),
          },
        ]}
      />
      <Modal open={urls !== null} title={t('telephony.urlsTitle')} onCancel={() => setUrls(null)} onOk={() => setUrls(null)} width={760}>
        <Typography.Paragraph type="secondary">{t('telephony.urlPrefix', { origin: origin() })}</Typography.Paragraph>
        {urls &&
          Object.entries(urls).map(([event, url]) => (
            <div key={event} style={{ marginBottom: 8 }}>
              <Typography.Text strong>{t(`telephony.events.${event}`)}</Typography.Text>
              <Typography.Paragraph copyable code style={{ marginBottom: 0 }} data-testid={`phone-url-${event}`}>
                {`${origin()}${url}`}
              </Typography.Paragraph>
            </div>
          ))}
      </Modal>
    </Space>
  );
}
