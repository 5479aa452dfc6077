// Admin: verify the hash chain and read the latest entries.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { AuditEntry, AuditVerification } from '../../../../shared/contract/audit';

export function AuditAdmin() {
  const { t } = useTranslation('audit');
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const load = useCallback(async () => setEntries((await api.audit.list({ limit: 100 })).entries), []);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <div data-testid="audit-admin">
      <Button onClick={() => void api.audit.verify({}).then(setVerification)} style={{ marginBottom: 12 }} data-testid="audit-verify">
        {t('verify')}
      </Button>
      {verification && (
        <Alert
          style={{ marginBottom: 12 }}
          type={verification.ok ? 'success' : 'error'}
          showIcon
          data-testid="audit-result"
          message={verification.ok ? t('ok', { count: verification.authenticated }) : t(`state.${verification.state}`)}
        />
      )}
      <Table<AuditEntry>
        rowKey="seq"
        size="small"
        dataSource={entries}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '#', dataIndex: 'seq', width: 70 },
          { title: t('at'), dataIndex: 'at', render: (v: number) => new Date(v).toLocaleString() },
          {
            title: t('actor'),
            render: (_: unknown, e) => (e.actorKind === 'staff' ? e.actorName : e.actorKind === 'kiosk' ? `${t('kiosk')} · ${e.actorName}` : t(e.actorKind)),
          },
          { title: t('method'), dataIndex: 'method', render: (m: string) => <Typography.Text code>{m}</Typography.Text> },
          { title: t('entity'), render: (_: unknown, e) => `${e.entity} ${e.entityId ?? ''}` },
        ]}
      />
    </div>
  );
}
