// /records-audit: the customer-service supervisor's daily audit (R-6, 篇4 §4.3). Unaudited entries by day of
// reception, yesterday first; select and audit with an optional comment; what was audited lately.
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Empty, Input, Space, Table, Typography } from 'antd';
import { printCurrentView } from '../../ui/print';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { AuditQueue, RecordSummary } from '../../../../shared/contract/records';
import { RecordFlags, StatusTag, TypeTag } from './RecordTags';
import { at } from './format';
import { useRecords } from './store';
import { SignOffModal, type SignOff } from './SignOffModal';
import { ReportLink } from '../reports';

export function AuditPage() {
  const { t } = useTranslation('records');
  const { message } = App.useApp();
  const version = useRecords((s) => s.version);
  const timeZone = useRecords((s) => s.timeZone);
  const openItem = useRecords((s) => s.openItem);
  const [queue, setQueue] = useState<AuditQueue | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => setQueue(await api.records.auditQueue({})), []);
  useEffect(() => {
    void load();
  }, [load, version]);

  /** The entries about to be audited: shown (count and list) before the PIN is asked for (R-6). */
  const [pending, setPending] = useState<RecordSummary[] | null>(null);
  const audit = (ids: string[]) => {
    if (ids.length === 0 || !queue) return;
    const all = queue.days.flatMap((d) => d.items);
    setPending(ids.map((id) => all.find((i) => i.id === id)).filter((i): i is RecordSummary => i !== undefined));
  };
  const signAudit = async ({ comment: signedComment, pin }: SignOff) => {
    if (!pending) return;
    const ids = pending.map((i) => i.id);
    const result = await api.records.auditItems({ ids, comment: signedComment, pin });
    void message.success(t('audit.done', { count: result.audited }));
    setPending(null);
    setSelected((s) => s.filter((id) => !ids.includes(id)));
    setComment('');
    setError(null);
    await load();
  };

  const dayTitle = (key: string) =>
    queue && key === queue.yesterdayKey ? t('audit.yesterday', { day: key }) : queue && key === queue.todayKey ? t('audit.today', { day: key }) : t('audit.earlier', { day: key });

  const columns = [
    { title: t('fields.number'), dataIndex: 'number', width: 140 },
    { title: t('fields.receivedAt'), dataIndex: 'receivedAt', width: 150, render: (v: number) => at(v, timeZone) },
    { title: t('fields.type'), dataIndex: 'type', width: 80, render: (v: RecordSummary['type']) => <TypeTag type={v} /> },
    { title: t('fields.ownerName'), render: (_: unknown, i: RecordSummary) => `${i.ownerName}${i.unit ? ` · ${i.unit}` : ''}` },
    { title: t('fields.matter'), dataIndex: 'matter', ellipsis: true },
    {
      title: t('fields.status'),
      width: 220,
      render: (_: unknown, i: RecordSummary) => (
        <Space size={2} wrap>
          <StatusTag item={i} />
          <RecordFlags item={i} />
        </Space>
      ),
    },
    {
      title: '',
      width: 150,
      render: (_: unknown, i: RecordSummary) => (
        <Space onClick={(e) => e.stopPropagation()}>
          <Button size="small" onClick={() => void openItem(i.id)}>
            {t('notice.view')}
          </Button>
          <Button size="small" type="primary" onClick={() => audit([i.id])} data-testid={`audit-item-${i.number}`}>
            {t('actions.audit')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="records-audit-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('audit.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('audit.hint')}</Typography.Paragraph>
      {queue?.trailHead && (
        <Alert
          type="info"
          style={{ marginBottom: 12 }}
          data-testid="audit-trail-head"
          message={t('audit.trailHead', { seq: queue.trailHead.seq, short: queue.trailHead.short })}
          description={t('audit.trailHeadHint')}
          action={
            <Button size="small" onClick={() => void printCurrentView()} data-testid="audit-print">
              {t('audit.print')}
            </Button>
          }
        />
      )}
      <Space style={{ marginBottom: 12 }} wrap>
        <Input placeholder={t('actionForm.comment')} value={comment} onChange={(e) => setComment(e.target.value)} style={{ width: 320 }} maxLength={200} data-testid="audit-comment" />
        <Button type="primary" disabled={selected.length === 0} onClick={() => audit(selected)} data-testid="audit-selected">
          {t('audit.auditSelected')} {selected.length > 0 ? `（${t('audit.selected', { count: selected.length })}）` : ''}
        </Button>
        {queue && <ReportLink period="day" day={queue.yesterdayKey} />}
      </Space>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <SignOffModal
        open={pending !== null}
        title={t('signOff.auditTitle', { count: pending?.length ?? 0 })}
        okText={t('signOff.auditOk')}
        commentMax={200}
        initialComment={comment}
        covers={
          <>
            <Typography.Text data-testid="signoff-count">{t('signOff.auditCovers', { count: pending?.length ?? 0 })}</Typography.Text>
            <ul style={{ maxHeight: 200, overflow: 'auto', margin: '4px 0', paddingInlineStart: 20 }}>
              {pending?.map((i) => (
                <li key={i.id}>
                  {i.number} · {i.ownerName} · {i.matter.slice(0, 30)}
                </li>
              ))}
            </ul>
          </>
        }
        onSubmit={signAudit}
        onClose={() => setPending(null)}
      />
      {queue && queue.days.length === 0 && <Empty description={t('audit.none')} />}
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {queue?.days.map((day) => (
          <Card
            key={day.dayKey}
            size="small"
            title={dayTitle(day.dayKey)}
            extra={
              <Button size="small" onClick={() => audit(day.items.map((i) => i.id))} data-testid={`audit-all-${day.dayKey}`}>
                {t('audit.auditAll')}
              </Button>
            }
            data-testid={`audit-day-${day.dayKey}`}
          >
            <Table<RecordSummary>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={day.items}
              rowSelection={{
                selectedRowKeys: selected.filter((id) => day.items.some((i) => i.id === id)),
                onChange: (keys) =>
                  setSelected((s) => [...s.filter((id) => !day.items.some((i) => i.id === id)), ...(keys as string[])]),
              }}
              onRow={(i) => ({ onClick: () => void openItem(i.id), style: { cursor: 'pointer' } })}
              columns={columns}
            />
          </Card>
        ))}
        {queue && queue.recentlyAudited.length > 0 && (
          <Card size="small" title={t('audit.recent')}>
            <Table
              rowKey="id"
              size="small"
              pagination={{ pageSize: 10 }}
              dataSource={queue.recentlyAudited}
              onRow={(i) => ({ onClick: () => void openItem(i.id), style: { cursor: 'pointer' } })}
              columns={[
                { title: t('fields.number'), dataIndex: 'number', width: 140 },
                { title: t('fields.type'), dataIndex: 'type', width: 80, render: (v: RecordSummary['type']) => <TypeTag type={v} /> },
                { title: t('fields.matter'), dataIndex: 'matter', ellipsis: true },
                { title: t('audit.auditedAt'), dataIndex: 'auditedAt', width: 150, render: (v: number) => at(v, timeZone) },
                { title: t('audit.auditedBy'), dataIndex: 'auditedByName', width: 100 },
                { title: t('audit.comment'), dataIndex: 'auditComment' },
              ]}
              data-testid="audit-recent"
            />
          </Card>
        )}
      </Space>
    </div>
  );
}
