// Expected-visitor settings (admin, in 管理 → 访客设置): whether a valid invitation at the visitor screen waits for
// the desk or checks the visitor in at once, and how early an invitation is accepted.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Form, InputNumber, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { showServerErrors, zodRule } from '../../ui/forms';
import { ARRIVAL_AT_KIOSK, ExpectedSettings } from '../../../../shared/contract/expected';

export function ExpectedSettingsForm() {
  const { t } = useTranslation('expected');
  const { t: tc } = useTranslation('common');
  const { message } = App.useApp();
  const [form] = Form.useForm<ExpectedSettings>();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void api.expected.settings({}).then((s) => form.setFieldsValue(s));
  }, [form]);

  const save = async (values: ExpectedSettings) => {
    setError(null);
    try {
      form.setFieldsValue(await api.expected.updateSettings(values));
      void message.success(tc('saved'));
    } catch (e) {
      setError(showServerErrors(form, e));
    }
  };

  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 640 }} onFinish={(v) => void save(v)} data-testid="expected-settings">
      <Typography.Title level={5}>{t('settings.title')}</Typography.Title>
      <Form.Item name="arrivalAtKiosk" label={t('settings.arrivalAtKiosk')}>
        <Radio.Group options={ARRIVAL_AT_KIOSK.map((x) => ({ value: x, label: t(`settings.arrival.${x}`) }))} />
      </Form.Item>
      <Form.Item name="earlyMinutes" label={t('settings.earlyMinutes')} rules={[zodRule(ExpectedSettings.shape.earlyMinutes)]}>
        <InputNumber min={0} max={240} data-testid="expected-settings-early" />
      </Form.Item>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" data-testid="expected-settings-save">
        {tc('actions.save')}
      </Button>
    </Form>
  );
}
