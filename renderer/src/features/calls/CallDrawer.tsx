// One call in the log: what the ring timer measured, the script, the record (correctable), the links.
import { useEffect, useState } from 'react';
import { App, Button, Descriptions, Drawer, Form, Space, Tag } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { showServerErrors } from '../../ui/forms';
import { SCRIPT_STEPS, type Call } from '../../../../shared/contract/calls';
import { CallRecordForm, recordValuesOf, saveInputOf, type CallRecordValues } from './CallRecordForm';
import { LinkActions } from './LinkActions';
import { callLinks, type CallLinkKind } from './links';
import { dateTime, secondsText } from './format';
import { StatusTag } from './StatusTag';

export function CallDrawer(props: { call: Call | null; timeZone: string; onClose(): void; onChanged(call: Call): void }) {
  const { t } = useTranslation('calls');
  const { t: tc } = useTranslation('common');
  const { message } = App.useApp();
  const [form] = Form.useForm<CallRecordValues>();
  const [editing, setEditing] = useState(false);
  const call = props.call;

  useEffect(() => {
    setEditing(false);
    if (call) form.setFieldsValue(recordValuesOf(call));
  }, [call, form]);

  if (!call) return null;
  const answered = call.answeredAt !== null;

  const save = async () => {
    try {
      const values = await form.validateFields();
      const saved = await api.calls.save(saveInputOf(call.id, values));
      void message.success(t('record.saved'));
      setEditing(false);
      props.onChanged(saved);
    } catch (e) {
      if (!(e && typeof e === 'object' && 'errorFields' in e)) void message.error(showServerErrors(form, e));
    }
  };

  const link = (kind: CallLinkKind) => callLinks[kind].open(call, props.onChanged);

  const at = (ms: number | null) => (ms === null ? t('figures.none') : dateTime(ms, props.timeZone));

  return (
    <Drawer open title={t('log.detail')} width={640} onClose={props.onClose} destroyOnHidden data-testid="call-drawer">
      <Descriptions column={2} size="small" bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('log.status')} span={2}>
          <StatusTag call={call} />
          {call.endReason && call.status !== 'completed' && <Tag>{t(`endReason.${call.endReason}`)}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('log.ringStarted')}>{at(call.ringStartedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('log.line')}>{t('ring.line', { line: call.line })}</Descriptions.Item>
        <Descriptions.Item label={t('log.answeredAt')}>{at(call.answeredAt)}</Descriptions.Item>
        <Descriptions.Item label={t('log.latency')}>
          {answered ? (
            <Space>
              {t('figures.seconds', { value: secondsText(call.answerLatencyMs ?? 0) })}
              {t('ring.ringNo', { ring: call.ringsAtAnswer ?? 1 })}
              <Tag color={call.withinTarget ? 'green' : 'red'}>{call.withinTarget ? t('call.within') : t('call.notWithin')}</Tag>
            </Space>
          ) : (
            t('figures.none')
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('log.endedAt')}>{at(call.endedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('log.source')}>{t(`ring.source.${call.source}`)}</Descriptions.Item>
        <Descriptions.Item label={t('log.answeredBy')}>{call.answeredBy?.name ?? t('figures.none')}</Descriptions.Item>
        <Descriptions.Item label={t('log.savedBy')}>{call.savedBy?.name ?? t('figures.none')}</Descriptions.Item>
        {answered && (
          <Descriptions.Item label={t('script.title')} span={2}>
            <Space wrap size={[12, 4]} data-testid="call-drawer-script">
              {SCRIPT_STEPS.map((step) =>
                call.scriptSteps.includes(step) ? (
                  <span key={step} style={{ color: '#389e0d' }}>
                    <CheckOutlined /> {t(`script.steps.${step}`)}
                  </span>
                ) : (
                  <span key={step} style={{ color: '#bfbfbf' }}>
                    <CloseOutlined /> {t(`script.steps.${step}`)}
                  </span>
                ),
              )}
            </Space>
          </Descriptions.Item>
        )}
        {call.confidentialityAsked && (
          <Descriptions.Item label={t('guard.title')} span={2}>
            {t('log.confidentiality')}
          </Descriptions.Item>
        )}
      </Descriptions>

      <div style={{ marginTop: 16 }}>
        {call.status === 'ringing' ? null : editing || call.status === 'answered' ? (
          <CallRecordForm
            form={form}
            call={call}
            onSubmit={() => void save()}
            testId="call-drawer-form"
            footer={
              <Space>
                <Button type="primary" htmlType="submit" data-testid="call-drawer-save">
                  {tc('actions.save')}
                </Button>
                {call.status !== 'answered' && <Button onClick={() => setEditing(false)}>{tc('actions.cancel')}</Button>}
              </Space>
            }
          />
        ) : (
          <>
            <Descriptions column={1} size="small" bordered styles={{ label: { whiteSpace: 'nowrap', width: 140 } }}>
              <Descriptions.Item label={t('record.callerName')}>{call.callerName || t('figures.none')}</Descriptions.Item>
              <Descriptions.Item label={t('record.callerNumber')}>{call.callerNumber || t('figures.none')}</Descriptions.Item>
              <Descriptions.Item label={t('record.unit')}>
                {call.unit || t('figures.none')}
                {call.tenantName && (
                  <Tag color="blue" style={{ marginInlineStart: 8 }} data-testid="call-drawer-tenant">
                    {call.tenantName}
                  </Tag>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('record.topic')}>{call.topic || t('figures.none')}</Descriptions.Item>
              <Descriptions.Item label={t('record.note')}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{call.note || t('figures.none')}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('record.outcome')}>{call.outcome ? t(`record.outcomes.${call.outcome}`) : t('figures.none')}</Descriptions.Item>
            </Descriptions>
            <Space style={{ marginTop: 12 }} wrap>
              <Button onClick={() => setEditing(true)} data-testid="call-drawer-edit">
                {call.status === 'completed' ? t('log.edit') : t('log.fill')}
              </Button>
              <LinkActions call={call} onLink={link} />
            </Space>
          </>
        )}
      </div>
    </Drawer>
  );
}
