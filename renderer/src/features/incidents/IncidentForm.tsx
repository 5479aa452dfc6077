// Recording or correcting an unsigned incident (I-1): time, place, people present, course, outcome all required.
import { useEffect, useState } from 'react';
import { Alert, Checkbox, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { requiredZodRule, zodRule, showServerErrors } from '../../ui/forms';
import { useSession } from '../auth';
import { clearDraft, readDraft, writeDraft } from '../../ui/drafts';
import { IncidentDraft, INCIDENT_CATEGORIES, type Incident, type IncidentCategory } from '../../../../shared/contract/incidents';

const shape = IncidentDraft.shape;

interface Values {
  occurredAt: Dayjs;
  place: string;
  peoplePresent: string;
  course: string;
  outcome: string;
  category: IncidentCategory;
  needsFollowUp: boolean;
}

export function IncidentForm({ open, editing, onClose, onSaved }: { open: boolean; editing: Incident | null; onClose: () => void; onSaved: (i: Incident) => void }) {
  const { t } = useTranslation('incidents');
  const { t: tc } = useTranslation('common');
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const userId = useSession((s) => s.user?.id);
  const draftName = editing ? `incident:${editing.id}` : 'incident:new';
  /** What is typed is kept until saved or cancelled; the time as epoch milliseconds. */
  const keep = () => {
    if (!userId) return;
    const v = form.getFieldsValue(true) as Partial<Values>;
    writeDraft(userId, draftName, { ...v, occurredAt: v.occurredAt ? v.occurredAt.valueOf() : null });
  };
  const close = () => {
    if (userId) clearDraft(userId, draftName);
    onClose();
  };

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (editing) form.setFieldsValue({ ...editing, occurredAt: dayjs(editing.occurredAt) });
    else form.setFieldsValue({ occurredAt: dayjs(), needsFollowUp: false });
    const kept = userId ? readDraft<Omit<Values, 'occurredAt'> & { occurredAt: number | null }>(userId, draftName) : null;
    if (kept) {
      const { occurredAt, ...rest } = kept;
      form.setFieldsValue({ ...rest, ...(typeof occurredAt === 'number' ? { occurredAt: dayjs(occurredAt) } : {}) });
    }
  }, [open, editing, form, userId, draftName]);

  const submit = async () => {
    setError(null);
    try {
      const v = await form.validateFields();
      setBusy(true);
      const draft = { ...v, occurredAt: v.occurredAt.valueOf(), needsFollowUp: Boolean(v.needsFollowUp) };
      const saved = editing ? await api.incidents.update({ id: editing.id, ...draft }) : await api.incidents.create(draft);
      if (userId) clearDraft(userId, draftName);
      onSaved(saved);
    } catch (e) {
      if (e && typeof e === 'object' && 'errorFields' in e) return;
      setError(showServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      width={720}
      title={editing ? `${t('page.edit')} · ${editing.number}` : t('page.new')}
      okText={tc('actions.save')}
      cancelText={tc('actions.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={close}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'incident-save' }}
    >
      <Form form={form} layout="vertical" data-testid="incident-form" onValuesChange={keep}>
        <Form.Item name="occurredAt" label={t('page.occurredAt')} rules={[{ required: true, message: t('errors:field.required') }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: 240 }} data-testid="incident-time" />
        </Form.Item>
        <Form.Item name="category" label={t('page.category')} required rules={[zodRule(shape.category)]}>
          <Select options={INCIDENT_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))} style={{ width: 320 }} data-testid="incident-category" />
        </Form.Item>
        <Form.Item name="place" label={t('page.place')} required rules={[requiredZodRule(shape.place)]}>
          <Input autoFocus data-testid="incident-place" />
        </Form.Item>
        <Form.Item name="peoplePresent" label={t('page.peoplePresent')} required rules={[requiredZodRule(shape.peoplePresent)]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} data-testid="incident-people" />
        </Form.Item>
        <Form.Item name="course" label={t('page.course')} required rules={[requiredZodRule(shape.course)]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} data-testid="incident-course" />
        </Form.Item>
        <Form.Item name="outcome" label={t('page.outcome')} required rules={[requiredZodRule(shape.outcome)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} data-testid="incident-outcome" />
        </Form.Item>
        <Form.Item name="needsFollowUp" valuePropName="checked">
          <Checkbox data-testid="incident-follow-up">{t('page.needsFollowUp')}</Checkbox>
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Modal>
  );
}
