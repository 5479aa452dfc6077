// A signature: the signed-in person enters their own PIN again (handover, acknowledgement, incidents).
import { useEffect, useRef, useState } from 'react';
import { Alert, Form, Input, Modal, Typography, type InputRef } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

export interface PinSubmit {
  userId: string;
  pin: string;
  note: string;
}

export function PinModal(props: {
  open: boolean;
  title: string;
  hint: string;
  okText: string;
  /** The signer: always the person signed in on this screen. */
  person?: { id: string; name: string };
  noteLabel?: string;
  onSubmit: (value: PinSubmit) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation('common');
  const { t: tAuth } = useTranslation('auth');
  const [form] = Form.useForm<{ pin: string; note?: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pinRef = useRef<InputRef>(null);

  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    setError(null);
    setTimeout(() => pinRef.current?.focus(), 50);
  }, [props.open, form]);

  const inFlight = useRef(false);
  const submit = async () => {
    const values = form.getFieldsValue();
    const userId = props.person?.id;
    if (!userId || !values.pin || inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit({ userId, pin: values.pin, note: values.note ?? '' });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
      form.setFieldValue('pin', '');
      pinRef.current?.focus();
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText}
      cancelText={t('actions.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={props.onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'pin-modal-ok' }}
    >
      <Typography.Paragraph type="secondary">{props.hint}</Typography.Paragraph>
      <Form form={form} layout="vertical" data-testid="pin-modal">
        {props.person && (
          <Typography.Text strong style={{ display: 'block', marginBottom: 8, fontSize: 16 }}>
            {props.person.name}
          </Typography.Text>
        )}
        <Form.Item name="pin" label={tAuth('signIn.pin')}>
          <Input.Password ref={pinRef} inputMode="numeric" autoComplete="off" maxLength={8} size="large" onPressEnter={() => void submit()} data-testid="pin-modal-pin" />
        </Form.Item>
        {props.noteLabel && (
          <Form.Item name="note" label={props.noteLabel}>
            <Input maxLength={300} data-testid="pin-modal-note" />
          </Form.Item>
        )}
        {error && <Alert type="error" showIcon message={error} data-testid="pin-modal-error" />}
      </Form>
    </Modal>
  );
}
