// Admin: idle lock, PIN back-off, session length, and the extra names the desk's server answers to.
import { Alert, Button, Form, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useSettingsForm, zodRule } from '../../ui/forms';
import { SecuritySettingsInput, type SecuritySettings as Security } from '../../../../shared/contract/settings';

const FIELDS = ['idleLockMinutes', 'pinMaxFailures', 'pinLockoutMinutes', 'pinDailyLimit', 'sessionMaxHours'] as const;

export function SecuritySettings() {
  const { t } = useTranslation('settings');
  const { t: tc } = useTranslation('common');
  const { form, error, save } = useSettingsForm<Security>(() => api.settings.security({}), (values) => api.settings.updateSecurity(values));

  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 400 }} onFinish={(v) => void save(v)}>
      {FIELDS.map((f) => (
        <Form.Item key={f} name={f} label={t(`security.${f}`)} rules={[zodRule(SecuritySettingsInput.shape[f])]}>
          <InputNumber style={{ width: 160 }} />
        </Form.Item>
      ))}
      <Form.Item
        name="allowedHosts"
        label={t('security.allowedHosts')}
        extra={t('security.allowedHostsHint')}
        rules={[zodRule(SecuritySettingsInput.shape.allowedHosts)]}
      >
        <Select mode="tags" open={false} tokenSeparators={[',', ' ']} style={{ width: 360 }} data-testid="allowed-hosts" />
      </Form.Item>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit">
        {tc('actions.save')}
      </Button>
    </Form>
  );
}
