// Admin: people, roles, departments; deactivate instead of delete; reset a forgotten PIN.
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { zodRule, showServerErrors } from '../../ui/forms';
import { ROLES } from '../../../../shared/contract/define';
import { personName, pin as pinField } from '../../../../shared/contract/fields';
import type { StaffMember } from '../../../../shared/contract/staff';

export function StaffAdmin() {
  const { t } = useTranslation('staff');
  const { t: tc } = useTranslation('common');
  const { message } = App.useApp();
  const [people, setPeople] = useState<StaffMember[]>([]);
  /** The departments configured in the records settings: a person's department is chosen from them, not typed. */
  const [departments, setDepartments] = useState<string[]>([]);
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<StaffMember | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [addForm] = Form.useForm();
  const [pinForm] = Form.useForm();

  const load = useCallback(async () => setPeople((await api.staff.list({})).people), []);
  useEffect(() => {
    void load();
    void api.records
      .settings({})
      .then((r) => setDepartments(r.departments))
      .catch(() => undefined);
  }, [load]);

  const roleOptions = ROLES.map((r) => ({ value: r, label: tc(`roles.${r}`) }));

  const add = async () => {
    setError(null);
    try {
      const values = await addForm.validateFields();
      const created = await api.staff.create({ ...values, department: values.department || null });
      void message.success(t('created', { name: created.name }));
      setAdding(false);
      addForm.resetFields();
      await load();
    } catch (e) {
      if (e && typeof e === 'object' && 'errorFields' in e) return;
      setError(showServerErrors(addForm, e));
    }
  };

  const update = async (person: StaffMember, patch: Partial<Pick<StaffMember, 'role' | 'active'>>) => {
    try {
      await api.staff.update({ id: person.id, ...patch });
      await load();
    } catch (e) {
      void message.error(String((e as Error).message));
    }
  };

  const resetPin = async () => {
    if (!resetting) return;
    try {
      const values = await pinForm.validateFields();
      await api.staff.resetPin({ id: resetting.id, pin: values.pin });
      setResetting(null);
      pinForm.resetFields();
      void message.success(tc('saved'));
    } catch (e) {
      if (e && typeof e === 'object' && 'errorFields' in e) return;
      showServerErrors(pinForm, e);
    }
  };

  return (
    <div data-testid="staff-admin">
      <Button type="primary" onClick={() => setAdding(true)} style={{ marginBottom: 12 }} data-testid="staff-add">
        {t('add')}
      </Button>
      <Table<StaffMember>
        rowKey="id"
        dataSource={people}
        pagination={false}
        size="middle"
        columns={[
          { title: t('name'), dataIndex: 'name' },
          {
            title: t('role'),
            dataIndex: 'role',
            render: (role: StaffMember['role'], p) => (
              <Select value={role} options={roleOptions} style={{ width: 180 }} onChange={(r) => void update(p, { role: r })} />
            ),
          },
          { title: t('department'), dataIndex: 'department', render: (d: string | null) => d ?? '—' },
          {
            title: t('active'),
            dataIndex: 'active',
            render: (active: boolean) => (active ? <Tag color="green">{t('isActive')}</Tag> : <Tag>{t('inactive')}</Tag>),
          },
          {
            title: '',
            render: (_: unknown, p) => (
              <Space>
                <Button size="small" onClick={() => void update(p, { active: !p.active })}>
                  {p.active ? t('deactivate') : t('reactivate')}
                </Button>
                <Button size="small" onClick={() => setResetting(p)}>
                  {t('resetPin')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal open={adding} title={t('add')} onOk={() => void add()} onCancel={() => setAdding(false)} okText={tc('actions.save')} cancelText={tc('actions.cancel')} destroyOnHidden>
        <Form form={addForm} layout="vertical" initialValues={{ role: 'receptionist' }}>
          <Form.Item name="name" label={t('name')} rules={[zodRule(personName())]}>
            <Input data-testid="staff-name" />
          </Form.Item>
          <Form.Item name="role" label={t('role')}>
            <Select options={roleOptions} data-testid="staff-role" />
          </Form.Item>
          <Form.Item name="department" label={t('department')}>
            <Select allowClear options={departments.map((d) => ({ value: d, label: d }))} data-testid="staff-department" />
          </Form.Item>
          <Form.Item name="pin" label={t('pin')} rules={[zodRule(pinField())]}>
            <Input.Password inputMode="numeric" autoComplete="new-password" data-testid="staff-pin" />
          </Form.Item>
          {error && <Alert type="error" showIcon message={error} />}
        </Form>
      </Modal>
      <Modal open={resetting !== null} title={`${t('resetPin')} · ${resetting?.name ?? ''}`} onOk={() => void resetPin()} onCancel={() => setResetting(null)} destroyOnHidden>
        <Form form={pinForm} layout="vertical">
          <Form.Item name="pin" label={t('newPin')} rules={[zodRule(pinField())]}>
            <Input.Password inputMode="numeric" autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
