// The record as a table: state, type, channel, owner level and department filters, search, dates; click a row
// for its detail.
import { useCallback, useEffect, useState } from 'react';
import { Button, DatePicker, Input, Segmented, Select, Space, Switch, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useSession } from '../auth';
import { CHANNELS, ITEM_TYPES, LEVELS, RECORD_DESK, type RecordSummary } from '../../../../shared/contract/records';
import { RecordFlags, StatusTag, TypeTag } from './RecordTags';
import { at, deadlineText } from './format';
import { useRecords } from './store';

type StatusFilter = 'active' | 'open' | 'resolved' | 'unresolvable' | 'all';

interface Filters {
  status: StatusFilter;
  type?: string;
  channel?: string;
  level?: string;
  department?: string;
  overdueOnly: boolean;
  search: string;
  dates: [Dayjs | null, Dayjs | null] | null;
}

export function RecordsList() {
  const { t } = useTranslation('records');
  const user = useSession((s) => s.user);
  const version = useRecords((s) => s.version);
  const timeZone = useRecords((s) => s.timeZone);
  const settings = useRecords((s) => s.settings);
  const openItem = useRecords((s) => s.openItem);
  const openNew = useRecords((s) => s.openNew);
  const [filters, setFilters] = useState<Filters>({ status: 'active', overdueOnly: false, search: '', dates: null });
  const [items, setItems] = useState<RecordSummary[]>([]);
  const [nextBefore, setNextBefore] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [now, setNow] = useState(() => Date.now());

  const query = useCallback(
    (before?: string) =>
      api.records.list({
        status: filters.status,
        ...(filters.type ? { type: filters.type as RecordSummary['type'] } : {}),
        ...(filters.channel ? { channel: filters.channel as RecordSummary['channel'] } : {}),
        ...(filters.level ? { level: filters.level as RecordSummary['level'] } : {}),
        ...(filters.department ? { department: filters.department } : {}),
        overdueOnly: filters.overdueOnly,
        ...(filters.search.trim() ? { search: filters.search.trim() } : {}),
        ...(filters.dates?.[0] ? { from: filters.dates[0].startOf('day').valueOf() } : {}),
        ...(filters.dates?.[1] ? { to: filters.dates[1].endOf('day').valueOf() + 1 } : {}),
        limit: 100,
        ...(before ? { before } : {}),
      }),
    [filters],
  );

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    void query()
      .then((page) => {
        if (cancelled) return;
        setItems(page.items);
        setNextBefore(page.nextBefore);
        setNow(Date.now());
      })
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
  }, [query, version]);

  const more = async () => {
    if (!nextBefore) return;
    const page = await query(nextBefore);
    setItems((list) => [...list, ...page.items]);
    setNextBefore(page.nextBefore);
  };

  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const isDesk = user !== null && RECORD_DESK.includes(user.role);

  return (
    <div data-testid="records-list">
      <Space wrap style={{ marginBottom: 12 }}>
        {isDesk && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openNew()} data-testid="records-new">
            {t('newItemShortcut')}
          </Button>
        )}
        <Segmented<StatusFilter>
          value={filters.status}
          onChange={(status) => set({ status })}
          options={(['active', 'open', 'resolved', 'unresolvable', 'all'] as const).map((s) => ({ value: s, label: t(`filters.${s}`) }))}
        />
        <Input.Search
          allowClear
          placeholder={t('filters.search')}
          style={{ width: 260 }}
          onSearch={(search) => set({ search })}
          data-testid="records-search"
        />
        <Select allowClear placeholder={t('filters.anyType')} style={{ width: 120 }} value={filters.type} onChange={(type) => set({ type })} options={ITEM_TYPES.map((v) => ({ value: v, label: t(`type.${v}`) }))} />
        <Select allowClear placeholder={t('filters.anyChannel')} style={{ width: 120 }} value={filters.channel} onChange={(channel) => set({ channel })} options={CHANNELS.map((v) => ({ value: v, label: t(`channel.${v}`) }))} />
        <Select allowClear placeholder={t('filters.anyLevel')} style={{ width: 130 }} value={filters.level} onChange={(level) => set({ level })} options={LEVELS.map((v) => ({ value: v, label: t(`level.${v}`) }))} />
        <Select
          allowClear
          placeholder={t('filters.anyDepartment')}
          style={{ width: 130 }}
          value={filters.department}
          onChange={(department) => set({ department })}
          options={(settings?.departments ?? []).map((d) => ({ value: d, label: d }))}
        />
        <DatePicker.RangePicker value={filters.dates} onChange={(dates) => set({ dates: dates as Filters['dates'] })} placeholder={[t('filters.dates'), t('filters.dates')]} />
        <Space>
          <Switch checked={filters.overdueOnly} onChange={(overdueOnly) => set({ overdueOnly })} />
          {t('filters.overdueOnly')}
        </Space>
      </Space>
      <Table<RecordSummary>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={items}
        pagination={false}
        onRow={(item) => ({ onClick: () => void openItem(item.id), style: { cursor: 'pointer' }, 'data-testid': `record-row-${item.number}` } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('fields.number'), dataIndex: 'number', width: 140, render: (n: string) => <Typography.Text strong>{n}</Typography.Text> },
          { title: t('fields.receivedAt'), dataIndex: 'receivedAt', width: 150, render: (v: number) => at(v, timeZone) },
          { title: t('fields.type'), dataIndex: 'type', width: 80, render: (v: RecordSummary['type']) => <TypeTag type={v} /> },
          { title: t('fields.channel'), dataIndex: 'channel', width: 90, render: (v: RecordSummary['channel']) => t(`channel.${v}`) },
          { title: t('fields.ownerName'), render: (_: unknown, i) => `${i.ownerName}${i.unit ? ` · ${i.unit}` : ''}` },
          { title: t('fields.matter'), dataIndex: 'matter', ellipsis: true },
          { title: t('fields.department'), dataIndex: 'department', width: 90, render: (v: string | null) => v ?? '—' },
          {
            title: t('fields.status'),
            width: 220,
            render: (_: unknown, i) => (
              <Space size={2} wrap>
                <StatusTag item={i} />
                <RecordFlags item={i} />
              </Space>
            ),
          },
          { title: t('fields.deadline'), width: 190, render: (_: unknown, i) => <Typography.Text type={i.overdue ? 'danger' : undefined}>{deadlineText(i, now, t)}</Typography.Text> },
        ]}
      />
      {nextBefore && (
        <Button block style={{ marginTop: 8 }} onClick={() => void more()}>
          {t('filters.more')}
        </Button>
      )}
    </div>
  );
}
