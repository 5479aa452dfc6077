// Visitor settings (admin): purposes, overstay alert, ID-number policy, retention (V-1, V-4, V-7).
import { Alert, Button, Checkbox, Flex, Form, Input, InputNumber, Radio } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useSettingsForm } from '../../ui/forms';
import { ID_NUMBER_ON_KIOSK, type VisitorSettings } from '../../../../shared/contract/visitors';
import { useVisitors } from './store';

export function VisitorSettingsForm() {
  const { t } = useTranslation('visitors');
  const { t: tc } = useTranslation('common');
  const { form, error, save } = useSettingsForm<VisitorSettings>(
    () => api.visitors.settings({}),
    async (values) => {
      const saved = await api.visitors.updateSettings(values);
      void useVisitors.getState().loadSettings();
      return saved;
    },
  );

  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 640 }} onFinish={(v) => void save(v)} data-testid="visitor-settings">
      <Form.Item label={t('settings.purposes')}>
        <Form.List name="purposes">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} style={{ marginBottom: 8 }}>
                  <Form.Item name={[field.name, 'zh']} noStyle>
                    <Input placeholder={t('settings.purposeZh')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'en']} noStyle>
                    <Input placeholder={t('settings.purposeEn')} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ zh: '', en: '' })}>
                {t('settings.addPurpose')}
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="overstayMinutes" label={t('settings.overstayMinutes')}>
        <InputNumber min={0} max={10080} />
      </Form.Item>
      <Form.Item name="pendingAlertMinutes" label={t('settings.pendingAlertMinutes')}>
        <InputNumber min={0} max={1440} data-testid="settings-pending-alert" />
      </Form.Item>
      <Form.Item name="pendingExpireMinutes" label={t('settings.pendingExpireMinutes')}>
        <InputNumber min={0} max={10080} data-testid="settings-pending-expire" />
      </Form.Item>
      <Form.Item name="rollTime" label={t('settings.rollTime')}>
        <Input placeholder="23:30" maxLength={5} style={{ width: 100 }} data-testid="settings-roll-time" />
      </Form.Item>
      <Form.Item name="kioskIdNumber" label={t('settings.kioskIdNumber')}>
        <Radio.Group options={ID_NUMBER_ON_KIOSK.map((x) => ({ value: x, label: t(`settings.kioskId.${x}`) }))} />
      </Form.Item>
      <Form.Item name="storeFullIdNumber" valuePropName="checked">
        <Checkbox>{t('settings.storeFullIdNumber')}</Checkbox>
      </Form.Item>
      <Form.Item name="retentionDays" label={t('settings.retentionDays')}>
        <InputNumber min={1} max={3650} />
      </Form.Item>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit">
        {tc('actions.save')}
      </Button>
    </Form>
  );
}
