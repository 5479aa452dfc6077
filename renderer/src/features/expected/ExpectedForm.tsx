// Adding an expected visitor (V-8): who, whom, when (once or repeating until a day), and whether the code goes to
// the tenant through its notification channels. The form validates with the contract's own schema.
import { useState } from 'react';
import { Checkbox, Flex, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { showServerErrors, zodRule } from '../../ui/forms';
import { useBuilding } from '../../ui/use-building';
import { TenantPicker } from '../directory';
import { ExpectedDraft, type Expected } from '../../../../shared/contract/expected';
import { dayKey } from '../../../../shared/rules/time';

const shape = ExpectedDraft.shape;

export function ExpectedForm({ purposes, onClose, onCreated }: { purposes: Array<{ zh: string; en: string }>; onClose(): void; onCreated(e: Expected): void }) {
  const { t, i18n } = useTranslation('expected');
  const [form] = Form.useForm();
  const timeZone = useBuilding((s) => s.timeZone);
  const [busy, setBusy] = useState(false);
  const recurrence = Form.useWatch('recurrence', form) ?? 'once';
  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      const created = await api.expected.create({ ...values, until: recurrence === 'once' ? null : values.until || null });
      onCreated(created);
    } catch (e) {
      showServerErrors(form, e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('form.title')} onCancel={onClose} onOk={() => void submit()} okText={t('form.submit')} confirmLoading={busy} width={640} okButtonProps={{ 'data-testid': 'expected-submit' } as never}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ partySize: 1, date: dayKey(Date.now(), timeZone), startTime: '09:00', endTime: '12:00', recurrence: 'once', source: 'desk', sendToHost: false }}
        data-testid="expected-form"
      >
        <Flex gap={12}>
          <Form.Item name="visitorName" label={t('form.visitorName')} rules={[zodRule(shape.visitorName)]} style={{ flex: 1 }}>
            <Input data-testid="expected-name" />
          </Form.Item>
          <Form.Item name="mobile" label={t('form.mobile')} rules={[zodRule(shape.mobile)]} style={{ flex: 1 }}>
            <Input data-testid="expected-mobile" />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="tenantId" label={t('form.tenant')} rules={[{ required: true, message: t('form.tenant') }]} style={{ flex: 2 }}>
            <TenantPicker testId="expected-tenant" />
          </Form.Item>
          <Form.Item name="hostName" label={t('form.hostName')} style={{ flex: 1 }}>
            <Input data-testid="expected-host" />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="purpose" label={t('form.purpose')} rules={[{ required: true, message: t('form.purpose') }]} style={{ flex: 2 }}>
            <Select data-testid="expected-purpose" options={purposes.map((p) => ({ value: p.zh, label: i18n.language === 'en' && p.en ? p.en : p.zh }))} />
          </Form.Item>
          <Form.Item name="partySize" label={t('form.partySize')} style={{ flex: 1 }}>
            <InputNumber min={1} max={99} />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="date" label={t('form.date')} rules={[zodRule(shape.date)]} style={{ flex: 1 }}>
            <Input placeholder="2026-11-27" data-testid="expected-date" />
          </Form.Item>
          <Form.Item name="startTime" label={t('form.startTime')} rules={[zodRule(shape.startTime)]} style={{ flex: 1 }}>
            <Input placeholder="09:00" data-testid="expected-start" />
          </Form.Item>
          <Form.Item name="endTime" label={t('form.endTime')} rules={[zodRule(shape.endTime)]} style={{ flex: 1 }}>
            <Input placeholder="12:00" data-testid="expected-end" />
          </Form.Item>
        </Flex>
        <Flex gap={12} align="end">
          <Form.Item name="recurrence" label={t('form.recurrence')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'once', label: t('form.once') },
                { value: 'weekdays', label: t('form.weekdays') },
                { value: 'daily', label: t('form.daily') },
              ]}
            />
          </Form.Item>
          {recurrence !== 'once' && (
            <Form.Item name="until" label={t('form.until')} rules={[{ required: true, message: t('error.untilRequired') }]}>
              <Input placeholder="2026-12-31" data-testid="expected-until" />
            </Form.Item>
          )}
        </Flex>
        <Flex gap={12}>
          <Form.Item name="source" label={t('form.source')}>
            <Radio.Group
              options={[
                { value: 'desk', label: t('form.sourceDesk') },
                { value: 'phone', label: t('form.sourcePhone') },
              ]}
            />
          </Form.Item>
          <Form.Item name="requestedBy" label={t('form.requestedBy')} style={{ flex: 1 }}>
            <Input />
          </Form.Item>
        </Flex>
        <Form.Item name="sendToHost" valuePropName="checked">
          <Checkbox data-testid="expected-send">{t('form.sendToHost')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
