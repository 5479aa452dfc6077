// Adding or editing a tenant, and its contact people (directory editors only).
import { useEffect, useState } from 'react';
import { Alert, App, Button, Checkbox, Divider, Form, Input, Modal, Radio, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { zodRule, showServerErrors } from '../../ui/forms';
import { ContactInput, TenantInput, type Contact, type Tenant } from '../../../../shared/contract/directory';

interface Props {
  tenant: Tenant | null;
  open: boolean;
  onClose(changed: boolean): void;
}

const shape = TenantInput.shape;
const contactShape = ContactInput.shape;

export function TenantEditor({ tenant, open, onClose }: Props) {
  const { t } = useTranslation('directory');
  const { t: tc } = useTranslation('common');
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [contactForm] = Form.useForm();
  const [current, setCurrent] = useState<Tenant | null>(tenant);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setCurrent(tenant);
    setError(null);
    if (open) form.setFieldsValue(tenant ?? { kind: 'company', listed: true, nameEn: '', displayNameEn: '', room: '', notes: '' });
  }, [tenant, open, form]);

  const save = async () => {
    setError(null);
    try {
      const values = await form.validateFields();
      const saved = current ? await api.directory.update({ id: current.id, ...values }) : await api.directory.create(values);
      setCurrent(saved);
      void message.success(current ? tc('saved') : t('created', { name: saved.displayName }));
      if (!current) onClose(true);
    } catch (e) {
      if (e && typeof e === 'object' && 'errorFields' in e) return;
      setError(showServerErrors(form, e));
    }
  };

  const addContact = async () => {
    if (!current) return;
    try {
      const values = await contactForm.validateFields();
      setCurrent(await api.directory.addContact({ tenantId: current.id, ...values }));
      contactForm.resetFields();
    } catch (e) {
      if (e && typeof e === 'object' && 'errorFields' in e) return;
      showServerErrors(contactForm, e);
    }
  };

  const changeContact = async (contact: Contact, patch: { primary?: boolean; active?: boolean }) => {
    try {
      setCurrent(await api.directory.updateContact({ id: contact.id, ...patch }));
    } catch (e) {
      void message.error((e as Error).message);
    }
  };

  return (
    <Modal
      open={open}
      width={760}
      title={current ? `${t('edit')} · ${current.displayName}` : t('add')}
      onCancel={() => onClose(current !== tenant)}
      onOk={() => void save()}
      okText={tc('actions.save')}
      cancelText={tc('actions.close')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="tenant-form">
        <Form.Item name="kind" label={t('field.kind')}>
          <Radio.Group options={[{ value: 'company', label: t('kind.company') }, { value: 'household', label: t('kind.household') }]} />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
          <Form.Item name="name" label={t('field.name')} rules={[zodRule(shape.name)]}>
            <Input data-testid="tenant-name" />
          </Form.Item>
          <Form.Item name="nameEn" label={t('field.nameEn')} rules={[zodRule(shape.nameEn)]}>
            <Input />
          </Form.Item>
          <Form.Item name="displayName" label={t('field.displayName')} rules={[zodRule(shape.displayName)]}>
            <Input data-testid="tenant-display-name" />
          </Form.Item>
          <Form.Item name="displayNameEn" label={t('field.displayNameEn')} rules={[zodRule(shape.displayNameEn)]}>
            <Input />
          </Form.Item>
          <Form.Item name="floor" label={t('field.floor')} rules={[zodRule(shape.floor)]}>
            <Input data-testid="tenant-floor" />
          </Form.Item>
          <Form.Item name="room" label={t('field.room')} rules={[zodRule(shape.room)]}>
            <Input data-testid="tenant-room" />
          </Form.Item>
        </div>
        <Form.Item name="listed" valuePropName="checked">
          <Checkbox>{t('field.listed')}</Checkbox>
        </Form.Item>
        <Form.Item name="notes" label={t('field.notes')} rules={[zodRule(shape.notes)]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
      {current && (
        <>
          <Divider titlePlacement="start">{t('field.contacts')}</Divider>
          <Table<Contact>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={current.contacts}
            columns={[
              { title: t('field.contactName'), dataIndex: 'name' },
              { title: t('field.contactTitle'), dataIndex: 'title' },
              { title: t('field.contactPhone'), dataIndex: 'phone', render: (p: string | null) => p ?? t('phoneHidden') },
              {
                title: '',
                render: (_: unknown, c) => (
                  <>
                    {c.primary ? <Tag color="blue">{t('field.primary')}</Tag> : <Button size="small" type="link" onClick={() => void changeContact(c, { primary: true })}>{t('field.primary')}</Button>}
                    <Button size="small" type="link" onClick={() => void changeContact(c, { active: !c.active })}>
                      {c.active ? t('deactivate') : t('reactivate')}
                    </Button>
                  </>
                ),
              },
            ]}
          />
          <Form form={contactForm} layout="inline" style={{ marginTop: 12 }} onFinish={() => void addContact()}>
            <Form.Item name="name" rules={[zodRule(contactShape.name)]}>
              <Input placeholder={t('field.contactName')} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="title" rules={[zodRule(contactShape.title)]}>
              <Input placeholder={t('field.contactTitle')} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="phone" rules={[zodRule(contactShape.phone)]}>
              <Input placeholder={t('field.contactPhone')} style={{ width: 180 }} />
            </Form.Item>
            <Button htmlType="submit">{t('addContact')}</Button>
          </Form>
        </>
      )}
    </Modal>
  );
}
