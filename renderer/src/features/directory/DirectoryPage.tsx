// The tenant directory page: search (pinyin initials too), contacts with numbers where the role allows,
// adding, editing and importing for the people who maintain it.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Flex, Input, Table, Tag, Typography } from 'antd';
import { PlusOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, staffClient } from '../../api/client';
import { useSession } from '../auth';
import { DIRECTORY_EDITORS, type Tenant } from '../../../../shared/contract/directory';
import { TenantEditor } from './TenantEditor';
import { ImportDialog } from './ImportDialog';

export function DirectoryPage() {
  const { t } = useTranslation('directory');
  const user = useSession((s) => s.user);
  const [q, setQ] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [tenants, setTenants] = useState<Tenant[]>([]);
  const [phoneVisible, setPhoneVisible] = useState(true);
  const [editing, setEditing] = useState<Tenant | null | 'new'>(null);
  const [importing, setImporting] = useState(false);
  const canEdit = user ? DIRECTORY_EDITORS.includes(user.role) : false;

  const load = useCallback(async () => {
    const found = await api.directory.search({ q, includeInactive, limit: 500 });
    setTenants(found.tenants);
    setPhoneVisible(found.phoneVisible);
  }, [q, includeInactive]);

  useEffect(() => {
    const timer = window.setTimeout(() => void load(), 150);
    return () => window.clearTimeout(timer);
  }, [load]);
  useEffect(() => staffClient.on('directory.changed', () => void load()), [load]);

  return (
    <div data-testid="directory-page">
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        {canEdit && (
          <Flex gap={8}>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="directory-import">
              {t('import')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="directory-add">
              {t('add')}
            </Button>
          </Flex>
        )}
      </Flex>
      <Flex gap={12} align="center" style={{ marginBottom: 12 }}>
        <Input allowClear autoFocus prefix={<SearchOutlined />} value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('searchPlaceholder')} style={{ maxWidth: 480 }} data-testid="directory-search" />
        <Checkbox checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)}>
          {t('includeInactive')}
        </Checkbox>
      </Flex>
      {!phoneVisible && <Alert type="info" showIcon message={t('phoneHiddenHint')} style={{ marginBottom: 12 }} />}
      <Table<Tenant>
        rowKey="id"
        size="middle"
        dataSource={tenants}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="directory-table"
        columns={[
          {
            title: t('field.displayName'),
            render: (_: unknown, x) => (
              <>
                <Typography.Text strong>{x.displayName}</Typography.Text>
                {x.name !== x.displayName && <div style={{ color: '#888', fontSize: 12 }}>{x.name}</div>}
                {x.displayNameEn && <div style={{ color: '#888', fontSize: 12 }}>{x.displayNameEn}</div>}
              </>
            ),
          },
          { title: t('field.kind'), dataIndex: 'kind', width: 80, render: (k: Tenant['kind']) => t(`kind.${k}`) },
          { title: t('field.floor'), dataIndex: 'floor', width: 70 },
          { title: t('field.room'), dataIndex: 'room', width: 90 },
          {
            title: t('field.contacts'),
            render: (_: unknown, x) =>
              x.contacts
                .filter((c) => c.active)
                .map((c) => (
                  <div key={c.id}>
                    {c.title ? t('paren', { text: c.name, note: c.title }) : c.name} <Typography.Text copyable={c.phone ? { text: c.phone } : false}>{c.phone ?? ''}</Typography.Text>
                  </div>
                )),
          },
          {
            title: '',
            width: 220,
            render: (_: unknown, x) => (
              <Flex gap={4} wrap align="center">
                {!x.active && <Tag>{t('inactive')}</Tag>}
                {x.active && !x.listed && <Tag>{t('unlisted')}</Tag>}
                {canEdit && (
                  <Button size="small" onClick={() => setEditing(x)}>
                    {t('edit')}
                  </Button>
                )}
                {canEdit && (
                  <Button size="small" type="link" onClick={() => void api.directory.update({ id: x.id, active: !x.active }).then(load)}>
                    {x.active ? t('deactivate') : t('reactivate')}
                  </Button>
                )}
              </Flex>
            ),
          },
        ]}
      />
      <TenantEditor
        open={editing !== null}
        tenant={editing === 'new' ? null : editing}
        onClose={(changed) => {
          setEditing(null);
          if (changed) void load();
        }}
      />
      {importing && (
        <ImportDialog
          open
          onClose={(imported) => {
            setImporting(false);
            if (imported) void load();
          }}
        />
      )}
    </div>
  );
}
