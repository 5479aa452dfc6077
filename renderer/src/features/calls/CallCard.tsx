// An answered call on the lobby (P-2 … P-4): latency, the script, the record form, the guard and the links.
import { forwardRef, useImperativeHandle, useState } from 'react';
import { App, Button, Card, Col, Flex, Form, Row, Space, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { CALL_TO_CALLBACK, SCRIPT_STEPS, SaveCallInput, type Call, type ScriptStep } from '../../../../shared/contract/calls';
import { api } from '../../api/client';
import { useBuilding } from '../../ui/use-building';
import { formatTime } from '../../../../shared/rules/time';
import { showServerErrors } from '../../ui/forms';
import { useSession } from '../auth';
import { unitOf } from '../directory';
import { usePhone } from './calls-store';
import { CallScript } from './CallScript';
import { CallRecordForm, saveInputOf, type CallRecordValues } from './CallRecordForm';
import { GuardModal, type TakenMessage } from './GuardModal';
import { LinkActions } from './LinkActions';
import { callLinks, type CallLinkKind } from './links';
import { secondsText } from './format';
import { CallerFile } from './CallerFile';
import { DESK_KEYS } from '../../../../shared/rules/accelerator';
import { useFormDraft } from '../../ui/drafts';

export interface CallCardHandle {
  tick(index: number): void;
  openGuard(): void;
}

export const CallCard = forwardRef<CallCardHandle, { call: Call; postName: string; postNameEn: string; focus: boolean }>(function CallCard(props, ref) {
  const { call } = props;
  const { t } = useTranslation('calls');
  const timeZone = useBuilding((s) => s.timeZone);
  const { message } = App.useApp();
  const tick = usePhone((s) => s.tick);
  const guard = usePhone((s) => s.guard);
  const save = usePhone((s) => s.save);
  const replace = usePhone((s) => s.replace);
  const role = useSession((s) => s.user?.role);
  const canCallback = role !== undefined && CALL_TO_CALLBACK.includes(role);
  const [form] = Form.useForm<CallRecordValues>();
  const userId = useSession((s) => s.user?.id);
  // What is typed during the call survives the lock, a reload and a crashed screen.
  const draft = useFormDraft(form, userId, `call:${call.id}`);
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
      draft.clear();
      void message.success(t('record.saved'));
      return saved;
    } catch (e) {
      if (!(e && typeof e === 'object' && 'errorFields' in e)) void message.error(showServerErrors(form, e));
      return null;
    } finally {
      setBusy(false);
    }
  };

  /**
   * A record item: the form opens pre-filled from what is typed, and the call's record is saved with the item, in
   * one transaction, only when the item is saved — a cancelled form leaves the call as it was (P-3). A callback is
   * made from a saved call: the record is saved first.
   */
  const link = async (kind: CallLinkKind) => {
    if (kind === 'toRecord') {
      let values: CallRecordValues;
      try {
        values = await form.validateFields();
      } catch {
        return;
      }
      const { id: _id, ...record } = saveInputOf(call.id, values);
      // As the core will store it (a number without its spaces): what the item's form is pre-filled with.
      const parsed = SaveCallInput.safeParse(saveInputOf(call.id, values));
      const number = parsed.success ? parsed.data.callerNumber : record.callerNumber;
      const typed: Call = { ...call, ...record, callerNumber: number ?? '', tenantId: values.tenantId ?? null, tenantName: values.tenantName ?? null };
      callLinks.toRecord.open(typed, (linked) => replace(linked), { ...record, scriptSteps: call.scriptSteps });
      return;
    }
    const saved = await submit();
    if (saved) callLinks[kind].open(saved);
  };

  /** The guard's message: a callback to the tenant now (desk roles), and the call record filled in. */
  const takeMessage = async (values: TakenMessage) => {
    if (canCallback) {
      const { call: linked, callback } = await api.calls.toCallback({
        callId: call.id,
        draft: { kind: 'message', tenantId: values.tenantId, callerName: values.callerName, callerPhone: values.callerPhone, message: values.message },
      });
      replace(linked);
      void message.success(t('guard.callbackOpened', { tenant: callback.tenant?.displayName ?? '', time: formatTime(callback.dueAt, timeZone) }));
    }
    form.setFieldsValue({
      unit: values.tenant ? unitOf(values.tenant) : form.getFieldValue('unit'),
      tenantId: values.tenantId,
      tenantName: values.tenant?.displayName ?? null,
      callerName: values.callerName,
      callerNumber: values.callerPhone,
      topic: t('guard.topic'),
      note: values.message,
      outcome: 'messageTaken',
    });
    draft.keep();
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
        {call.callerNumber && (
          <Col span={24}>
            <CallerFile callId={call.id} />
          </Col>
        )}
        <Col span={24}>
          <CallScript call={call} postName={props.postName} postNameEn={props.postNameEn} onTick={onTick} />
        </Col>
        <Col span={24} style={{ marginTop: 8 }}>
          <CallRecordForm
            form={form}
            call={call}
            autoFocus={props.focus}
            onSubmit={() => void submit()}
            onValuesChange={draft.keep}
            footer={
              <Flex justify="space-between" wrap gap={8}>
                <Space wrap>
                  <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={busy} data-testid="call-save">
                    {t('record.save')} <kbd style={{ marginInlineStart: 4 }}>Ctrl+Enter</kbd>
                  </Button>
                  <Button icon={<SafetyCertificateOutlined />} onClick={openGuard} data-testid="call-guard">
                    {t('guard.button')} <kbd style={{ marginInlineStart: 4 }}>{DESK_KEYS.guard}</kbd>
                  </Button>
                </Space>
                <LinkActions call={call} busy={busy} onLink={(kind) => void link(kind)} />
              </Flex>
            }
          />
        </Col>
      </Row>
      <GuardModal open={guardOpen} hasCall canCallback={canCallback} onClose={() => setGuardOpen(false)} onTakeMessage={takeMessage} />
    </Card>
  );
});
