// Expected-visitor settings (admin, in 管理 → 访客设置): whether a valid invitation at the visitor screen waits for
// the desk or checks the visitor in at once, and how early an invitation is accepted.
import { Alert, Button, Form, InputNumber, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useSettingsForm, zodRule } from '../../ui/forms';
import { ARRIVAL_AT_KIOSK, ExpectedSettings } from '../../../../shared/contract/expected';

export function ExpectedSettingsForm() {
  const { t } = useTranslation('expected');
  const { t: tc } = useTranslation('common');
  const { form, error, save } = useSettingsForm<ExpectedSettings>(() => api.expected.settings({}), (values) => api.expected.updateSettings(values));

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
