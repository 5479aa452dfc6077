// Quick entry of a reception-record item (R-1, R-2, R-7): keyboard-first — the owner's name has the focus, Enter
// saves from any line, Ctrl+Enter from the matter. Opened from a call (P-3) it starts pre-filled from the call,
// channel phone, and saves through `calls.toRecord`, which links the item and the call both ways.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Col, DatePicker, Form, Input, Modal, Radio, Row, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { showServerErrors, zodRule } from '../../ui/forms';
import { CHANNELS, ITEM_TYPES, RecordDraft, type Channel, type ItemType } from '../../../../shared/contract/records';
import type { CallRecordDraft } from '../../../../shared/contract/calls';
import { TenantUnitField } from '../directory';
import { useSession } from '../auth';
import { clearDraft, readDraft, writeDraft } from '../../ui/drafts';
import dayjs from 'dayjs';
import { at } from './format';
import { useRecords, type NewRecordOptions } from './store';

interface FormValues {
  channel: Channel;
  relayedBy?: string;
  type: ItemType;
  ownerName: string;
  ownerPhone?: string;
  unit?: string;
  tenantId?: string | null;
  tenantName?: string | null;
  matter: string;
  department?: string;
  aboutStaffId?: string;
  repairLocation?: string;
  repairAppointment?: Dayjs;
}

const shape = RecordDraft.shape;

function initialValues(from: NewRecordOptions): Partial<FormValues> {
  const prefill = from.prefill ?? {};
  return {
    channel: from.fromCall ? 'phone' : 'walk_in',
    type: prefill.type ?? 'inquiry',
    ownerName: prefill.ownerName || undefined,
    ownerPhone: prefill.ownerPhone || undefined,
    unit: prefill.unit || undefined,
    tenantId: prefill.tenantId ?? null,
    tenantName: prefill.tenantName ?? null,
    matter: prefill.matter || undefined,
  };
}

