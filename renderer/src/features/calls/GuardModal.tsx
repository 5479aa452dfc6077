// The confidentiality guard (P-4, 篇1 电话§8): the caller asks for a tenant's number. The rule in one sentence,
// and a take-a-message form: the tenant from the directory, who called, their number, the message. For the desk
// roles it opens a callback to the tenant at once, linked to the call (V-3); the message also goes into the call
// record. A guard covering the phone cannot own callbacks: the message goes into the record for the desk.
import { useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { CallbackDraft } from '../../../../shared/contract/callbacks';
import { required } from '../../../../shared/contract/fields';
import type { Tenant } from '../../../../shared/contract/directory';
import { showServerErrors, zodRule } from '../../ui/forms';
import { TenantPicker } from '../directory';

export interface TakenMessage {
  tenantId: string;
  tenant: Tenant | null;
  callerName: string;
  callerPhone: string;
  message: string;
}

const shape = CallbackDraft.shape;

export function GuardModal(props: {
  open: boolean;
  hasCall: boolean;
  /** Whether this person may open callbacks (the desk roles). */
  canCallback?: boolean;
  onClose(): void;
  /** Takes the message; a refusal from the server is shown next to the fields. */
  onTakeMessage(values: TakenMessage): Promise<void>;
}) {
  const { t } = useTranslation('calls');
  const { t: tc } = useTranslation('common');
  const [form] = Form.useForm<Omit<TakenMessage, 'tenant'>>();
  const [tenant, setTenant] = useState<Tenant | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!props.hasCall) return props.onClose();
    setError(null);
    let values;
    try {
      values = await form.validateFields();
    } catch {
      return; // the fields show what is wrong
    }
    setBusy(true);
    try {
      await props.onTakeMessage({ ...values, tenant });
      form.resetFields();
      setTenant(null);
    } catch (e) {
      setError(showServerErrors(form, e, { under: 'draft' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={props.open}
      title={
        <span>
          <SafetyCertificateOutlined style={{ color: '#fa8c16', marginInlineEnd: 8 }} />
          {t('guard.title')}
        </span>
      }
      onOk={() => void submit()}
      onCancel={props.onClose}
      okText={props.hasCall ? (props.canCallback ? t('guard.okCallback') : t('guard.ok')) : tc('actions.close')}
      cancelText={tc('actions.cancel')}
      okButtonProps={{ loading: busy, ...({ 'data-testid': 'guard-ok' } as Record<`data-${string}`, string>) }}
      destroyOnHidden
      width={620}
    >
      <div data-testid="guard-modal">
        <Alert type="warning" showIcon message={<span style={{ fontSize: 17, fontWeight: 600 }} data-testid="guard-rule">{t('guard.rule')}</span>} style={{ marginBottom: 16 }} />
        {props.hasCall ? (
          <Form form={form} layout="vertical" onFinish={() => void submit()} requiredMark={false}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('guard.messageTitle')}
            </Typography.Title>
            {!props.canCallback && <Alert type="info" showIcon message={t('guard.recordOnly')} style={{ marginBottom: 12 }} />}
            <Form.Item name="tenantId" label={t('guard.forWhom')} rules={[{ required: true, message: t('guard.pickTenant') }, zodRule(shape.tenantId)]}>
              <TenantPicker testId="guard-tenant" autoFocus onChange={(_id, picked) => setTenant(picked)} />
            </Form.Item>
            <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 12 }}>
              <Form.Item name="callerName" label={t('guard.callerName')} rules={[zodRule(shape.callerName)]}>
                <Input data-testid="guard-caller-name" />
              </Form.Item>
              <Form.Item name="callerPhone" label={t('guard.callerNumber')} rules={[zodRule(shape.callerPhone)]}>
                <Input inputMode="tel" data-testid="guard-caller-number" />
              </Form.Item>
            </div>
            <Form.Item name="message" label={t('guard.message')} rules={[zodRule(required(1000))]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="guard-message" />
            </Form.Item>
            {error && <Alert type="error" showIcon message={error} />}
          </Form>
        ) : (
          <Typography.Text type="secondary">{t('guard.noCall')}</Typography.Text>
        )}
      </div>
    </Modal>
  );
}
