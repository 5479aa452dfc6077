// The key and item register page: out / overdue / all, search, lend and return.
import { useCallback, useEffect, useState } from 'react';
import { Button, Flex, Input, Segmented, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, staffClient } from '../../api/client';
import type { KeyLoan } from '../../../../shared/contract/keys';
import { useLocalizer } from '../../ui/localize';
import { LendModal, ReturnModal } from './LoanModals';

export function KeysPage() {
  const { t } = useTranslation('keys');
  const { at } = useLocalizer();
  const [state, setState] = useState<'out' | 'overdue' | 'all'>('out');
  const [text, setText] = useState('');
  const [loans, setLoans] = useState<KeyLoan[]>([]);
  const [lending, setLending] = useState(false);
  const [returning, setReturning] = useState<KeyLoan | null>(null);

  const load = useCallback(async () => {
    setLoans((await api.keys.list({ state, text: text || undefined, limit: 500 })).loans);
  }, [state, text]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => staffClient.on('keys.changed', () => void load()), [load]);

  return (
    <div data-testid="keys-page">
      <Flex align="center" gap={12} style={{ marginBottom: 12 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('page.title')}
        </Typography.Title>
        <Segmented
          value={state}
          onChange={(v) => setState(v as typeof state)}
          options={[
            { value: 'out', label: t('page.out') },
            { value: 'overdue', label: t('page.overdue') },
            { value: 'all', label: t('page.all') },
          ]}
        />
        <Input.Search placeholder={t('page.search')} allowClear onSearch={setText} style={{ width: 260 }} />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setLending(true)} style={{ marginLeft: 'auto' }} data-testid="keys-lend">
          {t('page.lend')}
        </Button>
      </Flex>
      <Table<KeyLoan>
        rowKey="id"
        size="middle"
        dataSource={loans}
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: t('page.none') }}
        data-testid="keys-table"
        columns={[
          { title: t('page.kind'), width: 90, render: (_: unknown, l) => t(`kinds.${l.kind}`) },
          { title: t('page.item'), render: (_: unknown, l) => `${l.item} ${l.itemCode}` },
          { title: t('page.borrower'), render: (_: unknown, l) => `${l.borrower} ${l.borrowerUnit}` },
          { title: t('page.lentAt'), render: (_: unknown, l) => `${at(l.lentAt)} · ${l.lentBy.name}` },
          {
            title: t('page.expectedBackAt'),
            render: (_: unknown, l) => (l.overdue ? <Tag color="error">{at(l.expectedBackAt)}</Tag> : at(l.expectedBackAt)),
          },
          {
            title: t('page.returnedAt'),
            render: (_: unknown, l) =>
              l.returnedAt ? (
                `${at(l.returnedAt)} · ${l.returnedTo?.name ?? ''}${l.returnNote ? ` · ${l.returnNote}` : ''}`
              ) : (
                <Button size="small" onClick={() => setReturning(l)} data-testid={`return-${l.item}`}>
                  {t('page.return')}
                </Button>
              ),
          },
          { title: t('page.note'), dataIndex: 'note' },
        ]}
      />
      <LendModal open={lending} onClose={() => setLending(false)} onSaved={() => { setLending(false); void load(); }} />
      <ReturnModal loan={returning} onClose={() => setReturning(null)} onSaved={() => { setReturning(null); void load(); }} />
    </div>
  );
}
