// The confidentiality guard (P-4, 篇1 电话§8): the caller asks for a tenant's number. The rule in one sentence,
// and a take-a-message form whose answers go into the call record (a callback to the tenant is one button there).
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { SaveCallInput } from '../../../../shared/contract/calls';
import { required } from '../../../../shared/contract/fields';
import { zodRule } from '../../app/forms';

export interface TakenMessage {
  forWhom: string;
  callerName: string;
  callerNumber: string;
  message: string;
}

const shape = SaveCallInput.shape;

export function GuardModal(props: { open: boolean; hasCall: boolean; onClose(): void; onTakeMessage(values: TakenMessage): void }) {
  const { t } = useTranslation('calls');
  const { t: tc } = useTranslation('common');
  const [form] = Form.useForm<TakenMessage>();
  const submit = async () => {
    if (!props.hasCall) return props.onClose();
    try {
      const values = await form.validateFields();
      props.onTakeMessage(values);
      form.resetFields();
    } catch {
      /* the fields show what is wrong */
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
      okText={props.hasCall ? t('guard.ok') : tc('actions.close')}
      cancelText={tc('actions.cancel')}
      okButtonProps={{ 'data-testid': 'guard-ok' } as Record<`data-${string}`, string>}
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
            <Form.Item name="forWhom" label={t('guard.forWhom')} rules={[zodRule(required(40))]}>
              <Input autoFocus data-testid="guard-for-whom" />
            </Form.Item>
            <Form.Item name="callerName" label={t('guard.callerName')} rules={[zodRule(shape.callerName)]}>
              <Input data-testid="guard-caller-name" />
            </Form.Item>
            <Form.Item name="callerNumber" label={t('guard.callerNumber')} rules={[zodRule(shape.callerNumber.unwrap().unwrap())]}>
              <Input inputMode="tel" data-testid="guard-caller-number" />
            </Form.Item>
            <Form.Item name="message" label={t('guard.message')} rules={[zodRule(required(2000))]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="guard-message" />
            </Form.Item>
          </Form>
        ) : (
          <Typography.Text type="secondary">{t('guard.noCall')}</Typography.Text>
        )}
      </div>
    </Modal>
  );
}
