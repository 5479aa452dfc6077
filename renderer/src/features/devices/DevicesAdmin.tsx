// Admin: issue pairing codes for visitor screens and LAN terminals; revoke devices.
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, staffClient } from '../../api/client';
import { zodRule, showServerErrors } from '../../ui/forms';
import { required } from '../../../../shared/contract/fields';
import { DEVICE_KINDS, type Device } from '../../../../shared/contract/devices';

export function DevicesAdmin() {
  const { t } = useTranslation('devices');
  const { message } = App.useApp();
  const [devices, setDevices] = useState<Device[]>([]);
  const [issued, setIssued] = useState<{ code: string; expiresAt: number; name: string } | null>(null);
  const [form] = Form.useForm<{ name: string; kind: (typeof DEVICE_KINDS)[number] }>();

  const load = useCallback(async () => setDevices((await api.devices.list({})).devices), []);
  useEffect(() => {
    void load();
    return staffClient.on('devices.changed', () => void load());
  }, [load]);

  const issue = async (values: { name: string; kind: (typeof DEVICE_KINDS)[number] }) => {
    try {
      const result = await api.devices.createPairingCode(values);
      setIssued({ ...result, name: values.name });
      form.resetFields(['name']);
    } catch (e) {
      showServerErrors(form, e);
    }
  };

  const revoke = async (device: Device) => {
    try {
      await api.devices.revoke({ id: device.id });
      await load();
    } catch (e) {
      void message.error((e as Error).message);
    }
  };

  return (
    <div data-testid="devices-admin">
      <Form form={form} layout="inline" initialValues={{ kind: 'kiosk' }} onFinish={(v) => void issue(v)} style={{ marginBottom: 16 }}>
        <Form.Item name="name" label={t('name')} rules={[zodRule(required(40))]}>
          <Input placeholder={t('namePlaceholder')} style={{ width: 240 }} data-testid="device-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('kind')}>
          <Select style={{ width: 220 }} options={DEVICE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} data-testid="device-kind" />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="device-issue">
          {t('issue')}
        </Button>
      </Form>
      {issued && (
        <Alert
          type="success"
          style={{ marginBottom: 16 }}
          message={
            <Space direction="vertical">
              <span>
                {issued.name} · {t('code')}:{' '}
                <Typography.Text code strong style={{ fontSize: 22 }} data-testid="pairing-code">
                  {issued.code}
                </Typography.Text>
              </span>
              <span>{t('codeHint', { minutes: 10 })}</span>
            </Space>
          }
        />
      )}
      <Table<Device>
        rowKey="id"
        dataSource={devices}
        pagination={false}
        columns={[
          { title: t('name'), dataIndex: 'name' },
          { title: t('kind'), dataIndex: 'kind', render: (k: Device['kind']) => t(`kinds.${k}`) },
          { title: t('pairedAt'), dataIndex: 'pairedAt', render: (v: number) => new Date(v).toLocaleString() },
          { title: t('lastSeen'), dataIndex: 'lastSeenAt', render: (v: number | null) => (v ? new Date(v).toLocaleString() : '—') },
          {
            title: '',
            render: (_: unknown, d) =>
              d.revokedAt ? (
                <Tag>{t('revoked')}</Tag>
              ) : (
                <Button size="small" danger onClick={() => void revoke(d)}>
                  {t('revoke')}
                </Button>
              ),
          },
        ]}
      />
    </div>
  );
}
