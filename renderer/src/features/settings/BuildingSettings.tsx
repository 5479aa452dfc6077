// Admin: the building profile (name, the post name used in phone greetings, time zone).
import { useEffect, useState } from 'react';
import { Alert, App, Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { zodRule, showServerErrors } from '../../ui/forms';
import { BuildingProfileInput, type BuildingProfile } from '../../../../shared/contract/settings';
import { TIME_ZONES } from '../setup';
import { useBuilding } from '../../ui/use-building';

export function BuildingSettings() {
  const { t } = useTranslation('settings');
  const { t: tc } = useTranslation('common');
  const { message } = App.useApp();
  const [form] = Form.useForm<BuildingProfile>();
  const [error, setError] = useState<string | null>(null);
  const reloadBuilding = useBuilding((s) => s.load);
  const shape = BuildingProfileInput.shape;

  useEffect(() => {
    void api.settings.building({}).then((profile) => form.setFieldsValue(profile));
  }, [form]);

  const save = async (values: BuildingProfile) => {
    setError(null);
    try {
      form.setFieldsValue(await api.settings.updateBuilding(values));
      await reloadBuilding();
      void message.success(tc('saved'));
    } catch (e) {
      setError(showServerErrors(form, e));
    }
  };

  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 560 }} onFinish={(v) => void save(v)} data-testid="building-settings">
      <Form.Item name="name" label={t('building.name')} rules={[zodRule(shape.name)]}>
        <Input />
      </Form.Item>
      <Form.Item name="nameEn" label={t('building.nameEn')}>
        <Input />
      </Form.Item>
      <Form.Item name="postName" label={t('building.postName')} rules={[zodRule(shape.postName)]}>
        <Input />
      </Form.Item>
      <Form.Item name="postNameEn" label={t('building.postNameEn')}>
        <Input />
      </Form.Item>
      <Form.Item name="timeZone" label={t('building.timeZone')}>
        <Select options={TIME_ZONES.map((z) => ({ value: z, label: z }))} showSearch />
      </Form.Item>
      <Form.Item name="address" label={t('building.address')}>
        <Input />
      </Form.Item>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit">
        {tc('actions.save')}
      </Button>
    </Form>
  );
}
