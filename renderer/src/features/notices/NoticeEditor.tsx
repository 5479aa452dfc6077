// Publishing or correcting a notice.
import { useEffect, useState } from 'react';
import { Alert, Checkbox, DatePicker, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { zodRule, showServerErrors } from '../../ui/forms';
import { NoticeInput, NOTICE_TARGETS, type Notice } from '../../../../shared/contract/notices';

const shape = NoticeInput.shape;

interface Values {
  title: string;
  titleEn?: string;
  body?: string;
  bodyEn?: string;
  public: boolean;
  target: Notice['target'];
  targetValue?: string;
  period?: [Dayjs | null, Dayjs | null];
}

export function NoticeEditor({ notice, onClose }: { notice: Notice | null; onClose(saved: boolean): void }) {
  const { t } = useTranslation('notices');
  const { t: tc } = useTranslation('common');
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const target = Form.useWatch('target', form);

  useEffect(() => {
    form.setFieldsValue(
      notice
        ? { ...notice, period: [dayjs(notice.activeFrom), notice.activeUntil ? dayjs(notice.activeUntil) : null] }
        : { public: false, target: 'all', period: [dayjs(), null] },
    );
  }, [notice, form]);

  const save = async () => {
    setError(null);
    try {
      const v = await form.validateFields();
      const input = {
        title: v.title,
        titleEn: v.titleEn ?? '',
        body: v.body ?? '',
        bodyEn: v.bodyEn ?? '',
        public: v.public,
        target: v.target,
        targetValue: v.target === 'all' ? '' : (v.targetValue ?? ''),
        activeFrom: v.period?.[0]?.valueOf() ?? Date.now(),
        activeUntil: v.period?.[1]?.valueOf() ?? null,
      };
      if (notice) await api.notices.update({ id: notice.id, ...input });
      else await api.notices.create(input);
      onClose(true);
    } catch (e) {
      if (e && typeof e === 'object' && 'errorFields' in e) return;
      setError(showServerErrors(form, e));
    }
  };

  return (
    <Modal open width={640} title={notice ? t('edit') : t('add')} onOk={() => void save()} onCancel={() => onClose(false)} okText={tc('actions.save')} cancelText={tc('actions.cancel')} destroyOnHidden>
      <Form form={form} layout="vertical" data-testid="notice-form">
        <Form.Item name="title" label={t('field.title')} rules={[zodRule(shape.title)]}>
          <Input data-testid="notice-title" />
        </Form.Item>
        <Form.Item name="titleEn" label={t('field.titleEn')} rules={[zodRule(shape.titleEn)]}>
          <Input />
        </Form.Item>
        <Form.Item name="body" label={t('field.body')} rules={[zodRule(shape.body)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="notice-body" />
        </Form.Item>
        <Form.Item name="bodyEn" label={t('field.bodyEn')} rules={[zodRule(shape.bodyEn)]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 12 }}>
          <Form.Item name="target" label={t('field.target')}>
            <Select options={NOTICE_TARGETS.map((x) => ({ value: x, label: t(`target.${x}`) }))} />
          </Form.Item>
          {target !== 'all' && (
            <Form.Item name="targetValue" label={t('field.targetValue')} rules={[zodRule(shape.targetValue)]}>
              <Input />
            </Form.Item>
          )}
        </div>
        <Form.Item name="period" label={t('field.period')}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[false, true]} />
        </Form.Item>
        <Form.Item name="public" valuePropName="checked">
          <Checkbox data-testid="notice-public">{t('field.public')}</Checkbox>
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Modal>
  );
}
