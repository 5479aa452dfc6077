// This PC's preferences: LAN on/off (off by default), its address and port, the visitor screen's display,
// auto-start, the program's language. What cannot apply while running waits for a restart, offered here.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { showServerErrors, zodRule } from '../../ui/forms';
import { PreferencesInput, type InstallationStatus } from '../../../../shared/contract/installation';

type Values = Pick<InstallationStatus['preferences'], 'lanEnabled' | 'lanHost' | 'port' | 'visitorScreenOn' | 'visitorDisplayId' | 'autoStart' | 'language'>;

export function DevicePreferencesForm({ status, onChanged, onRestarting }: { status: InstallationStatus; onChanged: () => void; onRestarting: () => void }) {
  const { t } = useTranslation('installation');
  const { t: tc } = useTranslation('common');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const lanEnabled = Form.useWatch('lanEnabled', form);
  const visitorScreenOn = Form.useWatch('visitorScreenOn', form);
  const { capabilities, preferences } = status;

  useEffect(() => {
    form.setFieldsValue(preferences);
  }, [form, preferences]);

  const save = async (values: Values) => {
    setError(null);
    try {
      await api.installation.updatePreferences({ ...values, visitorDisplayId: values.visitorDisplayId ?? null });
      void message.success(tc('saved'));
      onChanged();
    } catch (e) {
      setError(showServerErrors(form, e));
    }
  };

  const restart = async () => {
    try {
      await api.installation.restart({});
      onRestarting();
    } catch (e) {
      setError(showServerErrors(form, e));
    }
  };

  const field = (name: keyof typeof PreferencesInput.shape) => [zodRule(PreferencesInput.shape[name])];
  return (
    <Card title={t('prefs.title')} size="small">
      {status.preferenceProblems.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('prefs.problems')} description={status.preferenceProblems.join('\n')} />
      )}
      <Form form={form} layout="vertical" style={{ maxWidth: 560 }} onFinish={(v) => void save(v)} data-testid="device-preferences">
        <Form.Item name="lanEnabled" label={t('prefs.lanEnabled')} valuePropName="checked" extra={t('prefs.lanHint')}>
          <Switch data-testid="pref-lan" />
        </Form.Item>
        <Space align="start">
          <Form.Item name="lanHost" label={t('prefs.lanHost')} rules={field('lanHost')}>
            <Input style={{ width: 200 }} disabled={!lanEnabled} data-testid="pref-lan-host" />
          </Form.Item>
          <Form.Item name="port" label={t('prefs.port')} rules={field('port')}>
            <InputNumber style={{ width: 120 }} data-testid="pref-port" />
          </Form.Item>
        </Space>
        <Form.Item name="visitorScreenOn" label={t('prefs.visitorScreenOn')} valuePropName="checked" extra={capabilities.displays ? undefined : t('prefs.onlyDesktop')}>
          <Switch disabled={!capabilities.displays} />
        </Form.Item>
        <Form.Item name="visitorDisplayId" label={t('prefs.visitorDisplayId')}>
          <Select
            style={{ width: 360 }}
            disabled={!capabilities.displays || !visitorScreenOn}
            options={[
              { value: null, label: t('prefs.autoDisplay') },
              ...status.displays.map((d) => ({ value: d.id, label: `${d.label} · ${d.width}×${d.height}${d.primary ? ` (${t('prefs.primary')})` : ''}` })),
            ]}
          />
        </Form.Item>
        <Form.Item name="autoStart" label={t('prefs.autoStart')} valuePropName="checked" extra={capabilities.autoStart ? undefined : t('prefs.onlyDesktop')}>
          <Switch disabled={!capabilities.autoStart} />
        </Form.Item>
        <Form.Item name="language" label={t('prefs.language')}>
          <Select style={{ width: 200 }} options={[{ value: 'zh-CN', label: '中文' }, { value: 'en', label: 'English' }]} />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" data-testid="pref-save">
          {tc('actions.save')}
        </Button>
      </Form>
      {status.pendingRestart.length > 0 && (
        <Alert
          style={{ marginTop: 16 }}
          type="info"
          showIcon
          data-testid="pref-pending"
          message={t('prefs.pending', { names: status.pendingRestart.map((n) => t(`names.${n}`, { defaultValue: n })).join('、') })}
          action={
            <Button size="small" onClick={() => void restart()} data-testid="pref-restart">
              {t('prefs.restart')}
            </Button>
          }
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
        {t('folders.server')}: {status.server.url ?? t('folders.serverOff')} · {status.server.lan ? t('folders.lan') : t('folders.local')}
      </Typography.Paragraph>
    </Card>
  );
}
