// The watch list (V-6): leads add and remove entries; the desk may read it.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Flex, Form, Input, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useBuilding } from '../../ui/use-building';
import { api } from '../../api/client';
import { showServerErrors } from '../../ui/forms';
import { useSession } from '../auth';
import { LEADS } from '../../../../shared/contract/define';
import type { WatchEntry } from '../../../../shared/contract/visitors';
import { dateText } from './format';

export function WatchListAdmin() {
  const { t } = useTranslation('visitors');
  const timeZone = useBuilding((s) => s.timeZone);
  const user = useSession((s) => s.user);
  const canEdit = user ? LEADS.includes(user.role) : false;
  const [includeInactive, setIncludeInactive] = useState(false);
  const [entries, setEntries] = useState<WatchEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();

  const load = useCallback(async () => setEntries((await api.visitors.watchList({ includeInactive })).entries), [includeInactive]);
  useEffect(() => {
    void load();
  }, [load]);

  const add = async (values: { name?: string; mobile?: string; idNumber?: string; reason?: string }) => {
    setError(null);
    try {
      await api.visitors.addWatch({ name: values.name ?? '', mobile: values.mobile ?? '', idNumber: values.idNumber ?? '', reason: values.reason ?? '' });
      form.resetFields();
      void load();
    } catch (e) {
      setError(showServerErrors(form, e));
    }
  };

  return (
    <div data-testid="watch-list-admin">
      <Alert type="info" showIcon message={t('watchAdmin.hint')} style={{ marginBottom: 12 }} />
      {canEdit && (
        <Form form={form} layout="inline" onFinish={(v) => void add(v)} style={{ marginBottom: 12, rowGap: 8 }}>
          <Form.Item name="name">
            <Input placeholder={t('field.visitorName')} style={{ width: 140 }} data-testid="watch-name" />
          </Form.Item>
          <Form.Item name="mobile">
            <Input placeholder={t('field.mobile')} style={{ width: 150 }} data-testid="watch-mobile" />
          </Form.Item>
          <Form.Item name="idNumber">
            <Input placeholder={t('watchAdmin.idNumber')} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="reason">
            <Input placeholder={t('watchAdmin.reason')} style={{ width: 240 }} data-testid="watch-reason" />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="watch-add">
            {t('watchAdmin.add')}
          </Button>
        </Form>
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Flex justify="end" style={{ marginBottom: 8 }}>
        <Checkbox checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)}>
          {t('watchAdmin.includeInactive')}
        </Checkbox>
      </Flex>
      <Table<WatchEntry>
        rowKey="id"
        size="small"
        dataSource={entries}
        pagination={false}
        columns={[
          { title: t('field.visitorName'), dataIndex: 'name' },
          { title: t('field.mobile'), dataIndex: 'mobile' },
          { title: t('watchAdmin.idNumber'), dataIndex: 'idNumberMasked' },
          { title: t('watchAdmin.reason'), dataIndex: 'reason' },
          { title: t('page.registered'), width: 110, render: (_: unknown, e) => dateText(e.createdAt, timeZone) },
          {
            title: '',
            width: 110,
            render: (_: unknown, e) =>
              !e.active ? (
                <Tag>{t('watchAdmin.removed')}</Tag>
              ) : (
                canEdit && (
                  <Button size="small" danger type="link" onClick={() => void api.visitors.updateWatch({ id: e.id, active: false }).then(load)}>
                    {t('watchAdmin.remove')}
                  </Button>
                )
              ),
          },
        ]}
      />
    </div>
  );
}
