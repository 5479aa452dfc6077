// Admin: whether the desk offers visitor photos at all, and whether a taken photo is printed on the pass (V-11).
import { Alert, Button, Form, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useSettingsForm } from '../../ui/forms';
import type { PhotoSettings } from '../../../../shared/contract/photos';

export function PhotosAdmin() {
  const { t } = useTranslation('photos');
  const { t: tc } = useTranslation('common');
  const { form, error, save } = useSettingsForm<PhotoSettings>(
    () => api.photos.settings({}),
    (values) => api.photos.updateSettings({ enabled: values.enabled === true, onPass: values.onPass === true }),
  );

  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 480 }} onFinish={(v) => void save(v)} data-testid="photos-admin">
      <Form.Item name="enabled" label={t('admin.enabled')} extra={t('admin.enabledHint')} valuePropName="checked">
        <Switch data-testid="photos-enabled" />
      </Form.Item>
      <Form.Item name="onPass" label={t('admin.onPass')} extra={t('admin.onPassHint')} valuePropName="checked">
        <Switch data-testid="photos-on-pass" />
      </Form.Item>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" data-testid="photos-save-settings">
        {tc('actions.save')}
      </Button>
    </Form>
  );
}
