// Admin editor for a checklist (the opening check, the handover template): items in order, Chinese and English.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { requiredZodRule, zodRule, showServerErrors } from '../../ui/forms';
import { required, text } from '../../../../shared/contract/fields';
import type { ChecklistItem } from '../../../../shared/contract/shifts';

export function ChecklistEditor(props: {
  field: string;
  intro: string;
  load: () => Promise<ChecklistItem[]>;
  save: (items: Array<{ key?: string; label: string; labelEn: string }>) => Promise<ChecklistItem[]>;
  testId: string;
}) {
  const { t } = useTranslation('shifts');
  const { t: tc } = useTranslation('common');
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, Array<{ key?: string; label: string; labelEn?: string }>>>();
  const [error, setError] = useState<string | null>(null);
  const { field } = props;

  useEffect(() => {
    void props.load().then((items) => form.setFieldsValue({ [field]: items }));
    // Loaded once when the tab opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const submit = async (values: Record<string, Array<{ key?: string; label: string; labelEn?: string }>>) => {
    setError(null);
    try {
      const items = (values[field] ?? []).map((i) => ({ ...(i.key ? { key: i.key } : {}), label: i.label, labelEn: i.labelEn ?? '' }));
      form.setFieldsValue({ [field]: await props.save(items) });
      void message.success(tc('saved'));
    } catch (e) {
      setError(showServerErrors(form, e));
    }
  };

  return (
    <Form form={form} onFinish={(v) => void submit(v)} style={{ maxWidth: 900 }} data-testid={props.testId}>
      <Typography.Paragraph type="secondary">{props.intro}</Typography.Paragraph>
      <Form.List name={field}>
        {(fields, { add, remove, move }) => (
          <>
            {fields.map((f, index) => (
              <Flex key={f.key} gap={8} align="start">
                <Form.Item name={[f.name, 'key']} hidden>
                  <Input />
                </Form.Item>
                <Typography.Text type="secondary" style={{ width: 24, paddingTop: 5 }}>
                  {index + 1}.
                </Typography.Text>
                <Form.Item name={[f.name, 'label']} rules={[requiredZodRule(required(60))]} style={{ flex: 2 }}>
                  <Input placeholder={t('settings.label')} />
                </Form.Item>
                <Form.Item name={[f.name, 'labelEn']} rules={[zodRule(text(100))]} style={{ flex: 2 }}>
                  <Input placeholder={t('settings.labelEn')} />
                </Form.Item>
                <Button icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, index - 1)} />
                <Button icon={<ArrowDownOutlined />} disabled={index === fields.length - 1} onClick={() => move(index, index + 1)} />
                <Button icon={<DeleteOutlined />} danger onClick={() => remove(f.name)} title={t('settings.remove')} />
              </Flex>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ label: '', labelEn: '' })} style={{ marginBottom: 16 }}>
              {t('settings.add')}
            </Button>
          </>
        )}
      </Form.List>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit">
        {tc('actions.save')}
      </Button>
    </Form>
  );
}
