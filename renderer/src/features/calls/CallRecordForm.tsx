// The call record (P-3): caller, number, unit, topic, note, outcome. Validated with the contract's own schema;
// Enter in a single-line field or Ctrl+Enter anywhere saves.
import type { ReactNode } from 'react';
import { AutoComplete, Col, Form, Input, Radio, Row, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { CALL_OUTCOMES, SaveCallInput, type Call, type CallOutcome } from '../../../../shared/contract/calls';
import { zodRule } from '../../ui/forms';
import { TenantUnitField } from '../directory';

export interface CallRecordValues {
  callerName: string;
  callerNumber: string;
  unit: string;
  /** The tenant chosen from the directory's suggestions (kept with the call), and its name for the label. */
  tenantId: string | null;
  tenantName: string | null;
  topic: string;
  note: string;
  outcome: CallOutcome | undefined;
}

export function recordValuesOf(call: Call): CallRecordValues {
  return {
    callerName: call.callerName,
    callerNumber: call.callerNumber,
    unit: call.unit,
    tenantId: call.tenantId,
    tenantName: call.tenantName,
    topic: call.topic,
    note: call.note,
    outcome: call.outcome ?? undefined,
  };
}

/** What the form holds, in the contract's shape (an empty number is "no number"). */
export function saveInputOf(id: string, values: CallRecordValues): Omit<SaveCallInput, 'scriptSteps'> {
  return {
    id,
    callerName: values.callerName ?? '',
    callerNumber: values.callerNumber ? values.callerNumber : null,
    unit: values.unit ?? '',
    tenantId: values.tenantId ?? null,
    topic: values.topic ?? '',
    note: values.note ?? '',
    outcome: values.outcome as CallOutcome,
  };
}

const shape = SaveCallInput.shape;

/** The unit field, with the directory's tenant once one is chosen. */
/** The desk's forms are dense: the record must fit beside the script without scrolling. */
const ITEM = { marginBottom: 10 };

export function CallRecordForm(props: {
  form: FormInstance<CallRecordValues>;
  call: Call;
  onSubmit(): void;
  autoFocus?: boolean;
  footer?: ReactNode;
  testId?: string;
  /** Every change (the desk keeps it as a draft, X-2). */
  onValuesChange?(): void;
}) {
  const { t } = useTranslation('calls');
  const topics = t('record.topics', { returnObjects: true }) as string[];
  return (
    <Form
      form={props.form}
      layout="vertical"
      initialValues={recordValuesOf(props.call)}
      onFinish={props.onSubmit}
      onValuesChange={() => props.onValuesChange?.()}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          props.form.submit();
        }
      }}
      data-testid={props.testId ?? 'call-record-form'}
      requiredMark={false}
    >
      <Row gutter={12}>
        <Col span={7}>
          <Form.Item style={ITEM} name="callerName" label={t('record.callerName')} rules={[zodRule(shape.callerName)]}>
            <Input placeholder={t('record.callerNamePlaceholder')} autoFocus={props.autoFocus} data-testid="call-caller-name" />
          </Form.Item>
        </Col>
        <Col span={7}>
          <Form.Item style={ITEM} name="callerNumber" label={t('record.callerNumber')} rules={[zodRule(shape.callerNumber)]}>
            <Input inputMode="tel" data-testid="call-caller-number" />
          </Form.Item>
        </Col>
        <Col span={10}>
          <TenantUnitField
            form={props.form}
            style={ITEM}
            label={t('record.unit')}
            rules={[zodRule(shape.unit)]}
            placeholder={t('record.unitPlaceholder')}
            testId="call-unit"
            tenantTestId="call-tenant"
            onPicked={() => props.onValuesChange?.()}
          />
        </Col>
      </Row>
      <Form.Item style={ITEM} name="topic" label={t('record.topic')} rules={[zodRule(shape.topic)]}>
        {/* The suggestions narrow as the topic is typed: a topic of its own closes them, so they never lie over
            the outcome buttons below (the lobby's act-now column stacks the form). */}
        <AutoComplete options={topics.map((v) => ({ value: v }))} filterOption={(typed, option) => String(option?.value ?? '').includes(typed.trim())}>
          <Input data-testid="call-topic" />
        </AutoComplete>
      </Form.Item>
      <Form.Item style={ITEM} name="note" label={t('record.note')} rules={[zodRule(shape.note)]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('record.notePlaceholder')} data-testid="call-note" />
      </Form.Item>
      <Form.Item style={ITEM} name="outcome" label={t('record.outcome')} rules={[zodRule(shape.outcome)]}>
        <Radio.Group optionType="button" size="small" data-testid="call-outcome">
          {CALL_OUTCOMES.map((o) => (
            <Radio.Button key={o} value={o}>
              <span data-testid={`call-outcome-${o}`}>{t(`record.outcomes.${o}`)}</span>
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      {props.footer}
    </Form>
  );
}
