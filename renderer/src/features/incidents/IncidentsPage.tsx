// The incident log (I-1): search by words, category, state and date; record, sign, amend, review, print.
import { useCallback, useEffect, useState } from 'react';
import { Button, DatePicker, Drawer, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, staffClient } from '../../api/client';
import { INCIDENT_CATEGORIES, type Incident, type IncidentCategory, type IncidentSummary } from '../../../../shared/contract/incidents';
import { useLocalizer } from '../../ui/localize';
import { IncidentForm } from './IncidentForm';
import { IncidentDetail } from './IncidentDetail';
import { IncidentSheet } from './IncidentSheet';

type StateFilter = 'all' | 'draft' | 'open' | 'closed' | 'unreviewed';
const STATE_COLOR = { draft: 'orange', open: 'red', closed: 'green' } as const;

/** The record dialog and the detail drawer, shared by the page and the lobby panel. */
export function useIncidentDialogs(onChange: () => void) {
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Incident | null>(null);
  const [shown, setShown] = useState<Incident | null>(null);
  const { t } = useTranslation('incidents');
  const open = async (id: string) => setShown(await api.incidents.get({ id }));
  const elements = (
    <>
      <IncidentForm
        open={creating || editing !== null}
        editing={editing}
        onClose={() => {
          setCreating(false);
          setEditing(null);
        }}
        onSaved={(i) => {
          setCreating(false);
          setEditing(null);
          setShown(i);
          onChange();
        }}
      />
      <Drawer open={shown !== null} width={860} title={t('page.detail')} onClose={() => setShown(null)} destroyOnHidden>
        {shown && (
          <IncidentDetail
            incident={shown}
            onEdit={() => setEditing(shown)}
            onChanged={(i) => {
              setShown(i);
              onChange();
            }}
          />
        )}
      </Drawer>
    </>
  );
  return { create: () => setCreating(true), open, elements };
}

export function IncidentsPage() {
  const { t } = useTranslation('incidents');
  const { at } = useLocalizer();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const printId = params.get('print');
  const [rows, setRows] = useState<IncidentSummary[]>([]);
  const [text, setText] = useState('');
  const [category, setCategory] = useState<IncidentCategory | undefined>();
  const [state, setState] = useState<StateFilter>('all');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);

  const load = useCallback(async () => {
    const result = await api.incidents.search({
      text: text || undefined,
      category,
      state,
      from: range?.[0]?.startOf('day').valueOf(),
      to: range?.[1]?.endOf('day').valueOf(),
      limit: 200,
    });
    setRows(result.incidents);
  }, [text, category, state, range]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => staffClient.on('incidents.changed', () => void load()), [load]);
  const dialogs = useIncidentDialogs(() => void load());

  if (printId) return <IncidentSheet id={printId} onBack={() => navigate('/incidents')} />;

  return (
    <div data-testid="incidents-page">
      <Flex align="center" gap={12} style={{ marginBottom: 12 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('page.title')}
        </Typography.Title>
        <Input.Search placeholder={t('page.search')} allowClear onSearch={setText} style={{ width: 260 }} data-testid="incidents-search" />
        <Select
          allowClear
          placeholder={t('page.allCategories')}
          value={category}
          onChange={setCategory}
          options={INCIDENT_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
          style={{ width: 220 }}
        />
        <Select
          value={state}
          onChange={setState}
          style={{ width: 140 }}
          options={[
            { value: 'all', label: t('page.allStates') },
            { value: 'draft', label: t('state.draft') },
            { value: 'open', label: t('state.open') },
            { value: 'closed', label: t('state.closed') },
            { value: 'unreviewed', label: t('page.unreviewed') },
          ]}
        />
        <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} />
        <Button type="primary" icon={<PlusOutlined />} onClick={dialogs.create} style={{ marginLeft: 'auto' }} data-testid="incident-new">
          {t('page.new')}
        </Button>
      </Flex>
      <Table<IncidentSummary>
        rowKey="id"
        size="middle"
        dataSource={rows}
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: t('page.none') }}
        onRow={(r) => ({ onClick: () => void dialogs.open(r.id), style: { cursor: 'pointer' } })}
        data-testid="incidents-table"
        columns={[
          { title: t('page.number'), dataIndex: 'number', width: 150 },
          { title: t('page.occurredAt'), width: 150, render: (_: unknown, r) => at(r.occurredAt) },
          { title: t('page.category'), width: 130, render: (_: unknown, r) => t(`category.${r.category}`) },
          { title: t('page.place'), dataIndex: 'place' },
          { title: t('page.course'), dataIndex: 'excerpt', ellipsis: true },
          { title: t('page.author'), width: 100, render: (_: unknown, r) => r.author.name },
          {
            title: '',
            width: 170,
            render: (_: unknown, r) => (
              <>
                <Tag color={STATE_COLOR[r.state]}>{t(`state.${r.state}`)}</Tag>
                {r.reviewed && <Tag color="blue">{t('page.reviewDone')}</Tag>}
              </>
            ),
          },
        ]}
      />
      {dialogs.elements}
    </div>
  );
}
