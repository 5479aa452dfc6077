// The call log page (P-3, P-5): calls by day, status and search; figures by receptionist; the phone settings.
import { useCallback, useEffect, useState } from 'react';
import { App, Button, DatePicker, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useSession } from '../auth';
import { LEADS } from '../../../../shared/contract/define';
import { CALL_STATUSES, SCRIPT_STEPS, type Call, type CallFigures as Figures, type CallStatus } from '../../../../shared/contract/calls';
import { dayKey } from '../../../../shared/rules/time';
import { CallFigures } from './CallFigures';
import { CallDrawer } from './CallDrawer';
import { CallSettingsForm } from './CallSettingsForm';
import { StaffFigures } from './StaffFigures';
import { StatusTag } from './StatusTag';
import { clockTime, secondsText } from './format';
import { DEFAULT_TIME_ZONE } from '../../../../shared/rules/time';

const PAGE = 50;

function CallLog() {
  const { t } = useTranslation('calls');
  const { message } = App.useApp();
  const [timeZone, setTimeZone] = useState(DEFAULT_TIME_ZONE);
  const [targetRings, setTargetRings] = useState(3);
  const [day, setDay] = useState<Dayjs | null>(null);
  const [status, setStatus] = useState<CallStatus | undefined>();
  const [search, setSearch] = useState('');
  const [calls, setCalls] = useState<Call[]>([]);
  const [more, setMore] = useState(false);
  const [figures, setFigures] = useState<Figures | null>(null);
  const [open, setOpen] = useState<Call | null>(null);
  const [params, setParams] = useSearchParams();
  const linkedCall = params.get('call');

  // Opened from elsewhere (a reception-record item's call): that call's detail.
  useEffect(() => {
    if (!linkedCall) return;
    api.calls
      .get({ id: linkedCall })
      .then((call) => {
        setOpen(call);
        setDay(dayjs(dayKey(call.ringStartedAt, timeZone)));
      })
      .catch((e: Error) => void message.error(e.message));
  }, [linkedCall, timeZone, message]);

  useEffect(() => {
    void Promise.all([api.settings.building({}), api.calls.settings({})]).then(([building, settings]) => {
      setTimeZone(building.timeZone);
      setTargetRings(settings.targetRings);
      setDay((current) => current ?? dayjs(dayKey(Date.now(), building.timeZone)));
    });
  }, []);

  const load = useCallback(
    async (before?: number) => {
      if (!day) return;
      const key = day.format('YYYY-MM-DD');
      try {
        const [page, dayFigures] = await Promise.all([
          api.calls.list({ day: key, status, search: search || undefined, limit: PAGE, before }),
          before ? Promise.resolve(null) : api.calls.figures({ day: key }),
        ]);
        setCalls((current) => (before ? [...current, ...page.calls] : page.calls));
        setMore(page.more);
        if (dayFigures) setFigures(dayFigures);
      } catch (e) {
        void message.error((e as Error).message);
      }
    },
    [day, status, search, message],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const none = t('figures.none');
  return (
    <div data-testid="call-log">
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker value={day} allowClear={false} onChange={(d) => d && setDay(d)} data-testid="call-log-day" />
        <Select
          allowClear
          placeholder={t('log.allStatuses')}
          style={{ width: 160 }}
          value={status}
          onChange={(v) => setStatus(v)}
          options={CALL_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <Input.Search allowClear placeholder={t('log.search')} style={{ width: 320 }} onSearch={(v) => setSearch(v.trim())} data-testid="call-log-search" />
      </Space>
      <div style={{ marginBottom: 12 }}>
        <CallFigures figures={figures} targetRings={targetRings} testId="call-log-figures" />
      </div>
      <Table<Call>
        rowKey="id"
        dataSource={calls}
        pagination={false}
        size="small"
        onRow={(call) => ({ onClick: () => setOpen(call), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('log.time'), dataIndex: 'ringStartedAt', width: 90, render: (at: number) => clockTime(at, timeZone) },
          { title: t('log.line'), dataIndex: 'line', width: 60 },
          { title: t('log.status'), dataIndex: 'status', width: 140, render: (_: unknown, call) => <StatusTag call={call} /> },
          {
            title: t('log.latency'),
            dataIndex: 'answerLatencyMs',
            width: 150,
            render: (ms: number | null, call) =>
              ms === null ? (
                none
              ) : (
                <Space size={4}>
                  {t('figures.seconds', { value: secondsText(ms) })}
                  <Tag color={call.withinTarget ? 'green' : 'red'}>{t('ring.ringNo', { ring: call.ringsAtAnswer ?? 1 })}</Tag>
                </Space>
              ),
          },
          {
            title: t('log.caller'),
            render: (_: unknown, call) => (
              <span>
                {call.callerName || none}
                {call.callerNumber && <Typography.Text type="secondary"> {call.callerNumber}</Typography.Text>}
              </span>
            ),
          },
          { title: t('record.unit'), dataIndex: 'unit', render: (v: string) => v || none },
          {
            title: t('record.topic'),
            dataIndex: 'topic',
            render: (v: string, call) => (
              <span>
                {v || none} {call.confidentialityAsked && <SafetyCertificateOutlined style={{ color: '#fa8c16' }} />}
              </span>
            ),
          },
          { title: t('record.outcome'), dataIndex: 'outcome', render: (o: Call['outcome']) => (o ? t(`record.outcomes.${o}`) : none) },
          {
            title: t('log.script'),
            width: 70,
            render: (_: unknown, call) => (call.answeredAt === null ? none : `${call.scriptSteps.length}/${SCRIPT_STEPS.length}`),
          },
          { title: t('log.answeredBy'), render: (_: unknown, call) => call.answeredBy?.name ?? none },
        ]}
      />
      {more && (
        <Button style={{ marginTop: 12 }} onClick={() => void load(calls[calls.length - 1]?.ringStartedAt)}>
          {t('log.more')}
        </Button>
      )}
      <CallDrawer
        call={open}
        timeZone={timeZone}
        onClose={() => {
          setOpen(null);
          if (linkedCall) setParams({}, { replace: true });
        }}
        onChanged={(changed) => {
          setOpen(changed);
          setCalls((current) => current.map((c) => (c.id === changed.id ? changed : c)));
        }}
      />
    </div>
  );
}

export function CallLogPage() {
  const { t } = useTranslation('calls');
  const role = useSession((s) => s.user?.role);
  const items = [
    { key: 'log', label: t('log.tabLog'), children: <CallLog /> },
    { key: 'staff', label: t('log.tabStaff'), children: <StaffFigures /> },
    ...(role && LEADS.includes(role) ? [{ key: 'settings', label: t('log.tabSettings'), children: <CallSettingsForm /> }] : []),
  ];
  return (
    <div data-testid="call-log-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('log.title')}
      </Typography.Title>
      <Tabs destroyOnHidden items={items} />
    </div>
  );
}
