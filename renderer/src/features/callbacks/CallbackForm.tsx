// Taking a message / callback for a tenant (V-3): who asked, for which tenant, their number, the message and
// when the desk should have contacted the tenant. From a phone call (P-4) it is saved through `calls.toCallback`,
// which links the callback and the call both ways; there the tenant may be left empty, and the callback is then a
// call back the desk owes the caller (P-1).
import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useBuilding } from '../../ui/use-building';
import { api } from '../../api/client';
import { zodRule, showServerErrors } from '../../ui/forms';
import { TenantPicker } from '../directory';
import { CallbackDraft, type CallbackDraft as Draft } from '../../../../shared/contract/callbacks';
import { CallCallbackDraft, type Call } from '../../../../shared/contract/calls';
import { useCallbacks } from './store';
import { formatTime } from '../../../../shared/rules/time';

const shape = CallbackDraft.shape;

export function CallbackForm({
  initial,
  onClose,
  fromCall,
  onLinked,
}: {
  initial?: Partial<Draft>;
  onClose(): void;
  /** Taken on this call: the callback and the call are linked. */
  fromCall?: Call;
  onLinked?(call: Call): void;
}) {
  const { t } = useTranslation('callbacks');
  const { t: tc } = useTranslation('common');
  const timeZone = useBuilding((s) => s.timeZone);
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const settings = useCallbacks((s) => s.settings);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    form.setFieldsValue({ ...initial, dueMinutes: settings?.dueMinutes ?? 30 });
  }, [form, initial, settings]);

  const save = async () => {
    setError(null);
    try {
      const values = await form.validateFields();
      const draft = {
        tenantId: values.tenantId ?? null,
        callerName: values.callerName,
        callerPhone: values.callerPhone,
        message: values.message ?? '',
        // The default due time is the server's (its clock); a changed one is counted from now.
        dueAt: values.dueMinutes && values.dueMinutes !== settings?.dueMinutes ? Date.now() + values.dueMinutes * 60_000 : null,
      };
      let created;
      if (fromCall) {
        // A tenant picked: a message for them; none: a call back to the caller (the core decides the same way).
        const linked = await api.calls.toCallback({ callId: fromCall.id, draft });
        onLinked?.(linked.call);
        created = linked.callback;
      } else {
        created = await api.callbacks.create({ ...draft, source: initial?.source ?? 'desk', visitId: initial?.visitId ?? null });
      }
      void message.success(t(created.kind === 'callBack' ? 'createdCallBack' : 'created', { time: formatTime(created.dueAt, timeZone) }));
      void useCallbacks.getState().load();
      onClose();
    } catch (e) {
      if (e && typeof e === 'object' && 'errorFields' in e) return;
      setError(showServerErrors(form, e, { under: fromCall ? 'draft' : undefined }));
    }
  };

  return (
    <Modal open title={t('add')} onOk={() => void save()} onCancel={onClose} okText={tc('actions.save')} cancelText={tc('actions.cancel')} destroyOnHidden>
      <Alert type="info" showIcon message={t('rule')} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" data-testid="callback-form">
        <Form.Item
          name="tenantId"
          label={t('field.tenant')}
          rules={[zodRule(fromCall ? CallCallbackDraft.shape.tenantId : shape.tenantId)]}
          extra={fromCall ? t('callBackHint') : undefined}
        >
          <TenantPicker testId="callback-tenant" autoFocus={!initial?.tenantId} />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 12 }}>
          <Form.Item name="callerName" label={t('field.callerName')} rules={[zodRule(shape.callerName)]}>
            <Input data-testid="callback-caller" />
          </Form.Item>
          <Form.Item name="callerPhone" label={t('field.callerPhone')} rules={[zodRule(shape.callerPhone)]}>
            <Input data-testid="callback-phone" />
          </Form.Item>
        </div>
        <Form.Item name="message" label={t('field.message')} rules={[zodRule(shape.message)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="callback-message" />
        </Form.Item>
        <Form.Item name="dueMinutes" label={t('field.dueMinutes')}>
          <InputNumber min={1} max={10080} />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Modal>
  );
}
