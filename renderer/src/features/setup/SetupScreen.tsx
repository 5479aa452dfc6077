// First run: building profile and the first administrator.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Divider, Flex, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { zodRule, showServerErrors } from '../../ui/forms';
import { BuildingProfileInput } from '../../../../shared/contract/settings';
import { personName, pin as pinField } from '../../../../shared/contract/fields';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { DEFAULT_TIME_ZONE } from '../../../../shared/rules/time';

export const TIME_ZONES = [DEFAULT_TIME_ZONE, 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei', 'Asia/Singapore', 'Asia/Tokyo', 'Europe/London', 'UTC'];

interface SetupForm {
  name: string;
  nameEn?: string;
  postName: string;
  postNameEn?: string;
  timeZone: string;
  address?: string;
  adminName: string;
  pin: string;
  pinAgain: string;
  setupCode?: string;
}

export function SetupScreen({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('setup');
  const [form] = Form.useForm<SetupForm>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const shape = BuildingProfileInput.shape;
  // Setting up from another device than the desk PC needs the one-time code the server printed.
  const [codeRequired, setCodeRequired] = useState(false);
  useEffect(() => {
    void api.setup.status({}).then((s) => setCodeRequired(s.setupCodeRequired));
  }, []);

  const submit = async (values: SetupForm) => {
    setBusy(true);
    setError(null);
    try {
      await api.setup.initialize({
        building: {
          name: values.name,
          nameEn: values.nameEn ?? '',
          postName: values.postName,
          postNameEn: values.postNameEn ?? '',
          timeZone: values.timeZone,
          address: values.address ?? '',
        },
        admin: { name: values.adminName, pin: values.pin },
        ...(codeRequired ? { setupCode: values.setupCode ?? '' } : {}),
      });
      onDone();
      navigate('/lobby');
    } catch (e) {
      setError(showServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex justify="center" style={{ minHeight: '100vh', background: '#f0f2f5', padding: 32 }}>
      <Card style={{ width: 640 }} data-testid="setup-screen" extra={<LanguageSwitch />} title={t('title')}>
        <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ timeZone: DEFAULT_TIME_ZONE }}>
          <Divider titlePlacement="start">{t('building')}</Divider>
          <Form.Item name="name" label={t('name')} rules={[zodRule(shape.name)]}>
            <Input data-testid="setup-name" />
          </Form.Item>
          <Form.Item name="nameEn" label={t('nameEn')}>
            <Input data-testid="setup-name-en" />
          </Form.Item>
          <Form.Item name="postName" label={t('postName')} extra={t('postNameHint')} rules={[zodRule(shape.postName)]}>
            <Input data-testid="setup-post-name" />
          </Form.Item>
          <Form.Item name="postNameEn" label={t('postNameEn')}>
            <Input />
          </Form.Item>
          <Form.Item name="timeZone" label={t('timeZone')}>
            <Select options={TIME_ZONES.map((z) => ({ value: z, label: z }))} showSearch />
          </Form.Item>
          <Form.Item name="address" label={t('address')}>
            <Input />
          </Form.Item>
          <Divider titlePlacement="start">{t('admin')}</Divider>
          <Form.Item name="adminName" label={t('adminName')} rules={[zodRule(personName())]}>
            <Input data-testid="setup-admin-name" />
          </Form.Item>
          <Form.Item name="pin" label={t('pin')} rules={[zodRule(pinField())]}>
            <Input.Password inputMode="numeric" autoComplete="new-password" data-testid="setup-pin" />
          </Form.Item>
          <Form.Item
            name="pinAgain"
            label={t('pinAgain')}
            dependencies={['pin']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_r, value) => {
                  if (value !== getFieldValue('pin')) throw new Error(t('pinMismatch'));
                },
              }),
            ]}
          >
            <Input.Password inputMode="numeric" autoComplete="new-password" data-testid="setup-pin-again" />
          </Form.Item>
          {codeRequired && (
            <>
              <Divider titlePlacement="start">{t('code')}</Divider>
              <Form.Item name="setupCode" label={t('code')} extra={t('codeHint')} rules={[{ required: true, message: t('codeHint') }]}>
                <Input autoComplete="off" style={{ width: 200, textTransform: 'uppercase' }} data-testid="setup-code" />
              </Form.Item>
            </>
          )}
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="setup-error" />}
          <Button type="primary" htmlType="submit" size="large" loading={busy} data-testid="setup-submit">
            {t('submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
