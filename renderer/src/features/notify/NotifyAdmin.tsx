// Admin: each tenant's channels (WeCom / DingTalk robot, SMS, e-mail) and the retry policy, SMS gateway and SMTP
// server. Targets and secrets are never shown back, only their masked hints.
import { useEffect, useState } from 'react';
import { App, Button, Card, Checkbox, Flex, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { showServerErrors } from '../../ui/forms';
import { TenantPicker } from '../directory';
import { RECIPIENT_CHANNELS, DEFAULT_SMS_TEMPLATE, type NotifySettings, type Recipient } from '../../../../shared/contract/notify';

export function NotifyAdmin() {
  const { t } = useTranslation('notify');
  const { message } = App.useApp();
  const [recipients, setRecipients] = useState<Recipient[]>([]);
  const [settings, setSettings] = useState<NotifySettings | null>(null);
  const [form] = Form.useForm();
  const [serverForm] = Form.useForm();
  const load = async () => {
    setRecipients((await api.notify.recipients({ tenantId: null })).recipients);
    const s = await api.notify.settings({});
    setSettings(s);
    serverForm.setFieldsValue({
      maxAttempts: s.maxAttempts,
      backoffSeconds: s.backoffSeconds,
      smsUrl: s.sms?.url ?? '',
      smsTemplate: s.sms?.template ?? DEFAULT_SMS_TEMPLATE,
      smtpHost: s.smtp?.host ?? '',
      smtpPort: s.smtp?.port ?? 465,
      smtpSecure: s.smtp?.secure ?? true,
      smtpUser: s.smtp?.user ?? '',
      smtpFrom: s.smtp?.from ?? '',
    });
  };
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const add = async (values: { tenantId: string; channel: Recipient['channel']; target: string; secret?: string; label?: string }) => {
    try {
      await api.notify.addRecipient({ tenantId: values.tenantId, channel: values.channel, target: values.target, secret: values.secret ?? '', label: values.label ?? '' });
      form.resetFields(['target', 'secret', 'label']);
      void load();
    } catch (e) {
      showServerErrors(form, e);
    }
  };

  const saveServers = async (v: Record<string, string | number | boolean>) => {
    try {
      await api.notify.updateSettings({
        maxAttempts: Number(v.maxAttempts),
        backoffSeconds: Number(v.backoffSeconds),
        sms: v.smsUrl ? { url: String(v.smsUrl), token: String(v.smsToken ?? ''), template: String(v.smsTemplate) } : null,
        smtp: v.smtpHost
          ? { host: String(v.smtpHost), port: Number(v.smtpPort), secure: Boolean(v.smtpSecure), user: String(v.smtpUser ?? ''), password: String(v.smtpPassword ?? ''), from: String(v.smtpFrom) }
          : null,
      });
      void message.success(t('admin.saved'));
      void load();
    } catch (e) {
      showServerErrors(serverForm, e);
    }
  };

  return (
    <Flex vertical gap={16} data-testid="notify-admin">
      <Card size="small" title={t('admin.title')}>
        <Form form={form} layout="inline" onFinish={(v) => void add(v)} initialValues={{ channel: 'wecom' }} style={{ rowGap: 8 }}>
          <Form.Item name="tenantId" rules={[{ required: true }]}>
            <TenantPicker testId="notify-tenant" />
          </Form.Item>
          <Form.Item name="channel">
            <Select style={{ width: 110 }} options={RECIPIENT_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} data-testid="notify-channel" />
          </Form.Item>
          <Form.Item name="target" rules={[{ required: true }]} tooltip={t('admin.targetHelp')}>
            <Input style={{ width: 360 }} placeholder={t('admin.target')} data-testid="notify-target" />
          </Form.Item>
          <Form.Item name="secret">
            <Input style={{ width: 180 }} placeholder={t('admin.secret')} />
          </Form.Item>
          <Form.Item name="label">
            <Input style={{ width: 120 }} placeholder={t('admin.label')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="notify-add">
            {t('admin.add')}
          </Button>
        </Form>
        <Table<Recipient>
          rowKey="id"
          size="small"
          style={{ marginTop: 12 }}
          pagination={false}
          dataSource={recipients}
          columns={[
            { title: t('admin.channel'), render: (_: unknown, r) => <Tag>{t(`channel.${r.channel}`)}</Tag> },
            { title: t('admin.target'), dataIndex: 'targetHint' },
            { title: t('admin.label'), dataIndex: 'label' },
            {
              title: '',
              render: (_: unknown, r) => (
                <Space>
                  <Button size="small" disabled={!r.active} onClick={() => void api.notify.sendTest({ recipientId: r.id }).then(() => message.success(t('admin.testQueued')))}>
                    {t('admin.test')}
                  </Button>
                  <Button size="small" onClick={() => void api.notify.updateRecipient({ id: r.id, active: !r.active }).then(load)}>
                    {r.active ? t('admin.off') : t('admin.on')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('admin.retryTitle')}>
        <Form form={serverForm} layout="vertical" onFinish={(v) => void saveServers(v)} style={{ maxWidth: 640 }}>
          <Flex gap={16}>
            <Form.Item name="maxAttempts" label={t('admin.maxAttempts')}>
              <InputNumber min={1} max={50} />
            </Form.Item>
            <Form.Item name="backoffSeconds" label={t('admin.backoffSeconds')}>
              <InputNumber min={5} max={3600} />
            </Form.Item>
          </Flex>
          <Form.Item name="smsUrl" label={t('admin.smsUrl')}>
            <Input />
          </Form.Item>
          <Form.Item name="smsToken" label={t('admin.smsToken')}>
            <Input.Password placeholder={settings?.sms?.tokenSet ? t('admin.secretSet') : ''} />
          </Form.Item>
          <Form.Item name="smsTemplate" label={t('admin.smsTemplate')}>
            <Input />
          </Form.Item>
          <Flex gap={16}>
            <Form.Item name="smtpHost" label={t('admin.smtpHost')}>
              <Input />
            </Form.Item>
            <Form.Item name="smtpPort" label={t('admin.smtpPort')}>
              <InputNumber min={1} max={65535} />
            </Form.Item>
            <Form.Item name="smtpSecure" label={t('admin.smtpSecure')} valuePropName="checked">
              <Checkbox />
            </Form.Item>
          </Flex>
          <Flex gap={16}>
            <Form.Item name="smtpUser" label={t('admin.smtpUser')}>
              <Input />
            </Form.Item>
            <Form.Item name="smtpPassword" label={t('admin.smtpPassword')}>
              <Input.Password placeholder={settings?.smtp?.passwordSet ? t('admin.secretSet') : ''} />
            </Form.Item>
            <Form.Item name="smtpFrom" label={t('admin.smtpFrom')}>
              <Input />
            </Form.Item>
          </Flex>
          <Button type="primary" htmlType="submit">
            {t('admin.save')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
