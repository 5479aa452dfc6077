// An answered call on the lobby (P-2 … P-4): latency, the script, the record form, the guard and the links.
import { forwardRef, useImperativeHandle, useState } from 'react';
import { App, Button, Card, Col, Flex, Form, Row, Space, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { SCRIPT_STEPS, type Call, type ScriptStep } from '../../../../shared/contract/calls';
import { showServerErrors } from '../../app/forms';
import { usePhone } from './calls-store';
import { CallScript } from './CallScript';
import { CallRecordForm, saveInputOf, type CallRecordValues } from './CallRecordForm';
import { GuardModal, type TakenMessage } from './GuardModal';
import { LinkActions } from './LinkActions';
import { callLinks, type CallLinkKind } from './links';
import { secondsText } from './format';

export interface CallCardHandle {
  tick(index: number): void;
  openGuard(): void;
}

export const CallCard = forwardRef<CallCardHandle, { call: Call; postName: string; postNameEn: string; focus: boolean }>(function CallCard(props, ref) {
  const { call } = props;
  const { t } = useTranslation('calls');
  const { message } = App.useApp();
  const tick = usePhone((s) => s.tick);
  const guard = usePhone((s) => s.guard);
  const save = usePhone((s) => s.save);
  const [form] = Form.useForm<CallRecordValues>();
  const [guardOpen, setGuardOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  const onTick = (step: ScriptStep, done: boolean) => {
    tick(call.id, step, done).catch((e: Error) => void message.error(e.message));
  };

  const openGuard = () => {
    setGuardOpen(true);
    guard(call.id).catch((e: Error) => void message.error(e.message));
  };

  useImperativeHandle(ref, () => ({
    tick: (index) => {
      const step = SCRIPT_STEPS[index];
      if (step) onTick(step, !call.scriptSteps.includes(step));
    },
    openGuard,
  }));

  /** Saves the record; returns the saved call, or null when the form or the server refused it. */
  const submit = async (): Promise<Call | null> => {
    setBusy(true);
    try {
      const values = await form.validateFields();
      const saved = await save({ ...saveInputOf(call.id, values), scriptSteps: call.scriptSteps });
      void message.success(t('record.saved'));
      return saved;
    } catch (e) {
      if (!(e && typeof e === 'object' && 'errorFields' in e)) void message.error(showServerErrors(form, e));
      return null;
    } finally {
      setBusy(false);
    }
  };

  const link = async (kind: CallLinkKind) => {
    const run = callLinks[kind];
    if (!run) return;
    const saved = await submit();
    if (saved) await run(saved).catch((e: Error) => void message.error(e.message));
  };

  const takeMessage = (values: TakenMessage) => {
    form.setFieldsValue({
      unit: values.forWhom,
      callerName: values.callerName,
      callerNumber: values.callerNumber,
      topic: t('guard.topic'),
      note: values.message,
      outcome: 'messageTaken',
    });
    setGuardOpen(false);
  };

  return (
    <Card
      size="small"
      data-testid={`call-card-${call.line}`}
      title={
        <Space wrap>
          <Typography.Text strong>{t('call.title', { line: call.line })}</Typography.Text>
          <Typography.Text type="secondary" data-testid="call-latency">
            {t('call.latency', { seconds: secondsText(call.answerLatencyMs ?? 0), ring: call.ringsAtAnswer ?? 1 })}
          </Typography.Text>
          <Tag color={call.withinTarget ? 'green' : 'red'} data-testid="call-within-target">
            {call.withinTarget ? t('call.within') : t('call.notWithin')}
          </Tag>
          {call.confidentialityAsked && <SafetyCertificateOutlined style={{ color: '#fa8c16' }} />}
        </Space>
      }
    >
      <Row gutter={16}>
        <Col span={24}>
          <CallScript call={call} postName={props.postName} postNameEn={props.postNameEn} onTick={onTick} />
        </Col>
        <Col span={24} style={{ marginTop: 8 }}>
          <CallRecordForm
            form={form}
            call={call}
            autoFocus={props.focus}
            onSubmit={() => void submit()}
            footer={
              <Flex justify="space-between" wrap gap={8}>
                <Space wrap>
                  <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={busy} data-testid="call-save">
                    {t('record.save')} <kbd style={{ marginInlineStart: 4 }}>Ctrl+Enter</kbd>
                  </Button>
                  <Button icon={<SafetyCertificateOutlined />} onClick={openGuard} data-testid="call-guard">
                    {t('guard.button')} <kbd style={{ marginInlineStart: 4 }}>F4</kbd>
                  </Button>
                </Space>
                <LinkActions call={call} busy={busy} onLink={(kind) => void link(kind)} />
              </Flex>
            }
          />
        </Col>
      </Row>
      <GuardModal open={guardOpen} hasCall onClose={() => setGuardOpen(false)} onTakeMessage={takeMessage} />
    </Card>
  );
});