/** The unit field, with the owner's tenant from the directory once chosen (filling the owner's name if empty). */
export function NewRecordModal() {
  const { t } = useTranslation('records');
  const { t: tc } = useTranslation('common');
  const { message } = App.useApp();
  const open = useRecords((s) => s.newOpen);
  const from = useRecords((s) => s.newFrom);
  const timeZone = useRecords((s) => s.timeZone);
  const close = useRecords((s) => s.closeNew);
  const setDetail = useRecords((s) => s.setDetail);
  const settings = useRecords((s) => s.settings);
  const staff = useRecords((s) => s.staff);
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const channel = Form.useWatch('channel', form);
  const type = Form.useWatch('type', form);

  const userId = useSession((s) => s.user?.id);
  const draftName = from.fromCall ? `record:call:${from.fromCall.id}` : 'record:new';
  /** What is typed is kept until saved or cancelled (X-2); the appointment as epoch milliseconds. */
  const keep = () => {
    if (!userId) return;
    const v = form.getFieldsValue(true) as Partial<FormValues>;
    writeDraft(userId, draftName, { ...v, repairAppointment: v.repairAppointment ? v.repairAppointment.valueOf() : null });
  };
  const discard = () => {
    if (userId) clearDraft(userId, draftName);
    close();
  };

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
      const kept = userId ? readDraft<Omit<FormValues, 'repairAppointment'> & { repairAppointment: number | null }>(userId, draftName) : null;
      if (kept) {
        const { repairAppointment, ...rest } = kept;
        form.setFieldsValue({ ...rest, ...(typeof repairAppointment === 'number' ? { repairAppointment: dayjs(repairAppointment) } : {}) });
      }
    }
  }, [open, form, userId, draftName]);

  const save = async (values: FormValues) => {
    setError(null);
    setSaving(true);
    const draft: CallRecordDraft = {
      type: values.type,
      ownerName: values.ownerName,
      ownerPhone: values.ownerPhone || null,
      unit: values.unit ?? '',
      tenantId: values.tenantId ?? null,
      matter: values.matter,
      department: values.department || null,
      aboutStaffId: values.type === 'complaint' ? values.aboutStaffId || null : null,
      ...(values.type === 'repair' && (values.repairLocation || values.repairAppointment)
        ? { repair: { location: values.repairLocation ?? '', appointmentAt: values.repairAppointment?.valueOf() ?? null } }
        : {}),
    };
    try {
      let detail;
      if (from.fromCall) {
        const linked = await api.calls.toRecord({ callId: from.fromCall.id, draft, ...(from.saveCall ? { save: from.saveCall } : {}) });
        from.onLinked?.(linked.call);
        detail = linked.record;
      } else {
        detail = await api.records.create({ ...draft, channel: values.channel, relayedBy: values.channel === 'relayed' ? values.relayedBy || null : null });
      }
      void message.success(t('created', { number: detail.number }));
      if (userId) clearDraft(userId, draftName);
      close();
      setDetail(detail);
    } catch (e) {
      setError(showServerErrors(form, e, { under: from.fromCall ? 'draft' : undefined }));
    } finally {
      setSaving(false);
    }
  };

  const required = { required: true, message: t('errors:field.required') };

  return (
    <Modal open={open} title={from.fromCall ? t('fromCall.title') : t('newItem')} onCancel={discard} footer={null} width={760} destroyOnHidden maskClosable={false}>
      {from.fromCall && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="record-from-call"
          message={t('fromCall.source', {
            time: at(from.fromCall.answeredAt ?? from.fromCall.ringStartedAt, timeZone),
            caller: [from.fromCall.callerName, from.fromCall.callerNumber].filter(Boolean).join(' ') || t('fromCall.unknownCaller'),
          })}
          description={t('fromCall.linked')}
        />
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues(from)}
        onFinish={(v) => void save(v)}
        onValuesChange={keep}
        data-testid="record-form"
        requiredMark={false}
      >
        <Form.Item name="channel" label={t('fields.channel')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            disabled={from.fromCall !== undefined}
            options={CHANNELS.map((c) => ({ value: c, label: <span data-testid={`record-channel-${c}`}>{t(`channel.${c}`)}</span> }))}
          />
        </Form.Item>
        {channel === 'relayed' && (
          <Form.Item name="relayedBy" label={t('fields.relayedBy')} rules={[{ ...required }, zodRule(shape.relayedBy)]}>
            <Input data-testid="record-relayed-by" />
          </Form.Item>
        )}
        <Form.Item name="type" label={t('fields.type')}>
          <Radio.Group optionType="button" buttonStyle="solid" options={ITEM_TYPES.map((c) => ({ value: c, label: <span data-testid={`record-type-${c}`}>{t(`type.${c}`)}</span> }))} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="ownerName" label={t('fields.ownerName')} rules={[required, zodRule(shape.ownerName)]}>
              <Input autoFocus data-testid="record-owner-name" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="ownerPhone" label={t('fields.ownerPhone')} rules={[zodRule(shape.ownerPhone)]}>
              <Input inputMode="tel" data-testid="record-owner-phone" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <TenantUnitField
              form={form}
              label={t('fields.unit')}
              rules={[zodRule(shape.unit)]}
              testId="record-unit"
              tenantTestId="record-tenant"
              // The owner's name from the tenant when none was typed.
              alsoFrom={(tenant) => (form.getFieldValue('ownerName') ? {} : { ownerName: tenant.name })}
              onPicked={keep}
            />
          </Col>
        </Row>
        <Form.Item name="matter" label={t('fields.matter')} rules={[required, zodRule(shape.matter)]}>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            data-testid="record-matter"
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) form.submit();
            }}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="department" label={t('fields.department')}>
              <Select allowClear options={(settings?.departments ?? []).map((d) => ({ value: d, label: d }))} data-testid="record-department" />
            </Form.Item>
          </Col>
          {type === 'complaint' && (
            <Col span={12}>
              <Form.Item name="aboutStaffId" label={t('fields.aboutStaff')}>
                <Select
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  options={staff.map((p) => ({ value: p.id, label: `${p.name}${p.department ? ` · ${p.department}` : ''}` }))}
                  data-testid="record-about-staff"
                />
              </Form.Item>
            </Col>
          )}
        </Row>
        {type === 'repair' && (
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="repairLocation" label={t('repair.location')}>
                <Input data-testid="record-repair-location" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="repairAppointment" label={t('repair.appointmentAt')}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        )}
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={discard}>{tc('actions.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="record-submit">
            {tc('actions.save')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
