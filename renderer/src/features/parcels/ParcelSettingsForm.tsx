// Parcel settings (admin, in 管理 → 访客设置): after how many days a held parcel is flagged uncollected, and the
// couriers offered for a quick pick (any other name can still be typed).
import { Alert, Button, Form, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useSettingsForm, zodRule } from '../../ui/forms';
import { ParcelSettings } from '../../../../shared/contract/parcels';

export function ParcelSettingsForm() {
  const { t } = useTranslation('parcels');
  const { t: tc } = useTranslation('common');
  const { form, error, save } = useSettingsForm<ParcelSettings>(() => api.parcels.settings({}), (values) => api.parcels.updateSettings(values));

  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 640 }} onFinish={(v) => void save(v)} data-testid="parcel-settings">
      <Typography.Title level={5}>{t('settings.title')}</Typography.Title>
      <Form.Item name="uncollectedDays" label={t('settings.uncollectedDays')} rules={[zodRule(ParcelSettings.shape.uncollectedDays)]}>
        <InputNumber min={1} max={60} data-testid="parcel-settings-days" />
      </Form.Item>
      <Form.Item name="couriers" label={t('settings.couriers')} extra={t('settings.couriersHint')}>
        <Select mode="tags" open={false} tokenSeparators={[',', '，']} data-testid="parcel-settings-couriers" />
      </Form.Item>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" data-testid="parcel-settings-save">
        {tc('actions.save')}
      </Button>
    </Form>
  );
}
