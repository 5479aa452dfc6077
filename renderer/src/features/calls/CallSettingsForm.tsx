// Phone settings (feature section 'calls'): ring cadence, target rings, give-up time, the hotkey; and the call
// script as the desk will say it — its one changeable part, the post's name, is the building's (大厦信息).
import { Alert, Button, Form, Input, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/query';
import { useSettingsForm, zodRule } from '../../ui/forms';
import { CallSettingsInput, SCRIPT_STEPS, type CallSettings } from '../../../../shared/contract/calls';
import type { BuildingProfile } from '../../../../shared/contract/settings';

const shape = CallSettingsInput.shape;

export function CallSettingsForm() {
  const { t } = useTranslation('calls');
  const { t: tc } = useTranslation('common');
  const { form, error, save } = useSettingsForm<CallSettings>(() => api.calls.settings({}), (values) => api.calls.updateSettings(values));
  const building: BuildingProfile | null = useApiQuery('settings', 'building', {}).data ?? null;

  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 480 }} onFinish={(v) => void save(v)} data-testid="call-settings">
      <Form.Item name="secondsPerRing" label={t('settings.secondsPerRing')} extra={t('settings.secondsPerRingHelp')} rules={[zodRule(shape.secondsPerRing)]}>
        <InputNumber style={{ width: 160 }} data-testid="call-settings-seconds" />
      </Form.Item>
      <Form.Item name="targetRings" label={t('settings.targetRings')} extra={t('settings.targetRingsHelp')} rules={[zodRule(shape.targetRings)]}>
        <InputNumber style={{ width: 160 }} data-testid="call-settings-target" />
      </Form.Item>
      <Form.Item name="giveUpAfterSeconds" label={t('settings.giveUpAfterSeconds')} rules={[zodRule(shape.giveUpAfterSeconds)]}>
        <InputNumber style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="hotkey" label={t('settings.hotkey')} extra={t('settings.hotkeyHelp')} rules={[zodRule(shape.hotkey)]}>
        <Input style={{ width: 240 }} data-testid="call-settings-hotkey" />
      </Form.Item>
      {building && (
        <Form.Item label={t('settings.script')} extra={t('settings.scriptHelp')} data-testid="call-settings-script">
          <Typography.Text strong>{t('script.greeting', { lng: 'zh-CN', post: building.postName })}</Typography.Text>
          <br />
          <Typography.Text lang="en">{t('script.greeting', { lng: 'en', post: building.postNameEn || building.postName })}</Typography.Text>
          <ol style={{ margin: '6px 0 0', paddingInlineStart: 20 }}>
            {SCRIPT_STEPS.map((step) => (
              <li key={step}>{t(`script.steps.${step}`)}</li>
            ))}
          </ol>
        </Form.Item>
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" data-testid="call-settings-save">
        {tc('actions.save')}
      </Button>
    </Form>
  );
}
