// A sign-off that means something: what it covers first (how many, which), an optional comment, and the
// signer's own PIN entered again — checked in the core under the sign-in guard, so a wrong one is counted.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Form, Input, Modal, Typography, type InputRef } from 'antd';
import { useTranslation } from 'react-i18next';

export interface SignOff {
  comment: string;
  pin: string;
}

export function SignOffModal(props: {
  open: boolean;
  title: string;
  /** What the sign-off covers, shown before anything is asked. */
  covers: ReactNode;
  okText: string;
  commentMax: number;
  initialComment?: string;
  onSubmit(value: SignOff): Promise<void>;
  onClose(): void;
}) {
  const { t } = useTranslation('records');
  const [form] = Form.useForm<{ comment?: string; pin?: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pinRef = useRef<InputRef>(null);

  useEffect(() => {
    if (!props.open) return;
    form.setFieldsValue({ comment: props.initialComment ?? '', pin: '' });
    setError(null);
    setTimeout(() => pinRef.current?.focus(), 50);
  }, [props.open, props.initialComment, form]);

  const submit = async () => {
    const values = form.getFieldsValue();
    if (!values.pin || busy) return;
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit({ comment: values.comment ?? '', pin: values.pin });
    } catch (e) {
      setError((e as Error).message);
      form.setFieldValue('pin', '');
      pinRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText}
      onOk={() => void submit()}
      okButtonProps={{ loading: busy, 'data-testid': 'signoff-ok' } as never}
      onCancel={props.onClose}
      destroyOnHidden
      maskClosable={false}
    >
      <div data-testid="signoff-covers" style={{ marginBottom: 12 }}>
        {props.covers}
      </div>
      <Form form={form} layout="vertical" onFinish={() => void submit()} data-testid="signoff-form">
        <Form.Item name="comment" label={t('signOff.comment')}>
          <Input maxLength={props.commentMax} data-testid="signoff-comment" />
        </Form.Item>
        <Form.Item name="pin" label={t('signOff.pin')} extra={<Typography.Text type="secondary">{t('signOff.pinHint')}</Typography.Text>}>
          <Input.Password ref={pinRef} inputMode="numeric" autoComplete="off" maxLength={12} data-testid="signoff-pin" onPressEnter={() => void submit()} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} data-testid="signoff-error" />}
    </Modal>
  );
}
