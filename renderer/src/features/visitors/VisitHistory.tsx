// The visit log: search past and present visits; redacted ones say so (V-7).
import { useCallback, useEffect, useState } from 'react';
import { DatePicker, Flex, Input, Table, Tag, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { api } from '../../api/client';
import type { Visit } from '../../../../shared/contract/visitors';
import { dateTimeText, purposeText, timeText, visitingText } from './format';
import { useVisitors } from './store';
import { useBuilding } from '../../ui/use-building';

const STATUS_COLOR = { pending: 'gold', declined: 'red', in: 'green', out: 'default' } as const;

export function VisitHistory() {
  const { t, i18n } = useTranslation('visitors');
  const settings = useVisitors((s) => s.settings);
  const timeZone = useBuilding((s) => s.timeZone);
  const [q, setQ] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [visits, setVisits] = useState<Visit[]>([]);

  const load = useCallback(async () => {
    const from = range?.[0]?.startOf('day').valueOf() ?? null;
    const to = range?.[1]?.endOf('day').valueOf() ?? null;
    setVisits((await api.visitors.history({ q, from, to: to === null ? null : to + 1, limit: 500 })).visits);
  }, [q, range]);

  useEffect(() => {
    void useVisitors.getState().loadSettings();
  }, []);
  useEffect(() => {
    const timer = window.setTimeout(() => void load(), 200);
    return () => window.clearTimeout(timer);
  }, [load]);

  return (
    <div data-testid="visit-history">
      <Flex gap={12} style={{ marginBottom: 12 }}>
        <Input allowClear prefix={<SearchOutlined />} value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('page.search')} style={{ maxWidth: 420 }} />
        <DatePicker.RangePicker value={range} onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)} allowEmpty={[true, true]} />
      </Flex>
      <Table<Visit>
        rowKey="id"
        size="small"
        dataSource={visits}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('page.registered'), width: 150, render: (_: unknown, v) => dateTimeText(v.registeredAt, timeZone) },
          { title: t('field.pass'), dataIndex: 'passNumber', width: 90, render: (p: string | null) => p ?? '—' },
          {
            title: t('field.visitorName'),
            render: (_: unknown, v) =>
              v.redacted ? (
                <Typography.Text type="secondary">{t('page.redacted')}</Typography.Text>
              ) : (
                <>
                  {v.visitorName} <Typography.Text type="secondary">{v.mobile}</Typography.Text>
                  {v.idNumberMasked && <div style={{ fontSize: 12, color: '#888' }}>{v.idNumberMasked}</div>}
                </>
              ),
          },
          { title: t('field.tenant'), render: (_: unknown, v) => visitingText(v) },
          { title: t('field.purpose'), width: 110, render: (_: unknown, v) => purposeText(settings?.purposes, v.purpose, i18n.language) },
          { title: t('field.partySize'), dataIndex: 'partySize', width: 70 },
          { title: t('page.checkedOut'), width: 70, render: (_: unknown, v) => timeText(v.checkedOutAt, timeZone) },
          {
            title: '',
            width: 180,
            render: (_: unknown, v) => (
              <>
                {v.refused ? (
                  <Tag color="red" data-testid={`history-refused-${v.id}`} title={t('page.refusedBy', { name: v.decidedByName ?? '', time: timeText(v.decidedAt, timeZone), reason: v.declineReason ?? '' })}>
                    {t('page.status.refused')}
                  </Tag>
                ) : v.expired ? (
                  <Tag data-testid={`history-expired-${v.id}`}>{t('page.status.expired')}</Tag>
                ) : (
                  <Tag color={STATUS_COLOR[v.status]}>{t(`page.status.${v.status}`)}</Tag>
                )}
                <Tag>{t(`page.source.${v.source}`)}</Tag>
                {v.watchMatches.length > 0 && <Tag color="red">{t('watch.badge')}</Tag>}
                {v.refused && (
                  <div data-testid={`history-refusal-${v.id}`} style={{ fontSize: 12 }}>
                    {t('page.refusedBy', { name: v.decidedByName ?? '', time: timeText(v.decidedAt, timeZone), reason: v.declineReason ?? '' })}
                  </div>
                )}
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
