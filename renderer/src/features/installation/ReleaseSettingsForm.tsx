// Updates: the company's release folder, the channel, this building's rollout group and busy hours, and what the
// feed says now (available, held back, waiting for its stage, downloaded and when it installs).
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { api } from '../../api/client';
import { showServerErrors, zodRule } from '../../ui/forms';
import { ReleaseSettingsInput, type InstallationStatus, type ReleaseSettings, type UpdateStatus } from '../../../../shared/contract/installation';

type Values = Omit<ReleaseSettings, 'busyHours'> & { busyHours: string };

export function ReleaseSettingsForm({ status, onChanged }: { status: InstallationStatus; onChanged: () => void }) {
  const { t } = useTranslation('installation');
  const { t: tc } = useTranslation('common');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [update, setUpdate] = useState<UpdateStatus>(status.update);
  const [checking, setChecking] = useState(false);

  useEffect(() => setUpdate(status.update), [status.update]);
  useEffect(() => {
    void api.installation.releaseSettings({}).then((s) => form.setFieldsValue({ ...s, busyHours: s.busyHours.join('\n') }));
  }, [form]);

  const save = async (values: Values) => {
    setError(null);
    try {
      const busyHours = values.busyHours.split(/[\n,，;；]+/).map((s) => s.trim()).filter(Boolean);
      const saved = await api.installation.updateReleaseSettings({ ...values, busyHours });
      form.setFieldsValue({ ...saved, busyHours: saved.busyHours.join('\n') });
      void message.success(tc('saved'));
      onChanged();
    } catch (e) {
      setError(showServerErrors(form, e));
    }
  };

  const check = async () => {
    setChecking(true);
    try {
      setUpdate(await api.installation.checkForUpdates({}));
    } finally {
      setChecking(false);
    }
  };

  const when = update.notBefore ? dayjs(update.notBefore).format('YYYY-MM-DD HH:mm') : '—';
  const why = update.detail && t(`releases.why.${update.detail}`, { defaultValue: '' });
  return (
    <Card title={t('releases.title')} size="small">
      <Form form={form} layout="vertical" style={{ maxWidth: 560 }} onFinish={(v) => void save(v)} data-testid="release-settings">
        <Form.Item name="feedUrl" label={t('releases.feedUrl')} extra={t('releases.feedHint')} rules={[zodRule(ReleaseSettingsInput.shape.feedUrl)]}>
          <Input data-testid="release-feed" />
        </Form.Item>
        <Space align="start">
          <Form.Item name="channel" label={t('releases.channel')}>
            <Select style={{ width: 160 }} options={(['latest', 'beta'] as const).map((c) => ({ value: c, label: t(`releases.channels.${c}`) }))} />
          </Form.Item>
          <Form.Item name="group" label={t('releases.group')} rules={[zodRule(ReleaseSettingsInput.shape.group)]}>
            <Input style={{ width: 240 }} data-testid="release-group" />
          </Form.Item>
        </Space>
        <Form.Item name="busyHours" label={t('releases.busyHours')} extra={t('releases.busyHint')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} style={{ width: 240 }} data-testid="release-busy" />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" data-testid="release-save">
          {tc('actions.save')}
        </Button>
      </Form>
      <Descriptions size="small" column={1} bordered style={{ marginTop: 16 }}>
        <Descriptions.Item label={t('releases.status')}>
          <span data-testid="update-status">
            {t(`releases.states.${update.state}`, { version: update.available ?? '', when, detail: update.detail ?? '' })}
            {why ? ` ${why}` : ''}
          </span>
          {update.checkedAt && <div style={{ opacity: 0.65 }}>{t('releases.checkedAt', { at: dayjs(update.checkedAt).format('YYYY-MM-DD HH:mm') })}</div>}
          {!update.installsItself && update.state === 'available' && <Alert style={{ marginTop: 8 }} type="info" showIcon message={t('releases.webMode')} />}
        </Descriptions.Item>
      </Descriptions>
      <Button style={{ marginTop: 8 }} loading={checking} onClick={() => void check()} data-testid="update-check">
        {t('releases.check')}
      </Button>
    </Card>
  );
}
