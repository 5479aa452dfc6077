// One small form per thing that can be done to an item: a note, the department's progress, a reply, forwarding,
// the result, closing as unresolvable, the follow-up visit, repair details, corrections, the audit.
import { useState } from 'react';
import { Alert, App, Button, Col, DatePicker, Form, Input, Modal, Radio, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { showServerErrors, zodRule } from '../../ui/forms';
import { records as recordsContract, type RecordAction, type RecordDetail } from '../../../../shared/contract/records';
import { useRecords } from './store';

type Values = Record<string, unknown> & { text?: string; department?: string; result?: string; note?: string };

const c = recordsContract;
const textShape = c.addNote.input.shape.text;

function orNull<T>(value: T | undefined | ''): T | null {
  return value === undefined || value === '' ? null : value;
}

/** Turns the form's values into the method call for the action; returns the new state of the item (or null). */
async function perform(action: RecordAction, item: RecordDetail, v: Values): Promise<RecordDetail | null> {
  const id = item.id;
  switch (action) {
    case 'note':
    case 'progress':
    case 'reply':
      return api.records.addNote({ id, kind: action, text: String(v.text ?? '') });
    case 'forward':
      return api.records.forward({ id, department: String(v.department ?? ''), note: String(v.note ?? '') });
    case 'resolve':
      return api.records.resolve({ id, result: String(v.text ?? '') });
    case 'unresolvable':
      return api.records.closeUnresolvable({ id, reason: String(v.text ?? '') });
    case 'followUp':
      return api.records.followUp({ id, result: v.result === 'unsatisfied' ? 'unsatisfied' : 'satisfied', note: String(v.note ?? '') });
    case 'repair':
      return api.records.updateRepair({
        id,
        location: String(v.location ?? ''),
        worker: String(v.worker ?? ''),
        materials: String(v.materials ?? ''),
        appointmentAt: (v.appointmentAt as Dayjs | undefined)?.valueOf() ?? null,
        completedAt: (v.completedAt as Dayjs | undefined)?.valueOf() ?? null,
      });
    case 'edit':
      return api.records.update({
        id,
        ownerName: String(v.ownerName ?? ''),
        ownerPhone: orNull(v.ownerPhone as string | undefined),
        unit: String(v.unit ?? ''),
        matter: String(v.matter ?? ''),
        ...(item.channel === 'relayed' ? { relayedBy: orNull(v.relayedBy as string | undefined) } : {}),
        ...(item.type === 'complaint' ? { aboutStaffId: orNull(v.aboutStaffId as string | undefined) } : {}),
      });
    case 'audit':
      await api.records.auditItems({ ids: [id], comment: String(v.comment ?? ''), pin: String(v.pin ?? '') });
      return null;
  }
}

function initialValues(action: RecordAction, item: RecordDetail): Values {
  switch (action) {
    case 'followUp':
      return { result: 'satisfied' };
    case 'repair':
      return {
        location: item.repair.location ?? '',
        worker: item.repair.worker ?? '',
        materials: item.repair.materials ?? '',
        appointmentAt: item.repair.appointmentAt ? dayjs(item.repair.appointmentAt) : undefined,
        completedAt: item.repair.completedAt ? dayjs(item.repair.completedAt) : undefined,
      };
    case 'edit':
      return {
        ownerName: item.ownerName,
        ownerPhone: item.ownerPhone ?? '',
        unit: item.unit ?? '',
        matter: item.matter,
        relayedBy: item.relayedBy ?? '',
        aboutStaffId: item.aboutStaffId ?? undefined,
      };
    default:
      return {};
  }
}

export function ActionModal({ action, item, onClose }: { action: RecordAction; item: RecordDetail; onClose(): void }) {
  const { t } = useTranslation('records');
  const { t: tc } = useTranslation('common');
  const { message } = App.useApp();
  const settings = useRecords((s) => s.settings);
  const staff = useRecords((s) => s.staff);
  const setDetail = useRecords((s) => s.setDetail);
  const reloadDetail = useRecords((s) => s.reloadDetail);
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const followUpResult = Form.useWatch('result', form);
  const required = { required: true, message: t('errors:field.required') };

  const submit = async (values: Values) => {
    setError(null);
    setSaving(true);
    try {
      const next = await perform(action, item, values);
      if (next) setDetail(next);
      else await reloadDetail();
      void message.success(t('saved'));
      onClose();
    } catch (e) {
      setError(showServerErrors(form, e));
    } finally {
      setSaving(false);
    }
  };

  const textArea = (name: string, label: string, rules: object[]) => (
    <Form.Item name={name} label={label} rules={rules}>
      <Input.TextArea
        autoFocus
        autoSize={{ minRows: 3, maxRows: 10 }}
        data-testid="action-text"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) form.submit();
        }}
      />
    </Form.Item>
  );

  const fields = () => {
    switch (action) {
      case 'note':
      case 'progress':
      case 'reply':
        return textArea('text', t('actionForm.text'), [required, zodRule(textShape)]);
      case 'resolve':
        return textArea('text', t('actionForm.result'), [required, zodRule(c.resolve.input.shape.result)]);
      case 'unresolvable':
        return textArea('text', t('actionForm.reason'), [required, zodRule(c.closeUnresolvable.input.shape.reason)]);
      case 'forward':
        return (
          <>
            <Form.Item name="department" label={t('fields.department')} rules={[required]}>
              <Select
                autoFocus
                options={(settings?.departments ?? []).filter((d) => d !== item.department).map((d) => ({ value: d, label: d }))}
                data-testid="action-department"
              />
            </Form.Item>
            <Form.Item name="note" label={t('actionForm.note')} rules={[zodRule(c.forward.input.shape.note)]}>
              <Input.TextArea autoSize={{ minRows: 2 }} data-testid="action-note" />
            </Form.Item>
          </>
        );
      case 'followUp':
        return (
          <>
            <Form.Item name="result" label={t('actionForm.followUpResult')}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={(['satisfied', 'unsatisfied'] as const).map((r) => ({ value: r, label: <span data-testid={`action-result-${r}`}>{t(`trail.${r}`)}</span> }))}
              />
            </Form.Item>
            {textArea('note', t('actionForm.note'), followUpResult === 'unsatisfied' ? [{ required: true, message: t('followUp.noteRequired') }] : [])}
          </>
        );
      case 'repair':
        return (
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="location" label={t('repair.location')}>
                <Input autoFocus />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="worker" label={t('repair.worker')}>
                <Input data-testid="action-worker" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="appointmentAt" label={t('repair.appointmentAt')}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="completedAt" label={t('repair.completedAt')}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="materials" label={t('repair.materials')}>
                <Input.TextArea autoSize={{ minRows: 2 }} />
              </Form.Item>
            </Col>
          </Row>
        );
      case 'edit':
        return (
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item name="ownerName" label={t('fields.ownerName')} rules={[required, zodRule(c.update.input.shape.ownerName)]}>
                <Input autoFocus />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="ownerPhone" label={t('fields.ownerPhone')} rules={[zodRule(c.update.input.shape.ownerPhone)]}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="unit" label={t('fields.unit')}>
                <Input />
              </Form.Item>
            </Col>
            {item.channel === 'relayed' && (
              <Col span={12}>
                <Form.Item name="relayedBy" label={t('fields.relayedBy')} rules={[required]}>
                  <Input />
                </Form.Item>
              </Col>
            )}
            {item.type === 'complaint' && (
              <Col span={12}>
                <Form.Item name="aboutStaffId" label={t('fields.aboutStaff')}>
                  <Select allowClear showSearch optionFilterProp="label" options={staff.map((p) => ({ value: p.id, label: p.name }))} />
                </Form.Item>
              </Col>
            )}
            <Col span={24}>
              <Form.Item name="matter" label={t('fields.matter')} rules={[required, zodRule(c.update.input.shape.matter)]}>
                <Input.TextArea autoSize={{ minRows: 3 }} />
              </Form.Item>
            </Col>
          </Row>
        );
      case 'audit':
        return (
          <>
            <Form.Item name="comment" label={t('actionForm.comment')}>
              <Input autoFocus data-testid="action-comment" />
            </Form.Item>
            <Form.Item name="pin" label={t('signOff.pin')} extra={t('signOff.pinHint')} rules={[required]}>
              <Input.Password inputMode="numeric" autoComplete="off" maxLength={12} data-testid="action-pin" />
            </Form.Item>
          </>
        );
    }
  };

  return (
    <Modal open title={`${t(`actions.${action}`)} · ${item.number}`} onCancel={onClose} footer={null} destroyOnHidden width={action === 'edit' || action === 'repair' ? 720 : 520}>
      <Form<Values> form={form} layout="vertical" initialValues={initialValues(action, item)} onFinish={(v) => void submit(v)} requiredMark={false} data-testid="action-form">
        {fields()}
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="action-error" />}
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{tc('actions.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={saving} danger={action === 'unresolvable'} data-testid="action-submit">
            {t('actions.submit')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
